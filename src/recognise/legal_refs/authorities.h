// The authorities and courts a text names, and who issued an act.
//
// Reads: the tokens (names from the authorities' trie, courts named by ECLI
// identifiers) and the ORG candidates of the names recogniser. Gives: the
// mentions sorted by position, and the queries the acts ask of them: the
// author of "délibération n° 2023-146" (a few tokens after, or before, or
// by the shape of its number), the court of a bare "n° 444937". Built once
// per text before the scan, so an act can look ahead for its author.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "recognise/legal_refs/tables.h"
#include "recognise/legal_refs/tokens.h"

namespace lexfr::legal_refs {

struct AuthorityMention {
  uint32_t first = 0, end = 0;  // tokens
  uint32_t authority = 0;       // index into Tables::authorities
};

class AuthorityMentions {
 public:
  // `tables` must outlive this object. When `reference_starts` is given, it
  // gets every token whose word may start a reference rule
  // (WordInfo::reference_start), in order: gathered on this pass over the
  // tokens, where a pass of its own cost a read of every token (issue 21).
  AuthorityMentions(const Tokens& toks, const Tables& tables, const std::vector<Candidate>& names,
                    std::vector<uint32_t>* reference_starts = nullptr);

  // Sorted by first token.
  const std::vector<AuthorityMention>& list() const { return mentions_; }
  // The index in list() of the first mention from `token` on. `cursor` holds
  // the last answer and only moves forward: a scan asks of its tokens in
  // order.
  size_t FirstFrom(uint32_t token, size_t* cursor) const {
    while (*cursor < mentions_.size() && mentions_[*cursor].first < token) ++*cursor;
    return *cursor;
  }

  // An authority (not a court) mentioned in [first, end), or -1.
  int Within(uint32_t first, uint32_t end) const;

  // Who issued the deliberation or decision numbered `id` at [first, end):
  // `named` (the authority named in the act's own phrase) when >= 0, else
  // the one whose numbers look like this ("SAN-…" is the CNIL's), else the
  // nearest one named just after in the same sentence, else the last one
  // named before, else the first one named later.
  std::optional<std::string> AuthorOf(uint32_t first, uint32_t end, int named, std::string_view id) const;

  // The court whose decision a bare number `id` at [first, end) is: a court
  // named just after ("n° 2006861 du TA de Paris") or before it (the same
  // sentence or the lines just above), whose numbers have this shape.
  std::optional<std::string> CourtOf(uint32_t first, uint32_t end, std::string_view id) const;

 private:
  std::vector<AuthorityMention>::const_iterator FirstMentionFrom(uint32_t token) const;
  bool IsCourt(const AuthorityMention& m) const { return tables_.authorities[m.authority].court; }
  const std::string& KeyOf(const AuthorityMention& m) const { return tables_.authorities[m.authority].key; }

  Tokens toks_;
  const Tables& tables_;
  std::vector<AuthorityMention> mentions_;
  std::vector<int32_t> authority_before_;  // per mention: the last non-court mention at or before it, or -1
  std::vector<int32_t> authority_after_;   // per mention and one past: the first at or after it, or the count
};

}  // namespace lexfr::legal_refs
