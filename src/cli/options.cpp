#include "cli/options.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <thread>

namespace lexfr {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "auto") return OutputFormat::kAuto;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "html") return OutputFormat::kHtml;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "tsv") return OutputFormat::kTsv;
  return std::nullopt;
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (const EntityType t : {EntityType::kOrg, EntityType::kPerson, EntityType::kLoc, EntityType::kLegalRef,
                             EntityType::kDate, EntityType::kMoney, EntityType::kDuration}) {
    const std::string_view known = EntityTypeName(t);
    const auto same_letter = [](char a, char b) { return a == std::toupper(static_cast<unsigned char>(b)); };
    if (std::equal(known.begin(), known.end(), name.begin(), name.end(), same_letter)) return t;
  }
  return std::nullopt;
}

unsigned DefaultJobs() { return std::clamp(std::thread::hardware_concurrency(), 1u, kMostJobs); }

std::optional<unsigned> ParseJobs(std::string_view text) {
  unsigned n = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc() || stop != end || n < 1 || n > kMostJobs) return std::nullopt;
  return n;
}

namespace {

// The power of 1024 a size suffix stands for: "" 0, "k" 1, "MiB" 2...; none
// for a suffix that is not one.
std::optional<unsigned> SuffixPower(std::string_view suffix) {
  if (suffix.empty()) return 0;
  const std::string_view units = "KMGT";
  const size_t power = units.find(static_cast<char>(std::toupper(static_cast<unsigned char>(suffix[0]))));
  const std::string_view rest = suffix.substr(1);
  if (power == std::string_view::npos || !(rest.empty() || rest == "B" || rest == "iB")) return std::nullopt;
  return static_cast<unsigned>(power + 1);
}

}  // namespace

std::optional<uint64_t> ParseByteSize(std::string_view text) {
  uint64_t n = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, n);
  if (stop == text.data() || ec != std::errc()) return std::nullopt;
  const std::optional<unsigned> power = SuffixPower(text.substr(static_cast<size_t>(stop - text.data())));
  if (!power) return std::nullopt;
  for (unsigned i = 0; i < *power; ++i) {
    if (n > kMostMaxBytes) return std::nullopt;  // before it could wrap
    n *= 1024;
  }
  if (n > kMostMaxBytes) return std::nullopt;
  return n;
}

std::optional<double> ParseTimeout(std::string_view text) {
  double seconds = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, seconds);
  if (text.empty() || ec != std::errc() || stop != end || !(seconds >= kLeastTimeout && seconds <= kMostTimeout)) {
    return std::nullopt;
  }
  return seconds;
}

}  // namespace lexfr
