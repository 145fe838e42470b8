#include "run/outputs.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace lexfr {
namespace {

namespace fs = std::filesystem;

BatchInput Walked(const std::string& rel) { return {"corpus/" + rel, rel, true, Status::Ok()}; }

}  // namespace

TEST_CASE("an output that is an input is refused, whatever path names it", "[outputs]") {
  TempDir d;
  const std::string a = d.File("a.txt");
  REQUIRE(symlink(a.c_str(), (d / "soft").c_str()) == 0);
  const auto refused = [&](const std::vector<RunFile>& reads, const std::vector<RunFile>& writes) {
    const Status s = CheckRunFiles(reads, writes);
    CHECK(s.exit_code() == ExitCode::kUsage);
    return s.message();
  };
  CHECK(refused({{"", a}}, {{"-o", a}}) ==
        "-o " + a + " is the input " + a + ": writing it would destroy it before it is read; give another output");
  CHECK(refused({{"", a}}, {{"-o", d / "soft"}}).find("is the input") != std::string::npos);
  CHECK(refused({{"", a, false}}, {{"--summary", a}}).find("--summary") == 0);  // walked files too
  CHECK(refused({{"--gazetteer", a}}, {{"-o", a}}).find("is the input --gazetteer " + a) != std::string::npos);
  CHECK(CheckRunFiles({{"", a}}, {{"-o", d / "b.json"}, {"--summary", d / "c.json"}}).ok());
  CHECK(CheckRunFiles({{"", a}}, {{"-o", "-"}}).ok());
}

TEST_CASE("two outputs are never one file, existing or not", "[outputs]") {
  TempDir d;
  CHECK(CheckRunFiles({}, {{"-o", d / "x"}, {"--summary", d / "./x"}}).message() ==
        "-o " + d / "x" + " and --summary " + d / "./x" + " are the same file: give each its own");
  CHECK(!CheckRunFiles({}, {{"-o", d / "new/x"}, {"--summary", d / "new//./x"}}).ok());  // no folder yet
  d.File("x");
  CHECK(!CheckRunFiles({}, {{"-o", d / "x"}, {"--summary", d / "x"}}).ok());
  CHECK(CheckRunFiles({}, {{"-o", "/dev/null"}, {"--summary", "/dev/null"}}).ok());  // a device is no file
  CHECK(CheckRunFiles({}, {{"-o", d / "."}}).message() == "-o " + d / "." + " is a folder: give a file");
}

TEST_CASE("a stream is read once", "[outputs]") {
  TempDir d;
  CHECK(CheckRunFiles({{"", "-"}, {"", "-"}}, {}).message() ==
        "standard input is read twice (- and -): the two would split its bytes; give it once");
  CHECK(!CheckRunFiles({{"--files-from", "-"}, {"", "-"}}, {}).ok());
  const std::string fifo = d / "fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(CheckRunFiles({{"", fifo}}, {}).ok());
  CHECK(CheckRunFiles({{"", fifo}, {"", d / "./fifo"}}, {}).message().find("the same stream, read twice") !=
        std::string::npos);
  const std::string a = d.File("a.txt");
  CHECK(CheckRunFiles({{"", a}, {"", a}}, {}).ok());  // a file may be read twice
}

TEST_CASE("output folder names: one file per input, no file where a folder must be, no index", "[outputs]") {
  CHECK(CheckOutputFolder({Walked("a.txt"), Walked("b/c.txt")}, "out/", ".json", false).ok());
  const Status same = CheckOutputFolder({Walked("a.txt"), {"x/a.txt", "x/a.txt", false, {}}}, "out/", ".json", false);
  CHECK(same.message() == "-o out/: corpus/a.txt and x/a.txt would both be written to out/a.txt.json; give them in "
                          "separate runs");
  const Status folder = CheckOutputFolder({Walked("a"), Walked("a.json/x.txt")}, "out", ".json", false);
  CHECK(folder.message() == "-o out: the file of corpus/a (out/a.json) stands where corpus/a.json/x.txt "
                            "(out/a.json/x.txt.json) needs a folder; give them in separate runs");
  CHECK(CheckOutputFolder({Walked("index")}, "out/", ".html", false).ok());
  CHECK(CheckOutputFolder({Walked("index")}, "out/", ".html", true).message() ==
        "-o out/: the index of the run and corpus/index would both be written to out/index.html; give them in "
        "separate runs");
  // Folder arguments that could not be walked have no file: two of them do
  // not collide. A folder inside one has its error at its own path.
  const Status unreadable = Status::Error(ExitCode::kNoInput, "unreadable", "x: Permission denied");
  CHECK(CheckOutputFolder({{"u1", "", true, unreadable}, {"u2", "", true, unreadable}}, "out/", ".json", false).ok());
  CHECK(!CheckOutputFolder({Walked("x"), {"other/x", "x", true, unreadable}}, "out/", ".json", false).ok());
}

}  // namespace lexfr
