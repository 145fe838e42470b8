// Stage 0, extract: the bytes of a file -> the text the pipeline reads.
//
// In: the raw bytes of one input, its path (the extension is a hint) and the
// format asked for (--input-format). Out: UTF-8 text with the same promises as
// Decode() (lexfr/source.h) — every offset in the output counts into it, and
// `lexfr analyze --emit-text` prints it — plus what the source says of itself:
// its format, title, language and publication date, and for a PDF where each
// page starts.
//
// Formats, detected by content (DetectFormat), the extension deciding only
// when the content says nothing:
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
//          decoded as plain text is (UTF-8, else windows-1252 and kin), then
//          parsed by gumbo; the readable text is kept, with a blank line
//          between blocks. Markup nested too deep for a linear-time parse is
//          the error "html_too_deep".
//  - text: anything else, through Decode() alone.
// All the errors above are kDataErr (exit 65), like binary input.
//
// Thread-safety: free functions without shared state, except that PDF
// extraction holds one process-wide lock (poppler's global state), so PDFs are
// read one at a time whatever the thread count.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/source.h"
#include "lexfr/status.h"

namespace lexfr {

enum class InputFormat : uint8_t { kAuto, kText, kHtml, kPdf };

const char* InputFormatName(InputFormat format);  // "auto", "text", "html", "pdf"

// Parses "auto", "text", "html" or "pdf"; false for anything else.
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

struct Extracted {
  DecodedText decoded;  // text, encoding of the input, diagnostics
  SourceInfo info;
};

// Extracts `bytes` as `format` (kAuto: DetectFormat). Fails with kDataErr.
Status Extract(std::string_view bytes, std::string_view path, InputFormat format, Extracted* out);
// The same, taking the bytes over: plain text becomes the text without a copy.
Status Extract(std::string&& bytes, std::string_view path, InputFormat format, Extracted* out);

// The format-specific halves of Extract(), for tests and fuzzers.
Status ExtractHtml(std::string_view bytes, Extracted* out);
Status ExtractPdf(std::string_view bytes, Extracted* out);

// The 1-based page holding byte `offset` of the text, or 0 when there are no
// pages (not a PDF).
uint32_t PageAt(const std::vector<uint32_t>& page_starts, uint32_t offset);

// The PDF post-processing on the text of each page (one string a page):
// drops running headers and footers (a first or last line that repeats,
// digits aside, on more than half of the pages), joins line-end hyphens
// ("commu-"/"nication" -> "communication", "Jean-"/"Pierre" -> "Jean-Pierre"),
// joins wrapped lines, and joins the pages with a blank line, filling
// `page_starts`. The details are in src/pdf_text.cpp and the README.
std::string JoinPdfPages(const std::vector<std::string>& pages, std::vector<uint32_t>* page_starts);

}  // namespace lexfr
