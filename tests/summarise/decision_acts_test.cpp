// The act a decision decides on and its earlier stages
// (summarise/decision_acts.h), on short passages written for the purpose,
// one per construction.
#include <catch2/catch.hpp>

#include "lexfr/analyze.h"
#include "test_support.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

Document Run(std::string_view text) { return AnalyzeText(text); }

// Courts' canonical names are capitalised as the gazetteer writes them.
std::string Folded(const std::string& s) { return Fold(s); }

const ChallengedAct& ActOf(const Document& d) {
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->challenged_act);
  return *d.recourse->challenged_act;
}

constexpr std::string_view kCassationHeader =
    "CIV. 1\n"
    "COUR DE CASSATION\n"
    "Audience publique du 9 avril 2025\n"
    "Cassation\n"
    "Pourvoi n° M 24-10.987\n"
    "AU NOM DU PEUPLE FRANÇAIS\n"
    "ARRÊT DE LA COUR DE CASSATION, PREMIÈRE CHAMBRE CIVILE, DU 9 AVRIL 2025\n";

}  // namespace

TEST_CASE("cassation: the arrêt the pourvoi is formed against", "[decision_acts]") {
  const Document d = Run(std::string(kCassationHeader) +
                         "M. [G] [H] a formé le pourvoi n° M 24-10.987 contre l'arrêt rendu le 14 novembre 2023 "
                         "par la cour d'appel de Rennes (2e chambre), dans le litige l'opposant à la société [P].\n"
                         "PAR CES MOTIFS, la Cour :\nCASSE ET ANNULE l'arrêt ;\n");
  const ChallengedAct& act = ActOf(d);
  CHECK(act.type == "arrêt");
  CHECK(Folded(act.author) == "cour d'appel de rennes");
  CHECK(act.date == "2023-11-14");
  // the arrêt attaqué is the earlier stage, an appeal
  REQUIRE(d.recourse->related.size() == 1);
  CHECK(d.recourse->related[0].kind == "appeal");
  CHECK(Folded(d.recourse->related[0].court) == "cour d'appel de rennes");
  CHECK(d.recourse->related[0].date == "2023-11-14");
}

TEST_CASE("cassation: « l'arrêt attaqué (Ville, date) » names the court of appeal by its seat", "[decision_acts]") {
  const Document d = Run(std::string(kCassationHeader) +
                         "M. [G] [H] a formé le pourvoi n° M 24-10.987 dans le litige l'opposant à la société [P].\n"
                         "Faits et procédure\n"
                         "1. Selon l'arrêt attaqué (Douai, 12 janvier 2023), M. [H] a assigné la société [P].\n");
  const ChallengedAct& act = ActOf(d);
  CHECK(act.type == "arrêt");
  CHECK(Folded(act.author) == "cour d'appel de douai");
  CHECK(act.date == "2023-01-12");
}

TEST_CASE("cassation: a court named in full in the parenthesis keeps its full name", "[decision_acts]") {
  const Document d = Run(std::string(kCassationHeader) +
                         "M. [G] [H] a formé le pourvoi n° M 24-10.987 dans le litige l'opposant à la caisse.\n"
                         "1. Selon l'arrêt attaqué (Commission centrale d'aide sociale des gens de mer, 7 juin "
                         "2022), M. [H] a formé un recours.\n");
  const ChallengedAct& act = ActOf(d);
  CHECK(act.author == "Commission centrale d'aide sociale des gens de mer");
  CHECK(act.date == "2022-06-07");
}

TEST_CASE("Conseil d'État: « d'annuler l'arrêt n° … du … de la cour administrative d'appel »", "[decision_acts]") {
  const Document d = Run(
      "Vu la procédure suivante :\n"
      "Par un pourvoi, enregistré le 2 août 2021 au secrétariat du contentieux du Conseil d'Etat, la société Vexor "
      "demande au Conseil d'Etat :\n"
      "1°) d'annuler l'arrêt n° 19LY01234 du 3 mai 2021 de la cour administrative d'appel de Lyon ;\n"
      "Considérant ce qui suit :\n"
      "1. La société Vexor soutient que l'arrêt est irrégulier.\n");
  const ChallengedAct& act = ActOf(d);
  CHECK(act.type == "arrêt");
  CHECK(Folded(act.author) == "cour administrative d'appel de lyon");
  CHECK(act.date == "2021-05-03");
  CHECK(act.reference == "CAA:19LY01234");
}

constexpr std::string_view kHistory =
    "Vu la procédure suivante :\n"
    "Mme C... D... a demandé au tribunal administratif de Rouen d'annuler pour excès de pouvoir la décision du 4 "
    "février 2018 par laquelle le maire de Quillebec a refusé sa titularisation. Par un jugement n° 1801234 du 9 "
    "juillet 2019, le tribunal administratif de Rouen a rejeté sa demande.\n"
    "Par un arrêt n° 19DA05678 du 8 avril 2021, la cour administrative d'appel de Douai a, sur appel de Mme D..., "
    "annulé ce jugement et cette décision.\n"
    "Par un pourvoi, enregistré le 7 juin 2021 au secrétariat du contentieux du Conseil d'Etat, la commune de "
    "Quillebec demande au Conseil d'Etat :\n"
    "1°) d'annuler cet arrêt ;\n"
    "Considérant ce qui suit :\n"
    "1. Il ressort des pièces du dossier que la commune a refusé la titularisation.\n";

TEST_CASE("Conseil d'État: « d'annuler cet arrêt » is the arrêt its history named", "[decision_acts]") {
  const Document d = Run(kHistory);
  const ChallengedAct& act = ActOf(d);
  CHECK(act.type == "arrêt");
  CHECK(Folded(act.author) == "cour administrative d'appel de douai");
  CHECK(act.date == "2021-04-08");
  CHECK(act.reference == "CAA:19DA05678");
}

TEST_CASE("Conseil d'État: the history's stages go in related, earliest first", "[decision_acts]") {
  const Document d = Run(kHistory);
  REQUIRE(d.recourse);
  const std::vector<Recourse>& related = d.recourse->related;
  REQUIRE(related.size() == 2);
  CHECK(Folded(related[0].court) == "tribunal administratif de rouen");
  CHECK(related[0].kind == "annulment");  // the first demand's kind
  CHECK(related[0].outcome == "rejected");
  CHECK(related[0].date == "2019-07-09");
  CHECK(related[0].reference == "TA:1801234");
  CHECK(related[0].status == "decided");
  CHECK(Folded(related[1].court) == "cour administrative d'appel de douai");
  CHECK(related[1].kind == "appeal");
  CHECK(related[1].outcome == "granted");
  CHECK(related[1].reference == "CAA:19DA05678");
  REQUIRE(related[1].challenged_act);  // the appeal was against the jugement
  CHECK(related[1].challenged_act->type == "jugement");
  CHECK(related[1].challenged_act->reference == "TA:1801234");
}

TEST_CASE("référé appeal: the ordonnance of the juge des référés of a tribunal", "[decision_acts]") {
  const Document d = Run(
      "Vu la procédure suivante :\n"
      "M. E... F... a demandé au juge des référés du tribunal administratif de Nice, sur le fondement de l'article "
      "L. 521-2 du code de justice administrative, d'enjoindre au préfet de lui délivrer un récépissé. Par une "
      "ordonnance n° 2204567 du 2 septembre 2022, le juge des référés du tribunal administratif de Nice a rejeté "
      "sa demande.\n"
      "Par une requête, enregistrée le 9 septembre 2022 au secrétariat du contentieux du Conseil d'Etat, M. F... "
      "demande au juge des référés du Conseil d'Etat, statuant sur le fondement de l'article L. 521-2 du code de "
      "justice administrative :\n"
      "1°) d'annuler cette ordonnance ;\n"
      "Considérant ce qui suit :\n"
      "1. M. F... soutient que la condition d'urgence est remplie.\n");
  const ChallengedAct& act = ActOf(d);
  CHECK(act.type == "ordonnance");
  CHECK(Folded(act.author) == "tribunal administratif de nice");
  CHECK(act.date == "2022-09-02");
  CHECK(act.reference == "TA:2204567");
  REQUIRE(d.recourse->related.size() == 1);
  CHECK(d.recourse->related[0].kind == "liberty_injunction");
  CHECK(d.recourse->related[0].outcome == "rejected");
}

TEST_CASE("a décret challenged before the Conseil d'État: its LEGAL_REF key", "[decision_acts]") {
  const Document d = Run(
      "Vu la procédure suivante :\n"
      "Par une requête, enregistrée le 3 mars 2022 au secrétariat du contentieux du Conseil d'Etat, l'association "
      "Vélorution Zeta demande au Conseil d'Etat :\n"
      "1°) d'annuler pour excès de pouvoir le décret n° 2021-4321 du 12 décembre 2021 relatif aux trottinettes ;\n"
      "Considérant ce qui suit :\n"
      "1. L'association soutient que le décret est illégal.\n");
  const ChallengedAct& act = ActOf(d);
  CHECK(act.type == "décret");
  CHECK(act.reference == "DECRET:2021-4321");
  CHECK(act.date == "2021-12-12");
}

TEST_CASE("an implicit refusal to repeal: its type and the minister who kept silent", "[decision_acts]") {
  const Document d = Run(
      "Vu la procédure suivante :\n"
      "Par une requête, enregistrée le 3 mars 2022 au secrétariat du contentieux du Conseil d'Etat, le syndicat "
      "Zelphir demande au Conseil d'Etat :\n"
      "1°) d'annuler pour excès de pouvoir la décision implicite du ministre de la culture rejetant sa demande "
      "tendant à l'abrogation de l'arrêté du 5 mai 2015 fixant les tarifs ;\n"
      "Considérant ce qui suit :\n"
      "1. Le syndicat soutient que l'arrêté est illégal.\n");
  const ChallengedAct& act = ActOf(d);
  CHECK(act.type == "décision implicite de refus d'abrogation");
  CHECK(act.author == "ministre de la culture");
  CHECK(act.date.empty());  // 5 mai 2015 is the arrêté's date
}

TEST_CASE("a QPC decides on legislative provisions, not on the act of the case", "[decision_acts]") {
  const Document d = Run(
      "Vu la procédure suivante :\n"
      "Mme G... H..., à l'appui de sa requête tendant à l'annulation de la décision du maire de Brevillon, a "
      "produit un mémoire par lequel elle soulève une question prioritaire de constitutionnalité.\n"
      "Par une ordonnance n° 2207654 du 4 octobre 2022, le tribunal administratif de Caen a décidé de transmettre "
      "au Conseil d'Etat la question de la conformité à la Constitution des articles L. 123-4 du code de "
      "l'urbanisme.\n"
      "Considérant ce qui suit :\n"
      "1. La question n'est pas nouvelle.\n");
  CHECK(ActOf(d).type == "dispositions législatives");
}

TEST_CASE("a Conseil constitutionnel DC decision reviews a law", "[decision_acts]") {
  const Document d = Run(
      "Décision n° 2024-999 DC du 3 juin 2024\n"
      "Le Conseil constitutionnel a été saisi, le 10 mai 2024, par le Premier ministre, de la loi relative à la "
      "protection des zèbres.\n"
      "LE CONSEIL CONSTITUTIONNEL,\n"
      "Vu la Constitution ;\n"
      "Considérant ce qui suit :\n"
      "1. La loi est conforme.\n");
  const ChallengedAct& act = ActOf(d);
  CHECK(act.type == "loi");
  CHECK(act.author.empty());
}

TEST_CASE("a date after « publié » is not the act's own", "[decision_acts]") {
  const Document d = Run(
      "Vu la procédure suivante :\n"
      "Par une requête, enregistrée le 3 mars 2022 au secrétariat du contentieux du Conseil d'Etat, l'association "
      "Quorvex demande au Conseil d'Etat :\n"
      "1°) d'annuler la décision autorisant le fichier Zeta, révélée par un article publié le 5 février 2022 ;\n"
      "Considérant ce qui suit :\n"
      "1. L'association soutient que le fichier est illégal.\n");
  const ChallengedAct& act = ActOf(d);
  CHECK(act.type == "décision");
  CHECK(act.date.empty());
}

TEST_CASE("a decision that names no act it decides on has none, whatever it cites", "[decision_acts]") {
  const Document d = Run(std::string(kCassationHeader) +
                         "M. [G] [H] a formé le pourvoi n° M 24-10.987 dans le litige l'opposant à la société [P].\n"
                         "1. Vu le décret n° 2019-1111 du 3 mai 2019, la demande est recevable.\n"
                         "PAR CES MOTIFS, la Cour :\nREJETTE le pourvoi ;\n");
  REQUIRE(d.recourse);
  CHECK_FALSE(d.recourse->challenged_act);
}

TEST_CASE("a challenge cue repeated without an act stays linear and finds nothing", "[decision_acts]") {
  std::string text = "Vu la procédure suivante :\nLa société Vexor demande au Conseil d'Etat";
  for (int i = 0; i < 3000; ++i) text += " contre cet";
  text += ".\n";
  const Document d = Run(text);
  if (d.recourse) CHECK_FALSE(d.recourse->challenged_act);
}

}  // namespace lexfr
