// lexfr_compile_lexicon: the build's step that cuts the data files' phrases.
//
// In: the embedded data files (lexicon/embedded.h), loaded exactly as lexfr
// loads them, every phrase cut with ICU. Out: argv[1], a .cpp defining
// BuiltPhrases() with every phrase the load cut (lexicon/phrase_cut.h), so
// that lexfr's start-up does no ICU segmentation. A bad row fails the build
// with the message lexfr would print, "file:line: what is wrong".
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "lexicon/lexicon.h"

namespace lexfr {

// This tool is what makes the compiled phrases: it has none.
const CompiledPhrases& BuiltPhrases() {
  static const CompiledPhrases kNone{};
  return kNone;
}

}  // namespace lexfr

int main(int argc, char** argv) {
  using namespace lexfr;
  if (argc != 2) {
    std::cerr << "usage: lexfr_compile_lexicon OUTPUT.cpp\n";
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
  // Written whole or not at all: a half-written file must not compile.
  std::ostringstream source;
  table.WriteCpp(source);
  const std::string tmp = std::string(argv[1]) + ".tmp";
  std::ofstream file(tmp, std::ios::binary);
  file << source.str();
  file.close();
  if (!file || std::rename(tmp.c_str(), argv[1]) != 0) {
    std::cerr << "lexfr_compile_lexicon: cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}
