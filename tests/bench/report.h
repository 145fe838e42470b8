// Collecting the benchmark figures and printing the summary of issue 7.
//
// In: each benchmark's fastest iteration (recorded by the benchmarks
// themselves), the start-up and memory figures.
// Out: one table on stdout: each stage's MiB/s and tokens/s, its ratio to
// ICU's French word break iterator over the same text, its 2x/1x time ratio,
// and PASS/FAIL against the targets.
//
// Thread-safety: none; one reporter per run.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lexfr_bench {

// The targets of issue 7.
inline constexpr double kMinEndToEndVsIcu = 0.5;
inline constexpr double kMaxStartUpMs = 15;
inline constexpr double kMaxRssPerByte = 12;
inline constexpr double kMaxLinearity = 2.3;

// One benchmark's figures for the summary: its fastest iteration, in thread
// CPU time. On a machine shared with other builds the fastest of a few runs
// is the figure that moves least from one run of the bench to the next.
struct Figure {
  double best_seconds = 0;
  std::vector<double> round_best;  // the fastest iteration of each round, in order
  uint64_t bytes = 0, tokens = 0;  // processed per iteration
  int iterations = 0;
};

struct StageRow {
  std::string key;    // benchmark name without "/1x"
  std::string label;  // what the table shows
};

struct StartUp {
  int runs = 0;
  double min_ms = 0, median_ms = 0;  // wall time
  double median_cpu_ms = 0;          // user + system: what the load of the machine does not add
  std::string error;
};

struct Memory {
  uint64_t input_bytes = 0;
  uint64_t max_rss_bytes = 0;
  double seconds = 0;
  std::string note;   // why the file is smaller than planned, if it is
  std::string error;  // the run failed
};

struct Summary {
  uint64_t corpus_bytes = 0, corpus_tokens = 0;
  std::vector<StageRow> stages;  // in table order
  std::string floor_key, end_to_end_key;
  std::vector<std::string> analyze_parts;  // the stages Analyze() runs, summed in one row
  std::optional<StartUp> start_up;
  std::optional<Memory> memory;
};

void PrintSummary(const Summary& summary, const std::map<std::string, Figure>& figures);

}  // namespace lexfr_bench
