// Court decisions by their numbers: "ECLI:FR:CEORD:2020:444937.20201013",
// "affaire C-311/18", "Conseil d'État 492369", "n° 2006861 du TA de Paris",
// "RG n° 21/01234", "n° 19-21.234", "2021-817 DC".
//
// Reads: the tokens at a position, and the courts named around it. Gives:
// the decision's contract key ("CE:444937", "CJEU:C-311/18",
// "CASS:19-21.234", "CC_DEC:2021-817") and where its mention ends; emitting
// it is the scanner's part.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "recognise/legal_refs/scan_state.h"

namespace lexfr::legal_refs {

// The identifier `id` that ends at `end`, followed by a Conseil
// constitutionnel suffix ("2021-817 DC", "2010-14/22 QPC"): keyed without
// the suffix, the mention ends past it.
std::optional<Found> ConstitutionalDecision(const Context& c, std::string_view id, uint32_t end);

// "ECLI:FR:CEORD:2020:444937.20201013": the whole identifier is the key.
std::optional<Found> ReadEcli(const Context& c, uint32_t i);

// "C-311/18", "affaire C‑311/18", "aff. C-131/12", "T-604/18".
std::optional<Found> ReadCjeuCase(const Context& c, uint32_t i);

// "Conseil d'État 492369": a court named at i and a number of its shape.
// `mention_cursor` is the first authority mention not before i; the scan
// moves it forward only.
std::optional<Found> ReadCourtAndNumber(const Context& c, uint32_t i, size_t* mention_cursor);

// "N° 444937", "n° 2006861 du TA de Paris", "RG n° 21/01234", "n°
// 19-21.234": a number read through the court named nearby or its shape.
std::optional<Found> ReadNumero(const Context& c, uint32_t i);

// « nos 1402524, 1602826 », « n°s 1402524 et 1602826 »: after the decision
// `first` that ends at i, one more number of the same court and shape,
// joined by « , » or « et ». Read again from its end for the next one.
std::optional<Found> ReadJoinedNumber(const Context& c, const Ref& first, uint32_t i);

// "2021-817 DC" with no "n°" or "décision" before it.
std::optional<Found> ReadConstitutionalNumber(const Context& c, uint32_t i);

}  // namespace lexfr::legal_refs
