// Law firms named by their form before a lawyer's role
// (recognise/law_firms.h), on passages written for the purpose.
#include <catch2/catch.hpp>

#include "lexfr/analyze.h"
#include "test_support.h"

namespace lexfr {
namespace {

const Entity* Find(const Document& d, std::string_view canonical) {
  for (const Entity& e : d.entities) {
    if (e.canonical == canonical) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a firm's form, its name, then « avocat »: an ORG law_firm", "[law_firms]") {
  const Document d = AnalyzeText(
      "Sur le rapport de M. Orvalle, conseiller, les observations de la SCP Brandal, Quivet, Marsin, avocat de la "
      "société Florimex, et de la SELARL Jean Dortet, avocat de M. [Q].");
  const Entity* scp = Find(d, "SCP Brandal, Quivet, Marsin");
  REQUIRE(scp);
  CHECK(scp->type == EntityType::kOrg);
  CHECK(scp->fields.subtype() == "law_firm");
  const Entity* selarl = Find(d, "SELARL Jean Dortet");
  REQUIRE(selarl);
  CHECK(selarl->fields.subtype() == "law_firm");
  CHECK_FALSE(Find(d, "Jean Dortet"));  // the firm's name is not a person
}

TEST_CASE("a form without a lawyer's role after its name is no firm", "[law_firms]") {
  const Document d = AnalyzeText("La société Florimex, SARL Florimex Transports, a son siège à Nantes.");
  for (const Entity& e : d.entities) CHECK(e.fields.subtype() != "law_firm");
}

TEST_CASE("the avocat général after a name is a judge, and makes no firm", "[law_firms]") {
  const Document d = AnalyzeText("Vu l'avis de la SCP Quarante, avocat général, la Cour statue.");
  for (const Entity& e : d.entities) CHECK(e.fields.subtype() != "law_firm");
}

}  // namespace lexfr
