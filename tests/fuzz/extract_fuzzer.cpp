// libFuzzer harness: format detection and extraction (HTML through gumbo, PDF
// through poppler) of arbitrary bytes, plus the HTML extractor forced on what
// detection took for something else, so that it sees every input. It must
// never crash or hang; what it accepts must be valid UTF-8 with its page
// starts in order and inside the text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "lexfr/extract.h"

namespace {

void Check(const lexfr::Extracted& out) {
  if (!lexfr::IsValidUtf8(out.decoded.text)) std::abort();
  uint32_t last = 0;
  for (uint32_t start : out.info.page_starts) {
    if (start < last || start > out.decoded.text.size()) std::abort();
    last = start;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lexfr::Extracted out;
  if (lexfr::Extract(bytes, "fuzz", lexfr::InputFormat::kAuto, &out).ok()) Check(out);
  if (out.info.format != lexfr::InputFormat::kHtml && lexfr::ExtractHtml(bytes, &out).ok()) Check(out);
  return 0;
}
