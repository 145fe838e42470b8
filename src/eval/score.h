// lexfr eval: lexfr's output scored against gold annotations, as
// tests/score.py (the project's scorer) scores it, figure for figure.
//
// In: gold files (GOLD_DIR/*.gold.json, the format the README documents)
// and predictions (lexfr's records, paired with a gold file by the name of
// source.path without its extension: a.txt <-> a.gold.json). Out: a Report:
// per entity type precision, recall and F1 over distinct entities; the
// recourse's fields and the document's (genre, decision) scored one by one,
// each the mean over the documents whose gold states it; and the misses.
//
// This is a port of score.py, kept faithful on purpose (same folding, same
// matching order, same rounding): a test runs both on the dev corpus and
// compares every figure. Change both or neither.
//
// Thread-safety: pure functions over JSON values.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace lexfr::eval {

using Json = nlohmann::ordered_json;

// score.py's fold(): case, accents, apostrophes, quotes and spaces folded, a
// leading French article dropped ("l'Autorité" -> "autorite").
std::string Fold(const Json& value);

struct TypeCounts {
  uint64_t true_positives = 0, gold = 0, predicted = 0;
};

// One line of --misses: an entity missed or spurious, or a field scored below 1.
struct Miss {
  std::string document, what, how;  // "ORG", "missed" | "recourse.court", "0.0"
  std::string detail;               // the entity | gold=… pred=…
};

struct Report {
  std::vector<std::string> documents;        // gold stems, in order
  std::vector<std::string> unmatched;        // of them, those without a prediction
  std::map<std::string, TypeCounts> entities;  // by type
  std::map<std::string, std::vector<double>> recourse, document;  // field -> one score per document stating it
  std::vector<Miss> misses;        // entities missed or spurious, document by document
  std::vector<Miss> field_misses;  // recourse and document fields below 1, printed after them
};

// The entity types scored, in score.py's order.
const std::vector<std::string>& ScoredTypes();

// Scores one document: `gold` a gold file's object, `pred` a record (or
// nullptr: no prediction, which scores as wrong either way).
void ScoreDocument(const std::string& stem, const Json& gold, const Json* pred, Report* report);

// The report as `score.py --json` prints it (indent 1), and as its text.
Json ReportJson(const Report& report);
std::string ReportText(const Report& report, bool misses);

// score.py's pairing key: the file name of source.path without its last
// extension ("a/b.txt" -> "b"); empty when the record has no path.
std::string PredictionKey(const Json& record);

}  // namespace lexfr::eval
