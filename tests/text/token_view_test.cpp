// The token view: one vocabulary id per token, and its shape flags.
#include "text/token_view.h"

#include <catch2/catch.hpp>

#include <string>

#include "test_support.h"
#include "text/segment.h"

namespace lexfr {
namespace {

// The flags of every token of `text`, as "token:flags" with one letter per
// flag (C capitalised, U upper case, D digits, R roman, O ordinal, G glued,
// N line break before).
std::vector<std::string> Shapes(const std::string& text) {
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  const TokenView view(text, seg, SharedLexicon().vocabulary());
  std::vector<std::string> out;
  for (size_t i = 0; i < view.size(); ++i) {
    std::string s = std::string(view.Text(i)) + ":";
    const std::pair<TokenFlag, char> letters[] = {{kCapitalised, 'C'}, {kUpperCase, 'U'}, {kDigits, 'D'},
                                                  {kRoman, 'R'},       {kOrdinal, 'O'},   {kGlued, 'G'},
                                                  {kLineBreakBefore, 'N'}};
    for (const auto& [flag, letter] : letters) {
      if (view.Has(i, flag)) s += letter;
    }
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("shape flags: capitals, digits, roman numerals, ordinals", "[token_view]") {
  CHECK(Shapes("La CNIL et Éric le 1er mars 2024, titre IV, 3e") ==
        V{"La:C", "CNIL:CU", "et:", "Éric:C", "le:", "1er:O", "mars:", "2024:D", ",:G", "titre:", "IV:CUR", ",:G",
          "3e:O"});
}

TEST_CASE("glued means byte-adjacent to the previous token, line breaks are flagged", "[token_view]") {
  CHECK(Shapes("C-311/18\nAffaire") == V{"C:CUR", "-:G", "311:DG", "/:G", "18:DG", "Affaire:CN"});
  // The first token is glued to nothing, even at the very start of the text.
  CHECK(Shapes("x")[0] == "x:");
}

TEST_CASE("TextIs: the whole token, not its first byte alone", "[token_view]") {
  const std::string text = "la CNIL (Commission) , [...] [N] ((";
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  const TokenView view(text, seg, SharedLexicon().vocabulary());
  std::vector<std::string> brackets, commas, opens;
  for (size_t i = 0; i < view.size(); ++i) {
    if (view.TextIs(i, "[")) brackets.push_back(std::string(view.Text(i)));
    if (view.TextIs(i, ",")) commas.push_back(std::string(view.Text(i)));
    if (view.TextIs(i, "(")) opens.push_back(std::string(view.Text(i)));
  }
  CHECK(brackets == V{"[", "["});
  CHECK(commas == V{","});
  CHECK(opens.size() == 3);  // « (( » is two tokens; « CNIL » and « Commission » are none
  CHECK_FALSE(view.TextIs(1, "C"));  // « CNIL » starts with C but is not « C »
}

TEST_CASE("a word of the lists has one id, whatever its case and accents", "[token_view]") {
  const std::string text = "Décembre DECEMBRE décembre lundi xylophone";
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  const TokenView view(text, seg, SharedLexicon().vocabulary());
  REQUIRE(view.size() == 5);
  CHECK(view.Id(0) != 0);
  CHECK(view.Id(0) == view.Id(1));
  CHECK(view.Id(1) == view.Id(2));
  CHECK(SharedLexicon().word(view.Id(0)).month == 12);
  CHECK(SharedLexicon().word(view.Id(3)).weekday == 1);
  CHECK(view.Id(4) == 0);
  CHECK(view.Id(99) == 0);  // past the end: no word
  CHECK_FALSE(view.Has(99, kGlued));
}

}  // namespace lexfr

namespace lexfr {

// The segmenter's ids and flags (Segment with the vocabulary, what Analyze
// uses) against the view's own pass over the same tokens: every token, on
// texts that reach each rule that sets a flag or merges tokens.
TEST_CASE("the segmenter's ids and flags are the view's own", "[token_view][segment]") {
  const std::string texts[] = {
      "",
      "Le Conseil d’État a rejeté, le 21 décembre 2023, la requête de la CNIL.",
      "L'article L. 121-1 du code ; art. 48 du RGPD (UE) 2016/679.\nM. Dupont, Mme X.",
      "150 000 euros, 1 200,50 €, n° 434633, Pluche434633, C-311/18, 1er mars, 3ème, XIV.",
      "ÉTAT\n\nCONSEIL D'ÉTAT\r\nstatuant au contentieux\u202F: « qu’il » l’Internet jusqu’au 2e",
      "a\u00A0b\u2009c ﬁn Straße İstanbul ᵉʳ 1ᵉʳ 2024-01-05 e-mail J.O. etc.",
  };
  const Lexicon& lexicon = SharedLexicon();
  for (const std::string& text : texts) {
    CAPTURE(text);
    const Segmentation plain = Segment(text, lexicon.abbreviations());
    const TokenView own(text, plain, lexicon.vocabulary());
    TokenIds ids;
    const Segmentation seg = Segment(text, lexicon.abbreviations(), lexicon.vocabulary(), &ids);
    REQUIRE(ids.ids.size() == seg.tokens.size());
    REQUIRE(ids.flags.size() == seg.tokens.size());
    const TokenView taken(text, seg, std::move(ids));
    REQUIRE(taken.size() == own.size());
    CHECK(seg.folded == plain.folded);
    CHECK(seg.sentences.size() == plain.sentences.size());
    for (size_t i = 0; i < own.size(); ++i) {
      CAPTURE(i, own.Text(i));
      CHECK(taken.Text(i) == own.Text(i));
      CHECK(taken.Id(i) == own.Id(i));
      CHECK(taken.Flags(i) == own.Flags(i));
    }
  }
  // a word of the lists has its id from the segmenter too
  TokenIds ids;
  const std::string text = "Décembre";
  const Segmentation seg = Segment(text, lexicon.abbreviations(), lexicon.vocabulary(), &ids);
  REQUIRE(ids.ids.size() == 1);
  CHECK(lexicon.word(ids.ids[0]).month == 12);
}

}  // namespace lexfr

namespace lexfr {

TEST_CASE("flags(): every token's flags, as Flags(i) gives them one by one", "[token_view]") {
  const std::string text = "La CNIL, le 1er mars 2024\nArticle IV";
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  const TokenView view(text, seg, SharedLexicon().vocabulary());
  const std::span<const uint8_t> flags = view.flags();
  REQUIRE(flags.size() == view.size());
  for (size_t i = 0; i < view.size(); ++i) CHECK(flags[i] == view.Flags(i));
}

}  // namespace lexfr
