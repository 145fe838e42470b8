// The command line's options, parsed once into the types the run uses.
//
// In: the words of the command line (CLI11 calls the parsers below as it
// reads each option, cli/cli.cpp). Out: an Options value whose fields are
// typed (formats as enums, --ref-date a calendar day, --jobs a thread count,
// --shard and --fail-on as their structs), so that nothing later checks a
// string again. A value that does not parse is a usage error (exit 64) whose
// message says what was expected and what came.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "emit/html_labels.h"
#include "extract/extract.h"
#include "io/files.h"
#include "io/walk.h"
#include "lexfr/calendar_date.h"
#include "run/batch.h"
#include "run/summary.h"

namespace lexfr {

// What analyze writes (--format).
enum class OutputFormat {
  kAuto,   // one JSON object for one input, JSON Lines for several
  kJson,   // one JSON object (indented with --pretty)
  kJsonl,  // JSON Lines, one document a line, never indented
  kHtml,   // a self-contained page per input
  kCsv,    // a table, one row per entity (or mention), one header for the run (emit/table_rows.h)
  kTsv,    // the same table, tab-separated
};

// Parses "auto", "json", "jsonl", "html", "csv" or "tsv"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

// --types: the entity type EntityTypeName calls `name`, in any case; nullopt for none.
std::optional<EntityType> ParseEntityType(std::string_view name);

// --jobs: worker threads, from 1 to kMostJobs. More threads than that only
// cost memory (each holds a document), never speed on the machines lexfr
// runs on; a run never starts more threads than it has inputs.
inline constexpr unsigned kMostJobs = 1024;

// The default of --jobs: one per core, at most kMostJobs (1 when the number
// of cores is unknown).
unsigned DefaultJobs();

// Parses --jobs N: a whole number from 1 to kMostJobs; nullopt otherwise.
std::optional<unsigned> ParseJobs(std::string_view text);

// --max-bytes: at most this many bytes (1 TiB). The cap keeps the multiples
// of it that later stages take (the text an HTML page or a PDF may extract
// to) far from overflowing.
inline constexpr uint64_t kMostMaxBytes = uint64_t{1} << 40;

// Parses a size as `sort -S`, `du` and ripgrep's --max-filesize write it: a
// whole number of bytes, with an optional suffix K, M, G or T (powers of
// 1024, either case, optionally followed by "iB" or "B": 64M, 64MiB, 1k,
// 1G); nullopt for anything else, a negative number, or more than
// kMostMaxBytes.
std::optional<uint64_t> ParseByteSize(std::string_view text);

// --timeout: CPU seconds, a decimal number from kLeastTimeout to
// kMostTimeout; nullopt otherwise.
inline constexpr double kLeastTimeout = 0.001;
inline constexpr double kMostTimeout = 1e6;
std::optional<double> ParseTimeout(std::string_view text);

// Every option of every subcommand, with its default.
struct Options {
  // -- what is read
  std::vector<std::string> inputs;           // PATHs; empty: standard input (with a pipe)
  InputFormat input_format = InputFormat::kAuto;  // --input-format
  size_t max_bytes = kDefaultMaxBytes;       // --max-bytes
  double timeout = kDefaultTimeoutSeconds;   // --timeout: CPU seconds per HTML page or PDF
  std::vector<std::string> gazetteers;       // --gazetteer, repeatable
  std::optional<CalendarDate> ref_date;      // --ref-date; unset: the document's own date
  // -- what is written
  std::string output = "-";                  // -o: a file, "-" for standard output, or DIR/
  OutputFormat format = OutputFormat::kAuto;  // --format
  HtmlLang lang = HtmlLang::kFr;              // --lang: the words of --format html
  bool pretty = false;                       // --pretty
  RecordShape shape;                         // --types, --no-mentions, --sentences
  std::string rows;                          // --rows entities|mentions (tables only); empty: not given
  bool emit_text = false;                    // --emit-text: the extracted text, not the analysis
  bool quiet = false;                        // global -q: no summary line, no progress
  // -- batch runs
  WalkOptions walk;                          // --include, --exclude, --follow-symlinks
  std::string files_from;                    // --files-from FILE ("-": standard input)
  bool null_separated = false;               // -0
  unsigned jobs = DefaultJobs();             // -j, --jobs
  std::optional<Shard> shard;                // --shard K/N; unset: every input
  FailOn fail_on;                            // --fail-on, none by default
  std::string summary;                       // --summary FILE; empty: none
  // -- mapper mode
  std::string input_jsonl;                   // --input-jsonl FILE ("-": stdin); empty: not mapper mode
  bool allow_paths = true;                   // --input-jsonl-paths allow (true) or deny
  // -- eval
  std::string gold_dir;                      // GOLD_DIR
  std::string predictions;                   // PREDICTIONS; empty: analyse GOLD_DIR's texts
  bool eval_misses = false;                  // --misses
  bool eval_json = false;                    // --json
  // -- the commands about lexfr itself
  std::string help_topic;                    // help COMMAND; empty: the list of commands
  std::string shell;                         // completions SHELL
};

}  // namespace lexfr
