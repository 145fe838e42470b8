// Folded word -> id: the vocabulary every token of a text is looked up in
// once (text/token_view.h), with the part of std::unordered_map's interface
// the Lexicon fills it through (try_emplace, iteration).
//
// An open-addressing table of slots (32 bits of the key's hash, the key's
// index) over the keys kept in the order they came, their bytes end to end
// in one string: a lookup reads a slot and compares a key's bytes only when
// the hash bits agree, eight bytes at a time, where std::unordered_map divided by its bucket count, walked a
// bucket's nodes and called memcmp (issue 21: two fifths of the token view).
//
// Thread-safety: const members may be called from many threads at once.
#pragma once

#include <cstddef>
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
  // A word: its bytes in keys_, and its id. Plain values, so that a
  // snapshot copies the table whole (lexicon/snapshot_archive.h): one copy
  // of the entries and one of the keys, where a std::string per word cost
  // an allocation each at every start-up.
  struct Entry {
    uint32_t begin = 0, size = 0;  // in keys_
    uint32_t id = 0;
  };

 public:
  // A word and its id, as iteration and try_emplace give them: the word
  // views the table's bytes, valid until the next word is added.
  using value_type = std::pair<std::string_view, uint32_t>;

  class const_iterator {
   public:
    using value_type = WordIds::value_type;
    using difference_type = std::ptrdiff_t;
    const_iterator() = default;
    value_type operator*() const { return {ids_->KeyOf(*entry_), entry_->id}; }
    // it->second: the pair, held by the arrow.
    struct Arrow {
      value_type pair;
      const value_type* operator->() const { return &pair; }
    };
    Arrow operator->() const { return {**this}; }
    const_iterator& operator++() {
      ++entry_;
      return *this;
    }
    bool operator==(const const_iterator& other) const { return entry_ == other.entry_; }

   private:
    friend class WordIds;
    const_iterator(const WordIds* ids, const Entry* entry) : ids_(ids), entry_(entry) {}
    const WordIds* ids_ = nullptr;
    const Entry* entry_ = nullptr;
  };
  using iterator = const_iterator;

  // Adds `word` with `id` unless it is there; the entry, and whether it was added.
  std::pair<iterator, bool> try_emplace(std::string_view word, uint32_t id) {
    const size_t hash = StringHash()(word);
    if (const uint32_t index = IndexOf(word, hash); index != kNone) return {At(index), false};
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.push_back({static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(word.size()), id});
    keys_.append(word);
    Place(hash, static_cast<uint32_t>(entries_.size() - 1));
    return {At(entries_.size() - 1), true};
  }

  // The id of `word`, or nullptr.
  const uint32_t* Find(std::string_view word) const {
    const uint32_t index = IndexOf(word, StringHash()(word));
    return index == kNone ? nullptr : &entries_[index].id;
  }

  // Room for `n` words, so that adding them never grows the slots again (a
  // snapshot's load knows how many come).
  void reserve(size_t n) {
    entries_.reserve(n);
    if (const size_t slots = SlotsFor(n); slots > slots_.size()) PlaceAll(slots);
  }
  size_t size() const { return entries_.size(); }
  const_iterator begin() const { return At(0); }
  const_iterator end() const { return At(entries_.size()); }

 private:
  friend struct SnapshotAccess;  // lexicon/snapshot_archive.h: writes entries_ and keys_, places the slots

  static constexpr uint32_t kNone = UINT32_MAX;
  // The bits of a hash a slot keeps: the high ones, since the low ones
  // already chose the slot.
  static uint32_t HashBits(size_t hash) { return static_cast<uint32_t>(uint64_t{hash} >> 32); }
  struct Slot {
    uint32_t hash = 0;
    uint32_t index = kNone;  // into entries_; kNone: empty
  };
  // At most half of them full, and at least 16: the probes stay short.
  static size_t SlotsFor(size_t n) {
    size_t slots = 16;
    while (slots < 2 * (n + 1)) slots *= 2;
    return slots;
  }

  const_iterator At(size_t index) const { return {this, entries_.data() + index}; }
  std::string_view KeyOf(const Entry& e) const { return std::string_view(keys_).substr(e.begin, e.size); }

  uint32_t IndexOf(std::string_view word, size_t hash) const {
    if (slots_.empty()) return kNone;
    const size_t mask = slots_.size() - 1;
    const uint32_t bits = HashBits(hash);
    for (size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (slot.index == kNone) return kNone;
      if (slot.hash != bits) continue;
      const Entry& e = entries_[slot.index];
      if (e.size == word.size() && SameBytes(keys_.data() + e.begin, word.data(), word.size())) return slot.index;
    }
  }

  void Place(size_t hash, uint32_t index) {
    const size_t mask = slots_.size() - 1;
    size_t at = hash & mask;
    while (slots_[at].index != kNone) at = (at + 1) & mask;
    slots_[at] = {HashBits(hash), index};
  }

  // `slots` empty slots, every entry placed again.
  void PlaceAll(size_t slots) {
    slots_.assign(slots, Slot{});
    for (uint32_t i = 0; i < entries_.size(); ++i) Place(StringHash()(KeyOf(entries_[i])), i);
  }
  void Grow() { PlaceAll(slots_.empty() ? 16 : slots_.size() * 2); }

  std::vector<Entry> entries_;  // in the order they came
  std::string keys_;            // the words' bytes, end to end
  std::vector<Slot> slots_;     // a power of two of them
};

}  // namespace lexfr
