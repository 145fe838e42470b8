#include "lexicon/phrase_matcher.h"

namespace lexfr {

uint32_t PhraseMatcher::Add(const std::vector<std::string>& folded_tokens) {
  first_words_.Add(folded_tokens.front());
  uint32_t node = kRoot;
  for (const std::string& token : folded_tokens) {
    auto it = nodes_[node].next.find(token);
    if (it == nodes_[node].next.end()) {
      nodes_.emplace_back();
      nodes_[node].child_first_bytes.Add(token);
      it = nodes_[node].next.emplace(token, static_cast<uint32_t>(nodes_.size() - 1)).first;
    }
    node = it->second;
  }
  nodes_[node].phrases.push_back(phrases_);
  return phrases_++;
}

}  // namespace lexfr
