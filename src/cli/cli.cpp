#include "cli/cli.h"

#include <signal.h>
#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "lexfr/analyze.h"
#include "run/batch.h"
#include "recognise/dates.h"
#include "lexicon/embedded.h"
#include "io/files.h"
#include "run/interrupt.h"
#include "run/mapper.h"
#include "cli/messages.h"
#include "run/outputs.h"
#include "emit/json_record.h"

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

struct Invocation {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string format = "auto";
  bool pretty = false;
  std::vector<std::string> gazetteers;
  std::string ref_date;
  std::string input_format = "auto";
  bool emit_text = false;
  size_t max_bytes = kDefaultMaxBytes;
  double timeout = kDefaultTimeoutSeconds;  // CPU seconds per HTML page or PDF
  bool quiet = false;  // global -q: no summary line, no progress
  // analyze, batch runs
  std::vector<std::string> include, exclude;
  bool follow_symlinks = false;
  std::string files_from;
  bool null_separated = false;
  unsigned jobs = 0;  // 0: one per core
  std::string shard;
  std::vector<std::string> fail_on;
  std::string summary;
  std::string input_jsonl;  // mapper mode: the JSON Lines stream ("-": stdin)
  std::string input_jsonl_paths = "allow";  // mapper mode: read "path" documents' files (allow|deny)
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

// --max-bytes: a whole number of bytes, at most kMostMaxBytes. CLI11 alone
// would read "-1" as the largest size_t (no limit at all) and wrap sizes
// past 2^64; the cap keeps the multiples of it that later stages take (the
// text an HTML page or a PDF may extract to) far from overflowing.
constexpr uint64_t kMostMaxBytes = uint64_t{1} << 40;  // 1 TiB

void ParseMaxBytes(const std::string& text, size_t* out) {
  uint64_t n = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc() || stop != end || n > kMostMaxBytes) {
    throw CLI::ValidationError("--max-bytes", "wants a whole number of bytes from 0 to " +
                                                  std::to_string(kMostMaxBytes) + " (1 TiB), not '" + text + "'");
  }
  *out = static_cast<size_t>(n);
}

void AddInputOptions(CLI::App* app, Invocation* inv) {
  app->add_option("-o,--output", inv->output,
                  "Write to FILE instead of standard output (never an input: refused before anything is written)")
      ->type_name("FILE");
  app->add_option_function<std::string>(
         "--max-bytes", [inv](const std::string& text) { ParseMaxBytes(text, &inv->max_bytes); },
         "Refuse inputs larger than N bytes (default 64 MiB, at most 1 TiB); endless inputs stop there")
      ->type_name("N");
  app->add_option("--timeout", inv->timeout,
                  "Give up on an HTML page or a PDF whose parser takes more than SECONDS of CPU time (default "
                  "60; twice that in wall-clock time): error \"timeout\"")
      ->check(CLI::Range(0.001, 1e6))
      ->type_name("SECONDS");
}

// The bounds on HTML and PDF extraction: --timeout, and 4 x --max-bytes of
// text (the most a plain text of --max-bytes decodes to is 3x).
ExtractOptions ExtractOptionsOf(const Invocation& inv) {
  ExtractOptions options;
  options.timeout_seconds = inv.timeout;
  options.max_text_bytes = inv.max_bytes > SIZE_MAX / 4 ? SIZE_MAX : 4 * inv.max_bytes;
  return options;
}

void AddBatchOptions(CLI::App* app, Invocation* inv) {
  const char* group = "Folders and batches";
  app->add_option("--include", inv->include,
                  "Analyze the files of a folder whose name or relative path matches GLOB (default *.txt, "
                  "*.html, *.htm, *.pdf); repeatable")
      ->allow_extra_args(false)
      ->type_name("GLOB")
      ->group(group);
  app->add_option("--exclude", inv->exclude,
                  "Skip the files and folders whose name or relative path matches GLOB; repeatable")
      ->allow_extra_args(false)
      ->type_name("GLOB")
      ->group(group);
  app->add_flag("--follow-symlinks", inv->follow_symlinks,
                "Follow symlinks inside folders (default: skip them); loops are reported, not followed")
      ->group(group);
  app->add_option("--files-from", inv->files_from,
                  "Also analyze the paths listed in FILE ('-': standard input), one a line, after the PATHs "
                  "(at most 256 MiB of list)")
      ->type_name("FILE")
      ->group(group);
  app->add_flag("-0,--null", inv->null_separated, "--files-from is NUL-separated (find -print0, git ls-files -z)")
      ->group(group);
  app->add_option("-j,--jobs", inv->jobs, "Analyze N files at a time (default: one per core); same output")
      ->check(CLI::PositiveNumber)
      ->type_name("N")
      ->group(group);
  app->add_option("--shard", inv->shard,
                  "Analyze only part K of N of the files (1 <= K <= N), chosen by a stable hash of their path")
      ->type_name("K/N")
      ->group(group);
  app->add_option("--fail-on", inv->fail_on,
                  "Exit 1 and name the files when a document has: error, diagnostic, no-entities, no-recourse "
                  "(comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"error", "diagnostic", "no-entities", "no-recourse"}))
      ->type_name("WHAT")
      ->group(group);
  app->add_option("--summary", inv->summary,
                  "Write the counts of the run (files, bytes, failures, entities, recourses, diagnostics) to FILE "
                  "as JSON")
      ->type_name("FILE")
      ->group(group);
}

// Mapper mode: after the other options, which it excludes.
void AddStreamOptions(CLI::App* app, Invocation* inv) {
  app->add_option("--input-jsonl", inv->input_jsonl,
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
  app->add_option("--input-jsonl-paths", inv->input_jsonl_paths,
                  "allow (default): a line {\"path\": FILE} reads FILE, any regular file lexfr can read; deny: "
                  "such lines are error records (paths_denied), for streams that come from other systems")
      ->check(CLI::IsMember({"allow", "deny"}))
      ->type_name("allow|deny")
      ->group("Streams")
      ->needs(app->get_option("--input-jsonl"));
}

void ConfigureAnalyze(CLI::App* app, Invocation* inv) {
  app->add_option("PATH", inv->inputs,
                  "Files and folders to analyze (folders: every *.txt, *.html, *.htm, *.pdf below, in path order); "
                  "'-' or nothing (with a pipe) reads standard input");
  AddInputOptions(app, inv);
  app->add_option("--format", inv->format,
                  "auto: one JSON object for one input, JSON Lines for several; json; jsonl; html: a "
                  "self-contained page (several inputs: with -o DIR/, plus DIR/index.html)")
      ->check(CLI::IsMember({"auto", "json", "jsonl", "html"}))
      ->type_name("FORMAT");
  app->add_flag("--pretty", inv->pretty, "Indent the JSON (default when one document goes to a terminal)");
  // One value per occurrence: otherwise CLI11 lets a list option swallow the
  // PATHs that follow it.
  app->add_option("--gazetteer", inv->gazetteers,
                  "Add the names in FILE (TSV: canonical, subtype, aliases, notes; at most 64 MiB); repeatable")
      ->allow_extra_args(false)
      ->type_name("FILE");
  app->add_option("--ref-date", inv->ref_date,
                  "YYYY-MM-DD, a real calendar date between 1000 and 2100, against which relative dates (hier, "
                  "lundi dernier) resolve")
      ->check([](const std::string& s) -> std::string {
        return IsValidRefDate(s) ? ""
                                 : "wants a real calendar date YYYY-MM-DD between 1000 and 2100 (as in "
                                   "2024-02-29), not '" + s + "'";
      })
      ->type_name("DATE");
  app->add_option("--input-format", inv->input_format,
                  "auto (default): PDF and HTML told by their content, else by the extension; text; html; pdf")
      ->check(CLI::IsMember({"auto", "text", "html", "pdf"}))
      ->type_name("FORMAT");
  app->add_flag("--emit-text", inv->emit_text,
                "Print the text extracted from the one input (what offsets count into) instead of analysing it");
  AddBatchOptions(app, inv);
  AddStreamOptions(app, inv);
}

void ConfigureTokens(CLI::App* app, Invocation* inv) {
  app->add_option("PATH", inv->inputs, "The file to segment; '-' or nothing (with a pipe) reads standard input")
      ->expected(0, 1);
  AddInputOptions(app, inv);
}

void ConfigureSchema(CLI::App*, Invocation*) {}

// --- analyze: planning a run --------------------------------------------------

struct Plan {
  std::vector<BatchInput> inputs;  // in output order, after --shard
  bool mapper = false;             // --input-jsonl: the inputs come from the stream
  bool batch = false;              // several inputs, a folder, --files-from or -o DIR
  bool interrupted = false;        // a signal came while planning: the list may be short
  std::string output_dir;          // -o DIR: one file per input
};

// -o names a folder when it ends with '/' or is one already.
bool IsOutputFolder(const std::string& output) {
  return output != "-" && (output.back() == '/' || IsFolder(output));
}

std::string IndexPath(const std::string& dir) { return dir + (dir.back() == '/' ? "" : "/") + "index.html"; }

// A --files-from list is held whole while the run is planned: at most this
// many bytes (2.5 million paths of 100 bytes), so that /dev/zero ends.
constexpr size_t kMostListBytes = size_t{256} << 20;

// The entries of --files-from, read to its end or to kMostListBytes.
Status ReadFilesFrom(const Invocation& inv, std::vector<std::string>* paths) {
  const std::string& from = inv.files_from;
  Status s = ReadPathList(from, inv.null_separated, kMostListBytes, paths);
  if (s.ok() || s.code() == "interrupted") return s;
  if (s.code() == "too_large") {
    return Status::Error(ExitCode::kUsage, "usage",
                         "--files-from " + from + ": longer than " + std::to_string(kMostListBytes) +
                             " bytes (256 MiB), the most a list may hold: split it over several runs");
  }
  if (s.code() == "nul_in_list") {
    return Status::Error(ExitCode::kUsage, "usage",
                         "--files-from " + s.message() + ": a NUL-separated list (find -print0, git ls-files -z) needs -0");
  }
  return Status::Error(ExitCode::kUsage, "usage", "--files-from " + s.message());
}

// The PATHs, then the --files-from entries; standard input when neither.
Status CollectArguments(const Invocation& inv, std::vector<std::string>* args) {
  *args = inv.inputs;
  if (inv.files_from.empty()) return ResolveInputs(inv, args);
  std::vector<std::string> listed;
  Status s = ReadFilesFrom(inv, &listed);
  if (s.code() == "interrupted") return Status::Ok();  // the plan ends short (Plan::interrupted)
  if (!s.ok()) return s;
  for (std::string& p : listed) args->push_back(std::move(p));
  return Status::Ok();
}

// What the run reads and writes, for CheckRunFiles (run/outputs.h).
Status CheckFilesOfRun(const Invocation& inv, const Plan& plan) {
  std::vector<RunFile> reads, writes;
  for (const std::string& g : inv.gazetteers) reads.push_back({"--gazetteer", g});
  if (!inv.files_from.empty()) reads.push_back({"--files-from", inv.files_from});
  if (!inv.input_jsonl.empty()) reads.push_back({"--input-jsonl", inv.input_jsonl});
  for (const BatchInput& in : plan.inputs) {
    if (in.error.ok()) reads.push_back({"", in.path, !in.walked});
  }
  if (!inv.summary.empty()) writes.push_back({"--summary", inv.summary});
  if (plan.output_dir.empty()) {
    writes.push_back({"-o", inv.output});
  } else {
    const std::string_view extension = inv.format == "html" ? ".html" : ".json";
    for (const BatchInput& in : plan.inputs) {
      if (HasOutputFile(in)) writes.push_back({"-o", OutputPathFor(in, plan.output_dir, extension)});
    }
    if (inv.format == "html") writes.push_back({"-o", IndexPath(plan.output_dir)});
  }
  return CheckRunFiles(reads, writes);
}

Status MakePlan(const Invocation& inv, Plan* plan) {
  if (inv.summary == "-" && inv.output == "-") {
    return Status::Error(ExitCode::kUsage, "usage",
                         "--summary - would mix the summary into the documents on standard output: give -o too");
  }
  if (!inv.input_jsonl.empty()) {
    if (inv.format == "json" || inv.format == "html" || IsOutputFolder(inv.output)) {
      return Status::Error(ExitCode::kUsage, "usage",
                           "--input-jsonl writes JSON Lines, one record a line: no --format json or html, no -o DIR/");
    }
    plan->mapper = plan->batch = true;
    return CheckFilesOfRun(inv, *plan);
  }
  Shard shard;
  if (!inv.shard.empty()) {
    if (Status s = ParseShard(inv.shard, &shard); !s.ok()) return s;
  }
  std::vector<std::string> args;
  if (Status s = CollectArguments(inv, &args); !s.ok()) return s;
  const bool to_folder = IsOutputFolder(inv.output);
  plan->batch = args.size() > 1 || !inv.files_from.empty() || to_folder ||
                std::any_of(args.begin(), args.end(), [](const std::string& a) { return IsFolder(a); });

  const WalkOptions walk{inv.include, inv.exclude, inv.follow_symlinks};
  std::vector<BatchInput> all;
  for (const std::string& arg : args) {
    const size_t before = all.size();
    ExpandInput(arg, walk, InterruptFlag(), &all);
    if (all.size() == before && !Interrupted()) spdlog::warn("{}: no file matches --include", arg);
  }
  plan->interrupted = Interrupted();
  // In place: the path list is the one thing that grows with the run.
  std::erase_if(all, [&](const BatchInput& in) { return !InShard(in.rel, shard); });
  all.shrink_to_fit();
  plan->inputs = std::move(all);
  // Pages do not concatenate: several go to a folder, one each.
  if (inv.format == "html" && plan->batch && !to_folder) {
    return Status::Error(ExitCode::kUsage, "usage",
                         "--format html writes one page per input: give -o DIR/ for several inputs or a folder");
  }
  if (to_folder) {
    plan->output_dir = inv.output;
    if (Status s = CheckOutputFolder(plan->inputs, inv.output, inv.format == "html" ? ".html" : ".json",
                                     inv.format == "html");
        !s.ok()) {
      return s;
    }
  }
  if (Status s = CheckFilesOfRun(inv, *plan); !s.ok()) return s;
  if (to_folder) return MakeFolders(inv.output);
  return Status::Ok();
}

// --- analyze: running it --------------------------------------------------------

// What the "path" documents of a stream may read: regular files only, and
// neither the stream itself (/dev/stdin, the --input-jsonl file) nor the
// output being written.
PathPolicy StreamPathPolicy(const LineReader& lines, const std::string& output) {
  PathPolicy policy;
  policy.regular_only = true;
  if (const std::optional<FileId> id = lines.id()) {
    policy.refused.push_back({*id, "is_stream", "the stream being read: give its text as \"text\""});
  }
  const std::optional<FileId> out = output == "-" ? IdOfFd(STDOUT_FILENO) : IdOf(output);
  if (out && out->regular) policy.refused.push_back({*out, "is_output", "the output being written"});
  return policy;
}

// "done/total, MB/s, ETA" on stderr, redrawn in place; only on a terminal.
class Progress {
 public:
  Progress(bool enabled, uint64_t total) : enabled_(enabled), total_(total) {}
  ~Progress() { Clear(); }
  void Show(const BatchSummary& summary, double seconds) {
    if (!enabled_) return;
    WriteToStderr(fmt::format("\r{}\x1b[K", FormatProgress(summary.files, total_, summary.bytes, seconds)));
    shown_ = true;
  }
  // Before any other line goes to stderr.
  void Clear() {
    if (!shown_) return;
    WriteToStderr("\r\x1b[K");
    shown_ = false;
  }

 private:
  bool enabled_;
  uint64_t total_;
  bool shown_ = false;
};

// What the emitting side of a run gathers, in input order.
struct Outcome {
  BatchSummary summary;
  Status first_failure;                                   // of an input
  Status write_failure;                                   // of the output: ends the run
  std::map<std::string, std::vector<std::string>> met;   // --fail-on condition -> paths
  // Mapper mode names the first kMostNamed inputs of each condition and only
  // counts the others here, so that memory stays flat on an endless stream.
  std::map<std::string, uint64_t> unnamed;
};

constexpr size_t kMostNamed = 20;

// Decoding errors do not name the file; reading errors do.
std::string Named(const std::string& path, const std::string& message) {
  return message.rfind(path + ": ", 0) == 0 ? message : path + ": " + message;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Status WriteSummary(const std::string& path, const BatchSummary& summary) {
  std::unique_ptr<Output> out;
  Status s = Output::Open(path, &out);
  if (s.ok()) s = out->Write(Dump(summary.ToJson(), true) + "\n");
  if (s.ok()) s = out->Flush();
  return s;
}

// The exit code, chosen at the end: 130 interrupted; then any failed input
// (65 in a batch, the input's own code for one input); then 1 for --fail-on;
// else 0.
int ExitCodeOf(const Plan& plan, const Outcome& outcome) {
  if (outcome.summary.interrupted) return static_cast<int>(ExitCode::kInterrupted);
  if (!outcome.first_failure.ok()) {
    return plan.batch ? static_cast<int>(ExitCode::kDataErr) : ExitOf(outcome.first_failure);
  }
  return outcome.met.empty() ? 0 : static_cast<int>(ExitCode::kConditionMet);
}

// After the run: the summary file, the line on stderr, the files that met a
// --fail-on condition, and the exit code. The summary is written whatever
// happened to the output: `| head` closing it is no failure of the summary.
int Finish(const Invocation& inv, const Plan& plan, const Outcome& outcome, double seconds) {
  Status summary;
  if (!inv.summary.empty()) {
    summary = WriteSummary(inv.summary, outcome.summary);
    if (!summary.ok()) spdlog::error("--summary {}", summary.message());
  }
  if (!outcome.write_failure.ok()) {
    const int code = WriteFailure(outcome.write_failure);
    return code == 0 && !summary.ok() ? ExitOf(summary) : code;
  }
  if (!summary.ok()) return ExitOf(summary);
  // Straight to stderr: spdlog's default level (warn) would hide an info line.
  if (plan.batch && !inv.quiet) WriteToStderr(fmt::format("lexfr: {}\n", outcome.summary.OneLine(seconds)));
  for (const auto& [condition, paths] : outcome.met) {
    for (const std::string& p : paths) spdlog::error("--fail-on {}: {}", condition, p);
  }
  for (const auto& [condition, n] : outcome.unnamed) spdlog::error("--fail-on {}: and {} more", condition, n);
  return ExitCodeOf(plan, outcome);
}

// What index.html says of one input.
HtmlIndexRow IndexRow(const BatchInput& in, const FileResult& r) {
  HtmlIndexRow row;
  row.path = in.path;
  if (r.has_file) row.link = OutputNameFor(in, ".html");
  if (!r.status.ok()) row.error = Named(in.path, r.status.message());
  row.kind = r.recourse.value_or("");
  row.court = r.court;
  row.status = r.recourse_status;
  row.entities = r.entities;
  row.entity_types = r.entity_types;
  return row;
}

// --emit-text: the extracted text of one input, byte for byte.
int RunEmitText(const Invocation& inv, InputFormat format) {
  std::vector<std::string> inputs;
  if (Status s = ResolveInputs(inv, &inputs); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  if (inputs.size() != 1 || IsFolder(inputs[0])) {
    spdlog::error("--emit-text takes one file");
    return static_cast<int>(ExitCode::kUsage);
  }
  std::string bytes;
  Extracted extracted;
  Status s = CheckRunFiles({{"", inputs[0]}}, {{"-o", inv.output}});
  if (s.ok()) s = DiskReader().Read(inputs[0], inv.max_bytes, &bytes);
  if (s.ok()) s = Extract(bytes, inputs[0], format, ExtractOptionsOf(inv), &extracted);
  if (!s.ok()) {
    spdlog::error("{}", Named(inputs[0], s.message()));
    return ExitOf(s);
  }
  std::unique_ptr<Output> out;
  if (s = Output::Open(inv.output, &out); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  if (s = out->Write(extracted.decoded.text); s.ok()) s = out->Flush();
  return s.ok() ? 0 : WriteFailure(s);
}

int RunAnalyze(const Invocation& inv) {
  InputFormat input_format = InputFormat::kAuto;
  ParseInputFormat(inv.input_format, &input_format);  // CLI11 checked it
  if (inv.emit_text) return RunEmitText(inv, input_format);
  const auto start = std::chrono::steady_clock::now();
  FailOn fail_on;
  if (Status s = ParseFailOn(inv.fail_on, &fail_on); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  // Loaded once and never freed: tearing the gazetteer down at exit cost
  // ~1 ms of every run's start-up budget (issue 7), for memory the process
  // is about to give back anyway. Reachable through this static, so leak
  // checkers stay quiet.
  static Resources& resources = *new Resources;
  if (Status s = LoadResources(inv.gazetteers, &resources); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  Plan plan;
  if (Status s = MakePlan(inv, &plan); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  AnalyzeOptions options;
  if (!inv.ref_date.empty()) options.dates.ref_date = inv.ref_date;
  options.input_format = input_format;
  options.extract = ExtractOptionsOf(inv);

  std::unique_ptr<Output> out;
  if (plan.output_dir.empty()) {
    if (Status s = Output::Open(inv.output, &out); !s.ok()) {
      spdlog::error("{}", s.message());
      return ExitOf(s);
    }
  }
  const bool single = !plan.batch;
  ProcessOptions process;
  process.max_bytes = inv.max_bytes;
  process.output_dir = plan.output_dir;
  process.html = inv.format == "html";
  process.pretty = inv.format != "jsonl" &&
                   (inv.pretty || (single && inv.format == "auto" && out != nullptr && out->is_terminal()));

  Outcome outcome;
  std::vector<HtmlIndexRow> index;  // -o DIR/ --format html: a few strings per input
  outcome.summary.planned = plan.inputs.size();
  Progress progress(plan.batch && !plan.mapper && !inv.quiet && isatty(STDERR_FILENO) == 1, plan.inputs.size());
  OrderedOptions ordered;
  const size_t jobs = inv.jobs != 0 ? inv.jobs : std::max(1u, std::thread::hardware_concurrency());
  const size_t most = plan.mapper ? SIZE_MAX : plan.inputs.size();  // no more threads than inputs
  ordered.jobs = static_cast<unsigned>(std::clamp<size_t>(most, 1, std::min<size_t>(jobs, 1024)));
  ordered.stop = InterruptFlag();
  ordered.tick = [&] { progress.Show(outcome.summary, SecondsSince(start)); };
  // Flushing whenever the next file is not ready yet lets a reader (jq, a
  // test) see the lines as they come, without a write per line when busy.
  ordered.idle = [&] {
    if (out && outcome.write_failure.ok()) outcome.write_failure = out->Flush();
  };
  const DiskReader reader;
  // `name` is the input's path, or "FILE, line N" in mapper mode.
  const auto emit_named = [&](const std::string& name, const BatchInput* in, FileResult& r) {
    // A read cut short by a signal is no result of its input: the output
    // ends with the input before it, a prefix of the full run's.
    if (r.status.code() == "interrupted") return false;
    if (!r.status.ok() || (!r.diagnostics.empty() && spdlog::should_log(spdlog::level::info))) progress.Clear();
    if (!r.status.ok()) {
      spdlog::error("{}", Named(name, r.status.message()));
      if (outcome.first_failure.ok()) outcome.first_failure = r.status;
    }
    for (const Diagnostic& d : r.diagnostics) spdlog::info("{}: {}: {}", name, d.code, d.message);
    outcome.summary.Add(r);
    if (in != nullptr && process.html && !plan.output_dir.empty()) index.push_back(IndexRow(*in, r));
    for (const std::string& c : ConditionsMet(fail_on, r)) {
      std::vector<std::string>& named = outcome.met[c];
      if (plan.mapper && named.size() >= kMostNamed) {
        ++outcome.unnamed[c];
      } else {
        named.push_back(name);
      }
    }
    if (outcome.write_failure.ok()) outcome.write_failure = r.write;
    // One input: the error is the whole answer. Several: one line per input.
    if (out && outcome.write_failure.ok() && (r.status.ok() || !single)) outcome.write_failure = out->Write(r.record);
    return outcome.write_failure.ok();
  };
  Status stream_status;  // mapper mode: a read error that cut the stream short
  if (plan.mapper) {
    std::unique_ptr<LineReader> lines;
    if (Status s = LineReader::Open(inv.input_jsonl, inv.max_bytes, &lines); !s.ok()) {
      spdlog::error("--input-jsonl {}", s.message());
      return ExitOf(s);
    }
    const DiskReader path_reader(StreamPathPolicy(*lines, inv.output));
    const LineOptions line_options{inv.max_bytes, inv.input_jsonl_paths == "allow"};
    bool whole = false;  // the stream was read to its end
    RunOrderedPull<RawLine, FileResult>(
        ordered,
        [&](RawLine* line) {
          if (lines->Next(line)) return true;
          whole = lines->status().ok();
          return false;
        },
        [&](RawLine& line) { return ProcessLine(line, path_reader, resources, options, line_options); },
        [&](size_t i, FileResult& r) {
          return emit_named(fmt::format("{}, line {}", lines->name(), i + 1), nullptr, r);
        });
    if (lines->status().code() != "interrupted") stream_status = lines->status();
    outcome.summary.planned = outcome.summary.files;
    outcome.summary.interrupted = Interrupted() && !whole && stream_status.ok();
  } else {
    RunOrdered<FileResult>(
        plan.inputs.size(), ordered,
        [&](size_t i) { return ProcessInput(plan.inputs[i], reader, resources, options, process); },
        [&](size_t i, FileResult& r) { return emit_named(plan.inputs[i].path, &plan.inputs[i], r); });
    // A signal after the last file changes nothing: the output is whole.
    outcome.summary.interrupted =
        Interrupted() && (plan.interrupted || outcome.summary.files < outcome.summary.planned);
  }
  progress.Clear();
  if (out && outcome.write_failure.ok()) outcome.write_failure = out->Flush();
  if (process.html && !plan.output_dir.empty() && outcome.write_failure.ok()) {
    outcome.write_failure =
        WriteFileAtomically(IndexPath(plan.output_dir), RenderHtmlIndex(outcome.summary.ToJson(), index));
  }
  const int code = Finish(inv, plan, outcome, SecondsSince(start));
  if (!stream_status.ok() && code != static_cast<int>(ExitCode::kInterrupted)) {
    spdlog::error("--input-jsonl {}", stream_status.message());
    return ExitOf(stream_status);
  }
  return code;
}

int RunTokens(const Invocation& inv) {
  std::vector<std::string> inputs;
  if (Status s = ResolveInputs(inv, &inputs); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  std::string bytes;
  Document doc;
  Status s = CheckRunFiles({{"", inputs[0]}}, {{"-o", inv.output}});
  if (s.ok()) s = DiskReader().Read(inputs[0], inv.max_bytes, &bytes);
  if (s.ok()) {
    doc.path = inputs[0];
    Extracted extracted;  // tokens of the text analyze reads: a page's text, not its markup
    s = Extract(bytes, doc.path, InputFormat::kAuto, ExtractOptionsOf(inv), &extracted);
    doc.decoded = std::move(extracted.decoded);
  }
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  for (const Diagnostic& d : doc.decoded.diagnostics) spdlog::warn("{}: {}: {}", doc.path, d.code, d.message);
  Lexicon lexicon;  // the segmenter's abbreviations
  if (s = LoadLexicon(EmbeddedFiles(), {}, &lexicon); !s.ok()) {
    spdlog::error("{}", s.message());
    return ExitOf(s);
  }
  doc.segmentation = Segment(doc.decoded.text, lexicon.abbreviations());
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
  Invocation inv;
  app.add_flag("-v,--verbose", verbosity, "More logs on stderr (-v info, -vv debug)");
  app.add_flag("-q,--quiet", inv.quiet, "Only errors on stderr (no summary line, no progress)");
  app.add_option("--log-level", log_level, "Log level: trace, debug, info, warn, error, off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));

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
    return ExitOnParseError(app, e);
  }
  SetUpLogging(verbosity, inv.quiet, log_level);
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
