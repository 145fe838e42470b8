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
  // A capital and a lower-case letter (« Conseil », most capitalised
  // words) is neither in capitals nor a roman numeral: answered without
  // the calls, a twelfth of the view's pass (issue 21).
  if (first < 0x80 && token.size() > 1 && token[1] >= 'a' && token[1] <= 'z') return kCapitalised;
  if (IsUpperInitial(token)) flags |= kCapitalised;
  if ((flags & kCapitalised) && IsAllUpper(token)) flags |= kUpperCase;
  if (IsRomanNumeral(token)) flags |= kRoman;
  return flags;
}

void IdsAndFlags(std::string_view text, const Segmentation& seg, const Vocabulary& vocabulary, size_t from,
                 size_t to, uint32_t* ids, uint8_t* flags) {
  // Loops over plain pointers, carrying the previous token's ends: the
  // per-token bounds checks and vector indexing through `seg` cost a fifth
  // of the loop (issue 21).
  const Token* token = seg.tokens.data();
  const uint32_t* folded_end = seg.folded_end.data();
  const char* folded = seg.folded.data();
  uint32_t folded_from = from == 0 ? 0 : folded_end[from - 1];
  // no token starts at UINT32_MAX: the first is glued to nothing
  uint32_t prev_end = from == 0 ? UINT32_MAX : token[from - 1].byte_end;
  // The ids first, then the flags: a flag's store, of a byte, may alias
  // anything, and made every lookup load the vocabulary's table again.
  for (size_t i = from; i < to; ++i) {
    ids[i] = vocabulary.Find(std::string_view(folded + folded_from, folded_end[i] - folded_from));
    folded_from = folded_end[i];
  }
  for (size_t i = from; i < to; ++i) {
    const Token& t = token[i];
    uint8_t f = ShapeFlagsOf(std::string_view(text.data() + t.byte_start, t.byte_end - t.byte_start));
    if (t.byte_start == prev_end) f |= kGlued;
    if (t.newline_before) f |= kLineBreakBefore;
    flags[i] = f;
    prev_end = t.byte_end;
  }
}

TokenView::TokenView(std::string_view text, const Segmentation& seg, const Vocabulary& vocabulary)
    : text_(text), seg_(seg) {
  const size_t n = seg.tokens.size();
  ids_.resize(n);
  flags_.resize(n);
  IdsAndFlags(text, seg, vocabulary, 0, n, ids_.data(), flags_.data());
}

TokenView::TokenView(std::string_view text, const Segmentation& seg, TokenIds ids)
    : text_(text), seg_(seg), ids_(std::move(ids.ids)), flags_(std::move(ids.flags)) {}

}  // namespace lexfr
