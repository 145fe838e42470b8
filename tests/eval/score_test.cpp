// lexfr eval's scorer (eval/score.h) folds and pairs as tests/score.py does;
// the e2e test compares whole reports, these pin the corners by name.
#include <catch2/catch.hpp>

#include "eval/score.h"

namespace lexfr::eval {
namespace {

TEST_CASE("Fold drops case, accents, a leading article, quotes and end punctuation", "[eval]") {
  CHECK(Fold("l’Autorité de la concurrence") == "autorite de la concurrence");
  CHECK(Fold("  « Les  Échos »  ") == "echos");
  CHECK(Fold("De l'Union\u00a0européenne.") == "union europeenne");
  CHECK(Fold("Straße") == "strasse");  // full case folding, as str.casefold()
  CHECK(Fold(nullptr).empty());
  CHECK(Fold(42) == "42");
}

TEST_CASE("A prediction pairs with its gold file by file name without extension", "[eval]") {
  CHECK(PredictionKey(Json::parse(R"({"source": {"path": "corpus/a.b.txt"}})")) == "a.b");
  CHECK(PredictionKey(Json::parse(R"({"source": {"path": "-"}})")) == "-");
  CHECK(PredictionKey(Json::parse(R"({"source": {}})")).empty());
}

TEST_CASE("An optional gold entity found is neither credit nor blame; one missed is no miss", "[eval]") {
  const Json gold = Json::parse(R"({"entities": [
      {"type": "ORG", "canonical": "CNIL", "aliases": []},
      {"type": "PERSON", "canonical": "Jean Dupont", "aliases": [], "optional": true},
      {"type": "PERSON", "canonical": "Marie Curie", "aliases": [], "optional": true}]})");
  const Json pred = Json::parse(R"({"entities": [
      {"type": "ORG", "canonical": "Cnil"}, {"type": "PERSON", "canonical": "jean dupont"}]})");
  Report report;
  ScoreDocument("a", gold, &pred, &report);
  CHECK(report.entities["ORG"].true_positives == 1);
  CHECK(report.entities["PERSON"].true_positives == 0);
  CHECK(report.entities["PERSON"].predicted == 0);
  CHECK(report.entities["PERSON"].gold == 0);
  CHECK(report.misses.empty());
}

}  // namespace
}  // namespace lexfr::eval
