// The one phrase matcher: a trie of phrases written as folded tokens.
//
// In: phrases (names of institutions and instruments, authorities, cue
// phrases), each as its folded tokens, added once. Out: a walk over a text's
// folded tokens from any position, one hash lookup per token of the longest
// phrase that starts there, never one comparison per phrase. What a phrase
// means and which capitals it requires are the caller's: the gazetteer, the
// cue sets and the legal references keep that beside the phrase's id.
//
// Thread-safety: built once by the Lexicon; immutable and shared afterwards.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_util.h"

namespace lexfr {

class PhraseMatcher {
 public:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNoNode = UINT32_MAX;

  // Adds a phrase of one token or more; its id is the number of phrases
  // added before it.
  uint32_t Add(const std::vector<std::string>& folded_tokens);

  // False when no phrase starts with `folded` (one bit, no hashing).
  bool MayStart(std::string_view folded) const { return first_bytes_.MayStart(folded); }
  // The node reached from `node` by one more token, or kNoNode.
  uint32_t Next(uint32_t node, std::string_view folded) const {
    const auto it = nodes_[node].next.find(folded);
    return it == nodes_[node].next.end() ? kNoNode : it->second;
  }
  // The phrases that end at `node`, in the order they were added.
  std::span<const uint32_t> PhrasesAt(uint32_t node) const { return nodes_[node].phrases; }
  size_t size() const { return phrases_; }

 private:
  struct Node {
    StringMap<uint32_t> next;  // folded token -> child
    std::vector<uint32_t> phrases;
  };
  std::vector<Node> nodes_{1};
  FirstBytes first_bytes_;  // of the phrases' first tokens
  uint32_t phrases_ = 0;
};

}  // namespace lexfr
