// What a run counts and reports, whatever its inputs (files, folders or a
// stream): --summary, the line on stderr, the progress line, and the
// --fail-on conditions.
//
// In: the FileResult of each job (run/job.h), in output order. Out: counts,
// their JSON object and one-line form, and the names of the conditions met.
//
// Thread-safety: free functions without state; BatchSummary is a plain
// value, added to by one thread at a time (the emitting one).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lexfr/status.h"
#include "run/job.h"

namespace lexfr {

// The --fail-on conditions, each met when at least one file...
struct FailOn {
  bool error = false;        // failed (error record)
  bool diagnostic = false;   // has diagnostics
  bool no_entities = false;  // has zero entities
  bool no_recourse = false;  // has recourse null
};

// Parses words "error", "diagnostic", "no-entities", "no-recourse" (kUsage).
Status ParseFailOn(const std::vector<std::string>& words, FailOn* out);

// The names of the conditions of `fail_on` that one result meets.
std::vector<std::string> ConditionsMet(const FailOn& fail_on, const FileResult& result);

// Counts over a run, for --summary and the line on stderr.
struct BatchSummary {
  uint64_t planned = 0;    // inputs the run was to analyse (after --shard)
  uint64_t files = 0;      // inputs done: documents + failed
  uint64_t documents = 0;  // analysed
  uint64_t failed = 0;     // error records
  uint64_t bytes = 0;      // of the analysed inputs
  uint64_t no_entities = 0, no_recourse = 0, with_diagnostics = 0;  // documents
  std::map<std::string, uint64_t> failures;     // by error code
  std::map<std::string, uint64_t> entities;     // by type
  std::map<std::string, uint64_t> recourses;    // by kind
  std::map<std::string, uint64_t> diagnostics;  // by code
  bool interrupted = false;

  void Add(const FileResult& result);
  // The --summary object; keys in a fixed order, maps sorted:
  //   {"schema":"lexfr-summary/1","planned":1000,"files":1000,"documents":
  //    990,"failed":10,"bytes":123456,"interrupted":false,"failures":
  //    {"binary":10},"entities":{"ORG":52},"recourses":{"annulment":3},
  //    "documents_without_entities":4,"documents_without_recourse":987,
  //    "documents_with_diagnostics":12,"diagnostics":{"invalid_utf8":12}}
  nlohmann::ordered_json ToJson() const;
  // "1000 files: 990 analysed, 10 failed (binary 10); 4.2 MB in 1.3 s (3.2 MB/s)"
  std::string OneLine(double seconds) const;
};

// "  420/1000 files  3.2 MB/s  ETA 0:07" (no newline), for a progress line.
std::string FormatProgress(uint64_t done, uint64_t total, uint64_t bytes, double seconds);

}  // namespace lexfr
