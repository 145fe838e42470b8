#include "emit/html_labels.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "lexicon/embedded.h"

namespace lexfr {
namespace {

// Every value of `field` the schema allows, found anywhere under `node`.
void CollectEnums(const nlohmann::json& node, const std::string& field, std::set<std::string>* out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == field && value.is_object() && value.contains("enum")) {
        for (const auto& v : value["enum"]) {
          if (v.is_string()) out->insert(v.get<std::string>());
        }
      }
      CollectEnums(value, field, out);
    }
  } else if (node.is_array()) {
    for (const auto& v : node) CollectEnums(v, field, out);
  }
}

TEST_CASE("the HTML labels name every value the schema allows, in both languages") {
  const auto schema = nlohmann::json::parse(EmbeddedFileOrEmpty("data/schema/lexfr.schema.json"));
  HtmlLabels fr, en;
  const std::string_view tsv = EmbeddedFileOrEmpty("data/labels/html.tsv");
  REQUIRE(HtmlLabels::Parse("html.tsv", tsv, HtmlLang::kFr, &fr).ok());
  REQUIRE(HtmlLabels::Parse("html.tsv", tsv, HtmlLang::kEn, &en).ok());
  for (const std::string field : {"kind", "category", "status", "outcome", "subtype", "precision", "format"}) {
    std::set<std::string> values;
    CollectEnums(schema, field, &values);
    CHECK(!values.empty());
    for (const std::string& v : values) {
      INFO(field << "." << v);
      CHECK(fr.Has(field + "." + v));
    }
  }
  std::set<std::string> types;
  CollectEnums(schema, "type", &types);
  for (const std::string& t : types) CHECK(fr.Has("type." + t));
}

TEST_CASE("HTML labels: French by default, English on request, the key when unknown") {
  const HtmlLabels& fr = HtmlLabels::For(HtmlLang::kFr);
  const HtmlLabels& en = HtmlLabels::For(HtmlLang::kEn);
  CHECK(fr.Get("ui.recourse") == "Recours");
  CHECK(fr.Get("ui.court") == "Juridiction");
  CHECK(fr.Value("category", "violation_of_law") == "violation de la loi");
  CHECK(en.Value("category", "violation_of_law") == "violation of law");
  CHECK(fr.Value("category", "not_a_category") == "not_a_category");
}

TEST_CASE("counts in words: French singular for 0 and 1, English for 1 only") {
  const HtmlLabels& fr = HtmlLabels::For(HtmlLang::kFr);
  const HtmlLabels& en = HtmlLabels::For(HtmlLang::kEn);
  CHECK(fr.Count("type.ORG", 12) == "12 organisations");
  CHECK(fr.Count("type.ORG", 1) == "1 organisation");
  CHECK(fr.Count("type.ORG", 0) == "0 organisation");
  CHECK(en.Count("type.ORG", 0) == "0 organisations");
  CHECK(fr.Count("type.LOC", 3) == "3 lieux");
  CHECK(fr.Count("ui.analysed", 3, 4) == "3 documents analysés sur 4");
}

TEST_CASE("a malformed labels row names its line") {
  HtmlLabels labels;
  const Status s = HtmlLabels::Parse("x.tsv", "a\tb\tc\nd\te\n", HtmlLang::kFr, &labels);
  CHECK(!s.ok());
  CHECK(s.message().find("x.tsv:2") != std::string::npos);
  const Status twice = HtmlLabels::Parse("x.tsv", "a\tb\tc\na\tb\tc\n", HtmlLang::kFr, &labels);
  CHECK(twice.message().find("x.tsv:2") != std::string::npos);
}

}  // namespace
}  // namespace lexfr
