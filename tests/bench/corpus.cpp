#include "corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace lexfr_bench {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool IsBlankLine(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Paragraphs are runs of non-blank lines; each keeps its inner line breaks
// (CRLF included) so the segmenter sees the line structure of the source.
std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl == std::string_view::npos ? text.size() : nl + 1);
    text.remove_prefix(line.size());
    if (IsBlankLine(line)) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current.append(line);
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  for (std::string& p : out) {
    while (!p.empty() && (p.back() == '\n' || p.back() == '\r')) p.pop_back();
  }
  return out;
}

}  // namespace

std::vector<std::string> LoadParagraphs(const std::vector<std::string>& folders, std::string* error) {
  std::vector<std::filesystem::path> files;
  for (const std::string& folder : folders) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    if (ec) {
      *error = folder + ": " + ec.message();
      return {};
    }
  }
  // Directory order differs between file systems; name order does not.
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return a.filename() < b.filename() || (a.filename() == b.filename() && a < b);
  });
  std::vector<std::string> paragraphs;
  std::set<std::string> seen;  // the seed article sits in both folders
  for (const auto& file : files) {
    for (std::string& p : SplitParagraphs(ReadFile(file))) {
      if (seen.insert(p).second) paragraphs.push_back(std::move(p));
    }
  }
  if (paragraphs.empty()) *error = "no paragraph in the *.txt files of the corpus folders";
  return paragraphs;
}

std::vector<std::string> LoadTextsOfGenres(const std::string& folder, const std::vector<std::string>& genres,
                                           std::string* error) {
  std::vector<std::filesystem::path> golds;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().string().ends_with(".gold.json")) golds.push_back(entry.path());
  }
  if (ec) {
    *error = folder + ": " + ec.message();
    return {};
  }
  std::sort(golds.begin(), golds.end());
  std::vector<std::string> texts;
  for (const auto& gold : golds) {
    const nlohmann::json j = nlohmann::json::parse(ReadFile(gold), nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("genre") || !j["genre"].is_string()) continue;
    if (std::find(genres.begin(), genres.end(), j["genre"].get<std::string>()) == genres.end()) continue;
    std::string name = gold.string();
    name.replace(name.size() - std::string_view(".gold.json").size(), std::string::npos, ".txt");
    texts.push_back(ReadFile(name));
  }
  if (texts.empty()) *error = folder + ": no text of the genres asked for";
  return texts;
}

std::string BuildCorpus(const std::vector<std::string>& paragraphs, size_t min_bytes, uint64_t seed) {
  std::string text;
  if (paragraphs.empty()) return text;
  text.reserve(min_bytes + 64 * 1024);
  // mt19937_64's output is fixed by the standard; the shuffle is written out
  // here because std::shuffle and the distributions are not, and the corpus
  // must be the same bytes with every standard library.
  std::mt19937_64 rng(seed);
  std::vector<size_t> order(paragraphs.size());
  while (text.size() < min_bytes) {
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (size_t i = order.size() - 1; i > 0; --i) std::swap(order[i], order[rng() % (i + 1)]);
    for (size_t i : order) {
      if (!text.empty()) text += "\n\n";
      text += paragraphs[i];
      if (text.size() >= min_bytes) break;
    }
  }
  text += '\n';
  return text;
}

}  // namespace lexfr_bench
