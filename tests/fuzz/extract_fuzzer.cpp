// libFuzzer harness: format detection and extraction (HTML through gumbo, PDF
// through poppler, .docx and .odt through libzip and pugixml, seeds in
// seeds/note-table.*) of arbitrary bytes, plus the HTML extractor forced on what
// detection took for something else, so that it sees every input. HTML runs
// in this process (its walks are ours, and coverage counts only here); a PDF
// runs caged as in the CLI (extract/cage.h), since poppler has no limit of its
// own: a second of CPU each. It must never crash or hang; what it accepts must
// be valid UTF-8 with its page starts in order and inside the text, and within
// the text bound.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/extract.h"

namespace {

constexpr size_t kMaxText = 64 << 10;

void Check(const lexfr::Extracted& out) {
  if (!lexfr::IsValidUtf8(out.decoded.text)) std::abort();
  if (out.decoded.text.size() > kMaxText) std::abort();
  uint32_t last = 0;
  for (uint32_t start : out.info.page_starts) {
    if (start < last || start > out.decoded.text.size()) std::abort();
    last = start;
  }
}

lexfr::ExtractOptions Options(bool isolate) {
  lexfr::ExtractOptions options;
  options.isolate = isolate;
  options.timeout_seconds = 1;
  options.max_text_bytes = kMaxText;
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bool pdf = lexfr::DetectFormat(bytes, "fuzz") == lexfr::InputFormat::kPdf;
  lexfr::Extracted out;
  if (lexfr::Extract(bytes, "fuzz", lexfr::InputFormat::kAuto, Options(pdf), &out).ok()) Check(out);
  if (out.info.format != lexfr::InputFormat::kHtml && lexfr::ExtractHtml(bytes, Options(false), &out).ok()) Check(out);
  return 0;
}
