// eval: lexfr scored on a user's own annotated texts (issue 23), as the
// project scores itself (tests/score.py, ported in eval/score.h).
//
//   lexfr eval GOLD_DIR                 analyses each GOLD_DIR/X.txt (.html, .pdf)
//                                       that has an X.gold.json, then scores it
//   lexfr eval GOLD_DIR PREDICTIONS     scores saved output instead: JSON Lines,
//                                       a JSON array, or a folder of *.json
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "emit/json_record.h"
#include "eval/score.h"
#include "io/files.h"
#include "lexfr/analyze.h"
#include "run/outputs.h"

namespace lexfr {
namespace {

namespace fs = std::filesystem;
using eval::Json;

constexpr std::string_view kGoldSuffix = ".gold.json";

bool EndsWith(std::string_view s, std::string_view end) { return s.size() >= end.size() && s.substr(s.size() - end.size()) == end; }

Status DataError(const std::string& message) { return Status::Error(ExitCode::kDataErr, "not_json", message); }

// The files of a folder (not below it), sorted by name.
Status FilesOf(const std::string& dir, std::vector<std::string>* names) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) names->push_back(it->path().filename().string());
  }
  if (ec) return Status::Error(ExitCode::kNoInput, "unreadable", dir + ": " + ec.message());
  std::sort(names->begin(), names->end());
  return Status::Ok();
}

Status ReadJsonFile(const std::string& path, size_t max_bytes, Json* out) {
  std::string bytes;
  if (Status s = DiskReader().Read(path, max_bytes, &bytes); !s.ok()) return s;
  *out = Json::parse(bytes, nullptr, false);
  if (out->is_discarded()) return DataError(path + ": not JSON");
  return Status::Ok();
}

// Records -> the predictions, keyed as score.py pairs them; a later record
// of the same name wins.
void AddRecord(const Json& record, std::map<std::string, Json>* preds) {
  if (!record.is_object()) return;
  const std::string key = eval::PredictionKey(record);
  if (!key.empty()) (*preds)[key] = record;
}

// PREDICTIONS: a folder of *.json (one record each, -o DIR/), or a file:
// one JSON array or object (--format json), else JSON Lines.
Status LoadPredictions(const std::string& path, size_t max_bytes, std::map<std::string, Json>* preds) {
  if (IsFolder(path)) {
    std::vector<std::string> names;
    if (Status s = FilesOf(path, &names); !s.ok()) return s;
    for (const std::string& name : names) {
      if (!EndsWith(name, ".json")) continue;
      Json record;
      if (Status s = ReadJsonFile(path + "/" + name, max_bytes, &record); !s.ok()) return s;
      AddRecord(record, preds);
    }
    return Status::Ok();
  }
  std::string bytes;
  if (Status s = DiskReader().Read(path, max_bytes, &bytes); !s.ok()) return s;
  const Json whole = Json::parse(bytes, nullptr, false);
  if (!whole.is_discarded()) {
    if (whole.is_array()) {
      for (const Json& record : whole) AddRecord(record, preds);
    } else {
      AddRecord(whole, preds);
    }
    return Status::Ok();
  }
  size_t line_number = 0;
  for (size_t at = 0; at < bytes.size();) {
    size_t end = bytes.find('\n', at);
    if (end == std::string::npos) end = bytes.size();
    const std::string_view line(bytes.data() + at, end - at);
    ++line_number;
    at = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const Json record = Json::parse(line, nullptr, false);
    if (record.is_discarded()) return DataError(path + ", line " + std::to_string(line_number) + ": not JSON");
    AddRecord(record, preds);
  }
  return Status::Ok();
}

// No PREDICTIONS: lexfr analyses the text of each gold file (X.txt, or
// X.html, X.pdf: the first by name), as `lexfr analyze` would.
Status AnalyzeGoldTexts(const Options& options, const std::string& dir, const std::vector<std::string>& names,
                        const std::vector<std::string>& stems, std::map<std::string, Json>* preds) {
  Resources resources;
  if (Status s = LoadResources(options.gazetteers, &resources); !s.ok()) return s;
  AnalyzeOptions analyze;
  analyze.dates.ref_date = options.ref_date;
  analyze.extract = ExtractOptionsOf(options);
  std::map<std::string, std::string> text_of;  // stem -> its text file
  for (const std::string& name : names) {
    if (EndsWith(name, ".json")) continue;
    const size_t dot = name.rfind('.');
    text_of.emplace(dot == std::string::npos ? name : name.substr(0, dot), name);
  }
  for (const std::string& stem : stems) {
    const auto it = text_of.find(stem);
    if (it == text_of.end()) {
      spdlog::warn("{}: no text beside {}{}", dir, stem, kGoldSuffix);
      continue;
    }
    const std::string path = dir + "/" + it->second;
    std::string bytes;
    Document doc;
    Status s = DiskReader().Read(path, options.max_bytes, &bytes);
    if (s.ok()) s = Analyze(std::move(bytes), path, resources, analyze, &doc);
    if (!s.ok()) {
      spdlog::error("{}", Named(path, s.message()));
      continue;
    }
    std::string record;
    AppendDocumentJson(doc, false, &record);
    (*preds)[stem] = Json::parse(record);
  }
  return Status::Ok();
}

}  // namespace

int RunEval(const Options& options) {
  const std::string dir = options.gold_dir;
  if (!IsFolder(dir)) {
    return Fail(Status::Error(ExitCode::kUsage, "usage", "GOLD_DIR " + dir + " is not a folder of *.gold.json files"));
  }
  std::vector<std::string> names, stems;
  if (Status s = FilesOf(dir, &names); !s.ok()) return Fail(s);
  for (const std::string& name : names) {
    if (EndsWith(name, kGoldSuffix)) stems.push_back(name.substr(0, name.size() - kGoldSuffix.size()));
  }
  if (stems.empty()) return Fail(Status::Error(ExitCode::kNoInput, "not_found", dir + ": no *.gold.json file"));
  // -o never destroys what the run reads: a gold file, the predictions.
  std::vector<RunFile> reads;
  for (const std::string& stem : stems) reads.push_back({"", dir + "/" + stem + std::string(kGoldSuffix), false});
  if (!options.predictions.empty()) reads.push_back({"", options.predictions});
  if (Status s = CheckRunFiles(reads, {{"-o", options.output}}); !s.ok()) return Fail(s);
  std::map<std::string, Json> preds;
  const Status loaded = options.predictions.empty() ? AnalyzeGoldTexts(options, dir, names, stems, &preds)
                                                    : LoadPredictions(options.predictions, options.max_bytes, &preds);
  if (!loaded.ok()) return Fail(loaded);
  eval::Report report;
  for (const std::string& stem : stems) {
    Json gold;
    if (Status s = ReadJsonFile(dir + "/" + stem + std::string(kGoldSuffix), options.max_bytes, &gold); !s.ok()) {
      return Fail(s);
    }
    const auto pred = preds.find(stem);
    eval::ScoreDocument(stem, gold, pred == preds.end() ? nullptr : &pred->second, &report);
  }
  // --json as score.py --json prints it: indented by one space.
  const std::string text = options.eval_json
                               ? eval::ReportJson(report).dump(1, ' ', false, Json::error_handler_t::replace) + "\n"
                               : eval::ReportText(report, options.eval_misses);
  std::unique_ptr<Output> out;
  if (Status s = Output::Open(options.output, &out); !s.ok()) return Fail(s);
  Status s = out->Write(text);
  if (s.ok()) s = out->Flush();
  return s.ok() ? 0 : WriteFailure(s);
}

}  // namespace lexfr
