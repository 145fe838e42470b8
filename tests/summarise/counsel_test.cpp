// A decision's counsel (summarise/counsel.h), on short passages written for
// the purpose, one per construction.
#include <catch2/catch.hpp>

#include "lexfr/analyze.h"
#include "test_support.h"

namespace lexfr {
namespace {

Document Run(std::string_view text) { return AnalyzeText(text); }

std::vector<std::string> Names(const Document& d) {
  std::vector<std::string> out;
  REQUIRE(d.recourse);
  for (const Counsel& c : d.recourse->counsel) out.push_back(c.name);
  return out;
}

constexpr std::string_view kCassationHeader =
    "CIV. 3\n"
    "COUR DE CASSATION\n"
    "Audience publique du 9 avril 2025\n"
    "Rejet\n"
    "Pourvoi n° M 24-10.987\n"
    "AU NOM DU PEUPLE FRANÇAIS\n"
    "ARRÊT DE LA COUR DE CASSATION, TROISIÈME CHAMBRE CIVILE, DU 9 AVRIL 2025\n"
    "La société Florimex a formé le pourvoi n° M 24-10.987 contre l'arrêt rendu le 3 mars 2023 par la cour "
    "d'appel de Rennes, dans le litige l'opposant à M. [Z] [Q].\n";

}  // namespace

TEST_CASE("Cour de cassation: the firms of the observations, never the avocat général", "[counsel]") {
  const Document d = Run(std::string(kCassationHeader) +
                         "Sur le rapport de Mme Orvalle, conseiller, les observations écrites de la SCP Brandal, "
                         "Quivet, Marsin, avocat de la société Florimex, de la SARL Tessier et Vallon, avocat de M. "
                         "[Q], et l'avis de Mme Estorel, avocat général, après débats en l'audience publique du 5 "
                         "mars 2025.\nPAR CES MOTIFS, la Cour :\nREJETTE le pourvoi ;\n");
  CHECK(Names(d) == std::vector<std::string>{"SCP Brandal, Quivet, Marsin", "SARL Tessier et Vallon"});
  CHECK(d.recourse->counsel[0].firm == "SCP Brandal, Quivet, Marsin");
  CHECK(d.recourse->evidence.count("counsel") == 1);
}

TEST_CASE("Conseil d'État: « la parole ayant été donnée … à la SCP X, avocat … et à Me Y »", "[counsel]") {
  const Document d = Run(
      "Vu la procédure suivante :\n"
      "Par un pourvoi, enregistré le 2 août 2021 au secrétariat du contentieux du Conseil d'Etat, la commune de "
      "Quillebec demande au Conseil d'Etat d'annuler l'arrêt n° 19DA05678 du 8 avril 2021 de la cour "
      "administrative d'appel de Douai.\n"
      "Après avoir entendu en séance publique les conclusions de M. Pélard, rapporteur public ;\n"
      "La parole ayant été donnée, après les conclusions, à la SCP Dorvain, avocat de la commune de Quillebec et "
      "à Me Astruc, avocat de Mme D... ;\n"
      "Considérant ce qui suit :\n"
      "1. La commune soutient que l'arrêt est irrégulier.\n");
  REQUIRE(d.recourse);
  REQUIRE(d.recourse->counsel.size() == 2);
  CHECK(d.recourse->counsel[0].name == "SCP Dorvain");
  CHECK(d.recourse->counsel[1].name == "Astruc");
  CHECK(d.recourse->counsel[1].firm.empty());
}

TEST_CASE("tribunal de commerce: « comparante par [B] » is a pseudonymised lawyer", "[counsel]") {
  const Document d = Run(
      "TRIBUNAL DE COMMERCE DE NANTES\n"
      "ORDONNANCE DE REFERE\n"
      "Avons rendu l'ordonnance de référé dont la teneur suit en la cause d'entre :\n"
      "La société [E], prise en la personne de son représentant légal,\n"
      "Demanderesse, comparante par [K]\n"
      "Et la société [F], défenderesse, non comparante.\n"
      "PAR CES MOTIFS, ordonnons une expertise.\n");
  CHECK(Names(d) == std::vector<std::string>{"[K]"});
}

TEST_CASE("« représentée par Me X, avocat au barreau de … »", "[counsel]") {
  const Document d = Run(
      "TRIBUNAL JUDICIAIRE DE NANTES\n"
      "JUGEMENT DU 4 MARS 2025\n"
      "AU NOM DU PEUPLE FRANÇAIS\n"
      "La société Orbelis, représentée par Me Zanetti, avocat au barreau de Nantes,\n"
      "Demanderesse,\n"
      "PAR CES MOTIFS, le tribunal rejette la demande.\n");
  CHECK(Names(d) == std::vector<std::string>{"Zanetti"});
}

TEST_CASE("a party that is a SARL is not a law firm", "[counsel]") {
  const Document d = Run(std::string(kCassationHeader) +
                         "La société Florimex, SARL au capital de 5 000 euros, est défenderesse.\n"
                         "PAR CES MOTIFS, la Cour :\nREJETTE le pourvoi ;\n");
  REQUIRE(d.recourse);
  CHECK(d.recourse->counsel.empty());
}

}  // namespace lexfr
