// Folded word -> id: the vocabulary every token of a text is looked up in
// once (text/token_view.h), with the part of std::unordered_map's interface
// the Lexicon fills it through (try_emplace, iteration).
//
// An open-addressing table of slots (32 bits of the key's hash, the key's
// index) over the keys kept in the order they came: a lookup reads a slot
// and compares a key's bytes only when the hash bits agree, eight bytes at
// a time, where std::unordered_map divided by its bucket count, walked a
// bucket's nodes and called memcmp (issue 21: two fifths of the token view).
//
// Thread-safety: const members may be called from many threads at once.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/text_util.h"

namespace lexfr {

// Whether the `size` bytes at `a` and `b` are the same. Keys are short
// words: a memcmp call cost more than the compare.
inline bool SameBytes(const char* a, const char* b, size_t size) {
  const auto load8 = [](const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  };
  const auto load4 = [](const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  };
  if (size >= 8) {
    for (size_t i = 0; i + 8 < size; i += 8) {
      if (load8(a + i) != load8(b + i)) return false;
    }
    return load8(a + size - 8) == load8(b + size - 8);  // overlaps the last full word
  }
  if (size >= 4) return load4(a) == load4(b) && load4(a + size - 4) == load4(b + size - 4);
  for (size_t i = 0; i < size; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

class WordIds {
 public:
  using value_type = std::pair<std::string, uint32_t>;
  using const_iterator = std::vector<value_type>::const_iterator;
  using iterator = std::vector<value_type>::iterator;

  // Adds `word` with `id` unless it is there; the entry, and whether it was added.
  std::pair<iterator, bool> try_emplace(const std::string& word, uint32_t id) {
    const size_t hash = StringHash()(word);
    if (const uint32_t index = IndexOf(word, hash); index != kNone) return {entries_.begin() + index, false};
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.emplace_back(word, id);
    Place(hash, static_cast<uint32_t>(entries_.size() - 1));
    return {entries_.end() - 1, true};
  }

  // The id of `word`, or nullptr.
  const uint32_t* Find(std::string_view word) const {
    const uint32_t index = IndexOf(word, StringHash()(word));
    return index == kNone ? nullptr : &entries_[index].second;
  }

  // Room for `n` words, so that adding them never grows the slots again (a
  // snapshot's load knows how many come).
  void reserve(size_t n) {
    entries_.reserve(n);
    size_t slots = 16;
    while (slots < 2 * (n + 1)) slots *= 2;
    if (slots > slots_.size()) {
      slots_.assign(slots, Slot{});
      for (uint32_t i = 0; i < entries_.size(); ++i) Place(StringHash()(entries_[i].first), i);
    }
  }
  size_t size() const { return entries_.size(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  // The bits of a hash a slot keeps: the high ones, since the low ones
  // already chose the slot.
  static uint32_t HashBits(size_t hash) { return static_cast<uint32_t>(uint64_t{hash} >> 32); }
  struct Slot {
    uint32_t hash = 0;
    uint32_t index = kNone;  // into entries_; kNone: empty
  };

  uint32_t IndexOf(std::string_view word, size_t hash) const {
    if (slots_.empty()) return kNone;
    const size_t mask = slots_.size() - 1;
    const uint32_t bits = HashBits(hash);
    for (size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (slot.index == kNone) return kNone;
      if (slot.hash != bits) continue;
      const std::string& key = entries_[slot.index].first;
      if (key.size() == word.size() && SameBytes(key.data(), word.data(), word.size())) return slot.index;
    }
  }

  void Place(size_t hash, uint32_t index) {
    const size_t mask = slots_.size() - 1;
    size_t at = hash & mask;
    while (slots_[at].index != kNone) at = (at + 1) & mask;
    slots_[at] = {HashBits(hash), index};
  }

  // Doubles the slots (at least 16), keeping at most half of them full: the
  // probes stay short.
  void Grow() {
    slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, Slot{});
    for (uint32_t i = 0; i < entries_.size(); ++i) Place(StringHash()(entries_[i].first), i);
  }

  std::vector<value_type> entries_;
  std::vector<Slot> slots_;  // a power of two of them
};

}  // namespace lexfr
