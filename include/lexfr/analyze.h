// The pipeline: decode -> segment -> recognise -> link -> summarise.
//
// In: the bytes of one document and where they came from. Out: a Document
// holding everything the writers print. Resources (gazetteers, cue lists) are
// loaded once per process and shared read-only by every thread; Analyze() is
// then safe to call concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/dates.h"
#include "lexfr/entity.h"
#include "lexfr/gazetteer.h"
#include "lexfr/quotes.h"
#include "lexfr/recourse.h"
#include "lexfr/segment.h"
#include "lexfr/source.h"
#include "lexfr/status.h"

namespace lexfr {

// Loaded once at start-up; immutable afterwards.
struct Resources {
  Gazetteer gazetteer;
};

// Loads the embedded data and the user's gazetteer files (kConfig on error).
Status LoadResources(const std::vector<std::string>& user_gazetteers, Resources* out);

struct AnalyzeOptions {
  DateOptions dates;  // reference date for relative dates (default: none)
};

struct Document {
  std::string path;       // as the user gave it, "-" for standard input
  // Mapper mode (analyze --input-jsonl): source.id, the "id" of the input
  // line as JSON text ("\"a-1\"", "42", "null"); unset elsewhere, and then
  // the record has no id. Set after Analyze(), which does not touch it.
  std::optional<std::string> id;
  uint64_t bytes = 0;     // size of the raw input
  std::string sha256;     // of the raw input
  DecodedText decoded;    // text, encoding, decode diagnostics
  Segmentation segmentation;
  std::vector<Entity> entities;
  std::optional<Recourse> recourse;
  std::vector<Quote> quotes;
  std::vector<Diagnostic> diagnostics;  // decode diagnostics and later ones
};

// Runs the whole pipeline over `bytes`. Fails only when the input cannot be
// decoded at all (binary): then `out` holds path, bytes and sha256.
Status Analyze(std::string_view bytes, std::string path, const Resources& resources, const AnalyzeOptions& options,
               Document* out);

}  // namespace lexfr
