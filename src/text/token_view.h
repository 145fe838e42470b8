// The token view: what the recognisers read of a segmented text.
//
// In: the text, its segmentation (text/segment.h) and a vocabulary (folded
// word -> id, held by the Lexicon). Out: per token, besides the token and its
// folded form, its vocabulary id (0 for a word no list holds; one hash per
// token, computed once, so that a recogniser asks an array instead of hashing
// the word again for every list) and its shape flags. "Glued" has one
// meaning everywhere: the token starts at the byte where the previous one
// ends.
//
// Built once per document, after Segment(); holds views into the text and
// the segmentation, which must outlive it. Read-only afterwards: may be read
// by several threads.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "text/segment.h"
#include "text/text_util.h"
#include "text/word_ids.h"

namespace lexfr {

enum TokenFlag : uint8_t {
  kCapitalised = 1 << 0,      // first code point upper-case ("Conseil", "CNIL")
  kUpperCase = 1 << 1,        // capitalised, and no letter lower-case ("CNIL", "L.")
  kDigits = 1 << 2,           // ASCII digits only ("2024")
  kRoman = 1 << 3,            // capital roman numeral ("IV", "XII")
  kOrdinal = 1 << 4,          // digits and a French ordinal ending ("1er", "2e", "3ème", "1re")
  kGlued = 1 << 5,            // starts where the previous token ends ("C" "-" "311")
  kLineBreakBefore = 1 << 6,  // a line break in the space before it
};

// Folded word -> vocabulary id (1 and up), and the first bytes of its keys.
struct Vocabulary {
  WordIds ids;
  FirstBytes first_bytes;
  uint32_t Find(std::string_view folded) const {
    if (!first_bytes.MayStart(folded)) return 0;
    const uint32_t* id = ids.Find(folded);
    return id == nullptr ? 0 : *id;
  }
};

// Per token, its vocabulary id (0: a word no list holds) and its flags, as
// Segment computes them (text/segment.h) for the view to take.
struct TokenIds {
  std::vector<uint32_t> ids;
  std::vector<uint8_t> flags;
};

// Writes the ids and flags of tokens [from, to) of `seg` to ids[from, to)
// and flags[from, to); those tokens are folded. The view's pass, and the
// segmenter's as it makes the tokens.
void IdsAndFlags(std::string_view text, const Segmentation& seg, const Vocabulary& vocabulary, size_t from,
                 size_t to, uint32_t* ids, uint8_t* flags);

class TokenView {
 public:
  TokenView(std::string_view text, const Segmentation& seg, const Vocabulary& vocabulary);
  // The view of a segmentation whose ids and flags Segment computed with
  // the vocabulary as it made the tokens: taken as they are, one per token.
  TokenView(std::string_view text, const Segmentation& seg, TokenIds ids);

  std::string_view text() const { return text_; }
  const Segmentation& segmentation() const { return seg_; }
  const std::vector<Token>& tokens() const { return seg_.tokens; }
  size_t size() const { return seg_.tokens.size(); }

  // Token i; i < size().
  const Token& token(size_t i) const { return seg_.tokens[i]; }
  std::string_view Text(size_t i) const { return TokenText(text_, seg_.tokens[i]); }
  std::string_view Folded(size_t i) const { return FoldedText(seg_, i); }
  // Whether token i is written `s` (not empty), its first byte read before
  // the token's text is taken: the cheap test for a sign (« ( », « , »,
  // « [ ») asked of every token. i < size().
  bool TextIs(size_t i, std::string_view s) const {
    return text_[seg_.tokens[i].byte_start] == s.front() && Text(i) == s;
  }
  // The text of tokens [first, end) as written, spaces between included;
  // empty when first >= end. end <= size().
  std::string_view Span(size_t first, size_t end) const {
    if (first >= end) return {};
    const size_t start = seg_.tokens[first].byte_start;
    return text_.substr(start, seg_.tokens[end - 1].byte_end - start);
  }
  // The vocabulary id of token i, 0 past the end or for a word no list holds.
  uint32_t Id(size_t i) const { return i < ids_.size() ? ids_[i] : 0; }
  std::span<const uint32_t> ids() const { return ids_; }  // every token's, size() of them
  // Whether token i has every flag of `flags`; false past the end.
  bool Has(size_t i, uint8_t flags) const { return i < flags_.size() && (flags_[i] & flags) == flags; }
  uint8_t Flags(size_t i) const { return i < flags_.size() ? flags_[i] : 0; }
  std::span<const uint8_t> flags() const { return flags_; }  // every token's, size() of them

 private:
  std::string_view text_;
  const Segmentation& seg_;
  std::vector<uint32_t> ids_;
  std::vector<uint8_t> flags_;
};

// The shape flags of one token's text (all but kGlued and kLineBreakBefore,
// which depend on its neighbours).
uint8_t ShapeFlags(std::string_view token);

// ShapeFlags, with a word in lower case (most tokens) answered inline: the
// call cost the token view more than the answer.
inline uint8_t ShapeFlagsOf(std::string_view token) {
  if (!token.empty() && token[0] >= 'a' && token[0] <= 'z') return 0;
  return ShapeFlags(token);
}

}  // namespace lexfr
