#include "io/walk.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"

namespace lexfr {
namespace {

namespace fs = std::filesystem;

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

TEST_CASE("a folder expands to its *.txt files in byte order of the relative path", "[walk]") {
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

TEST_CASE("a folder given with a trailing slash gives paths without a double slash", "[walk]") {
  TempDir d;
  d.File("sub/a.txt");
  const std::vector<BatchInput> inputs = Expand(d.path() + "/");
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].path == d.path() + "/sub/a.txt");
  CHECK(inputs[0].rel == "sub/a.txt");
}

TEST_CASE("a file, '-' or a missing path is one input as given, whatever the globs", "[walk]") {
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

TEST_CASE("globs match the file name or the relative path", "[walk]") {
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

TEST_CASE("an excluded folder is not entered; includes do not apply to folders", "[walk]") {
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

TEST_CASE("symlinks inside a folder are skipped unless followed", "[walk]") {
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

TEST_CASE("a symlink loop is reported once, where its files would be, and not entered", "[walk]") {
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

TEST_CASE("two links to one folder that is not an ancestor are both walked", "[walk]") {
  TempDir d;
  d.File("shared/a.txt");
  d.Link("one", "shared");
  d.Link("two", "shared");
  WalkOptions follow;
  follow.follow_symlinks = true;
  CHECK(Rels(Expand(d.path(), follow)) == V{"one/a.txt", "shared/a.txt", "two/a.txt"});
}

TEST_CASE("a folder that cannot be opened is one error input", "[walk]") {
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

TEST_CASE("a stop request ends the walk", "[walk]") {
  TempDir d;
  d.File("a/1.txt");
  d.File("b/2.txt");
  std::atomic<bool> stop{true};
  std::vector<BatchInput> out;
  ExpandInput(d.path(), {}, &stop, &out);
  CHECK(out.empty());
}

TEST_CASE("files-from lists split on newlines or NULs", "[walk]") {
  CHECK(SplitPathList("a.txt\nb c.txt\n\nd.txt", false) == V{"a.txt", "b c.txt", "d.txt"});
  CHECK(SplitPathList(std::string_view("a\nb\0c\0\0", 7), true) == V{"a\nb", "c"});
  CHECK(SplitPathList("", false).empty());
}

}  // namespace lexfr
