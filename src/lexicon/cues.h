// Cue phrases: short lists of words that signal something (a kind of action,
// a decision verb, a ground), kept in data/cues/*.tsv and matched on tokens.
//
// In: the checked rows (field, value, weight, phrase) of a cue file
// (lexicon/lexicon.h reads them), compiled once; then a segmented text. Out: every cue phrase found, as token spans. Matching
// folds case and accents and walks a trie of the phrases' tokens, so a text
// is read once whatever the list size, and a token that many phrases start
// with (« a saisi », « a formé », « a déposé » …) costs one lookup per
// token of the longest phrase it starts, not one comparison per phrase.
//
// Thread-safety: a compiled CueSet is immutable and may be shared.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/phrase_matcher.h"
#include "lexicon/table.h"
#include "text/segment.h"
#include "text/text_util.h"

namespace lexfr {

struct Cue {
  std::string field, value;
  int weight = 1;
  std::vector<std::string> tokens;  // folded
};

struct CueHit {
  const Cue* cue;
  uint32_t first_token, end_token, sentence;
};

class CueSet {
 public:
  CueSet() = default;
  // Compiles rows (field, value, weight, phrase); phrases are segmented with
  // `abbreviations` as texts are.
  CueSet(const std::vector<DataRow>& rows, const Abbreviations& abbreviations);
  // Every phrase found in the tokens, in text order (longest first at a
  // position; overlapping phrases are all reported).
  std::vector<CueHit> Match(const Segmentation& seg) const;
  // The rows, in file order (their tokens folded).
  const std::vector<Cue>& cues() const { return cues_; }

 private:
  std::vector<Cue> cues_;
  PhraseMatcher phrases_;  // phrase id = index in cues_
};

// The hits of one text grouped by field, each group in text order: what a
// rule asks for ("the hits of `seize`"). Points into the hits it was built
// from, which must outlive it.
class CueHitsByField {
 public:
  explicit CueHitsByField(const std::vector<CueHit>& hits) {
    // one map lookup per run of hits of one cue, not per hit: a text of a
    // single cue repeated (« « « … ») costs a push per hit
    const Cue* run_cue = nullptr;
    std::vector<const CueHit*>* run = nullptr;
    for (const CueHit& h : hits) {
      if (h.cue != run_cue) run_cue = h.cue, run = &by_field_[h.cue->field];
      run->push_back(&h);
    }
  }
  // Empty for a field no cue matched.
  std::span<const CueHit* const> Of(std::string_view field) const {
    const auto it = by_field_.find(field);
    if (it == by_field_.end()) return {};
    return it->second;
  }

 private:
  std::map<std::string, std::vector<const CueHit*>, std::less<>> by_field_;
};

}  // namespace lexfr
