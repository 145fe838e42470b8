// Cue phrases: short lists of words that signal something (a kind of action,
// a decision verb, a ground), kept in data/cues/*.tsv and matched on tokens.
//
// In: a TSV of (field, value, weight, phrase) rows, compiled once; then a
// segmented text. Out: every cue phrase found, as token spans. Matching
// folds case and accents and indexes phrases by their first token, so a text
// is read once whatever the list size.
//
// Thread-safety: a compiled CueSet is immutable and may be shared.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexfr/segment.h"
#include "lexfr/text_util.h"

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
  // Parses rows "field<TAB>value<TAB>weight<TAB>phrase" ('#' comments).
  explicit CueSet(std::string_view tsv);
  // Every phrase found in the tokens, in text order (longest first at a
  // position; overlapping phrases are all reported).
  std::vector<CueHit> Match(const Segmentation& seg) const;

 private:
  std::vector<Cue> cues_;
  StringMap<std::vector<size_t>> by_first_token_;
  FirstBytes first_bytes_;  // of the keys of by_first_token_
};

}  // namespace lexfr
