#include <catch2/catch.hpp>

#include "lexfr/analyze.h"
#include "test_support.h"

namespace lexfr {
namespace {

Document Run(std::string_view text) { return AnalyzeText(text); }

bool Has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("no legal action, no recourse", "[recourse]") {
  CHECK_FALSE(Run("La CNIL publie sept recommandations sur l'intelligence artificielle.").recourse);
  CHECK_FALSE(Run("Les Français protègent peu leurs données, selon un sondage OpinionWay.").recourse);
  CHECK_FALSE(Run("").recourse);
}

TEST_CASE("kind, court, claimants of an annulment request", "[recourse]") {
  const Document d = Run(
      "L'Internet Society France demande au Conseil d'État d'annuler la délibération de la CNIL du 21 décembre 2023, "
      "publiée au Journal officiel le 31 janvier 2024.");
  REQUIRE(d.recourse);
  const Recourse& r = *d.recourse;
  CHECK(r.kind == "annulment");
  CHECK(r.court == "Conseil d'État");
  CHECK(r.claimants == std::vector<std::string>{"Internet Society France"});
  CHECK(r.status == "filed");
  REQUIRE(r.challenged_act);
  CHECK(r.challenged_act->type == "délibération");
  CHECK(r.challenged_act->author == "CNIL");
  CHECK(r.challenged_act->date == "2023-12-21");
  CHECK(r.challenged_act->published == "2024-01-31");
  CHECK(r.evidence.at("kind") == std::vector<uint32_t>{0});
}

TEST_CASE("the référé is told by its CJA article", "[recourse]") {
  const Document d = Run(
      "L'association Zorblax demande au juge des référés du Conseil d'État, sur le fondement de l'article L. 521-2 "
      "du code de justice administrative, d'ordonner la suspension du traitement.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "liberty_injunction");
  CHECK(d.recourse->court == "Conseil d'État");
  CHECK(Has(d.recourse->claimants, "Zorblax"));
}

TEST_CASE("status: announcements and negations", "[recourse]") {
  Document d = Run("La Quadrature du Net entend saisir le Conseil d'État d'une demande d'annulation du décret.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->status == "announced");
  d = Run("L'association n'a pas encore saisi le Conseil d'État mais prépare un recours pour excès de pouvoir.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->status == "announced");
  CHECK(d.recourse->kind == "annulment");
}

TEST_CASE("status and outcome of a decision", "[recourse]") {
  const Document d = Run(
      "Par une ordonnance du 13 octobre 2020, le juge des référés du Conseil d'État a rejeté la requête en "
      "référé-liberté de l'association Zorblax.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "liberty_injunction");
  CHECK(d.recourse->status == "decided");
  CHECK(d.recourse->outcome == "rejected");
}

TEST_CASE("a sanction names its authority and the companies it targets", "[recourse]") {
  const Document d = Run(
      "La CNIL sanctionne les sociétés Google LLC et Google Ireland Limited d'une amende de 150 millions d'euros "
      "pour violation de l'article 82 de la loi Informatique et Libertés.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "sanction");
  CHECK(d.recourse->court == "CNIL");
  CHECK(d.recourse->status == "decided");
  CHECK(d.recourse->respondents == std::vector<std::string>{"Google LLC", "Google Ireland Limited"});
  REQUIRE(d.recourse->grounds.size() == 1);
  CHECK(d.recourse->grounds[0].category == "violation_of_law");
  CHECK(d.recourse->grounds[0].refs == std::vector<std::string>{"LIL art. 82"});
}

TEST_CASE("a sanction's target, not the subsidiaries it works through", "[recourse]") {
  const Document d = Run(
      "La formation restreinte de la CNIL sanctionne la société ZORBLAX d'une amende de 100 000 euros. La "
      "formation restreinte prononce à l'encontre de la société ZORBLAX une sanction, bien qu'elle opère à "
      "l'étranger par l'intermédiaire de deux filiales, ZORBLAX ITALIA S.R.L. et ZORBLAX ESPANA SL.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "sanction");
  CHECK(d.recourse->respondents == std::vector<std::string>{"ZORBLAX"});
}

TEST_CASE("a subsidiary cue sets aside only the companies after it in its own sentence", "[recourse]") {
  // ZORBLAX is named before the cue, CRITEO SA in the next sentence: both are sanctioned
  const Document d = Run(
      "La formation restreinte de la CNIL sanctionne la société ZORBLAX, qui opère par l'intermédiaire de sa "
      "filiale BAKODU SAS, d'une amende de 100 000 euros. La formation restreinte sanctionne aussi la société "
      "CRITEO SA d'une amende de 50 000 euros.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "sanction");
  CHECK(d.recourse->respondents == std::vector<std::string>{"ZORBLAX", "CRITEO SA"});
}

TEST_CASE("parties on either side of « contre » or « / »", "[recourse]") {
  const Document d = Run(
      "Arrêt de la Cour du 16 juillet 2020 (demande de décision préjudicielle) – Data Protection Commissioner / "
      "Facebook Ireland Limited, Maximillian Schrems");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "preliminary_ruling");
  CHECK(d.recourse->court == "Cour de justice de l'Union européenne");
  CHECK(d.recourse->claimants == std::vector<std::string>{"Data Protection Commissioner"});
  CHECK(Has(d.recourse->respondents, "Facebook Ireland Limited"));
  CHECK(Has(d.recourse->respondents, "Maximillian Schrems"));
}

TEST_CASE("counsel and grounds of the seed article's kind", "[recourse]") {
  const Document d = Run(
      "L'association Zorblax demande l'annulation du décret n° 2019-536 devant le Conseil d'État. "
      "Elle soulève l'absence de compétence du ministre ; la violation de l'article 48 du RGPD ; une erreur "
      "manifeste d'appréciation et une atteinte disproportionnée à la vie privée. "
      "« Ce texte est illégal » réagit Me France Charruyer, avocate associée du cabinet d'avocats ALTIJ.");
  REQUIRE(d.recourse);
  const Recourse& r = *d.recourse;
  REQUIRE(r.counsel.size() == 1);
  CHECK(r.counsel[0].name == "France Charruyer");
  CHECK(r.counsel[0].firm == "ALTIJ");
  std::vector<std::string> categories;
  for (const Ground& g : r.grounds) categories.push_back(g.category);
  CHECK(categories == std::vector<std::string>{"incompetence", "violation_of_law", "manifest_error", "proportionality"});
  CHECK(r.grounds[1].refs == std::vector<std::string>{"GDPR art. 48"});
  REQUIRE(r.challenged_act);
  CHECK(r.challenged_act->type == "décret");
  CHECK(r.challenged_act->reference == "DECRET:2019-536");
}

TEST_CASE("quotes and their speakers", "[quotes]") {
  const Document d = Run(
      "« Les regrets de la CNIL interpellent » réagit Me France Charruyer. « On peut imaginer toutes les dérives » "
      "poursuit-elle. Selon l'avocate, rien n'est joué.");
  REQUIRE(d.quotes.size() == 2);
  CHECK(d.quotes[0].text == "Les regrets de la CNIL interpellent");
  CHECK(d.quotes[0].speaker == "France Charruyer");
  CHECK(d.quotes[0].speaker_type == "PERSON");
  CHECK(d.quotes[1].speaker == "France Charruyer");  // « poursuit-elle »: the last speaker named
  CHECK(d.quotes[0].start == 2);
}

}  // namespace lexfr

namespace lexfr {

TEST_CASE("a sanction's legal basis is the breach found", "[recourse]") {
  const Document d = Run(
      "La CNIL inflige une amende de 60 millions d'euros à la société Microsoft Ireland Operations Limited. "
      "Elle s'appuie sur la loi « Informatique et Libertés » et notamment son article 82.");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->grounds.size() == 1);
  CHECK(d.recourse->grounds[0].category == "violation_of_law");
  CHECK(std::find(d.recourse->grounds[0].refs.begin(), d.recourse->grounds[0].refs.end(), "LIL art. 82") !=
        d.recourse->grounds[0].refs.end());
}

TEST_CASE("a procedural basis is not a ground outside sanctions", "[recourse]") {
  const Document d = Run(
      "L'association Zorblax demande au juge des référés du Conseil d'État, sur le fondement de l'article L. 521-2 "
      "du code de justice administrative, de suspendre le traitement.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->grounds.empty());
}

}  // namespace lexfr

namespace lexfr {

TEST_CASE("a complaint goes to a regulator, against whom it is lodged", "[recourse]") {
  const Document d = Run(
      "L'association noyb, fondée par Max Schrems, a déposé une plainte auprès de la CNIL contre la société "
      "Criteo.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "complaint");
  CHECK(d.recourse->court == "CNIL");
  CHECK(d.recourse->claimants == std::vector<std::string>{"noyb"});  // not the founder named with « par »
  CHECK(d.recourse->respondents == std::vector<std::string>{"Criteo"});
  CHECK(d.recourse->status == "filed");
}

TEST_CASE("a pourvoi « formé par » names its claimant; lower-case court names", "[recourse]") {
  const Document d = Run(
      "La Cour de cassation a rejeté le pourvoi formé par la société Orange contre l'arrêt de la cour d'appel "
      "de Paris du 12 mai 2021.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "cassation");
  CHECK(d.recourse->court == "Cour de cassation");
  CHECK(d.recourse->claimants == std::vector<std::string>{"Orange"});
  CHECK(d.recourse->outcome == "rejected");
  bool appeal_court = false;
  for (const Entity& e : d.entities) appeal_court |= e.canonical == "Cour d'appel de Paris";
  CHECK(appeal_court);
}

TEST_CASE("a tribunal's judgment annulling an arrêté", "[recourse]") {
  const Document d = Run(
      "Par un jugement du 5 juillet 2023, le tribunal administratif de Paris a annulé l'arrêté du 18 avril 2022 "
      "autorisant l'usage de drones, entaché d'incompétence. La Ligue des droits de l'Homme, qui avait saisi le "
      "tribunal, s'en félicite.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "annulment");
  CHECK(d.recourse->court == "Tribunal administratif de Paris");
  CHECK(d.recourse->status == "decided");
  CHECK(d.recourse->outcome == "granted");
  CHECK(d.recourse->claimants == std::vector<std::string>{"Ligue des droits de l'Homme"});
  REQUIRE(d.recourse->challenged_act);
  CHECK(d.recourse->challenged_act->reference == "ARRETE:2022-04-18");
  REQUIRE(d.recourse->grounds.size() == 1);
  CHECK(d.recourse->grounds[0].category == "incompetence");
}

TEST_CASE("an announced annulment names who will act", "[recourse]") {
  const Document d = Run(
      "La Quadrature du Net a annoncé qu'elle allait saisir le Conseil d'État afin d'obtenir l'annulation du "
      "décret n° 2021-1402 du 29 octobre 2021.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "annulment");
  CHECK(d.recourse->status == "announced");
  CHECK(d.recourse->court == "Conseil d'État");
  CHECK(d.recourse->claimants == std::vector<std::string>{"La Quadrature du Net"});
}

}  // namespace lexfr

namespace lexfr {

TEST_CASE("every party listed after « saisi par » is a claimant", "[recourse]") {
  const Document d = Run(
      "Saisi par la Ligue des droits de l'Homme et par l'association La Quadrature du Net, le Conseil d'État a "
      "rejeté les recours contre le décret n° 2020-1511 du 2 décembre 2020, qui selon elles méconnaissait "
      "l'article 9 du RGPD.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "annulment");
  CHECK(d.recourse->claimants == std::vector<std::string>{"Ligue des droits de l'Homme", "La Quadrature du Net"});
  CHECK(d.recourse->outcome == "rejected");
  REQUIRE(d.recourse->grounds.size() == 1);
  CHECK(d.recourse->grounds[0].refs == std::vector<std::string>{"GDPR art. 9"});
}

TEST_CASE("« Selon X, « … » » attributes the quote to X", "[quotes]") {
  const Document d = Run(
      "Selon Marie-Laure Denis, présidente de la CNIL, « la sanction est proportionnée ». Les manquements au "
      "RGPD, notamment aux articles 7 et 26, sont établis.");
  REQUIRE(d.quotes.size() == 1);
  CHECK(d.quotes[0].speaker == "Marie-Laure Denis");
}

}  // namespace lexfr

// Texts that report an action (a tribunal's news item, a press article):
// the parties, the act and its author are often named in words no entity
// covers. Invented names and places throughout.
namespace lexfr {

TEST_CASE("news: the author of an attacked arrêté is an office, and the respondent", "[recourse][news]") {
  const Document d = Run(
      "Le club Ardoisier demande au tribunal administratif de Caen l'annulation de l’arrêté du préfet de la "
      "Manche du 3 mai 2024.");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->challenged_act);
  CHECK(d.recourse->challenged_act->type == "arrêté");
  CHECK(d.recourse->challenged_act->author == "préfet de la Manche");
  CHECK(d.recourse->challenged_act->date == "2024-05-03");
  CHECK(d.recourse->respondents == std::vector<std::string>{"préfet de la Manche"});
}

TEST_CASE("news: « l'arrêté du … par lequel le préfet … » names its author after its date", "[recourse][news]") {
  const Document d = Run(
      "L'association Orvanne conteste devant le tribunal administratif de Nantes l'arrêté du 2 juin 2023 par "
      "lequel le préfet de la Vendée a interdit la fête, et en demande l'annulation.");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->challenged_act);
  CHECK(d.recourse->challenged_act->author == "préfet de la Vendée");
  CHECK(d.recourse->challenged_act->date == "2023-06-02");
}

TEST_CASE("news: a body named right after its office, and an office of an office", "[recourse][news]") {
  Document d = Run(
      "Le club Ardoisier demande au tribunal administratif de Nancy l'annulation de la délibération du conseil "
      "régional Grand Est.");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->challenged_act);
  CHECK(d.recourse->challenged_act->type == "délibération");
  CHECK(d.recourse->challenged_act->author == "conseil régional Grand Est");
  d = Run(
      "Le club Ardoisier demande au tribunal administratif de Mende l'annulation de la décision du président du "
      "conseil départemental de la Lozère.");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->challenged_act);
  CHECK(d.recourse->challenged_act->author == "président du conseil départemental de la Lozère");
}

TEST_CASE("news: the act attacked in the title is dated where the text tells what it did", "[recourse][news]") {
  const Document d = Run(
      "Le juge des référés du tribunal administratif suspend la décision du maire de Trévouzac. "
      "Par une décision du 3 mars 2025, le maire de la commune de Trévouzac avait fermé le gymnase.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "suspension");
  CHECK(d.recourse->outcome == "granted");
  REQUIRE(d.recourse->challenged_act);
  CHECK(d.recourse->challenged_act->type == "décision");
  CHECK(d.recourse->challenged_act->author == "maire de Trévouzac");  // « de la commune » left out
  CHECK(d.recourse->challenged_act->date == "2025-03-03");
}

TEST_CASE("news: a claimant named in lower case after « saisi par »", "[recourse][news]") {
  const Document d = Run(
      "Saisi par l'association des amis du vieux moulin et deux riverains, le juge des référés du tribunal "
      "administratif de Dijon rejette la requête tendant à la suspension de l'arrêté du maire de Beaune.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "suspension");
  CHECK(d.recourse->status == "decided");
  CHECK(d.recourse->outcome == "rejected");
  CHECK(d.recourse->claimants == std::vector<std::string>{"association des amis du vieux moulin"});
  CHECK(d.recourse->respondents == std::vector<std::string>{"maire de Beaune"});
}

TEST_CASE("news: a company named by the place it runs, in quotes", "[recourse][news]") {
  const Document d = Run(
      "La société exploitant « Le Phare » a de nouveau contesté l’arrêté du préfet du Cantal, cette fois dans le "
      "cadre d'un référé-suspension. Le juge des référés du tribunal rejette son recours.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->claimants == std::vector<std::string>{"Le Phare"});
  CHECK(d.recourse->outcome == "rejected");
}

TEST_CASE("news: « l'association » alone is the last association named", "[recourse][news]") {
  const Document d = Run(
      "Le maire de Vallorcine a retiré la subvention de l'association Les Amis du Lac. L'association a saisi le "
      "juge des référés pour obtenir la suspension de cette décision.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "suspension");
  CHECK(d.recourse->claimants == std::vector<std::string>{"Les Amis du Lac"});
}

TEST_CASE("news: « n'a pas fait droit » is a rejection", "[recourse][news]") {
  const Document d = Run(
      "Le juge des référés du tribunal administratif de Melun n'a pas fait droit à la demande de suspension "
      "présentée par le syndicat Sud Rail.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->status == "decided");
  CHECK(d.recourse->outcome == "rejected");
  CHECK(d.recourse->claimants == std::vector<std::string>{"Sud Rail"});
}

TEST_CASE("news: the title's outcome beats an earlier stage told later", "[recourse][news]") {
  const Document d = Run(
      "Les deux requêtes déposées par M. Kervadec ont été rejetées par ordonnances. Dans sa décision du 4 mai 2010, "
      "le Conseil d'État a annulé l'élection.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->claimants == std::vector<std::string>{"Kervadec"});
  CHECK(d.recourse->outcome == "rejected");
}

TEST_CASE("news: a court named for an appeal is not the court of the action", "[recourse][news]") {
  Document d = Run(
      "La juge des référés du tribunal rejette le référé-suspension de la société Brixo. Cette ordonnance a été "
      "confirmée par le juge des référés du Conseil d'État.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->court.empty());
  CHECK(d.recourse->claimants == std::vector<std::string>{"Brixo"});
  d = Run("Le juge des référés du tribunal administratif de Pau a rejeté la requête. Un appel peut être formé devant "
          "le Conseil d'État.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->court == "Tribunal administratif de Pau");
}

TEST_CASE("news: « demandait au juge des référés … de suspendre » is a suspension", "[recourse][news]") {
  const Document d = Run(
      "La Ligue des droits de l'homme demandait au juge des référés du tribunal administratif de Nice de "
      "suspendre l'arrêté du maire de Nice.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->kind == "suspension");
  CHECK(d.recourse->claimants == std::vector<std::string>{"Ligue des droits de l'Homme"});
  CHECK(d.recourse->respondents == std::vector<std::string>{"maire de Nice"});
}

TEST_CASE("news: a ground that needs no legal text, and a ground of motivation", "[recourse][news]") {
  Document d = Run(
      "Le juge des référés du tribunal administratif de Melun suspend l'arrêté du maire de Brévannes : il relève "
      "un doute sérieux au regard de l'atteinte à la liberté de réunion.");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->grounds.size() == 1);
  CHECK(d.recourse->grounds[0].category == "violation_of_law");
  CHECK(d.recourse->grounds[0].refs.empty());
  d = Run(
      "Le juge des référés du tribunal administratif de Melun rejette la requête de la société Brixo : l'arrêté "
      "du préfet du Val-de-Marne est suffisamment motivé.");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->grounds.size() == 1);
  CHECK(d.recourse->grounds[0].category == "procedure");
}

TEST_CASE("news: a tribunal annulling a délibération at someone's request", "[recourse][news]") {
  const Document d = Run(
      "À la demande de M. Loïc Tanguy, le tribunal administratif de Rennes a annulé la délibération du conseil "
      "municipal de Plouzané.");
  REQUIRE(d.recourse);
  CHECK(d.recourse->claimants == std::vector<std::string>{"Loïc Tanguy"});
  REQUIRE(d.recourse->challenged_act);
  CHECK(d.recourse->challenged_act->author == "conseil municipal de Plouzané");
}

TEST_CASE("filing: the claimant of a heading « POUR : »", "[recourse][filing]") {
  const Document d = Run(
      "REQUÊTE INTRODUCTIVE D'INSTANCE\n\n"
      "POUR : L'association Vivre à Trévouzac, dont le siège est situé 3 rue des Lilas à Trévouzac, "
      "représentée par sa présidente en exercice,\n\n"
      "CONTRE : la décision implicite de rejet née du silence gardé par le Premier ministre.\n\n"
      "PLAISE AU CONSEIL D'ÉTAT d'annuler la décision implicite de rejet.\n");
  REQUIRE(d.recourse);
  CHECK(d.recourse->claimants == std::vector<std::string>{"Vivre à Trévouzac"});
  CHECK(d.recourse->status == "filed");
}

}  // namespace lexfr
