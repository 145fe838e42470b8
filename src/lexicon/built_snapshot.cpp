// The Lexicon's snapshot that the build assembled into lexfr (CMakeLists.txt,
// lexicon_snapshot.S): linked into lexfr and the tests, never into the build
// step that writes it (lexicon/compile_lexicon_main.cpp has an empty one).
#include "lexicon/snapshot.h"

extern "C" {
extern const char lexfr_lexicon_snapshot[];
extern const char lexfr_lexicon_snapshot_end[];
}

namespace lexfr {

std::string_view BuiltSnapshot() {
  return {lexfr_lexicon_snapshot, static_cast<size_t>(lexfr_lexicon_snapshot_end - lexfr_lexicon_snapshot)};
}

}  // namespace lexfr
