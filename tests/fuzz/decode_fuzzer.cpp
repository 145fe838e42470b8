// libFuzzer harness: the decoder alone, on arbitrary bytes. It must never
// crash, and whatever it accepts must come out as valid UTF-8.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lexfr::DecodedText out;
  const lexfr::Status s = lexfr::Decode(std::string_view(reinterpret_cast<const char*>(data), size), &out);
  if (s.ok() && !lexfr::IsValidUtf8(out.text)) std::abort();
  return 0;
}
