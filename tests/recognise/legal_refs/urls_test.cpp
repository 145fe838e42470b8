// Unit tests of legal_refs/urls: one case or more per URL rule of README.md,
// "Legal reference keys and their URLs".
#include "recognise/legal_refs/urls.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "recognise/legal_refs/scan_state.h"

namespace lexfr::legal_refs {

TEST_CASE("percent-encoding keeps unreserved bytes only", "[legal_refs][urls]") {
  CHECK(PercentEncode("L1111-8") == "L1111-8");
  CHECK(PercentEncode("santé publique") == "sant%C3%A9%20publique");
  CHECK(PercentEncode("l'urbanisme") == "l%27urbanisme");
  CHECK(PercentEncode("n° 2004-575") == "n%C2%B0%202004-575");
  CHECK(PercentEncode("") == "");
}

TEST_CASE("a code article's number without the parts named in it", "[legal_refs][urls]") {
  CHECK(CodeArticleNumber("L1111-8") == "L1111-8");
  CHECK(CodeArticleNumber("L311-6-II-2") == "L311-6");
  CHECK(CodeArticleNumber("128-I") == "128");
  CHECK(CodeArticleNumber("L34-1-III") == "L34-1");
  CHECK(CodeArticleNumber("119bis") == "119 bis");
  CHECK(CodeArticleNumber("1240") == "1240");
  CHECK(CodeArticleNumber("R112-4-a") == "R112-4");
  CHECK(CodeArticleNumber("") == "");
}

TEST_CASE("codes: Légifrance's search of the codes", "[legal_refs][urls]") {
  CHECK(CodeUrl("code de la santé publique", "L1111-8") ==
        "https://www.legifrance.gouv.fr/search/code?tab_selection=code&searchField=ALL&query="
        "article%20L1111-8%20code%20de%20la%20sant%C3%A9%20publique&page=1&init=true");
  CHECK(CodeUrl("code civil", "") ==
        "https://www.legifrance.gouv.fr/search/code?tab_selection=code&searchField=ALL&query=code%20civil&page=1&"
        "init=true");
  CHECK(CodeUrl("code civil", "1240-I") == CodeUrl("code civil", "1240"));
  CHECK(CodeUrl("", "12").empty());
}

TEST_CASE("lois, ordonnances and décrets: Légifrance's search by number or date", "[legal_refs][urls]") {
  CHECK(UrlOfKey("LOI:2004-575") ==
        "https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query="
        "loi%20n%C2%B0%202004-575&page=1&init=true");
  CHECK(UrlOfKey("LOI:91-647").find("query=loi%20n%C2%B0%2091-647&") != std::string::npos);
  CHECK(UrlOfKey("DECRET:2019-536").find("query=d%C3%A9cret%20n%C2%B0%202019-536&") != std::string::npos);
  CHECK(UrlOfKey("ORD:2020-306").find("query=ordonnance%20n%C2%B0%202020-306&") != std::string::npos);
  CHECK(UrlOfKey("LOI:1881-07-29").find("query=loi%20du%2029%20juillet%201881&") != std::string::npos);
  CHECK(UrlOfKey("LOI:1901-07-01").find("query=loi%20du%201er%20juillet%201901&") != std::string::npos);
  CHECK(UrlOfKey("LOI:n-importe").empty());
  CHECK(UrlOfKey("ARRETE:2021-07-05").empty());
}

TEST_CASE("CNIL deliberations and decisions: Légifrance's CNIL collection", "[legal_refs][urls]") {
  CHECK(UrlOfKey("DELIB:CNIL:2023-146") ==
        "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2023-146&page=1&init=true");
  CHECK(UrlOfKey("DECISION:CNIL:SAN-2022-019").find("query=SAN-2022-019&") != std::string::npos);
  CHECK(UrlOfKey("DELIB:CNIL:2023-12-21").empty());  // by date: many that day
  CHECK(UrlOfKey("DELIB:ARCEP:2020-1432").empty());
  CHECK(UrlOfKey("DECISION:ADLC:20-MC-01").empty());
}

TEST_CASE("decisions: Légifrance for the Conseil d'État, Judilibre for the Cour de cassation", "[legal_refs][urls]") {
  CHECK(UrlOfKey("CE:444937") ==
        "https://www.legifrance.gouv.fr/search/cetat?tab_selection=cetat&searchField=ALL&query=444937&page=1&init=true");
  CHECK(UrlOfKey("CASS:19-21.234") == "https://www.courdecassation.fr/recherche-judilibre?search_api_fulltext=19-21.234");
  CHECK(UrlOfKey("TA:1402524").empty());
  CHECK(UrlOfKey("CAA:18LY04640").empty());
  CHECK(UrlOfKey("CA:21/01234").empty());
}

TEST_CASE("ECLI: EUR-Lex for the EU's, none for the others", "[legal_refs][urls]") {
  CHECK(UrlOfKey("ECLI:EU:C:2020:559") == "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=ecli:ECLI:EU:C:2020:559");
  CHECK(UrlOfKey("ECLI:FR:CECHR:2020:444937.20201013").empty());
  CHECK(UrlOfKey("GDPR").empty());  // named instruments take their table's URL
  CHECK(UrlOfKey("CIRC:6282-SG").empty());
}

TEST_CASE("an emitted reference's address, remembered by its key, is the one its key gives", "[legal_refs][urls]") {
  // Emit remembers the addresses it computes by canonical key: each must be
  // what urls.h computes for that reference, emitted first or again.
  Ref code{"CSP", Kind::kCode, "", "code de la santé publique", true};
  Ref civil{"CCIV", Kind::kCode, "", "code civil", true};
  Ref law{"LOI:2004-575", Kind::kLoi, "", "", true};
  Ref own{"GDPR", Kind::kReglement, "https://eur-lex.europa.eu/eli/reg/2016/679/oj", "", true};
  Ref renamed = code;  // the same key with another code's name: not the first one's address
  renamed.name = "code civil";
  struct Emitted {
    const Ref* ref;
    std::string article;
  };
  const std::vector<Emitted> emits = {{&code, "L1111-8"}, {&civil, "1240"}, {&code, "L1111-8"}, {&law, ""},
                                      {&code, "L1112-1-II"}, {&law, "5"}, {&own, "6"}, {&law, ""},
                                      {&civil, "1240"}, {&renamed, "L1111-8"}, {&code, "L1111-8"}, {&own, "6"}};
  Memory memory;
  for (const Emitted& e : emits) Emit(&memory, 0, 1, *e.ref, e.article);
  REQUIRE(memory.out.size() == emits.size());
  for (size_t k = 0; k < emits.size(); ++k) {
    const Ref& ref = *emits[k].ref;
    INFO(k << " " << memory.out[k].canonical);
    const std::string expected = !ref.url.empty()          ? ref.url
                                 : ref.kind == Kind::kCode ? CodeUrl(ref.name, emits[k].article)
                                                           : UrlOfKey(ref.key);
    CHECK(memory.out[k].fields.url == expected);
  }
  CHECK(memory.out[9].fields.url != memory.out[0].fields.url);
}

}  // namespace lexfr::legal_refs
