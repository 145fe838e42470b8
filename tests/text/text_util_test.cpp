// text/text_util.h: folding, case checks, code points, and the small filters in front of hash tables.
#include <catch2/catch.hpp>

#include "text/text_util.h"

#include <string>
#include <vector>

namespace lexfr {
namespace {

size_t CountCodePointsByByte(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

TEST_CASE("code points are counted at every length and offset", "[text_util]") {
  const std::string text = "Conseil d’État, 12 €, 𝔄 «é» ç — fin.";
  for (size_t from = 0; from < text.size(); ++from) {
    for (size_t size = 0; from + size <= text.size(); ++size) {
      const std::string_view s = std::string_view(text).substr(from, size);
      INFO("from " << from << ", size " << size);
      CHECK(CountCodePoints(s) == CountCodePointsByByte(s));
    }
  }
}

TEST_CASE("folding the Latin-1 letters: accents off, lower case", "[text_util]") {
  CHECK(Fold("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß") == "aaaaaaaeceeeeiiiiðnooooo×ouuuuyþss");
  CHECK(Fold("àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ") == "aaaaaaaeceeeeiiiiðnooooo÷ouuuuyþy");
  CHECK(Fold("Conseil d’État") == "conseil d'etat");
  CHECK(Fold("ŒUVRE «Ŝ»") == "oeuvre \"ŝ\"");
  CHECK(Fold("« oui » – non — ‘a’ “b” x y …") == "\" oui \" - non - 'a' \"b\" x y …");
  CHECK(Fold("\u023A") == "\u2C65");  // a fold longer than the character
  // C3 without its second byte is no letter: a replacement character.
  CHECK(Fold("\xC3") == "\uFFFD");
  CHECK(Fold("\xC3" "A") == "\uFFFD" "a");
}

TEST_CASE("folding leaves the CJK ideographs as they are, and a broken one replaced", "[text_util]") {
  // U+4000..U+9FFF are copied without asking u_foldCase (issue 21): each is
  // its own fold, as ICU says.
  std::string all;
  for (char32_t c = 0x4000; c <= 0x9FFF; ++c) {
    all.push_back(static_cast<char>(0xE0 | (c >> 12)));
    all.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    all.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  CHECK(Fold(all) == all);
  CHECK(Fold("法国 CNIL 委员会") == "法国 cnil 委员会");
  CHECK(Fold("\xE6" "AB") == "\uFFFD" "ab");      // a lead byte without its continuations
  CHECK(Fold("\xE6\xB3") == "\uFFFD");           // cut short at the end
}

TEST_CASE("upper-case checks answer ASCII and beyond alike", "[text_util]") {
  CHECK(IsUpperInitial("Conseil"));
  CHECK(IsUpperInitial("État"));
  CHECK_FALSE(IsUpperInitial("état"));
  CHECK_FALSE(IsUpperInitial("1er"));
  CHECK(IsAllUpper("CNIL"));
  CHECK(IsAllUpper("L."));
  CHECK(IsAllUpper("ÉTAT"));
  CHECK(IsAllUpper("A380"));
  CHECK_FALSE(IsAllUpper("CNIl"));
  CHECK_FALSE(IsAllUpper("ÉTAt"));
  CHECK_FALSE(IsAllUpper("ÉTéT"));
  CHECK_FALSE(IsAllUpper("1234"));  // no letter
  CHECK_FALSE(IsAllUpper(""));
}

TEST_CASE("KeyShapes never turns away a key, and turns away most other words", "[text_util]") {
  const std::vector<std::string> keys = {"charruyer", "roux", "CNIL", "PDS", "é", "", "Écoles", "x"};
  KeyShapes shapes;
  for (const std::string& k : keys) shapes.Add(k);
  for (const std::string& k : keys) CHECK(shapes.MayBe(k));
  // Words of other lengths or ends: a filter that let every word through
  // would save nothing and still pass the check above.
  const std::vector<std::string> others = {"conseil", "etat", "le", "la", "de", "Paris", "tribunal", "rouxx",
                                           "charruyez", "CNILS", "PDF", "ab", "décision", "société", "Cour", "2024"};
  size_t turned_away = 0;
  for (const std::string& w : others) turned_away += !shapes.MayBe(w);
  CHECK(turned_away >= others.size() - 2);
  CHECK_FALSE(KeyShapes().MayBe("anything"));  // an empty table holds nothing
}

}  // namespace lexfr
