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

std::vector<CueHit> CueSet::Match(const Segmentation& seg) const {
  std::vector<CueHit> hits;
  const size_t n = seg.tokens.size();
  std::vector<uint32_t> ends;  // the nodes with cues a walk passed, shortest phrase first
  for (size_t i = 0; i < n; ++i) {
    if (!phrases_.MayStart(FoldedText(seg, i))) continue;
    ends.clear();
    uint32_t node = PhraseMatcher::kRoot;
    for (size_t k = i; k < n; ++k) {
      node = phrases_.Next(node, FoldedText(seg, k));
      if (node == PhraseMatcher::kNoNode) break;
      if (!phrases_.PhrasesAt(node).empty()) ends.push_back(node);
    }
    // Longest first; phrases of one length in the order of the file.
    for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
      for (uint32_t index : phrases_.PhrasesAt(*end)) {
        const Cue& cue = cues_[index];
        hits.push_back({&cue, static_cast<uint32_t>(i), static_cast<uint32_t>(i + cue.tokens.size()),
                        seg.tokens[i].sentence});
      }
    }
  }
  return hits;
}

}  // namespace lexfr
