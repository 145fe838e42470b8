// The dates of acts: "du 21 décembre 2023" after a number, "délibération de
// la CNIL du 21 décembre 2023" as its key.
//
// Reads: the tokens, and the day-precision DATE candidates when the DATE
// recogniser ran ("21/12/2023" is only known through it). Gives: the ISO date
// a date at a token spells, and where it ends. Built once per text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "recognise/legal_refs/tokens.h"

namespace lexfr::legal_refs {

class ActDates {
 public:
  // `dates` and `lexicon` (the month names) must outlive this object.
  ActDates(const Tokens& toks, const std::vector<Candidate>& dates, const Lexicon& lexicon);

  // "21 décembre 2023", "1er juillet 1901" at j: its ISO date. Uses the DATE
  // recogniser's candidate when there is one.
  std::optional<std::string> At(uint32_t j, uint32_t* end) const;

  // "du 21 juin 2004" / "le 21 juin 2004" / "en date du 21 juin 2004" at j.
  std::optional<std::string> After(uint32_t j, uint32_t* end) const;

 private:
  Tokens toks_;
  // (first token, index) of each day DATE candidate, by first token (the
  // last candidate of a token last): a text has a few dates, and a table of
  // every token filled with -1 cost more than all the lookups (issue 21).
  std::vector<std::pair<uint32_t, uint32_t>> date_at_;
  const std::vector<Candidate>* dates_;
  const Lexicon* lexicon_;
};

}  // namespace lexfr::legal_refs
