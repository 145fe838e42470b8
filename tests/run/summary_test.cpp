#include "run/summary.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace lexfr {
namespace {

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("fail-on conditions are parsed and met per file", "[summary]") {
  FailOn f;
  CHECK(ParseFailOn({"nope"}, &f).exit_code() == ExitCode::kUsage);
  REQUIRE(ParseFailOn({"error", "diagnostic", "no-entities", "no-recourse"}, &f).ok());
  FileResult failed;
  failed.status = Status::Error(ExitCode::kDataErr, "binary", "x: binary");
  CHECK(ConditionsMet(f, failed) == V{"error"});
  FileResult bare;
  CHECK(ConditionsMet(f, bare) == V{"no-entities", "no-recourse"});
  FileResult rich;
  rich.entities = 3;
  rich.recourse = "annulment";
  rich.diagnostics = {{"invalid_utf8", "…"}};
  CHECK(ConditionsMet(f, rich) == V{"diagnostic"});
  CHECK(ConditionsMet(FailOn{}, bare).empty());
}

TEST_CASE("the progress line says done/total, MB/s and the time left", "[summary]") {
  CHECK(FormatProgress(250, 1000, 5'000'000, 2.0) == " 250/1000 files  2.5 MB/s  ETA 0:06");
  CHECK(FormatProgress(0, 10, 0, 0.0) == " 0/10 files  0.0 MB/s  ETA -:--");
}

}  // namespace lexfr
