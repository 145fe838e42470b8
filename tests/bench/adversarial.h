// Adversarial inputs for the recognisers: 1 MiB of text built to make a
// grammar look ahead at every token (« article article … », long digit runs,
// « du du du … »), timed against 1 MiB of ordinary French.
//
// In: the ordinary text. Out: a printed table, one row per input and
// recogniser, with the time ratio to the ordinary text and PASS when it is
// within 2x (the legal-references issue's target).
//
// Thread-safety: single-threaded; prints to stdout.
#pragma once

#include <string>

namespace lexfr_bench {

// Returns true when every ratio is within 2x.
bool MeasureAdversarial(const std::string& ordinary_text);

// Loads and compiles every embedded gazetteer 10 times in this process and
// prints the fastest and median time (the names issue's target: < 10 ms).
bool MeasureGazetteerLoad();

}  // namespace lexfr_bench
