// Worst-case inputs, at least one per stage: texts built so that a stage
// that reads a window again for every token, cue or mention would take time
// quadratic in their size (issue 15). Most repeat one short piece without a
// full stop, so the whole input is one sentence.
//
// In: a size in bytes. Out: the input, ready to give lexfr (UTF-8 text, or
// an HTML page when `html` is set), cut at a whole piece.
//
// Two readers: lexfr_bench times every stage on each input against ordinary
// French (tests/bench/adversarial.h), and tests/e2e/test_linearity.py counts
// the instructions of `lexfr analyze` on each at two sizes through the
// lexfr_adversarial tool (adversarial_main.cpp).
//
// Thread-safety: AdversarialInputs() is immutable once built; Make() is pure.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace lexfr_bench {

struct AdversarialInput {
  std::string name;   // short, file-name safe: "recourse-sanction"
  std::string stage;  // the stage it aims at: "segment", "names", ..., "html"
  std::string what;   // the construct, as the table shows it
  bool html = false;  // an HTML page, read through the HTML extractor
  // About `bytes` bytes (never less than one piece): the input itself.
  std::function<std::string(size_t bytes)> make;
};

// Every generator, grouped by stage in pipeline order.
const std::vector<AdversarialInput>& AdversarialInputs();

// The generator called `name`, or null.
const AdversarialInput* FindAdversarialInput(const std::string& name);

}  // namespace lexfr_bench
