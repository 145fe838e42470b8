#include "lexicon/embedded.h"

namespace lexfr {

std::string_view EmbeddedFileOrEmpty(std::string_view path) {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == path) return f.bytes;
  }
  return {};
}

}  // namespace lexfr
