// Batch runs: the files and folders of the command line (io/walk.h), cut to
// one --shard, each analysed as one job (run/job.h) and its record written
// to the output, or with -o DIR/ to its own file.
//
// In: the BatchInputs of the run, in output order. Out: for each, a
// FileResult whose record is a JSON line or an HTML page, or whose file
// under -o DIR/ is written (WriteFileAtomically). The run itself (threads,
// order, the summary) is RunOrdered (run/ordered.h) and run/summary.h.
//
// Thread-safety: free functions without shared state. ProcessInput may run
// on many threads at once with the same reader, resources and options.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "io/files.h"
#include "io/walk.h"
#include "lexfr/analyze.h"
#include "lexfr/status.h"
#include "run/job.h"
#include "text/text_util.h"  // Fnv1a64

namespace lexfr {

// --- sharding --------------------------------------------------------------------


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

// --- one input -------------------------------------------------------------------

struct ProcessOptions {
  // The size limit, and what the record is: JSON, indented or not, or an
  // HTML page (-o DIR then writes DIR/<rel>.html).
  RecordOptions record;
  // When set, the record is written to its own file under this folder
  // (OutputPathFor) instead of being returned in FileResult::record.
  std::string output_dir;
};

// One input of a batch: RunJob (run/job.h) on its file. Never throws. With
// an output_dir, the record goes to the input's own file
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

}  // namespace lexfr
