// Summarise, for a decision: the recourse it decides, from its identity.
//
// In: the recourse read from the text's narrative (summarise/recourse.h), if
// any, and the decision's identity (structure/structure.h). Out: the same
// recourse where the decision knows better: its court is the court that
// renders the decision (never a lower court its history names), its kind the
// procedure its first sentences state, its outcome what its dispositif
// states, its status "decided". A court's decision whose narrative gave no
// recourse gets one with what its identity says.
//
// Thread-safety: pure functions of its inputs.
#pragma once

#include <optional>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "text/token_view.h"

#include "structure/structure.h"
#include "summarise/recourse.h"

namespace lexfr {

void ApplyDecisionIdentity(const Structure& structure, std::optional<Recourse>* recourse);

// For a filing (a requête, a mémoire): the action it brings is filed when
// its text says nothing of where it stands, as a decision's is decided.
void ApplyFilingStatus(const Structure& structure, std::optional<Recourse>* recourse);

// For a decision whose recourse ApplyDecisionIdentity made or kept: its
// counsel, as their constructions name them (summarise/counsel.h), in place
// of the narrative's; the act it decides on and its earlier stages
// (summarise/decision_acts.h). A court's decision whose own constructions
// name no act has none: the narrative's act is a guess from an act it cites.
void ApplyDecisionReading(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                          const std::vector<Entity>& entities, const Structure& structure,
                          std::optional<Recourse>* recourse);
// The same, given `mentions`, MentionsInTextOrder(entities), sorted once by
// the caller for every summariser.
void ApplyDecisionReading(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                          const std::vector<Entity>& entities, const std::vector<Placed>& mentions,
                          const Structure& structure, std::optional<Recourse>* recourse);

}  // namespace lexfr
