// liblexfr_pdf.so: the only code that calls poppler (see extract/pdf_module.h).
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>

#include "extract/pdf_module.h"

namespace {

void IgnorePopplerMessage(const std::string&, void*) {}

}  // namespace

extern "C" __attribute__((visibility("default"))) void lexfr_pdf_pages_v2(const char* data, size_t size,
                                                                         const lexfr::PdfLimits* limits,
                                                                         lexfr::PdfPages* out) {
  using lexfr::PdfPages;
  *out = PdfPages{};
  poppler::set_debug_error_function(IgnorePopplerMessage, nullptr);  // poppler would print to stderr
  if (size > static_cast<size_t>(INT_MAX)) return;
  const std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(data, static_cast<int>(size)));
  if (!doc) return;
  if (doc->is_locked()) {
    out->outcome = PdfPages::kEncrypted;
    return;
  }
  const int count = doc->pages();
  if (count <= 0) {
    out->outcome = PdfPages::kNoPages;
    return;
  }
  out->page_count = static_cast<uint32_t>(count);
  if (out->page_count > limits->max_pages) {
    out->outcome = PdfPages::kTooManyPages;
    return;
  }
  out->pages.reserve(static_cast<size_t>(count));
  size_t total = 0;
  for (int i = 0; i < count; ++i) {
    const std::unique_ptr<poppler::page> page(doc->create_page(i));
    std::string text;
    if (page) {
      // The order the PDF draws its text in: for the one-column decisions and
      // deliberations courts and the CNIL publish, the reading order. (The
      // physical layout pads columns with spaces; poppler's own reading-order
      // mode glues every line-end hyphen: "Jean-Pierre" -> "JeanPierre".)
      const poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
      text.assign(utf8.data(), utf8.size());
    }
    total += text.size();
    out->pages.push_back(std::move(text));
    // Pages may share one content stream, or draw the same forms: the text
    // can grow far beyond the file. Stop once it passes the bound.
    if (total > limits->max_text) {
      out->outcome = PdfPages::kTooMuchText;
      return;
    }
  }
  out->outcome = PdfPages::kOk;
}
