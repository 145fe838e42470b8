// Stage 6, emit, as a table: a document -> rows of CSV or TSV, for the
// spreadsheets journalists live in (issue 23).
//
// One row per entity (its first mention's offsets and sentence), or one row
// per mention (--rows mentions); the columns are fixed, in this order
// (kTableColumns), whatever the entity types present:
//   path, type, canonical, subtype, instrument, article, value, amount,
//   currency, mentions, text, start, end, byte_start, byte_end, sentence,
//   sentence_text, page, id
// A cell that does not apply to the row's type is empty. `mentions` is the
// entity's mention count; `text` .. `page` describe the row's mention (the
// first one in entity rows): its text, offsets as in the JSON, the index of
// its sentence and that sentence's text; `page` only for PDFs, `id` only in
// mapper mode (source.id: a string as it is, else its JSON). An input that failed is one row of
// type ERROR, its message in `canonical` and its code in `subtype`.
//
// CSV is RFC 4180: fields with a comma, a quote, CR or LF quoted, quotes
// doubled, lines ended by CRLF. TSV has no quoting: a tab, CR, LF or
// backslash in a cell is written \t, \r, \n or \\, lines end with LF.
//
// Thread-safety: free functions; rows may be built on many threads.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "emit/json_record.h"
#include "lexfr/analyze.h"
#include "lexfr/status.h"

namespace lexfr {

enum class TableDialect { kCsv, kTsv };

struct TableOptions {
  TableDialect dialect = TableDialect::kCsv;
  bool per_mention = false;  // --rows mentions
  RecordShape shape;         // its `types` filter the rows (--types)
};

inline constexpr std::array<std::string_view, 19> kTableColumns = {
    "path", "type",  "canonical", "subtype",    "instrument", "article",  "value",         "amount", "currency", "mentions",
    "text", "start", "end",       "byte_start", "byte_end",   "sentence", "sentence_text", "page",   "id"};

// The header row, line end included.
std::string TableHeader(TableDialect dialect);

// The rows of one document, each ended by its line end; none when it has no
// entity (of the --types kept).
void AppendDocumentRows(const Document& doc, const TableOptions& options, std::string* out);

// The ERROR row of an input that could not be analysed.
void AppendErrorRow(const std::string& path, const Status& status, TableDialect dialect, std::string* out,
                    const std::optional<std::string>& id = std::nullopt);

}  // namespace lexfr
