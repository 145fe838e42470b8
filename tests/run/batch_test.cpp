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

namespace lexfr {
namespace {

namespace fs = std::filesystem;

// A fresh folder under /tmp, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "lexfr-batch-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() { fs::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

  void File(const std::string& rel, const std::string& bytes = "x") const {
    fs::create_directories(fs::path(*this / rel).parent_path());
    std::ofstream(*this / rel, std::ios::binary) << bytes;
  }
  void Link(const std::string& rel, const std::string& target) const {
    fs::create_directories(fs::path(*this / rel).parent_path());
    REQUIRE(symlink(target.c_str(), (*this / rel).c_str()) == 0);
  }

 private:
  std::string path_;
};

std::vector<BatchInput> Expand(const std::string& arg, const WalkOptions& options = {}) {
  std::vector<BatchInput> out;
  ExpandInput(arg, options, nullptr, &out);
  return out;
}

std::vector<std::string> Rels(const std::vector<BatchInput>& inputs) {
  std::vector<std::string> rels;
  for (const BatchInput& in : inputs) rels.push_back(in.rel);
  return rels;
}

using V = std::vector<std::string>;

}  // namespace

// --- walking ---------------------------------------------------------------------

TEST_CASE("a folder expands to its *.txt files in byte order of the relative path", "[batch][walk]") {
  TempDir d;
  for (const char* rel : {"b.txt", "a.txt", "a/x.txt", "a-b.txt", "a/b/c.txt", "B.txt", "é.txt", "z/y.txt",
                          "notes.md", "a/data.json"}) {
    d.File(rel);
  }
  const std::vector<BatchInput> inputs = Expand(d.path());
  // Plain sorting of whole paths: '-' (0x2d) < '.' (0x2e) < '/' (0x2f) < 'B' < 'a' < 0xc3 (é).
  V expected = {"B.txt", "a-b.txt", "a.txt", "a/b/c.txt", "a/x.txt", "b.txt", "z/y.txt", "é.txt"};
  CHECK(Rels(inputs) == expected);
  CHECK(std::is_sorted(expected.begin(), expected.end()));
  for (const BatchInput& in : inputs) {
    CHECK(in.walked);
    CHECK(in.error.ok());
    CHECK(in.path == d.path() + "/" + in.rel);
  }
}

TEST_CASE("a folder given with a trailing slash gives paths without a double slash", "[batch][walk]") {
  TempDir d;
  d.File("sub/a.txt");
  const std::vector<BatchInput> inputs = Expand(d.path() + "/");
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].path == d.path() + "/sub/a.txt");
  CHECK(inputs[0].rel == "sub/a.txt");
}

TEST_CASE("a file, '-' or a missing path is one input as given, whatever the globs", "[batch][walk]") {
  TempDir d;
  d.File("notes.md");
  WalkOptions only_txt;
  for (const std::string& arg : {d / "notes.md", std::string("-"), d / "missing.txt"}) {
    const std::vector<BatchInput> inputs = Expand(arg, only_txt);
    REQUIRE(inputs.size() == 1);
    CHECK(inputs[0].path == arg);
    CHECK(inputs[0].rel == arg);
    CHECK_FALSE(inputs[0].walked);
    CHECK(inputs[0].error.ok());
  }
}

TEST_CASE("globs match the file name or the relative path", "[batch][walk]") {
  WalkOptions o;
  CHECK(Selected(o, "a.txt"));
  CHECK(Selected(o, "deep/er/a.txt"));
  CHECK_FALSE(Selected(o, "a.txt.gz"));
  o.include = {"*.md", "keep/*"};
  CHECK(Selected(o, "x/readme.md"));
  CHECK(Selected(o, "keep/a/b.json"));  // `*` also matches '/'
  CHECK_FALSE(Selected(o, "x/a.txt"));
  o.exclude = {"draft-*", "keep/old/*"};
  CHECK_FALSE(Selected(o, "x/draft-1.md"));
  CHECK_FALSE(Selected(o, "keep/old/a.md"));
  CHECK(Selected(o, "keep/new/a.md"));
}

TEST_CASE("an excluded folder is not entered; includes do not apply to folders", "[batch][walk]") {
  TempDir d;
  d.File("a.txt");
  d.File("drafts/b.txt");
  d.File("x/drafts/c.txt");
  d.File("x/d.txt");
  d.File("docs/e.md");
  WalkOptions o;
  o.exclude = {"drafts"};
  CHECK(Rels(Expand(d.path(), o)) == V{"a.txt", "x/d.txt"});
  o.exclude = {"x/drafts"};
  CHECK(Rels(Expand(d.path(), o)) == V{"a.txt", "drafts/b.txt", "x/d.txt"});
  o.exclude = {};
  o.include = {"*.md"};
  CHECK(Rels(Expand(d.path(), o)) == V{"docs/e.md"});
}

TEST_CASE("symlinks inside a folder are skipped unless followed", "[batch][walk]") {
  TempDir d;
  d.File("real/a.txt");
  d.Link("link.txt", d / "real/a.txt");
  d.Link("linked", d / "real");
  d.Link("dangling.txt", d / "gone.txt");
  CHECK(Rels(Expand(d.path())) == V{"real/a.txt"});

  WalkOptions follow;
  follow.follow_symlinks = true;
  const std::vector<BatchInput> inputs = Expand(d.path(), follow);
  // A dangling link stays a file: reading it says it is not found.
  CHECK(Rels(inputs) == V{"dangling.txt", "link.txt", "linked/a.txt", "real/a.txt"});
  for (const BatchInput& in : inputs) CHECK(in.error.ok());
}

TEST_CASE("a symlink loop is reported once, where its files would be, and not entered", "[batch][walk]") {
  TempDir d;
  d.File("a/1.txt");
  d.Link("a/up", "..");     // a/up -> d: loops back to the root
  d.Link("a/self", ".");    // a/self -> a
  d.File("a/z.txt");
  WalkOptions follow;
  follow.follow_symlinks = true;
  const std::vector<BatchInput> inputs = Expand(d.path(), follow);
  REQUIRE(Rels(inputs) == V{"a/1.txt", "a/self", "a/up", "a/z.txt"});
  CHECK(inputs[1].error.code() == "symlink_loop");
  CHECK(inputs[2].error.code() == "symlink_loop");
  CHECK(inputs[1].error.message().find(d / "a/self") != std::string::npos);
  CHECK(Rels(Expand(d.path())) == V{"a/1.txt", "a/z.txt"});  // not followed: no loop
}

TEST_CASE("two links to one folder that is not an ancestor are both walked", "[batch][walk]") {
  TempDir d;
  d.File("shared/a.txt");
  d.Link("one", "shared");
  d.Link("two", "shared");
  WalkOptions follow;
  follow.follow_symlinks = true;
  CHECK(Rels(Expand(d.path(), follow)) == V{"one/a.txt", "shared/a.txt", "two/a.txt"});
}

TEST_CASE("a folder that cannot be opened is one error input", "[batch][walk]") {
  if (geteuid() == 0) return;  // root opens it anyway
  TempDir d;
  d.File("locked/a.txt");
  d.File("open.txt");
  REQUIRE(chmod((d / "locked").c_str(), 0) == 0);
  const std::vector<BatchInput> inputs = Expand(d.path());
  chmod((d / "locked").c_str(), 0755);
  REQUIRE(Rels(inputs) == V{"locked", "open.txt"});
  CHECK(inputs[0].error.code() == "unreadable");
}

TEST_CASE("a stop request ends the walk", "[batch][walk]") {
  TempDir d;
  d.File("a/1.txt");
  d.File("b/2.txt");
  std::atomic<bool> stop{true};
  std::vector<BatchInput> out;
  ExpandInput(d.path(), {}, &stop, &out);
  CHECK(out.empty());
}

TEST_CASE("files-from lists split on newlines or NULs", "[batch]") {
  CHECK(SplitPathList("a.txt\nb c.txt\n\nd.txt", false) == V{"a.txt", "b c.txt", "d.txt"});
  CHECK(SplitPathList(std::string_view("a\nb\0c\0\0", 7), true) == V{"a\nb", "c"});
  CHECK(SplitPathList("", false).empty());
}

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

// --- running in order ------------------------------------------------------------

TEST_CASE("results come back in index order whatever the thread count", "[batch][ordered]") {
  for (const unsigned jobs : {1u, 2u, 3u, 8u}) {
    std::mt19937 rng(jobs);
    std::vector<int> delays(200);
    for (int& ms : delays) ms = static_cast<int>(rng() % 3);
    std::vector<size_t> seen;
    OrderedOptions o;
    o.jobs = jobs;
    const size_t n = RunOrdered<size_t>(
        delays.size(), o,
        [&](size_t i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(delays[i]));
          return i * 10;
        },
        [&](size_t i, size_t& r) {
          CHECK(r == i * 10);
          seen.push_back(i);
          return true;
        });
    CHECK(n == delays.size());
    REQUIRE(seen.size() == delays.size());
    for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
  }
}

TEST_CASE("no more than `window` items are in flight or waiting", "[batch][ordered]") {
  std::atomic<int> live{0}, peak{0};
  OrderedOptions o;
  o.jobs = 4;
  o.window = 6;
  RunOrdered<int>(
      300, o,
      [&](size_t i) {
        const int now = ++live;
        int p = peak.load();
        while (now > p && !peak.compare_exchange_weak(p, now)) {
        }
        // The first item is slow: everything after it must wait in the window.
        std::this_thread::sleep_for(std::chrono::milliseconds(i == 0 ? 30 : 0));
        return 0;
      },
      [&](size_t, int&) {
        --live;  // freed once emitted
        return true;
      });
  CHECK(peak.load() <= 6);
  CHECK(peak.load() >= 2);
}

TEST_CASE("a stop request leaves an emitted prefix", "[batch][ordered]") {
  std::atomic<bool> stop{false};
  OrderedOptions o;
  o.jobs = 3;
  o.stop = &stop;
  std::vector<size_t> seen;
  const size_t n = RunOrdered<size_t>(
      1000, o,
      [&](size_t i) {
        if (i == 50) stop = true;
        return i;
      },
      [&](size_t i, size_t&) {
        seen.push_back(i);
        return true;
      });
  CHECK(n == seen.size());
  CHECK(n > 50);
  CHECK(n <= 51 + 4 * 3);  // what was already taken
  for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
}

TEST_CASE("emit returning false stops the run", "[batch][ordered]") {
  OrderedOptions o;
  o.jobs = 2;
  const size_t n = RunOrdered<int>(
      100, o, [](size_t) { return 0; }, [](size_t i, int&) { return i < 9; });
  CHECK(n == 10);
}

TEST_CASE("an exception from work is rethrown after the threads end", "[batch][ordered]") {
  OrderedOptions o;
  o.jobs = 3;
  const auto run = [&] {
    RunOrdered<int>(
        100, o,
        [](size_t i) {
          if (i == 17) throw std::runtime_error("boom");
          return 0;
        },
        [](size_t, int&) { return true; });
  };
  CHECK_THROWS_WITH(run(), "boom");
}

TEST_CASE("zero items is a run that emits nothing", "[batch][ordered]") {
  CHECK(RunOrdered<int>(0, {}, [](size_t) { return 0; }, [](size_t, int&) { return true; }) == 0);
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

TEST_CASE("fail-on conditions are parsed and met per file", "[batch]") {
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

TEST_CASE("output folder names mirror the tree; files are written whole or not at all", "[batch]") {
  CHECK(OutputPathFor({"corpus/a/b.txt", "a/b.txt", true, {}}, "out") == "out/a/b.txt.json");
  CHECK(OutputPathFor({"corpus/a/b.txt", "a/b.txt", true, {}}, "out/") == "out/a/b.txt.json");
  CHECK(OutputPathFor({"../x/c.txt", "../x/c.txt", false, {}}, "out") == "out/c.txt.json");
  CHECK(OutputPathFor({"-", "-", false, {}}, "out") == "out/stdin.json");

  TempDir d;
  REQUIRE(WriteFileAtomically(d / "deep/er/r.json", "{}\n").ok());
  REQUIRE(WriteFileAtomically(d / "deep/er/r.json", "{\"v\":2}\n").ok());  // replaces
  std::ifstream in(d / "deep/er/r.json");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(content == "{\"v\":2}\n");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(d / "deep/er")) names.push_back(e.path().filename().string());
  CHECK(names == V{"r.json"});  // no temporary file left
  CHECK((fs::status(d / "deep/er/r.json").permissions() & fs::perms::others_read) != fs::perms::none);
  CHECK(WriteFileAtomically("/proc/lexfr-cannot/x.json", "{}").exit_code() == ExitCode::kCantCreate);
}

TEST_CASE("long output names: short temporary names, and too long is name_too_long", "[batch]") {
  TempDir d;
  const std::string fits(255, 'a');  // NAME_MAX of ext4, tmpfs, xfs, btrfs
  REQUIRE(WriteFileAtomically(d / fits, "{}\n").ok());
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(d.path())) names.push_back(e.path().filename().string());
  CHECK(names == V{fits});
  const Status too_long = WriteFileAtomically(d / std::string(256, 'b'), "{}\n");
  CHECK(too_long.code() == "name_too_long");
  CHECK(too_long.exit_code() == ExitCode::kCantCreate);
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

TEST_CASE("the progress line says done/total, MB/s and the time left", "[batch]") {
  CHECK(FormatProgress(250, 1000, 5'000'000, 2.0) == " 250/1000 files  2.5 MB/s  ETA 0:06");
  CHECK(FormatProgress(0, 10, 0, 0.0) == " 0/10 files  0.0 MB/s  ETA -:--");
}

}  // namespace lexfr
