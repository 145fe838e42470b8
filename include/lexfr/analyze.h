// The pipeline: extract (decode) -> segment -> recognise -> link -> summarise.
//
// In: the bytes of one document and where they came from. Out: a Document
// holding everything the writers print. Resources (the Lexicon: every data
// file, lexicon/lexicon.h) are loaded once per process and shared read-only by every thread; Analyze() is
// then safe to call concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recognise/dates.h"
#include "lexfr/entity.h"
#include "extract/extract.h"
#include "lexicon/lexicon.h"
#include "summarise/quotes.h"
#include "summarise/recourse.h"
#include "structure/structure.h"
#include "text/segment.h"
#include "extract/decode.h"
#include "lexfr/status.h"

namespace lexfr {

// Loaded once at start-up; immutable afterwards.
struct Resources {
  Lexicon lexicon;
};

// Loads the embedded data and the user's gazetteer files (kConfig, exit 78,
// naming file:line on error).
Status LoadResources(const std::vector<std::string>& user_gazetteers, Resources* out);

struct AnalyzeOptions {
  // Reference date for relative dates. Unset: an HTML page's publication
  // date, else the document's own (recognise/dates.h).
  DateOptions dates;
  InputFormat input_format = InputFormat::kAuto;  // --input-format
  // Bounds on HTML and PDF extraction (--timeout, 4 x --max-bytes of text;
  // extract/extract.h).
  ExtractOptions extract;
};

struct Document {
  std::string path;       // as the user gave it, "-" for standard input
  // Mapper mode (analyze --input-jsonl): source.id, the "id" of the input
  // line as JSON text ("\"a-1\"", "42", "null"); unset elsewhere, and then
  // the record has no id. Set after Analyze(), which does not touch it.
  std::optional<std::string> id;
  uint64_t bytes = 0;     // size of the raw input
  std::string sha256;     // of the raw input
  // The extracted text, its input encoding, and the diagnostics of decoding
  // and extraction: the record's "diagnostics" (no later stage adds any).
  DecodedText decoded;
  SourceInfo source;      // format, title, lang, published, PDF page starts
  Segmentation segmentation;
  std::vector<Entity> entities;
  Structure structure;  // genre, and a decision's identity
  std::optional<Recourse> recourse;
  std::vector<Quote> quotes;
};

// Runs the whole pipeline over `bytes`; `path` is also the extension hint of
// format detection. Fails only when the input cannot be extracted (binary, a
// broken PDF or HTML; extract/extract.h): then `out` holds path, bytes and
// sha256. `bytes` is taken by value so that a caller can move its buffer in:
// plain UTF-8 then becomes the text without a second copy.
Status Analyze(std::string bytes, std::string path, const Resources& resources, const AnalyzeOptions& options,
               Document* out);

}  // namespace lexfr
