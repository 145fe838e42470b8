// libFuzzer harness: the whole analysis of arbitrary bytes, through to the
// JSON writer, twice: as a file, and as the "text" of one --input-jsonl line
// (text sniffed as HTML or PDF as the mapper does, run/mapper.h). HTML runs
// in this process, a PDF caged as in the CLI (extract/cage.h). It must never
// crash, every offset must stay inside the text, and the line's record must
// be one JSON line.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "lexfr/analyze.h"
#include "io/files.h"
#include "run/mapper.h"
#include "emit/json_record.h"

namespace {

const lexfr::Resources& Shared() {
  static const lexfr::Resources* r = [] {
    auto* res = new lexfr::Resources;
    if (!lexfr::LoadResources({}, res).ok()) std::abort();
    return res;
  }();
  return *r;
}

lexfr::AnalyzeOptions Options(std::string_view bytes) {
  lexfr::AnalyzeOptions options;
  options.extract.isolate = lexfr::DetectFormat(bytes, "fuzz") == lexfr::InputFormat::kPdf;
  options.extract.timeout_seconds = 1;
  return options;
}

void AnalyzeFile(std::string_view bytes) {
  lexfr::Document doc;
  const lexfr::Status s = lexfr::Analyze(std::string(bytes), "fuzz", Shared(), Options(bytes), &doc);
  if (!s.ok()) return;
  for (const lexfr::Entity& e : doc.entities) {
    for (const lexfr::Mention& m : e.mentions) {
      if (m.byte_end > doc.decoded.text.size() || m.byte_start >= m.byte_end) std::abort();
    }
  }
  std::string json;
  lexfr::AppendDocumentJson(doc, false, &json);
  if (json.empty()) std::abort();
}

void AnalyzeLine(std::string_view bytes) {
  // JSON strings are Unicode: bytes that are not UTF-8 become U+FFFD first.
  const nlohmann::json object = {{"id", 7}, {"text", std::string(bytes)}};
  lexfr::RawLine line;
  line.bytes = object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const lexfr::MemoryReader no_files;
  const lexfr::FileResult r =
      lexfr::ProcessLine(line, no_files, Shared(), Options(bytes), lexfr::LineOptions{});
  if (r.record.empty() || r.record.back() != '\n' || r.record.find('\n') != r.record.size() - 1) std::abort();
  if (!nlohmann::json::accept(r.record)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  AnalyzeFile(bytes);
  AnalyzeLine(bytes);
  return 0;
}
