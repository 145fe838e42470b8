// Stage 0, extract: the bytes of a file -> the text the pipeline reads.
//
// In: the raw bytes of one input, its path (the extension is a hint), the
// format asked for (--input-format) and the bounds of ExtractOptions. Out:
// UTF-8 text with the same promises as Decode() (extract/decode.h) — every
// offset in the output counts into it, and `lexfr analyze --emit-text` prints
// it — plus what the source says of itself: its format, title, language and
// publication date, and for a PDF where each page starts.
//
// Formats, detected by content (DetectFormat), the extension deciding only
// when the content says nothing. A byte order mark of any kind (UTF-8,
// UTF-16LE/BE, UTF-32LE/BE), or the NULs of BOM-less UTF-16, is read before
// sniffing, so a UTF-16 page is HTML whatever its name.
//  - pdf:  the bytes start with "%PDF-" (after whitespace). Text by poppler,
//          page by page in the order the file draws it; running headers and
//          footers dropped; line-end hyphens joined; wrapped lines joined
//          into paragraphs; paragraphs and pages separated by a blank line
//          (rules: JoinPdfPages). A PDF without text is the error
//          "no_text_layer", one that needs a password "pdf_encrypted", one
//          poppler cannot open "pdf_invalid"; one without its %%EOF has the
//          diagnostic "pdf_truncated".
//  - html: the first KiB, after a BOM and whitespace, starts with '<' and
//          holds <!doctype html, <html, <head, <body or <p. The bytes are
//          decoded in the encoding the page declares (DeclaredCharset: <meta
//          charset>, <meta http-equiv=Content-Type>, the XML declaration;
//          DecodeDeclared says when the bytes overrule it), else as plain
//          text is; then parsed by gumbo, and the readable text kept, with a
//          blank line between blocks. Markup nested too deep for a
//          linear-time parse, as far as a one-pass check can tell, is the
//          error "html_too_deep".
//  - docx: a ZIP archive holding word/document.xml. odt: a ZIP archive whose
//          "mimetype" is an OpenDocument text (or, without one, that holds
//          content.xml). Read by libzip and pugixml in this process
//          (extract/office_text.cpp): paragraphs, headings and table cells
//          in reading order, each footnote or endnote after the paragraph
//          that calls it, a blank line between paragraphs. Each XML part
//          inflating past max_text_bytes, or text past it, is
//          "office_too_complex"; a damaged archive or XML "office_invalid";
//          a password "office_encrypted"; a document without text
//          "office_no_text".
//  - refused by content, with a converter named in the message
//          ("office_unsupported"): a Word 97-2003 .doc or other OLE file, RTF,
//          a ZIP archive that is neither (a .xlsx, a .pptx, an .ods).
//  - text: anything else, through Decode() alone.
//
// Bounds (ExtractOptions): gumbo and poppler cannot be bounded from inside
// (gumbo frees and, for <frameset>, destroys its tree recursively, and scans
// its stack of open elements at every tag; poppler follows form XObjects and
// re-reads shared content streams without a limit), so by default each runs
// in a child process (extract/cage.h: a parser server per thread) with limits
// on CPU time, memory and output per document. A page or PDF that crashes
// the parser, runs out of its memory or would give more text than
// max_text_bytes is "html_too_complex" or "pdf_too_complex"; one that takes
// longer than timeout_seconds is "timeout"; a PDF of more than max_pages
// pages is "pdf_too_complex". A SIGINT or SIGTERM while a parser runs ends
// it: "interrupted" (exit 130).
// All the other errors above are kDataErr (exit 65), like binary input.
//
// Thread-safety: free functions without shared state. With `isolate` (the
// default) HTML pages and PDFs are read in parallel, each by its thread's
// parser server; without it, PDF extraction holds one process-wide lock
// (poppler's global state), so PDFs are read one at a time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/files.h"
#include "extract/decode.h"
#include "lexfr/status.h"

namespace lexfr {

enum class InputFormat : uint8_t { kAuto, kText, kHtml, kPdf, kDocx, kOdt };

// "auto", "text", "html", "pdf", "docx", "odt"
const char* InputFormatName(InputFormat format);

// Parses the names InputFormatName gives; false for anything else.
bool ParseInputFormat(std::string_view name, InputFormat* out);

// The format of `bytes` (never kAuto): content first, then the extension of
// `path` (.html/.htm, .pdf) when the content is neither PDF nor markup.
InputFormat DetectFormat(std::string_view bytes, std::string_view path);

// What a source says of itself; strings are empty when it says nothing.
struct SourceInfo {
  InputFormat format = InputFormat::kText;
  std::string title;      // HTML <title>
  std::string lang;       // HTML <html lang>
  std::string published;  // "YYYY-MM-DD": HTML article:published_time, <meta name=date>, <time datetime>
  // PDF: the byte offset into the text where page i + 1 starts (the first is
  // 0). Empty for other formats.
  std::vector<uint32_t> page_starts;
};

inline constexpr double kDefaultTimeoutSeconds = 60;  // --timeout
inline constexpr uint32_t kMaxPdfPages = 10'000;

// The bounds on extracting one HTML page or PDF (plain text has only
// --max-bytes). Exceeding any is an error record, never a crash or a hang.
struct ExtractOptions {
  // The most text a page or PDF may give: by default 4 x --max-bytes (a plain
  // text of --max-bytes may decode to 3x as much UTF-8). The CLI sets it from
  // --max-bytes.
  size_t max_text_bytes = 4 * kDefaultMaxBytes;
  // CPU seconds the parser may use on one document (--timeout, default 60);
  // a parser still running after twice that in wall-clock time is stopped too.
  double timeout_seconds = kDefaultTimeoutSeconds;
  uint32_t max_pages = kMaxPdfPages;  // a PDF with more pages is refused
  // Memory the parser server may take for one document beyond what it holds:
  // memory_base_bytes plus memory_per_input_byte for each input byte (gumbo
  // takes about 6 bytes per byte of an ordinary page, 180 of a 300,000-deep
  // one).
  size_t memory_base_bytes = size_t{1} << 30;  // 1 GiB
  size_t memory_per_input_byte = 16;
  // Run gumbo and poppler in the cage (extract/cage.h; default). False:
  // in this process, for tests and fuzzers on small inputs — HTML is then
  // bounded by the markup check and the text bound only, a PDF by the page
  // and text bounds, and a crash in either is this process's.
  bool isolate = true;
};

struct Extracted {
  DecodedText decoded;  // text, encoding of the input, diagnostics
  SourceInfo info;
};

// Extracts `bytes` as `format` (kAuto: DetectFormat) within `options`.
// Fails with kDataErr (kInterrupted for "interrupted", kConfig when the PDF
// module is missing, kSoftware when no child process can be started).
Status Extract(std::string_view bytes, std::string_view path, InputFormat format, const ExtractOptions& options,
               Extracted* out);
// The same, taking the bytes over: plain text becomes the text without a copy.
Status Extract(std::string&& bytes, std::string_view path, InputFormat format, const ExtractOptions& options,
               Extracted* out);
// With the default ExtractOptions.
Status Extract(std::string_view bytes, std::string_view path, InputFormat format, Extracted* out);

// The format-specific halves of Extract(), for tests and fuzzers.
Status ExtractHtml(std::string_view bytes, const ExtractOptions& options, Extracted* out);
Status ExtractPdf(std::string_view bytes, const ExtractOptions& options, Extracted* out);
// `format`: kDocx or kOdt.
Status ExtractOffice(std::string_view bytes, InputFormat format, const ExtractOptions& options, Extracted* out);

// What the first bytes say of an office document: a .docx, an .odt, or one
// lexfr refuses (an OLE file such as a .doc, RTF, another ZIP archive).
// kDamagedZip: starts as a ZIP archive but libzip cannot open it (cut short).
enum class OfficeKind : uint8_t { kNone, kDocx, kOdt, kOle, kRtf, kOtherZip, kDamagedZip };
OfficeKind SniffOffice(std::string_view bytes);
// The error for a kind lexfr refuses ("office_unsupported" naming a
// converter, "office_encrypted" for a password-protected .docx,
// "office_invalid" for a damaged archive); Ok for the others.
Status RefuseOffice(std::string_view bytes, OfficeKind kind);
inline Status ExtractHtml(std::string_view bytes, Extracted* out) { return ExtractHtml(bytes, {}, out); }
inline Status ExtractPdf(std::string_view bytes, Extracted* out) { return ExtractPdf(bytes, {}, out); }

// The encoding an HTML page or XML document names for itself in `head` (its
// first bytes, as SniffHead gives them): the XML declaration's encoding when
// the head starts with one, else the first <meta charset="..."> or <meta
// http-equiv="Content-Type" content="...; charset=...">, outside comments,
// as the HTML standard's prescan finds them. Empty when it names none.
std::string DeclaredCharset(std::string_view head);

// The 1-based page holding byte `offset` of the text, or 0 when there are no
// pages (not a PDF).
uint32_t PageAt(const std::vector<uint32_t>& page_starts, uint32_t offset);

// The PDF post-processing on the text of each page (one string a page):
// drops running headers and footers (a first or last line that repeats,
// digits aside, on more than half of the pages), joins line-end hyphens
// ("commu-"/"nication" -> "communication", "Jean-"/"Pierre" -> "Jean-Pierre"),
// joins wrapped lines, and joins the pages with a blank line, filling
// `page_starts`. The details are in src/extract/pdf_text.cpp and the README.
std::string JoinPdfPages(const std::vector<std::string>& pages, std::vector<uint32_t>* page_starts);

}  // namespace lexfr
