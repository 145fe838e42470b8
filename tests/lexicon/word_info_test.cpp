// What a word's vocabulary id says of it (lexicon/words.h WordInfo) must be
// what the tables say of its text: the recognisers ask the id instead of
// hashing the word into each table (issue 21), so a bit set wrongly, or
// missing, would change what they find.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "test_support.h"
#include "text/token_view.h"

namespace lexfr {

TEST_CASE("a token's word bits agree with the tables they stand for", "[lexicon][word_info]") {
  const Lexicon& lexicon = SharedLexicon();
  const NameWords& names = lexicon.names();
  const DateWords& dates = lexicon.dates();
  const std::vector<std::string> texts = CorpusAndCaseTexts();
  REQUIRE(texts.size() > 100);
  size_t given = 0, heads = 0, dotted = 0;
  for (const std::string& text : texts) {
    const Segmentation seg = Segment(text, lexicon.abbreviations());
    const TokenView view(text, seg, lexicon.vocabulary());
    for (size_t i = 0; i < view.size(); ++i) {
      const WordInfo& w = lexicon.word(view.Id(i));
      INFO(view.Text(i));
      // Gazetteer::IsGivenName folds the text: the token's folded form is that fold.
      const bool is_given = lexicon.gazetteer().IsGivenName(view.Text(i));
      CHECK(w.given_name == is_given);
      given += is_given;
      // org_heads keys are as written: every one is found through the bit.
      if (names.org_heads.contains(view.Text(i))) {
        CHECK(w.org_head_folded);
        ++heads;
      }
      const bool month_with_period = dates.months.contains(std::string(view.Folded(i)) + ".");
      CHECK(w.month_before_period == month_with_period);
      dotted += month_with_period;
    }
  }
  // The texts hold some of each, or the checks above said nothing.
  CHECK(given > 100);
  CHECK(heads > 10);
  CHECK(dotted > 0);
}

TEST_CASE("the tries walked by id reach what they reach by words", "[lexicon][word_info]") {
  const Lexicon& lexicon = SharedLexicon();
  const std::vector<const PhraseMatcher*> tries = {&lexicon.names().place_bodies, &lexicon.dates().phrases};
  const std::vector<std::string> texts = CorpusAndCaseTexts();
  for (const PhraseMatcher* trie : tries) REQUIRE(trie->IndexedByIds());
  size_t steps = 0;
  for (const std::string& text : texts) {
    const Segmentation seg = Segment(text, lexicon.abbreviations());
    const TokenView view(text, seg, lexicon.vocabulary());
    for (const PhraseMatcher* trie : tries) {
      for (size_t i = 0; i < view.size(); ++i) {
        uint32_t node = PhraseMatcher::kRoot;
        for (size_t k = i; k < view.size(); ++k) {
          const uint32_t by_word = trie->Next(node, view.Folded(k));
          INFO(view.Span(i, k + 1));
          REQUIRE(trie->NextById(node, view.Id(k)) == by_word);
          if (by_word == PhraseMatcher::kNoNode) break;
          node = by_word;
          ++steps;
        }
      }
    }
  }
  CHECK(steps > 1000);
}

}  // namespace lexfr

namespace lexfr {

TEST_CASE("NextWord finds every token whose word has the bit, and no other", "[lexicon][word_info]") {
  const Lexicon& lexicon = SharedLexicon();
  const auto org_cue = [](const WordInfo& w) { return w.org_cue; };
  size_t found = 0;
  for (const std::string& text : CorpusAndCaseTexts()) {
    const Segmentation seg = Segment(text, lexicon.abbreviations());
    const TokenView view(text, seg, lexicon.vocabulary());
    std::vector<size_t> by_scan, by_test;
    for (size_t i = lexicon.NextWord(view.ids(), 0, org_cue); i < view.size();
         i = lexicon.NextWord(view.ids(), i + 1, org_cue)) {
      by_scan.push_back(i);
    }
    for (size_t i = 0; i < view.size(); ++i) {
      if (lexicon.word(view.Id(i)).org_cue) by_test.push_back(i);
    }
    REQUIRE(by_scan == by_test);
    CHECK(lexicon.NextWord(view.ids(), view.size(), org_cue) == view.size());
    found += by_scan.size();
  }
  CHECK(found > 100);
}

}  // namespace lexfr
