// The legal-reference scanner: a left-to-right grammar over the tokens.
//
// Reads: the text's tokens, the tables, and the names and dates found before
// (see recognise/legal_refs.h). Gives: LEGAL_REF candidates in text order.
// At each token the scanner tries, in order: an article citation
// (articles.h), an ECLI or a CJEU case number (cases.h), a named or numbered
// act (acts.h), a court and its number, a bare "n° 444937" read through the
// court mentioned nearby, and a Conseil constitutionnel number (cases.h).
// Whatever matches is emitted and skipped, so every token is looked at a
// bounded number of times.
#pragma once

#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "recognise/legal_refs/tables.h"
#include "text/token_view.h"

namespace lexfr::legal_refs {

std::vector<Candidate> Scan(const TokenView& view, const Tables& tables,
                            const Lexicon& lexicon, const std::vector<Candidate>& names,
                            const std::vector<Candidate>& dates);

}  // namespace lexfr::legal_refs
