#include "run/batch.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <stdexcept>

#include "run/summary.h"
#include "test_support.h"

namespace lexfr {
namespace {

namespace fs = std::filesystem;

}  // namespace

// --- sharding --------------------------------------------------------------------

TEST_CASE("FNV-1a 64 gives the published values", "[batch][shard]") {
  CHECK(Fnv1a64("") == 0xcbf29ce484222325ull);
  CHECK(Fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(Fnv1a64("foobar") == 0x85944171f73967e8ull);
}

TEST_CASE("shard K/N is parsed and checked", "[batch][shard]") {
  Shard s;
  REQUIRE(ParseShard("2/3", &s).ok());
  CHECK(s.index == 2);
  CHECK(s.count == 3);
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0", "/3", "1/", "1/3x", "-1/3", " 1/3"}) {
    INFO(bad);
    CHECK(ParseShard(bad, &s).exit_code() == ExitCode::kUsage);
  }
}

TEST_CASE("the shards of a list are disjoint, cover it and are balanced", "[batch][shard]") {
  for (const uint64_t n : {1, 2, 3, 7}) {
    std::vector<size_t> sizes(n);
    for (int i = 0; i < 3000; ++i) {
      const std::string key = "dir/" + std::to_string(i) + ".txt";
      int owners = 0;
      for (uint64_t k = 1; k <= n; ++k) {
        if (InShard(key, {k, n})) {
          ++owners;
          ++sizes[k - 1];
        }
      }
      REQUIRE(owners == 1);
    }
    for (const size_t size : sizes) CHECK(size > 3000 / n * 8 / 10);
  }
}
// --- one input, one run ------------------------------------------------------------

TEST_CASE("ProcessInput gives a document, or an error record, and the counts", "[batch]") {
  Resources resources;
  REQUIRE(LoadResources({}, &resources).ok());
  MemoryReader reader;
  reader.Add("good.txt", "La CNIL a sanctionné Google le 31 décembre 2021.");
  reader.Add("bin.txt", std::string("\x7f" "ELF\0\0\0\0", 8));
  const ProcessOptions options;

  const FileResult good = ProcessInput({"good.txt", "good.txt", false, {}}, reader, resources, {}, options);
  CHECK(good.status.ok());
  CHECK(good.bytes > 0);
  CHECK(good.record.find("\"path\":\"good.txt\"") != std::string::npos);
  CHECK(good.record.back() == '\n');
  CHECK(std::count(good.record.begin(), good.record.end(), '\n') == 1);

  const FileResult bin = ProcessInput({"bin.txt", "bin.txt", false, {}}, reader, resources, {}, options);
  CHECK(bin.status.code() == "binary");
  CHECK(bin.record.find("\"error\":{\"code\":\"binary\"") != std::string::npos);

  const Status loop = Status::Error(ExitCode::kNoInput, "symlink_loop", "d/up: symlink loop");
  const FileResult walked = ProcessInput({"d/up", "up", true, loop}, reader, resources, {}, options);
  CHECK(walked.status.code() == "symlink_loop");

  BatchSummary summary;
  summary.planned = 3;
  for (const FileResult* r : {&good, &bin, &walked}) summary.Add(*r);
  CHECK(summary.files == 3);
  CHECK(summary.documents == 1);
  CHECK(summary.failed == 2);
  CHECK(summary.failures == std::map<std::string, uint64_t>{{"binary", 1}, {"symlink_loop", 1}});
  CHECK(summary.bytes == good.bytes);
  const nlohmann::ordered_json j = summary.ToJson();
  CHECK(j["schema"] == "lexfr-summary/1");
  CHECK(j["failures"]["binary"] == 1);
  CHECK(summary.OneLine(1.0).find("3 files: 1 analysed, 2 failed (binary 1, symlink_loop 1)") == 0);
}

TEST_CASE("output folder names mirror the tree", "[batch]") {
  CHECK(OutputPathFor({"corpus/a/b.txt", "a/b.txt", true, {}}, "out") == "out/a/b.txt.json");
  CHECK(OutputPathFor({"corpus/a/b.txt", "a/b.txt", true, {}}, "out/") == "out/a/b.txt.json");
  CHECK(OutputPathFor({"../x/c.txt", "../x/c.txt", false, {}}, "out") == "out/c.txt.json");
  CHECK(OutputPathFor({"-", "-", false, {}}, "out") == "out/stdin.json");
  CHECK(OutputNameFor({"corpus/a/b.txt", "a/b.txt", true, {}}, ".html") == "a/b.txt.html");
}

// A reader that throws, as a bug or exhausted memory would.
class ThrowingReader : public FileReader {
 public:
  Status Read(const std::string&, size_t, std::string*) const override { throw std::runtime_error("boom"); }
};

TEST_CASE("ProcessInput: an exception is the input's error record, and -o DIR/ names", "[batch]") {
  Resources resources;
  const FileResult r = ProcessInput({"a.txt", "a.txt", false, {}}, ThrowingReader(), resources, {}, {});
  CHECK(r.status.code() == "internal_error");
  CHECK(r.record.find("\"code\":\"internal_error\"") != std::string::npos);

  TempDir d;
  ProcessOptions to_dir;
  to_dir.output_dir = d / "out";
  MemoryReader files;
  files.Add(std::string(252, 'c'), "Le texte.");
  // Too long a name for its file: the input's error, not the run's.
  const FileResult long_name =
      ProcessInput({std::string(252, 'c'), std::string(252, 'c'), false, {}}, files, resources, {}, to_dir);
  CHECK(long_name.status.code() == "name_too_long");
  CHECK(long_name.write.ok());
  CHECK(!long_name.has_file);
  // A folder that could not be walked has no file ("DIR/.json" once).
  const Status unreadable = Status::Error(ExitCode::kNoInput, "unreadable", "locked: Permission denied");
  const FileResult folder = ProcessInput({"locked", "", true, unreadable}, files, resources, {}, to_dir);
  CHECK(folder.status.code() == "unreadable");
  CHECK(folder.write.ok());
  CHECK(!fs::exists(d / "out/.json"));
}

}  // namespace lexfr
