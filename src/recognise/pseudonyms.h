// Stage 3a', recognise pseudonymised names: tokens -> PERSON and ORG
// candidates for the names court decisions and open data publish in place of
// the real ones (CONTRACT.md, "Pseudonymised names").
//
// In: the token view and the Lexicon's name words (titles, organisation cue
// words, determiners). Out: candidates for
//  - a person: a title then one to four placeholders: « M. [N] [U] »,
//    « Mme B... A... », « M. E I » (single capitals, Conseil d'État open
//    data); canonical the name as published without its title (`[N] [U]`,
//    `B... A...`, `E I`). Two placeholders or more need no title
//    (« représentant légal de [F] [K] »);
//  - an organisation: an organisation cue word then a name made of or holding
//    placeholders: « la société [5] » -> `société [5]`, « la société [O] [G]
//    et [D] [I] » -> `société [O] [G] et [D] [I]`, « la société Mutuelles
//    [Localité 8] assurances IARD » -> `Mutuelles [Localité 8] assurances
//    IARD` (a name that opens with a word keeps it, one that opens with a
//    placeholder keeps the cue word, or it would be a bare bracket);
//  - a later short mention of a person (« M. [U] », « Mme I »): the full
//    name's canonical when exactly one full name of that title ends with that
//    placeholder, else its own.
// A typed placeholder alone (« [Adresse 1] », « [Localité 3] », « [Date
// naissance 1] ») names no person and no organisation: it gives nothing.
//
// Thread-safety: pure function of its inputs.
#pragma once

#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "text/token_view.h"

namespace lexfr {

std::vector<Candidate> FindPseudonyms(const TokenView& view, const Lexicon& lexicon);

}  // namespace lexfr
