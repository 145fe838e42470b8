// The tokens as the legal-reference grammar reads them.
//
// Reads: the text and its segmentation. Gives: each token's text, folded form,
// kind, sentence, and whether it is glued to the one before, with "" and
// kSymbol past the end so that the grammar can look a few tokens ahead without
// checking bounds at every step. Inline: every rule asks these at every token.
#pragma once

#include <cstdint>
#include <string_view>

#include "text/segment.h"

namespace lexfr::legal_refs {

class Tokens {
 public:
  Tokens(std::string_view text, const Segmentation& seg)
      : text_(text), seg_(seg), n_(static_cast<uint32_t>(seg.tokens.size())) {}

  uint32_t size() const { return n_; }
  uint32_t Sentence(uint32_t j) const { return j < n_ ? seg_.tokens[j].sentence : UINT32_MAX; }
  // Folded (text/text_util.h Fold): what words are compared with.
  std::string_view F(uint32_t j) const { return j < n_ ? FoldedText(seg_, j) : ""; }
  // As written: what identifiers and capitals are read from.
  std::string_view T(uint32_t j) const { return j < n_ ? TokenText(text_, seg_.tokens[j]) : ""; }
  TokenKind K(uint32_t j) const { return j < n_ ? seg_.tokens[j].kind : TokenKind::kSymbol; }
  bool IsNumber(uint32_t j) const { return j < n_ && seg_.tokens[j].kind == TokenKind::kNumber; }
  // No whitespace between token j-1 and token j.
  bool Glued(uint32_t j) const { return j > 0 && j < n_ && seg_.tokens[j].byte_start == seg_.tokens[j - 1].byte_end; }
  bool SameSentence(uint32_t a, uint32_t b) const { return a < n_ && b < n_ && Sentence(a) == Sentence(b); }
  bool IsDash(uint32_t j) const { return F(j) == "-"; }
  // "n°", "numéro", and "no" when a number follows.
  bool IsNumero(uint32_t j) const {
    const std::string_view f = F(j);
    return f == "n°" || f == "n\u00BA" || f == "numero" || (f == "no" && IsNumber(j + 1));
  }

 private:
  std::string_view text_;
  const Segmentation& seg_;
  uint32_t n_;
};

}  // namespace lexfr::legal_refs
