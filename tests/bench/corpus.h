// The benchmark's input: a big French text assembled from the repository's
// own articles, the same bytes on every machine and every run.
//
// In: the *.txt files of data/samples/ and tests/corpus/dev/. Out: one UTF-8
// text of at least `min_bytes`, made of their paragraphs (split on blank
// lines, duplicates dropped) in a fresh pseudo-random order for every pass
// over the set, joined by blank lines. Shuffling paragraphs rather than
// repeating whole files keeps every document shape (decisions, press
// releases, news) spread over the text, and gives the linker and the recourse
// summary a text that never repeats in the same order.
//
// Thread-safety: free functions with no shared state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lexfr_bench {

// The paragraphs of every *.txt in `folders`, files in name order, each
// paragraph once. Fails (empty result, message in `error`) when a folder
// cannot be read.
std::vector<std::string> LoadParagraphs(const std::vector<std::string>& folders, std::string* error);

// The whole texts of `folder`'s *.txt files whose gold file (the same name,
// .gold.json) gives one of `genres` as "genre", in name order: the dev
// corpus's full decisions, read as documents rather than paragraphs (issue 21
// sets its target on them too). Fails (empty, message in `error`) when the
// folder cannot be read or holds none.
std::vector<std::string> LoadTextsOfGenres(const std::string& folder, const std::vector<std::string>& genres,
                                           std::string* error);

// At least `min_bytes` of text: whole passes over `paragraphs`, each pass in a
// new order drawn from `seed`, cut after the first paragraph that reaches the
// size. A longer text from the same seed starts with the shorter one.
std::string BuildCorpus(const std::vector<std::string>& paragraphs, size_t min_bytes, uint64_t seed);

}  // namespace lexfr_bench
