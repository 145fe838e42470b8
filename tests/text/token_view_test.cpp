// The token view: one vocabulary id per token, and its shape flags.
#include "text/token_view.h"

#include <catch2/catch.hpp>

#include <string>

#include "test_support.h"

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
