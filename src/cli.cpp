#include "cli.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "lexfr/analyze.h"
#include "lexfr/embedded.h"
#include "lexfr/files.h"
#include "lexfr/writer.h"

namespace lexfr {
namespace {

constexpr const char* kExitCodes = R"(Exit codes:
  0   success (also when the reader of a pipe goes away, as in `| head`)
  1   a --fail-on condition was met
  64  usage error (bad option or argument)
  65  an input is binary, undecodable or larger than --max-bytes
  66  an input is missing, unreadable or a folder
  70  internal error (please report it)
  73  the output file cannot be created
  74  write error (disk full, /dev/full)
  78  a --gazetteer file is malformed)";

constexpr const char* kExamples = R"(Examples:
  lexfr analyze article.txt                   one JSON document on stdout
  lexfr analyze a.txt b.txt -o out.jsonl      JSON Lines, one document a line
  cat article.txt | lexfr analyze -           read standard input
  lexfr analyze article.txt | jq '.entities[] | select(.type=="LEGAL_REF") | .canonical'
  lexfr tokens article.txt | jq -r .text      check the segmentation
  lexfr schema > lexfr.schema.json            the JSON Schema of the output)";

struct Invocation {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string format = "auto";
  bool pretty = false;
  std::vector<std::string> gazetteers;
  std::string ref_date;
  size_t max_bytes = kDefaultMaxBytes;
};

using Handler = int (*)(const Invocation&);

struct Command {
  const char* name;
  const char* description;
  void (*configure)(CLI::App*, Invocation*);
  Handler run;
};

int ExitOf(const Status& s) { return static_cast<int>(s.exit_code()); }

// A write failure: a closed pipe ends quietly with 0, anything else is 74.
int WriteFailure(const Status& s) {
  if (s.code() == "closed_pipe") {
    spdlog::debug("{}", s.message());
    return 0;
  }
  spdlog::error("{}", s.message());
  return ExitOf(s);
}

// No PATH means standard input, but only when something is piped into it.
Status ResolveInputs(const Invocation& inv, std::vector<std::string>* inputs) {
  *inputs = inv.inputs;
  if (inputs->empty()) {
    if (isatty(STDIN_FILENO)) {
      return Status::Error(ExitCode::kUsage, "usage", "no input: give a PATH, or '-' to read standard input");
    }
    inputs->push_back("-");
  }
  return Status::Ok();
}

void AddInputOptions(CLI::App* app, Invocation* inv) {
  app->add_option("-o,--output", inv->output, "Write to FILE instead of standard output")->type_name("FILE");
  app->add_option("--max-bytes", inv->max_bytes,
                  "Refuse inputs larger than N bytes (default 64 MiB); endless inputs stop there")
      ->type_name("N");
}

void ConfigureAnalyze(CLI::App* app, Invocation* inv) {
  app->add_option("PATH", inv->inputs, "Files to analyze; '-' or nothing (with a pipe) reads standard input");
  AddInputOptions(app, inv);
  app->add_option("--format", inv->format,
                  "auto: one JSON object for one input, JSON Lines for several; json; jsonl")
      ->check(CLI::IsMember({"auto", "json", "jsonl"}))
      ->type_name("FORMAT");
  app->add_flag("--pretty", inv->pretty, "Indent the JSON (default when one document goes to a terminal)");
  app->add_option("--gazetteer", inv->gazetteers,
                  "Add the names in FILE (TSV: canonical, subtype, aliases, notes); repeatable")
      ->type_name("FILE");
  app->add_option("--ref-date", inv->ref_date,
                  "YYYY-MM-DD against which relative dates (hier, lundi dernier) resolve")
      ->check([](const std::string& s) -> std::string {
        const bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-';
        return ok ? "" : "--ref-date wants YYYY-MM-DD";
      })
      ->type_name("DATE");
}

void ConfigureTokens(CLI::App* app, Invocation* inv) {
  app->add_option("PATH", inv->inputs, "The file to segment; '-' or nothing (with a pipe) reads standard input")
      ->expected(0, 1);
  AddInputOptions(app, inv);
}

void ConfigureSchema(CLI::App*, Invocation*) {}

int RunAnalyze(const Invocation& inv) {
  std::vector<std::string> inputs;
  if (Status s = ResolveInputs(inv, &inputs); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  Resources resources;
  if (Status s = LoadResources(inv.gazetteers, &resources); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  AnalyzeOptions options;
  if (!inv.ref_date.empty()) options.dates.ref_date = inv.ref_date;

  std::unique_ptr<Output> out;
  if (Status s = Output::Open(inv.output, &out); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  const bool single = inputs.size() == 1 && inv.format != "jsonl";
  const bool pretty = inv.format != "jsonl" && (inv.pretty || (single && inv.format == "auto" && out->is_terminal()));
  std::unique_ptr<Sink> sink = MakeJsonSink(out.get(), pretty);

  const DiskReader reader;
  int exit_code = 0;
  for (const std::string& path : inputs) {
    std::string bytes;
    Status s = reader.Read(path, inv.max_bytes, &bytes);
    Document doc;
    if (s.ok()) s = Analyze(bytes, path, resources, options, &doc);
    Status written;
    if (s.ok()) {
      for (const Diagnostic& d : doc.diagnostics) spdlog::info("{}: {}: {}", path, d.code, d.message);
      written = sink->Add(doc);
    } else {
      spdlog::error("{}", s.message());
      if (exit_code == 0) exit_code = ExitOf(s);
      // One input: the error is the whole answer. Several: keep one line per input.
      if (!single) written = sink->AddError(path, s);
    }
    if (!written.ok()) return WriteFailure(written);
  }
  if (Status s = sink->Finish(); !s.ok()) return WriteFailure(s);
  return exit_code;
}

int RunTokens(const Invocation& inv) {
  std::vector<std::string> inputs;
  if (Status s = ResolveInputs(inv, &inputs); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  std::string bytes;
  Document doc;
  Status s = DiskReader().Read(inputs[0], inv.max_bytes, &bytes);
  if (s.ok()) {
    doc.path = inputs[0];
    s = Decode(bytes, &doc.decoded);
  }
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  for (const Diagnostic& d : doc.decoded.diagnostics) spdlog::warn("{}: {}: {}", doc.path, d.code, d.message);
  doc.segmentation = Segment(doc.decoded.text);
  std::unique_ptr<Output> out;
  if (s = Output::Open(inv.output, &out); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  if (s = WriteTokens(doc, out.get()); !s.ok()) return WriteFailure(s);
  return 0;
}

int RunSchema(const Invocation& inv) {
  std::unique_ptr<Output> out;
  if (Status s = Output::Open(inv.output, &out); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  Status s = out->Write(EmbeddedFileOrEmpty("data/schema/lexfr.schema.json"));
  if (s.ok()) s = out->Flush();
  return s.ok() ? 0 : WriteFailure(s);
}

const Command kCommands[] = {
    {"analyze", "Analyze French texts: entities, legal references, dates, money, the recourse", ConfigureAnalyze,
     RunAnalyze},
    {"tokens", "Print the tokens of one text as JSON Lines, to check the segmentation", ConfigureTokens, RunTokens},
    {"schema", "Print the JSON Schema (draft 2020-12) of the analyze output", ConfigureSchema, RunSchema},
};

void SetUpLogging(int verbosity, bool quiet, const std::string& level_name) {
  const bool color = std::getenv("NO_COLOR") == nullptr && isatty(STDERR_FILENO);
  std::shared_ptr<spdlog::logger> logger =
      color ? spdlog::stderr_color_st("lexfr") : spdlog::stderr_logger_st("lexfr");
  logger->set_pattern(color ? "lexfr: %^%l%$: %v" : "lexfr: %l: %v");
  spdlog::set_default_logger(logger);
  spdlog::level::level_enum level = spdlog::level::warn;
  if (verbosity == 1) level = spdlog::level::info;
  if (verbosity >= 2) level = spdlog::level::debug;
  if (quiet) level = spdlog::level::err;
  if (!level_name.empty()) level = spdlog::level::from_str(level_name);
  spdlog::set_level(level);
}

}  // namespace

int RunCli(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows as EPIPE on write
  CLI::App app{"lexfr: analyze French legal and news texts into JSON (entities, legal references, dates, money, "
               "the legal action described)",
               "lexfr"};
  app.set_version_flag("--version", std::string("lexfr ") + LEXFR_VERSION);
  app.footer(std::string(kExamples) + "\n\n" + kExitCodes);
  app.require_subcommand(1);
  app.fallthrough();
  int verbosity = 0;
  bool quiet = false;
  std::string log_level;
  app.add_flag("-v,--verbose", verbosity, "More logs on stderr (-v info, -vv debug)");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");
  app.add_option("--log-level", log_level, "Log level: trace, debug, info, warn, error, off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));

  Invocation inv;
  std::vector<std::pair<CLI::App*, Handler>> handlers;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    sub->footer(kExitCodes);
    c.configure(sub, &inv);
    handlers.emplace_back(sub, c.run);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(ExitCode::kUsage);
  }
  SetUpLogging(verbosity, quiet, log_level);
  try {
    for (auto& [sub, run] : handlers) {
      if (sub->parsed()) return run(inv);
    }
  } catch (const std::exception& e) {
    spdlog::critical("internal error: {}", e.what());
    return static_cast<int>(ExitCode::kSoftware);
  }
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace lexfr
