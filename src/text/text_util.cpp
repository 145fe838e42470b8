#include "text/text_util.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace lexfr {
namespace {

void AppendUtf8(char32_t c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(c), error);
  if (!error) out->append(buf, n);
}

// Base letter of the accented Latin letters French texts use, or 0.
const char* FoldLatin(char32_t c) {
  switch (c) {
    case U'à': case U'â': case U'ä': case U'á': case U'ã': case U'å':
    case U'À': case U'Â': case U'Ä': case U'Á': case U'Ã': case U'Å': return "a";
    case U'ç': case U'Ç': return "c";
    case U'é': case U'è': case U'ê': case U'ë': case U'É': case U'È': case U'Ê': case U'Ë': case U'ě': case U'Ě': return "e";
    case U'î': case U'ï': case U'í': case U'ì': case U'Î': case U'Ï': case U'Í': case U'Ì': return "i";
    case U'ô': case U'ö': case U'ó': case U'ò': case U'õ': case U'ø':
    case U'Ô': case U'Ö': case U'Ó': case U'Ò': case U'Õ': case U'Ø': return "o";
    case U'ù': case U'û': case U'ü': case U'ú': case U'Ù': case U'Û': case U'Ü': case U'Ú': return "u";
    case U'ÿ': case U'ý': case U'Ÿ': case U'Ý': return "y";
    case U'ñ': case U'Ñ': return "n";
    case U'œ': case U'Œ': return "oe";
    case U'æ': case U'Æ': return "ae";
    case U'ß': return "ss";
    case U'’': case U'‘': case U'ʼ': case U'`': case U'´': return "'";
    case U'«': case U'»': case U'“': case U'”': case U'„': return "\"";
    case U'‐': case U'‑': case U'‒': case U'–': case U'—': return "-";
    case U'\u00A0': case U'\u202F': case U'\u2009': case U'\u2007': return " ";
    default: return nullptr;
  }
}

}  // namespace

char32_t NextWideCodePoint(std::string_view s, size_t* i) {
  UChar32 c = 0;
  int32_t pos = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  *i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

size_t CountCodePoints(std::string_view s) {
  // Every byte but a continuation byte (10xxxxxx) starts a code point. Eight
  // bytes at a time: a byte's top bit set and the next bit clear is a
  // continuation (the code points of mentions and sentences are counted
  // from a block's start, segment.h, a few dozen bytes at each).
  size_t continuations = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    continuations += CountContinuationBits(ContinuationBits(word));
  }
  static_assert(std::endian::native == std::endian::little, "the tail below reads bytes as a little-endian word");
  if (i < s.size() && s.size() >= 8) {
    // the last bytes in the last eight, those counted above shifted out
    // (little-endian: the first bytes are the low ones), not one at a time
    uint64_t word;
    std::memcpy(&word, s.data() + s.size() - 8, 8);
    const uint64_t ones = ContinuationBits(word) >> (8 * (8 - (s.size() - i)));
    return s.size() - continuations - CountContinuationBits(ones);
  }
  for (; i < s.size(); ++i) continuations += (static_cast<uint8_t>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuations;
}

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  FoldAppend(s, &out);
  return out;
}

namespace {

// Fold of one code point beyond ASCII.
void FoldCodePoint(char32_t c, std::string* out) {
  if (const char* base = FoldLatin(c)) {
    out->append(base);
  } else {
    AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)), out);
  }
}

}  // namespace

const CommonFolds& CommonFolds::Get() {
  static const CommonFolds folds;
  return folds;
}

CommonFolds::CommonFolds() {
  // Each entry keeps whether its fold is no longer than the character:
  // FoldCommonChar writes only those, in place.
  const auto fill = [](char32_t c, size_t length, Entry* entry) {
    std::string fold;
    FoldCodePoint(c, &fold);
    if (fold.size() > length) return;  // read stays 0
    entry->read = static_cast<uint8_t>(length);
    entry->size = static_cast<uint8_t>(fold.size());
    fold.copy(entry->bytes, fold.size());
  };
  for (char32_t c = 0x80; c <= 0xFF; ++c) fill(c, 2, &latin1_[c - 0x80]);
  for (char32_t c = 0x2000; c <= 0x203F; ++c) fill(c, 3, &punctuation_[c - 0x2000]);
}

size_t FoldCommonChar(std::string_view s, size_t i, char* out, size_t* written) {
  const CommonFolds::Entry* entry = CommonFolds::Get().Find(s, i);
  if (entry == nullptr) return 0;
  for (size_t k = 0; k < entry->size; ++k) out[k] = entry->bytes[k];
  *written = entry->size;
  return entry->read;
}

namespace {

// Whether s[i] opens a CJK ideograph (IsCjkIdeographLead) whose fold is
// itself: the lead byte and its two continuation bytes (any, after
// E4..E9). Anything else goes the general way (U+FFFD for a broken one).
bool IsCaselessIdeograph(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  return IsCjkIdeographLead(byte(i)) && i + 3 <= s.size() && (byte(i + 1) & 0xC0) == 0x80 &&
         (byte(i + 2) & 0xC0) == 0x80;
}

}  // namespace

void FoldAppend(std::string_view s, std::string* out_ptr) {
  std::string& out = *out_ptr;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<uint8_t>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    if (IsCaselessIdeograph(s, i)) {  // its own fold: copied as it is
      out.append(s.data() + i, 3);
      i += 3;
      continue;
    }
    char folded[3];
    size_t written = 0;
    if (const size_t read = FoldCommonChar(s, i, folded, &written)) {
      out.append(folded, written);
      i += read;
      continue;
    }
    FoldCodePoint(NextCodePoint(s, &i), &out);
  }
}

namespace {

template <typename Map>
std::string MapCodePoints(std::string_view s, Map map) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) AppendUtf8(static_cast<char32_t>(map(static_cast<UChar32>(NextCodePoint(s, &i)))), &out);
  return out;
}

}  // namespace

std::string ToLower(std::string_view s) { return MapCodePoints(s, [](UChar32 c) { return u_tolower(c); }); }
std::string ToUpper(std::string_view s) { return MapCodePoints(s, [](UChar32 c) { return u_toupper(c); }); }

std::string AsciiLower(std::string_view bytes) {
  std::string out(bytes);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// ICU's letter classes of ASCII are A-Z upper case and a-z lower case: the
// word checks below answer ASCII without calling ICU, which was most of
// the token view's shape flags (issue 21).
namespace {
bool IsAsciiUpper(uint8_t b) { return b >= 'A' && b <= 'Z'; }
bool IsAsciiLower(uint8_t b) { return b >= 'a' && b <= 'z'; }
}  // namespace

bool IsUpperInitial(std::string_view word) {
  if (word.empty()) return false;
  if (const auto first = static_cast<uint8_t>(word[0]); first < 0x80) return IsAsciiUpper(first);
  size_t i = 0;
  return u_isupper(static_cast<UChar32>(NextCodePoint(word, &i)));
}

bool IsAllUpper(std::string_view word) {
  bool letters = false;
  for (size_t i = 0; i < word.size();) {
    if (const auto b = static_cast<uint8_t>(word[i]); b < 0x80) {
      if (IsAsciiLower(b)) return false;
      letters |= IsAsciiUpper(b);
      ++i;
      continue;
    }
    const auto c = static_cast<UChar32>(NextCodePoint(word, &i));
    if (u_islower(c)) return false;
    letters |= u_isalpha(c) != 0;
  }
  return letters;
}

bool IsAsciiDigits(std::string_view s) {
  return AllBytes(s, [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : bytes) {
    h ^= static_cast<uint8_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}

void SplitAppend(std::string_view s, char sep, std::vector<std::string_view>* out) {
  size_t from = 0;
  for (;;) {
    const size_t at = s.find(sep, from);
    out->push_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (at == std::string_view::npos) return;
    from = at + 1;
  }
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  // Room for a data row's cells: the lexicon splits every line of every
  // data file at start-up, and growing 1, 2, 4 reallocated each.
  out.reserve(8);
  SplitAppend(s, sep, &out);
  return out;
}

std::vector<DataLine> DataLines(std::string_view file) {
  std::vector<DataLine> out;
  size_t number = 0;
  const std::vector<std::string_view> lines = Split(file, '\n');
  out.reserve(lines.size());
  for (std::string_view line : lines) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line.front() == '#') continue;
    out.push_back({number, line});
  }
  return out;
}

}  // namespace lexfr
