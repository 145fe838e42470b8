#include "report.h"

#include <algorithm>
#include <cstdio>

namespace lexfr_bench {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;

const char* Verdict(bool pass) { return pass ? "PASS" : "FAIL"; }

double Rate(const Figure& f) { return static_cast<double>(f.bytes) / f.best_seconds; }

// The median over rounds of the 2x/1x time ratio; 1x and 2x of a round ran
// seconds apart, under about the same load.
double Linearity(const Figure& one, const Figure& two) {
  std::vector<double> ratios;
  for (size_t r = 0; r < one.round_best.size() && r < two.round_best.size(); ++r) {
    ratios.push_back(two.round_best[r] / one.round_best[r]);
  }
  if (ratios.empty()) return two.best_seconds / one.best_seconds;
  std::sort(ratios.begin(), ratios.end());
  const size_t n = ratios.size();
  return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
}

const Figure* Find(const std::map<std::string, Figure>& figures, const std::string& name) {
  const auto it = figures.find(name);
  return it == figures.end() ? nullptr : &it->second;
}

// One line of the table; `two` (the 2x figure) and `floor` may be missing.
void PrintRow(const std::string& label, const Figure& one, const Figure* two, const Figure* floor, bool end_to_end) {
  std::string targets;
  char ratio[32] = "-", linear[32] = "-";
  if (floor != nullptr) {
    const double r = Rate(one) / Rate(*floor);
    std::snprintf(ratio, sizeof ratio, "%.3f", r);
    if (end_to_end) targets += std::string("x ICU >= 0.5: ") + Verdict(r >= kMinEndToEndVsIcu) + "  ";
  }
  if (two != nullptr) {
    const double l = Linearity(one, *two);
    std::snprintf(linear, sizeof linear, "%.2f", l);
    targets += std::string("2x/1x <= 2.3: ") + Verdict(l <= kMaxLinearity);
  }
  std::printf("%-38s %9.2f %10.3f %9s %7s  %s\n", label.c_str(), Rate(one) / kMiB,
              static_cast<double>(one.tokens) / one.best_seconds / 1e6, ratio, linear, targets.c_str());
}

// What the stages Analyze() calls cost one after the other, to compare with
// the end-to-end row; nothing when one of them did not run.
std::optional<Figure> Summed(const Summary& summary, const std::map<std::string, Figure>& figures,
                             const std::string& suffix) {
  Figure sum;
  for (const std::string& key : summary.analyze_parts) {
    const Figure* f = Find(figures, key + suffix);
    if (f == nullptr) return std::nullopt;
    sum.best_seconds += f->best_seconds;
    sum.round_best.resize(std::max(sum.round_best.size(), f->round_best.size()));
    for (size_t r = 0; r < f->round_best.size(); ++r) sum.round_best[r] += f->round_best[r];
    sum.bytes = f->bytes;  // every stage reads the same text
    sum.tokens = f->tokens;
  }
  if (sum.bytes == 0) return std::nullopt;
  return sum;
}

void PrintStageTable(const Summary& summary, const std::map<std::string, Figure>& figures) {
  const Figure* floor = Find(figures, summary.floor_key + "/1x");
  std::printf("%-38s %9s %10s %9s %7s  %s\n", "stage (1x corpus)", "MiB/s", "Mtokens/s", "x ICU wb", "2x/1x",
              "targets");
  for (const StageRow& row : summary.stages) {
    const Figure* one = Find(figures, row.key + "/1x");
    if (one == nullptr) continue;  // filtered out
    PrintRow(row.label, *one, Find(figures, row.key + "/2x"), floor, row.key == summary.end_to_end_key);
  }
  if (const std::optional<Figure> one = Summed(summary, figures, "/1x")) {
    const std::optional<Figure> two = Summed(summary, figures, "/2x");
    PrintRow("sum of stages sha256..quotes", *one, two ? &*two : nullptr, floor, false);
  }
}

void PrintStartUp(const StartUp& s) {
  if (!s.error.empty()) {
    std::printf("start-up: FAILED: %s\n", s.error.c_str());
    return;
  }
  // Both verdicts: on a shared machine the minimum is the program's own cost,
  // the median what a user waits.
  std::printf(
      "start-up, `lexfr analyze EMPTY` as a process, %d runs: wall min %.2f ms, median %.2f ms; CPU "
      "median %.2f ms  (< %.0f ms: min %s, median %s)\n",
      s.runs, s.min_ms, s.median_ms, s.median_cpu_ms, kMaxStartUpMs, Verdict(s.min_ms < kMaxStartUpMs),
      Verdict(s.median_ms < kMaxStartUpMs));
}

void PrintMemory(const Memory& m) {
  if (!m.error.empty()) {
    std::printf("memory: FAILED: %s\n", m.error.c_str());
    return;
  }
  const double per_byte = static_cast<double>(m.max_rss_bytes) / static_cast<double>(m.input_bytes);
  std::printf(
      "memory, `lexfr analyze --max-bytes 200000000` of %.0f MiB: peak RSS %.0f MiB = %.2f bytes per input "
      "byte in %.1f s  (< %.0f: %s)\n",
      static_cast<double>(m.input_bytes) / kMiB, static_cast<double>(m.max_rss_bytes) / kMiB, per_byte, m.seconds,
      kMaxRssPerByte, Verdict(per_byte < kMaxRssPerByte));
  if (!m.note.empty()) std::printf("  note: %s\n", m.note.c_str());
}

}  // namespace

void PrintSummary(const Summary& summary, const std::map<std::string, Figure>& figures) {
  std::printf("\n== lexfr_bench summary ==\n");
  std::printf(
      "corpus: %.1f MiB, %.2f M lexfr tokens (the 2x corpus is twice that); single thread; fastest "
      "iteration, thread CPU time\n2x/1x = median over rounds of (2x time / 1x time), 1x and 2x run "
      "back to back in each round\n",
      static_cast<double>(summary.corpus_bytes) / kMiB, static_cast<double>(summary.corpus_tokens) / 1e6);
  std::printf(
      "x ICU wb = stage MiB/s / ICU French word break MiB/s over the same text; tokens/s counts lexfr's "
      "tokens in every row\n\n");
  PrintStageTable(summary, figures);
  std::printf("\n");
  if (summary.start_up) PrintStartUp(*summary.start_up);
  if (summary.memory) PrintMemory(*summary.memory);
  std::fflush(stdout);
}

}  // namespace lexfr_bench
