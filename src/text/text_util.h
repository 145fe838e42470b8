// Small helpers over UTF-8 text shared by the stages: folding for lookups,
// code point counting, line-oriented parsing of the embedded data files.
//
// Thread-safety: free functions with no shared state.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lexfr {

// Lower-cases, strips accents and maps typographic apostrophes/quotes and
// dashes to ASCII, for dictionary lookups: "Conseil d’État" -> "conseil d'etat".
// Only for keys: never for offsets.
std::string Fold(std::string_view utf8);
// Fold, appending to `out` (no allocation when `out` has room).
void FoldAppend(std::string_view utf8, std::string* out);
// Folds the character at utf8[i] (not ASCII) into `out` when it is a common
// one (U+0080..U+00FF, U+2000..U+203F) whose fold is no longer than it:
// returns its length in bytes and sets *written (at most that length);
// 0, writing nothing, for any other. For folding into a buffer in place.
size_t FoldCommonChar(std::string_view utf8, size_t i, char* out, size_t* written);

// FoldCommonChar's table, read inline by a caller that folds many
// characters (the segmenter folds every token): the folds of U+0080..U+00FF
// (UTF-8 C2 xx and C3 xx: the accented letters, « » and the no-break space)
// and of U+2000..U+203F (E2 80 xx: ’, the dashes, the thin spaces), most of
// a French text beyond ASCII, worked out once rather than decoding and
// switching at every « é » (issue 21).
class CommonFolds {
 public:
  static const CommonFolds& Get();
  struct Entry {
    uint8_t read = 0;  // the character's bytes; 0: its fold is longer than it
    uint8_t size = 0;  // of its fold, at most `read`
    char bytes[3] = {};
  };
  // The entry of the character at s[i] (not ASCII) when its fold is no
  // longer than it, or nullptr.
  const Entry* Find(std::string_view s, size_t i) const {
    const auto lead = static_cast<uint8_t>(s[i]);
    const auto continuation = [&](size_t k) {
      return i + k < s.size() && (static_cast<uint8_t>(s[i + k]) & 0xC0) == 0x80 ? static_cast<uint8_t>(s[i + k]) : 0;
    };
    const Entry* e = nullptr;
    if (lead == 0xC2 || lead == 0xC3) {
      if (const uint8_t second = continuation(1)) e = &latin1_[(lead - 0xC2) * 64 + (second - 0x80)];
    } else if (lead == 0xE2 && continuation(1) == 0x80) {
      if (const uint8_t third = continuation(2)) e = &punctuation_[third - 0x80];
    }
    return e != nullptr && e->read != 0 ? e : nullptr;
  }

 private:
  CommonFolds();
  std::array<Entry, 128> latin1_;
  std::array<Entry, 64> punctuation_;
};

// Hash for unordered containers keyed by std::string that accept
// std::string_view lookups without building a string. Every recogniser looks
// every token up in a few of these tables, and the keys are short words, so
// the hash is inline and eats eight bytes per multiply rather than calling
// libstdc++'s murmur (which was a tenth of the instructions of a run; issue 7).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    const auto load = [&s](size_t at, size_t bytes) {
      uint64_t v = 0;
      std::memcpy(&v, s.data() + at, bytes);  // bytes is 4 or 8: one load
      return v;
    };
    const size_t n = s.size();
    uint64_t h = n * 0x9e3779b97f4a7c15u;
    uint64_t last = 0;
    if (n >= 8) {
      for (size_t i = 0; i + 8 < n; i += 8) h = Mix(h ^ load(i, 8));
      last = load(n - 8, 8);  // overlaps the last full word: no byte loop
    } else if (n >= 4) {
      last = load(0, 4) << 32 | load(n - 4, 4);
    } else if (n > 0) {
      last = uint64_t{static_cast<uint8_t>(s[0])} << 16 | uint64_t{static_cast<uint8_t>(s[n / 2])} << 8 |
             static_cast<uint8_t>(s[n - 1]);
    }
    return static_cast<size_t>(Mix(h ^ last));
  }

 private:
  static uint64_t Mix(uint64_t h) {
    h *= 0xbf58476d1ce4e5b9u;
    return h ^ (h >> 31);
  }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// The first bytes of a table's keys. A word whose first byte starts no key
// is none of them, which one bit tells without hashing: most tokens of a
// text of signs (« . . . », « , , , ») are looked up in every table and are
// in none (issue 15).
class FirstBytes {
 public:
  void Add(std::string_view key) {
    if (key.empty()) {
      empty_ = true;
    } else {
      bits_[static_cast<uint8_t>(key[0]) >> 6] |= uint64_t{1} << (static_cast<uint8_t>(key[0]) & 63);
    }
  }
  // False only when `word` is none of the keys added.
  bool MayStart(std::string_view word) const {
    if (word.empty()) return empty_;
    return (bits_[static_cast<uint8_t>(word[0]) >> 6] >> (static_cast<uint8_t>(word[0]) & 63) & 1) != 0;
  }

 private:
  uint64_t bits_[4] = {};
  bool empty_ = false;
};

// The keys of a small table built per document (the surnames, the acronyms
// a text defines), told apart by their length and first and last bytes: a
// word no key shares those three with is none of them, which two bit tests
// tell without hashing it — most of a text's capitalised words, for a table
// looked up at every one.
class KeyShapes {
 public:
  void Add(std::string_view key) { bits_[Slot(key) >> 6] |= uint64_t{1} << (Slot(key) & 63); }
  // False only when `word` is none of the keys added.
  bool MayBe(std::string_view word) const { return (bits_[Slot(word) >> 6] >> (Slot(word) & 63) & 1) != 0; }

 private:
  static constexpr size_t kBits = 4096;
  static size_t Slot(std::string_view s) {
    if (s.empty()) return 0;
    const size_t mixed = (s.size() * 0x9e37u) ^ (static_cast<uint8_t>(s.front()) * 0x85ebu) ^
                         (static_cast<uint8_t>(s.back()) * 0xc2b3u);
    return (mixed ^ (mixed >> 12)) & (kBits - 1);
  }
  uint64_t bits_[kBits / 64] = {};
};

// Case mappings per code point (ICU), accents kept: "ÉTAT" -> "état".
std::string ToLower(std::string_view utf8);
std::string ToUpper(std::string_view utf8);
// Space, tab, line feed, carriage return, form feed, vertical tab.
inline bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A token that opens or closes a quotation: « », “ ”, and " for both.
inline bool IsOpeningQuote(std::string_view s) { return s == "\u00AB" || s == "\u201C" || s == "\""; }
inline bool IsClosingQuote(std::string_view s) { return s == "\u00BB" || s == "\u201D" || s == "\""; }
// ASCII letters only, any bytes: for markup and file names not yet decoded.
std::string AsciiLower(std::string_view bytes);

// NextCodePoint of a character beyond ASCII (s[*i] >= 0x80).
char32_t NextWideCodePoint(std::string_view s, size_t* i);

// Decodes the code point at s[i] (valid UTF-8) and advances i. ASCII
// inline: the sentence rules and the recognisers ask it mostly of ASCII
// characters, where the call cost more than the decoding (issue 21).
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
  if (const auto b = static_cast<uint8_t>(s[*i]); b < 0x80) {
    ++*i;
    return b;
  }
  return NextWideCodePoint(s, i);
}

// One bit a UTF-8 continuation byte (10xxxxxx) of the eight bytes in
// `word`, at the bottom of its byte: a byte's top bit set and the next bit
// clear. Every other byte starts a code point.
inline uint64_t ContinuationBits(uint64_t word) { return (word & ~(word << 1) & 0x8080808080808080u) >> 7; }
// The sum of the eight byte-sized counts in `bits` (ContinuationBits, or
// several of them added byte by byte while the total stays under 256): the
// product gathers them into the top byte.
inline size_t CountContinuationBits(uint64_t bits) { return static_cast<size_t>((bits * 0x0101010101010101u) >> 56); }

// Whether `lead` opens a character of U+4000..U+9FFF in valid UTF-8 (lead
// bytes E4..E9): the CJK ideographs and the Yijing hexagrams. To ICU 72 each
// is its own case fold, of the sentence classes OLetter or Other, neither
// space nor case (tests/text/text_util_test.cpp and segment_test.cpp check
// every one). Han text goes to ICU's dictionary break, which no French gain
// makes cheaper; its characters are answered by this byte, not decoded
// (issue 21, the adversarial bench's seg-han).
constexpr bool IsCjkIdeographLead(uint8_t lead) { return lead >= 0xE4 && lead <= 0xE9; }

// Number of code points in valid UTF-8.
size_t CountCodePoints(std::string_view s);

bool IsUpperInitial(std::string_view word);  // first code point is upper-case
bool IsAllUpper(std::string_view word);      // has letters, none lower-case
// Not empty, and every byte passes `is`: for identifiers spelled in ASCII.
template <class BytePredicate>
bool AllBytes(std::string_view s, BytePredicate is) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is(c)) return false;
  }
  return true;
}
bool IsAsciiDigits(std::string_view s);

// The lines of a data file, with comments ('#' first) and blank lines dropped
// and a trailing CR removed. Each entry keeps its 1-based line number.
struct DataLine {
  size_t number;
  std::string_view text;
};
std::vector<DataLine> DataLines(std::string_view file);

// FNV-1a, 64 bits: stable across runs, machines and compilers (the shards
// of a batch, the slots of the phrases compiled at build time).
uint64_t Fnv1a64(std::string_view bytes);

// Splits on `sep`, keeping empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);
// The same fields appended to `out` (no allocation when it has room).
void SplitAppend(std::string_view s, char sep, std::vector<std::string_view>* out);

std::string_view Trim(std::string_view s);

}  // namespace lexfr
