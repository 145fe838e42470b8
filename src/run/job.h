// One job: one input -> one record. The step that batch runs (run/batch.h)
// and mapper mode (run/mapper.h) share: read the input (or take the text
// given), analyse it, and serialise the document, or the error that stopped
// it, as the record the run writes.
//
// In: a Job (a file to read, or a text given whole), a FileReader, the
// Resources and the options. Out: a FileResult, the record and what the
// summary and --fail-on need of the document (the Document itself is not
// kept, so that a run's window of results stays small).
//
// Thread-safety: RunJob may run on many threads at once with the same
// reader, resources and options; FileResult is a plain value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "emit/json_record.h"
#include "emit/table_rows.h"
#include "emit/html_labels.h"
#include "io/files.h"
#include "lexfr/analyze.h"
#include "lexfr/status.h"

namespace lexfr {

// What one job analyses.
struct Job {
  // The file to read, printed as source.path and in an error record; "-"
  // is standard input, or no file at all for a text given in `text`.
  std::string path = "-";
  // The bytes themselves (mapper mode's "text" documents): nothing is read.
  std::optional<std::string> text;
  // source.id as JSON text (mapper mode, Document::id); unset elsewhere.
  std::optional<std::string> id;
  // Not OK: the job fails with it before anything is read (a folder that
  // could not be walked, a line that is no document, a path refused).
  Status error;
};

struct RecordOptions {
  size_t max_bytes = kDefaultMaxBytes;  // larger files are "too_large" errors
  bool pretty = false;                  // indent the JSON record
  // The record is an HTML page (RenderHtmlPage) instead of a JSON line
  // (default false).
  bool html = false;
  // Set: the record is rows of a table (emit/table_rows.h) instead of JSON.
  std::optional<TableOptions> table;
  // With `table`: the record starts with the header row (a file of its own, -o DIR/).
  bool table_header = false;
  RecordShape shape;  // what a JSON record holds (--types, --no-mentions, --sentences)
  HtmlLang lang = HtmlLang::kFr;  // the page's words (--lang)
};

// The extension of a record's own file under -o DIR/: ".json", ".html", ".csv", ".tsv".
std::string_view RecordExtension(const RecordOptions& options);

// What one input gave: its record, and what the summary and --fail-on need
// from it.
struct FileResult {
  Status status;          // not ok: the input could not be read or analysed
  Status write;           // -o DIR/: not ok when its file was not written
  bool has_file = false;  // -o DIR/: its file was written
  std::string record;     // the JSON record and its newline, or the HTML page (empty with -o DIR/)
  uint64_t bytes = 0;     // size of the analysed input (0 when it failed)
  size_t entities = 0;
  std::map<std::string, uint64_t> entity_types;  // "ORG" -> count
  std::optional<std::string> recourse;           // its kind, or none (recourse null)
  std::string court, recourse_status;             // of the recourse, for index.html
  std::vector<Diagnostic> diagnostics;
  // What -v says of it (cli/analyze_command.cpp)
  std::string format, encoding;  // "pdf", "UTF-8"
  uint64_t pages = 0;            // source.pages (PDF), 0 when not known
  size_t sentences = 0;
  double seconds = 0;  // reading and analysing it, on its worker
};

// Fills what `r` keeps of an analysed document (all but status and record).
void Tally(const Document& doc, FileResult* r);

// An exception that escaped the reading or analysis of one input (a bug, or
// memory exhausted) as that input's error: code "internal_error", exit
// kSoftware, the exception's message. One input never ends a run.
Status InternalError(const std::exception& e);

// Reads (unless the job holds its text), analyses and serialises one job.
// Never throws: a failure, whatever it is (InternalError), is a FileResult
// with a status and an error record.
FileResult RunJob(Job job, const FileReader& reader, const Resources& resources, const AnalyzeOptions& analyze,
                  const RecordOptions& options);

}  // namespace lexfr
