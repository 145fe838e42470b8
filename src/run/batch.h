// Batch analysis: folders and file lists in, one record per file out, in path
// order, on as many threads as asked, with memory that grows with the number
// of files only by the list of their paths.
//
// The pieces, in the order a run uses them:
//   ExpandInput()    a command-line argument -> BatchInputs; a folder is walked
//                    recursively in byte order of the relative path, keeping
//                    the files its globs select (symlinks only when asked,
//                    then loop-safe)
//   SplitPathList()  the bytes of a --files-from list -> paths
//   InShard()        keeps a deterministic, disjoint part of the inputs
//   RunOrdered()     work on N threads, results handed back in input order
//                    through a window of at most 4 x jobs files
//                    (RunOrderedPull(): the same over a stream, read as it goes)
//   ProcessInput()   one input -> its JSON record (a document or an error),
//                    or with -o DIR its own file (WriteFileAtomically)
//   BatchSummary     the counts of --summary; ConditionsMet() for --fail-on
//
// Walking only lists paths; file contents and documents exist only inside
// RunOrdered's window.
//
// Thread-safety: ExpandInput, SplitPathList, InShard and WriteFileAtomically
// are free functions without shared state. ProcessInput may run on many
// threads at once with the same reader, resources and options. BatchSummary
// is a plain value: one thread at a time.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "lexfr/analyze.h"
#include "io/files.h"
#include "lexfr/status.h"

namespace lexfr {

// --- finding the inputs --------------------------------------------------------

// One file to analyse.
struct BatchInput {
  // What is opened and printed as source.path: the folder given joined with
  // `rel` ("corpus/a/b.txt"), or the argument exactly as given.
  std::string path;
  // The path relative to the folder given ("a/b.txt"); the argument itself
  // for files given explicitly. The shard key and the -o DIR name.
  std::string rel;
  bool walked = false;  // found by walking a folder, rather than given
  // Set when the walk could not reach it (a symlink loop, a folder that
  // cannot be opened): the input is then an error record, nothing is read.
  Status error;
};

struct WalkOptions {
  // fnmatch(3) globs (flags 0: `*` also matches `/`), each tried on the file
  // name and on the path relative to the folder given. A walked file is kept
  // when it matches an include and no exclude; an excluded folder is not
  // entered. Default include: {"*.txt", "*.html", "*.htm", "*.pdf"} (used
  // when `include` is empty).
  std::vector<std::string> include;
  std::vector<std::string> exclude;  // default: none
  // Follow symlinks met while walking (default false: they are skipped).
  // Arguments themselves are always followed. When following, a folder that
  // leads back to one of its ancestors (same device and inode) is reported
  // as an error input with code "symlink_loop" instead of being entered.
  bool follow_symlinks = false;
};

// True when `path` names a folder (following symlinks).
bool IsFolder(const std::string& path);

// True when a walked file at `rel` (relative to the folder given) is kept.
bool Selected(const WalkOptions& options, std::string_view rel);

// Appends to `out` the inputs `arg` stands for: a folder expands to its
// selected files, sorted by the bytes of their relative path; anything else
// ("-", a file, a missing path) is one input as given, whatever the globs, so
// that reading it reports what is wrong. When `*stop` turns true the walk
// ends early (the inputs found so far stay).
void ExpandInput(const std::string& arg, const WalkOptions& options, const std::atomic<bool>* stop,
                 std::vector<BatchInput>* out);

// The paths of a --files-from list: one per line, or NUL-separated when
// `nul` (-0). Empty entries are skipped; nothing else is trimmed.
std::vector<std::string> SplitPathList(std::string_view bytes, bool nul);

// Reads the list at `path` ("-": standard input) and splits it as
// SplitPathList does, chunk by chunk, so that only the paths are held: at
// most `most_bytes` are read ("too_large"), and a NUL byte in a list split
// on newlines is the error "nul_in_list" (a list meant for -0), found in
// the first chunk that holds one. Waits for a FIFO or a pipe like
// DiskReader ("interrupted").
Status ReadPathList(const std::string& path, bool nul, size_t most_bytes, std::vector<std::string>* out);

// --- sharding ------------------------------------------------------------------

// FNV-1a, 64 bits: stable across runs, machines and compilers.
uint64_t Fnv1a64(std::string_view bytes);

struct Shard {
  uint64_t index = 1;  // K, 1 <= K <= N
  uint64_t count = 1;  // N
};

// Parses "K/N" (kUsage when malformed or K outside 1..N).
Status ParseShard(std::string_view text, Shard* out);

// True when the input keyed `key` (BatchInput::rel) belongs to `shard`. Every
// key is in exactly one of the shards 1/N..N/N.
inline bool InShard(std::string_view key, const Shard& shard) {
  return Fnv1a64(key) % shard.count == shard.index - 1;
}

// --- running in order ------------------------------------------------------------

struct OrderedOptions {
  unsigned jobs = 1;  // worker threads; 0 counts as 1
  // Most items taken but not yet handed to emit (being worked on, or done
  // and waiting for an earlier one). 0 means 4 x jobs.
  size_t window = 0;
  // When it turns true no new item is taken; those already taken are still
  // worked on and emitted, so the results are always a prefix.
  const std::atomic<bool>* stop = nullptr;
  // Called on the calling thread while it waits: `idle` each time the next
  // result is not ready yet (flush the output there), `tick` about every
  // `tick_interval` (a progress line).
  std::function<void()> idle;
  std::function<void()> tick;
  std::chrono::milliseconds tick_interval{100};
};

// Runs work(i) for i = 0..count-1 on `jobs` threads and hands every result to
// emit(i, result) on the calling thread, in index order, whatever the thread
// count. Stops early when emit returns false or *stop turns true. Returns how
// many results were emitted (indices 0..n-1). `work` runs concurrently with
// itself and with `emit`; an exception from `work` stops the run and is
// rethrown here once every thread is joined.
template <class Result, class Work, class Emit>
size_t RunOrdered(size_t count, const OrderedOptions& options, Work work, Emit emit);

// The same over a source of unknown length, read as the run goes: next(&item)
// fills the next item and returns true, or returns false at the end; results
// are work(item), emitted in the order read. `next` is called by one worker at
// a time, never while the emitting thread waits on it, and only when the
// window has room: a stream of any length is read at the pace the results go
// out, and memory holds at most `window` items. (RunOrdered is this over the
// indices 0..count-1.) An exception from `next` ends the run like one from
// `work`.
template <class Item, class Result, class Next, class Work, class Emit>
size_t RunOrderedPull(const OrderedOptions& options, Next next, Work work, Emit emit);

// --- one input -------------------------------------------------------------------

struct ProcessOptions {
  size_t max_bytes = kDefaultMaxBytes;  // larger inputs are "too_large" errors
  bool pretty = false;                  // indent the JSON record
  // The record is an HTML page (RenderHtmlPage) instead of JSON (default
  // false); -o DIR then writes DIR/<rel>.html.
  bool html = false;
  // When set, the record is written to its own file under this folder
  // (OutputPathFor) instead of being returned in FileResult::record.
  std::string output_dir;
};

// What one input gave: its record, and what the summary and --fail-on need
// from it (the Document itself is not kept, so the window stays small).
struct FileResult {
  Status status;       // not ok: the input could not be read or analysed
  Status write;        // output_dir mode: not ok when its file was not written
  bool has_file = false;  // output_dir mode: its file was written
  std::string record;  // the JSON record and its newline (empty in output_dir mode)
  uint64_t bytes = 0;  // size of the analysed input (0 when it failed)
  size_t entities = 0;
  std::map<std::string, uint64_t> entity_types;  // "ORG" -> count
  std::optional<std::string> recourse;           // its kind, or none (recourse null)
  std::string court, recourse_status;             // of the recourse, for index.html
  std::vector<Diagnostic> diagnostics;
};

// Fills what `r` keeps of an analysed document (all but status and record).
void Tally(const Document& doc, FileResult* r);

// An exception that escaped the reading or analysis of one input (a bug, or
// memory exhausted) as that input's error: code "internal_error", exit
// kSoftware, the exception's message. One input never ends a run.
Status InternalError(const std::exception& e);

// Reads, analyses and serialises one input. Never throws: a failure,
// whatever it is (InternalError), is a FileResult with a status and an error
// record. With an output_dir, the record goes to the input's own file
// (FileResult::write says whether it was written), except for two failures
// that have no file: a folder argument that could not be walked
// (HasOutputFile), and a file name too long for the file system
// ("name_too_long", then the input's status).
FileResult ProcessInput(const BatchInput& input, const FileReader& reader, const Resources& resources,
                        const AnalyzeOptions& analyze, const ProcessOptions& options);

// Where -o DIR puts the record of `input`: DIR/<rel>.json for a walked file
// ("a/b.txt" -> "DIR/a/b.txt.json"), DIR/<file name>.json for a file given
// explicitly, DIR/stdin.json for "-". `extension` is ".html" for pages.
std::string OutputPathFor(const BatchInput& input, const std::string& dir, std::string_view extension = ".json");

// False for the one input that has no -o DIR file: a folder given as an
// argument that could not be walked (its name in DIR would be empty,
// "DIR/.json"); its error goes to stderr and the summary only. A folder
// inside it that could not be walked has its error record at its path.
inline bool HasOutputFile(const BatchInput& input) { return input.error.ok() || !input.rel.empty(); }

// The same path relative to DIR ("a/b.txt.html"): the link index.html gives.
std::string OutputNameFor(const BatchInput& input, std::string_view extension = ".json");

// mkdir -p: makes `folder` and its parents (kCantCreate). A folder that
// exists already, or is made meanwhile by another thread, is fine.
Status MakeFolders(const std::string& folder);

// Writes `bytes` to a temporary file beside `path` (creating the folders on
// the way), then renames it to `path`: a killed run leaves either the whole
// file or none. The temporary name is short (".<first 32 bytes of the
// name>.tmp-XXXXXX"), so it fits wherever `path` fits. kCantCreate (code
// "name_too_long" when a name is longer than the file system allows,
// "cannot_create" otherwise) or kIoErr.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// --- the whole run -----------------------------------------------------------------

// The --fail-on conditions, each met when at least one file...
struct FailOn {
  bool error = false;        // failed (error record)
  bool diagnostic = false;   // has diagnostics
  bool no_entities = false;  // has zero entities
  bool no_recourse = false;  // has recourse null
};

// Parses words "error", "diagnostic", "no-entities", "no-recourse" (kUsage).
Status ParseFailOn(const std::vector<std::string>& words, FailOn* out);

// The names of the conditions of `fail_on` that one result meets.
std::vector<std::string> ConditionsMet(const FailOn& fail_on, const FileResult& result);

// Counts over a run, for --summary and the line on stderr.
struct BatchSummary {
  uint64_t planned = 0;    // inputs the run was to analyse (after --shard)
  uint64_t files = 0;      // inputs done: documents + failed
  uint64_t documents = 0;  // analysed
  uint64_t failed = 0;     // error records
  uint64_t bytes = 0;      // of the analysed inputs
  uint64_t no_entities = 0, no_recourse = 0, with_diagnostics = 0;  // documents
  std::map<std::string, uint64_t> failures;     // by error code
  std::map<std::string, uint64_t> entities;     // by type
  std::map<std::string, uint64_t> recourses;    // by kind
  std::map<std::string, uint64_t> diagnostics;  // by code
  bool interrupted = false;

  void Add(const FileResult& result);
  // The --summary object; keys in a fixed order, maps sorted:
  //   {"schema":"lexfr-summary/1","planned":1000,"files":1000,"documents":
  //    990,"failed":10,"bytes":123456,"interrupted":false,"failures":
  //    {"binary":10},"entities":{"ORG":52},"recourses":{"annulment":3},
  //    "documents_without_entities":4,"documents_without_recourse":987,
  //    "documents_with_diagnostics":12,"diagnostics":{"invalid_utf8":12}}
  nlohmann::ordered_json ToJson() const;
  // "1000 files: 990 analysed, 10 failed (binary 10); 4.2 MB in 1.3 s (3.2 MB/s)"
  std::string OneLine(double seconds) const;
};

// "  420/1000 files  3.2 MB/s  ETA 0:07" (no newline), for a progress line.
std::string FormatProgress(uint64_t done, uint64_t total, uint64_t bytes, double seconds);

// --- RunOrdered, the implementation ---------------------------------------------

template <class Item, class Result, class Next, class Work, class Emit>
size_t RunOrderedPull(const OrderedOptions& options, Next next, Work work, Emit emit) {
  const unsigned jobs = options.jobs == 0 ? 1 : options.jobs;
  const size_t window = options.window == 0 ? size_t{4} * jobs : options.window;
  const auto stopped = [&] { return options.stop != nullptr && options.stop->load(); };

  std::mutex mu;
  // Held by the one worker pulling from `next`, apart from `mu`: a source
  // that blocks (a quiet pipe) must not keep the emitting thread from
  // handing out the results already done.
  std::mutex pull;
  std::condition_variable room;   // a worker may take the next item
  std::condition_variable ready;  // a result arrived, or the run is over
  // Item i waits in slot i % window: at most `window` items lie between
  // next_emit and next_take, so two of them never share a slot.
  std::vector<std::optional<Result>> slots(window);
  size_t next_take = 0, next_emit = 0, running = jobs;
  bool abort = false, ended = false;  // ended: `next` said there is no more
  std::exception_ptr failure;
  const auto fail = [&](std::exception_ptr error) {
    if (!failure) failure = error;
    abort = true;
    room.notify_all();
  };

  const auto worker = [&] {
    for (;;) {
      std::unique_lock pulling(pull);
      std::unique_lock lock(mu);
      room.wait(lock, [&] { return abort || stopped() || ended || next_take < next_emit + window; });
      if (abort || stopped() || ended) break;
      lock.unlock();
      // Only the holder of `pull` takes items, so the window checked above
      // still has room, and items get their indices in the order read.
      Item item{};
      bool got = false;
      std::exception_ptr error;
      try {
        got = next(&item);
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      if (error || !got) {
        if (error) fail(error);
        ended = true;
        room.notify_all();
        ready.notify_one();
        break;
      }
      const size_t i = next_take++;
      lock.unlock();
      pulling.unlock();
      std::optional<Result> result;
      try {
        result.emplace(work(item));
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      if (error) {
        fail(error);
      } else {
        slots[i % window] = std::move(result);
      }
      ready.notify_one();
    }
    std::lock_guard lock(mu);
    --running;
    ready.notify_one();
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

  // The tick goes by the clock, not by waits timing out: when results come
  // faster than the interval no wait ever times out.
  auto last_tick = std::chrono::steady_clock::now();
  const auto maybe_tick = [&](std::unique_lock<std::mutex>& lock) {
    if (!options.tick || std::chrono::steady_clock::now() - last_tick < options.tick_interval) return;
    last_tick = std::chrono::steady_clock::now();
    lock.unlock();
    options.tick();
    lock.lock();
  };
  {
    std::unique_lock lock(mu);
    while (!abort) {
      std::optional<Result>& slot = slots[next_emit % window];
      // Nothing more will come once no worker runs, or the source ended or a
      // stop came with no item in flight: every taken item has been emitted.
      const auto done = [&] { return running == 0 || ((ended || stopped()) && next_emit == next_take); };
      if (!slot && !done() && options.idle) {
        lock.unlock();
        options.idle();
        lock.lock();
      }
      while (!slot && !abort && !done()) {
        ready.wait_for(lock, options.tick_interval);
        maybe_tick(lock);
      }
      if (!slot || abort) break;
      Result result = std::move(*slot);
      slot.reset();
      lock.unlock();
      const bool go_on = emit(next_emit, result);
      lock.lock();
      ++next_emit;
      room.notify_all();
      if (!go_on) abort = true;
      maybe_tick(lock);
    }
    abort = true;
    room.notify_all();
  }
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  return next_emit;
}

template <class Result, class Work, class Emit>
size_t RunOrdered(size_t count, const OrderedOptions& options, Work work, Emit emit) {
  size_t pulled = 0;  // only touched by the one worker pulling
  return RunOrderedPull<size_t, Result>(
      options,
      [&](size_t* i) {
        if (pulled >= count) return false;
        *i = pulled++;
        return true;
      },
      [&](size_t& i) { return work(i); }, emit);
}

}  // namespace lexfr
