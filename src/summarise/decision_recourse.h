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
// Thread-safety: a pure function of its inputs.
#pragma once

#include <optional>

#include "structure/structure.h"
#include "summarise/recourse.h"

namespace lexfr {

void ApplyDecisionIdentity(const Structure& structure, std::optional<Recourse>* recourse);

}  // namespace lexfr
