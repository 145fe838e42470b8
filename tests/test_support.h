// What many tests share: the embedded resources, loaded once for the whole
// test binary (loading them is the slow part of a test that analyses a text),
// and a scratch folder for the tests that touch the file system.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lexfr/analyze.h"

namespace lexfr {

inline const Resources& SharedResources() {
  static const Resources* resources = [] {
    auto* r = new Resources;
    REQUIRE(LoadResources({}, r).ok());
    return r;
  }();
  return *resources;
}

// A fresh folder under the temporary directory, removed with everything in it
// at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lexfr-test-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

  // Writes `bytes` to `rel` (making its folders) and returns its path.
  std::string File(const std::string& rel, const std::string& bytes = "x") const {
    std::filesystem::create_directories(std::filesystem::path(*this / rel).parent_path());
    std::ofstream(*this / rel, std::ios::binary) << bytes;
    return *this / rel;
  }
  // A symlink at `rel` pointing to `target`.
  void Link(const std::string& rel, const std::string& target) const {
    std::filesystem::create_directories(std::filesystem::path(*this / rel).parent_path());
    REQUIRE(symlink(target.c_str(), (*this / rel).c_str()) == 0);
  }

 private:
  std::string path_;
};

// The whole analysis of `text`, which must succeed.
inline Document AnalyzeText(std::string_view text) {
  Document doc;
  REQUIRE(Analyze(std::string(text), "t", SharedResources(), {}, &doc).ok());
  return doc;
}

// The Lexicon of the embedded data.
inline const Lexicon& SharedLexicon() { return SharedResources().lexicon; }

// The whole of a file.
inline std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Every text the repository's tests read: the dev corpus's texts
// (tests/corpus/dev) and the text of every case-table row (tests/cases,
// escapes left as written), in a fixed order. For the tests that hold a
// fast path to the slow one on many real constructions.
inline std::vector<std::string> CorpusAndCaseTexts() {
  const std::string root = LEXFR_SOURCE_DIR;
  std::vector<std::filesystem::path> corpus, cases;
  for (const auto& f : std::filesystem::directory_iterator(root + "/tests/corpus/dev")) {
    if (f.path().extension() == ".txt") corpus.push_back(f.path());
  }
  for (const auto& f : std::filesystem::directory_iterator(root + "/tests/cases")) {
    if (f.path().extension() == ".tsv") cases.push_back(f.path());
  }
  std::sort(corpus.begin(), corpus.end());
  std::sort(cases.begin(), cases.end());
  std::vector<std::string> texts;
  for (const auto& path : corpus) texts.push_back(ReadWholeFile(path));
  for (const auto& path : cases) {
    std::istringstream lines(ReadWholeFile(path));
    for (std::string line; std::getline(lines, line);) {
      const size_t tab = line.find('\t');
      if (tab == std::string::npos || line.starts_with("#")) continue;
      texts.push_back(line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1));
    }
  }
  return texts;
}

}  // namespace lexfr
