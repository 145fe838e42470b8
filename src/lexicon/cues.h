// Cue phrases: short lists of words that signal something (a kind of action,
// a decision verb, a ground), kept in data/cues/*.tsv and matched on tokens.
//
// In: the checked rows (field, value, weight, phrase) of a cue file
// (lexicon/lexicon.h reads them), compiled once; then a segmented text. Out: every cue phrase found, as token spans. Matching
// folds case and accents and walks a trie of the phrases' tokens, so a text
// is read once whatever the list size, and a token that many phrases start
// with (« a saisi », « a formé », « a déposé » …) costs one lookup per
// token of the longest phrase it starts, not one comparison per phrase.
//
// Every cue file is also compiled into one CueIndex, which a document is
// matched against once (in Analyze, once the recognisers' candidates are
// linked; the law firms, a recogniser, read the counsel file's hits from an
// index of that file alone, Lexicon::counsel_cue_index()): the stages
// share its DocumentCues, each reading its own file's hits, instead of each
// walking the text again with its own set (issue 21: six walks of the same
// tokens were an eighth of the run).
//
// Thread-safety: a compiled CueSet or CueIndex is immutable and may be
// shared; a DocumentCues belongs to its document.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/phrase_cut.h"
#include "lexicon/phrase_matcher.h"
#include "lexicon/table.h"
#include "text/segment.h"
#include "text/text_util.h"
#include "text/token_view.h"

namespace lexfr {

struct SnapshotAccess;

struct Cue {
  std::string field, value;
  int weight = 1;
  std::vector<std::string> tokens;  // folded
  uint32_t field_index = 0;         // its field's, among its set's fields in the order of their first row
};

struct CueHit {
  const Cue* cue;
  uint32_t first_token, end_token, sentence;
};

class CueSet {
 public:
  CueSet() = default;
  // Compiles rows (field, value, weight, phrase); phrases are cut as texts
  // are (lexicon/phrase_cut.h).
  CueSet(const std::vector<DataRow>& rows, const PhraseCutter& cutter);
  // Every phrase found in the tokens, in text order (longest first at a
  // position; overlapping phrases are all reported).
  std::vector<CueHit> Match(const Segmentation& seg) const;
  // The rows, in file order (their tokens folded).
  const std::vector<Cue>& cues() const { return cues_; }
  // The cues and the trie, as text (lexicon/lexicon_dump.h).
  void Dump(std::string* out) const;

 private:
  friend struct SnapshotAccess;  // lexicon/snapshot_archive.h: writes and reads the tables
  std::vector<Cue> cues_;
  PhraseMatcher phrases_;  // phrase id = index in cues_
};

// The hits of one text and one CueSet grouped by field, each group in text
// order: what a rule asks for ("the hits of `seize`"). Points into the hits
// it was built from, which must outlive it.
class CueHitsByField {
 public:
  CueHitsByField() = default;
  explicit CueHitsByField(std::span<const CueHit> hits) {
    if (hits.empty()) return;
    // a hit finds its group by its cue's field index, not by its field's
    // name: a name lookup per hit was a tenth of the matching
    // The groups are runs of one array, placed by counting first: one
    // allocation whatever the fields, where a vector per group was one
    // each, and its room checked at every hit.
    std::vector<uint32_t> counts;
    uint32_t* count = nullptr;  // counts' (kept apart: the fields' push_back would make it read again at every hit)
    size_t fields = 0;          // counts.size(), kept apart for the same reason
    for (const CueHit& h : hits) {
      const uint32_t index = h.cue->field_index;
      if (index >= fields) [[unlikely]] {
        counts.resize(index + 1, 0);
        count = counts.data();
        fields = counts.size();
      }
      if (count[index]++ == 0) [[unlikely]] groups_.push_back({h.cue->field, index, 0});
    }
    uint32_t at = 0;
    for (Group& g : groups_) {
      const uint32_t size = counts[g.first];  // g.first: the field index, until here
      counts[g.first] = at;                   // from here on: where the group's next hit goes
      g.first = at;
      g.count = size;
      at += size;
    }
    // not zeroed first: every slot is written below
    hits_ = std::make_unique_for_overwrite<const CueHit*[]>(hits.size());
    const CueHit** placed = hits_.get();
    uint32_t* next = counts.data();
    for (const CueHit& h : hits) placed[next[h.cue->field_index]++] = &h;
  }
  // Empty for a field no cue matched.
  std::span<const CueHit* const> Of(std::string_view field) const {
    for (const Group& g : groups_) {
      if (g.field == field) return std::span<const CueHit* const>(hits_.get() + g.first, g.count);
    }
    return {};
  }

 private:
  // A field matched and its hits. A file has a few fields (twenty at most
  // today): searched in turn, where a map from their names cost a node and
  // a copy of the name per field matched in every document.
  struct Group {
    std::string_view field;  // the cues' own (they outlive the hits)
    uint32_t first, count;   // in hits_
  };
  std::unique_ptr<const CueHit*[]> hits_;  // grouped by field, each group in text order
  std::vector<Group> groups_;              // the fields matched, in the order first matched
};

// The cue files, by the stage that reads each.
enum class CueFile : uint8_t {
  kRecourse,     // data/cues/recourse.tsv: summarise/recourse
  kSpeechVerbs,  // data/cues/speech_verbs.tsv: summarise/quotes
  kStructure,    // data/cues/structure.tsv: structure, summarise/decision_acts
  kParties,      // data/cues/parties.tsv: summarise/decision_parties
  kActs,         // data/cues/acts.tsv: summarise/decision_acts
  kCounsel,      // data/cues/counsel.tsv: recognise/law_firms, summarise/counsel
};
inline constexpr size_t kCueFileCount = 6;

// The one-word cue fields whose readers only ask "is such a word at token
// i": a word that ends an act's author (acts `author_stop`), one skipped
// before a party in a list (parties `skip`), one that ends a party named in
// lower case (recourse `word` / `party_end`). Their words are answered from
// the token's vocabulary id, never written as hits: « à » is in all three,
// and « à à à … » made three hits a token, twice the cost of a plain text
// (issue 20's adversarial row `recourse-cue-prefixes`). Each is a bit.
enum class CueWord : uint8_t { kAuthorStop = 1, kPartySkip = 2, kPartyEnd = 4 };
struct CueWordField {
  CueFile file;
  std::string_view field, value;  // value empty: any
  CueWord word;
};
inline constexpr std::array<CueWordField, 3> kCueWordFields{{
    {CueFile::kActs, "author_stop", "", CueWord::kAuthorStop},
    {CueFile::kParties, "skip", "", CueWord::kPartySkip},
    {CueFile::kRecourse, "word", "party_end", CueWord::kPartyEnd},
}};
// The CueWord `cue` of file `file` is answered by, or null when it is a hit.
const CueWordField* CueWordFieldOf(CueFile file, const Cue& cue);

// The cue hits of one text, for every cue file: each file's hits exactly as
// its CueSet::Match() gives them, and grouped by field. Move-only: the
// groups point into the hits.
class DocumentCues {
 public:
  DocumentCues() = default;
  DocumentCues(DocumentCues&&) = default;
  DocumentCues& operator=(DocumentCues&&) = default;
  DocumentCues(const DocumentCues&) = delete;
  DocumentCues& operator=(const DocumentCues&) = delete;

  std::span<const CueHit> Of(CueFile file) const { return files_[static_cast<size_t>(file)].hits; }
  const CueHitsByField& ByField(CueFile file) const { return files_[static_cast<size_t>(file)].by_field; }
  // Whether the word of vocabulary id `word_id` (TokenView::Id) is one of
  // `word`'s cues: those are never hits (kCueWordFields).
  bool Is(CueWord word, uint32_t word_id) const {
    return word_id < word_bits_.size() && (word_bits_[word_id] & static_cast<uint8_t>(word)) != 0;
  }

 private:
  friend class CueIndex;
  std::span<const uint8_t> word_bits_;  // the index's: word id -> its CueWord bits
  struct File {
    std::vector<CueHit> hits;
    CueHitsByField by_field;  // points into hits
  };
  std::array<File, kCueFileCount> files_;
};

// Every cue file in one phrase matcher: a text is walked once for all of
// them. A phrase's id says its file and its cue. The walk steps by the
// tokens' vocabulary ids, not their text: every word of a phrase has an id,
// so a token without one ends a walk, and a step is an array index (from
// the root) or one integer hash, never a string hash (the root lookup of
// every token was most of the matching).
class CueIndex {
 public:
  using IdOf = std::function<uint32_t(const std::string& folded_word)>;

  CueIndex() = default;
  // sets[f] is file f's CueSet; the index points into their cues, which
  // must outlive it and never move (the Lexicon holds both). `id_of` gives
  // each word of the phrases its vocabulary id, adding it when new.
  CueIndex(const std::array<const CueSet*, kCueFileCount>& sets, const IdOf& id_of);
  // `view` was built with the vocabulary `id_of` filled.
  DocumentCues Match(const TokenView& view) const;
  // The entries, the trie and the walk's edges by word id, as text
  // (lexicon/lexicon_dump.h).
  void Dump(std::string* out) const;

 private:
  friend struct SnapshotAccess;  // lexicon/snapshot_archive.h: writes and reads the tables
  struct Entry {
    CueFile file;
    const Cue* cue;
  };
  std::vector<Entry> entries_;  // phrase id -> its file and cue
  PhraseMatcher phrases_;  // the trie, indexed by word id; its nodes are the walk's states
  std::vector<uint8_t> word_bits_;               // word id -> its CueWord bits (kCueWordFields)
};

}  // namespace lexfr
