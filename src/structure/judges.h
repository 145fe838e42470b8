// Structure, a decision's judges: the persons its header and signatures name
// with a judge's role.
//
// In: the token view, the linked entities, and the hits of the structure
// cues' `judge_role` field (data/cues/structure.tsv: « président »,
// « conseiller rapporteur », « rapporteur public », « avocat général »…).
// Out: each judge once, in order of first mention, with the most specific
// role the text gives them (« Mme Abgrall, conseiller » then « Mme Abgrall,
// conseiller rapporteur »: conseiller rapporteur).
//
// A judge is a PERSON mention followed by a comma and a role that ends
// there (« M. Jean Roux, président, », « - les conclusions de Mme Lise Vidal,
// rapporteure publique ; »): a role followed by its complement (« président
// du conseil départemental ») is an office, not a seat on the bench.
//
// Thread-safety: a pure function of its inputs.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/cues.h"
#include "text/token_view.h"

namespace lexfr {

struct Judge {
  std::string name;  // the PERSON entity's canonical
  std::string role;  // as written: « présidente », « conseiller rapporteur »
};

std::vector<Judge> ReadJudges(const TokenView& view, const std::vector<Entity>& entities,
                              std::span<const CueHit* const> role_hits);

}  // namespace lexfr
