// The command line: one table of subcommands, each option declared once
// with its help and parsed into its type (cli/options.h), then the
// subcommand run (cli/commands.h).
#include "cli/cli.h"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <unicode/uvernum.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string_view>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/generated_docs.h"
#include "cli/messages.h"
#include "cli/options.h"
#include "cli/suggest.h"
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

// tokens reads one input and has no batch, stream or --fail-on: only the
// codes it can give.
constexpr const char* kTokensExitCodes = R"(Exit codes:
  0   success (also when the reader of a pipe goes away)
  64  usage error
  65  the input is binary, undecodable, larger than --max-bytes, or a PDF
      or HTML page lexfr cannot read
  66  the input is missing or unreadable
  73  the output file cannot be created
  74  write error
  78  PDF support (liblexfr_pdf.so) is missing
  130 interrupted)";

constexpr const char* kExamples = R"(Examples:
  lexfr analyze article.txt                   one JSON document on stdout
  lexfr analyze corpus/ -o out/               one out/<path>.json per file
  lexfr analyze article.txt | jq '.entities[] | select(.type=="LEGAL_REF") | .canonical'
  lexfr tokens article.txt | jq -r .text      check the segmentation
  lexfr help analyze                          every option of analyze, with examples
  source <(lexfr completions bash)            complete lexfr's options in bash)";

constexpr const char* kAnalyzeExamples = R"(Examples:
  lexfr analyze article.txt                   one JSON document on stdout
  lexfr analyze a.txt b.txt -o out.jsonl      JSON Lines, one document a line
  lexfr analyze corpus/ > corpus.jsonl        every *.txt, *.html, *.htm, *.pdf, *.docx, *.odt below corpus/, in path order
  lexfr analyze decision.pdf                  PDF text, each mention with its page
  lexfr analyze --emit-text page.html         the text that offsets count into
  lexfr analyze corpus/ -o out/               one out/<path>.json per file
  lexfr analyze --format html article.txt -o report.html   a page to look at
  lexfr analyze --format html corpus/ -o out/ one out/<path>.html per file, and out/index.html
  lexfr -v analyze --max-bytes 1G corpus/     larger inputs, and what was read on stderr
  git ls-files -z '*.txt' | lexfr analyze --files-from - -0 --fail-on error,no-entities
  cat article.txt | lexfr analyze -           read standard input
  echo '{"id":7,"text":"Le Conseil d’État a statué."}' | lexfr analyze --input-jsonl -
                                              JSON Lines in, one record a line out, in order
  lexfr analyze article.txt | jq '.entities[] | select(.type=="LEGAL_REF") | .canonical')";

constexpr const char* kTokensExamples = R"(Examples:
  lexfr tokens article.txt | jq -r .text      one token a line
  echo "L'art. 48 du RGPD" | lexfr tokens     standard input
  lexfr tokens decision.pdf -o tokens.jsonl   the tokens of a PDF's text)";

constexpr const char* kSchemaExamples = R"(Examples:
  lexfr schema > lexfr.schema.json            the JSON Schema of the output
  lexfr analyze a.txt | python3 -m jsonschema -i /dev/stdin lexfr.schema.json)";

constexpr const char* kEvalExamples = R"(Examples:
  lexfr eval my-corpus/                       analyse my-corpus/X.txt for each X.gold.json, and score it
  lexfr eval my-corpus/ out.jsonl --misses    score saved output, and list what was missed
  lexfr eval my-corpus/ out/ --json           a folder of records (analyze -o out/); every figure as JSON
The gold format is in the README ("Measuring lexfr on your own texts").)";

constexpr const char* kEvalExitCodes = R"(Exit codes:
  0   the scores were written
  64  usage error (GOLD_DIR is not a folder)
  65  a gold file or a prediction is not JSON
  66  GOLD_DIR has no *.gold.json, or PREDICTIONS is missing or unreadable
  74  write error)";

constexpr const char* kCompletionsExamples = R"(Examples:
  source <(lexfr completions bash)            in this shell, or in ~/.bashrc
  lexfr completions zsh > ~/.zfunc/_lexfr     with fpath+=~/.zfunc in ~/.zshrc
  lexfr completions fish > ~/.config/fish/completions/lexfr.fish
The Debian package installs all three where each shell looks.)";

constexpr const char* kHelpExamples = R"(Examples:
  lexfr help                                  the commands
  lexfr help analyze                          the options of analyze, as lexfr analyze --help)";

using Handler = int (*)(const Options&);


// --- options parsed into their types ------------------------------------------------

// --max-bytes: a size with an optional K, M, G or T (options.h). CLI11 alone
// would read "-1" as the largest size_t (no limit at all) and wrap sizes
// past 2^64.
size_t ParseMaxBytes(const std::string& text) {
  const std::optional<uint64_t> n = ParseByteSize(text);
  if (!n) {
    throw CLI::ValidationError("--max-bytes", "wants a size in bytes, with an optional K, M, G or T (64M, 1G), at most "
                                              "1T, not '" + text + "'");
  }
  return static_cast<size_t>(*n);
}

double ParseTimeoutOption(const std::string& text) {
  const std::optional<double> seconds = ParseTimeout(text);
  if (!seconds) {
    throw CLI::ValidationError("--timeout", "wants a number of seconds from 0.001 to 1000000 (as in 60 or 0.5), not '" +
                                                text + "'");
  }
  return *seconds;
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

// -o: analyze also writes one file per input into a folder; tokens has one
// input.
constexpr const char* kOutputFileHelp =
    "Write to FILE instead of standard output (never an input: refused before anything is written)";
constexpr const char* kOutputHelp =
    "Write to FILE instead of standard output (never an input: refused before anything is written); with a "
    "trailing '/' or an existing folder, DIR/: one DIR/<path>.json (or .html) per input, mirroring the inputs' "
    "paths";

void AddInputOptions(CLI::App* app, Options* opt, const char* output_help) {
  app->add_option("-o,--output", opt->output, output_help)->type_name("FILE");
  app->add_option_function<std::string>(
         "--max-bytes", [opt](const std::string& text) { opt->max_bytes = ParseMaxBytes(text); },
         "Refuse inputs larger than SIZE bytes, with an optional K, M, G or T (powers of 1024: 64M, 1G; default "
         "64M, at most 1T); endless inputs stop there")
      ->type_name("SIZE");
  app->add_option_function<std::string>(
         "--timeout", [opt](const std::string& text) { opt->timeout = ParseTimeoutOption(text); },
         "Give up on an HTML page or a PDF whose parser takes more than SECONDS of CPU time (default "
         "60; twice that in wall-clock time): error \"timeout\"")
      ->type_name("SECONDS");
}

void AddBatchOptions(CLI::App* app, Options* opt) {
  const char* group = "Folders and batches";
  app->add_option("--include", opt->walk.include,
                  "Analyze the files of a folder whose name or relative path matches GLOB (default *.txt, "
                  "*.html, *.htm, *.pdf, *.docx, *.odt); repeatable")
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
                  "Files and folders to analyze (folders: every *.txt, *.html, *.htm, *.pdf, *.docx, *.odt below, in path order); "
                  "'-' or nothing (with a pipe) reads standard input");
  AddInputOptions(app, opt, kOutputHelp);
  app->add_option_function<std::string>(
         "--format", [opt](const std::string& name) { opt->format = *ParseOutputFormat(name); },
         "auto: one JSON object for one input, JSON Lines for several; json: one JSON object, or for several "
         "inputs one JSON array of them; jsonl: one object a line; csv, tsv: a table, one row per entity (or "
         "mention, --rows) under one header row; html: a self-contained page (several inputs: with -o DIR/, plus "
         "DIR/index.html)")
      ->check(CLI::IsMember({"auto", "json", "jsonl", "csv", "tsv", "html"}))
      ->type_name("FORMAT");
  app->add_option_function<std::string>(
         "--lang", [opt](const std::string& name) { ParseHtmlLang(name, &opt->lang); },
         "The language of --format html pages and index.html: fr (default) or en; the JSON is the same in both")
      ->check(CLI::IsMember({"fr", "en"}))
      ->type_name("LANG");
  app->add_flag("--pretty", opt->pretty,
                "Indent the JSON (default when one document goes to a terminal); several inputs: one indented JSON "
                "array");
  app->add_option("--rows", opt->rows,
                  "With --format csv or tsv: one row per entity (entities, the default: its first mention's "
                  "offsets and sentence) or per mention (mentions)")
      ->check(CLI::IsMember({"entities", "mentions"}))
      ->type_name("WHAT");
  app->add_option_function<std::vector<std::string>>(
         "--types",
         [opt](const std::vector<std::string>& names) {
           opt->shape.types = 0;
           // CLI11 checked the names: each parses.
           for (const std::string& name : names) {
             opt->shape.types |= 1U << static_cast<unsigned>(ParseEntityType(name).value_or(EntityType::kOrg));
           }
         },
         "Keep only the entities of these types (comma-separated: ORG, PERSON, LOC, LEGAL_REF, DATE, DURATION, "
         "MONEY); stats still count them all")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"ORG", "PERSON", "LOC", "LEGAL_REF", "DATE", "DURATION", "MONEY"}, CLI::ignore_case))
      ->type_name("TYPES");
  app->add_flag_function(
         "--no-mentions", [opt](int64_t) { opt->shape.mentions = false; },
         "Write entities without their mentions (canonical, fields and aliases only): a lighter JSON");
  app->add_flag("--sentences", opt->shape.sentences,
                "Add \"sentences\": [{start, end, byte_start, byte_end, text}], which a mention's \"sentence\" and "
                "the recourse's \"evidence\" index (JSON only)");
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
         "auto (default): PDF, HTML, .docx and .odt told by their content, else by the extension (a .doc, RTF "
         "or spreadsheet is refused, naming a converter); text; html; pdf; docx; odt")
      ->check(CLI::IsMember({"auto", "text", "html", "pdf", "docx", "odt"}))
      ->type_name("FORMAT");
  app->add_flag("--emit-text", opt->emit_text,
                "Print the text extracted from the one input (what offsets count into) instead of analysing it");
  AddBatchOptions(app, opt);
  AddStreamOptions(app, opt);
}

void ConfigureTokens(CLI::App* app, Options* opt) {
  app->add_option("PATH", opt->inputs, "The file to segment; '-' or nothing (with a pipe) reads standard input")
      ->expected(0, 1);
  AddInputOptions(app, opt, kOutputFileHelp);
}

void ConfigureSchema(CLI::App*, Options*) {}

void ConfigureEval(CLI::App* app, Options* opt) {
  app->add_option("GOLD_DIR", opt->gold_dir,
                  "The folder of gold files X.gold.json (the README's gold format), beside their texts X.txt "
                  "(or .html, .pdf)")
      ->required()
      ->type_name("GOLD_DIR");
  app->add_option("PREDICTIONS", opt->predictions,
                  "Saved lexfr output to score: JSON Lines, a JSON array (--format json), or a folder of *.json "
                  "(-o DIR/); none: analyse the texts of GOLD_DIR now")
      ->type_name("PREDICTIONS");
  app->add_flag("--misses", opt->eval_misses,
                "Also list each entity missed or spurious and each field scored below 1, one a line (TSV)");
  app->add_flag("--json", opt->eval_json, "Write every figure as one JSON object instead of the table");
  app->add_option("-o,--output", opt->output, kOutputFileHelp)->type_name("FILE");
  app->add_option("--gazetteer", opt->gazetteers, "As analyze --gazetteer, when lexfr analyses the texts")
      ->allow_extra_args(false)
      ->type_name("FILE");
  app->add_option_function<std::string>(
         "--ref-date", [opt](const std::string& text) { opt->ref_date = ParseRefDate(text); },
         "As analyze --ref-date, when lexfr analyses the texts")
      ->type_name("DATE");
}

void ConfigureCompletions(CLI::App* app, Options* opt) {
  app->add_option("SHELL", opt->shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember(kCompletionShells))
      ->type_name("SHELL");
}

void ConfigureHelp(CLI::App* app, Options* opt) {
  app->add_option("COMMAND", opt->help_topic, "The command whose options to print; none: the list of commands")
      ->type_name("COMMAND");
}

struct Command {
  const char* name;
  const char* alias;  // another spelling users type, or none
  const char* description;
  const char* examples;
  const char* exit_codes;  // the table of the codes it can give, when more than 0 and 64
  void (*configure)(CLI::App*, Options*);
  Handler run;  // none: a command about lexfr itself, run by RunCli with the app at hand
};

// British spelling is what the README and French users often type.
const Command kCommands[] = {
    {"analyze", "analyse", "Analyze French texts: entities, legal references, dates, money, the recourse",
     kAnalyzeExamples, kExitCodes, ConfigureAnalyze, RunAnalyze},
    {"tokens", nullptr, "Print the tokens of one text as JSON Lines, to check the segmentation", kTokensExamples,
     kTokensExitCodes, ConfigureTokens, RunTokens},
    {"eval", nullptr, "Score lexfr on your own annotated texts: precision, recall and F1 by entity type, the recourse's fields",
     kEvalExamples, kEvalExitCodes, ConfigureEval, RunEval},
    {"schema", nullptr, "Print the JSON Schema (draft 2020-12) of the analyze output", kSchemaExamples, nullptr,
     ConfigureSchema, RunSchema},
    {"completions", nullptr, "Print the completion script of a shell (bash, zsh, fish)", kCompletionsExamples, nullptr,
     ConfigureCompletions, nullptr},
    {"help", nullptr, "Print the help of lexfr or of one command", kHelpExamples, nullptr, ConfigureHelp, nullptr},
};

// --- the options every command takes ------------------------------------------------

struct GlobalOptions {
  int verbosity = 0;      // -v, -vv
  bool quiet = false;     // -q
  std::string log_level;  // --log-level; empty: from -v and -q
  std::string color;      // --color; empty: auto
};

// On the app and on each subcommand (so that each one's --help shows them,
// and `lexfr analyze -v` works), each time into its own GlobalOptions.
void AddGlobalOptions(CLI::App* app, GlobalOptions* g, const std::string& group) {
  app->add_flag("-v,--verbose", g->verbosity,
                "Say on stderr what was read: -v each input's format, encoding, bytes, sentences, entities by type "
                "and time; -vv also each recogniser's counts")
      ->group(group);
  app->add_flag("-q,--quiet", g->quiet, "Only errors on stderr (no summary line, no progress)")->group(group);
  app->add_option("--log-level", g->log_level, "Log level: trace, debug, info, warn, error, off (overrides -v, -q)")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->type_name("LEVEL")
      ->group(group);
  app->add_option("--color", g->color,
                  "Colour the messages on stderr: auto (default: when stderr is a terminal and NO_COLOR is unset), "
                  "always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN")
      ->group(group);
}

// The global options given before the command and after it, as one.
GlobalOptions Merge(const GlobalOptions& before, const GlobalOptions& after) {
  GlobalOptions g;
  g.verbosity = before.verbosity + after.verbosity;
  g.quiet = before.quiet || after.quiet;
  g.log_level = after.log_level.empty() ? before.log_level : after.log_level;
  g.color = after.color.empty() ? before.color : after.color;
  return g;
}

// NO_COLOR (no-color.org): set and not empty turns colour off, unless
// --color always.
bool ColorWanted(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && isatty(STDERR_FILENO);
}

void SetUpLogging(const GlobalOptions& g) {
  spdlog::set_default_logger(MakeStderrLogger(ColorWanted(g.color)));
  spdlog::level::level_enum level = spdlog::level::warn;
  if (g.verbosity == 1) level = spdlog::level::info;
  if (g.verbosity >= 2) level = spdlog::level::debug;
  if (g.quiet) level = spdlog::level::err;
  if (!g.log_level.empty()) level = spdlog::level::from_str(g.log_level);
  spdlog::set_level(level);
}

// --- help, version, usage errors -------------------------------------------------------

// " FILE" for an option that takes a FILE; "" for a flag (which expects
// no value).
std::string ValueName(const CLI::Option* opt) {
  if (opt->get_expected_max() == 0) return "";
  const std::string type = opt->get_type_name();
  return " " + type.substr(0, type.find(':'));  // without ":{a,b}", the checks
}

// --help shows each option's value by its name only (FILE, N): CLI11 would
// add its checks and links ("Excludes: --input-jsonl", ":{allow,deny}"),
// which the help texts say in words.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* opt) const override {
    return opt->get_positional() ? "" : ValueName(opt);
  }
};

// What a bug report needs: the version, the commit, the ICU and poppler.
std::string VersionText() {
  return std::string("lexfr ") + LEXFR_VERSION + "\ncommit " + BuiltCommit() + ", ICU " + U_ICU_VERSION +
         ", poppler " + LEXFR_POPPLER_VERSION + " (in liblexfr_pdf.so)";
}

// A usage error: what is wrong, and what to do about it.
struct UsageError {
  std::string what;
  std::string todo;
};

int ReportUsageError(const UsageError& e) {
  WriteToStderr("lexfr: error: " + EscapeForTerminal(e.what) + " — " + EscapeForTerminal(e.todo) + "\n");
  return static_cast<int>(ExitCode::kUsage);
}

std::vector<CLI::App*> VisibleCommands(CLI::App* app) {
  return app->get_subcommands([](CLI::App* sub) { return !sub->get_group().empty(); });
}

// The command called `word` (or spelt so by an alias); none when none is.
CLI::App* FindCommand(CLI::App* app, const std::string& word) {
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) {
    if (sub->check_name(word)) return sub;
  }
  return nullptr;
}

std::string CommandList(CLI::App* app) {
  std::string list;
  for (CLI::App* sub : VisibleCommands(app)) list += (list.empty() ? "" : ", ") + sub->get_name();
  return list;
}

// "unknown command 'analize'", with the nearest command, or what a file
// name was probably meant for, or the list.
UsageError UnknownCommand(CLI::App* app, const std::string& word) {
  std::vector<std::string> names;
  for (CLI::App* sub : VisibleCommands(app)) names.push_back(sub->get_name());
  const std::string what = "unknown command '" + word + "'";
  if (const std::optional<std::string> near = NearestWord(word, names)) {
    return {what, "did you mean \"" + *near + "\"? ('lexfr help' lists the commands)"};
  }
  if (access(word.c_str(), F_OK) == 0) return {what, "to analyze that file: lexfr analyze " + word};
  return {what, "the commands are " + CommandList(app) + "; 'lexfr help' says what each does"};
}

// The command word: the first that is neither an option nor the value of a
// global option. None when there is none.
std::optional<std::string> CommandWord(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--log-level" || a == "--color") {
      ++i;
    } else if (a.size() < 2 || a[0] != '-') {
      return a;
    }
  }
  return std::nullopt;
}

bool AsksForHelpOrVersion(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(),
                     [](const std::string& a) { return a == "-h" || a == "--help" || a == "-V" || a == "--version"; });
}

// Before CLI11 parses: a missing or unknown command (CLI11 would answer
// both with « A subcommand is required »).
std::optional<UsageError> CheckCommandWord(CLI::App* app, const std::vector<std::string>& args) {
  const std::optional<std::string> word = CommandWord(args);
  if (!word) {
    if (AsksForHelpOrVersion(args)) return std::nullopt;
    return UsageError{"no command given", "try 'lexfr analyze FILE', or 'lexfr help' for the commands"};
  }
  if (FindCommand(app, *word) != nullptr) return std::nullopt;
  return UnknownCommand(app, *word);
}

std::string HelpHint(const CLI::App* command) {
  return command == nullptr ? "lexfr --help" : "lexfr " + command->get_name() + " --help";
}

// Every option name of `command` and of the global options.
std::vector<std::string> OptionNames(CLI::App* app, CLI::App* command) {
  std::vector<std::string> names;
  for (CLI::App* a : {app, command}) {
    if (a == nullptr) continue;
    for (const CLI::Option* opt : a->get_options()) {
      for (const std::string& s : opt->get_snames()) names.push_back("-" + s);
      for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
    }
  }
  return names;
}

// After CLI11 parsed: the words it did not take (allow_extras), as one
// error about the first: an unknown option with the nearest one, or an
// argument too many.
std::optional<UsageError> CheckLeftOvers(CLI::App* app, CLI::App* command) {
  const std::vector<std::string> left = app->remaining(true);
  if (left.empty()) return std::nullopt;
  const std::string& word = left.front();
  const std::string hint = HelpHint(command);
  if (word.size() > 1 && word[0] == '-') {
    const std::string name = word.substr(0, word.find('='));
    if (const std::optional<std::string> near = NearestWord(name, OptionNames(app, command))) {
      return UsageError{"unknown option '" + word + "'", "did you mean \"" + *near + "\"? (see '" + hint + "')"};
    }
    return UsageError{"unknown option '" + word + "'", "'" + hint + "' lists the options"};
  }
  return UsageError{"unexpected argument '" + word + "'", "'" + hint + "' says what the command takes"};
}

// CLI11's messages ("--jobs: wants a number..."; "--format: xml not in
// {auto,json,jsonl,html}") say what is wrong; the help of the command says
// what is right.
// Two of them are rewritten: they name CLI11's rules rather than the user's
// mistake.
UsageError FromParseError(const CLI::ParseError& e, const CLI::App* command) {
  const std::string hint = "see '" + HelpHint(command) + "'";
  if (e.get_name() == "ExcludesError") {
    return {"--input-jsonl reads its documents from the stream: it takes no PATH, --files-from, --shard or --pretty",
            hint};
  }
  if (command != nullptr && command->get_name() == "tokens" && std::string_view(e.what()).starts_with("PATH:")) {
    return {"tokens reads one text, not several", "run it once per file, or 'lexfr analyze' for several"};
  }
  return {e.what(), hint};
}

void WriteToStdout(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

// lexfr help [COMMAND]: as --help, on standard output, exit 0.
int RunHelp(CLI::App* app, const std::string& topic) {
  if (topic.empty()) {
    // Not app->help(), which would print the help of `help`, the command parsed.
    WriteToStdout(app->get_formatter()->make_help(app, "lexfr", CLI::AppFormatMode::Normal));
    return 0;
  }
  CLI::App* command = FindCommand(app, topic);
  if (command == nullptr) return ReportUsageError(UnknownCommand(app, topic));
  WriteToStdout(command->help("lexfr"));
  return 0;
}

// The commands about lexfr itself: help, completions, manpage.
int RunSelfCommand(CLI::App* app, CLI::App* command, const Options& opt) {
  const std::string& name = command->get_name();
  if (name == "help") return RunHelp(app, opt.help_topic);
  if (name == "completions") {
    WriteToStdout(Completions(app, opt.shell));
    return 0;
  }
  if (name == "manpage") {
    WriteToStdout(ManPage(app, ManPageText{LEXFR_VERSION, kExitCodes, kExamples}));
    return 0;
  }
  spdlog::critical("internal error: no handler for the command {}", name);
  return static_cast<int>(ExitCode::kSoftware);
}

// The command that the command word names, when it is one that runs (not
// help, completions or manpage, which read every command's options): only
// its options are made, since CLI11 parses no other command's (it takes one
// command: require_subcommand(1)), and making them all cost a tenth of an
// empty run's instructions (issue 21). None: every command needs its options.
const Command* CommandToRun(const std::vector<std::string>& args) {
  const std::optional<std::string> word = CommandWord(args);
  if (!word) return nullptr;
  for (const Command& c : kCommands) {
    if (c.run != nullptr && (*word == c.name || (c.alias != nullptr && *word == c.alias))) return &c;
  }
  return nullptr;
}

std::string Footer(const Command& c) {
  std::string footer = c.examples;
  if (c.exit_codes != nullptr) footer += std::string("\n\n") + c.exit_codes;
  return footer;
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
  app.formatter(std::make_shared<HelpFormatter>());
  app.set_version_flag("-V,--version", VersionText());
  app.footer(std::string(kExamples) + "\n\n" + kExitCodes);
  app.require_subcommand(1);
  app.fallthrough();
  app.allow_extras();  // reported by CheckLeftOvers, with the nearest option
  GlobalOptions before, after;
  Options opt;
  AddGlobalOptions(&app, &before, "Options");

  const std::vector<std::string> args(argv + 1, argv + argc);
  const Command* named = CommandToRun(args);
  std::vector<std::pair<CLI::App*, Handler>> handlers;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    if (c.alias != nullptr) sub->alias(c.alias);
    sub->footer(Footer(c));
    sub->allow_extras();
    if (named == nullptr || named == &c) {
      c.configure(sub, &opt);
      AddGlobalOptions(sub, &after, kGlobalGroup);
    }
    handlers.emplace_back(sub, c.run);
  }
  // lexfr(1), written at build time (CMakeLists.txt); not a command users need.
  CLI::App* manpage = app.add_subcommand("manpage", "Print the man page lexfr(1) in roff")->group("");
  handlers.emplace_back(manpage, nullptr);

  if (const std::optional<UsageError> e = CheckCommandWord(&app, args)) return ReportUsageError(*e);
  const std::optional<std::string> word = CommandWord(args);
  CLI::App* command = word ? FindCommand(&app, *word) : nullptr;
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    return ReportUsageError(FromParseError(e, command));
  }
  if (const std::optional<UsageError> e = CheckLeftOvers(&app, command)) return ReportUsageError(*e);
  const GlobalOptions global = Merge(before, after);
  opt.quiet = global.quiet;
  SetUpLogging(global);
  try {
    for (auto& [sub, run] : handlers) {
      if (!sub->parsed()) continue;
      return run != nullptr ? run(opt) : RunSelfCommand(&app, sub, opt);
    }
  } catch (const std::exception& e) {
    spdlog::critical("internal error: {}", e.what());
    return static_cast<int>(ExitCode::kSoftware);
  }
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace lexfr
