// lexfr_bench: how fast each stage of lexfr runs, measured against the floor
// that ICU's French word break iterator sets over the same text (issue 7).
//
//   lexfr_bench            20 MiB corpus (and 40 MiB for linearity), then
//                          start-up and peak memory of the real binary
//   lexfr_bench --quick    2 MiB corpus and no adversarial table: a smoke
//                          test in seconds (or LEXFR_BENCH_QUICK=1)
//   lexfr_bench --no-process   skip start-up and memory
//   lexfr_bench --corpus-mib=N     an N MiB corpus instead of 20
//   lexfr_bench --write-corpus=F   write the corpus to F and stop (for perf)
//   lexfr_bench --adversarial-only only the adversarial table (every worst-case
//                                  input against ordinary French, 2-4 min)
//   lexfr_bench --adversarial-only=NAME,NAME   only those rows of it
//   lexfr_bench --no-adversarial   everything but that table
// Besides the shuffled corpus, the dev corpus's full decisions are timed as
// whole documents (end to end against ICU word break over the same texts).
// Google Benchmark's own flags (--benchmark_filter=segment, ...) work too.
//
// Every stage is timed alone, single-threaded, over inputs prepared once
// outside the timed loop (tests/bench/inputs.h); Google Benchmark prints its
// usual lines, and a summary table follows (tests/bench/report.h).
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "adversarial.h"
#include "corpus.h"
#include "inputs.h"
#include "lexfr/analyze.h"
#include "recognise/dates.h"
#include "recognise/names.h"
#include "recognise/legal_refs.h"
#include "recognise/link.h"
#include "recognise/money.h"
#include "summarise/quotes.h"
#include "summarise/recourse.h"
#include "text/segment.h"
#include "io/sha256.h"
#include "extract/decode.h"
#include "emit/json_record.h"
#include "process.h"
#include "report.h"

namespace lexfr_bench {
namespace {

constexpr uint64_t kSeed = 7;  // issue 7; any fixed value keeps the corpus stable
constexpr size_t kMiB = size_t{1} << 20;
constexpr size_t kFullCorpus = 20 * kMiB;
constexpr size_t kQuickCorpus = 2 * kMiB;
constexpr int kStartUpRuns = 20;
// The memory run reads one file of 5 corpora (100 MiB), unless at the
// measured speed that would take longer than this; then one corpus.
constexpr double kMemoryBudgetSeconds = 300;

struct Options {
  bool quick = false;
  size_t corpus_bytes = kFullCorpus;  // the 1x corpus
  bool processes = true;
  bool stages = true;       // the stage benchmarks and their summary
  bool adversarial = true;  // the adversarial table
  std::string write_corpus;  // write the corpus there and stop (for perf runs)
  std::vector<std::string> adversarial_names;  // the rows of the table to run; empty: all
};

// The texts the corpus is made of.
std::vector<std::string> Paragraphs(std::string* error) {
  return LoadParagraphs(
      {std::string(LEXFR_SOURCE_DIR) + "/data/samples", std::string(LEXFR_SOURCE_DIR) + "/tests/corpus/dev"}, error);
}

// --- the stages ------------------------------------------------------------

// What TimeStage measured in the benchmark running now, for the summary.
struct Lap {
  uint64_t bytes = 0, tokens = 0;
  std::vector<double> seconds;  // thread CPU time of each iteration
};

Lap& CurrentLap() {
  static Lap lap;
  return lap;
}

// Runs `work` once per iteration with only `work` timed: `setup` makes what
// the stage consumes (a copy, for stages that take their input by value), and
// the stage's output is freed outside the timing too, since in the pipeline
// it lives on to the end.
template <class Setup, class Work>
void TimeStage(benchmark::State& state, uint64_t bytes, uint64_t tokens, Setup setup, Work work) {
  Lap& lap = CurrentLap();
  lap.bytes = bytes;
  lap.tokens = tokens;
  for (auto _ : state) {
    state.PauseTiming();
    auto arg = setup();
    state.ResumeTiming();
    const double start = ThreadCpuSeconds();
    auto result = work(std::move(arg));
    benchmark::DoNotOptimize(result);
    lap.seconds.push_back(ThreadCpuSeconds() - start);
    state.PauseTiming();
    { [[maybe_unused]] auto drop = std::move(result); }
    state.ResumeTiming();
  }
  const auto iterations = static_cast<int64_t>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * iterations);
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens) * static_cast<double>(iterations), benchmark::Counter::kIsRate);
}

std::map<std::string, Figure>& Figures() {
  static std::map<std::string, Figure> figures;
  return figures;
}

// Keeps the fastest iteration of one round of benchmark `name`.
void RecordLap(const std::string& name) {
  const Lap& lap = CurrentLap();
  if (lap.seconds.empty()) return;  // skipped with an error
  Figure& f = Figures()[name];
  const double best = *std::min_element(lap.seconds.begin(), lap.seconds.end());
  if (f.iterations == 0 || best < f.best_seconds) f.best_seconds = best;
  f.round_best.push_back(best);
  f.bytes = lap.bytes;
  f.tokens = lap.tokens;
  f.iterations += static_cast<int>(lap.seconds.size());
}

int NoSetup() { return 0; }

// Each stage: the inputs it needs (Segmented or Analysed) and one call.
using StageFn = std::function<void(benchmark::State&, int scale)>;

struct Stage {
  const char* key;
  const char* label;
  bool in_analyze;  // one of the calls Analyze() makes
  int iterations;   // per round and size: a round lasts about 0.5 s or
                    // more over 20 MiB, so its fastest iteration is not one
                    // lucky time slice
  StageFn run;
};

// Each stage runs 1x, 2x, 1x, 2x, 1x, 2x: the machine is shared, and its load
// changes over seconds, so the 2x/1x ratio is taken within a round (1x and 2x
// seconds apart) and the median of the rounds is reported. Three rounds keep
// the whole bench within four to five minutes.
constexpr int kRounds = 3;

uint64_t Tokens(int scale) { return Segmented(scale).doc.segmentation.tokens.size(); }

void IcuWordBreak(benchmark::State& state, int scale) {
  const std::string& text = Corpus(scale);
  UErrorCode err = U_ZERO_ERROR;
  // Created once, as lexfr keeps one per thread: the floor is the iteration.
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), err));
  if (U_FAILURE(err)) return state.SkipWithError(u_errorName(err));
  TimeStage(state, text.size(), Tokens(scale), NoSetup, [&](int) {
    UErrorCode e = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &e);
    words->setText(&ut, e);
    int64_t boundaries = 0;
    for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) ++boundaries;
    utext_close(&ut);
    return boundaries;
  });
}

void Utf8ToUtf16(benchmark::State& state, int scale) {
  const std::string& text = Corpus(scale);
  std::vector<UChar> utf16(text.size() + 1);  // never more units than bytes
  TimeStage(state, text.size(), Tokens(scale), NoSetup, [&](int) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &length, text.data(),
                  static_cast<int32_t>(text.size()), &err);
    return length;
  });
}

void NfcNormalise(benchmark::State& state, int scale) {
  const std::string& text = Corpus(scale);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return state.SkipWithError(u_errorName(err));
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  // UTF-8 in and out, as lexfr would use it: no UTF-16 copy.
  TimeStage(state, text.size(), Tokens(scale), NoSetup, [&](int) {
    out.clear();
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode e = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, e);
    return out.size();
  });
}

// Analyze() hashes its input for source.sha256: part of the end-to-end time.
void Sha256Stage(benchmark::State& state, int scale) {
  const std::string& raw = Corpus(scale);
  TimeStage(state, raw.size(), Tokens(scale), NoSetup, [&](int) { return lexfr::Sha256Hex(raw); });
}

void DecodeStage(benchmark::State& state, int scale) {
  const std::string& raw = Corpus(scale);
  TimeStage(state, raw.size(), Tokens(scale), NoSetup, [&](int) {
    lexfr::DecodedText decoded;
    lexfr::Status s = lexfr::Decode(raw, &decoded);
    benchmark::DoNotOptimize(s);
    return decoded;
  });
}

void SegmentStage(benchmark::State& state, int scale) {
  const StageInputs& in = Segmented(scale);
  const std::string_view text = in.doc.decoded.text;
  // as Analyze calls it: the tokens' vocabulary ids and flags made with them
  const lexfr::Lexicon& lexicon = SharedResources().lexicon;
  TimeStage(state, text.size(), Tokens(scale), NoSetup, [&](int) {
    lexfr::TokenIds ids;
    lexfr::Segmentation seg = lexfr::Segment(text, lexicon.abbreviations(), lexicon.vocabulary(), &ids);
    return std::make_pair(std::move(seg), std::move(ids));
  });
}

// The recognisers, link, recourse and quotes all read (text, segmentation).
template <class Work>
void AfterSegment(benchmark::State& state, int scale, Work work) {
  const StageInputs& in = Analysed(scale);
  TimeStage(state, in.doc.decoded.text.size(), Tokens(scale), NoSetup, [&](int) { return work(in); });
}

std::string_view Text(const StageInputs& in) { return in.doc.decoded.text; }
const lexfr::Segmentation& Seg(const StageInputs& in) { return in.doc.segmentation; }

void LinkStage(benchmark::State& state, int scale) {
  const StageInputs& in = Analysed(scale);
  TimeStage(
      state, Text(in).size(), Tokens(scale), [&] { return in.all; },
      [&](std::vector<lexfr::Candidate> candidates) { return lexfr::Link(Text(in), Seg(in), OneList(std::move(candidates))); });
}

void JsonStage(benchmark::State& state, int scale) {
  const StageInputs& in = Analysed(scale);
  TimeStage(state, Text(in).size(), Tokens(scale), NoSetup,
            [&](int) {
              std::string json;
              lexfr::AppendDocumentJson(in.doc, false, &json);
              return json;
            });
}

void EndToEnd(benchmark::State& state, int scale) {
  const std::string& raw = Corpus(scale);
  const lexfr::Resources& resources = SharedResources();
  TimeStage(state, raw.size(), Tokens(scale), NoSetup, [&](int) {
    auto doc = std::make_unique<lexfr::Document>();
    lexfr::Status s = lexfr::Analyze(raw, "corpus.txt", resources, lexfr::AnalyzeOptions{}, doc.get());
    benchmark::DoNotOptimize(s);
    return doc;
  });
}

const std::vector<Stage>& Stages() {
  static const std::vector<Stage> stages = {
      {"icu_word_break", "ICU French word break (floor)", false, 2, IcuWordBreak},
      {"icu_utf8_to_utf16", "ICU UTF-8 -> UTF-16 (u_strFromUTF8)", false, 4, Utf8ToUtf16},
      {"icu_nfc", "ICU NFC normalizeUTF8", false, 4, NfcNormalise},
      {"sha256", "sha256 (Sha256Hex, in Analyze)", true, 2, Sha256Stage},
      {"decode", "decode (Decode)", true, 4, DecodeStage},
      {"segment", "segment (Segment, with ids)", true, 1, SegmentStage},
      {"token_view", "token view apart (own pass)", false, 1,
       [](benchmark::State& s, int scale) {
         AfterSegment(s, scale, [](const StageInputs& in) {
           return lexfr::TokenView(Text(in), Seg(in), SharedResources().lexicon.vocabulary()).size();
         });
       }},
      {"cues", "cues (CueIndex::Match)", true, 1,
       [](benchmark::State& s, int scale) {
         AfterSegment(s, scale, [](const StageInputs& in) { return SharedResources().lexicon.cues().Match(*in.view); });
       }},
      {"names", "names (FindNames)", true, 1,
       [](benchmark::State& s, int scale) {
         AfterSegment(s, scale, [](const StageInputs& in) {
           return lexfr::FindNames(*in.view, SharedResources().lexicon);
         });
       }},
      {"dates", "dates (FindDates)", true, 1,
       [](benchmark::State& s, int scale) {
         AfterSegment(s, scale, [](const StageInputs& in) {
           return lexfr::FindDates(*in.view, SharedResources().lexicon, lexfr::AnalyzeOptions{}.dates);
         });
       }},
      {"money", "money (FindMoney)", true, 1,
       [](benchmark::State& s, int scale) {
         AfterSegment(s, scale, [](const StageInputs& in) { return lexfr::FindMoney(*in.view, SharedResources().lexicon); });
       }},
      {"legal_refs", "legal refs (FindLegalRefs)", true, 1,
       [](benchmark::State& s, int scale) {
         AfterSegment(s, scale, [](const StageInputs& in) {
           return lexfr::FindLegalRefs(*in.view, SharedResources().lexicon, in.names, in.dates);
         });
       }},
      {"link", "link (Link)", true, 1, LinkStage},
      {"recourse", "recourse (Summarise)", true, 1,
       [](benchmark::State& s, int scale) {
         AfterSegment(s, scale,
                      [](const StageInputs& in) { return lexfr::Summarise(*in.view, SharedResources().lexicon, *in.cues, in.doc.entities); });
       }},
      {"quotes", "quotes (FindQuotes)", true, 1,
       [](benchmark::State& s, int scale) {
         AfterSegment(s, scale,
                      [](const StageInputs& in) { return lexfr::FindQuotes(*in.view, *in.cues, in.doc.entities); });
       }},
      {"json", "JSON (AppendDocumentJson)", false, 1, JsonStage},
      {"end_to_end", "end-to-end (Analyze)", false, 1, EndToEnd},
  };
  return stages;
}

// --- the dev corpus's full decisions ---------------------------------------------
// Issue 21 sets its target on them too: whole documents (long, few quotes,
// many references and parties) rather than the shuffled paragraphs of news
// and decisions the stages read. Each text is its own document, as in a
// batch run over a folder of decisions.

const std::vector<std::string>& DecisionTexts() {
  static const std::vector<std::string> texts = [] {
    std::string error;
    std::vector<std::string> t = LoadTextsOfGenres(std::string(LEXFR_SOURCE_DIR) + "/tests/corpus/dev",
                                                   {"decision", "regulator_decision"}, &error);
    if (t.empty()) std::fprintf(stderr, "lexfr_bench: %s\n", error.c_str());
    return t;
  }();
  return texts;
}

uint64_t DecisionBytes() {
  uint64_t bytes = 0;
  for (const std::string& t : DecisionTexts()) bytes += t.size();
  return bytes;
}

void DecisionsIcuWordBreak(benchmark::State& state) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), err));
  if (U_FAILURE(err)) return state.SkipWithError(u_errorName(err));
  TimeStage(state, DecisionBytes(), 0, NoSetup, [&](int) {
    int64_t boundaries = 0;
    for (const std::string& text : DecisionTexts()) {
      UErrorCode e = U_ZERO_ERROR;
      UText ut = UTEXT_INITIALIZER;
      utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &e);
      words->setText(&ut, e);
      for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) ++boundaries;
      utext_close(&ut);
    }
    return boundaries;
  });
}

// Analyze() of each decision, and its JSON: what `lexfr analyze` does per file.
void DecisionsEndToEnd(benchmark::State& state, bool with_json) {
  const lexfr::Resources& resources = SharedResources();
  TimeStage(state, DecisionBytes(), 0, NoSetup, [&](int) {
    size_t out = 0;
    for (const std::string& raw : DecisionTexts()) {
      lexfr::Document doc;
      lexfr::Status s = lexfr::Analyze(raw, "decision.txt", resources, lexfr::AnalyzeOptions{}, &doc);
      benchmark::DoNotOptimize(s);
      if (with_json) {
        std::string json;
        lexfr::AppendDocumentJson(doc, false, &json);
        out += json.size();
      }
    }
    return out;
  });
}

// A pass over the decisions takes ~8 ms: with 4 passes a round, the fastest
// pass did not follow a 5 % change in instructions (callgrind). 32 passes a
// round (~0.25 s) give the minimum enough samples to settle.
constexpr int kDecisionPasses = 32;

void RegisterDecisions() {
  if (DecisionTexts().empty()) return;
  const std::vector<std::pair<std::string, std::function<void(benchmark::State&)>>> runs = {
      {"decisions_icu_word_break", DecisionsIcuWordBreak},
      {"decisions_end_to_end", [](benchmark::State& s) { DecisionsEndToEnd(s, false); }},
      {"decisions_end_to_end_json", [](benchmark::State& s) { DecisionsEndToEnd(s, true); }},
  };
  for (int round = 0; round < kRounds; ++round) {
    for (const auto& [name, run] : runs) {
      benchmark::RegisterBenchmark(name.c_str(),
                                   [run = run, name = name](benchmark::State& s) {
                                     CurrentLap() = Lap{};
                                     run(s);
                                     RecordLap(name);
                                   })
          ->Unit(benchmark::kMillisecond)
          ->Iterations(kDecisionPasses);
    }
  }
}

// The decisions' line under the summary table: end to end against ICU's
// word break over the same texts, in the same run.
void PrintDecisions(const std::map<std::string, Figure>& figures) {
  const auto icu = figures.find("decisions_icu_word_break");
  const auto e2e = figures.find("decisions_end_to_end");
  const auto json = figures.find("decisions_end_to_end_json");
  if (icu == figures.end() || e2e == figures.end() || json == figures.end()) return;
  const double mib = static_cast<double>(icu->second.bytes) / static_cast<double>(kMiB);
  const auto speed = [&](const Figure& f) { return mib / f.best_seconds; };
  std::printf(
      "\nThe dev corpus's full decisions (%zu texts, %.2f MiB, each its own document):\n"
      "  ICU French word break      %8.2f MiB/s\n"
      "  end-to-end (Analyze)       %8.2f MiB/s = %.3fx ICU (target %.1fx)\n"
      "  end-to-end with its JSON   %8.2f MiB/s = %.3fx ICU\n",
      DecisionTexts().size(), mib, speed(icu->second), speed(e2e->second), speed(e2e->second) / speed(icu->second),
      kMinEndToEndVsIcu, speed(json->second), speed(json->second) / speed(icu->second));
}

// Each size's inputs are prepared once, when a benchmark first needs them.
void RegisterStages() {
  for (const Stage& stage : Stages()) {
    for (int round = 0; round < kRounds; ++round) {
      for (int scale : {1, 2}) {
        const std::string name = std::string(stage.key) + "/" + std::to_string(scale) + "x";
        benchmark::RegisterBenchmark(name.c_str(),
                                     [run = stage.run, scale, name](benchmark::State& s) {
                                       CurrentLap() = Lap{};
                                       run(s, scale);
                                       RecordLap(name);
                                     })
            ->Unit(benchmark::kMillisecond)
            ->Iterations(stage.iterations);
      }
    }
  }
}

// --- the real binary -----------------------------------------------------------

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

StartUp MeasureStartUp(const std::string& empty_file) {
  StartUp result;
  const std::vector<std::string> argv = {LEXFR_BIN, "analyze", empty_file};
  RunProcess(argv, 60);  // warms the page cache: the figure is start-up, not disk
  std::vector<double> ms, cpu_ms;
  for (int i = 0; i < kStartUpRuns; ++i) {
    const ProcessRun run = RunProcess(argv, 60);
    if (!run.error.empty() || run.exit_code != 0) {
      result.error = run.error.empty() ? "exit code " + std::to_string(run.exit_code) : run.error;
      return result;
    }
    ms.push_back(run.seconds * 1000);
    cpu_ms.push_back(run.cpu_seconds * 1000);
  }
  result.runs = kStartUpRuns;
  result.min_ms = *std::min_element(ms.begin(), ms.end());
  result.median_ms = Median(ms);
  result.median_cpu_ms = Median(cpu_ms);
  return result;
}

// Seconds per byte of the whole process, from the end-to-end and JSON
// benchmarks when they ran, else from one run of the binary on the corpus.
double ProcessSecondsPerByte(const std::map<std::string, Figure>& figures, const std::string& corpus_file,
                             uint64_t corpus_bytes) {
  const auto e2e = figures.find("end_to_end/1x");
  const auto json = figures.find("json/1x");
  if (e2e != figures.end() && json != figures.end()) {
    return (e2e->second.best_seconds + json->second.best_seconds) / static_cast<double>(corpus_bytes);
  }
  const ProcessRun probe = RunProcess({LEXFR_BIN, "analyze", "--max-bytes", "200000000", corpus_file}, 3600);
  return probe.seconds / static_cast<double>(corpus_bytes);
}

Memory MeasureMemory(const Options& options, const std::map<std::string, Figure>& figures, const std::string& dir) {
  Memory m;
  std::string error;
  const size_t corpus_size = options.corpus_bytes;
  const std::string corpus_file = dir + "/corpus.txt";
  const std::vector<std::string> paragraphs = Paragraphs(&error);
  const std::string corpus = BuildCorpus(paragraphs, corpus_size, kSeed);
  if (!WriteFile(corpus_file, corpus, &error)) {
    m.error = error;
    return m;
  }

  size_t target = 5 * corpus_size;
  const double predicted = ProcessSecondsPerByte(figures, corpus_file, corpus.size()) * static_cast<double>(target);
  if (predicted > kMemoryBudgetSeconds) {
    m.note = "a " + std::to_string(target / kMiB) + " MiB file would take about " +
             std::to_string(static_cast<int>(predicted)) + " s at the measured speed (budget " +
             std::to_string(static_cast<int>(kMemoryBudgetSeconds)) + " s): measured on " +
             std::to_string(corpus_size / kMiB) + " MiB instead";
    target = corpus_size;
  }
  const std::string big_file = dir + "/big.txt";
  const std::string big = target == corpus_size ? corpus : BuildCorpus(paragraphs, target, kSeed);
  if (!WriteFile(big_file, big, &error)) {
    m.error = error;
    return m;
  }
  std::fprintf(stderr, "lexfr_bench: peak RSS of lexfr on %zu MiB (about %.0f s)...\n", target / kMiB,
               predicted * static_cast<double>(target) / static_cast<double>(5 * corpus_size));
  const ProcessRun run = RunProcessForMemory(std::filesystem::read_symlink("/proc/self/exe").string(),
                                             {LEXFR_BIN, "analyze", "--max-bytes", "200000000", big_file},
                                             4 * kMemoryBudgetSeconds, dir + "/rss.txt");
  std::filesystem::remove(dir + "/rss.txt");
  std::filesystem::remove(big_file);
  std::filesystem::remove(corpus_file);
  if (!run.error.empty() || run.exit_code != 0) {
    m.error = run.error.empty() ? "exit code " + std::to_string(run.exit_code) : run.error;
    return m;
  }
  m.input_bytes = big.size();
  m.max_rss_bytes = run.max_rss_bytes;
  m.seconds = run.seconds;
  return m;
}

void MeasureProcesses(const Options& options, const std::map<std::string, Figure>& figures, Summary* summary) {
  std::string dir = (std::filesystem::temp_directory_path() / "lexfr_bench.XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) {
    summary->start_up.emplace().error = dir + ": " + std::strerror(errno);
    return;
  }
  const std::string empty_file = dir + "/empty.txt";
  std::string error;
  if (WriteFile(empty_file, "", &error)) {
    summary->start_up = MeasureStartUp(empty_file);
  } else {
    summary->start_up.emplace().error = error;
  }
  std::filesystem::remove(empty_file);
  summary->memory = MeasureMemory(options, figures, dir);
  std::filesystem::remove(dir);
}

// --- main -------------------------------------------------------------------------

// Takes our own flags out of argv before Google Benchmark reads the rest.
Options ParseOptions(int* argc, char** argv) {
  Options options;
  const char* env = std::getenv("LEXFR_BENCH_QUICK");
  options.quick = env != nullptr && std::strcmp(env, "") != 0 && std::strcmp(env, "0") != 0;
  long mib = 0;
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--quick") {
      options.quick = true;
    } else if (arg.starts_with("--corpus-mib=")) {
      mib = std::strtol(argv[i] + arg.find('=') + 1, nullptr, 10);
    } else if (arg.starts_with("--write-corpus=")) {
      options.write_corpus = arg.substr(arg.find('=') + 1);
    } else if (arg == "--no-process") {
      options.processes = false;
    } else if (arg == "--adversarial-only" || arg.starts_with("--adversarial-only=")) {
      options.stages = options.processes = false;
      const size_t equals = arg.find('=');
      for (std::string_view names = equals == std::string_view::npos ? "" : arg.substr(equals + 1); !names.empty();) {
        const size_t comma = std::min(names.size(), names.find(','));
        options.adversarial_names.emplace_back(names.substr(0, comma));
        names.remove_prefix(std::min(names.size(), comma + 1));
      }
    } else if (arg == "--no-adversarial") {
      options.adversarial = false;
    } else {
      argv[kept++] = argv[i];
    }
  }
  *argc = kept;
  if (options.quick) options.corpus_bytes = kQuickCorpus;
  if (options.quick && options.stages) options.adversarial = false;  // a smoke run stays one
  if (mib > 0) options.corpus_bytes = static_cast<size_t>(mib) * kMiB;
  return options;
}

bool BuildCorpora(const Options& options) {
  std::string error;
  const std::vector<std::string> paragraphs = Paragraphs(&error);
  if (paragraphs.empty()) {
    std::fprintf(stderr, "lexfr_bench: %s\n", error.c_str());
    return false;
  }
  const size_t size = options.corpus_bytes;
  std::string one = BuildCorpus(paragraphs, size, kSeed);
  std::string two = BuildCorpus(paragraphs, 2 * size, kSeed);
  std::fprintf(stderr, "lexfr_bench: corpus of %zu unique paragraphs: 1x %zu bytes (sha256 %.12s), 2x %zu bytes%s\n",
               paragraphs.size(), one.size(), lexfr::Sha256Hex(one).c_str(), two.size(),
               options.quick ? " (--quick)" : "");
  SetCorpus(1, std::move(one));
  SetCorpus(2, std::move(two));
  return true;
}

bool WriteCorpus(const Options& options) {
  std::string error;
  const std::vector<std::string> paragraphs = Paragraphs(&error);
  if (!paragraphs.empty() &&
      WriteFile(options.write_corpus, BuildCorpus(paragraphs, options.corpus_bytes, kSeed), &error)) {
    return true;
  }
  std::fprintf(stderr, "lexfr_bench: %s\n", error.c_str());
  return false;
}

Summary MakeSummary() {
  Summary summary;
  summary.corpus_bytes = Corpus(1).size();
  summary.corpus_tokens = Tokens(1);
  for (const Stage& s : Stages()) {
    summary.stages.push_back({s.key, s.label});
    if (s.in_analyze) summary.analyze_parts.push_back(s.key);
  }
  summary.floor_key = "icu_word_break";
  summary.end_to_end_key = "end_to_end";
  return summary;
}

}  // namespace
}  // namespace lexfr_bench

int main(int argc, char** argv) {
  using namespace lexfr_bench;
  if (argc > 1 && std::string_view(argv[1]) == kLauncherFlag) return RunLauncher(argc, argv);
#ifdef __GLIBC__
  // glibc recycles a freed buffer of up to 32 MiB from its heap but always
  // maps a bigger one afresh, so from the second iteration on a 20 MiB output
  // would cost no page faults while a 40 MiB one always would: a false 2x/1x.
  // A fixed threshold gives every big buffer fresh pages, as in a one-shot
  // `lexfr analyze`.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
  const Options options = ParseOptions(&argc, argv);
  if (!options.write_corpus.empty()) return WriteCorpus(options) ? 0 : 1;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (options.stages) {
    if (!BuildCorpora(options)) return 1;
    RegisterStages();
    RegisterDecisions();
    benchmark::RunSpecifiedBenchmarks();
    Summary summary = MakeSummary();
    DropInputs();
    if (options.processes) MeasureProcesses(options, Figures(), &summary);
    PrintSummary(summary, Figures());
    PrintDecisions(Figures());
  }
  if (options.adversarial) {
    std::string error;
    MeasureAdversarial(BuildCorpus(Paragraphs(&error), size_t{1} << 20, kSeed), LEXFR_BIN,
                       options.adversarial_names);
  }
  if (options.stages) MeasureGazetteerLoad();
  benchmark::Shutdown();
  return 0;
}
