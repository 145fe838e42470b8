#include "lexicon/cues.h"

#include <algorithm>
#include <charconv>

#include "text/text_util.h"

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
  for (uint32_t i = 0; i < cues_.size(); ++i) {
    uint32_t node = 0;
    for (const std::string& token : cues_[i].tokens) {
      auto it = nodes_[node].next.find(token);
      if (it == nodes_[node].next.end()) {
        nodes_.emplace_back();
        it = nodes_[node].next.emplace(token, static_cast<uint32_t>(nodes_.size() - 1)).first;
      }
      node = it->second;
    }
    nodes_[node].cues.push_back(i);  // in file order
    first_bytes_.Add(cues_[i].tokens[0]);
  }
}

std::vector<CueHit> CueSet::Match(const Segmentation& seg) const {
  std::vector<CueHit> hits;
  const size_t n = seg.tokens.size();
  std::vector<uint32_t> ends;  // the nodes with cues a walk passed, shortest phrase first
  for (size_t i = 0; i < n; ++i) {
    if (!first_bytes_.MayStart(FoldedText(seg, i))) continue;
    ends.clear();
    uint32_t node = 0;
    for (size_t k = i; k < n; ++k) {
      const auto it = nodes_[node].next.find(FoldedText(seg, k));
      if (it == nodes_[node].next.end()) break;
      node = it->second;
      if (!nodes_[node].cues.empty()) ends.push_back(node);
    }
    // Longest first; phrases of one length in the order of the file.
    for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
      for (uint32_t index : nodes_[*end].cues) {
        const Cue& cue = cues_[index];
        hits.push_back({&cue, static_cast<uint32_t>(i), static_cast<uint32_t>(i + cue.tokens.size()),
                        seg.tokens[i].sentence});
      }
    }
  }
  return hits;
}

}  // namespace lexfr
