#include "adversarial.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

#include "adversarial_inputs.h"
#include "lexfr/analyze.h"
#include "recognise/dates.h"
#include "recognise/names.h"
#include "recognise/legal_refs.h"
#include "recognise/link.h"
#include "recognise/money.h"
#include "summarise/quotes.h"
#include "summarise/recourse.h"
#include "emit/json_record.h"
#include "process.h"

namespace lexfr_bench {
namespace {

constexpr size_t kBytes = size_t{1} << 20;
constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kTarget = 2.0;
constexpr int kRounds = 3;
constexpr double kProcessLimitSeconds = 30;  // an HTML input past this is a FAIL, not a wait

enum Stage {
  kSegment, kNames, kDates, kLegalRefs, kMoney, kLink, kStructure, kRecourse, kQuotes, kJson, kEndToEnd, kStages
};
constexpr const char* kStageNames[kStages] = {"segment", "names",     "dates",    "legal refs", "money", "link",
                                              "structure", "recourse", "quotes", "JSON",       "end-to-end"};

using Seconds = std::array<double, kStages>;

struct Timed {
  Seconds seconds;
  size_t json_bytes = 0;  // what `lexfr analyze` writes for the input
};

const lexfr::Resources& Resources() {
  static const lexfr::Resources* resources = [] {
    auto* r = new lexfr::Resources;
    lexfr::LoadResources({}, r);
    return r;
  }();
  return *resources;
}

// One run of each stage on `raw`, thread CPU time: the whole pipeline as
// `lexfr analyze` runs it (Analyze, then the JSON), then each stage alone on
// what the stages before it made, its output freed outside the timing.
Timed TimeStages(const std::string& raw) {
  Timed timed;
  Seconds& best = timed.seconds;
  best.fill(1e9);
  const auto lap = [&](Stage stage, double start) { best[stage] = std::min(best[stage], ThreadCpuSeconds() - start); };
  {
    std::string bytes = raw;
    auto doc = std::make_unique<lexfr::Document>();
    std::string json;
    double start = ThreadCpuSeconds();
    lexfr::Analyze(std::move(bytes), "adversarial.txt", Resources(), {}, doc.get());
    lexfr::AppendDocumentJson(*doc, false, &json);
    lap(kEndToEnd, start);
    timed.json_bytes = json.size();

    const std::string_view text = doc->decoded.text;
    start = ThreadCpuSeconds();
    const lexfr::Segmentation seg = lexfr::Segment(text, Resources().lexicon.abbreviations());
    const lexfr::TokenView view(text, seg, Resources().lexicon.vocabulary());
    const lexfr::DocumentCues cues = Resources().lexicon.cues().Match(view);  // as Analyze, right after segmenting
    lap(kSegment, start);
    start = ThreadCpuSeconds();
    std::vector<lexfr::Candidate> names = lexfr::FindNames(view, Resources().lexicon);
    lap(kNames, start);
    start = ThreadCpuSeconds();
    std::vector<lexfr::Candidate> dates = lexfr::FindDates(view, Resources().lexicon, {});
    lap(kDates, start);
    start = ThreadCpuSeconds();
    std::vector<lexfr::Candidate> refs = lexfr::FindLegalRefs(view, Resources().lexicon, names, dates);
    lap(kLegalRefs, start);
    start = ThreadCpuSeconds();
    std::vector<lexfr::Candidate> money = lexfr::FindMoney(view, Resources().lexicon);
    lap(kMoney, start);
    std::vector<std::vector<lexfr::Candidate>> lists = {std::move(names), std::move(dates), std::move(refs),
                                                        std::move(money)};
    start = ThreadCpuSeconds();
    const std::vector<lexfr::Entity> entities = lexfr::Link(text, seg, std::move(lists));
    lap(kLink, start);
    start = ThreadCpuSeconds();
    const lexfr::Structure structure = lexfr::ReadStructure(view, Resources().lexicon, cues, entities);
    lap(kStructure, start);
    start = ThreadCpuSeconds();
    const std::optional<lexfr::Recourse> recourse = lexfr::Summarise(view, Resources().lexicon, cues, entities);
    lap(kRecourse, start);
    start = ThreadCpuSeconds();
    const std::vector<lexfr::Quote> quotes = lexfr::FindQuotes(view, cues, entities);
    lap(kQuotes, start);
    std::string json_again;
    start = ThreadCpuSeconds();
    lexfr::AppendDocumentJson(*doc, false, &json_again);
    lap(kJson, start);
  }
  return timed;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Each stage's time per byte on `input` over its time per byte on
// `ordinary`: the median over kRounds rounds of the ratio inside a round,
// the two texts timed back to back, so that the load of other jobs on the
// machine hits both about equally (timing the ordinary text once, first,
// let a busy minute later on show as a slow input).
struct Compared {
  Seconds ratio{};
  size_t json_bytes = 0, ordinary_json_bytes = 0;
};

Compared CompareStages(const std::string& ordinary, const std::string& input) {
  Compared out;
  std::array<std::vector<double>, kStages> ratios;
  const double scale = static_cast<double>(ordinary.size()) / static_cast<double>(input.size());
  for (int round = 0; round < kRounds; ++round) {
    const Timed base = TimeStages(ordinary);
    const Timed timed = TimeStages(input);
    for (int s = 0; s < kStages; ++s) {
      ratios[s].push_back(timed.seconds[s] * scale / std::max(base.seconds[s], 1e-9));
    }
    out.json_bytes = timed.json_bytes;
    out.ordinary_json_bytes = base.json_bytes;
  }
  for (int s = 0; s < kStages; ++s) out.ratio[s] = Median(ratios[s]);
  return out;
}

// An HTML page of the ordinary text's paragraphs, about as long.
std::string OrdinaryPage(const std::string& text) {
  std::string page = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Décision</title></head><body>\n";
  for (size_t from = 0; from < text.size();) {
    size_t end = text.find("\n\n", from);
    if (end == std::string::npos) end = text.size();
    page += "<p>" + text.substr(from, end - from) + "</p>\n";
    from = end + 2;
  }
  return page + "</body></html>\n";
}

// An input's cost against ordinary French: per MiB read, and per MiB read or
// written, whichever it has more of. An input that is nothing but entities
// (« Google Google … », « €50 $5 … ») makes 8-12x the JSON of ordinary
// French per MiB read; no stage can write that in the time ordinary French
// takes, and the second figure holds such an input to ordinary French's
// cost per MiB written instead.
struct Ratio {
  double per_input = 0;
  double output = 1;  // JSON written per MiB read, over ordinary French's
  double Normalised() const { return per_input / std::max(1.0, output); }
};

// `lexfr analyze` of the file `path` as a process: its CPU seconds, or why
// there are none ("over 30 s", "crashed").
double ProcessSeconds(const std::string& lexfr_bin, const std::string& path, std::string* failure) {
  const ProcessRun run = RunProcess({lexfr_bin, "analyze", "--max-bytes", "100000000", path}, kProcessLimitSeconds);
  if (!run.error.empty()) {
    *failure = run.error;
  } else if (run.timed_out) {
    *failure = "over " + std::to_string(static_cast<int>(kProcessLimitSeconds)) + " s";
  } else if (run.exit_code < 0) {
    *failure = "crashed";
  }
  return run.cpu_seconds;
}

// An HTML input against the ordinary page, each a whole `lexfr analyze`
// process, back to back in each round: the median ratio of CPU time per byte.
Ratio CompareProcesses(const std::string& lexfr_bin, const std::string& page, const std::string& input,
                       const std::string& name, std::string* failure) {
  const std::string stem = "/tmp/lexfr_bench_" + std::to_string(getpid()) + "_";
  const std::string page_path = stem + "ordinary.html", input_path = stem + name + ".html";
  Ratio ratio;
  if (!WriteFile(page_path, page, failure) || !WriteFile(input_path, input, failure)) return ratio;
  std::vector<double> ratios;
  for (int round = 0; round < kRounds && failure->empty(); ++round) {
    const double base = ProcessSeconds(lexfr_bin, page_path, failure);
    const double seconds = failure->empty() ? ProcessSeconds(lexfr_bin, input_path, failure) : 0;
    ratios.push_back(seconds / static_cast<double>(input.size()) / (base / static_cast<double>(page.size())));
  }
  unlink(page_path.c_str());
  unlink(input_path.c_str());
  if (failure->empty()) ratio.per_input = Median(ratios);
  return ratio;
}

int StageOf(const std::string& stage) {
  for (int s = 0; s < kStages; ++s) {
    if (stage == kStageNames[s]) return s;
  }
  return kEndToEnd;  // html: the whole process
}

}  // namespace

bool MeasureAdversarial(const std::string& ordinary_text, const std::string& lexfr_bin,
                        const std::vector<std::string>& only) {
  const std::string ordinary = ordinary_text.substr(0, kBytes);
  const std::string page = OrdinaryPage(ordinary);
  const Timed ordinary_timed = TimeStages(ordinary);
  const double per_mib = kMiB / static_cast<double>(ordinary.size());
  std::printf(
      "\nadversarial inputs (tests/bench/adversarial_inputs.h), 1 MiB each: time per MiB / time per MiB of "
      "ordinary French,\nstage by stage (each alone; * marks the stage the input aims at) and end to end "
      "(Analyze + JSON); thread CPU time,\nmedian over %d rounds of the ratio of the input to ordinary French "
      "timed back to back. out: JSON written per MiB\nread, over ordinary French's. norm.: end to end per MiB "
      "read or written, whichever is more (end-to-end / max(1, out));\ntarget <= %.0fx. HTML inputs: `lexfr "
      "analyze` as a process, CPU time, against the ordinary text as a page.\n",
      kRounds, kTarget);
  std::printf("%-24s", "input");
  for (const char* name : kStageNames) std::printf(" %10s", name);
  std::printf(" %6s %6s\n%-24s", "out", "norm.", "ordinary (ms per MiB)");
  for (double b : ordinary_timed.seconds) std::printf(" %10.1f", b * per_mib * 1e3);
  std::printf("\n");
  for (const std::string& name : only) {
    if (FindAdversarialInput(name) == nullptr) {
      std::printf("no adversarial input called %s (lexfr_adversarial list)\n", name.c_str());
      return false;
    }
  }
  bool all_pass = true;
  double worst = 0;
  std::string worst_name;
  for (const AdversarialInput& in : AdversarialInputs()) {
    if (!only.empty() && std::find(only.begin(), only.end(), in.name) == only.end()) continue;
    const std::string input = in.make(kBytes);
    Ratio ratio;
    std::string failure;
    std::printf("%-24s", in.name.c_str());
    if (in.html) {
      ratio = CompareProcesses(lexfr_bin, page, input, in.name, &failure);
      for (int s = 0; s < kEndToEnd; ++s) std::printf(" %10s", "");
    } else {
      const Compared compared = CompareStages(ordinary, input);
      const int own = StageOf(in.stage);
      for (int s = 0; s < kEndToEnd; ++s) std::printf(" %9.2f%s", compared.ratio[s], s == own ? "*" : " ");
      ratio.per_input = compared.ratio[kEndToEnd];
      ratio.output = (static_cast<double>(compared.json_bytes) / static_cast<double>(input.size())) /
                     (static_cast<double>(compared.ordinary_json_bytes) / static_cast<double>(ordinary.size()));
    }
    const bool pass = failure.empty() && ratio.Normalised() <= kTarget;
    all_pass &= pass;
    if (failure.empty()) {
      std::printf(" %9.2fx %6.2f %5.2fx%s\n", ratio.per_input, ratio.output, ratio.Normalised(), pass ? "" : " !!");
      if (ratio.Normalised() > worst) worst = ratio.Normalised(), worst_name = in.name;
    } else {
      std::printf(" %10s %6s %6s !!\n", failure.c_str(), "", "");
    }
    std::fflush(stdout);
  }
  std::printf("adversarial inputs within %.0fx of ordinary French per MiB read or written: %s (worst %.2fx, %s)\n",
              kTarget, all_pass ? "PASS" : "FAIL (!! marks each)", worst, worst_name.c_str());
  return all_pass;
}

bool MeasureGazetteerLoad() {
  std::vector<double> ms;
  for (int i = 0; i < 10; ++i) {
    lexfr::Lexicon lexicon;
    const double start = ThreadCpuSeconds();
    lexfr::LoadLexicon(lexfr::EmbeddedFiles(), {}, &lexicon);
    ms.push_back((ThreadCpuSeconds() - start) * 1e3);
  }
  std::sort(ms.begin(), ms.end());
  const bool pass = ms[ms.size() / 2] < 10.0;
  std::printf("\nlexicon loaded and compiled (every embedded data file), 10 runs: min %.2f ms, median %.2f ms  (< 10 ms: %s)\n",
              ms.front(), ms[ms.size() / 2], pass ? "PASS" : "FAIL");
  return pass;
}

}  // namespace lexfr_bench
