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

// The whole analysis of `text`, which must succeed.
inline Document AnalyzeText(std::string_view text) {
  Document doc;
  REQUIRE(Analyze(std::string(text), "t", SharedResources(), {}, &doc).ok());
  return doc;
}

}  // namespace lexfr
