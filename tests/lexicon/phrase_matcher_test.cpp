// The one phrase matcher that the gazetteer, the cue sets and the legal
// references walk.
#include "lexicon/phrase_matcher.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace lexfr {
namespace {

// Every phrase id that ends while walking `tokens` from their start.
std::vector<uint32_t> Walk(const PhraseMatcher& m, const std::vector<std::string>& tokens) {
  std::vector<uint32_t> out;
  if (tokens.empty() || !m.MayStart(tokens[0])) return out;
  uint32_t node = PhraseMatcher::kRoot;
  for (const std::string& t : tokens) {
    node = m.Next(node, t);
    if (node == PhraseMatcher::kNoNode) break;
    for (uint32_t id : m.PhrasesAt(node)) out.push_back(id);
  }
  return out;
}

using Ids = std::vector<uint32_t>;

}  // namespace

TEST_CASE("phrases sharing a prefix share a path; ids are in order of adding", "[phrase_matcher]") {
  PhraseMatcher m;
  CHECK(m.Add({"conseil", "d'", "etat"}) == 0);
  CHECK(m.Add({"conseil"}) == 1);
  CHECK(m.Add({"conseil", "d'", "etat", "statuant"}) == 2);
  CHECK(m.Add({"conseil"}) == 3);  // the same phrase twice: both ids end there
  CHECK(m.size() == 4);
  CHECK(Walk(m, {"conseil", "d'", "etat", "statuant", "au"}) == Ids{1, 3, 0, 2});
  CHECK(Walk(m, {"conseil", "constitutionnel"}) == Ids{1, 3});
  CHECK(Walk(m, {"d'", "etat"}).empty());  // not a start
}

TEST_CASE("a token no phrase starts with is ruled out by its first byte", "[phrase_matcher]") {
  PhraseMatcher m;
  m.Add({"rgpd"});
  CHECK(m.MayStart("rgpd"));
  CHECK(m.MayStart("rien"));  // same first byte: the walk decides
  CHECK_FALSE(m.MayStart("loi"));
  CHECK_FALSE(m.MayStart(""));
  CHECK(m.Next(PhraseMatcher::kRoot, "rien") == PhraseMatcher::kNoNode);
}

}  // namespace lexfr
