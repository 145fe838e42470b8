// analyze: the run around the pipeline. Plan the inputs (or open the
// stream), run one job per input on --jobs threads, emit the records in
// order, then write the summary and choose the exit code:
//
//   RunAnalyze
//     LoadResources            the gazetteers, once per process
//     MakePlan                 PATHs, --files-from, folders -> BatchInputs;
//                              the outputs checked before anything is written
//     RunFiles | RunStream     RunOrdered(Pull) over ProcessInput | ProcessLine
//       Emitter::Emit          each result, in input order: the output,
//                              stderr, the summary, --fail-on
//     Finish                   --summary, the line on stderr, the exit code
#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/messages.h"
#include "emit/json_record.h"
#include "io/files.h"
#include "io/walk.h"
#include "lexfr/analyze.h"
#include "run/batch.h"
#include "run/interrupt.h"
#include "run/job.h"
#include "run/mapper.h"
#include "run/ordered.h"
#include "run/outputs.h"
#include "run/summary.h"

namespace lexfr {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// --- planning the run -------------------------------------------------------------

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

bool IsTable(const Options& options) {
  return options.format == OutputFormat::kCsv || options.format == OutputFormat::kTsv;
}

// What each input's record is: JSON (its shape), a page, or rows of a table.
// `own_file`: each record is a file of its own (-o DIR/), which a table's
// header then starts.
RecordOptions RecordOptionsOf(const Options& options, bool pretty, bool own_file) {
  RecordOptions record;
  record.max_bytes = options.max_bytes;
  record.pretty = pretty;
  record.html = options.format == OutputFormat::kHtml;
  record.lang = options.lang;
  record.shape = options.shape;
  if (IsTable(options)) {
    TableOptions table;
    table.dialect = options.format == OutputFormat::kCsv ? TableDialect::kCsv : TableDialect::kTsv;
    table.per_mention = options.rows == "mentions";
    table.shape = options.shape;
    record.table = table;
    record.table_header = own_file;
  }
  return record;
}

std::string_view RecordExtension(const Options& options) {
  return RecordExtension(RecordOptionsOf(options, false, true));
}

// A --files-from list is held whole while the run is planned: at most this
// many bytes (2.5 million paths of 100 bytes), so that /dev/zero ends.
constexpr size_t kMostListBytes = size_t{256} << 20;

// The entries of --files-from, read to its end or to kMostListBytes.
Status ReadFilesFrom(const Options& options, std::vector<std::string>* paths) {
  const std::string& from = options.files_from;
  Status s = ReadPathList(from, options.null_separated, kMostListBytes, paths);
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
Status CollectArguments(const Options& options, std::vector<std::string>* args) {
  *args = options.inputs;
  if (options.files_from.empty()) return ResolveInputs(options, args);
  std::vector<std::string> listed;
  Status s = ReadFilesFrom(options, &listed);
  if (s.code() == "interrupted") return Status::Ok();  // the plan ends short (Plan::interrupted)
  if (!s.ok()) return s;
  for (std::string& p : listed) args->push_back(std::move(p));
  return Status::Ok();
}

// What the run reads and writes, for CheckRunFiles (run/outputs.h).
Status CheckFilesOfRun(const Options& options, const Plan& plan) {
  std::vector<RunFile> reads, writes;
  for (const std::string& g : options.gazetteers) reads.push_back({"--gazetteer", g});
  if (!options.files_from.empty()) reads.push_back({"--files-from", options.files_from});
  if (!options.input_jsonl.empty()) reads.push_back({"--input-jsonl", options.input_jsonl});
  for (const BatchInput& in : plan.inputs) {
    if (in.error.ok()) reads.push_back({"", in.path, !in.walked});
  }
  if (!options.summary.empty()) writes.push_back({"--summary", options.summary});
  if (plan.output_dir.empty()) {
    writes.push_back({"-o", options.output});
  } else {
    for (const BatchInput& in : plan.inputs) {
      if (HasOutputFile(in)) writes.push_back({"-o", OutputPathFor(in, plan.output_dir, RecordExtension(options))});
    }
    if (options.format == OutputFormat::kHtml) writes.push_back({"-o", IndexPath(plan.output_dir)});
  }
  return CheckRunFiles(reads, writes);
}

// Mapper mode: the inputs are the stream's lines, read as the run goes.
Status MakeStreamPlan(const Options& options, Plan* plan) {
  if (options.format == OutputFormat::kJson || options.format == OutputFormat::kHtml ||
      IsOutputFolder(options.output)) {
    return Status::Error(ExitCode::kUsage, "usage",
                         "--input-jsonl writes JSON Lines (or a table's rows), one input after another: no --format "
                         "json or html, no -o DIR/");
  }
  plan->mapper = plan->batch = true;
  return CheckFilesOfRun(options, *plan);
}

// The files of the run: the arguments expanded (folders walked), cut to the
// shard. A signal (`*stop`) ends the walk early: the plan is then short.
Status MakeFilesPlan(const Options& options, const std::atomic<bool>* stop, Plan* plan) {
  std::vector<std::string> args;
  if (Status s = CollectArguments(options, &args); !s.ok()) return s;
  const bool to_folder = IsOutputFolder(options.output);
  plan->batch = args.size() > 1 || !options.files_from.empty() || to_folder ||
                std::any_of(args.begin(), args.end(), [](const std::string& a) { return IsFolder(a); });
  std::vector<BatchInput> all;
  for (const std::string& arg : args) {
    const size_t before = all.size();
    ExpandInput(arg, options.walk, stop, &all);
    if (all.size() == before && !stop->load()) spdlog::warn("{}: no file matches --include", arg);
  }
  plan->interrupted = stop->load();
  // In place: the path list is the one thing that grows with the run.
  if (options.shard) std::erase_if(all, [&](const BatchInput& in) { return !InShard(in.rel, *options.shard); });
  all.shrink_to_fit();
  plan->inputs = std::move(all);
  // Pages do not concatenate: several go to a folder, one each.
  const bool html = options.format == OutputFormat::kHtml;
  if (html && plan->batch && !to_folder) {
    return Status::Error(ExitCode::kUsage, "usage",
                         "--format html writes one page per input: give -o DIR/ for several inputs or a folder");
  }
  if (to_folder) {
    plan->output_dir = options.output;
    if (Status s = CheckOutputFolder(plan->inputs, options.output, RecordExtension(options), html); !s.ok()) return s;
  }
  if (Status s = CheckFilesOfRun(options, *plan); !s.ok()) return s;
  if (to_folder) return MakeFolders(options.output);
  return Status::Ok();
}

Status MakePlan(const Options& options, const std::atomic<bool>* stop, Plan* plan) {
  if (!options.rows.empty() && !IsTable(options)) {
    return Status::Error(ExitCode::kUsage, "usage",
                         "--rows " + options.rows + " chooses the rows of a table: give --format csv or tsv too");
  }
  if (options.summary == "-" && options.output == "-") {
    return Status::Error(ExitCode::kUsage, "usage",
                         "--summary - would mix the summary into the documents on standard output: give -o too");
  }
  return options.input_jsonl.empty() ? MakeFilesPlan(options, stop, plan) : MakeStreamPlan(options, plan);
}

// --- emitting the results -----------------------------------------------------------

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

// Several records as one JSON array: --format json, or --pretty (indented
// records are no JSON Lines: one after another they would be neither).
bool IsJsonArray(const Options& options, const Plan& plan) {
  return plan.batch && (options.format == OutputFormat::kJson || (options.format == OutputFormat::kAuto && options.pretty));
}

// Mapper mode names the first kMostNamed inputs of each --fail-on condition
// and only counts the others, so that memory stays flat on an endless stream.
constexpr size_t kMostNamed = 20;

// What the emitting side of a run gathers, in input order.
struct Outcome {
  BatchSummary summary;
  Status first_failure;                                  // of an input
  Status write_failure;                                  // of the output: ends the run
  std::map<std::string, std::vector<std::string>> met;  // --fail-on condition -> paths
  std::map<std::string, uint64_t> unnamed;              // --fail-on condition -> inputs past kMostNamed
};

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
  row.format = r.format;
  row.pages = r.pages;
  return row;
}

// -v: what was read, one line per input, to tell a surprising record from
// a surprising input ("pdf, UTF-8, 48213 bytes, 212 sentences, 61
// entities (DATE 12, ORG 30, ...), 0.084 s").
void LogWhatWasRead(const std::string& name, const FileResult& r) {
  if (!spdlog::should_log(spdlog::level::info)) return;
  std::string types;
  for (const auto& [type, n] : r.entity_types) types += fmt::format("{}{} {}", types.empty() ? "" : ", ", type, n);
  spdlog::info("{}: {}, {}, {} bytes, {} sentences, {} entities{}, {:.3f} s", name, r.format, r.encoding, r.bytes,
               r.sentences, r.entities, types.empty() ? "" : " (" + types + ")", r.seconds);
}

// The emitting side of a run, on the calling thread: each result in input
// order goes to the output (or was written to -o DIR/ already), its error
// and diagnostics to stderr, its counts to the summary and --fail-on.
class Emitter {
 public:
  Emitter(const Options& options, const Plan& plan, Output* out, Clock::time_point start)
      : options_(options),
        plan_(plan),
        out_(out),
        start_(start),
        progress_(plan.batch && !plan.mapper && !options.quiet && isatty(STDERR_FILENO) == 1, plan.inputs.size()),
        array_(IsJsonArray(options, plan)) {
    outcome_.summary.planned = plan.inputs.size();
    if (options.format == OutputFormat::kCsv) header_ = TableHeader(TableDialect::kCsv);
    if (options.format == OutputFormat::kTsv) header_ = TableHeader(TableDialect::kTsv);
  }

  // One result; `name` is the input's path, or "FILE, line N" in mapper
  // mode, `in` the planned input (none in mapper mode). False: stop the run.
  bool Emit(const std::string& name, const BatchInput* in, const FileResult& r) {
    // A read cut short by a signal is no result of its input: the output
    // ends with the input before it, a prefix of the full run's.
    if (r.status.code() == "interrupted") return false;
    // -v writes a line per input (LogWhatWasRead), an error or diagnostic one:
    // the progress line makes way for them.
    if (!r.status.ok() || spdlog::should_log(spdlog::level::info)) progress_.Clear();
    if (!r.status.ok()) {
      spdlog::error("{}", Named(name, r.status.message()));
      if (outcome_.first_failure.ok()) outcome_.first_failure = r.status;
    }
    for (const Diagnostic& d : r.diagnostics) spdlog::info("{}: {}: {}", name, d.code, d.message);
    if (r.status.ok()) LogWhatWasRead(name, r);
    outcome_.summary.Add(r);
    if (in != nullptr && writes_index()) index_.push_back(IndexRow(*in, r));
    for (const std::string& c : ConditionsMet(options_.fail_on, r)) Met(c, name);
    Status& failure = outcome_.write_failure;
    if (failure.ok()) failure = r.write;
    // One input: the error is the whole answer. Several: one line per input.
    if (out_ != nullptr && failure.ok() && (r.status.ok() || plan_.batch)) failure = WriteRecord(r.record);
    return failure.ok();
  }

  // While the run waits for the next result: flushing then lets a reader
  // (jq, a test) see the lines as they come, without a write per line.
  void Idle() {
    if (out_ != nullptr && outcome_.write_failure.ok()) outcome_.write_failure = out_->Flush();
  }
  void Tick() { progress_.Show(outcome_.summary, SecondsSince(start_)); }

  // After the last result: the output flushed, and with -o DIR/ --format
  // html the index page written.
  Outcome& Close() {
    progress_.Clear();
    if (out_ != nullptr && outcome_.write_failure.ok()) outcome_.write_failure = WriteClosing();
    Idle();
    if (writes_index() && outcome_.write_failure.ok()) {
      outcome_.write_failure =
          WriteFileAtomically(IndexPath(plan_.output_dir), RenderHtmlIndex(outcome_.summary.ToJson(), index_, options_.lang));
    }
    return outcome_;
  }

  Outcome& outcome() { return outcome_; }

 private:
  bool writes_index() const { return options_.format == OutputFormat::kHtml && !plan_.output_dir.empty(); }

  // How records join on one output: JSON Lines one after another; --format
  // json over several inputs, one array streamed ("[", records between
  // ",", "]" at the end, also after a failed input or a signal); a table,
  // one header row then every input's rows.
  Status WriteRecord(std::string_view record) {
    const bool first = !opened_;
    if (first) {
      opened_ = true;
      if (Status s = out_->Write(array_ ? "[\n" : header_); !s.ok()) return s;
    }
    if (!array_) return out_->Write(record);
    if (!first) {
      if (Status s = out_->Write(",\n"); !s.ok()) return s;
    }
    if (!record.empty() && record.back() == '\n') record.remove_suffix(1);
    return out_->Write(record);
  }

  // After the last record: the array closed, or a table's header alone when
  // no input gave a row.
  Status WriteClosing() {
    if (array_) return out_->Write(opened_ ? "\n]\n" : "[]\n");
    if (!opened_ && !header_.empty()) return out_->Write(header_);
    return Status::Ok();
  }

  void Met(const std::string& condition, const std::string& name) {
    std::vector<std::string>& named = outcome_.met[condition];
    if (plan_.mapper && named.size() >= kMostNamed) {
      ++outcome_.unnamed[condition];
    } else {
      named.push_back(name);
    }
  }

  const Options& options_;
  const Plan& plan_;
  Output* out_;  // none with -o DIR/
  Clock::time_point start_;
  Progress progress_;
  Outcome outcome_;
  std::vector<HtmlIndexRow> index_;  // -o DIR/ --format html: a few strings per input
  bool array_;                       // --format json over several inputs: one JSON array
  std::string header_;               // --format csv or tsv: the header row, written once
  bool opened_ = false;              // the array's "[" or the header is written
};

// --- running the jobs ----------------------------------------------------------------

// --jobs threads, but no more than there are inputs.
OrderedOptions OrderedFor(const Options& options, const Plan& plan, Emitter* emitter) {
  OrderedOptions ordered;
  const size_t inputs = plan.mapper ? SIZE_MAX : plan.inputs.size();
  ordered.jobs = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(options.jobs, inputs)));
  ordered.stop = InterruptFlag();
  ordered.tick = [emitter] { emitter->Tick(); };
  ordered.idle = [emitter] { emitter->Idle(); };
  return ordered;
}

// Is the record of one input indented? Only JSON, when asked, or by default
// for one document that goes to a terminal.
bool Pretty(const Options& options, const Plan& plan, const Output* out) {
  if (options.format == OutputFormat::kJsonl) return false;
  return options.pretty ||
         (!plan.batch && options.format == OutputFormat::kAuto && out != nullptr && out->is_terminal());
}

void RunFiles(const Options& options, const Plan& plan, const Resources& resources, const AnalyzeOptions& analyze,
              const Output* out, Emitter* emitter) {
  ProcessOptions process;
  process.record = RecordOptionsOf(options, Pretty(options, plan, out), !plan.output_dir.empty());
  process.output_dir = plan.output_dir;
  const DiskReader reader;
  RunOrdered<FileResult>(
      plan.inputs.size(), OrderedFor(options, plan, emitter),
      [&](size_t i) { return ProcessInput(plan.inputs[i], reader, resources, analyze, process); },
      [&](size_t i, FileResult& r) { return emitter->Emit(plan.inputs[i].path, &plan.inputs[i], r); });
  // A signal after the last file changes nothing: the output is whole.
  BatchSummary& summary = emitter->outcome().summary;
  summary.interrupted = Interrupted() && (plan.interrupted || summary.files < summary.planned);
}

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

// Mapper mode: one job per line of `lines`, read as the run goes. Returns
// the read error that cut the stream short, if any (a signal is none).
Status RunStream(const Options& options, const Plan& plan, const Resources& resources,
                 const AnalyzeOptions& analyze, LineReader* lines, Emitter* emitter) {
  const DiskReader path_reader(StreamPathPolicy(*lines, options.output));
  const LineOptions line_options{options.max_bytes, options.allow_paths, RecordOptionsOf(options, false, false)};
  bool whole = false;  // the stream was read to its end
  RunOrderedPull<RawLine, FileResult>(
      OrderedFor(options, plan, emitter),
      [&](RawLine* line) {
        if (lines->Next(line)) return true;
        whole = lines->status().ok();
        return false;
      },
      [&](RawLine& line) { return ProcessLine(line, path_reader, resources, analyze, line_options); },
      [&](size_t i, FileResult& r) {
        return emitter->Emit(fmt::format("{}, line {}", lines->name(), i + 1), nullptr, r);
      });
  const Status stream = lines->status().code() == "interrupted" ? Status::Ok() : lines->status();
  BatchSummary& summary = emitter->outcome().summary;
  summary.planned = summary.files;
  summary.interrupted = Interrupted() && !whole && stream.ok();
  return stream;
}

// --- finishing ---------------------------------------------------------------------

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
    return plan.batch ? static_cast<int>(ExitCode::kDataErr) : static_cast<int>(outcome.first_failure.exit_code());
  }
  return outcome.met.empty() ? 0 : static_cast<int>(ExitCode::kConditionMet);
}

// After the run: the summary file, the line on stderr, the files that met a
// --fail-on condition, and the exit code. The summary is written whatever
// happened to the output: `| head` closing it is no failure of the summary.
int Finish(const Options& options, const Plan& plan, const Outcome& outcome, double seconds) {
  Status summary;
  if (!options.summary.empty()) {
    summary = WriteSummary(options.summary, outcome.summary);
    if (!summary.ok()) spdlog::error("--summary {}", summary.message());
  }
  if (!outcome.write_failure.ok()) {
    const int code = WriteFailure(outcome.write_failure);
    return code == 0 && !summary.ok() ? static_cast<int>(summary.exit_code()) : code;
  }
  if (!summary.ok()) return static_cast<int>(summary.exit_code());
  // Straight to stderr: spdlog's default level (warn) would hide an info line.
  if (plan.batch && !options.quiet) WriteToStderr(fmt::format("lexfr: {}\n", outcome.summary.OneLine(seconds)));
  for (const auto& [condition, paths] : outcome.met) {
    for (const std::string& p : paths) spdlog::error("--fail-on {}: {}", condition, p);
  }
  for (const auto& [condition, n] : outcome.unnamed) spdlog::error("--fail-on {}: and {} more", condition, n);
  return ExitCodeOf(plan, outcome);
}

AnalyzeOptions AnalyzeOptionsOf(const Options& options) {
  AnalyzeOptions analyze;
  analyze.dates.ref_date = options.ref_date;
  analyze.input_format = options.input_format;
  analyze.extract = ExtractOptionsOf(options);
  return analyze;
}

// Loaded once and never freed: tearing the gazetteer down at exit cost ~1 ms
// of every run's start-up budget (issue 7), for memory the process is about
// to give back anyway. Reachable through this static, so leak checkers stay
// quiet.
Status LoadResourcesOnce(const std::vector<std::string>& gazetteers, const Resources** out) {
  static Resources& resources = *new Resources;
  *out = &resources;
  return LoadResources(gazetteers, &resources);
}

}  // namespace

int RunAnalyze(const Options& options) {
  if (options.emit_text) return RunEmitText(options);
  const Clock::time_point start = Clock::now();
  const Resources* resources = nullptr;
  if (Status s = LoadResourcesOnce(options.gazetteers, &resources); !s.ok()) return Fail(s);
  Plan plan;
  if (Status s = MakePlan(options, InterruptFlag(), &plan); !s.ok()) return Fail(s);
  std::unique_ptr<Output> out;
  if (plan.output_dir.empty()) {
    if (Status s = Output::Open(options.output, &out); !s.ok()) return Fail(s);
  }
  const AnalyzeOptions analyze = AnalyzeOptionsOf(options);
  Emitter emitter(options, plan, out.get(), start);
  Status stream;  // mapper mode: a read error that cut the stream short
  if (plan.mapper) {
    std::unique_ptr<LineReader> lines;
    if (Status s = LineReader::Open(options.input_jsonl, options.max_bytes, &lines); !s.ok()) {
      return Fail(s, "--input-jsonl ");
    }
    stream = RunStream(options, plan, *resources, analyze, lines.get(), &emitter);
  } else {
    RunFiles(options, plan, *resources, analyze, out.get(), &emitter);
  }
  const int code = Finish(options, plan, emitter.Close(), SecondsSince(start));
  if (!stream.ok() && code != static_cast<int>(ExitCode::kInterrupted)) return Fail(stream, "--input-jsonl ");
  return code;
}

}  // namespace lexfr
