#include "lexfr/cues.h"

#include <algorithm>
#include <charconv>

#include "lexfr/text_util.h"

namespace lexfr {

CueSet::CueSet(std::string_view tsv) {
  for (const DataLine& line : DataLines(tsv)) {
    const std::vector<std::string_view> cols = Split(line.text, '\t');
    if (cols.size() < 4) continue;
    Cue cue;
    cue.field = std::string(Trim(cols[0]));
    cue.value = std::string(Trim(cols[1]));
    const std::string_view w = Trim(cols[2]);
    std::from_chars(w.data(), w.data() + w.size(), cue.weight);
    const std::string phrase(Trim(cols[3]));
    const Segmentation seg = Segment(phrase);
    for (const Token& t : seg.tokens) cue.tokens.push_back(Fold(TokenText(phrase, t)));
    if (!cue.tokens.empty()) cues_.push_back(std::move(cue));
  }
  for (size_t i = 0; i < cues_.size(); ++i) {
    by_first_token_[cues_[i].tokens[0]].push_back(i);
    first_bytes_.Add(cues_[i].tokens[0]);
  }
  for (auto& [first, list] : by_first_token_) {
    std::stable_sort(list.begin(), list.end(),
                     [&](size_t a, size_t b) { return cues_[a].tokens.size() > cues_[b].tokens.size(); });
  }
}

std::vector<CueHit> CueSet::Match(const Segmentation& seg) const {
  std::vector<CueHit> hits;
  const size_t n = seg.tokens.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string_view word = FoldedText(seg, i);
    if (!first_bytes_.MayStart(word)) continue;
    auto it = by_first_token_.find(word);
    if (it == by_first_token_.end()) continue;
    for (size_t index : it->second) {
      const Cue& cue = cues_[index];
      if (i + cue.tokens.size() > n) continue;
      bool same = true;
      for (size_t k = 1; k < cue.tokens.size() && same; ++k) same = FoldedText(seg, i + k) == cue.tokens[k];
      if (same) {
        hits.push_back({&cue, static_cast<uint32_t>(i), static_cast<uint32_t>(i + cue.tokens.size()),
                        seg.tokens[i].sentence});
      }
    }
  }
  return hits;
}

}  // namespace lexfr
