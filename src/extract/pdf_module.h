// The poppler half of PDF extraction, as a module loaded on first use.
//
// poppler-cpp pulls two dozen shared libraries (freetype, NSS, lcms, libtiff,
// ...) whose loading costs every run ~6 ms at start-up, PDF or not (issue 7's
// budget is 15 ms). So lexfr_pdf (liblexfr_pdf.so, built next to the lexfr
// binary, installed in lib/lexfr/) holds the only calls into poppler, and src/extract/pdf_text.cpp dlopen()s it
// the first time a PDF comes: text runs never load poppler at all.
//
// The module's one entry point, kPdfModuleEntry, has C linkage and fills a
// PdfPages within PdfLimits; both sides are built by the same compiler from
// this header (the entry's name carries a version, so a module left over from
// an older build is refused rather than called with the wrong arguments).
// src/extract/pdf_text.cpp calls it in a child process (extract/cage.h): poppler itself
// has no limit on time or memory.
//
// Where the module is looked for: $LEXFR_PDF_MODULE when set (only there);
// else ../lib/lexfr/ from the running executable's folder (`cmake --install`
// and the Debian package put it there), then that folder itself (the build
// tree), then the build folder it was compiled in, only for executables
// inside it (the tests and fuzzers, which run from sub-folders).
//
// Thread-safety: the entry point is not reentrant (poppler keeps global
// state): callers run it in a child process each, or hold one lock around it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lexfr {

struct PdfLimits {
  uint32_t max_pages = 0;  // more pages: kTooManyPages, no page read
  size_t max_text = 0;     // more bytes of text, all pages together: kTooMuchText, reading stops
};

struct PdfPages {
  enum Outcome : uint32_t { kOk, kUnreadable, kEncrypted, kNoPages, kTooManyPages, kTooMuchText };
  Outcome outcome = kUnreadable;
  uint32_t page_count = 0;         // as the document says
  std::vector<std::string> pages;  // poppler's UTF-8 text of each page, in drawing order
};

using PdfPagesFunction = void (*)(const char* data, size_t size, const PdfLimits* limits, PdfPages* out);

inline constexpr const char* kPdfModuleEntry = "lexfr_pdf_pages_v2";
inline constexpr const char* kPdfModuleFile = "liblexfr_pdf.so";

}  // namespace lexfr
