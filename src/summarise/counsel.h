// Summarise, for a decision: its counsel, read from their constructions.
//
// In: the token view, the document's hits of the counsel cues
// (data/cues/counsel.tsv, lexicon/cues.h DocumentCues) and the linked
// entities. Out: the lawyers the decision names, in text
// order, and the sentences they were read from:
//   - each law firm (ORG law_firm: « la SCP Célice, Texidor, Périer, avocat
//     de … », recognise/law_firms.h): {name: the firm, firm: the firm};
//   - each name after a lawyer's title (« Me Haas, avocat de la commune »,
//     « Maître X »): {name: the person as the text names it, firm: null};
//   - a pseudonymised name after « comparant par », « représentée par »
//     (« comparante par [B] »): {name: "[B]", firm: null}.
// Judges are never read: the rapporteur, the conseillers and the avocat
// général carry no lawyer's title and no firm's form (« l'avis de Mme Z,
// avocat général »).
//
// Thread-safety: a pure function of its inputs.
#pragma once

#include <cstdint>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "summarise/recourse.h"
#include "text/token_view.h"

namespace lexfr {

struct CounselReading {
  std::vector<Counsel> counsel;     // in text order, each name once
  std::vector<uint32_t> sentences;  // where they were read, ascending
};

CounselReading ReadDecisionCounsel(const TokenView& view, const DocumentCues& cues, const std::vector<Entity>& entities);

}  // namespace lexfr
