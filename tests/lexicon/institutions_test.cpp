// Institutions: which court or authority a decision's key names, and the
// key prefix a court's name gives its numbers (data/cues/institutions.tsv).
#include "lexicon/institutions.h"

#include <catch2/catch.hpp>

#include <string>

#include "test_support.h"

namespace lexfr {
namespace {

std::string CourtOfKey(std::string_view key) {
  const Institution* in = SharedLexicon().institutions().OfDecisionKey(key);
  return in != nullptr ? in->organisation : std::string("(none)");
}

TEST_CASE("a decision's key names its court or authority", "[institutions]") {
  CHECK(CourtOfKey("CE:444937") == "Conseil d'État");
  CHECK(CourtOfKey("CASS:19-21.234") == "Cour de cassation");
  CHECK(CourtOfKey("CC_DEC:2021-817 DC") == "Conseil constitutionnel");
  CHECK(CourtOfKey("DELIB:CNIL:SAN-2022-001") == "CNIL");
  CHECK(CourtOfKey("DECISION:ADLC:20-MC-01") == "Autorité de la concurrence");
  CHECK(CourtOfKey("DECISION:CNIL:MED-2021-134") == "CNIL");
  // a kind of court: the key does not say which tribunal administratif
  CHECK(CourtOfKey("TA:2006861") == "(none)");
  // a prefix must end at the colon: CEDH is not CE
  CHECK(CourtOfKey("CEDH:12345/67") == "Cour européenne des droits de l'homme");
  CHECK(CourtOfKey("CE") == "(none)");
}

TEST_CASE("which keys are decisions' numbers", "[institutions]") {
  const Institutions& in = SharedLexicon().institutions();
  CHECK(in.IsDecisionKey("CE:444937"));
  CHECK(in.IsDecisionKey("TA:2006861"));
  CHECK(in.IsDecisionKey("TCOM:2024006456"));
  CHECK(in.IsDecisionKey("DELIB:CNIL:2023-146"));
  CHECK(in.IsDecisionKey("DECISION:ADLC:20-MC-01"));
  CHECK_FALSE(in.IsDecisionKey("GDPR"));
  CHECK_FALSE(in.IsDecisionKey("LOI:78-17"));
  CHECK_FALSE(in.IsDecisionKey("CSP art. L1111-8"));
}

TEST_CASE("a court's name gives the key prefix of its numbers", "[institutions]") {
  const Institutions& in = SharedLexicon().institutions();
  CHECK(in.KeyOfCourt("tribunal administratif de Lille") == "TA");
  CHECK(in.KeyOfCourt("Tribunal de commerce du Mans") == "TCOM");
  CHECK(in.KeyOfCourt("cour administrative d'appel de Paris") == "CAA");
  CHECK(in.KeyOfCourt("Cour d'appel de Douai") == "CA");
  CHECK(in.KeyOfCourt("tribunal de grande instance de Créteil") == "TJ");
  CHECK(in.KeyOfCourt("conseil de prud'hommes de Lyon") == "CPH");
  CHECK(in.KeyOfCourt("Conseil d'État") == "CE");
  CHECK(in.KeyOfCourt("Cour de cassation") == "CASS");
  // a name must end where the court's words end
  CHECK(in.KeyOfCourt("tribunal administratifs") == "");
  CHECK(in.KeyOfCourt("CNIL") == "");
  CHECK(in.KeyOfCourt("") == "");
}

TEST_CASE("an institution's names include its organisation's", "[institutions]") {
  const Institution* cnil = SharedLexicon().institutions().OfKey("CNIL");
  REQUIRE(cnil != nullptr);
  CHECK_FALSE(cnil->court);
  const auto has = [&](std::string_view name) {
    return std::find(cnil->names.begin(), cnil->names.end(), name) != cnil->names.end();
  };
  CHECK(has("formation restreinte"));                                   // its own row
  CHECK(has("CNIL"));                                                   // its organisation's canonical
  CHECK(has("Commission nationale de l'informatique et des libertés"));  // and aliases
  CHECK(SharedLexicon().institutions().OfKey("NOPE") == nullptr);
}

}  // namespace
}  // namespace lexfr
