// Acts and named instruments: "loi n° 78-17", "règlement (UE) 2016/679",
// "délibération n° 2023-146 de la CNIL", "le RGPD", "la loi Informatique et
// Libertés n° 78-17 du 6 janvier 1978".
//
// Reads: the tokens from a kind word or a name of the tables, the dates and
// authorities around. Gives: the instrument and where its mention ends.
#pragma once

#include <cstdint>
#include <optional>

#include "recognise/legal_refs/scan_state.h"

namespace lexfr::legal_refs {

// A named instrument at i (from the tables' trie; article-only names count
// when `in_article`) or an act introduced by its kind word, whichever is
// longer.
std::optional<Found> ParseInstrument(const Context& c, uint32_t i, bool in_article);

}  // namespace lexfr::legal_refs
