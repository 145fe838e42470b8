// lexfr_compile_lexicon: the build's step that cuts the data files' phrases
// and writes the Lexicon they make.
//
// In: the embedded data files (lexicon/embedded.h), loaded exactly as lexfr
// loads them, every phrase cut with ICU. Out: argv[1], a .cpp defining
// BuiltPhrases() with every phrase the load cut (lexicon/phrase_cut.h), so
// that no load of lexfr does ICU segmentation; argv[2], the loaded Lexicon's
// snapshot (lexicon/snapshot.h), which lexfr's start-up copies back instead
// of loading the files. A bad row fails the build with the message lexfr
// would print, "file:line: what is wrong".
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "lexicon/lexicon.h"

namespace lexfr {

// This tool is what makes the compiled phrases and the snapshot: it has none.
const CompiledPhrases& BuiltPhrases() {
  static const CompiledPhrases kNone{};
  return kNone;
}
std::string_view BuiltSnapshot() { return {}; }

namespace {

// Written whole or not at all: a half-written file must not be built into lexfr.
bool WriteWhole(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp";
  std::ofstream file(tmp, std::ios::binary);
  file << bytes;
  file.close();
  if (!file || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::cerr << "lexfr_compile_lexicon: cannot write " << path << "\n";
    return false;
  }
  return true;
}

}  // namespace
}  // namespace lexfr

int main(int argc, char** argv) {
  using namespace lexfr;
  if (argc != 3) {
    std::cerr << "usage: lexfr_compile_lexicon PHRASES.cpp LEXICON.snapshot\n";
    return 2;
  }
  PhraseTable table(std::string(EmbeddedFileOrEmpty("data/cues/abbreviations.tsv")));
  LoadOptions options;
  options.compiled = nullptr;
  options.on_cut = [&table](std::string_view phrase, std::span<const PhraseToken> tokens) { table.Add(phrase, tokens); };
  Lexicon lexicon;
  if (const Status s = LoadLexicon(EmbeddedFiles(), {}, &lexicon, options); !s.ok()) {
    std::cerr << "lexfr_compile_lexicon: " << s.message() << "\n";
    return 78;
  }
  std::ostringstream source;
  table.WriteCpp(source);
  const std::string snapshot = WriteLexiconSnapshot(lexicon, EmbeddedFilesDigest());
  if (!WriteWhole(argv[1], source.str()) || !WriteWhole(argv[2], snapshot)) return 1;
  return 0;
}
