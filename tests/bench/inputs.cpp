#include "inputs.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

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

namespace lexfr_bench {
namespace {

std::map<int, std::unique_ptr<StageInputs>>& Scales() {
  static std::map<int, std::unique_ptr<StageInputs>> scales;
  return scales;
}

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "lexfr_bench: %s\n", message.c_str());
  std::exit(1);
}

StageInputs& At(int scale) {
  auto it = Scales().find(scale);
  if (it == Scales().end()) Die("no corpus for scale " + std::to_string(scale));
  return *it->second;
}

// Preparing the 2x inputs runs the whole pipeline over 40 MiB: say so, or
// the pause before the first 2x benchmark looks like a hang.
void Note(const char* what, int scale, std::chrono::steady_clock::time_point start) {
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "lexfr_bench: prepared %s inputs for %dx in %.1f s (untimed)\n", what, scale, s);
}

}  // namespace

const lexfr::Resources& SharedResources() {
  static const lexfr::Resources* resources = [] {
    auto* r = new lexfr::Resources;
    if (lexfr::Status s = lexfr::LoadResources({}, r); !s.ok()) Die("LoadResources: " + s.ToString());
    return r;
  }();
  return *resources;
}

void SetCorpus(int scale, std::string text) {
  auto in = std::make_unique<StageInputs>();
  in->raw = std::move(text);
  Scales()[scale] = std::move(in);
}

const std::string& Corpus(int scale) { return At(scale).raw; }

const StageInputs& Segmented(int scale) {
  StageInputs& in = At(scale);
  if (!in.doc.decoded.text.empty()) return in;
  const auto start = std::chrono::steady_clock::now();
  lexfr::Document& doc = in.doc;
  doc.path = "corpus.txt";
  doc.bytes = in.raw.size();
  doc.sha256 = lexfr::Sha256Hex(in.raw);
  if (lexfr::Status s = lexfr::Decode(in.raw, &doc.decoded); !s.ok()) Die("Decode: " + s.ToString());
  doc.segmentation = lexfr::Segment(doc.decoded.text, SharedResources().lexicon.abbreviations());
  in.view.emplace(doc.decoded.text, doc.segmentation, SharedResources().lexicon.vocabulary());
  Note("decode and segment", scale, start);
  return in;
}

const StageInputs& Analysed(int scale) {
  Segmented(scale);
  StageInputs& in = At(scale);
  if (in.analysed) return in;
  const auto start = std::chrono::steady_clock::now();
  lexfr::Document& doc = in.doc;
  const std::string_view text = doc.decoded.text;
  const lexfr::Segmentation& seg = doc.segmentation;
  // The order and the inputs of src/analyze.cpp.
  const lexfr::TokenView& view = *in.view;
  const lexfr::Lexicon& lexicon = SharedResources().lexicon;
  in.names = lexfr::FindNames(view, lexicon);
  in.dates = lexfr::FindDates(view, lexicon, lexfr::AnalyzeOptions{}.dates);
  std::vector<lexfr::Candidate> all = in.names;
  all.insert(all.end(), in.dates.begin(), in.dates.end());
  std::vector<lexfr::Candidate> refs = lexfr::FindLegalRefs(view, lexicon, in.names, in.dates);
  std::vector<lexfr::Candidate> money = lexfr::FindMoney(view, lexicon);
  all.insert(all.end(), refs.begin(), refs.end());
  all.insert(all.end(), money.begin(), money.end());
  in.all = all;
  doc.entities = lexfr::Link(text, seg, OneList(std::move(all)));
  in.cues.emplace(lexicon.cues().Match(view));
  doc.recourse = lexfr::Summarise(view, lexicon, *in.cues, doc.entities);
  doc.quotes = lexfr::FindQuotes(view, *in.cues, doc.entities);
  in.analysed = true;
  Note("every stage's", scale, start);
  return in;
}

void DropInputs() { Scales().clear(); }

}  // namespace lexfr_bench
