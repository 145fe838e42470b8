// The recourse a decision decides (summarise/decision_recourse.h).
#include "summarise/decision_recourse.h"

#include "summarise/counsel.h"
#include "summarise/decision_acts.h"

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

void ApplyFilingStatus(const Structure& structure, std::optional<Recourse>* recourse) {
  if (structure.genre != Genre::kFiling || !*recourse) return;
  if ((*recourse)->status == "unknown") (*recourse)->status = "filed";
}

void ApplyDecisionReading(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                          const std::vector<Entity>& entities, const Structure& structure,
                          std::optional<Recourse>* recourse) {
  if (!structure.decision || !*recourse) return;
  ApplyDecisionReading(view, lexicon, cues, entities, MentionsInTextOrder(entities), structure, recourse);
}

void ApplyDecisionReading(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                          const std::vector<Entity>& entities, const std::vector<Placed>& mentions,
                          const Structure& structure, std::optional<Recourse>* recourse) {
  if (!structure.decision || !*recourse) return;
  Recourse& r = **recourse;
  CounselReading counsel = ReadDecisionCounsel(view, cues, entities);
  r.counsel = std::move(counsel.counsel);
  r.evidence.erase("counsel");
  if (!counsel.sentences.empty()) r.evidence["counsel"] = std::move(counsel.sentences);

  DecisionActs acts = ReadDecisionActs(view, lexicon, cues, mentions, *structure.decision);
  if (acts.challenged_act) {
    // the narrative may have read the same act's publication
    if (r.challenged_act && r.challenged_act->reference == acts.challenged_act->reference &&
        !r.challenged_act->reference.empty()) {
      acts.challenged_act->published = r.challenged_act->published;
    }
    r.challenged_act = std::move(acts.challenged_act);
    r.evidence["challenged_act"] = std::move(acts.act_sentences);
  } else if (structure.genre == Genre::kDecision) {
    r.challenged_act.reset();
    r.evidence.erase("challenged_act");
  }
  if (!acts.related.empty()) r.related = std::move(acts.related);
}

}  // namespace lexfr
