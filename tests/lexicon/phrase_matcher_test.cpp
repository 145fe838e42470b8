// The one phrase matcher that the gazetteer, the cue sets and the legal
// references walk.
#include "lexicon/phrase_matcher.h"

#include <catch2/catch.hpp>

#include <map>
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

TEST_CASE("a token no phrase starts with is ruled out before any hashing", "[phrase_matcher]") {
  PhraseMatcher m;
  m.Add({"rgpd"});
  m.Add({"autorite", "de", "la", "concurrence"});
  CHECK(m.MayStart("rgpd"));
  CHECK(m.MayStart("autorite"));
  // The first words are filtered by length and first, second and last bytes:
  // a word sharing only its first byte with a name is out (« a », « au »).
  CHECK_FALSE(m.MayStart("rien"));
  CHECK_FALSE(m.MayStart("a"));
  CHECK_FALSE(m.MayStart("au"));
  CHECK_FALSE(m.MayStart("loi"));
  CHECK_FALSE(m.MayStart(""));
  CHECK(m.Next(PhraseMatcher::kRoot, "rien") == PhraseMatcher::kNoNode);
  CHECK(m.Next(PhraseMatcher::kRoot, "autorite") != PhraseMatcher::kNoNode);
  // After the first word, a child is ruled out by its first byte.
  const uint32_t autorite = m.Next(PhraseMatcher::kRoot, "autorite");
  CHECK(m.Next(autorite, "a") == PhraseMatcher::kNoNode);
  CHECK(m.Next(autorite, "des") == PhraseMatcher::kNoNode);  // same first byte: the hash decides
  CHECK(m.Next(autorite, "de") != PhraseMatcher::kNoNode);
}

TEST_CASE("walking by vocabulary id reaches the nodes walking by word reaches", "[phrase_matcher]") {
  PhraseMatcher m;
  m.Add({"conseil", "d'", "etat"});
  m.Add({"conseil"});
  m.Add({"la", "quadrature", "du", "net"});
  m.Add({"la", "poste"});
  m.Add({"cour", "de", "cassation"});
  std::map<std::string, uint32_t> ids = {{"de", 1}, {"la", 2}};  // a vocabulary that already holds a few words
  const auto id_of = [&](const std::string& word) {
    return ids.try_emplace(word, static_cast<uint32_t>(ids.size() + 1)).first->second;
  };
  CHECK_FALSE(m.IndexedByIds());
  m.IndexByIds(id_of);
  CHECK(m.IndexedByIds());
  CHECK(ids.size() == 11);  // every word of the phrases has an id
  const auto id = [&](const std::string& word) {
    const auto it = ids.find(word);
    return it == ids.end() ? 0u : it->second;  // 0: a word no list holds
  };
  const std::vector<std::string> words = {"conseil", "d'", "etat", "la", "quadrature", "du", "net", "poste",
                                          "cour",    "de", "cassation", "le", "nothing", ""};
  std::vector<uint32_t> nodes = {PhraseMatcher::kRoot};
  for (size_t depth = 0; depth < 4; ++depth) {
    std::vector<uint32_t> next_nodes;
    for (const uint32_t node : nodes) {
      for (const std::string& w : words) {
        INFO("node " << node << " word " << w);
        const uint32_t by_word = m.Next(node, w);
        CHECK(m.NextById(node, id(w)) == by_word);
        if (by_word != PhraseMatcher::kNoNode) next_nodes.push_back(by_word);
      }
    }
    nodes = next_nodes;
  }
  CHECK(m.NextById(PhraseMatcher::kRoot, 0) == PhraseMatcher::kNoNode);
  CHECK(m.NextById(PhraseMatcher::kRoot, 999) == PhraseMatcher::kNoNode);  // an id past every first word

  // NextStart finds the positions NextById starts a walk at, and only those.
  std::vector<uint32_t> text;
  for (const char* w : {"le", "conseil", "de", "la", "net", "", "cour", "etat", "nothing", "la"}) text.push_back(id(w));
  text.push_back(999);
  std::vector<size_t> by_steps, by_scan;
  for (size_t i = 0; i < text.size(); ++i) {
    if (m.NextById(PhraseMatcher::kRoot, text[i]) != PhraseMatcher::kNoNode) by_steps.push_back(i);
  }
  for (size_t i = m.NextStart(text, 0); i < text.size(); i = m.NextStart(text, i + 1)) by_scan.push_back(i);
  CHECK(by_scan == by_steps);
  CHECK(by_steps == std::vector<size_t>{1, 3, 6, 9});
  CHECK(m.NextStart(text, text.size()) == text.size());
}

}  // namespace lexfr
