// Stage 5, summarise: the phrases a text that reports an action names the
// challenged act, its author and a party with, read from the tokens where no
// entity covers them.
//
// In: the TokenView, the cue hits of data/cues/recourse.tsv (fields `annul`,
// `act`, `office`, `party`, `word`) and a lookup of the entity mention that
// starts at a token. Out: an act (« l'arrêté du préfet de la Manche du 3 mai
// 2024 » -> arrêté, « préfet de la Manche », 2024-05-03), an office
// (« le maire de la commune de Trévou » -> « maire de Trévou »), a party
// named by its kind (« l'association des riverains du port », « la société
// exploitant « Le Zinc » » -> « Le Zinc »).
//
// Every reader walks a bounded number of tokens from where it is asked, so a
// caller asking once per cue stays linear in the text.
//
// Thread-safety: pure functions of their inputs.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/cues.h"
#include "text/token_view.h"

namespace lexfr {

// The cue hits by the token they start at: the words the readers walk over.
// Points into the hits it was built from, which must outlive it.
class HitsAtToken {
 public:
  HitsAtToken(size_t token_count, std::span<const CueHit> hits);
  // The same index, answering only for the hits of the sentences `read`
  // marks (every one when `read` is empty). A text that reports several
  // actions is read once per action, each on its own sentences
  // (summarise/recourse.cpp): an index of its own for each cost a pass over
  // every token of the text per action. Shares this index; `read` must
  // outlive the result.
  HitsAtToken Within(const std::vector<bool>& read) const;
  // The longest hit of `field` (and of `value`, unless empty) starting at
  // token `i`, or null.
  const CueHit* At(size_t i, std::string_view field, std::string_view value = {}) const;

 private:
  // Tokens by blocks of this many: the index keeps one entry per block, not
  // per token (issue 21: a uint32 per token was this stage's share of a
  // run's peak memory), and At() steps over the hits of at most a block.
  static constexpr size_t kTokensPerBlock = 8;
  std::span<const CueHit> hits_;  // in text order, as CueSet::Match() gives them
  size_t token_count_ = 0;
  // block -> index in hits_ of the first hit starting in it or later,
  // hits_.size() when none does; one past the last block too
  std::shared_ptr<const std::vector<uint32_t>> first_;
  const std::vector<bool>* read_ = nullptr;  // by sentence; null or empty: every one
};

// The entity of a type whose mention starts at a token, and where that
// mention ends; null when none.
using MentionAt = std::function<const Entity*(uint32_t token, EntityType type, uint32_t* end)>;

struct PhraseReader {
  const TokenView& view;
  const HitsAtToken& hits;
  const DocumentCues& cues;  // its one-word fields (party_end)
  MentionAt mention_at;
};

struct ReadAct {
  std::string type;    // "arrêté", "décision", ...
  std::string author;  // an ORG canonical, or an office as the text names it
  std::string date;    // ISO day, or empty
  uint32_t act_token = 0;  // the token of the act's word
};

// The act named from token `from` on (« la décision du maire de X du 3 mai
// 2024 », « l'arrêté du 2 juin 2023 par lequel le préfet de Y … », « une
// décision du 3 mai 2024, le maire de X … »), or an act with an empty type.
ReadAct ReadActAt(const PhraseReader& r, uint32_t from);

// An office named from token `from` on (« le préfet de la Manche »), its
// text without the words between the office and its place; sets *end past
// it. Empty when none starts there.
std::string ReadOfficeAt(const PhraseReader& r, uint32_t from, uint32_t* end);

struct NamedParty {
  std::string name;     // the party's name, or empty when only its kind is said (« l'association »)
  std::string subtype;  // the ORG subtype its kind says (association, company)
  uint32_t end = 0;     // past the phrase
};

// A party named by its kind from token `from` on: « l'association des amis
// du parc » (its lower-case name), « le club Union Sportive Nord » (the
// name after the kind), « la société exploitant « Le Zinc » » (the name in
// quotes), « l'association » (the kind alone). An empty subtype when no kind
// word starts there.
NamedParty ReadNamedPartyAt(const PhraseReader& r, uint32_t from);

}  // namespace lexfr
