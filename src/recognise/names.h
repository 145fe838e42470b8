// Stage 3a, recognise names: tokens -> ORG, PERSON and LOC candidates.
//
// In: the text, its segmentation and the compiled gazetteer. Out: candidates
// from the gazetteer and from the rules for what no list holds (acronym
// definitions, "l'association X", titles and given names for persons, ...).
// Overlaps are left for the linker to resolve.
//
// Thread-safety: pure function of its inputs.
#pragma once

#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "text/token_view.h"

namespace lexfr {

std::vector<Candidate> FindNames(const TokenView& view, const Lexicon& lexicon);

}  // namespace lexfr
