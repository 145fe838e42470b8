#include "lexicon/phrase_matcher.h"

namespace lexfr {

void PhraseMatcher::Dump(std::string* out) const {
  for (size_t n = 0; n < nodes_.size(); ++n) {
    std::vector<std::pair<std::string_view, uint32_t>> edges(nodes_[n].next.begin(), nodes_[n].next.end());
    std::sort(edges.begin(), edges.end());
    *out += "node " + std::to_string(n) + ":";
    for (const auto& [token, child] : edges) *out += " " + std::string(token) + "->" + std::to_string(child);
    *out += " |";
    for (const uint32_t phrase : nodes_[n].phrases) *out += " " + std::to_string(phrase);
    *out += "\n";
  }
}

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
