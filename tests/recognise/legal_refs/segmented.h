// A text segmented for the legal_refs unit tests, with the Tokens view the
// grammar reads and a way to find a token by its text.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "recognise/legal_refs/tokens.h"
#include "test_support.h"
#include "text/segment.h"
#include "text/token_view.h"

namespace lexfr::legal_refs {

struct Segmented {
  explicit Segmented(std::string s)
      : text(std::move(s)),
        seg(Segment(text, SharedLexicon().abbreviations())),
        view(text, seg, SharedLexicon().vocabulary()),
        tokens(view, SharedLexicon()) {}
  Segmented(const Segmented&) = delete;  // `tokens` points into `view`, `text` and `seg`

  // The index of the first token written `word`.
  uint32_t At(std::string_view word) const {
    for (uint32_t i = 0; i < tokens.size(); ++i) {
      if (tokens.T(i) == word) return i;
    }
    FAIL("no token " << word);
    return 0;
  }

  std::string text;
  Segmentation seg;
  TokenView view;
  Tokens tokens;
};

}  // namespace lexfr::legal_refs
