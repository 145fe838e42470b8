// Stage 3b, recognise dates: tokens -> DATE candidates with ISO values.
//
// In: the text and its segmentation, and an optional reference date for
// relative expressions. Out: candidates whose fields.value is "YYYY-MM-DD",
// "YYYY-MM" or "YYYY" and fields.precision "day", "month" or "year";
// canonical equals the value. Numbers that are something else (article
// numbers, "n° 2019-536", "2016/679", amounts) are never dates.
//
// Thread-safety: pure function of its inputs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/calendar_date.h"
#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "text/token_view.h"

namespace lexfr {

struct DateOptions {
  // The day against which relative dates ("hier", "lundi dernier")
  // resolve. Unset: the date the document gives as its own, if any; else
  // relative dates are left out (never guessed from the clock).
  std::optional<CalendarDate> ref_date;
};

std::vector<Candidate> FindDates(const TokenView& view, const Lexicon& lexicon, const DateOptions& options);

}  // namespace lexfr
