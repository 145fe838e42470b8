// Genre, a decision's identity, its zones and the recourse it decides, on
// short passages written for the purpose, one per layout.
#include <catch2/catch.hpp>

#include "lexfr/analyze.h"
#include "test_support.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

Document Run(std::string_view text) { return AnalyzeText(text); }

std::vector<std::string> ZoneNames(const Document& d) {
  std::vector<std::string> names;
  for (const Zone& z : d.structure.zones) names.push_back(z.name);
  return names;
}

// Zones cover the text from its first code point to its last, without a gap.
void CheckContiguous(const Document& d) {
  const std::vector<Zone>& zones = d.structure.zones;
  REQUIRE_FALSE(zones.empty());
  CHECK(zones.front().start == 0);
  CHECK(zones.back().end == CountCodePoints(d.decoded.text));
  for (size_t i = 1; i < zones.size(); ++i) CHECK(zones[i].start == zones[i - 1].end);
}

constexpr std::string_view kCassation =
    "CIV. 2\n"
    "COUR DE CASSATION\n"
    "Audience publique du 4 mars 2025\n"
    "Rejet\n"
    "Arrêt n° 312 F-B\n"
    "Pourvoi n° Z 24-12.345\n"
    "R É P U B L I Q U E F R A N Ç A I S E\n"
    "AU NOM DU PEUPLE FRANÇAIS\n"
    "ARRÊT DE LA COUR DE CASSATION, DEUXIÈME CHAMBRE CIVILE, DU 4 MARS 2025\n"
    "La société [T], dont le siège est [Adresse 1], a formé le pourvoi n° Z 24-12.345 contre l'arrêt rendu le "
    "2 février 2024 par la cour d'appel de Lyon, dans le litige l'opposant à M. [D] [W].\n"
    "Faits et procédure\n"
    "1. Selon l'arrêt attaqué, la société a assigné son bailleur.\n"
    "Examen du moyen\n"
    "2. La société fait grief à l'arrêt de rejeter sa demande.\n"
    "Réponse de la Cour\n"
    "3. La cour d'appel a exactement retenu que la demande était prescrite.\n"
    "PAR CES MOTIFS, la Cour :\n"
    "REJETTE le pourvoi ;\n";

TEST_CASE("a Cour de cassation judgment: identity from its header, never the lower court", "[structure]") {
  const Document d = Run(kCassation);
  CHECK(d.structure.genre == Genre::kDecision);
  REQUIRE(d.structure.decision);
  const DecisionIdentity& id = *d.structure.decision;
  CHECK(id.court == "Cour de cassation");
  CHECK(id.date == "2025-03-04");
  CHECK(id.numbers == std::vector<std::string>{"CASS:24-12.345"});
  CHECK(id.formation == "DEUXIÈME CHAMBRE CIVILE");
  CHECK(id.publication == "F-B");
  CHECK(id.type == "arrêt");
  CHECK(ZoneNames(d) == std::vector<std::string>{"introduction", "expose", "moyens", "motivations", "dispositif"});
  CheckContiguous(d);
  REQUIRE(d.recourse);
  CHECK(d.recourse->court == "Cour de cassation");
  CHECK(d.recourse->kind == "cassation");
  CHECK(d.recourse->outcome == "rejected");
  CHECK(d.recourse->status == "decided");
}

constexpr std::string_view kConseilDEtat =
    "Vu la procédure suivante :\n"
    "M. B... A... a demandé au tribunal administratif de Lille d'annuler pour excès de pouvoir l'arrêté du préfet "
    "du Nord du 3 mars 2020. Par un jugement n° 2001234 du 5 mai 2021, le tribunal administratif a rejeté sa "
    "demande.\n"
    "Par un pourvoi sommaire, enregistré le 6 juillet 2021 au secrétariat du contentieux du Conseil d'Etat, M. A... "
    "demande au Conseil d'Etat :\n"
    "1°) d'annuler ce jugement ;\n"
    "Vu les autres pièces du dossier ;\n"
    "Considérant ce qui suit :\n"
    "1. Il ressort des pièces du dossier que le préfet a commis une erreur.\n"
    "D E C I D E :\n"
    "--------------\n"
    "Article 1er : Le jugement du tribunal administratif de Lille du 5 mai 2021 est annulé.\n"
    "Article 2 : La présente décision sera notifiée à M. B... A....\n"
    "Rendu le 12 décembre 2022.\n"
    "La secrétaire :\n"
    "Signé : Mme C D461234- 3 -\n";

TEST_CASE("a Conseil d'État decision without a header: its registry, its footer, its dispositif", "[structure]") {
  const Document d = Run(kConseilDEtat);
  CHECK(d.structure.genre == Genre::kDecision);
  REQUIRE(d.structure.decision);
  const DecisionIdentity& id = *d.structure.decision;
  CHECK(id.court == "Conseil d'État");  // not the tribunal its history names first
  CHECK(id.date == "2022-12-12");
  CHECK(id.numbers == std::vector<std::string>{"CE:461234"});
  CHECK(ZoneNames(d) == std::vector<std::string>{"expose", "motivations", "dispositif"});
  CheckContiguous(d);
  REQUIRE(d.recourse);
  CHECK(d.recourse->court == "Conseil d'État");
  CHECK(d.recourse->kind == "cassation");  // the filing's, not the first instance's annulment
  CHECK(d.recourse->outcome == "granted");
}

TEST_CASE("a dispositif's outcome: the first holding, unless a partial cassation or a non-lieu", "[structure]") {
  auto outcome = [](std::string_view dispositif) {
    const std::string text = std::string(kCassation.substr(0, kCassation.find("PAR CES MOTIFS"))) +
                             "PAR CES MOTIFS, la Cour :\n" + std::string(dispositif);
    const Document d = Run(text);
    REQUIRE(d.recourse);
    return d.recourse->outcome;
  };
  CHECK(outcome("REJETTE le pourvoi ;\n") == "rejected");
  CHECK(outcome("CASSE ET ANNULE, en toutes ses dispositions, l'arrêt rendu le 2 février 2024 ;\n") == "granted");
  CHECK(outcome("CASSE ET ANNULE, mais seulement en ce qu'il rejette la demande, l'arrêt ;\n") == "partly_granted");
  CHECK(outcome("DIT n'y avoir lieu de statuer ; il n'y a pas lieu de statuer sur le pourvoi ;\n") == "dismissed");
}

TEST_CASE("a CNIL sanction: a regulator's decision, its number and date on its first line", "[structure]") {
  const Document d = Run(
      "Délibération de la formation restreinte n° SAN-2024-001 du 5 février 2024 concernant la société EXEMPLE\n"
      "La Commission nationale de l'informatique et des libertés, réunie en sa formation restreinte composée de "
      "M. Jean Dupont, président ;\n"
      "Vu le règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016 ;\n"
      "Après en avoir délibéré, adopte la décision suivante :\n"
      "Par ces motifs\n"
      "La formation restreinte de la CNIL, après en avoir délibéré, décide de prononcer à l'encontre de la société "
      "une amende administrative de 100 000 euros.\n");
  CHECK(d.structure.genre == Genre::kRegulatorDecision);
  REQUIRE(d.structure.decision);
  CHECK(d.structure.decision->court == "CNIL");
  CHECK(d.structure.decision->date == "2024-02-05");
  CHECK(d.structure.decision->numbers == std::vector<std::string>{"DELIB:CNIL:SAN-2024-001"});
  CHECK(d.structure.decision->type == "délibération");
  CHECK(d.structure.decision->formation == "formation restreinte");
}

TEST_CASE("a Conseil constitutionnel decision", "[structure]") {
  const Document d = Run(
      "Décision n° 2023-850 DC du 12 mai 2023\n"
      "(Loi relative à un exemple)\n"
      "Le Conseil constitutionnel a été saisi, le 15 avril 2023, par plus de soixante députés.\n"
      "1. Considérant que les requérants contestent la procédure d'adoption de la loi ;\n"
      "LE CONSEIL CONSTITUTIONNEL DÉCIDE :\n"
      "Article 1er. - La loi est conforme à la Constitution.\n");
  CHECK(d.structure.genre == Genre::kDecision);
  REQUIRE(d.structure.decision);
  CHECK(d.structure.decision->court == "Conseil constitutionnel");
  CHECK(d.structure.decision->date == "2023-05-12");
  CHECK(d.structure.decision->numbers == std::vector<std::string>{"CC_DEC:2023-850"});
  CHECK(ZoneNames(d) == std::vector<std::string>{"introduction", "expose", "motivations", "dispositif"});
}

TEST_CASE("a tribunal de commerce order: its register number takes the court's prefix", "[structure]") {
  const Document d = Run(
      "NUMERO D'INSCRIPTION AU REPERTOIRE GENERAL: 2025 001234\n"
      "TRIBUNAL DE COMMERCE DE NANTES\n"
      "ORDONNANCE DE REFERE\n"
      "RENDUE LE 14/01/2025\n"
      "Au Tribunal de Commerce de Nantes, en notre cabinet,\n"
      "Avons rendu l'ordonnance de référé dont la teneur suit en la cause d'entre la société [A] et la société [B].\n"
      "PAR CES MOTIFS\n"
      "Désignons en qualité d'expert M. [E].\n");
  CHECK(d.structure.genre == Genre::kDecision);
  REQUIRE(d.structure.decision);
  CHECK(d.structure.decision->date == "2025-01-14");
  CHECK(d.structure.decision->numbers == std::vector<std::string>{"TCOM:2025001234"});
  REQUIRE(d.recourse);
  CHECK(d.recourse->outcome == "granted");
}

TEST_CASE("genres that are not decisions have no identity and no zones", "[structure]") {
  const Document news = Run(
      "Les Français protègent peu leurs données personnelles, montre un sondage publié mardi. Le Conseil d'État "
      "avait pourtant rappelé l'an dernier les obligations des plateformes.");
  CHECK(news.structure.genre == Genre::kNews);
  CHECK_FALSE(news.structure.decision);
  CHECK(news.structure.zones.empty());

  const Document court_news = Run(
      "Le juge des référés du tribunal administratif de Nantes suspend l'arrêté du maire interdisant les "
      "rassemblements.\nPar un arrêté du 2 mai 2024, le maire a interdit tout rassemblement sur la place.");
  CHECK(court_news.structure.genre == Genre::kPressRelease);

  const Document dated_item = Run("La CNIL publie son rapport annuel\n\n14 mars 2024\n\nLa CNIL présente son bilan.");
  CHECK(dated_item.structure.genre == Genre::kPressRelease);
}

TEST_CASE("a ruling in the passive voice with no court named: the court's own news item", "[structure]") {
  const Document own = Run(
      "Les trois requêtes déposées par M. Kervadec ont été rejetées par ordonnances ce lundi.\n"
      "La requête ne pouvait qu'être rejetée.");
  CHECK(own.structure.genre == Genre::kPressRelease);
  // a press article names the court that ruled
  const Document article = Run(
      "Les trois requêtes déposées par M. Kervadec ont été rejetées par ordonnances du tribunal administratif de "
      "Pau ce lundi.\nSon avocat envisage un appel.");
  CHECK(article.structure.genre == Genre::kNews);
}

}  // namespace
}  // namespace lexfr

namespace lexfr {
namespace {

std::vector<std::string> JudgeLines(const Document& d) {
  std::vector<std::string> out;
  if (!d.structure.decision) return out;
  for (const Judge& j : d.structure.decision->judges) out.push_back(j.name + " | " + j.role);
  return out;
}

TEST_CASE("a decision's judges: a name, a comma, a role that ends there", "[structure][judges]") {
  SECTION("the Cour de cassation's bench, each judge once with the most specific role") {
    const std::string text = std::string(kCassation) +
                             "Sur le rapport de Mme Lemarchal, conseiller, les observations de la SCP Dorval, avocat de "
                             "la société [T], après débats en l'audience publique du 4 février 2025 où étaient présents "
                             "Mme Girardeau, présidente, Mme Lemarchal, conseiller rapporteur, M. Pascal Ombredane, "
                             "conseiller doyen, et Mme Tessier, greffier de chambre.\n";
    // in order of first mention: the rapporteur is named before the bench
    CHECK(JudgeLines(Run(text)) == std::vector<std::string>{"Lemarchal | conseiller rapporteur",
                                                             "Girardeau | présidente",
                                                             "Pascal Ombredane | conseiller doyen",
                                                             "Tessier | greffier de chambre"});
  }
  SECTION("the Conseil d'État's rapporteur and rapporteur public") {
    const std::string text = std::string(kConseilDEtat) +
                             "Après avoir entendu en séance publique :\n"
                             "- le rapport de M. Hugo Verlaine, maître des requêtes,\n"
                             "- les conclusions de Mme Aude Ferrand, rapporteure publique ;\n";
    CHECK(JudgeLines(Run(text)) ==
          std::vector<std::string>{"Hugo Verlaine | maître des requêtes", "Aude Ferrand | rapporteure publique"});
  }
  SECTION("an office with its complement is no seat on the bench, a party's officer neither") {
    const std::string text = std::string(kCassation) +
                             "M. Paul Rivière, président du conseil départemental, a été entendu.\n";
    CHECK(JudgeLines(Run(text)).empty());
  }
}

}  // namespace
}  // namespace lexfr
