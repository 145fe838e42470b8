// Stage 3b, recognise dates: tokens -> DATE candidates with ISO values.
//
// In: the text and its segmentation, and an optional reference date for
// relative expressions. Out: candidates whose fields.value is "YYYY-MM-DD",
// "YYYY-MM" or "YYYY" and fields.precision "day", "month" or "year";
// canonical equals the value. A relative date says what it was resolved
// against (fields.anchor, fields.resolved_against); one that names or bounds
// a period keeps it (fields.period, "2024-03-01/2024-03-15"). Numbers that are something else (article
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
  // Tries every rule at every token instead of only where a date may start:
  // what the tests hold the first-token filter to (the same dates).
  bool try_every_token = false;
};

// Also DURATION candidates (« deux mois à compter de la notification »):
// fields.value an ISO 8601 duration ("P2M"), fields.from what it runs from.
// `unresolved`, when given, gets the number of relative dates left out for
// want of a reference date or of an earlier date in the text.
std::vector<Candidate> FindDates(const TokenView& view, const Lexicon& lexicon, const DateOptions& options,
                                 size_t* unresolved = nullptr);

}  // namespace lexfr
