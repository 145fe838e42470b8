// The adversarial table: every worst-case input of adversarial_inputs.h, at
// 1 MiB, timed stage by stage and end to end against 1 MiB of ordinary
// French.
//
// In: the ordinary text (1 MiB of the bench's corpus) and the lexfr binary,
// which reads the HTML inputs as a whole process: a parser that crashes or
// hangs on them must not take the bench down. Out: a printed table, one row
// per input: each stage's time per MiB over its time per MiB on the ordinary
// text, and the end-to-end ratio per MiB read, or per MiB read or written
// for an input that makes more JSON than ordinary French: its target is 2x
// (issue 15).
//
// Thread-safety: single-threaded; prints to stdout.
#pragma once

#include <string>
#include <vector>

namespace lexfr_bench {

// Returns true when every input's end-to-end ratio (per MiB read or
// written, whichever is more) is within 2x.
// `only`: the names of the inputs to measure (all when empty).
bool MeasureAdversarial(const std::string& ordinary_text, const std::string& lexfr_bin,
                        const std::vector<std::string>& only = {});

// Loads and compiles every embedded gazetteer 10 times in this process and
// prints the fastest and median time (the names issue's target: < 10 ms).
bool MeasureGazetteerLoad();

}  // namespace lexfr_bench
