#include "run/summary.h"

#include <spdlog/fmt/fmt.h>

namespace lexfr {
namespace {

std::string HumanBytes(uint64_t bytes) {
  const auto b = static_cast<double>(bytes);
  if (bytes < 1000) return fmt::format("{} B", bytes);
  if (bytes < 1000'000) return fmt::format("{:.1f} kB", b / 1e3);
  if (bytes < 1000'000'000) return fmt::format("{:.1f} MB", b / 1e6);
  return fmt::format("{:.2f} GB", b / 1e9);
}

std::string Duration(double seconds) {
  const auto s = static_cast<uint64_t>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

Status ParseFailOn(const std::vector<std::string>& words, FailOn* out) {
  FailOn f;
  for (const std::string& w : words) {
    if (w == "error") {
      f.error = true;
    } else if (w == "diagnostic") {
      f.diagnostic = true;
    } else if (w == "no-entities") {
      f.no_entities = true;
    } else if (w == "no-recourse") {
      f.no_recourse = true;
    } else {
      return Status::Error(ExitCode::kUsage, "usage",
                           "--fail-on: unknown condition '" + w + "' (error, diagnostic, no-entities, no-recourse)");
    }
  }
  *out = f;
  return Status::Ok();
}

std::vector<std::string> ConditionsMet(const FailOn& fail_on, const FileResult& r) {
  std::vector<std::string> met;
  if (!r.status.ok()) {
    if (fail_on.error) met.emplace_back("error");
    return met;
  }
  if (fail_on.diagnostic && !r.diagnostics.empty()) met.emplace_back("diagnostic");
  if (fail_on.no_entities && r.entities == 0) met.emplace_back("no-entities");
  if (fail_on.no_recourse && !r.recourse) met.emplace_back("no-recourse");
  return met;
}

void BatchSummary::Add(const FileResult& r) {
  ++files;
  if (!r.status.ok()) {
    ++failed;
    ++failures[r.status.code()];
    return;
  }
  ++documents;
  bytes += r.bytes;
  for (const auto& [type, n] : r.entity_types) entities[type] += n;
  if (r.recourse) {
    ++recourses[*r.recourse];
  } else {
    ++no_recourse;
  }
  if (r.entities == 0) ++no_entities;
  if (!r.diagnostics.empty()) ++with_diagnostics;
  for (const Diagnostic& d : r.diagnostics) ++diagnostics[d.code];
}

nlohmann::ordered_json BatchSummary::ToJson() const {
  const auto object = [](const std::map<std::string, uint64_t>& m) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [k, v] : m) j[k] = v;
    return j;
  };
  nlohmann::ordered_json j;
  j["schema"] = "lexfr-summary/1";
  j["planned"] = planned;
  j["files"] = files;
  j["documents"] = documents;
  j["failed"] = failed;
  j["bytes"] = bytes;
  j["interrupted"] = interrupted;
  j["failures"] = object(failures);
  j["entities"] = object(entities);
  j["recourses"] = object(recourses);
  j["documents_without_entities"] = no_entities;
  j["documents_without_recourse"] = no_recourse;
  j["documents_with_diagnostics"] = with_diagnostics;
  j["diagnostics"] = object(diagnostics);
  return j;
}

std::string BatchSummary::OneLine(double seconds) const {
  std::string line = interrupted ? fmt::format("interrupted after {} of {} files: ", files, planned)
                                 : fmt::format("{} files: ", files);
  line += fmt::format("{} analysed, {} failed", documents, failed);
  if (!failures.empty()) {
    std::string why;
    for (const auto& [code, n] : failures) why += fmt::format("{}{} {}", why.empty() ? "" : ", ", code, n);
    line += " (" + why + ")";
  }
  const double rate = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
  line += fmt::format("; {} in {:.1f} s ({:.1f} MB/s)", HumanBytes(bytes), seconds, rate);
  return line;
}

std::string FormatProgress(uint64_t done, uint64_t total, uint64_t bytes, double seconds) {
  const double rate = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
  const std::string eta =
      done > 0 && seconds > 0 ? Duration(seconds / static_cast<double>(done) * static_cast<double>(total - done))
                              : "-:--";
  return fmt::format("{:>{}}/{} files  {:.1f} MB/s  ETA {}", done, std::to_string(total).size(), total, rate, eta);
}

}  // namespace lexfr
