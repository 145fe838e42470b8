// Every input a fuzzer ever crashed on (tests/fuzz/regressions/) goes through
// the whole pipeline and the JSON writer here, under the sanitizer build in CI,
// and must give what kRegressions says it gives: not crashing is not enough,
// a fix that made the input analyse to nothing would pass that.
//
// A new regression file needs its row below: the test fails on a file without one.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "emit/json_record.h"
#include "lexfr/analyze.h"
#include "test_support.h"

namespace lexfr {
namespace {

using TypeAndKey = std::pair<std::string, std::string>;  // {"ORG", "CNIL"}

struct Expected {
  std::set<std::string> diagnostics;  // codes
  std::set<TypeAndKey> entities;      // every entity, by type and canonical form
  TypeAndKey last;                    // the entity of the mention that ends last
  bool last_ends_the_text = false;    // ... and that mention ends where the text does (but for spaces)
};

// person-name-at-end: a text ending on a capitalised name made the person
// name rules look at the token after the last one (e8445df). The last word
// (« France », after « Me ») must still be read, and end where the text ends.
const std::map<std::string, Expected> kRegressions = {
    {"person-name-at-end.txt",
     {{"invalid_utf8", "nul_bytes"},
      {{"ORG", "Microsoft"},
       {"ORG", "Conseil d'État"},
       {"ORG", "CNIL"},
       {"ORG", "Internet Society France"},
       {"ORG", "Internet Society"},
       {"LEGAL_REF", "DELIB:CNIL:2023-12-21"},
       {"DATE", "2023-12-21"},
       {"DATE", "2024-01-31"},
       {"ORG", "Plateforme de données de santé"},
       {"ORG", "Microsoft Azure"},
       {"LEGAL_REF", "CIRC:6282-SG"},
       {"LOC", "France"}},
      {"LOC", "France"},
      true}},
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace

TEST_CASE("fuzzer crash inputs analyse to what they must give", "[fuzz]") {
  size_t count = 0;
  for (const auto& f :
       std::filesystem::directory_iterator(std::string(LEXFR_SOURCE_DIR) + "/tests/fuzz/regressions")) {
    const std::string name = f.path().filename().string();
    INFO(name);
    const auto expected = kRegressions.find(name);
    REQUIRE(expected != kRegressions.end());  // say what the new regression must give
    Document doc;
    REQUIRE(Analyze(ReadFile(f.path()), f.path().string(), SharedResources(), {}, &doc).ok());

    std::set<std::string> diagnostics;
    for (const Diagnostic& d : doc.decoded.diagnostics) diagnostics.insert(d.code);
    CHECK(diagnostics == expected->second.diagnostics);

    std::set<TypeAndKey> entities;
    const Entity* last = nullptr;
    uint32_t last_end = 0;
    const std::string& text = doc.decoded.text;
    for (const Entity& e : doc.entities) {
      entities.insert({EntityTypeName(e.type), e.canonical});
      for (const Mention& m : e.mentions) {
        // Every mention lies inside the text, on the tokens it names.
        REQUIRE(m.byte_start < m.byte_end);
        REQUIRE(m.byte_end <= text.size());
        REQUIRE(m.end_token <= doc.segmentation.tokens.size());
        if (m.byte_end >= last_end) last = &e, last_end = m.byte_end;
      }
    }
    CHECK(entities == expected->second.entities);
    REQUIRE(last != nullptr);
    CHECK(TypeAndKey{EntityTypeName(last->type), last->canonical} == expected->second.last);
    if (expected->second.last_ends_the_text) {
      CHECK(text.find_first_not_of(" \t\r\n", last_end) == std::string::npos);
    }

    // The record is JSON, and holds as many entities as the document.
    std::string record;
    AppendDocumentJson(doc, false, &record);
    const nlohmann::json parsed = nlohmann::json::parse(record);
    CHECK(parsed["entities"].size() == doc.entities.size());
    ++count;
  }
  CHECK(count == kRegressions.size());
}

}  // namespace lexfr
