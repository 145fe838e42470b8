// The command line: one table of subcommands, each option declared once
// with its help and parsed into its type (cli/options.h), then the
// subcommand run (cli/commands.h).
#include "cli/cli.h"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/messages.h"
#include "cli/options.h"
#include "run/interrupt.h"

namespace lexfr {
namespace {

constexpr const char* kExitCodes = R"(Exit codes:
  0   success (also when the reader of a pipe goes away, as in `| head`:
      --summary is still written)
  1   a --fail-on condition was met (and no input failed)
  64  usage error (bad option or argument; an -o or --summary that is an
      input or the other output; standard input or a FIFO given twice)
  65  an input is binary, undecodable or larger than --max-bytes, a PDF is
      damaged, encrypted or has no text layer (a scan), an HTML page is
      nested too deep, an HTML page or PDF is too complex for its parser or
      takes longer than --timeout;
      in a batch run (several inputs, a folder, --files-from) or a stream
      (--input-jsonl): any input failed
  66  the one input (or the --input-jsonl file) is missing or unreadable
  70  internal error (please report it)
  73  the output file cannot be created
  74  write error (disk full, /dev/full)
  78  a --gazetteer file is malformed or over 64 MiB; PDF support
      (liblexfr_pdf.so) is missing
  130 interrupted (SIGINT or SIGTERM, both 130): the lines written are
      complete, --summary is written with "interrupted": true)";

constexpr const char* kExamples = R"(Examples:
  lexfr analyze article.txt                   one JSON document on stdout
  lexfr analyze a.txt b.txt -o out.jsonl      JSON Lines, one document a line
  lexfr analyze corpus/ > corpus.jsonl        every *.txt, *.html, *.htm, *.pdf below corpus/, in path order
  lexfr analyze decision.pdf                  PDF text, each mention with its page
  lexfr analyze --emit-text page.html         the text that offsets count into
  lexfr analyze corpus/ -o out/               one out/<path>.json per file
  lexfr analyze --format html article.txt -o report.html   a page to look at
  lexfr analyze --format html corpus/ -o out/ one out/<path>.html per file, and out/index.html
  git ls-files -z '*.txt' | lexfr analyze --files-from - -0 --fail-on error,no-entities
  cat article.txt | lexfr analyze -           read standard input
  echo '{"id":7,"text":"Le Conseil d’État a statué."}' | lexfr analyze --input-jsonl -
                                              JSON Lines in, one record a line out, in order
  lexfr analyze article.txt | jq '.entities[] | select(.type=="LEGAL_REF") | .canonical'
  lexfr tokens article.txt | jq -r .text      check the segmentation
  lexfr schema > lexfr.schema.json            the JSON Schema of the output)";

using Handler = int (*)(const Options&);

struct Command {
  const char* name;
  const char* description;
  void (*configure)(CLI::App*, Options*);
  Handler run;
};

// --- options parsed into their types ------------------------------------------------

// --max-bytes: a whole number of bytes, at most kMostMaxBytes. CLI11 alone
// would read "-1" as the largest size_t (no limit at all) and wrap sizes
// past 2^64; the cap keeps the multiples of it that later stages take (the
// text an HTML page or a PDF may extract to) far from overflowing.
constexpr uint64_t kMostMaxBytes = uint64_t{1} << 40;  // 1 TiB

size_t ParseMaxBytes(const std::string& text) {
  uint64_t n = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc() || stop != end || n > kMostMaxBytes) {
    throw CLI::ValidationError("--max-bytes", "wants a whole number of bytes from 0 to " +
                                                  std::to_string(kMostMaxBytes) + " (1 TiB), not '" + text + "'");
  }
  return static_cast<size_t>(n);
}

CalendarDate ParseRefDate(const std::string& text) {
  const std::optional<CalendarDate> date = ParseCalendarDate(text);
  if (!date) {
    throw CLI::ValidationError("--ref-date", "wants a real calendar date YYYY-MM-DD between " +
                                                 std::to_string(kFirstDateYear) + " and " +
                                                 std::to_string(kLastDateYear) + " (as in 2024-02-29), not '" +
                                                 text + "'");
  }
  return *date;
}

unsigned ParseJobsOption(const std::string& text) {
  const std::optional<unsigned> jobs = ParseJobs(text);
  if (!jobs) {
    throw CLI::ValidationError("--jobs", "wants a number of files at a time from 1 to " + std::to_string(kMostJobs) +
                                             ", not '" + text + "'");
  }
  return *jobs;
}

Shard ParseShardOption(const std::string& text) {
  Shard shard;
  if (Status s = ParseShard(text, &shard); !s.ok()) throw CLI::ValidationError("--shard", s.message());
  return shard;
}

// --- the options of each subcommand -----------------------------------------------

void AddInputOptions(CLI::App* app, Options* opt) {
  app->add_option("-o,--output", opt->output,
                  "Write to FILE instead of standard output (never an input: refused before anything is written)")
      ->type_name("FILE");
  app->add_option_function<std::string>(
         "--max-bytes", [opt](const std::string& text) { opt->max_bytes = ParseMaxBytes(text); },
         "Refuse inputs larger than N bytes (default 64 MiB, at most 1 TiB); endless inputs stop there")
      ->type_name("N");
  app->add_option("--timeout", opt->timeout,
                  "Give up on an HTML page or a PDF whose parser takes more than SECONDS of CPU time (default "
                  "60; twice that in wall-clock time): error \"timeout\"")
      ->check(CLI::Range(0.001, 1e6))
      ->type_name("SECONDS");
}

void AddBatchOptions(CLI::App* app, Options* opt) {
  const char* group = "Folders and batches";
  app->add_option("--include", opt->walk.include,
                  "Analyze the files of a folder whose name or relative path matches GLOB (default *.txt, "
                  "*.html, *.htm, *.pdf); repeatable")
      ->allow_extra_args(false)
      ->type_name("GLOB")
      ->group(group);
  app->add_option("--exclude", opt->walk.exclude,
                  "Skip the files and folders whose name or relative path matches GLOB; repeatable")
      ->allow_extra_args(false)
      ->type_name("GLOB")
      ->group(group);
  app->add_flag("--follow-symlinks", opt->walk.follow_symlinks,
                "Follow symlinks inside folders (default: skip them); loops are reported, not followed")
      ->group(group);
  app->add_option("--files-from", opt->files_from,
                  "Also analyze the paths listed in FILE ('-': standard input), one a line, after the PATHs "
                  "(at most 256 MiB of list)")
      ->type_name("FILE")
      ->group(group);
  app->add_flag("-0,--null", opt->null_separated, "--files-from is NUL-separated (find -print0, git ls-files -z)")
      ->group(group);
  app->add_option_function<std::string>(
         "-j,--jobs", [opt](const std::string& text) { opt->jobs = ParseJobsOption(text); },
         "Analyze N files at a time, 1 to 1024 (default: one per core, at most 1024; never more than there are "
         "files); the output is the same byte for byte")
      ->type_name("N")
      ->group(group);
  app->add_option_function<std::string>(
         "--shard", [opt](const std::string& text) { opt->shard = ParseShardOption(text); },
         "Analyze only part K of N of the files (1 <= K <= N), chosen by a stable hash of their path")
      ->type_name("K/N")
      ->group(group);
  app->add_option_function<std::vector<std::string>>(
         "--fail-on",
         [opt](const std::vector<std::string>& words) {
           // CLI11 checked the words: ParseFailOn cannot fail here.
           if (Status s = ParseFailOn(words, &opt->fail_on); !s.ok()) {
             throw CLI::ValidationError("--fail-on", s.message());
           }
         },
         "Exit 1 and name the files when a document has: error, diagnostic, no-entities, no-recourse "
         "(comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"error", "diagnostic", "no-entities", "no-recourse"}))
      ->type_name("WHAT")
      ->group(group);
  app->add_option("--summary", opt->summary,
                  "Write the counts of the run (files, bytes, failures, entities, recourses, diagnostics) to FILE "
                  "as JSON")
      ->type_name("FILE")
      ->group(group);
}

// Mapper mode: after the other options, which it excludes.
void AddStreamOptions(CLI::App* app, Options* opt) {
  app->add_option("--input-jsonl", opt->input_jsonl,
                  "Mapper mode: read documents as JSON Lines from FILE ('-': standard input), one object a line, "
                  "{\"id\": 7, \"text\": \"...\"} or {\"id\": \"d-1\", \"path\": \"a.txt\"}; write one JSON "
                  "line per input line, in the same order, with source.id as given (source.path is \"-\" for a "
                  "text). A bad line gives an error record on its line and the stream goes on. Memory stays flat "
                  "however long the stream: for Spark's rdd.pipe, Hadoop Streaming, queue consumers")
      ->type_name("FILE")
      ->group("Streams")
      ->excludes(app->get_option("PATH"))
      ->excludes(app->get_option("--files-from"))
      ->excludes(app->get_option("--shard"))
      ->excludes(app->get_option("--pretty"));
  app->add_option_function<std::string>(
         "--input-jsonl-paths", [opt](const std::string& word) { opt->allow_paths = word == "allow"; },
         "allow (default): a line {\"path\": FILE} reads FILE, any regular file lexfr can read; deny: "
         "such lines are error records (paths_denied), for streams that come from other systems")
      ->check(CLI::IsMember({"allow", "deny"}))
      ->type_name("allow|deny")
      ->group("Streams")
      ->needs(app->get_option("--input-jsonl"));
}

void ConfigureAnalyze(CLI::App* app, Options* opt) {
  app->add_option("PATH", opt->inputs,
                  "Files and folders to analyze (folders: every *.txt, *.html, *.htm, *.pdf below, in path order); "
                  "'-' or nothing (with a pipe) reads standard input");
  AddInputOptions(app, opt);
  app->add_option_function<std::string>(
         "--format", [opt](const std::string& name) { opt->format = *ParseOutputFormat(name); },
         "auto: one JSON object for one input, JSON Lines for several; json; jsonl; html: a "
         "self-contained page (several inputs: with -o DIR/, plus DIR/index.html)")
      ->check(CLI::IsMember({"auto", "json", "jsonl", "html"}))
      ->type_name("FORMAT");
  app->add_flag("--pretty", opt->pretty, "Indent the JSON (default when one document goes to a terminal)");
  // One value per occurrence: otherwise CLI11 lets a list option swallow the
  // PATHs that follow it.
  app->add_option("--gazetteer", opt->gazetteers,
                  "Add the names in FILE (TSV: canonical, subtype, aliases, notes; at most 64 MiB); repeatable")
      ->allow_extra_args(false)
      ->type_name("FILE");
  app->add_option_function<std::string>(
         "--ref-date", [opt](const std::string& text) { opt->ref_date = ParseRefDate(text); },
         "YYYY-MM-DD, a real calendar date between 1000 and 2100, against which relative dates (hier, "
         "lundi dernier) resolve (default: an HTML page's publication date, else the date the document gives "
         "as its own; else relative dates are left out)")
      ->type_name("DATE");
  app->add_option_function<std::string>(
         "--input-format", [opt](const std::string& name) { ParseInputFormat(name, &opt->input_format); },
         "auto (default): PDF and HTML told by their content, else by the extension; text; html; pdf")
      ->check(CLI::IsMember({"auto", "text", "html", "pdf"}))
      ->type_name("FORMAT");
  app->add_flag("--emit-text", opt->emit_text,
                "Print the text extracted from the one input (what offsets count into) instead of analysing it");
  AddBatchOptions(app, opt);
  AddStreamOptions(app, opt);
}

void ConfigureTokens(CLI::App* app, Options* opt) {
  app->add_option("PATH", opt->inputs, "The file to segment; '-' or nothing (with a pipe) reads standard input")
      ->expected(0, 1);
  AddInputOptions(app, opt);
}

void ConfigureSchema(CLI::App*, Options*) {}

const Command kCommands[] = {
    {"analyze", "Analyze French texts: entities, legal references, dates, money, the recourse", ConfigureAnalyze,
     RunAnalyze},
    {"tokens", "Print the tokens of one text as JSON Lines, to check the segmentation", ConfigureTokens, RunTokens},
    {"schema", "Print the JSON Schema (draft 2020-12) of the analyze output", ConfigureSchema, RunSchema},
};

void SetUpLogging(int verbosity, bool quiet, const std::string& level_name) {
  const bool color = std::getenv("NO_COLOR") == nullptr && isatty(STDERR_FILENO);
  spdlog::set_default_logger(MakeStderrLogger(color));
  spdlog::level::level_enum level = spdlog::level::warn;
  if (verbosity == 1) level = spdlog::level::info;
  if (verbosity >= 2) level = spdlog::level::debug;
  if (quiet) level = spdlog::level::err;
  if (!level_name.empty()) level = spdlog::level::from_str(level_name);
  spdlog::set_level(level);
}

// CLI11's own messages (a bad option), escaped line by line: they quote the
// arguments, which may hold anything.
int ExitOnParseError(const CLI::App& app, const CLI::ParseError& e) {
  std::ostringstream out, err;
  app.exit(e, out, err);
  std::string escaped;
  std::istringstream lines(err.str());
  for (std::string line; std::getline(lines, line);) escaped += EscapeForTerminal(line) + "\n";
  WriteToStderr(escaped);
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace

int RunCli(int argc, char** argv) {
  // Before anything opens a file: one opened onto a closed fd 2 would
  // receive the logs (cli/messages.h).
  ReserveStandardFds();
  // Then, first thing: a signal from now on asks the run to stop
  // (run/interrupt.h).
  InstallInterruptHandlers();
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows as EPIPE on write
  CLI::App app{"lexfr: analyze French legal and news texts into JSON (entities, legal references, dates, money, "
               "the legal action described)",
               "lexfr"};
  app.set_version_flag("--version", std::string("lexfr ") + LEXFR_VERSION);
  app.footer(std::string(kExamples) + "\n\n" + kExitCodes);
  app.require_subcommand(1);
  app.fallthrough();
  int verbosity = 0;
  std::string log_level;
  Options opt;
  app.add_flag("-v,--verbose", verbosity, "More logs on stderr (-v info, -vv debug)");
  app.add_flag("-q,--quiet", opt.quiet, "Only errors on stderr (no summary line, no progress)");
  app.add_option("--log-level", log_level, "Log level: trace, debug, info, warn, error, off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));

  std::vector<std::pair<CLI::App*, Handler>> handlers;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    sub->footer(kExitCodes);
    c.configure(sub, &opt);
    handlers.emplace_back(sub, c.run);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    return ExitOnParseError(app, e);
  }
  SetUpLogging(verbosity, opt.quiet, log_level);
  try {
    for (auto& [sub, run] : handlers) {
      if (sub->parsed()) return run(opt);
    }
  } catch (const std::exception& e) {
    spdlog::critical("internal error: {}", e.what());
    return static_cast<int>(ExitCode::kSoftware);
  }
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace lexfr
