// Every input a fuzzer ever crashed on (tests/fuzz/regressions/) goes through
// the whole pipeline and the JSON writer here, under the sanitizer build in CI.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lexfr/analyze.h"
#include "emit/json_record.h"

namespace lexfr {

TEST_CASE("fuzzer crash inputs analyse cleanly", "[fuzz]") {
  Resources resources;
  REQUIRE(LoadResources({}, &resources).ok());
  size_t count = 0;
  for (const auto& f :
       std::filesystem::directory_iterator(std::string(LEXFR_SOURCE_DIR) + "/tests/fuzz/regressions")) {
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    INFO(f.path().filename().string());
    Document doc;
    if (Analyze(buf.str(), f.path().string(), resources, {}, &doc).ok()) {
      std::string json;
      AppendDocumentJson(doc, false, &json);
      CHECK_FALSE(json.empty());
    }
    ++count;
  }
  CHECK(count > 0);
}

}  // namespace lexfr
