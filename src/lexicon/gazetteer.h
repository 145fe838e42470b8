// Gazetteers: the lists of known organisations and places, and given names.
//
// In: TSV files (data/gazetteers/*.tsv, embedded in the binary, plus the
// user's --gazetteer files). Out: a compiled matcher that finds every listed
// name in a token stream in one left-to-right pass (a trie over folded
// tokens), never one scan per entry.
//
// Built once by the Lexicon (lexicon/lexicon.h), then shared read-only
// between threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/phrase_cut.h"
#include "lexicon/table.h"
#include "text/segment.h"
#include "text/token_view.h"
#include "lexfr/status.h"

namespace lexfr {

struct SnapshotAccess;
class SnapshotReader;
class SnapshotWriter;

struct GazetteerEntry {
  std::string canonical;
  std::string subtype;
  EntityType type = EntityType::kOrg;  // ORG, or LOC for place subtypes
  std::vector<std::string> aliases;
  std::string source;  // "file:line" of the row, for error messages
};

class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Adds the rows of one TSV file (canonical, subtype, aliases, notes).
  // `name` is used in error messages. Fails with kConfig naming file and line.
  Status AddTsv(std::string_view name, std::string_view tsv);
  void AddGivenNames(const std::vector<DataRow>& rows);  // given_names.txt, one column
  // Builds the matcher, splitting names into tokens as the segmenter splits
  // texts; `articles` (folded: « le », « la », « l' », « les ») open names
  // whose every capital must be in the text. Must be called after the last
  // Add and before Match.
  void Compile(const PhraseCutter& cutter, const StringSet& articles);

  // Every listed name in the tokens, longest match at each position.
  std::vector<Candidate> Match(std::string_view text, const Segmentation& seg) const;
  // The same, walking the names by the tokens' vocabulary ids once
  // IndexByIds() has given the names' words theirs (the Lexicon does, with
  // the vocabulary its token views are built with).
  std::vector<Candidate> Match(const TokenView& view) const;
  // The same, but for the names `aside_if(first, end)` holds of: those go
  // to `*aside`, in token order too. What a caller drops of the names at
  // once, but reads on a while, is then never moved out of the others.
  std::vector<Candidate> Match(const TokenView& view, const std::function<bool(uint32_t, uint32_t)>& aside_if,
                               std::vector<Candidate>* aside) const;
  void IndexByIds(const std::function<uint32_t(const std::string&)>& id_of);

  bool IsGivenName(std::string_view word) const;
  const std::unordered_set<std::string>& given_names() const { return given_names_; }  // folded
  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  const GazetteerEntry* Find(std::string_view canonical) const;
  // The compiled names (each alias's tokens and case rules) and the trie,
  // as text (lexicon/lexicon_dump.h).
  void Dump(std::string* out) const;

 private:
  friend struct SnapshotAccess;  // lexicon/snapshot_archive.h: writes and reads the tables
  struct Trie;
  // The trie, which this file's .cpp alone defines, written or read.
  void ArchiveTrie(SnapshotWriter& writer);
  void ArchiveTrie(SnapshotReader& reader);
  template <class A>
  static void ArchiveTrieWith(A& archive, Trie& trie);
  // Match() with `first_from(i)`: the first token at or after i a name may
  // start at (i itself, or a later one the ids tell), and `step(node, k)`:
  // the trie's node after `node` by token k; the names `aside_if` holds of
  // go to `*aside`.
  template <class FirstFrom, class Step, class AsideIf>
  std::vector<Candidate> MatchBy(std::string_view text, const Segmentation& seg, FirstFrom first_from, Step step,
                                 AsideIf aside_if, std::vector<Candidate>* aside) const;
  std::vector<GazetteerEntry> entries_;
  std::unordered_set<std::string> given_names_;  // folded
  std::unique_ptr<Trie> trie_;
};

}  // namespace lexfr
