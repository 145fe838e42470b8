// Summarise, for a decision: the act it decides on and its earlier stages.
//
// In: the token view, the act cues of the Lexicon (data/cues/acts.tsv) and
// the document's hits of them (lexicon/cues.h DocumentCues), the structure
// cues (for a court's number prefix), the linked entities and the
// decision's identity (structure/structure.h). Out:
//   - the challenged act, read only from the constructions that name the act
//     the decision decides on, in its first sentences: « a formé le pourvoi
//     … contre l'arrêt rendu le 5 mars 2021 par la cour d'appel de Paris »,
//     « demande … d'annuler le jugement n° 2101234 du 3 mars 2022 du
//     tribunal administratif de Lille », « d'annuler cet arrêt » (the last
//     arrêt its history named), « l'arrêt attaqué (Douai, 12 janvier
//     2023) », the provisions of a QPC, the law of a DC decision. Its type is
//     the act's word (« arrêt », « décret », « décision implicite de refus
//     d'abrogation »), its author the court or authority named in its
//     clause, its date the first day there, its reference its LEGAL_REF key
//     or its number under its court's key prefix (« TA:2108979 »). Nothing
//     when no such construction is found: never a guess from an act cited
//     later.
//   - the earlier stages its history tells (« Par un jugement n° … du …, le
//     tribunal administratif de Grenoble a rejeté sa demande. »), as related
//     recourses: court, kind (appeal for a court of appeal, else the kind of
//     the first demand), date, reference, outcome, the stage before as the
//     act it challenged; for a cassation without such a history, the arrêt
//     attaqué.
//
// Thread-safety: a pure function of its inputs. Linear in the text: each act read from a clause of a bounded number of tokens.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "structure/structure.h"
#include "summarise/recourse.h"
#include "text/token_view.h"

namespace lexfr {

struct DecisionActs {
  std::optional<ChallengedAct> challenged_act;
  std::vector<uint32_t> act_sentences;  // where the act was read
  std::vector<Recourse> related;        // earliest first
};

DecisionActs ReadDecisionActs(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                              const std::vector<Entity>& entities, const DecisionIdentity& decision);
// The same, given `mentions`, MentionsInTextOrder(entities), sorted once by
// the caller.
DecisionActs ReadDecisionActs(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                              const std::vector<Placed>& mentions, const DecisionIdentity& decision);

}  // namespace lexfr
