// The Lexicon: every file of data/ read and checked once.
//
// In: the data files (the ones embedded in the binary, lexicon/embedded.h)
// and the user's --gazetteer files. Out: one immutable object holding every
// table the pipeline looks words up in: abbreviations for the segmenter, the
// gazetteer, the word lists of the recognisers, the instruments, case names
// and institutions of the legal references, and the cue phrases of the
// summaries. Every row of every file is checked on load (column count,
// numbers, values that become output values against the vocabularies of
// data/schema/lexfr.schema.json); the first bad row fails the load with a
// kConfig status "file:line: what is wrong" (exit 78).
//
// A Lexicon never loaded is empty and usable (it knows no words).
// Thread-safety: LoadLexicon() fills it once; afterwards it is only read, and
// is shared by every thread without locks. Not copyable: the tables point
// into one another.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/status.h"
#include "lexicon/cues.h"
#include "lexicon/embedded.h"
#include "lexicon/gazetteer.h"
#include "lexicon/institutions.h"
#include "lexicon/phrase_cut.h"
#include "lexicon/snapshot.h"
#include "lexicon/words.h"
#include "text/segment.h"

namespace lexfr {

struct LegalTables;  // recognise/legal_refs.h
struct LoadOptions;  // below
struct SnapshotAccess;

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // data/cues/abbreviations.tsv, as written: words that keep their period.
  const Abbreviations& abbreviations() const { return abbreviations_; }
  // data/gazetteers/* and the user's files.
  const Gazetteer& gazetteer() const { return gazetteer_; }
  const NameWords& names() const { return names_; }
  const DateWords& dates() const { return dates_; }
  const MoneyWords& money() const { return money_; }
  const ReferenceWords& references() const { return references_; }  // data/cues/reference_words.tsv
  // data/cues/institutions.tsv: the courts and authorities whose decisions are keyed.
  const Institutions& institutions() const { return institutions_; }
  // data/cues/instruments.tsv, case_names.tsv and the institutions.
  const LegalTables& legal() const { return *legal_; }
  const CueSet& recourse_cues() const { return recourse_cues_; }  // data/cues/recourse.tsv
  const CueSet& speech_verbs() const { return speech_verbs_; }    // data/cues/speech_verbs.tsv
  const CueSet& structure_cues() const { return structure_cues_; }  // data/cues/structure.tsv
  const CueSet& party_cues() const { return party_cues_; }          // data/cues/parties.tsv
  const CueSet& act_cues() const { return act_cues_; }              // data/cues/acts.tsv
  const CueSet& counsel_cues() const { return counsel_cues_; }      // data/cues/counsel.tsv
  // Every cue file above in one matcher: Analyze matches a document once and
  // hands the stages its DocumentCues. Its words are in vocabulary().
  const CueIndex& cues() const { return cue_index_; }
  // data/cues/counsel.tsv alone, in a matcher of its own: the law firms read
  // its hits among the recognisers, long before the stages that read the
  // other files' hits, which are then matched once the candidates are
  // linked and gone (issue 21: every file's hits through the whole analysis
  // were a sixth of its peak memory). Its hits are cues()'s for that file.
  const CueIndex& counsel_cue_index() const { return counsel_index_; }

  // Every single folded word of the lists and of the cue phrases, and what
  // each is by its id (text/token_view.h): one hash per token, once per
  // document.
  const Vocabulary& vocabulary() const { return vocabulary_; }
  const WordInfo& word(uint32_t id) const { return words_[id]; }
  // Every word's, by id in one array (words()[id] is word(id)): for the
  // tight scans that read a word per token.
  const WordInfo* words() const { return words_.data(); }
  // Every word's ScanBitsOf (lexicon/words.h), by id in one array of bytes:
  // the date and money scans test a bit of every token's, read without
  // scaling the id by a WordInfo's size (where each scan made such a table
  // per document before).
  const uint8_t* scan_bits() const { return scan_bits_.data(); }
  // The first position at or after `from` whose word `has` (a test of its
  // WordInfo, as [](const WordInfo& w) { return w.org_cue; }), or
  // ids.size(): the loops that start only at a listed word skip the others
  // in one tight scan of the token view's ids (issue 21).
  template <class Test>
  size_t NextWord(std::span<const uint32_t> ids, size_t from, Test has) const {
    const WordInfo* words = words_.data();
    while (from < ids.size() && !has(words[ids[from]])) ++from;
    return from;
  }

  // The month a folded word names ("decembre", "dec." -> 12), or 0.
  int MonthNumber(std::string_view folded_word) const;

 private:
  friend struct SnapshotAccess;  // lexicon/snapshot_archive.h: writes and reads the tables
  friend Status LoadLexicon(std::span<const EmbeddedFile>, const std::vector<std::string>&, Lexicon*,
                            const LoadOptions&);
  Abbreviations abbreviations_;
  Gazetteer gazetteer_;
  NameWords names_;
  DateWords dates_;
  MoneyWords money_;
  ReferenceWords references_;
  Institutions institutions_;
  std::shared_ptr<const LegalTables> legal_;
  CueSet recourse_cues_, speech_verbs_, structure_cues_, party_cues_, act_cues_, counsel_cues_;
  CueIndex cue_index_;  // points into the CueSets above
  CueIndex counsel_index_;  // points into counsel_cues_
  Vocabulary vocabulary_;
  std::vector<WordInfo> words_{1};
  std::vector<uint8_t> scan_bits_ = std::vector<uint8_t>(1, 0);  // one a word of words_
};

// How a load cuts the phrases of the data files (lexicon/phrase_cut.h).
struct LoadOptions {
  // The phrases cut at build time; null cuts every phrase with ICU now (the
  // build tool, and the test that holds the two ways equal).
  const CompiledPhrases* compiled = &BuiltPhrases();
  // Hears every phrase cut now (the build tool records them).
  PhraseCutter::OnCut on_cut;
  // The finished tables made at build time (lexicon/snapshot.h), copied
  // back instead of reading the files when the load would make the same:
  // the files are EmbeddedFiles(), there is no user gazetteer, the phrases
  // are BuiltPhrases() and no on_cut listens. Empty: read the files.
  std::string_view snapshot = BuiltSnapshot();
};

// Reads `files` (paths as "data/cues/months.tsv"; EmbeddedFiles() in the
// program, an edited copy in tests) and the user's gazetteers from disk into
// an empty `out`; or copies options.snapshot into it (see LoadOptions). A
// snapshot refused (stale, damaged) is logged as a warning and the files
// are read.
Status LoadLexicon(std::span<const EmbeddedFile> files, const std::vector<std::string>& user_gazetteers, Lexicon* out,
                   const LoadOptions& options = {});

}  // namespace lexfr
