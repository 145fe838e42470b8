// What each stage reads, computed once per corpus size and kept, so that a
// benchmark times its own stage and nothing upstream of it.
//
// In: the corpus text of each scale (1 = the corpus, 2 = twice its size).
// Out: the decoded text and segmentation (Segmented), and the candidates,
// entities, recourse and quotes of the whole pipeline (Analysed), produced by
// the same calls in the same order as src/analyze.cpp.
//
// Thread-safety: none; the benchmarks run on one thread.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lexfr/analyze.h"
#include "lexfr/entity.h"
#include "lexicon/cues.h"
#include "text/token_view.h"

namespace lexfr_bench {

struct StageInputs {
  std::string raw;                                // the corpus bytes, valid UTF-8
  lexfr::Document doc;                            // decoded, segmentation; after Analysed() all the rest
  std::optional<lexfr::TokenView> view;           // of doc's segmentation, built once as Analyze() does
  std::optional<lexfr::DocumentCues> cues;        // matched once, as Analyze() does: what recourse and quotes read
  std::vector<lexfr::Candidate> names, dates;  // what FindLegalRefs reads
  std::vector<lexfr::Candidate> all;              // what Link reads
  bool analysed = false;
};

// The gazetteers, loaded once as the CLI does at start-up.
const lexfr::Resources& SharedResources();

void SetCorpus(int scale, std::string text);
const std::string& Corpus(int scale);

// The corpus of `scale`, decoded and segmented.
const StageInputs& Segmented(int scale);
// The same with every later stage run too.
const StageInputs& Analysed(int scale);

// `candidates` as the one list Link() takes, moved (a braced list would copy).
inline std::vector<std::vector<lexfr::Candidate>> OneList(std::vector<lexfr::Candidate> candidates) {
  std::vector<std::vector<lexfr::Candidate>> lists;
  lists.push_back(std::move(candidates));
  return lists;
}

// Frees every scale's inputs (before the process measurements).
void DropInputs();

}  // namespace lexfr_bench
