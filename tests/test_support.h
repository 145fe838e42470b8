// What many tests share: the embedded resources, loaded once for the whole
// test binary (loading them is the slow part of a test that analyses a text).
#pragma once

#include <catch2/catch.hpp>

#include "lexfr/analyze.h"

namespace lexfr {

inline const Resources& SharedResources() {
  static const Resources* resources = [] {
    auto* r = new Resources;
    REQUIRE(LoadResources({}, r).ok());
    return r;
  }();
  return *resources;
}

// The Lexicon of the embedded data.
inline const Lexicon& SharedLexicon() { return SharedResources().lexicon; }

}  // namespace lexfr
