#include <catch2/catch.hpp>

#include "lexfr/analyze.h"
#include "test_support.h"

namespace lexfr {
namespace {

std::vector<Entity> EntitiesOf(std::string_view text) {
  Document doc;
  REQUIRE(Analyze(std::string(text), "t", SharedResources(), {}, &doc).ok());
  return doc.entities;
}

const Entity* Find(const std::vector<Entity>& es, EntityType type, std::string_view canonical) {
  for (const Entity& e : es) {
    if (e.type == type && e.canonical == canonical) return &e;
  }
  return nullptr;
}

size_t CountOfType(const std::vector<Entity>& es, EntityType type) {
  return std::count_if(es.begin(), es.end(), [&](const Entity& e) { return e.type == type; });
}

}  // namespace

TEST_CASE("acronym definitions in both orders make one entity", "[names]") {
  auto es = EntitiesOf("Le Conseil national du logiciel libre (CNLL) a saisi le juge. Le CNLL estime que non.");
  const Entity* cnll = Find(es, EntityType::kOrg, "Conseil national du logiciel libre");
  REQUIRE(cnll != nullptr);
  CHECK(cnll->mentions.size() == 3);
  CHECK(std::find(cnll->aliases.begin(), cnll->aliases.end(), "CNLL") != cnll->aliases.end());

  es = EntitiesOf("le syndicat national des journalistes (SNJ) proteste.");
  CHECK(Find(es, EntityType::kOrg, "Syndicat national des journalistes") != nullptr);

  // Listed long form: the gazetteer's canonical names both.
  es = EntitiesOf("la Commission nationale de l'informatique et des libertés (CNIL) a sanctionné Google.");
  const Entity* cnil = Find(es, EntityType::kOrg, "CNIL");
  REQUIRE(cnil != nullptr);
  CHECK(cnil->mentions.size() == 2);
  CHECK(cnil->fields.subtype() == "regulator");
}

TEST_CASE("an acronym of a common phrase is not an organisation", "[names]") {
  const auto es = EntitiesOf("Les systèmes d'intelligence artificielle (IA) se multiplient.");
  CHECK(CountOfType(es, EntityType::kOrg) == 0);
}

TEST_CASE("organisation cues introduce names no list holds", "[names]") {
  auto es = EntitiesOf("l'association Ploss Rhônes-Alpes, la société Nexedi et l'association les Actupiennes");
  CHECK(Find(es, EntityType::kOrg, "Ploss Rhônes-Alpes") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "Nexedi") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "Les Actupiennes") != nullptr);
  es = EntitiesOf("Me Dupont, du cabinet d'avocats ZORBLAX, porte le recours.");
  const Entity* firm = Find(es, EntityType::kOrg, "ZORBLAX");
  REQUIRE(firm != nullptr);
  CHECK(firm->fields.subtype() == "law_firm");
  es = EntitiesOf("Le sondage a été réalisé pour Quorvex, société de conseil.");
  CHECK(Find(es, EntityType::kOrg, "Quorvex") != nullptr);
}

TEST_CASE("organisation heads with their complements", "[names]") {
  auto es = EntitiesOf("Le Syndicat de la médecine générale et l'Union française pour une médecine libre agissent.");
  CHECK(Find(es, EntityType::kOrg, "Syndicat de la médecine générale") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "Union française pour une médecine libre") != nullptr);
  // A head alone is not an entity, and a rule never stretches a listed name.
  es = EntitiesOf("La Commission a estimé que le Conseil d'État statuant au contentieux était saisi.");
  CHECK(Find(es, EntityType::kOrg, "Conseil d'État") != nullptr);
  CHECK(CountOfType(es, EntityType::kOrg) == 1);
}

TEST_CASE("a chamber of the Cour de cassation is the Cour de cassation", "[names]") {
  const auto es = EntitiesOf(
      "la troisième chambre civile de la Cour de cassation a rendu la présente décision. Ainsi décidé par la Cour "
      "de cassation, troisième chambre civile. Voir Cass. soc., 3 mai 2023.");
  const Entity* cass = Find(es, EntityType::kOrg, "Cour de cassation");
  REQUIRE(cass != nullptr);
  CHECK(cass->mentions.size() == 3);
  CHECK(CountOfType(es, EntityType::kOrg) == 1);
}

TEST_CASE("a kind of court or body and its place is an organisation, listed or not", "[names]") {
  auto es = EntitiesOf(
      "Le tribunal de police de Nanterre et la juridiction de proximité d'Antibes ont statué. La commune de "
      "Lapeyrouse-Mornay, le département de la Loire-Atlantique et la caisse primaire d'assurance maladie des Côtes "
      "d'Armor ont fait appel.");
  CHECK(Find(es, EntityType::kOrg, "tribunal de police de Nanterre") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "juridiction de proximité d'Antibes") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "commune de Lapeyrouse-Mornay") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "département de la Loire-Atlantique") != nullptr);
  const Entity* cpam = Find(es, EntityType::kOrg, "caisse primaire d'assurance maladie des Côtes d'Armor");
  REQUIRE(cpam != nullptr);
  CHECK(cpam->fields.subtype() == "public_body");
  // a listed court keeps its canonical; a place after « dans » is a place
  es = EntitiesOf("Le tribunal de grande instance de Créteil l'a affecté dans le département de l'Aude.");
  CHECK(Find(es, EntityType::kOrg, "Tribunal judiciaire de Créteil") != nullptr);
  CHECK(CountOfType(es, EntityType::kOrg) == 1);
  // the kind alone, or before a lower-case word, is no name
  es = EntitiesOf("La commune de résidence et le tribunal de commerce ont été saisis.");
  CHECK(CountOfType(es, EntityType::kOrg) == 0);
}

TEST_CASE("a legal form makes a company's name", "[names]") {
  auto es = EntitiesOf(
      "Sofina SA, Rebelco SA et Sidro SA contre le ministre. Ses filiales CITYSCOOT ITALIA S.R.L. et QUORVEX GmbH, "
      "puis le GIE COMUTITRES.");
  for (const char* name : {"Sofina SA", "Rebelco SA", "Sidro SA", "CITYSCOOT ITALIA S.R.L.", "QUORVEX GmbH",
                           "GIE COMUTITRES"}) {
    INFO(name);
    const Entity* e = Find(es, EntityType::kOrg, name);
    REQUIRE(e != nullptr);
    CHECK(e->fields.subtype() == "company");
  }
  // the forms are screened by their first byte as written: one in lower
  // case among them
  es = EntitiesOf("La société Vodafone Group plc et Zorblax Ltd. ont fusionné.");
  CHECK(Find(es, EntityType::kOrg, "Vodafone Group plc") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "Zorblax Ltd") != nullptr);
  // a person's name is not a company's, nor a possessive a form
  es = EntitiesOf("Mme Eva SAS et M. Denis Baupin, députés, ont exposé sa demande.");
  CHECK(CountOfType(es, EntityType::kOrg) == 0);
  CHECK(Find(es, EntityType::kPerson, "Eva Sas") != nullptr);
}

// The rules start from the positions one pass over the tokens lists
// (names.cpp, View::FindStarts), where each made its own pass before: a
// name at either end of the text, or a mention of an acronym anywhere, is
// what a list that dropped a position would lose.
TEST_CASE("the rules start from every position their own passes read", "[names]") {
  auto es = EntitiesOf("Quorvex, société de conseil.");  // the apposition's comma is token 1
  CHECK(Find(es, EntityType::kOrg, "Quorvex") != nullptr);
  es = EntitiesOf("Sofina SA");  // a legal form at token 1, the text's last
  CHECK(Find(es, EntityType::kOrg, "Sofina SA") != nullptr);
  es = EntitiesOf("Nicolas Chagny");  // a given name at token 0
  CHECK(Find(es, EntityType::kPerson, "Nicolas Chagny") != nullptr);
  es = EntitiesOf("Chagny et Quorvex. Nicolas Chagny, puis Chagny.");  // a surname before and after the full name
  const Entity* chagny = Find(es, EntityType::kPerson, "Nicolas Chagny");
  REQUIRE(chagny != nullptr);
  CHECK(chagny->mentions.size() == 3);
  es = EntitiesOf("l'association Zorblax");  // a cue at the text's first word, its name the last
  CHECK(Find(es, EntityType::kOrg, "Zorblax") != nullptr);
  // an acronym after a sign, a digit, a quote, at the end, and defined in
  // both orders: every mention of it
  es = EntitiesOf(
      "Le Conseil national du logiciel libre (CNLL) et le SNJ (syndicat national des journalistes). (CNLL) 2 CNLL, "
      "« SNJ » et SNJ,CNLL");
  const Entity* cnll = Find(es, EntityType::kOrg, "Conseil national du logiciel libre");
  REQUIRE(cnll != nullptr);
  CHECK(cnll->mentions.size() == 5);
  const Entity* snj = Find(es, EntityType::kOrg, "Syndicat national des journalistes");
  REQUIRE(snj != nullptr);
  CHECK(snj->mentions.size() == 4);
}

TEST_CASE("one name written two ways is one entity", "[names]") {
  const auto es = EntitiesOf(
      "Juge du Tribunal de Commerce du MANS. Le tribunal de commerce du Mans ordonne. Le recteur de l'académie "
      "d'Aix Marseille et l'académie d'Aix-Marseille.");
  CHECK(CountOfType(es, EntityType::kOrg) == 2);
}

TEST_CASE("a headed name goes on through coordinated complements", "[names]") {
  auto es = EntitiesOf(
      "L'Association des sociétés françaises d'autoroutes et d'ouvrages à péage, la Direction générale des "
      "infrastructures, des transports et des mobilités et la Ligue contre la violence routière ont répondu.");
  CHECK(Find(es, EntityType::kOrg, "Association des sociétés françaises d'autoroutes et d'ouvrages à péage") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "Direction générale des infrastructures, des transports et des mobilités") !=
        nullptr);
  CHECK(Find(es, EntityType::kOrg, "Ligue contre la violence routière") != nullptr);
  // another name, an aside, or a party against another is not more of it
  es = EntitiesOf("Le Syndicat de la médecine générale et de la Fédération Zorblax. Le Conseil national du numérique, de "
                  "son côté, hésite. Zorblax contre Quorvex.");
  CHECK(Find(es, EntityType::kOrg, "Syndicat de la médecine générale") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "Conseil national du numérique") != nullptr);
}

TEST_CASE("persons: titles, given names, surnames linked back", "[names]") {
  auto es = EntitiesOf(
      "« C'est grave » réagit Me France Charruyer, avocate associée du cabinet ALTIJ. "
      "Pour Charruyer, le recours est utile.");
  const Entity* fc = Find(es, EntityType::kPerson, "France Charruyer");
  REQUIRE(fc != nullptr);
  CHECK(fc->fields.title() == "Me");
  CHECK(fc->fields.role() == "avocate associée du cabinet ALTIJ");  // the role with its complement
  CHECK(fc->mentions.size() == 2);
  // Context beats lists: France here is a given name, not the country.
  CHECK(Find(es, EntityType::kLoc, "France") == nullptr);

  es = EntitiesOf("Le chapitre est présidé par Nicolas Chagny depuis 2015. M. Dupont approuve.");
  CHECK(Find(es, EntityType::kPerson, "Nicolas Chagny") != nullptr);
  const Entity* dupont = Find(es, EntityType::kPerson, "Dupont");
  REQUIRE(dupont != nullptr);
  CHECK(dupont->fields.title() == "M.");

  es = EntitiesOf("Siégeaient : M. Alexandre LINDEN, président, et M. Bertrand du MARAIS.");
  const Entity* linden = Find(es, EntityType::kPerson, "Alexandre Linden");
  REQUIRE(linden != nullptr);
  CHECK(linden->fields.role() == "président");
  CHECK(Find(es, EntityType::kPerson, "Bertrand du Marais") != nullptr);
}

TEST_CASE("anonymised initials are persons as published, never a surname of one letter", "[names]") {
  // CONTRACT.md, « Pseudonymised names »: recognise/pseudonyms.cpp reads them
  const auto es = EntitiesOf("Mme B... I..., M. C... A... et M. H... J... demandent.");
  CHECK(CountOfType(es, EntityType::kPerson) == 3);
  CHECK(Find(es, EntityType::kPerson, "B... I...") != nullptr);
  CHECK(Find(es, EntityType::kPerson, "C... A...") != nullptr);
  CHECK(Find(es, EntityType::kPerson, "H... J...") != nullptr);
}

TEST_CASE("Internet Society France is an organisation, France alone a place", "[names]") {
  const auto es = EntitiesOf("L’Internet Society France agit en France et aux États-Unis.");
  CHECK(Find(es, EntityType::kOrg, "Internet Society France") != nullptr);
  CHECK(Find(es, EntityType::kLoc, "France") != nullptr);
  CHECK(Find(es, EntityType::kLoc, "États-Unis") != nullptr);
}

TEST_CASE("accent- and case-insensitive where safe", "[names]") {
  const auto es = EntitiesOf("Le Conseil d'Etat a suspendu la délibération de la Cnil.");
  CHECK(Find(es, EntityType::kOrg, "Conseil d'État") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "CNIL") != nullptr);
}

TEST_CASE("the UE of an act's number is not the Union", "[names]") {
  const auto es = EntitiesOf("Le règlement (UE) 2016/679 s'applique dans l'Union européenne.");
  const Entity* ue = Find(es, EntityType::kLoc, "Union européenne");
  REQUIRE(ue != nullptr);
  CHECK(ue->mentions.size() == 1);
}

}  // namespace lexfr

namespace lexfr {

TEST_CASE("persons: a mention with another title or none joins the full name", "[names][persons]") {
  const auto es = EntitiesOf(
      "Me Odile Ferrand plaide pour l'association. Mme Ferrand a ajouté que rien n'était joué. Ferrand conclut.");
  const Entity* of = Find(es, EntityType::kPerson, "Odile Ferrand");
  REQUIRE(of != nullptr);
  CHECK(of->mentions.size() == 3);
  CHECK(of->fields.title() == "Me");  // the first title said
  CHECK(Find(es, EntityType::kPerson, "Ferrand") == nullptr);
}

TEST_CASE("persons: a surname two full names share joins neither", "[names][persons]") {
  const auto es = EntitiesOf("Anne Vautrin et Paul Vautrin sont venus. Mme Vautrin a parlé. Vautrin est parti.");
  const Entity* anne = Find(es, EntityType::kPerson, "Anne Vautrin");
  const Entity* paul = Find(es, EntityType::kPerson, "Paul Vautrin");
  REQUIRE(anne != nullptr);
  REQUIRE(paul != nullptr);
  CHECK(anne->mentions.size() == 1);
  CHECK(paul->mentions.size() == 1);
}

TEST_CASE("persons: roles after the name, with their complement", "[names][persons]") {
  auto es = EntitiesOf("Lucien Varenne, secrétaire général adjoint de la CNIL, a répondu.");
  const Entity* p = Find(es, EntityType::kPerson, "Lucien Varenne");
  REQUIRE(p != nullptr);
  CHECK(p->fields.role() == "secrétaire général adjoint de la CNIL");
  es = EntitiesOf("Il a écrit à Bruno Castel, président du Conseil constitutionnel.");
  p = Find(es, EntityType::kPerson, "Bruno Castel");
  REQUIRE(p != nullptr);
  CHECK(p->fields.role() == "président du Conseil constitutionnel");
  es = EntitiesOf("Me Odile Ferrand, avocate associée du cabinet Vautrin Partenaires, estime que le texte est fragile.");
  p = Find(es, EntityType::kPerson, "Odile Ferrand");
  REQUIRE(p != nullptr);
  CHECK(p->fields.role() == "avocate associée du cabinet Vautrin Partenaires");
  // a clause after the role is not part of it
  es = EntitiesOf("Bruno Castel, président de la CNIL et ancien ministre, a parlé.");
  p = Find(es, EntityType::kPerson, "Bruno Castel");
  REQUIRE(p != nullptr);
  CHECK(p->fields.role() == "président de la CNIL");
  // a role that ends the text
  es = EntitiesOf("Il a écrit à Bruno Castel, président");
  p = Find(es, EntityType::kPerson, "Bruno Castel");
  REQUIRE(p != nullptr);
  CHECK(p->fields.role() == "président");
}

TEST_CASE("persons: roles before the name", "[names][persons]") {
  auto es = EntitiesOf("Le ministre de l'Intérieur, Gaston Lemerle, a annoncé un décret.");
  const Entity* p = Find(es, EntityType::kPerson, "Gaston Lemerle");
  REQUIRE(p != nullptr);
  CHECK(p->fields.role() == "ministre de l'Intérieur");
  es = EntitiesOf("L'avocate Odile Ferrand plaide.");
  p = Find(es, EntityType::kPerson, "Odile Ferrand");
  REQUIRE(p != nullptr);
  CHECK(p->fields.role() == "avocate");
  // a role said with a later mention is kept
  es = EntitiesOf("Odile Ferrand plaide. Ferrand, avocate au barreau de Lyon, insiste.");
  p = Find(es, EntityType::kPerson, "Odile Ferrand");
  REQUIRE(p != nullptr);
  CHECK(p->fields.role() == "avocate au barreau de Lyon");
}

TEST_CASE("an acronym defined after a long form led by a place joins it", "[names]") {
  auto es = EntitiesOf("L'Union européenne de radio-télévision (UER) a exclu la chaîne. Selon l'UER, c'est définitif.");
  const Entity* uer = Find(es, EntityType::kOrg, "Union européenne de radio-télévision");
  REQUIRE(uer != nullptr);
  CHECK(uer->mentions.size() == 3);
  CHECK(std::find(uer->aliases.begin(), uer->aliases.end(), "UER") != uer->aliases.end());
  CHECK(Find(es, EntityType::kLoc, "Union européenne") == nullptr);

  es = EntitiesOf("Lyon Métropole Habitat (LMH) a lancé un chantier. LMH a signé.");
  const Entity* lmh = Find(es, EntityType::kOrg, "Lyon Métropole Habitat");
  REQUIRE(lmh != nullptr);
  CHECK(lmh->mentions.size() == 3);
}

TEST_CASE("a given name and a particle surname are a person without a title", "[names]") {
  auto es = EntitiesOf("Fait à Paris. Bertrand du Marais, rapporteur public. Les conclusions de Bertrand du Marais.");
  const Entity* p = Find(es, EntityType::kPerson, "Bertrand du Marais");
  REQUIRE(p != nullptr);
  CHECK(p->mentions.size() == 2);
  es = EntitiesOf("Marie de Lyon a été vue au marché.");
  CHECK(Find(es, EntityType::kPerson, "Marie de Lyon") == nullptr);
}

}  // namespace lexfr
