// Unit tests of legal_refs/identifiers: shapes of numbers, EU numbers and
// their ELI, day numbers, identifiers read from glued tokens.
#include "recognise/legal_refs/identifiers.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "recognise/legal_refs/segmented.h"

namespace lexfr::legal_refs {
namespace {

// The identifier read after the token written `word`, and the text after it.
struct Read {
  std::string id, rest;
};
Read ReadIdAfter(const std::string& text, std::string_view word) {
  const Segmented s(text);
  uint32_t end = 0;
  Read r;
  r.id = ReadId(s.tokens, s.At(word) + 1, &end);
  if (!r.id.empty() && end < s.tokens.size()) r.rest = s.text.substr(s.seg.tokens[end].byte_start);
  return r;
}

}  // namespace

TEST_CASE("shapes of court numbers", "[legal_refs][identifiers]") {
  CHECK(MatchesShape("444937", "######"));
  CHECK_FALSE(MatchesShape("44493", "######"));
  CHECK_FALSE(MatchesShape("4449370", "######"));
  CHECK(MatchesShape("21PA01234", "##@@#####"));
  CHECK_FALSE(MatchesShape("21pa01234", "##@@#####"));
  CHECK(MatchesShape("SAN-2022-019", "SAN-*"));
  CHECK(MatchesShape("SAN-", "SAN-*"));
  CHECK_FALSE(MatchesShape("MED-2021-134", "SAN-*"));
  CHECK(MatchesShape("2020-116C", "*C"));
  CHECK(IsCassationNumber("19-21.234"));
  CHECK_FALSE(IsCassationNumber("19-21234"));
  CHECK_FALSE(IsCassationNumber("19-21.2345"));
}

TEST_CASE("Conseil constitutionnel numbers", "[legal_refs][identifiers]") {
  CHECK(IsConstitutionalNumber("2021-817"));
  CHECK(IsConstitutionalNumber("2010-14/22"));
  CHECK_FALSE(IsConstitutionalNumber("2010-14/2a"));
  CHECK_FALSE(IsConstitutionalNumber("2010-14/22/1"));
  CHECK_FALSE(IsConstitutionalNumber("21-817"));    // a two-digit year is a law's
  CHECK_FALSE(IsConstitutionalNumber("2021-"));
  CHECK_FALSE(IsConstitutionalNumber("2021/817"));
  CHECK_FALSE(IsConstitutionalNumber(""));
}

TEST_CASE("EU act numbers and their ELI", "[legal_refs][identifiers]") {
  const StringSet& kEuSuffixes = SharedLexicon().references().eu_act_suffixes;
  CHECK(EuNumber("2016/679", kEuSuffixes) == "2016/679");
  CHECK(EuNumber("95/46/CE", kEuSuffixes) == "95/46");
  CHECK(EuNumber("2010/87/UE", kEuSuffixes) == "2010/87");
  CHECK(EuNumber("95/46/XY", kEuSuffixes).empty());  // not an EU suffix
  CHECK(EuNumber("12345/1", kEuSuffixes).empty());
  CHECK(EuNumber("2016", kEuSuffixes).empty());
  CHECK(EuNumber("SAN/2016", kEuSuffixes).empty());
  CHECK(EliUrl("reg", "2016/679") == "https://eur-lex.europa.eu/eli/reg/2016/679/oj");
  CHECK(EliUrl("reg", "45/2001") == "https://eur-lex.europa.eu/eli/reg/2001/45/oj");  // number/year before 2015
  CHECK(EliUrl("dir", "95/46") == "https://eur-lex.europa.eu/eli/dir/1995/46/oj");    // two-digit years are 19xx
  CHECK(EliUrl("dec_impl", "2016/1250") == "https://eur-lex.europa.eu/eli/dec_impl/2016/1250/oj");
  CHECK(EliUrl("dir", "2016/1/2").empty());
  CHECK(EliUrl("dir", "123/4").empty());
}

TEST_CASE("day numbers", "[legal_refs][identifiers]") {
  CHECK(DayNumber("1er") == 1);
  CHECK(DayNumber("premier") == 1);
  CHECK(DayNumber("7") == 7);
  CHECK(DayNumber("31") == 31);
  CHECK(DayNumber("32") == 0);
  CHECK(DayNumber("0") == 0);
  CHECK(DayNumber("007") == 0);
  CHECK(DayNumber("mai") == 0);
}

TEST_CASE("identifiers as written, from glued tokens", "[legal_refs][identifiers]") {
  CHECK(ReadIdAfter("n° 2023-146 du 21 décembre", "n°").id == "2023-146");
  const Read san = ReadIdAfter("n° SAN-2022-019 du 17 octobre 2022", "n°");
  CHECK(san.id == "SAN-2022-019");
  CHECK(san.rest == "du 17 octobre 2022");
  CHECK(ReadIdAfter("n° MED 2021-134 du", "n°").id == "MED-2021-134");  // the space becomes a dash
  CHECK(ReadIdAfter("n° 19-21.234", "n°").id == "19-21.234");
  const Read qpc = ReadIdAfter("n° 2010-14/22 QPC", "n°");
  CHECK(qpc.id == "2010-14/22");
  CHECK(qpc.rest == "QPC");
  CHECK(ReadIdAfter("la directive 95/46/CE ;", "directive").id == "95/46/CE");
  CHECK(ReadIdAfter("circulaire n° 6282-SG du", "n°").id == "6282-SG");
  const Read ce = ReadIdAfter("Conseil d'État 492369, lecture", "État");
  CHECK(ce.id == "492369");
  CHECK(ce.rest == ", lecture");
  CHECK(ReadIdAfter("le dossier est clos", "le").id.empty());
  CHECK(ReadIdAfter("la CNIL, 2021", "la").id == "CNIL");  // an all-caps word alone: callers check the shape
}

}  // namespace lexfr::legal_refs

namespace lexfr::legal_refs {

TEST_CASE("the test before reading a Conseil constitutionnel number passes every one ReadId reads", "[legal_refs][identifiers]") {
  // MayReadConstitutionalNumber spares most numbers ReadId's string: it
  // must hold wherever ReadId reads such a number, or a decision is lost.
  std::vector<std::string> texts = CorpusAndCaseTexts();
  texts.push_back("Décisions 2019-796 DC, 2010-14/22 QPC, 2021-817 DC et 2015-713/714 DC ; 2019 - 796 DC.");
  size_t numbers = 0, read = 0, passed = 0;
  for (const std::string& text : texts) {
    const Segmented s(text);
    for (uint32_t j = 0; j < s.tokens.size(); ++j) {
      if (!s.tokens.IsNumber(j)) continue;
      ++numbers;
      const bool may = MayReadConstitutionalNumber(s.tokens, j);
      if (may) ++passed;
      uint32_t end = 0;
      if (!IsConstitutionalNumber(ReadId(s.tokens, j, &end))) continue;
      ++read;
      INFO(text.substr(s.seg.tokens[j].byte_start, 40));
      CHECK(may);
    }
  }
  CHECK(read >= 4);
  CHECK(passed * 4 < numbers);  // the test spares most numbers, or it is no use
}

}  // namespace lexfr::legal_refs
