// The phrases of the data files cut into tokens as the segmenter cuts texts,
// once at build time rather than at every start-up.
//
// In: a phrase of a data file (a gazetteer name, a cue phrase, an
// instrument's name) and the abbreviations. Out: its tokens, each a view of
// the phrase and whether whitespace stands before it: exactly what
// Segment() (text/segment.h) gives. ICU's word rules are most of a load's
// cost, so the build runs the load once (lexfr_compile_lexicon) and records
// every phrase it cut into a table compiled into the binary
// (CompiledPhrases); a load with the same abbreviations looks each phrase up
// there and cuts only the phrases the table lacks (the user's gazetteers, an
// edited data file in a test).
//
// Thread-safety: a PhraseCutter is used by one load; the compiled table is
// read-only static data.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/segment.h"

namespace lexfr {

struct PhraseToken {
  std::string_view text;  // a view of the phrase
  bool space_before = false;
};

// One token of a compiled phrase: bytes [begin, end) of the phrase.
struct CompiledCut {
  uint32_t begin = 0, end = 0;
  bool space_before = false;
};

// One compiled phrase: its bytes in CompiledPhrases::text, its cuts in
// CompiledPhrases::cuts.
struct CompiledPhrase {
  uint32_t text_begin = 0, text_size = 0;
  uint32_t first_cut = 0, cut_count = 0;
};

// Phrases and their cuts as flat arrays, with an open-addressing hash table
// (slots hold a phrase's index + 1, 0 is empty): static data the binary uses
// in place, with no start-up work and no allocation.
struct CompiledPhrases {
  std::string_view abbreviations_tsv;  // the data/cues/abbreviations.tsv the phrases were cut with
  std::string_view text;
  std::span<const CompiledPhrase> phrases;
  std::span<const CompiledCut> cuts;
  std::span<const uint32_t> slots;  // a power of two, at least twice the phrases

  // The cuts of `phrase`, or false when it was not compiled.
  bool Find(std::string_view phrase, std::span<const CompiledCut>* cuts) const;
};

// The phrases the build compiled (the generated compiled_lexicon.cpp); the
// build tool, which makes them, links an empty table instead.
const CompiledPhrases& BuiltPhrases();

// Cuts the phrases of one load.
class PhraseCutter {
 public:
  using OnCut = std::function<void(std::string_view phrase, std::span<const PhraseToken> tokens)>;

  // Cuts every phrase with Segment(): what the tests and a bare call do.
  PhraseCutter(const Abbreviations& abbreviations) : abbreviations_(abbreviations) {}  // NOLINT: implicit on purpose
  // `compiled` is used when it was cut with `abbreviations_tsv`, the bytes
  // `abbreviations` were read from; `on_cut` (may be empty) hears every
  // phrase cut with Segment().
  PhraseCutter(const Abbreviations& abbreviations, std::string_view abbreviations_tsv, const CompiledPhrases* compiled,
               OnCut on_cut);

  std::vector<PhraseToken> Cut(std::string_view phrase) const;
  const Abbreviations& abbreviations() const { return abbreviations_; }

 private:
  const Abbreviations& abbreviations_;
  const CompiledPhrases* compiled_ = nullptr;
  OnCut on_cut_;
};

// The phrases one load cut, collected to be compiled: the build tool writes
// them as C++ (WriteCpp), the tests use them in place (phrases()).
class PhraseTable {
 public:
  explicit PhraseTable(std::string abbreviations_tsv) : abbreviations_tsv_(std::move(abbreviations_tsv)) {}
  // A PhraseCutter::OnCut; a phrase cut twice is kept once.
  void Add(std::string_view phrase, std::span<const PhraseToken> tokens);
  // The table, viewing this object (which must outlive it and not change).
  CompiledPhrases phrases();
  // The source of a .cpp defining BuiltPhrases() with this table.
  void WriteCpp(std::ostream& out);
  // The cuts, by phrase index, for the tests to alter.
  std::vector<CompiledCut>& cuts() { return cuts_; }

 private:
  void BuildSlots();
  std::string abbreviations_tsv_;
  std::string text_;
  std::vector<CompiledPhrase> phrases_;
  std::vector<CompiledCut> cuts_;
  std::vector<uint32_t> slots_;
  std::unordered_set<std::string> seen_;
};

}  // namespace lexfr
