// For the tests that hold two Lexicons equal by what they make of texts
// (phrase_cut_test.cpp, snapshot_test.cpp): a text's JSON record.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "emit/json_record.h"
#include "test_support.h"

namespace lexfr {

// The JSON record of `text` analysed with `resources`.
inline std::string AnalysedJson(const std::string& text, const Resources& resources) {
  Document doc;
  REQUIRE(Analyze(text, "probe.txt", resources, {}, &doc).ok());
  std::string json;
  AppendDocumentJson(doc, false, &json);
  return json;
}

}  // namespace lexfr
