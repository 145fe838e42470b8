#include "cli/options.h"

#include <algorithm>
#include <charconv>
#include <thread>

namespace lexfr {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "auto") return OutputFormat::kAuto;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "html") return OutputFormat::kHtml;
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

}  // namespace lexfr
