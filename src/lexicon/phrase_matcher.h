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
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_util.h"

namespace lexfr {

struct SnapshotAccess;

class PhraseMatcher {
 public:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNoNode = UINT32_MAX;

  // Adds a phrase of one token or more; its id is the number of phrases
  // added before it.
  uint32_t Add(const std::vector<std::string>& folded_tokens);
  // Room for phrases of about `tokens` tokens in all, made at once rather
  // than by doubling (each doubling of the edges rehashes them all).
  void Reserve(size_t tokens);

  // False when no phrase starts with `folded` (one bit, no hashing).
  bool MayStart(std::string_view folded) const { return first_words_.MayContain(folded); }
  // The node reached from `node` by one more token, or kNoNode.
  uint32_t Next(uint32_t node, std::string_view folded) const {
    // One bit answers most steps (« a » after « à » starts no child): no hashing.
    if (node == kRoot ? !first_words_.MayContain(folded) : !nodes_[node].child_first_bytes.MayStart(folded)) {
      return kNoNode;
    }
    const Edge* edge = FindEdge(node, folded);
    return edge == nullptr ? kNoNode : edge->child;
  }
  // The first tokens of the phrases, sorted: the words a vocabulary marks
  // so that a token no phrase starts with is skipped by its id.
  std::vector<std::string> FirstWords() const {
    std::vector<std::string> words;
    for (const Edge& e : edges_) {
      if (e.child != 0 && e.parent == kRoot) words.emplace_back(TokenOf(e));
    }
    std::sort(words.begin(), words.end());
    return words;
  }
  // By vocabulary id (text/token_view.h): IndexByIds() gives every edge's
  // token its id (`id_of` adds the word to the vocabulary when it has none),
  // after the last phrase is added; NextById() then steps by a text token's
  // id, an integer hash where Next() hashes and compares the word. An id no
  // edge has (0, a word no list holds, among them) ends the walk. The ids
  // must be those of the vocabulary the text's token view was built with.
  void IndexByIds(const std::function<uint32_t(const std::string&)>& id_of);
  bool IndexedByIds() const { return !id_edges_.empty(); }
  // The first position at or after `from` whose id starts a phrase, or
  // ids.size(). The walks' first step, for every token of a text: one tight
  // scan of the ids instead of a NextById() call per token (issue 21).
  size_t NextStart(std::span<const uint32_t> ids, size_t from) const {
    const uint8_t* starts = first_ids_.data();
    const size_t known = first_ids_.size();
    while (from < ids.size() && (ids[from] >= known || starts[ids[from]] == 0)) ++from;
    return from;
  }
  uint32_t NextById(uint32_t node, uint32_t id) const {
    if (node == kRoot) {
      if (id >= first_ids_.size() || first_ids_[id] == 0) return kNoNode;  // most tokens: one byte read
    } else if (id == 0) {
      return kNoNode;
    }
    const size_t mask = id_edges_.size() - 1;
    for (size_t i = IdSlot(node, id, id_slot_bits_);; i = (i + 1) & mask) {
      const IdEdge& e = id_edges_[i];
      if (e.child == 0) return kNoNode;
      if (e.parent == node && e.id == id) return e.child;
    }
  }
  // The phrases that end at `node`, in the order they were added.
  std::span<const uint32_t> PhrasesAt(uint32_t node) const {
    const Node& n = nodes_[node];
    return n.phrase_count == 1 ? std::span<const uint32_t>(&n.only_phrase, 1) : std::span<const uint32_t>(n.phrases);
  }
  size_t size() const { return phrases_; }
  // Every node, its edges sorted and its phrases, as text: what two
  // matchers built from the same phrases share (lexicon/lexicon_dump.h).
  void Dump(std::string* out) const;

 private:
  friend struct SnapshotAccess;  // lexicon/snapshot_archive.h: writes and reads the tables
  // The trie's edges are one open-addressing table keyed by (parent node,
  // token), their tokens' bytes in one string: a load adds some 40 000 edges,
  // and a hash map per node made two allocations an edge, a fifth of the
  // start-up's instructions (issue 21).
  struct Edge {
    uint32_t parent = 0;
    uint32_t child = 0;  // 0 (the root, never a child): an empty slot
    uint32_t token_begin = 0, token_size = 0;  // in token_bytes_
  };
  struct Node {
    FirstBytes child_first_bytes;  // of the tokens of its edges
    // Most nodes end one phrase or none: that one is held here, with no
    // allocation; a node ending more holds them all in `phrases`.
    uint32_t phrase_count = 0;
    uint32_t only_phrase = 0;
    std::vector<uint32_t> phrases;
  };

  static size_t Slot(uint32_t parent, std::string_view token, int slot_bits) {
    // Fibonacci hashing: the product's high bits, all of the key mixed in.
    const uint64_t h = (StringHash{}(token) + parent) * 0x9e3779b97f4a7c15u;
    return static_cast<size_t>(h >> (64 - slot_bits));
  }
  bool IsEdge(const Edge& e, uint32_t parent, std::string_view token) const {
    return e.parent == parent && TokenOf(e) == token;
  }
  std::string_view TokenOf(const Edge& e) const { return std::string_view(token_bytes_).substr(e.token_begin, e.token_size); }
  const Edge* FindEdge(uint32_t parent, std::string_view token) const {
    if (edges_.empty()) return nullptr;
    const size_t mask = edges_.size() - 1;
    for (size_t i = Slot(parent, token, slot_bits_);; i = (i + 1) & mask) {
      const Edge& e = edges_[i];
      if (e.child == 0) return nullptr;
      if (IsEdge(e, parent, token)) return &e;
    }
  }
  struct IdEdge {
    uint32_t parent = 0, id = 0;
    uint32_t child = 0;  // 0: an empty slot
  };
  static size_t IdSlot(uint32_t parent, uint32_t id, int slot_bits) {
    return static_cast<size_t>(((uint64_t{parent} << 32) | id) * 0x9e3779b97f4a7c15u >> (64 - slot_bits));
  }
  // The child of `parent` by `token`, added (a new node) when absent.
  uint32_t Child(uint32_t parent, const std::string& token);
  void Rehash(int slot_bits);

  // A one-bit-per-bucket filter of the phrases' first tokens, keyed by their
  // length and first, second and last bytes: most walks start at the root
  // and die there, and a first byte alone lets through every word that
  // shares it with a name (« a », « au », « aux » for « Autorité »…).
  class WordFilter {
   public:
    void Add(std::string_view word) { bits_[Bucket(word) >> 6] |= uint64_t{1} << (Bucket(word) & 63); }
    bool MayContain(std::string_view word) const { return (bits_[Bucket(word) >> 6] >> (Bucket(word) & 63) & 1) != 0; }

   private:
    friend struct SnapshotAccess;
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
  std::vector<Edge> edges_;  // a power of two, at most half full
  int slot_bits_ = 0;        // log2 of edges_.size()
  size_t edge_count_ = 0;
  std::string token_bytes_;
  WordFilter first_words_;  // of the phrases' first tokens
  uint32_t phrases_ = 0;
  std::vector<IdEdge> id_edges_;  // the edges by (parent, token id); a power of two, at most half full
  int id_slot_bits_ = 0;
  std::vector<uint8_t> first_ids_;  // by token id: 1 when a phrase starts with it
};

}  // namespace lexfr
