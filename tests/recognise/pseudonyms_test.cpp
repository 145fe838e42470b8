// Pseudonymised names (src/recognise/pseudonyms.cpp): invented passages, one
// per way decisions and open data publish a hidden name.
#include <catch2/catch.hpp>

#include <algorithm>

#include "lexfr/analyze.h"
#include "test_support.h"

namespace lexfr {
namespace {

std::vector<Entity> EntitiesOf(std::string_view text) { return AnalyzeText(text).entities; }

const Entity* Find(const std::vector<Entity>& es, EntityType type, std::string_view canonical) {
  for (const Entity& e : es) {
    if (e.type == type && e.canonical == canonical) return &e;
  }
  return nullptr;
}

// Whether any person or organisation has a canonical holding `part`.
bool AnyNameHolds(const std::vector<Entity>& es, std::string_view part) {
  return std::any_of(es.begin(), es.end(), [&](const Entity& e) {
    return (e.type == EntityType::kPerson || e.type == EntityType::kOrg) && e.canonical.find(part) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("a title and bracketed placeholders make a person, later named by the last one", "[pseudonyms]") {
  const auto es = EntitiesOf("M. [T] [Z], domicilié [Adresse 3], a saisi le juge. Le juge a entendu M. [Z] le lendemain.");
  const Entity* p = Find(es, EntityType::kPerson, "[T] [Z]");
  REQUIRE(p != nullptr);
  CHECK(p->fields.title() == "M.");
  CHECK(p->mentions.size() == 2);
  CHECK_FALSE(AnyNameHolds(es, "Adresse"));
}

TEST_CASE("a married name after the published name is not part of it", "[pseudonyms]") {
  const auto es = EntitiesOf("Mme [H] [Q], épouse [V], demeure à [Localité 2] depuis dix ans.");
  CHECK(Find(es, EntityType::kPerson, "[H] [Q]") != nullptr);
  CHECK_FALSE(AnyNameHolds(es, "Localité"));
}

TEST_CASE("open data capitals after a title: each short mention joins the name of its title", "[pseudonyms]") {
  const auto es = EntitiesOf(
      "M. G K et Mme P K demandent au tribunal d'annuler l'arrêté. M. K soutient que l'arrêté est illégal. "
      "Mme K ajoute qu'il est tardif.");
  const Entity* g = Find(es, EntityType::kPerson, "G K");
  const Entity* p = Find(es, EntityType::kPerson, "P K");
  REQUIRE(g != nullptr);
  REQUIRE(p != nullptr);
  CHECK(g->mentions.size() == 2);
  CHECK(p->mentions.size() == 2);
}

TEST_CASE("capitals without a title are no person", "[pseudonyms]") {
  const auto es = EntitiesOf("Le plan comporte les variantes A B et C D du projet.");
  CHECK_FALSE(AnyNameHolds(es, "A B"));
}

TEST_CASE("a capital glued to what follows is no placeholder", "[pseudonyms]") {
  // a signature run into the page's number, a given name cut short
  const auto es = EntitiesOf("Signé : Mme E G12345\nLe rapport de M. J-Y Ollier, rapporteur.");
  CHECK(Find(es, EntityType::kPerson, "E") == nullptr);
  CHECK(Find(es, EntityType::kPerson, "J") == nullptr);
}

TEST_CASE("initials with dots make a person", "[pseudonyms]") {
  const auto es = EntitiesOf("Mme R... T... a saisi le juge des référés le 3 mai 2021.");
  CHECK(Find(es, EntityType::kPerson, "R... T...") != nullptr);
}

TEST_CASE("without a title, accented capitals and long runs of dots still make a person", "[pseudonyms]") {
  // The screen in front of the placeholder rules passes a token only when it
  // is one letter and dots: these must get through it.
  CHECK(Find(EntitiesOf("La société a licencié É…… D…… sans préavis."), EntityType::kPerson, "É…… D……") != nullptr);
  CHECK(Find(EntitiesOf("Attendu que B..... A..... a interjeté appel."), EntityType::kPerson, "B..... A.....") != nullptr);
  CHECK(Find(EntitiesOf("Les époux Ö.... Ü.... ont saisi le tribunal."), EntityType::kPerson, "Ö.... Ü....") != nullptr);
  // an ASCII capital is told by the byte after it: dots, an ellipsis, or « [ » alone
  CHECK(Find(EntitiesOf("Attendu que B… A… a interjeté appel."), EntityType::kPerson, "B… A…") != nullptr);
  CHECK(Find(EntitiesOf("Attendu que B.. A.. a interjeté appel."), EntityType::kPerson, "B.. A..") != nullptr);
  CHECK(Find(EntitiesOf("[N] [U] a interjeté appel."), EntityType::kPerson, "[N] [U]") != nullptr);
}

TEST_CASE("an organisation word before placeholders makes an organisation named with it", "[pseudonyms]") {
  const auto es = EntitiesOf("La société [7] a assigné la société [M] [L] et [S] [E] devant le tribunal.");
  CHECK(Find(es, EntityType::kOrg, "société [7]") != nullptr);
  CHECK(Find(es, EntityType::kOrg, "société [M] [L] et [S] [E]") != nullptr);
  CHECK(Find(es, EntityType::kPerson, "[M] [L]") == nullptr);
}

TEST_CASE("an organisation's name holding a placeholder keeps its words", "[pseudonyms]") {
  const auto es = EntitiesOf("Elle a assigné la société Assurances [Localité 4] mutuelles SA, société anonyme.");
  CHECK(Find(es, EntityType::kOrg, "Assurances [Localité 4] mutuelles SA") != nullptr);
}

TEST_CASE("a typed placeholder alone names nobody", "[pseudonyms]") {
  const auto es = EntitiesOf("Il est né le [Date naissance 1] à [Localité 5] et demeure [Adresse 2].");
  CHECK_FALSE(AnyNameHolds(es, "["));
}

}  // namespace lexfr
