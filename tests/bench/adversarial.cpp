#include "adversarial.h"

#include "process.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <utility>
#include <vector>

#include "lexfr/analyze.h"
#include "lexfr/dates.h"
#include "lexfr/entities.h"
#include "lexfr/legal_refs.h"
#include "lexfr/money.h"

namespace lexfr_bench {
namespace {

constexpr size_t kBytes = 1 << 20;
constexpr double kTarget = 2.0;

std::string Repeat(const std::string& piece) {
  std::string out;
  out.reserve(kBytes + piece.size());
  while (out.size() < kBytes) out += piece;
  return out;
}

using Recogniser = std::function<size_t(std::string_view, const lexfr::Segmentation&)>;

// Best of three, CPU time of this thread, recogniser alone (segmented before).
double Time(const std::string& text, const Recogniser& recognise) {
  const lexfr::Segmentation seg = lexfr::Segment(text);
  double best = 1e9;
  for (int i = 0; i < 3; ++i) {
    const double start = ThreadCpuSeconds();
    volatile size_t found = recognise(text, seg);
    (void)found;
    best = std::min(best, ThreadCpuSeconds() - start);
  }
  return best;
}

}  // namespace

bool MeasureAdversarial(const std::string& ordinary_text) {
  static const lexfr::Resources* resources = [] {
    auto* r = new lexfr::Resources;
    lexfr::LoadResources({}, r);
    return r;
  }();
  const std::vector<std::pair<const char*, Recogniser>> recognisers = {
      {"legal refs", [](std::string_view t, const lexfr::Segmentation& s) { return lexfr::FindLegalRefs(t, s, {}, {}).size(); }},
      {"dates", [](std::string_view t, const lexfr::Segmentation& s) { return lexfr::FindDates(t, s, {}).size(); }},
      {"money", [](std::string_view t, const lexfr::Segmentation& s) { return lexfr::FindMoney(t, s).size(); }},
      {"names", [](std::string_view t, const lexfr::Segmentation& s) {
         return lexfr::FindNames(t, s, resources->gazetteer).size();
       }},
  };
  const std::vector<std::pair<const char*, std::string>> inputs = {
      {"« article article … »", Repeat("article ")},
      {"« articles 1, 2 et … »", Repeat("articles 1, 2, 3 et ")},
      {"« du du du … »", Repeat("du ")},
      {"long digit runs", Repeat("12345678901234567890 ")},
      {"« n° n° … »", Repeat("n° 2019- ")},
      {"« le 1er et le 2 … »", Repeat("le 1er et le 2 et ")},
      {"« millions de … »", Repeat("millions de milliards d' ")},
      {"capitalised words", Repeat("Conseil Autorité Commission ")},
  };
  const std::string ordinary = ordinary_text.substr(0, kBytes);
  bool all_pass = true;
  std::printf("\nadversarial 1 MiB inputs, time / time on 1 MiB of ordinary French (target <= %.0fx)\n", kTarget);
  std::printf("%-26s", "input");
  for (const auto& [name, fn] : recognisers) std::printf(" %12s", name);
  std::printf("\n");
  std::vector<double> base;
  for (const auto& [name, fn] : recognisers) base.push_back(Time(ordinary, fn));
  std::printf("%-26s", "ordinary (seconds)");
  for (double b : base) std::printf(" %11.3fs", b);
  std::printf("\n");
  for (const auto& [label, text] : inputs) {
    std::printf("%-26s", label);
    for (size_t k = 0; k < recognisers.size(); ++k) {
      const double ratio = Time(text, recognisers[k].second) / std::max(base[k], 1e-6);
      all_pass &= ratio <= kTarget;
      std::printf(" %8.2fx %s", ratio, ratio <= kTarget ? "  " : "!!");
    }
    std::printf("\n");
  }
  std::printf("adversarial inputs within %.0fx: %s\n", kTarget, all_pass ? "PASS" : "FAIL (!! marks each)");
  return all_pass;
}

bool MeasureGazetteerLoad() {
  std::vector<double> ms;
  for (int i = 0; i < 10; ++i) {
    lexfr::Gazetteer gazetteer;
    const double start = ThreadCpuSeconds();
    lexfr::LoadGazetteer({}, &gazetteer);
    ms.push_back((ThreadCpuSeconds() - start) * 1e3);
  }
  std::sort(ms.begin(), ms.end());
  const bool pass = ms[ms.size() / 2] < 10.0;
  std::printf("\ngazetteers loaded and compiled (every embedded list), 10 runs: min %.2f ms, median %.2f ms  (< 10 ms: %s)\n",
              ms.front(), ms[ms.size() / 2], pass ? "PASS" : "FAIL");
  return pass;
}

}  // namespace lexfr_bench
