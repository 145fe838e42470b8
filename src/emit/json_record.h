// Stage 6, emit: Documents -> records (JSON, or an HTML page) -> an Output.
//
// A record is built whole for one document (or one per-file error), so the
// batch runner can put records back in input order before writing them.
// Writers never print anything but the format itself.
//
// Wire format (one document, abridged; the JSON Schema is data/schema/):
//   {"schema":"lexfr/1",
//    "source":{"path":"a.txt","bytes":4351,"sha256":"…","encoding":"UTF-8","bom":false,
//              "format":"text"},   (html adds title, lang, published; pdf adds pages)
//    "language":"fr","stats":{"sentences":31,"tokens":742,"characters":4290,"entities":22},
//    "entities":[{"type":"ORG","canonical":"CNIL","subtype":"regulator","aliases":["Cnil"],
//                 "mentions":[{"text":"Cnil","start":140,"end":144,"byte_start":142,
//                              "byte_end":146,"sentence":1}]}],   (pdf: and "page":1)
//    "recourse":null,"quotes":[],"diagnostics":[]}
// RecordShape thins it (--types, --no-mentions) or adds "sentences" at the end
// (--sentences); an integral MONEY amount is an integer (150000000).
// An input that could not be analysed is one error record instead:
//   {"schema":"lexfr/1","source":{"path":"x.bin"},"error":{"code":"binary","message":"…"}}
// In mapper mode (analyze --input-jsonl) both end their "source" with the
// "id" of the input line (Document::id).
//
// Thread-safety: records may be built on many threads; one Output per thread
// of writing.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "emit/html_labels.h"
#include "lexfr/analyze.h"
#include "lexfr/status.h"

namespace lexfr {

inline constexpr std::string_view kSchemaVersion = "lexfr/1";

// A file descriptor with a buffer and errors as values: a closed pipe gives
// code "closed_pipe" (callers end quietly), a full disk kIoErr.
class Output {
 public:
  // "-" is standard output. Fails with kCantCreate.
  static Status Open(const std::string& path, std::unique_ptr<Output>* out);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  Status Write(std::string_view bytes);
  Status Flush();
  bool is_terminal() const { return terminal_; }

 private:
  Output(int fd, bool owned, std::string path);
  // Writes `bytes` to the descriptor, all of them or an error (kept in failed_).
  Status WriteAll(std::string_view bytes);
  int fd_;
  bool owned_;
  bool terminal_;
  std::string path_;
  std::string buffer_;
  Status failed_;
};

// What a record holds beyond the contract's defaults, or less of it: the
// options that thin or thicken analyze's output (--types, --no-mentions,
// --sentences). The default is the full record, the contract's.
struct RecordShape {
  // One bit per EntityType (1 << type): the types of entities written.
  uint32_t types = ~uint32_t{0};
  bool mentions = true;    // false: entities without their "mentions"
  bool sentences = false;  // true: "sentences": [{start, end, byte_start, byte_end, text}] at the end
  bool Keeps(EntityType type) const { return (types >> static_cast<unsigned>(type) & 1U) != 0; }
};

// Append one document, or one error record, to `out` in the wire format above
// (no trailing newline), streamed field by field: no JSON tree is built, so
// the output costs only its own bytes (emit/json_writer.h).
void AppendDocumentJson(const Document& doc, bool pretty, std::string* out, const RecordShape& shape = {});
// `id`: source.id as JSON text (mapper mode; see Document::id).
void AppendErrorJson(const std::string& path, const Status& status, bool pretty, std::string* out,
                     const std::optional<std::string>& id = std::nullopt);

// Serialises small trees (the batch summary) without ever failing: invalid
// UTF-8 (only possible in paths) is replaced by U+FFFD.
std::string Dump(const nlohmann::ordered_json& j, bool pretty);

// One self-contained HTML page per document (inline CSS and JS, nothing
// fetched, works from file://): the recourse card, the text with every mention
// highlighted by type, the entities and the quotes. A page is one document;
// batches write one page per file (-o DIR/) plus RenderHtmlIndex(). The input
// text is HTML-escaped everywhere.
//
// Anchors a reader (or a test) can rely on: sentence N is the element
// `#s-N`; mention j of entity i is `<mark class="m m-TYPE" data-mention=
// "m-i-j">`, whose first (usually only) segment has id `m-i-j`. When two
// mentions overlap without nesting, the inner one is split into segments
// sharing one data-mention; count distinct data-mention values.
// Its words are French unless `lang` says English (--lang).
std::string RenderHtmlPage(const Document& doc, HtmlLang lang = HtmlLang::kFr);
// The page for an input that failed.
std::string RenderHtmlErrorPage(const std::string& path, const Status& error, HtmlLang lang = HtmlLang::kFr);

// One row of a batch's index.html: a document, or an input that failed.
struct HtmlIndexRow {
  std::string path;   // source.path
  std::string link;   // its page, relative to the index ("a/b.txt.html"); empty: none
  std::string error;  // not empty: the input failed with this message
  std::string kind, court, status;  // of the recourse; empty when none
  uint64_t entities = 0;
  std::map<std::string, uint64_t> entity_types;  // "ORG" -> count
  std::string format;  // source.format ("docx"); empty when it failed
  uint64_t pages = 0;  // source.pages, 0 when not known
};

// index.html of a batch: `summary` is BatchSummary::ToJson(), then one row
// per input in input order.
// The summary is said in words (« 3 documents analysés sur 3 », « 12
// organisations »), each row with its format and page count.
std::string RenderHtmlIndex(const nlohmann::ordered_json& summary, const std::vector<HtmlIndexRow>& rows,
                            HtmlLang lang = HtmlLang::kFr);

// The tokens of one document as JSON Lines (the `tokens` subcommand).
Status WriteTokens(const Document& doc, Output* out);

}  // namespace lexfr
