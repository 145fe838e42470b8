#include <catch2/catch.hpp>

#include "test_support.h"

#include <map>
#include <set>

#include "lexfr/analyze.h"
#include "lexicon/embedded.h"
#include "text/text_util.h"

namespace lexfr {

TEST_CASE("every embedded gazetteer row parses", "[gazetteer]") {
  size_t files = 0;
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (!f.path.starts_with("data/gazetteers/") || !f.path.ends_with(".tsv")) continue;
    ++files;
    Gazetteer g;
    const Status s = g.AddTsv(f.path, f.bytes);
    INFO(s.ToString());
    CHECK(s.ok());
    CHECK(g.entries().size() > 100);
  }
  CHECK(files >= 2);
}

TEST_CASE("no alias points at two canonicals of the same type", "[gazetteer]") {
  const Gazetteer& g = SharedLexicon().gazetteer();
  std::map<std::pair<EntityType, std::string>, std::set<std::string>> owners;  // (type, folded name) -> canonicals
  for (const GazetteerEntry& e : g.entries()) {
    owners[{e.type, Fold(e.canonical)}].insert(e.canonical);
    for (const std::string& a : e.aliases) owners[{e.type, Fold(a)}].insert(e.canonical);
  }
  for (const auto& [key, canonicals] : owners) {
    INFO(key.second);
    CHECK(canonicals.size() == 1);
  }
}

TEST_CASE("a malformed user gazetteer names its file and line", "[gazetteer]") {
  Gazetteer g;
  Status s = g.AddTsv("mine.tsv", "# a comment\nACME\tcompany\tAcme\n\nBroken line without tabs\n");
  CHECK(s.exit_code() == ExitCode::kConfig);
  CHECK(s.message().find("mine.tsv:4") != std::string::npos);
  s = g.AddTsv("mine.tsv", "ACME\tspaceship\n");
  CHECK(s.exit_code() == ExitCode::kConfig);
  CHECK(s.message().find("unknown subtype") != std::string::npos);
}

TEST_CASE("the matcher finds names by folded tokens with case rules", "[gazetteer]") {
  Gazetteer g;
  REQUIRE(g.AddTsv("t.tsv",
                   "Conseil d'État\tcourt\t\n"
                   "CNIL\tregulator\tCommission nationale de l'informatique et des libertés\n"
                   "Orange\tcompany\t\n"
                   "Autorité des marchés financiers\tregulator\tAMF\n"
                   "Le Monde\tcompany\t\n")
              .ok());
  g.Compile(SharedLexicon().abbreviations(), SharedLexicon().names().determiners);
  const auto canonicals = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const Candidate& c : g.Match(text, Segment(text, SharedLexicon().abbreviations()))) out.push_back(c.canonical);
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(canonicals("le Conseil d’Etat et la Cnil") == V{"Conseil d'État", "CNIL"});
  CHECK(canonicals("la Commission nationale de l’informatique et des libertés") == V{"CNIL"});
  CHECK(canonicals("une orange pressée") == V{});  // a common word is not the company
  CHECK(canonicals("Orange a été sanctionnée") == V{"Orange"});
  CHECK(canonicals("l'AMF et l'amf") == V{"Autorité des marchés financiers"});  // short acronyms: exact case
  CHECK(canonicals("cnil") == V{});
  // a capital after a name's first word is its own: the text must have it
  CHECK(canonicals("selon Le Monde et le Monde") == V{"Le Monde", "Le Monde"});
  CHECK(canonicals("le monde entier") == V{});
  CHECK(canonicals("LE MONDE") == V{"Le Monde"});
}

}  // namespace lexfr

namespace lexfr {

TEST_CASE("every listed name is found whole in a text that says it", "[gazetteer]") {
  // Guards the start-up shortcut that splits plain names without ICU: the
  // trie must hold exactly the tokens the segmenter makes of the text.
  const Gazetteer& g = SharedLexicon().gazetteer();
  size_t checked = 0;
  for (const GazetteerEntry& e : g.entries()) {
    std::vector<std::string> names = {e.canonical};
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
    for (const std::string& name : names) {
      const Segmentation seg = Segment(name, SharedLexicon().abbreviations());
      bool whole = false;
      for (const Candidate& c : g.Match(name, seg)) whole |= c.first_token == 0 && c.end_token == seg.tokens.size();
      INFO(e.source << ": " << name);
      CHECK(whole);
      ++checked;
    }
  }
  CHECK(checked > 2000);
}

}  // namespace lexfr

namespace lexfr {

TEST_CASE("the gazetteer walked by vocabulary ids finds what it finds by words", "[gazetteer]") {
  const Gazetteer& g = SharedLexicon().gazetteer();
  const std::vector<std::string> texts = CorpusAndCaseTexts();
  REQUIRE(texts.size() > 100);
  const auto lines = [](const std::vector<Candidate>& found) {
    std::string out;
    for (const Candidate& c : found) {
      out += std::to_string(c.first_token) + "-" + std::to_string(c.end_token) + " " + c.canonical + "\n";
    }
    return out;
  };
  size_t with_names = 0;
  for (const std::string& text : texts) {
    INFO(text.substr(0, 200));
    const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
    const std::string by_words = lines(g.Match(text, seg));
    with_names += !by_words.empty();
    CHECK(lines(g.Match(TokenView(text, seg, SharedLexicon().vocabulary()))) == by_words);
  }
  CHECK(with_names > 50);
}

}  // namespace lexfr
