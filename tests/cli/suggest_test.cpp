#include "cli/suggest.h"

#include <catch2/catch.hpp>

namespace lexfr {

TEST_CASE("EditDistance: insertions, deletions, changes and swaps of neighbours count one each", "[suggest]") {
  CHECK(EditDistance("analyze", "analyze") == 0);
  CHECK(EditDistance("analize", "analyze") == 1);  // changed
  CHECK(EditDistance("anaylze", "analyze") == 1);  // swapped
  CHECK(EditDistance("analyz", "analyze") == 1);   // dropped
  CHECK(EditDistance("analyzee", "analyze") == 1);  // added
  CHECK(EditDistance("", "abc") == 3);
  CHECK(EditDistance("tokens", "schema") == 5);  // the e is shared
}

TEST_CASE("NearestWord: the known word within two edits, else none", "[suggest]") {
  const std::vector<std::string> commands = {"analyze", "tokens", "schema", "completions", "help"};
  CHECK(NearestWord("analize", commands) == "analyze");
  CHECK(NearestWord("tokns", commands) == "tokens");
  CHECK(NearestWord("shema", commands) == "schema");
  CHECK_FALSE(NearestWord("frobnicate", commands));
  CHECK_FALSE(NearestWord("analyze", commands));  // not a typo
  const std::vector<std::string> options = {"--pretty", "--jobs", "--max-bytes", "--format"};
  CHECK(NearestWord("--prety", options) == "--pretty");
  CHECK(NearestWord("--max-byte", options) == "--max-bytes");
  CHECK(NearestWord("--fromat", options) == "--format");
}

}  // namespace lexfr
