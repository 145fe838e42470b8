#include "lexicon/cues.h"

#include <algorithm>

#include "text/text_util.h"

namespace lexfr {

CueSet::CueSet(const std::vector<DataRow>& rows, const Abbreviations& abbreviations) {
  for (const DataRow& row : rows) {
    Cue cue;
    cue.field = std::string(row[0]);
    cue.value = std::string(row[1]);
    cue.weight = static_cast<int>(IntegerOf(row[2]));
    const std::string phrase(row[3]);
    const Segmentation seg = Segment(phrase, abbreviations);
    for (const Token& t : seg.tokens) cue.tokens.push_back(Fold(TokenText(phrase, t)));
    // A phrase ending with an elided word (« contre l' », « de l' ») has no
    // letter after its apostrophe, so the segmenter splits it off; in a text
    // the word keeps it (« l'arrêté » -> « l' » « arrêté »): join them back.
    if (cue.tokens.size() >= 2 && cue.tokens.back() == "'" && !seg.tokens.back().space_before) {
      cue.tokens.pop_back();
      cue.tokens.back() += '\'';
    }
    if (!cue.tokens.empty()) cues_.push_back(std::move(cue));
  }
  for (const Cue& cue : cues_) phrases_.Add(cue.tokens);
}

namespace {

// Calls on_phrase(i, phrase id) for every phrase of `phrases` starting at
// each token i of the text, in text order, longest first at a token, and
// phrases of one length in the order they were added.
template <class OnPhrase>
void ForEachPhrase(const PhraseMatcher& phrases, const Segmentation& seg, OnPhrase on_phrase) {
  const size_t n = seg.tokens.size();
  std::vector<uint32_t> ends;  // the nodes with phrases a walk passed, shortest phrase first
  for (size_t i = 0; i < n; ++i) {
    if (!phrases.MayStart(FoldedText(seg, i))) continue;
    ends.clear();
    uint32_t node = PhraseMatcher::kRoot;
    for (size_t k = i; k < n; ++k) {
      node = phrases.Next(node, FoldedText(seg, k));
      if (node == PhraseMatcher::kNoNode) break;
      if (!phrases.PhrasesAt(node).empty()) ends.push_back(node);
    }
    for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
      for (uint32_t id : phrases.PhrasesAt(*end)) on_phrase(i, id);
    }
  }
}

CueHit HitOf(const Cue& cue, size_t i, const Segmentation& seg) {
  return {&cue, static_cast<uint32_t>(i), static_cast<uint32_t>(i + cue.tokens.size()), seg.tokens[i].sentence};
}

}  // namespace

std::vector<CueHit> CueSet::Match(const Segmentation& seg) const {
  std::vector<CueHit> hits;
  ForEachPhrase(phrases_, seg, [&](size_t i, uint32_t id) { hits.push_back(HitOf(cues_[id], i, seg)); });
  return hits;
}

CueIndex::CueIndex(const std::array<const CueSet*, kCueFileCount>& sets) {
  // files in CueFile order, each file's cues in file order: filtered by
  // file, the phrases at a node keep the order of that file's CueSet
  for (size_t f = 0; f < kCueFileCount; ++f) {
    for (const Cue& cue : sets[f]->cues()) {
      entries_.push_back({static_cast<CueFile>(f), &cue});
      phrases_.Add(cue.tokens);
    }
  }
}

DocumentCues CueIndex::Match(const Segmentation& seg) const {
  DocumentCues out;
  ForEachPhrase(phrases_, seg, [&](size_t i, uint32_t id) {
    const Entry& e = entries_[id];
    out.files_[static_cast<size_t>(e.file)].hits.push_back(HitOf(*e.cue, i, seg));
  });
  for (DocumentCues::File& f : out.files_) f.by_field = CueHitsByField(f.hits);
  return out;
}

}  // namespace lexfr
