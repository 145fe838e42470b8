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
//
// Most tokens start no reference: the scanner asks each token's vocabulary
// entry (lexicon/words.h WordInfo::reference_start, marked from
// GrammarStartWords() and the tables' names) before trying any rule, so that
// such a token costs one array read, not seven failed rules.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "recognise/legal_refs/tables.h"
#include "text/token_view.h"

namespace lexfr::legal_refs {

// Which tokens the rules are tried at: those that may start a reference, or
// every one (what the tests hold the first to: the same references).
enum class ScanTokens : uint8_t { kStarts, kEvery };

std::vector<Candidate> Scan(const TokenView& view, const Tables& tables,
                            const Lexicon& lexicon, const std::vector<Candidate>& names,
                            const std::vector<Candidate>& dates, ScanTokens which = ScanTokens::kStarts);

// The tables the Lexicon holds (recognise/legal_refs.cpp).
const Tables& TablesOf(const LegalTables& legal);
// Tables read back from the Lexicon's snapshot (lexicon/snapshot.h), as the Lexicon holds them.
std::shared_ptr<const LegalTables> LegalTablesOf(Tables&& tables);

// The folded words at which a rule of the grammar may start, besides the
// names of the tables (PhraseTrie::FirstWords), numbers and the authorities'
// mentions: every rule's first test must be one of these. A superset is
// harmless; a word missing here is a reference lost.
std::vector<std::string> GrammarStartWords();

}  // namespace lexfr::legal_refs
