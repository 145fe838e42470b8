#include "text/token_view.h"

namespace lexfr {
namespace {

bool IsRomanNumeral(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  for (char c : s) {
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C' && c != 'D' && c != 'M') return false;
  }
  return true;
}

bool IsOrdinal(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0 || digits > 4) return false;
  const std::string_view end = s.substr(digits);
  return end == "er" || end == "re" || end == "e" || end == "eme" || end == "ème" || end == "nd" || end == "nde" ||
         end == "ᵉʳ" || end == "ᵉ";
}

}  // namespace

uint8_t ShapeFlags(std::string_view token) {
  if (token.empty()) return 0;
  const auto first = static_cast<uint8_t>(token[0]);
  uint8_t flags = 0;
  // ASCII first bytes answer without ICU: most tokens are lower-case words,
  // digits or signs.
  if (first >= 'a' && first <= 'z') return 0;
  if (first >= '0' && first <= '9') {
    if (IsAsciiDigits(token)) return kDigits;
    return IsOrdinal(token) ? kOrdinal : 0;
  }
  if (first < 0x80 && !(first >= 'A' && first <= 'Z')) return 0;
  if (IsUpperInitial(token)) flags |= kCapitalised;
  if ((flags & kCapitalised) && IsAllUpper(token)) flags |= kUpperCase;
  if (IsRomanNumeral(token)) flags |= kRoman;
  return flags;
}

TokenView::TokenView(std::string_view text, const Segmentation& seg, const Vocabulary& vocabulary)
    : text_(text), seg_(seg) {
  const size_t n = seg.tokens.size();
  ids_.resize(n);
  flags_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const Token& t = seg.tokens[i];
    ids_[i] = vocabulary.Find(FoldedText(seg, i));
    uint8_t flags = ShapeFlagsOf(TokenText(text, t));
    if (i > 0 && t.byte_start == seg.tokens[i - 1].byte_end) flags |= kGlued;
    if (t.newline_before) flags |= kLineBreakBefore;
    flags_[i] = flags;
  }
}

}  // namespace lexfr
