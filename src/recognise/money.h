// Stage 3c, recognise amounts of money: tokens -> MONEY candidates.
//
// In: the text and its segmentation. Out: candidates with fields.amount (a
// number: "150 millions d'euros" -> 150000000) and fields.currency (ISO 4217);
// canonical is "<amount> <currency>" with the amount written without
// exponent or trailing zeros ("150000000 EUR", "1.5 EUR").
//
// Thread-safety: pure function of its inputs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "text/token_view.h"

namespace lexfr {

std::vector<Candidate> FindMoney(const TokenView& view, const Lexicon& lexicon);

// "150000000 EUR": the canonical form of an amount.
std::string MoneyCanonical(double amount, std::string_view currency);

}  // namespace lexfr
