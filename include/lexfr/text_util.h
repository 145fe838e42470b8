// Small helpers over UTF-8 text shared by the stages: folding for lookups,
// code point counting, line-oriented parsing of the embedded data files.
//
// Thread-safety: free functions with no shared state.
#pragma once

#include <cstdint>
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

// Hash for unordered containers keyed by std::string that accept
// std::string_view lookups without building a string. Every recogniser looks
// every token up in a few of these tables, and the keys are short words, so
// the hash is inline FNV-1a rather than a call to libstdc++'s murmur (which
// was a tenth of the instructions of a run; issue 7).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    uint64_t h = 0xcbf29ce484222325u;
    for (const char c : s) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001b3u;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// Case mappings per code point (ICU), accents kept: "ÉTAT" -> "état".
std::string ToLower(std::string_view utf8);
std::string ToUpper(std::string_view utf8);
// Space, tab, line feed, carriage return, form feed, vertical tab.
inline bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
// ASCII letters only, any bytes: for markup and file names not yet decoded.
std::string AsciiLower(std::string_view bytes);

// Decodes the code point at s[i] (valid UTF-8) and advances i.
char32_t NextCodePoint(std::string_view s, size_t* i);

// Number of code points in valid UTF-8.
size_t CountCodePoints(std::string_view s);

bool IsUpperInitial(std::string_view word);  // first code point is upper-case
bool IsAllUpper(std::string_view word);      // has letters, none lower-case
bool IsAsciiDigits(std::string_view s);

// The lines of a data file, with comments ('#' first) and blank lines dropped
// and a trailing CR removed. Each entry keeps its 1-based line number.
struct DataLine {
  size_t number;
  std::string_view text;
};
std::vector<DataLine> DataLines(std::string_view file);

// Splits on `sep`, keeping empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);

std::string_view Trim(std::string_view s);

}  // namespace lexfr
