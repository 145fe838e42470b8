// libFuzzer harness: the whole analysis of arbitrary bytes, through to the
// JSON writer. It must never crash, and every offset must stay inside the
// text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "lexfr/analyze.h"
#include "lexfr/writer.h"

namespace {

const lexfr::Resources& Shared() {
  static const lexfr::Resources* r = [] {
    auto* res = new lexfr::Resources;
    if (!lexfr::LoadResources({}, res).ok()) std::abort();
    return res;
  }();
  return *r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lexfr::Document doc;
  const lexfr::Status s =
      lexfr::Analyze(std::string(reinterpret_cast<const char*>(data), size), "fuzz", Shared(), {}, &doc);
  if (!s.ok()) return 0;
  for (const lexfr::Entity& e : doc.entities) {
    for (const lexfr::Mention& m : e.mentions) {
      if (m.byte_end > doc.decoded.text.size() || m.byte_start >= m.byte_end) std::abort();
    }
  }
  std::string json;
  lexfr::AppendDocumentJson(doc, false, &json);
  if (json.empty()) std::abort();
  return 0;
}
