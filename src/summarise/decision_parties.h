// Summarise, for a decision: its parties, from the roles its introduction
// gives them.
//
// In: the token view, the linked entities, the decision's structure (genre,
// zones), the Lexicon's words and the document's hits of the party cues
// (data/cues/parties.tsv, lexicon/cues.h DocumentCues). Out: the
// claimants and the respondents of the action the decision decides, and the
// sentences they were read from, for each court's layout:
//  - Cour de cassation: « 1°/ M. [P] [W], domicilié …, 2°/ la société X, …
//    ont formé le pourvoi … dans le litige les opposant : 1°/ à la société Y,
//    …, défenderesses à la cassation » (one party, or a list numbered
//    « N°/ »), « M. [J] [N] a formé un pourvoi » (criminal chamber);
//  - administrative courts: « Par une requête, enregistrée le …, M. A B
//    demande au Conseil d'État … » for the claimants, « Par un mémoire en
//    défense, enregistré le …, le ministre de l'intérieur conclut au rejet »
//    for the respondents; without a defence, the party whose appeal the
//    attacked decision heard (« sur appel de la société X ») when it is not a
//    claimant;
//  - judicial first instance: a line « Demanderesse » / « Défendeur » under
//    its party, or « DEMANDEUR : » over it;
//  - Conseil constitutionnel: the persons of « a été saisi … par MM. X, Y … ».
// Parties are named as the contract names them: an entity's canonical when
// one starts the party (persons without title, pseudonyms as published:
// `[N] [U]`, `société [3]`), an office by its words (« ministre de
// l'intérieur »), else the words up to the party's description; « la
// société », « et autres » dropped.
//
// Thread-safety: a pure function of its inputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "structure/structure.h"
#include "summarise/recourse.h"
#include "text/token_view.h"

namespace lexfr {

struct DecisionParties {
  std::vector<std::string> claimants, respondents;
  std::vector<uint32_t> claimant_sentences, respondent_sentences;
};

// The parties a decision's introduction names; empty lists when it names
// none (or the text is no decision).
DecisionParties ReadDecisionParties(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                                    const std::vector<Entity>& entities, const Structure& structure);

// For a decision (genre decision or regulator_decision) with a recourse:
// the parties read replace the narrative's guesses, side by side (a side the
// introduction does not name keeps the narrative's).
void ApplyDecisionParties(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                          const std::vector<Entity>& entities, const Structure& structure,
                          std::optional<Recourse>* recourse);

}  // namespace lexfr
