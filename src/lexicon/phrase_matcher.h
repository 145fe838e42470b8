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
  size_t NextStart(std::span<const uint32_t> ids, size_t from) const { return Walker(*this).NextStart(ids, from); }
  uint32_t NextById(uint32_t node, uint32_t id) const { return Walker(*this).Next(node, id); }

  // (the tables a Walker reads, declared below)
 private:
  struct Node;
  struct IdEdge;

 public:
  // What a walk by ids reads, taken out of the matcher once per text. The
  // loops that walk also write (hits, cue matches), and GCC cannot tell
  // those writes from the matcher's tables: read through the matcher, every
  // table's address was loaded again after every write.
  class Walker {
   public:
    explicit Walker(const PhraseMatcher& m)
        : starts_(m.first_ids_.data()),
          known_(m.first_ids_.size()),
          edges_(m.id_edges_.data()),
          mask_(m.id_edges_.size() - 1),
          shift_(64 - m.id_slot_bits_),
          nodes_(m.nodes_.data()) {}

    // As PhraseMatcher::NextStart.
    size_t NextStart(std::span<const uint32_t> ids, size_t from) const {
      return static_cast<size_t>(Skip(ids.data() + std::min(from, ids.size()), ids.data() + ids.size()) - ids.data());
    }
    // The first position at or after `from` where a walk can find a phrase,
    // or ids.size(): a start whose first word is a phrase, or whose next
    // token is the second word of some phrase. A word that is only ever the
    // first of longer phrases (« de » in « de la semaine prochaine ») is
    // passed when the token after it is no phrase's second word: every walk
    // from there ends at its first step, having found nothing.
    size_t NextWalk(std::span<const uint32_t> ids, size_t from) const {
      const uint32_t* const end = ids.data() + ids.size();
      return static_cast<size_t>(NextWalk(ids.data() + std::min(from, ids.size()), end) - ids.data());
    }
    // The same over [at, end): end when there is none.
    const uint32_t* NextWalk(const uint32_t* at, const uint32_t* end) const {
      while ((at = Skip(at, end)) != end) {
        if ((starts_[*at] & kStartEnds) != 0 || (at + 1 != end && IsSecond(at[1]))) break;
        ++at;
      }
      return at;
    }
    // The node one token of id `id` leads to from the root, or kNoNode; and
    // what the table says of it besides (First*).
    uint32_t FirstStep(uint32_t id) const { return id < known_ ? starts_[id] : 0; }
    static uint32_t FirstNode(uint32_t first) {
      return (first & kStartNode) == 0 ? kNoNode : first & kStartNode;
    }
    // Whether that node ends a phrase; whether it leads further.
    static bool FirstEnds(uint32_t first) { return (first & kStartEnds) != 0; }
    static bool FirstGoesOn(uint32_t first) { return (first & kStartGoesOn) != 0; }
    // Whether the word of id `id` is the second of some phrase: a walk that
    // reached a first node goes on only by such a word.
    bool IsSecond(uint32_t id) const { return id < known_ && (starts_[id] & kSecondWord) != 0; }

    uint32_t Next(uint32_t node, uint32_t id) const {
      if (node == kRoot) return FirstNode(FirstStep(id));  // most tokens: one read
      if (id == 0) return kNoNode;
      for (size_t i = IdSlot(node, id, shift_);; i = (i + 1) & mask_) {
        const IdEdge& e = edges_[i];
        if (e.child == 0) return kNoNode;
        if (e.parent == node && e.id == id) return e.child;
      }
    }
    std::span<const uint32_t> PhrasesAt(uint32_t node) const { return nodes_[node].Phrases(); }

   private:
    // The first of [at, end) whose id starts a phrase, or end: the tight
    // loop every walk's first step is, over every token of a text. Four
    // tokens a round: the loop's own count and test are a third of a
    // token's instructions when paid for each.
    const uint32_t* Skip(const uint32_t* at, const uint32_t* end) const {
      const auto starts = [this](uint32_t id) { return id < known_ && (starts_[id] & kStartNode) != 0; };
      for (; end - at >= 4; at += 4) {
        if (starts(at[0])) [[unlikely]] return at;
        if (starts(at[1])) [[unlikely]] return at + 1;
        if (starts(at[2])) [[unlikely]] return at + 2;
        if (starts(at[3])) [[unlikely]] return at + 3;
      }
      while (at != end && !starts(*at)) ++at;
      return at;
    }
    const uint32_t* starts_;
    size_t known_;
    const IdEdge* edges_;
    size_t mask_;
    int shift_;
    const Node* nodes_;
  };

  // The phrases that end at `node`, in the order they were added.
  std::span<const uint32_t> PhrasesAt(uint32_t node) const { return nodes_[node].Phrases(); }
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
    std::span<const uint32_t> Phrases() const {
      return phrase_count == 1 ? std::span<const uint32_t>(&only_phrase, 1) : std::span<const uint32_t>(phrases);
    }
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
  // `shift`: 64 minus the log2 of the table's size.
  static size_t IdSlot(uint32_t parent, uint32_t id, int shift) {
    return static_cast<size_t>(((uint64_t{parent} << 32) | id) * 0x9e3779b97f4a7c15u >> shift);
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
  // By token id, what a walk's first steps need (IndexByIds): the node the
  // word leads to from the root (kStartNode bits; 0, the root, when no
  // phrase starts with it), whether that node ends a phrase and whether it
  // leads further; and whether the word is the second of some phrase.
  static constexpr uint32_t kStartNode = (1u << 24) - 1;
  static constexpr uint32_t kStartEnds = 1u << 24;
  static constexpr uint32_t kStartGoesOn = 1u << 25;
  static constexpr uint32_t kSecondWord = 1u << 26;
  std::vector<uint32_t> first_ids_;
};

}  // namespace lexfr
