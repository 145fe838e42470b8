// A decision's parties (src/summarise/decision_parties.cpp): invented
// passages, one per court's layout.
#include <catch2/catch.hpp>

#include "lexfr/analyze.h"
#include "test_support.h"

namespace lexfr {
namespace {

using Names = std::vector<std::string>;

Recourse RecourseOf(std::string_view text) {
  const Document doc = AnalyzeText(text);
  REQUIRE(doc.recourse.has_value());
  return *doc.recourse;
}

constexpr std::string_view kCassationHeader =
    "CIV. 3\n"
    "COUR DE CASSATION\n"
    "Audience publique du 4 février 2021\n"
    "Rejet\n"
    "Arrêt n° 123 F-D\n"
    "Pourvoi n° Z 20-11.111\n"
    "R É P U B L I Q U E F R A N Ç A I S E\n"
    "AU NOM DU PEUPLE FRANÇAIS\n"
    "ARRÊT DE LA COUR DE CASSATION, TROISIÈME CHAMBRE CIVILE, DU 4 FÉVRIER 2021\n";

constexpr std::string_view kCassationEnd =
    "Les demandeurs invoquent, à l'appui de leur pourvoi, un moyen de cassation.\n"
    "Faits et procédure\n"
    "1. Selon l'arrêt attaqué, les parties ont conclu un bail.\n"
    "PAR CES MOTIFS, la Cour :\n"
    "REJETTE le pourvoi ;\n";

}  // namespace

TEST_CASE("Cour de cassation: numbered claimants and respondents", "[parties]") {
  const std::string text = std::string(kCassationHeader) +
                           "1°/ M. [Y] [D], domicilié [Adresse 1],\n"
                           "2°/ la société Tulipe Verte, société civile immobilière, dont le siège est [Adresse 2],\n"
                           "ont formé le pourvoi n° Z 20-11.111 contre l'arrêt rendu le 2 mai 2019 par la cour d'appel "
                           "de Lyon, dans le litige les opposant :\n"
                           "1°/ à la société [9], société anonyme, dont le siège est [Adresse 3],\n"
                           "2°/ à Mme [C] [B], domiciliée [Adresse 4],\n"
                           "défenderesses à la cassation.\n" +
                           std::string(kCassationEnd);
  const Recourse r = RecourseOf(text);
  CHECK(r.claimants == Names{"[Y] [D]", "Tulipe Verte"});
  CHECK(r.respondents == Names{"société [9]", "[C] [B]"});
  CHECK_FALSE(r.evidence.at("claimants").empty());
  CHECK_FALSE(r.evidence.at("respondents").empty());
}

TEST_CASE("Cour de cassation: « a privé sa décision de base légale » is the ground", "[parties][grounds]") {
  const std::string text = std::string(kCassationHeader) +
                           "M. [Y] [D], domicilié [Adresse 1], a formé le pourvoi n° Z 20-11.111 contre l'arrêt rendu "
                           "le 2 mai 2019 par la cour d'appel de Lyon, dans le litige l'opposant à la société [9], "
                           "défenderesse à la cassation.\n"
                           "Les demandeurs invoquent, à l'appui de leur pourvoi, un moyen de cassation.\n"
                           "Faits et procédure\n"
                           "1. Selon l'arrêt attaqué, les parties ont conclu un bail.\n"
                           "2. En se déterminant ainsi, la cour d'appel a privé sa décision de base légale au regard "
                           "de l'article 1984 du code civil.\n"
                           "PAR CES MOTIFS, la Cour :\n"
                           "CASSE ET ANNULE l'arrêt ;\n";
  const Recourse r = RecourseOf(text);
  std::vector<std::string> categories;
  for (const Ground& g : r.grounds) categories.push_back(g.category);
  CHECK(std::find(categories.begin(), categories.end(), "lack_of_legal_basis") != categories.end());
}

TEST_CASE("Cour de cassation: one claimant against an office", "[parties]") {
  const std::string text = std::string(kCassationHeader) +
                           "M. [Y] [D], domicilié [Adresse 1], agissant en son nom personnel, a formé le pourvoi n° Z "
                           "20-11.111 contre l'arrêt rendu le 2 mai 2019 par la cour d'appel de Lyon, dans le litige "
                           "l'opposant au procureur général près la cour d'appel de Lyon, domicilié en son parquet "
                           "général, [Adresse 2], défendeur à la cassation.\n" +
                           std::string(kCassationEnd);
  const Recourse r = RecourseOf(text);
  CHECK(r.claimants == Names{"[Y] [D]"});
  CHECK(r.respondents == Names{"procureur général près la cour d'appel de Lyon"});
}

TEST_CASE("Cour de cassation, criminal chamber: the one who forms the pourvoi", "[parties]") {
  const std::string text = std::string(kCassationHeader) +
                           "M. [Y] [D] a formé un pourvoi contre l'arrêt de la chambre de l'instruction de la cour "
                           "d'appel de Lyon, en date du 2 mai 2019, qui a prononcé sur une demande d'annulation.\n" +
                           std::string(kCassationEnd);
  const Recourse r = RecourseOf(text);
  CHECK(r.claimants == Names{"[Y] [D]"});
}

TEST_CASE("Conseil d'État: a list of claimants and the defence", "[parties]") {
  const Recourse r = RecourseOf(
      "Vu la procédure suivante :\n"
      "Par une requête et un mémoire, enregistrés les 3 et 9 mars 2022 au secrétariat du contentieux du Conseil "
      "d'Etat, l'association Vélos Libres, la société Rouages et M. P Q demandent au juge des référés du Conseil "
      "d'Etat :\n"
      "1°) de suspendre l'exécution de l'arrêté du 1er mars 2022 ;\n"
      "Par un mémoire en défense, enregistré le 12 mars 2022, le ministre de l'agriculture et de la souveraineté "
      "alimentaire conclut au rejet de la requête.\n"
      "Considérant ce qui suit :\n"
      "1. La requête est rejetée.\n"
      "O R D O N N E :\n"
      "Article 1er : La requête de l'association Vélos Libres et autres est rejetée.\n");
  CHECK(r.claimants == Names{"Vélos Libres", "Rouages", "P Q"});
  CHECK(r.respondents == Names{"ministre de l'agriculture et de la souveraineté alimentaire"});
}

TEST_CASE("Conseil d'État: no defence, the parties notified other than the claimant", "[parties]") {
  const Recourse r = RecourseOf(
      "Vu la procédure suivante :\n"
      "Par une requête, enregistrée le 25 juin 2019 au secrétariat du contentieux du Conseil d'Etat, l'association "
      "Vélos Libres demande au Conseil d'Etat d'annuler la décision autorisant le traitement.\n"
      "Considérant ce qui suit :\n"
      "1. La requête est rejetée.\n"
      "D E C I D E :\n"
      "Article 1er : La requête de l'association Vélos Libres est rejetée.\n"
      "Article 2 : La présente décision sera notifiée à l'association Vélos Libres, à la ministre des armées et au "
      "ministre de l'intérieur.\n"
      "Copie en sera adressée au Premier ministre.\n");
  CHECK(r.claimants == Names{"Vélos Libres"});
  CHECK(r.respondents == Names{"ministre des armées", "ministre de l'intérieur"});
}

TEST_CASE("Conseil d'État: a defence named, the notice adds no respondent", "[parties]") {
  const Recourse r = RecourseOf(
      "Vu la procédure suivante :\n"
      "Par une requête, enregistrée le 3 mars 2022 au secrétariat du contentieux du Conseil d'Etat, la société "
      "Rouages demande au Conseil d'Etat d'annuler l'arrêté du 1er mars 2022.\n"
      "Par un mémoire en défense, enregistré le 12 mars 2022, le ministre de l'agriculture conclut au rejet de la "
      "requête.\n"
      "Considérant ce qui suit :\n"
      "1. La requête est rejetée.\n"
      "D E C I D E :\n"
      "Article 1er : La requête de la société Rouages est rejetée.\n"
      "Article 2 : La présente décision sera notifiée à la société Rouages, au ministre de l'agriculture et à la "
      "commune de Trévouzac.\n");
  CHECK(r.respondents == Names{"ministre de l'agriculture"});
}

TEST_CASE("tribunal administratif: counsel inside the claimant's clause, an administration sent the requête", "[parties]") {
  const Recourse r = RecourseOf(
      "Vu la procédure suivante :\n"
      "Par une requête, enregistrée le 5 avril 2023, M. [K] [S], représenté par Me Lunel, demande au juge des "
      "référés de suspendre l'exécution de l'arrêté du 1er avril 2023 du préfet de la Sarthe.\n"
      "Par un mémoire en défense, enregistré le 9 avril 2023, le préfet de la Sarthe conclut au rejet de la "
      "requête.\n"
      "La requête a été communiquée au ministre de l'intérieur et des outre-mer, qui n'a pas produit "
      "d'observations.\n"
      "Considérant ce qui suit :\n"
      "1. La requête est rejetée.\n"
      "O R D O N N E :\n"
      "Article 1er : La requête de M. [S] est rejetée.\n");
  CHECK(r.claimants == Names{"[K] [S]"});
  CHECK(r.respondents == Names{"préfet de la Sarthe", "ministre de l'intérieur et des outre-mer"});
}

TEST_CASE("Conseil d'État: a minister's pourvoi against the appellant of the arrêt", "[parties]") {
  const Recourse r = RecourseOf(
      "Vu la procédure suivante :\n"
      "La société Orme a demandé au tribunal administratif de Nantes de prononcer la décharge d'une imposition. Par "
      "un arrêt du 4 juin 2019, la cour administrative d'appel de Nantes a, sur appel de la société Orme, annulé ce "
      "jugement.\n"
      "Par un pourvoi, enregistré le 2 juin 2020 au secrétariat du contentieux du Conseil d'Etat, le ministre de "
      "l'économie et des finances demande au Conseil d'Etat d'annuler cet arrêt.\n"
      "Considérant ce qui suit :\n"
      "1. L'arrêt est annulé.\n"
      "D E C I D E :\n"
      "Article 1er : L'arrêt est annulé.\n");
  CHECK(r.claimants == Names{"ministre de l'économie et des finances"});
  CHECK(r.respondents == Names{"Orme"});
}

TEST_CASE("tribunal de commerce: roles under their parties", "[parties]") {
  const Recourse r = RecourseOf(
      "TRIBUNAL DE COMMERCE DE TOURS\n"
      "ORDONNANCE DE REFERE\n"
      "Avons rendu l'ordonnance de référé dont la teneur suit en la cause d'entre :\n"
      "La société [E], société par actions simplifiée, prise en la personne de\n"
      "son représentant légal,\n"
      "Demanderesse, comparante par Me [F]\n"
      "Et\n"
      "La société Rameau, société anonyme,\n"
      "Défenderesse, non comparante.\n"
      "PAR CES MOTIFS\n"
      "Ordonnons une expertise.\n");
  CHECK(r.claimants == Names{"société [E]"});
  CHECK(r.respondents == Names{"Rameau"});
}

TEST_CASE("judicial first instance: role headings over their parties", "[parties]") {
  const Recourse r = RecourseOf(
      "TRIBUNAL JUDICIAIRE DE BLOIS\n"
      "JUGEMENT DU 3 MARS 2023\n"
      "DEMANDEUR :\n"
      "M. [L] [O], demeurant [Adresse 1]\n"
      "DÉFENDERESSE :\n"
      "la société Pivoine, dont le siège est [Adresse 2]\n"
      "PAR CES MOTIFS\n"
      "Le tribunal rejette la demande.\n");
  CHECK(r.claimants == Names{"[L] [O]"});
  CHECK(r.respondents == Names{"Pivoine"});
}

TEST_CASE("cour d'appel: headings over their parties, several under one, counsel between", "[parties]") {
  const Recourse r = RecourseOf(
      "COUR D'APPEL DE RENNES\n"
      "AU NOM DU PEUPLE FRANÇAIS\n"
      "ARRÊT DU 3 MAI 2022\n"
      "APPELANTE :\n"
      "La société Brindille, société par actions simplifiée, dont le siège est [Adresse 1]\n"
      "Représentée par Me Kervella, avocat au barreau de Rennes\n"
      "INTIMÉS :\n"
      "M. [G] [H], demeurant [Adresse 2]\n"
      "Mme [P] [H], demeurant [Adresse 2]\n"
      "Représentés par Me Lozac'h, avocat au barreau de Rennes\n"
      "EXPOSÉ DU LITIGE\n"
      "Les époux ont vendu un terrain.\n"
      "PAR CES MOTIFS\n"
      "La cour confirme le jugement.\n");
  CHECK(r.claimants == Names{"Brindille"});
  CHECK(r.respondents == Names{"[G] [H]", "[P] [H]"});
}

TEST_CASE("older administrative layout: the requête presented for its author", "[parties]") {
  const Recourse r = RecourseOf(
      "Vu la procédure suivante :\n"
      "Vu la requête, enregistrée le 3 mars 1999 au secrétariat du contentieux du Conseil d'Etat, présentée pour "
      "M. Hubert Lemoine, demeurant 3 rue des Lilas à Dijon, et tendant à l'annulation du décret du 2 février "
      "1999 ;\n"
      "Considérant ce qui suit :\n"
      "1. La requête est rejetée.\n"
      "D E C I D E :\n"
      "Article 1er : La requête de M. Lemoine est rejetée.\n");
  CHECK(r.claimants == Names{"Hubert Lemoine"});
}

TEST_CASE("Conseil constitutionnel, QPC: the party the question was posed for", "[parties]") {
  const Recourse r = RecourseOf(
      "Décision n° 2021-999 QPC du 2 juillet 2021\n"
      "Le Conseil constitutionnel a été saisi le 3 mai 2021 par le Conseil d'État (décision n° 451234 du 30 avril "
      "2021), dans les conditions prévues à l'article 61-1 de la Constitution, d'une question prioritaire de "
      "constitutionnalité. Cette question a été posée pour l'association Pré Vert par Me Dufour, avocat au barreau "
      "de Lyon. Elle est relative à la conformité aux droits et libertés que la Constitution garantit de l'article "
      "L. 123-4 du code de l'environnement.\n"
      "Au vu des textes suivants :\n"
      "LE CONSEIL CONSTITUTIONNEL DÉCIDE :\n"
      "Article 1er. - L'article L. 123-4 du code de l'environnement est conforme à la Constitution.\n");
  CHECK(r.claimants == Names{"Pré Vert"});
}

TEST_CASE("Conseil constitutionnel: the persons who refer the law", "[parties]") {
  const Recourse r = RecourseOf(
      "Décision n° 2020-999 DC du 2 avril 2020\n"
      "Le Conseil constitutionnel a été saisi, le 2 mars 2020, par le Premier ministre,\n"
      "Et, le même jour, par M. Paul DURAND, Mme Anne MARTIN, MM. Louis PETIT, Marc ROUX, députés.\n"
      "LE CONSEIL CONSTITUTIONNEL,\n"
      "Vu la Constitution ;\n"
      "Au vu des pièces suivantes :\n"
      "LE CONSEIL CONSTITUTIONNEL DÉCIDE :\n"
      "Article 1er. - La loi est conforme à la Constitution.\n");
  CHECK(r.claimants == Names{"Paul Durand", "Anne Martin", "Louis Petit", "Marc Roux"});
}

}  // namespace lexfr
