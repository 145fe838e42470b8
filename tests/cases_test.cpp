// Table-driven recogniser tests: every tests/cases/*.tsv row is one case.
//
// Row format (TAB-separated):  TYPE  TEXT  EXPECTED  [NOTE]
//   TYPE      ORG, PERSON, LOC, LEGAL_REF, DATE or MONEY
//   TEXT      a French sentence (\n written as \n)
//   EXPECTED  the canonical key that must be found among the TYPE entities
//             ("GDPR art. 48", "2023-12-21", "150000000 EUR", "CNIL");
//             "!KEY": no TYPE entity with that key; "-": no TYPE entity at all.
//             Several expectations can be joined with " && ".
//   NOTE      optional free text
// A row may also start with "@ref-date=YYYY-MM-DD " in TEXT to set --ref-date.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lexfr/analyze.h"
#include "test_support.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out.push_back('\n');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::vector<std::string> KeysOfType(const Document& doc, std::string_view type) {
  std::vector<std::string> keys;
  for (const Entity& e : doc.entities) {
    if (EntityTypeName(e.type) == type) keys.push_back(e.canonical);
  }
  return keys;
}

}  // namespace

TEST_CASE("table-driven recogniser cases (tests/cases/*.tsv)", "[cases]") {
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(std::string(LEXFR_SOURCE_DIR) + "/tests/cases")) {
    if (f.path().extension() == ".tsv") files.push_back(f.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  size_t count = 0;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string content = buf.str();
    for (const DataLine& line : DataLines(content)) {
      const std::vector<std::string_view> cols = Split(line.text, '\t');
      INFO(path.filename().string() << ":" << line.number << ": " << line.text);
      REQUIRE(cols.size() >= 3);
      std::string text = Unescape(cols[1]);
      AnalyzeOptions options;
      if (text.starts_with("@ref-date=")) {
        options.dates.ref_date = ParseCalendarDate(text.substr(10, 10));
        REQUIRE(options.dates.ref_date);
        text = text.substr(21);
      }
      Document doc;
      REQUIRE(Analyze(std::string(text), "case", SharedResources(), options, &doc).ok());
      const std::vector<std::string> keys = KeysOfType(doc, cols[0]);
      std::string found;
      for (const std::string& k : keys) found += "[" + k + "] ";
      INFO("found: " << found);
      std::string_view expected = cols[2];
      for (;;) {
        const size_t and_at = expected.find(" && ");
        const std::string_view one = expected.substr(0, and_at);
        if (one == "-") {
          CHECK(keys.empty());
        } else if (one.starts_with("!")) {
          CHECK(std::find(keys.begin(), keys.end(), one.substr(1)) == keys.end());
        } else {
          CHECK(std::find(keys.begin(), keys.end(), one) != keys.end());
        }
        ++count;
        if (and_at == std::string_view::npos) break;
        expected.remove_prefix(and_at + 4);
      }
    }
  }
  INFO("cases checked: " << count);
  CHECK(count > 0);
}

}  // namespace lexfr
