// The recourse a decision decides (summarise/decision_recourse.h).
#include "summarise/decision_recourse.h"

namespace lexfr {

void ApplyDecisionIdentity(const Structure& structure, std::optional<Recourse>* recourse) {
  if (!structure.decision) return;
  const DecisionIdentity& decision = *structure.decision;
  if (!*recourse) {
    // a court's decision always decides an action; an authority's may be
    // an authorisation or an opinion, an action only when its text says so
    if (structure.genre != Genre::kDecision) return;
    recourse->emplace();
    (*recourse)->kind = "other";
  }
  Recourse& r = **recourse;
  if (!decision.court.empty() && r.court != decision.court) {
    r.court = decision.court;
    r.evidence.erase("court");  // the sentences of the narrative's court
  }
  if (!decision.procedure.empty() && r.kind != decision.procedure) {
    r.kind = decision.procedure;
    r.evidence["kind"] = {decision.procedure_sentence};
  }
  if (!structure.outcome.empty()) {
    r.outcome = structure.outcome;
    r.evidence["outcome"] = {structure.outcome_sentence};
  }
  r.status = "decided";
}

}  // namespace lexfr
