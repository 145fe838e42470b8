// The tokens as the legal-reference grammar reads them.
//
// Reads: the token view (text/token_view.h) and the Lexicon. Gives: each
// token's text, folded form, kind, sentence, what it is in the word lists,
// and whether it is glued to the one before, with "" and
// kSymbol past the end so that the grammar can look a few tokens ahead without
// checking bounds at every step. Inline: every rule asks these at every token.
#pragma once

#include <cstdint>
#include <string_view>

#include "lexicon/lexicon.h"
#include "text/token_view.h"

namespace lexfr::legal_refs {

class Tokens {
 public:
  // `view` and `lexicon` must outlive the tokens.
  Tokens(const TokenView& view, const Lexicon& lexicon)
      : view_(view), lexicon_(lexicon), n_(static_cast<uint32_t>(view.size())) {}

  uint32_t size() const { return n_; }
  uint32_t Sentence(uint32_t j) const { return j < n_ ? view_.token(j).sentence : UINT32_MAX; }
  // Folded (text/text_util.h Fold): what words are compared with.
  std::string_view F(uint32_t j) const { return j < n_ ? view_.Folded(j) : ""; }
  // As written: what identifiers and capitals are read from.
  std::string_view T(uint32_t j) const { return j < n_ ? view_.Text(j) : ""; }
  TokenKind K(uint32_t j) const { return j < n_ ? view_.token(j).kind : TokenKind::kSymbol; }
  // What token j is in the word lists (lexicon/words.h), by its vocabulary
  // id: every answer false past the end.
  const WordInfo& W(uint32_t j) const { return lexicon_.word(view_.Id(j)); }
  // The first token at or after `from` whose word `has` (Lexicon::NextWord), or size().
  template <class Test>
  uint32_t NextWord(uint32_t from, Test has) const {
    const uint32_t* const ids = view_.ids().data();
    const WordInfo* const words = lexicon_.words();
    return FirstWhere(from, n_, [&](uint32_t j) { return static_cast<bool>(has(words[ids[j]])); });
  }
  // The first token in [from, limit) whose word `has` or that is a number,
  // or limit (<= size()): the scan's skip over the tokens no rule reads, one
  // tight loop over the ids and kinds with the arrays held, where W() and
  // K() went through the view for each token.
  template <class Test>
  uint32_t NextWordOrNumber(uint32_t from, uint32_t limit, Test has) const {
    const uint32_t* const ids = view_.ids().data();
    const Token* const tokens = view_.tokens().data();
    const WordInfo* const words = lexicon_.words();
    // one token a round: a number or a start word comes too often for
    // rounds of four to pay (FirstWhere made the scan 0.4% slower)
    while (from < limit && !has(words[ids[from]]) && tokens[from].kind != TokenKind::kNumber) ++from;
    return from;
  }
  uint32_t Id(uint32_t j) const { return view_.Id(j); }  // token j's vocabulary id (by folded word), 0 past the end
  // The vocabulary id of a folded word, 0 when no list holds it.
  uint32_t IdOf(std::string_view folded) const { return lexicon_.vocabulary().Find(folded); }
  // data/cues/reference_words.tsv: the lists read by ending or as written.
  const ReferenceWords& words() const { return lexicon_.references(); }
  bool IsNumber(uint32_t j) const { return j < n_ && view_.token(j).kind == TokenKind::kNumber; }
  // No whitespace between token j-1 and token j.
  bool Glued(uint32_t j) const { return view_.Has(j, kGlued); }
  bool SameSentence(uint32_t a, uint32_t b) const { return a < n_ && b < n_ && Sentence(a) == Sentence(b); }
  bool IsDash(uint32_t j) const { return F(j) == "-"; }
  // A capital roman numeral of I, V and X only ("II", "IV"): a part of an
  // article, not the "L" or "D" of a code's numbering.
  bool IsPartRoman(uint32_t j) const {
    if (!view_.Has(j, kRoman)) return false;
    const std::string_view raw = T(j);
    return raw.size() <= 4 && raw.find_first_not_of("IVX") == std::string_view::npos;
  }
  // "n°", "numéro", and "no" when a number follows.
  bool IsNumero(uint32_t j) const {
    const std::string_view f = F(j);
    // « nos 1402524, 1602826 »: the plural, before a number only
    return f == "n°" || f == "n\u00BA" || f == "numero" || ((f == "no" || f == "nos") && IsNumber(j + 1));
  }

 private:
  // The first j in [from, limit) where is(j), or limit (from when from >=
  // limit). Four tokens a round, asked without a branch each: the skips
  // pass most tokens, and a round's count and test paid for each token were
  // half of what the skip cost.
  template <class Is>
  static uint32_t FirstWhere(uint32_t from, uint32_t limit, Is is) {
    for (; from + 4 <= limit; from += 4) {
      if (is(from) | is(from + 1) | is(from + 2) | is(from + 3)) break;
    }
    while (from < limit && !is(from)) ++from;
    return from;
  }

  const TokenView& view_;
  const Lexicon& lexicon_;
  uint32_t n_;
};

}  // namespace lexfr::legal_refs
