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

#include <algorithm>
#include <array>
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
  bool MayStart(std::string_view folded) const { return first_words_.MayContain(folded); }
  // The node reached from `node` by one more token, or kNoNode.
  uint32_t Next(uint32_t node, std::string_view folded) const {
    const Node& from = nodes_[node];
    // One bit answers most steps (« a » after « à » starts no child): no hashing.
    if (node == kRoot ? !first_words_.MayContain(folded) : !from.child_first_bytes.MayStart(folded)) return kNoNode;
    const auto it = from.next.find(folded);
    return it == from.next.end() ? kNoNode : it->second;
  }
  // The first tokens of the phrases, sorted: the words a vocabulary marks
  // so that a token no phrase starts with is skipped by its id.
  std::vector<std::string> FirstWords() const {
    std::vector<std::string> words;
    words.reserve(nodes_[kRoot].next.size());
    for (const auto& [word, child] : nodes_[kRoot].next) words.push_back(word);
    std::sort(words.begin(), words.end());
    return words;
  }
  // The phrases that end at `node`, in the order they were added.
  std::span<const uint32_t> PhrasesAt(uint32_t node) const { return nodes_[node].phrases; }
  size_t size() const { return phrases_; }
  // Every node, its edges sorted and its phrases, as text: what two
  // matchers built from the same phrases share (lexicon/lexicon_dump.h).
  void Dump(std::string* out) const;

 private:
  struct Node {
    StringMap<uint32_t> next;  // folded token -> child
    FirstBytes child_first_bytes;  // of the keys of `next`
    std::vector<uint32_t> phrases;
  };
  // A one-bit-per-bucket filter of the phrases' first tokens, keyed by their
  // length and first, second and last bytes: most walks start at the root
  // and die there, and a first byte alone lets through every word that
  // shares it with a name (« a », « au », « aux » for « Autorité »…).
  class WordFilter {
   public:
    void Add(std::string_view word) { bits_[Bucket(word) >> 6] |= uint64_t{1} << (Bucket(word) & 63); }
    bool MayContain(std::string_view word) const { return (bits_[Bucket(word) >> 6] >> (Bucket(word) & 63) & 1) != 0; }

   private:
    static constexpr uint32_t kBuckets = 1u << 15;
    static uint32_t Bucket(std::string_view w) {
      if (w.empty()) return 0;
      const auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(w[i])); };
      const uint32_t h = ((byte(0) * 131 + (w.size() > 1 ? byte(1) : 0)) * 131 + byte(w.size() - 1)) * 131 +
                         static_cast<uint32_t>(std::min<size_t>(w.size(), 63));
      return (h ^ (h >> 15)) & (kBuckets - 1);
    }
    std::array<uint64_t, kBuckets / 64> bits_{};
  };

  std::vector<Node> nodes_{1};
  WordFilter first_words_;  // of the phrases' first tokens
  uint32_t phrases_ = 0;
};

}  // namespace lexfr
