// Stage 3, recognise law firms: tokens -> ORG candidates of subtype law_firm.
//
// In: the token view and the document's hits of the counsel cues
// (data/cues/counsel.tsv, lexicon/cues.h DocumentCues). Out: a candidate for each firm a decision names
// by its legal form and name before a lawyer's role: « la SCP Célice,
// Texidor, Périer, avocat de la société Y », « la SARL Jérôme Ortscheidt,
// avocat de … ». Its canonical is the form and the name as written
// (« SCP Célice, Texidor, Périer »). A form with no role after its name
// (« la société X, SARL au capital de … ») is a party, not a firm, and gives
// nothing. The candidates join the names' family (recognise/link.h): the
// firm's span, the longest, wins over the persons and companies inside it.
//
// Thread-safety: pure function of its inputs.
#pragma once

#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "text/token_view.h"

namespace lexfr {

std::vector<Candidate> FindLawFirms(const TokenView& view, const DocumentCues& cues);

}  // namespace lexfr
