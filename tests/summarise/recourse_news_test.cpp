// The recourse of a text that reports several actions (news, press releases,
// commentary): the main one, the others in `related`, the stage, the outcome
// and the fine (issue 18). Every passage is written for the test.
#include <catch2/catch.hpp>

#include "lexfr/analyze.h"
#include "test_support.h"

namespace lexfr {
namespace {

Document Run(std::string_view text) { return AnalyzeText(text); }

using Names = std::vector<std::string>;

constexpr std::string_view kSanctionArticle =
    "La CNIL sanctionne la société Exemplo d'une amende de 32 millions d'euros\n\n"
    "Le 12 mars 2024, la formation restreinte de la CNIL a prononcé à l'encontre de la société Exemplo une amende "
    "de 32 millions d'euros pour avoir méconnu l'article 82 de la loi Informatique et Libertés. « Nous allons faire "
    "appel de cette décision », a déclaré Me Paul Mathonnet.\n\n"
    "En 2022, la CNIL avait déjà sanctionné les sociétés Google LLC et Google Ireland Limited.\n";

}  // namespace

TEST_CASE("a past sanction recalled goes to related and lends no party", "[recourse][related]") {
  const Document d = Run(kSanctionArticle);
  REQUIRE(d.recourse);
  const Recourse& r = *d.recourse;
  CHECK(r.kind == "sanction");
  CHECK(r.court == "CNIL");
  CHECK(r.respondents == Names{"Exemplo"});
  CHECK(r.status == "decided");
  REQUIRE(r.related.size() == 2);  // the appeal announced, then the past sanction
  const Recourse& past = r.related[1];
  CHECK(past.kind == "sanction");
  CHECK(past.court == "CNIL");
  CHECK(past.respondents == Names{"Google LLC", "Google Ireland Limited"});
  CHECK(past.date == "2022");
  CHECK(past.status == "decided");
  CHECK(past.outcome == "granted");
  CHECK_FALSE(past.penalty);
}

TEST_CASE("a sanction pronounced: outcome granted, its fine as penalty", "[recourse][penalty]") {
  const Document d = Run(kSanctionArticle);
  REQUIRE(d.recourse);
  const Recourse& r = *d.recourse;
  CHECK(r.outcome == "granted");
  REQUIRE(r.penalty);
  CHECK(r.penalty->amount == 32000000);
  CHECK(r.penalty->currency == "EUR");
  // the MONEY mention the fine was read from: the title's
  CHECK(r.penalty->sentence == 0);
  CHECK(r.penalty->start == 54);
  CHECK(r.penalty->end == 73);
}

TEST_CASE("penalty: a fine sought, a fine named after its amount", "[recourse][penalty]") {
  Document d = Run(
      "Le rapporteur a requis une amende de 150 000 euros contre la société Martinez Transports, que la formation "
      "restreinte de la CNIL examinera le 4 juin 2024.");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->penalty);
  CHECK(d.recourse->penalty->amount == 150000);
  d = Run("La formation restreinte de la CNIL a infligé 2 millions d'euros d'amende à la société Bravia Médias.");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->penalty);
  CHECK(d.recourse->penalty->amount == 2000000);
}

TEST_CASE("penalty: damages are not a fine", "[recourse][penalty]") {
  const Document d = Run(
      "Le tribunal judiciaire de Lyon a condamné la société Ordilux à verser 20 000 euros de dommages et intérêts à "
      "M. Karim Benali.");
  REQUIRE(d.recourse);
  CHECK_FALSE(d.recourse->penalty);
}

TEST_CASE("an earlier decision, told at an earlier date, goes to related", "[recourse][related]") {
  const Document d = Run(
      "Le juge des référés du tribunal administratif de Nantes rejette la requête de M. Lucas Moreau.\n\n"
      "Par une ordonnance du 9 octobre 2024, le juge des référés du tribunal administratif de Nantes a rejeté la "
      "demande de suspension présentée par M. Lucas Moreau contre l'arrêté du maire de Pornic.\n\n"
      "Dans sa décision du 2 février 2023, le Conseil d'État avait annulé l'élection de M. Hervé Dubreuil.\n");
  REQUIRE(d.recourse);
  const Recourse& r = *d.recourse;
  CHECK(r.court == "Tribunal administratif de Nantes");
  CHECK(r.claimants == Names{"Lucas Moreau"});
  CHECK(r.outcome == "rejected");
  REQUIRE(r.related.size() == 1);
  CHECK(r.related[0].court == "Conseil d'État");
  CHECK(r.related[0].date == "2023-02-02");
  CHECK(r.related[0].outcome == "granted");
}

TEST_CASE("the court of a recalled action does not judge the main one", "[recourse][related]") {
  const Document d = Run(
      "La requête de M. Paul Girard contre la délibération du conseil municipal a été rejetée le 8 juin 2024.\n"
      "Dans sa décision du 18 mai 2024, le Conseil d'État a annulé l'élection de M. Jean Roux.\n"
      "La délibération applique une décision du Conseil d'État.\n");
  REQUIRE(d.recourse);
  CHECK(d.recourse->court.empty());
  REQUIRE(d.recourse->related.size() == 1);
  CHECK(d.recourse->related[0].court == "Conseil d'État");
}

TEST_CASE("how the main action began is not another action", "[recourse][related]") {
  const Document d = Run(
      "Le tribunal administratif de Rennes a rejeté le 3 juillet 2024 la requête de l'association Bretagne Vivante.\n"
      "L'association avait saisi le tribunal le 2 mai 2024 d'une demande d'annulation de l'arrêté du préfet du "
      "Finistère.\n");
  REQUIRE(d.recourse);
  CHECK(d.recourse->related.empty());
  CHECK(d.recourse->status == "decided");
}

TEST_CASE("outcome: partial censure, censure of some articles", "[recourse]") {
  Document d = Run("Le Conseil constitutionnel a censuré partiellement la loi relative à la sécurité globale.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->status == "decided");
  CHECK(d.recourse->outcome == "partly_granted");
  d = Run("Le Conseil constitutionnel censure les articles 4 et 7 de la loi de finances.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->outcome == "partly_granted");
}


TEST_CASE("a Conseil constitutionnel decision on a law: saisissants, the law, partial censure", "[recourse]") {
  const Document d = Run(
      "Jeux Olympiques : le Conseil constitutionnel censure partiellement la loi\n\n"
      "Par sa décision n° 2023-850 DC du 20 juin 2023, le Conseil constitutionnel, saisi par la Première ministre, "
      "par le président de l'Assemblée nationale et par plus de soixante députés, de la loi relative aux jeux "
      "Olympiques et Paralympiques de 2024, a censuré partiellement ce texte.\n");
  REQUIRE(d.recourse);
  const Recourse& r = *d.recourse;
  CHECK(r.kind == "other");  // the contract has no kind for a review of a law
  CHECK(r.court == "Conseil constitutionnel");
  CHECK(r.claimants ==
        Names{"Première ministre", "président de l'Assemblée nationale", "plus de soixante députés"});
  REQUIRE(r.challenged_act);
  CHECK(r.challenged_act->type == "loi");
  CHECK(r.status == "decided");
  CHECK(r.outcome == "partly_granted");
}

TEST_CASE("parties: « saisi par », « à la demande de », « à l'encontre de »", "[recourse][parties]") {
  Document d = Run("Le Conseil d'État, saisi par la Quadrature du Net, a rejeté la requête.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->claimants == Names{"La Quadrature du Net"});
  d = Run(
      "Le tribunal administratif de Lille, à la demande de la Ligue des droits de l'Homme, a suspendu l'arrêté du "
      "maire de Calais.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->claimants == Names{"Ligue des droits de l'Homme"});
  CHECK(d.recourse->respondents == Names{"maire de Calais"});
  CHECK(d.recourse->outcome == "granted");
}

TEST_CASE("parties: « condamne X », « à la suite de plaintes de »", "[recourse][parties]") {
  Document d = Run(
      "Le tribunal judiciaire de Lyon a condamné la société Ordilux à verser 20 000 euros de dommages et intérêts à "
      "M. Karim Benali.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->respondents == Names{"Ordilux"});
  d = Run(
      "Le parquet national financier a ouvert une enquête à la suite de plaintes de l'association Anticor contre "
      "la société Vinci.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "complaint");
  CHECK(d.recourse->claimants == Names{"Anticor"});
  CHECK(d.recourse->respondents == Names{"Vinci"});
  CHECK(d.recourse->status == "pending");
}

TEST_CASE("the claimant is the association's whole name", "[recourse][parties]") {
  const Document d = Run(
      "Par une ordonnance du 4 avril 2024, le juge des référés du tribunal administratif de Paris a rejeté la "
      "requête de l'association La Quadrature du Net, qui demandait la suspension de l'arrêté du préfet de police.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "suspension");
  CHECK(d.recourse->claimants == Names{"La Quadrature du Net"});
  CHECK(d.recourse->respondents == Names{"préfet de police"});
  CHECK(d.recourse->outcome == "rejected");
  // issue 18's third case: a name in lower case after its cue, not « Droit »
  const Document dal = Run(
      "Par une ordonnance du 4 avril 2024, le juge des référés du tribunal administratif de Paris a rejeté la "
      "requête de l'association Droit au logement, qui demandait la suspension de l'arrêté du préfet de police.");
  REQUIRE(dal.recourse);
  CHECK(dal.recourse->claimants == Names{"Droit au logement"});
  CHECK(dal.recourse->respondents == Names{"préfet de police"});
  CHECK(dal.recourse->court == "Tribunal administratif de Paris");
}

TEST_CASE("status: filed, announced, pending from tense and mood", "[recourse][status]") {
  Document d = Run("Le syndicat Solidaires attaque la circulaire du ministre de l'Intérieur devant le Conseil d'État.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->status == "filed");
  d = Run("La société Orange annonce qu'elle déposera un recours pour excès de pouvoir devant le Conseil d'État.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->status == "announced");
  CHECK(d.recourse->claimants == Names{"Orange"});
  d = Run("Le Conseil d'État doit se prononcer sur la requête de la société Orange.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->status == "pending");
}

TEST_CASE("an appeal announced in reaction is another action, by the same lawyer", "[recourse][related]") {
  const Document d = Run(kSanctionArticle);
  REQUIRE(d.recourse);
  CHECK(d.recourse->status == "decided");
  REQUIRE(d.recourse->related.size() == 2);
  const Recourse& appeal = d.recourse->related[0];
  CHECK(appeal.kind == "appeal");
  CHECK(appeal.status == "announced");
  CHECK(appeal.outcome.empty());
  REQUIRE(d.recourse->counsel.size() == 1);
  CHECK(d.recourse->counsel[0].name == "Paul Mathonnet");
}

TEST_CASE("grounds of a sanction: not the company's words, no stray signs", "[recourse][grounds]") {
  const Document d = Run(
      "La formation restreinte de la CNIL a prononcé une amende de 5 millions d'euros contre la société Vertalys "
      "pour violation de l'article 82 de la loi Informatique et Libertés. La société y voit « une atteinte "
      "disproportionnée à la liberté d'entreprendre ».");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->grounds.size() == 1);
  CHECK(d.recourse->grounds[0].category == "violation_of_law");
  CHECK(d.recourse->grounds[0].text == "violation de l'article 82 de la loi Informatique et Libertés");
}


TEST_CASE("ground spans without stray guillemets, commas or joining words", "[recourse][grounds]") {
  Document d = Run(
      "L'association Anticor demande au Conseil d'État l'annulation du décret, qui porterait « une atteinte "
      "disproportionnée à la vie privée ».");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->grounds.size() == 1);
  CHECK(d.recourse->grounds[0].text == "atteinte disproportionnée à la vie privée");
  d = Run(
      "L'association Anticor demande au Conseil d'État l'annulation du décret pour « erreur manifeste "
      "d'appréciation », et pour violation de l'article 6 de la Convention européenne des droits de l'homme.");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->grounds.size() == 2);
  CHECK(d.recourse->grounds[0].category == "manifest_error");
  CHECK(d.recourse->grounds[0].text == "erreur manifeste d'appréciation");
  CHECK(d.recourse->grounds[1].category == "violation_of_law");
}

}  // namespace lexfr
