#include "lexicon/phrase_matcher.h"

namespace lexfr {

void PhraseMatcher::Dump(std::string* out) const {
  for (size_t n = 0; n < nodes_.size(); ++n) {
    std::vector<std::pair<std::string_view, uint32_t>> edges(nodes_[n].next.begin(), nodes_[n].next.end());
    std::sort(edges.begin(), edges.end());
    out->append("node ").append(std::to_string(n)).append(":");
    for (const auto& [token, child] : edges) out->append(" ").append(token).append("->").append(std::to_string(child));
    out->append(" |");
    for (const uint32_t phrase : nodes_[n].phrases) out->append(" ").append(std::to_string(phrase));
    out->append("\n");
  }
}

uint32_t PhraseMatcher::Add(const std::vector<std::string>& folded_tokens) {
  first_words_.Add(folded_tokens.front());
  uint32_t node = kRoot;
  for (const std::string& token : folded_tokens) {
    // One hash a token, whether the edge is new or not.
    const auto [it, added] = nodes_[node].next.try_emplace(token, static_cast<uint32_t>(nodes_.size()));
    const uint32_t child = it->second;
    if (added) {
      nodes_[node].child_first_bytes.Add(token);
      nodes_.emplace_back();  // moves the nodes: `it` is not read after
    }
    node = child;
  }
  nodes_[node].phrases.push_back(phrases_);
  return phrases_++;
}

}  // namespace lexfr
