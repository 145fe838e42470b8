// Link: which of overlapping candidates win, and which mentions are one
// entity. Candidates are made by hand over a segmented probe sentence, so
// each rule is met alone.
#include <catch2/catch.hpp>

#include <climits>
#include <string>
#include <vector>

#include "recognise/link.h"

namespace lexfr {
namespace {

// « Le Tribunal de commerce du Mans a statué le 3 mars 2024 . » as tokens:
// 0 Le, 1 Tribunal, 2 de, 3 commerce, 4 du, 5 Mans, 6 a, 7 statué, 8 le,
// 9 3, 10 mars, 11 2024, 12 « . ».
constexpr std::string_view kText = "Le Tribunal de commerce du Mans a statué le 3 mars 2024.";

Segmentation Probe() {
  Segmentation seg = Segment(kText, Abbreviations{});
  REQUIRE(seg.tokens.size() == 13);
  return seg;
}

Candidate Make(EntityType type, uint32_t first, uint32_t end, std::string canonical, int priority = 0) {
  Candidate c;
  c.type = type;
  c.first_token = first;
  c.end_token = end;
  c.canonical = std::move(canonical);
  c.priority = priority;
  return c;
}

std::vector<std::string> Canonicals(const std::vector<Entity>& entities) {
  std::vector<std::string> out;
  for (const Entity& e : entities) out.push_back(e.canonical);
  return out;
}

TEST_CASE("Link keeps the longest of overlapping names, whatever their priority", "[link]") {
  const Segmentation seg = Probe();
  const auto entities = Link(kText, seg,
                             {{Make(EntityType::kOrg, 1, 2, "Tribunal", 100)},
                              {Make(EntityType::kOrg, 1, 6, "Tribunal de commerce du Mans", -5)},
                              {Make(EntityType::kLoc, 5, 6, "Le Mans", 50)}});
  CHECK(Canonicals(entities) == std::vector<std::string>{"Tribunal de commerce du Mans"});
}

TEST_CASE("Link breaks a tie of length by priority, negative and extreme ones included", "[link]") {
  const Segmentation seg = Probe();
  const int low = GENERATE(INT_MIN, -7, -1, 0, 3);
  const int high = GENERATE(-6, 0, 4, 1000, INT_MAX);
  if (low >= high) return;
  CAPTURE(low, high);
  // The loser comes first in the lists and starts first: only priority decides.
  const auto entities = Link(kText, seg,
                             {{Make(EntityType::kOrg, 4, 6, "low", low)}, {Make(EntityType::kLoc, 5, 7, "high", high)}});
  CHECK(Canonicals(entities) == std::vector<std::string>{"high"});
}

TEST_CASE("Link breaks a tie of length and priority by the leftmost, then by the earlier list", "[link]") {
  const Segmentation seg = Probe();
  SECTION("leftmost") {
    const auto entities =
        Link(kText, seg, {{Make(EntityType::kOrg, 5, 7, "right", 8)}, {Make(EntityType::kOrg, 4, 6, "left", 8)}});
    CHECK(Canonicals(entities) == std::vector<std::string>{"left"});
  }
  SECTION("earlier list, then earlier in its list") {
    const auto entities = Link(kText, seg,
                               {{Make(EntityType::kOrg, 4, 6, "first", 8), Make(EntityType::kOrg, 4, 6, "second", 8)},
                                {Make(EntityType::kPerson, 4, 6, "third", 8)}});
    CHECK(Canonicals(entities) == std::vector<std::string>{"first"});
  }
}

TEST_CASE("Link lets families overlap, and orders entities by first mention", "[link]") {
  const Segmentation seg = Probe();
  const auto entities = Link(kText, seg,
                             {{Make(EntityType::kDate, 9, 12, "2024-03-03")},
                              {Make(EntityType::kLegalRef, 8, 12, "some ref"), Make(EntityType::kMoney, 9, 10, "3 EUR")},
                              {Make(EntityType::kOrg, 1, 6, "Tribunal de commerce du Mans")}});
  CHECK(Canonicals(entities) ==
        std::vector<std::string>{"Tribunal de commerce du Mans", "some ref", "2024-03-03", "3 EUR"});
}

TEST_CASE("Link groups names by their folded form, but never across types", "[link]") {
  const Segmentation seg = Probe();
  const auto entities = Link(kText, seg,
                             {{Make(EntityType::kOrg, 1, 6, "Tribunal de Commerce du MANS"),
                               Make(EntityType::kOrg, 8, 9, "tribunal-de commerce du Mans"),
                               Make(EntityType::kPerson, 6, 7, "Tribunal de commerce du Mans"),
                               Make(EntityType::kDate, 9, 10, "2024"), Make(EntityType::kDate, 11, 12, "2024"),
                               Make(EntityType::kMoney, 10, 11, "2024")}});
  REQUIRE(entities.size() == 4);
  CHECK(entities[0].type == EntityType::kOrg);
  CHECK(entities[0].canonical == "Tribunal de Commerce du MANS");  // the first said
  CHECK(entities[0].mentions.size() == 2);
  CHECK(entities[1].type == EntityType::kPerson);
  CHECK(entities[2].type == EntityType::kDate);
  CHECK(entities[2].mentions.size() == 2);
  CHECK(entities[3].type == EntityType::kMoney);
}

}  // namespace
}  // namespace lexfr
