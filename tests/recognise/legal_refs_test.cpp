// Unit tests of the LEGAL_REF recogniser, one form per case. FindLegalRefs is
// called directly, without the other recognisers (no ORG or DATE candidates)
// except where a test builds them by hand.
#include "recognise/legal_refs.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "lexfr/analyze.h"
#include "test_support.h"

#include "text/segment.h"

namespace lexfr {
namespace {

struct Ref {
  std::string canonical, instrument, article, url, text;
};

std::vector<Ref> Refs(const std::string& text, const std::vector<Candidate>& context = {}) {
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  std::vector<Candidate> names, dates;
  for (const Candidate& c : context) (c.type == EntityType::kDate ? dates : names).push_back(c);
  std::vector<Ref> out;
  for (const Candidate& c : FindLegalRefs(TokenView(text, seg, SharedLexicon().vocabulary()), SharedLexicon(), names, dates)) {
    REQUIRE(c.type == EntityType::kLegalRef);
    REQUIRE(c.first_token < c.end_token);
    REQUIRE(c.end_token <= seg.tokens.size());
    const Token& a = seg.tokens[c.first_token];
    const Token& b = seg.tokens[c.end_token - 1];
    out.push_back({c.canonical, c.fields.instrument(), c.fields.article(), c.fields.url,
                   text.substr(a.byte_start, b.byte_end - a.byte_start)});
  }
  return out;
}

std::vector<std::string> Keys(const std::string& text, const std::vector<Candidate>& context = {}) {
  std::vector<std::string> keys;
  for (const Ref& r : Refs(text, context)) keys.push_back(r.canonical);
  return keys;
}

using V = std::vector<std::string>;

// The index of the first token whose text is `word`.
uint32_t TokenIndex(const std::string& text, std::string_view word) {
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  for (uint32_t i = 0; i < seg.tokens.size(); ++i) {
    if (TokenText(text, seg.tokens[i]) == word) return i;
  }
  FAIL("no token " << word);
  return 0;
}

}  // namespace

TEST_CASE("instruments by name and abbreviation", "[legal_refs]") {
  CHECK(Keys("le RGPD et le règlement général sur la protection des données") == V{"GDPR", "GDPR"});
  CHECK(Keys("la loi Informatique et Libertés") == V{"LIL"});
  CHECK(Keys("la loi « Informatique et Libertés »") == V{"LIL"});
  CHECK(Keys("la loi du 6 janvier 1978 modifiée") == V{"LIL"});
  CHECK(Keys("le code de justice administrative") == V{"CJA"});
  CHECK(Keys("la Charte des droits fondamentaux de l’Union européenne") == V{"CFR"});
  CHECK(Keys("la Convention EDH") == V{"ECHR"});
  CHECK(Keys("la directive européenne « ePrivacy »") == V{"EPRIVACY"});
  CHECK(Keys("le Cloud Act et le FISA") == V{"CLOUD_ACT", "FISA"});
  CHECK(Keys("la LCEN et la loi pour une République numérique") == V{"LOI:2004-575", "LOI:2016-1321"});
  const std::vector<Ref> refs = Refs("le RGPD");
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].url == "https://eur-lex.europa.eu/eli/reg/2016/679/oj");
  CHECK(refs[0].article.empty());
}

TEST_CASE("capitals and article-only abbreviations guard against ordinary words", "[legal_refs]") {
  CHECK(Keys("Il tue le temps.").empty());
  CHECK(Keys("le TUE et le TFUE") == V{"TEU", "TFEU"});
  CHECK(Keys("La constitution d'un dossier.").empty());
  CHECK(Keys("La Constitution garantit ce droit.") == V{"CONST"});
  CHECK(Keys("La Charte de déontologie.").empty());
  CHECK(Keys("La Charte de l'environnement.") == V{"CHARTE_DE_L_ENVIRONNEMENT"});
  CHECK(Keys("Les CSP+ et la CPI.").empty());
  CHECK(Keys("l'article L. 1111-8 du CSP") == V{"CSP art. L1111-8"});
  CHECK(Keys("La CEDH a condamné la France.").empty());
  CHECK(Keys("l'article 8 de la CEDH") == V{"ECHR art. 8"});
}

TEST_CASE("bare kind words are not references", "[legal_refs]") {
  CHECK(Keys("La loi a changé. Le décret est paru. Le règlement intérieur. Le code.").empty());
  CHECK(Keys("Un article du Monde. L'article 5 prévoit cela.").empty());
  CHECK(Keys("l'article 3 du contrat, l'article 5 de l'accord").empty());
  CHECK(Keys("Vu le RGPD. Vu l'article 4 du décret.") == V{"GDPR"});
  CHECK(Keys("l'article R. 111-1 du code de la mutualité, après le code de la santé publique") == V{"CSP"});
}

TEST_CASE("articles with French prefixes and parts", "[legal_refs]") {
  const std::vector<Ref> refs = Refs("sur le fondement de l'article L. 521-2 du code de justice administrative");
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].canonical == "CJA art. L521-2");
  CHECK(refs[0].instrument == "CJA");
  CHECK(refs[0].article == "L521-2");
  CHECK(refs[0].text == "article L. 521-2 du code de justice administrative");
  CHECK(Keys("art. L1111-8 du CSP") == V{"CSP art. L1111-8"});
  CHECK(Keys("l'article R. 4127-1 du code de la santé publique") == V{"CSP art. R4127-1"});
  CHECK(Keys("l'article D. 123 du code de la santé publique") == V{"CSP art. D123"});
  CHECK(Keys("art. 9, paragraphe 2, point a) du RGPD") == V{"GDPR art. 9-2-a"});
  CHECK(Keys("l'article 9 § 2 a du RGPD") == V{"GDPR art. 9-2-a"});
  CHECK(Keys("l'article 9(2)(a) du RGPD") == V{"GDPR art. 9-2-a"});
  CHECK(Keys("Vu le RGPD ; l'article 6 § 1 a été invoqué") == V{"GDPR", "GDPR art. 6-1"});  // "a" is the verb
  CHECK(Keys("l'article 1er de la loi n° 78-17") == V{"LIL art. 1"});
  CHECK(Keys("l'article 45 bis de la loi n° 91-646") == V{"LOI:91-646 art. 45bis"});
  CHECK(Keys("l'article 82, alinéa 2, de la loi Informatique et Libertés") == V{"LIL art. 82"});
}

TEST_CASE("lists and ranges give one reference per article", "[legal_refs]") {
  const std::vector<Ref> refs = Refs("les articles 6, 9 et 48 du RGPD");
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].canonical == "GDPR art. 6");
  CHECK(refs[0].text == "articles 6");
  CHECK(refs[1].canonical == "GDPR art. 9");
  CHECK(refs[2].canonical == "GDPR art. 48");
  CHECK(refs[2].text == "48 du RGPD");
  CHECK(Keys("articles L. 1461-1 à L. 1461-3 du CSP") == V{"CSP art. L1461-1", "CSP art. L1461-3"});
  CHECK(Keys("l'article 5, 3 ans plus tard, du RGPD") == V{"GDPR"});  // "3 ans" is no article
  CHECK(Keys("article L. 121-1 du code de la consommation, L. 420-1 du code de commerce") ==
        V{"CCONSO art. L121-1", "CCOM art. L420-1"});
}

TEST_CASE("an article without its instrument takes the one last named", "[legal_refs]") {
  CHECK(Keys("Règlement (UE) 2016/679 – Article 2, paragraphe 2 – Article 45") ==
        V{"GDPR", "GDPR art. 2-2", "GDPR art. 45"});
  CHECK(Keys("Charte des droits fondamentaux de l’Union européenne – Articles 7, 8 et 47") ==
        V{"CFR", "CFR art. 7", "CFR art. 8", "CFR art. 47"});
  CHECK(Keys("Elle s'appuie sur la loi « Informatique et Libertés » et notamment son article 82.") ==
        V{"LIL", "LIL art. 82"});
  CHECK(Keys("Vu la loi n° 78-17 du 6 janvier 1978, notamment ses articles 20 et suivants ;") ==
        V{"LIL", "LIL art. 20"});
}

TEST_CASE("references back to an instrument of a kind", "[legal_refs]") {
  CHECK(Keys("l'article R. 4127-1 du code de la santé publique et l'article D. 123 du même code") ==
        V{"CSP art. R4127-1", "CSP art. D123"});
  CHECK(Keys("le RGPD ; l'article 5 dudit règlement") == V{"GDPR", "GDPR art. 5"});
  CHECK(Keys("la loi n° 2004-575 ; l'article 6 de la loi précitée") == V{"LOI:2004-575", "LOI:2004-575 art. 6"});
  CHECK(Keys("le code civil ; l'article 9 de ce code") == V{"CC", "CC art. 9"});
  CHECK(Keys("le RGPD ; l'article 5 de la même loi") == V{"GDPR"});  // no loi named before
  CHECK(Keys("l'article 5 dudit règlement").empty());                // nothing named before
}

TEST_CASE("US law: FISA sections and executive orders", "[legal_refs]") {
  CHECK(Keys("la Section 702 FISA") == V{"FISA art. 702"});
  const std::vector<Ref> refs = Refs("la FISA section 702");
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].canonical == "FISA art. 702");
  CHECK(refs[0].text == "FISA section 702");
  CHECK(Keys("l'Executive Order 12 333 et l'Executive Order 12333") ==
        V{"EXECUTIVE_ORDER_12_333", "EXECUTIVE_ORDER_12_333"});
  CHECK(Keys("l'Executive Order 14086") == V{"EXECUTIVE_ORDER_14086"});
  CHECK(Keys("la section 3 du rapport").empty());
}

TEST_CASE("numbered French acts", "[legal_refs]") {
  CHECK(Keys("la loi n° 2004-575 du 21 juin 2004") == V{"LOI:2004-575"});
  CHECK(Keys("la loi n° 78-17 du 6 janvier 1978") == V{"LIL"});
  CHECK(Keys("le décret n° 2019-536 du 29 mai 2019") == V{"DECRET:2019-536"});
  CHECK(Keys("l'ordonnance n° 2018-1125 du 12 décembre 2018") == V{"ORD:2018-1125"});
  CHECK(Keys("l'arrêté du 5 mars 2020") == V{"ARRETE:2020-03-05"});
  CHECK(Keys("la circulaire n° 6282-SG du 5 juillet 2021") == V{"CIRC:6282-SG"});
  CHECK(Keys("la circulaire du 5 juillet 2021") == V{"CIRC:2021-07-05"});
  const std::vector<Ref> refs = Refs("le décret n° 2019-536 du 29 mai 2019 pris pour l'application");
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].text == "décret n° 2019-536 du 29 mai 2019");
}

TEST_CASE("well-known laws by date", "[legal_refs]") {
  CHECK(Keys("la loi du 10 juillet 1991") == V{"LOI:91-647"});
  CHECK(Keys("la loi du 29 juillet 1881") == V{"LOI:1881-07-29"});
  CHECK(Keys("la loi du 21 juin 2004") == V{"LOI:2004-575"});
  CHECK(Keys("la loi du 7 octobre 2016") == V{"LOI:2016-1321"});
  CHECK(Keys("la loi du 3 juin 2016").empty());  // not a known one
}

TEST_CASE("EU acts by number", "[legal_refs]") {
  CHECK(Keys("le règlement (UE) 2016/679") == V{"GDPR"});
  CHECK(Keys("la directive 95/46/CE") == V{"EU_DIR:95/46"});
  CHECK(Keys("la directive 2002/58/CE") == V{"EPRIVACY"});
  CHECK(Keys("le règlement (UE) 2022/868") == V{"EU_REG:2022/868"});
  CHECK(Keys("le Data Governance Act") == V{"DGA"});
  CHECK(Keys("le règlement (CE) n° 45/2001") == V{"EU_REG:45/2001"});
  CHECK(Keys("le règlement (UE) 2022/2065 et le règlement (UE) 2022/1925") == V{"DSA", "DMA"});
  CHECK(Keys("le règlement (UE) 2024/1689 et la directive (UE) 2022/2555") == V{"AI_ACT", "NIS2"});
  const std::vector<Ref> dec = Refs("la décision d’exécution (UE) 2016/1250 et la Décision 2010/87/UE");
  REQUIRE(dec.size() == 2);
  CHECK(dec[0].canonical == "EU_DEC:2016/1250");
  CHECK(dec[0].url == "https://eur-lex.europa.eu/eli/dec_impl/2016/1250/oj");
  CHECK(dec[1].canonical == "EU_DEC:2010/87");
  CHECK(dec[1].url == "https://eur-lex.europa.eu/eli/dec/2010/87/oj");
  const std::vector<Ref> dir = Refs("la directive 95/46/CE");
  REQUIRE(dir.size() == 1);
  CHECK(dir[0].url == "https://eur-lex.europa.eu/eli/dir/1995/46/oj");
  const std::vector<Ref> reg = Refs("le règlement (CE) n° 45/2001");
  REQUIRE(reg.size() == 1);
  CHECK(reg[0].url == "https://eur-lex.europa.eu/eli/reg/2001/45/oj");
}

TEST_CASE("deliberations and decisions of authorities", "[legal_refs]") {
  CHECK(Keys("Délibération de la formation restreinte n° SAN-2022-019 du 17 octobre 2022") ==
        V{"DELIB:CNIL:SAN-2022-019"});
  CHECK(Keys("Délibération SAN-2021-023 du 31 décembre 2021.") == V{"DELIB:CNIL:SAN-2021-023"});
  CHECK(Keys("la délibération de la Cnil du 21 décembre 2023") == V{"DELIB:CNIL:2023-12-21"});
  CHECK(Keys("la délibération n° 2023-146 du 21 décembre 2023 de la commission (CNIL)") == V{"DELIB:CNIL:2023-146"});
  CHECK(Keys("la décision n° MED 2021-134 du 26 novembre 2021") == V{"DECISION:CNIL:MED-2021-134"});
  CHECK(Keys("la décision n° 2020-116C de la présidente de la Commission nationale de l’informatique et des "
             "libertés") == V{"DECISION:CNIL:2020-116C"});
  CHECK(Keys("la décision n° 20-MC-01 de l'Autorité de la concurrence") == V{"DECISION:ADLC:20-MC-01"});
  // No author anywhere: no key can be built.
  CHECK(Keys("la délibération n° 2023-146 du 21 décembre 2023").empty());
  // A deliberation without number nor date is not a reference.
  CHECK(Keys("la délibération de la Cnil autorisant l'entrepôt").empty());
}

TEST_CASE("the author of a deliberation can come from the ORG recogniser", "[legal_refs]") {
  const std::string text = "La Commission des sanctions a rendu la délibération n° 2023-146. Elle est publiée.";
  CHECK(Keys(text).empty());
  Candidate org;
  org.type = EntityType::kOrg;
  org.canonical = "Autorité de la concurrence";
  org.first_token = TokenIndex(text, "Commission");
  org.end_token = org.first_token + 3;
  CHECK(Keys(text, {org}) == V{"DELIB:ADLC:2023-146"});
}

TEST_CASE("dates of deliberations can come from the DATE recogniser", "[legal_refs]") {
  const std::string text = "la délibération de la CNIL du 21/12/2023";
  CHECK(Keys(text).empty());
  Candidate date;
  date.type = EntityType::kDate;
  date.fields.value() = "2023-12-21";
  date.first_token = TokenIndex(text, "21");
  date.end_token = static_cast<uint32_t>(Segment(text, SharedLexicon().abbreviations()).tokens.size());
  CHECK(Keys(text, {date}) == V{"DELIB:CNIL:2023-12-21"});
}

TEST_CASE("court decisions", "[legal_refs]") {
  CHECK(Keys("Conseil d'État\nN° 444937") == V{"CE:444937"});
  CHECK(Keys("CE, 13 octobre 2020, n° 444937") == V{"CE:444937"});
  CHECK(Keys("Ariane Web: Conseil d'État 492369, lecture du 22 mars 2024") == V{"CE:492369"});
  CHECK(Keys("ECLI:FR:CEORD:2024:492369.20240322\n\nDécision n° 492369") ==
        V{"ECLI:FR:CEORD:2024:492369.20240322", "CE:492369"});
  CHECK(Keys("la décision n° 2021-817 DC du 20 mai 2021") == V{"CC_DEC:2021-817"});
  CHECK(Keys("n° 2010-14/22 QPC") == V{"CC_DEC:2010-14/22"});
  CHECK(Keys("Cass. civ. 1re, 12 mai 2021, n° 19-21.234") == V{"CASS:19-21.234"});
  CHECK(Keys("le pourvoi n° 20-12.345") == V{"CASS:20-12.345"});
  CHECK(Keys("l'ordonnance n° 2006861 du TA de Paris") == V{"TA:2006861"});
  CHECK(Keys("CAA de Paris, 3 mai 2022, n° 21PA01234") == V{"CAA:21PA01234"});
  CHECK(Keys("cour d'appel de Paris, RG n° 21/01234") == V{"CA:21/01234"});
  // A number with no court around it is nothing.
  CHECK(Keys("le dossier n° 444937").empty());
  // "95/46/CE" does not name the Conseil d'État.
  CHECK(Keys("la directive 95/46/CE ; dossier n° 444937") == V{"EU_DIR:95/46"});
}

TEST_CASE("ECLI identifiers are keys of their own", "[legal_refs]") {
  const std::vector<Ref> refs = Refs("ECLI:FR:CEORD:2020:444937.20201013.");
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].instrument == "ECLI:FR:CEORD:2020:444937.20201013");
}

TEST_CASE("CJEU cases by number and by name", "[legal_refs]") {
  const std::vector<Ref> refs = Refs("(Affaire C‑311/18)1 et aff. C-131/12, puis T-604/18");
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].canonical == "CJEU:C-311/18");
  CHECK(refs[0].text == "Affaire C‑311/18");
  CHECK(refs[0].url == "https://curia.europa.eu/juris/liste.jsf?num=C-311/18");
  CHECK(refs[1].canonical == "CJEU:C-131/12");
  CHECK(refs[2].canonical == "CJEU:T-604/18");
  CHECK(Keys("Dans son arrêt dit « Schrems II », la Cour") == V{"CJEU:C-311/18"});
  CHECK(Keys("Schrems I et Google Spain") == V{"CJEU:C-362/14", "CJEU:C-131/12"});
  CHECK(Keys("Maximillian Schrems a saisi la Cour").empty());
  CHECK(Keys("le Privacy Shield, le Safe Harbor, le bouclier de protection des données") ==
        V{"EU_DEC:2016/1250", "EU_DEC:2000/520", "EU_DEC:2016/1250"});
}

TEST_CASE("a capitalised bare name is not another text of that kind", "[legal_refs]") {
  CHECK(Keys("La Constitution européenne. La Constitution américaine.").empty());
  CHECK(Keys("La Charte sociale européenne. La Charte graphique.").empty());
  CHECK(Keys("Vu la Constitution, notamment son Préambule") == V{"CONST"});
}

TEST_CASE("a decision's own articles are not the last instrument's", "[legal_refs]") {
  CHECK(Keys("Vu le code de justice administrative.\nArticle 1er : La requête est rejetée.\n"
             "Article 2 : La présente ordonnance sera notifiée.") == V{"CJA"});
}

TEST_CASE("more ways to name EU acts and decisions", "[legal_refs]") {
  CHECK(Keys("la décision de la Commission du 26 juillet 2000 (2000/520/CE)") == V{"EU_DEC:2000/520"});
  CHECK(Keys("le règlement UE 2016/679 et le règlement n° 2016/679") == V{"GDPR", "GDPR"});
  CHECK(Keys("la mise en demeure n° MED 2021-134") == V{"DECISION:CNIL:MED-2021-134"});
  CHECK(Keys("le tribunal judiciaire de Paris, RG n° 21/01234") == V{"TJ:21/01234"});
  CHECK(Keys("les articles 7 et 8 de la Charte, ainsi que l'article 47 de celle-ci") ==
        V{"CFR art. 7", "CFR art. 8", "CFR art. 47"});
  // The author of a deliberation may be named only later in the text.
  CHECK(Keys("Le juge suspend la délibération n° 2023-146. La CNIL avait autorisé le projet.") ==
        V{"DELIB:CNIL:2023-146"});
}

TEST_CASE("empty and odd inputs", "[legal_refs]") {
  CHECK(Keys("").empty());
  CHECK(Keys("article").empty());
  CHECK(Keys("article 5 du").empty());
  CHECK(Keys("loi n°").empty());
  CHECK(Keys("ECLI:").empty());
  CHECK(Keys("C-").empty());
}

}  // namespace lexfr

namespace lexfr {

TEST_CASE("ECtHR applications link to HUDOC, Council decisions to its site; a range's inside articles span its « à »", "[legal_refs]") {
  const std::vector<Ref> app = Refs("La Cour, requête n° 12345/19, a conclu à la violation.");
  REQUIRE(app.size() == 1);
  CHECK(app[0].canonical == "CEDH:12345/19");
  CHECK(app[0].url == "https://hudoc.echr.coe.int/fre#{%22appno%22:[%2212345/19%22]}");
  const std::vector<Ref> range = Refs("les articles 12 à 14 du code civil");
  REQUIRE(range.size() == 3);
  CHECK(range[1].canonical == "CC art. 13");
  CHECK(range[1].text == "à");
  const std::vector<Ref> cc = Refs("la décision n° 2019-778 DC du 21 mars 2019");
  REQUIRE(cc.size() == 1);
  CHECK(cc[0].url == "https://www.conseil-constitutionnel.fr/decision/2019/2019778DC.htm");
  // parts named before the article, innermost first in the key
  CHECK(Keys("le 4° du II de l'article L. 521-3 du code de l'environnement") == V{"CENV art. L521-3-II-4"});
}

}  // namespace lexfr

namespace lexfr {

namespace {

// The LEGAL_REF mentions of a whole analysis: canonical key -> whether each
// mention came from a range, in text order.
std::map<std::string, std::vector<bool>> RangeFlags(const std::string& text) {
  Document doc;
  REQUIRE(Analyze(text, "t", SharedResources(), {}, &doc).ok());
  std::map<std::string, std::vector<bool>> out;
  for (const Entity& e : doc.entities) {
    if (e.type != EntityType::kLegalRef) continue;
    for (const Mention& m : e.mentions) out[e.canonical].push_back(m.range);
  }
  return out;
}

std::string UrlOf(const std::string& text, const std::string& canonical) {
  Document doc;
  REQUIRE(Analyze(text, "t", SharedResources(), {}, &doc).ok());
  for (const Entity& e : doc.entities) {
    if (e.type == EntityType::kLegalRef && e.canonical == canonical) return e.fields.url;
  }
  return "(none)";
}

}  // namespace

TEST_CASE("every article of a range says it came from one, and no other does", "[legal_refs][range]") {
  auto f = RangeFlags("Les articles 12 à 14 du code civil.");
  CHECK(f["CC art. 12"] == std::vector<bool>{true});
  CHECK(f["CC art. 13"] == std::vector<bool>{true});
  CHECK(f["CC art. 14"] == std::vector<bool>{true});
  f = RangeFlags("Les articles L. 821-5 à L. 821-7 du code de la sécurité intérieure.");
  CHECK(f["CSI art. L821-5"] == std::vector<bool>{true});
  CHECK(f["CSI art. L821-7"] == std::vector<bool>{true});
  f = RangeFlags("Les articles 6, 9 et 48 du RGPD.");
  CHECK(f["GDPR art. 6"] == std::vector<bool>{false});
  CHECK(f["GDPR art. 48"] == std::vector<bool>{false});
  f = RangeFlags("Les articles 5, 12 à 14 et 20 du code civil.");
  CHECK(f["CC art. 5"] == std::vector<bool>{false});
  CHECK(f["CC art. 12"] == std::vector<bool>{true});
  CHECK(f["CC art. 13"] == std::vector<bool>{true});
  CHECK(f["CC art. 14"] == std::vector<bool>{true});
  CHECK(f["CC art. 20"] == std::vector<bool>{false});
  f = RangeFlags("L'article 12 du code civil. Les articles 12 à 13 du code civil.");
  CHECK(f["CC art. 12"] == std::vector<bool>{false, true});
  f = RangeFlags("Les articles 10 à 500 du code civil.");  // too wide to spell out: its ends still
  CHECK(f["CC art. 10"] == std::vector<bool>{true});
  CHECK(f["CC art. 500"] == std::vector<bool>{true});
  f = RangeFlags("Les articles 44 au 50 du RGPD.");
  CHECK(f["GDPR art. 47"] == std::vector<bool>{true});
  f = RangeFlags("L'article 8 du RGPD.");
  CHECK(f["GDPR art. 8"] == std::vector<bool>{false});
}

TEST_CASE("references carry the address their key gives", "[legal_refs][urls]") {
  CHECK(UrlOf("L'article L. 1111-8 du code de la santé publique.", "CSP art. L1111-8")
            .find("search/code?tab_selection=code&searchField=ALL&query=article%20L1111-8%20code%20de%20la%20sant") !=
        std::string::npos);
  CHECK(UrlOf("Le I de l'article 128 du code civil.", "CC art. 128-I").find("query=article%20128%20code%20civil&") !=
        std::string::npos);
  CHECK(UrlOf("La loi n° 2004-575 du 21 juin 2004.", "LOI:2004-575").find("loi%20n%C2%B0%202004-575") !=
        std::string::npos);
  CHECK(UrlOf("Le décret n° 2019-536 du 29 mai 2019.", "DECRET:2019-536").find("search/all?") != std::string::npos);
  CHECK(UrlOf("CE, 13 octobre 2020, n° 444937.", "CE:444937").find("search/cetat?") != std::string::npos);
  CHECK(UrlOf("Cass. civ. 1re, pourvoi n° 19-21.234.", "CASS:19-21.234").find("recherche-judilibre") !=
        std::string::npos);
  CHECK(UrlOf("La délibération n° 2023-146 de la CNIL.", "DELIB:CNIL:2023-146").find("search/cnil?") !=
        std::string::npos);
  CHECK(UrlOf("L'article 48 du RGPD.", "GDPR art. 48") == "https://eur-lex.europa.eu/eli/reg/2016/679/oj");
  CHECK(UrlOf("Le jugement n° 1402524 du tribunal administratif de Lyon.", "TA:1402524").empty());
}

}  // namespace lexfr
