// text/text_util.h: the small filters in front of hash tables.
#include "text/text_util.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace lexfr {

TEST_CASE("KeyShapes never turns away a key, and turns away most other words", "[text_util]") {
  const std::vector<std::string> keys = {"charruyer", "roux", "CNIL", "PDS", "é", "", "Écoles", "x"};
  KeyShapes shapes;
  for (const std::string& k : keys) shapes.Add(k);
  for (const std::string& k : keys) CHECK(shapes.MayBe(k));
  // Words of other lengths or ends: a filter that let every word through
  // would save nothing and still pass the check above.
  const std::vector<std::string> others = {"conseil", "etat", "le", "la", "de", "Paris", "tribunal", "rouxx",
                                           "charruyez", "CNILS", "PDF", "ab", "décision", "société", "Cour", "2024"};
  size_t turned_away = 0;
  for (const std::string& w : others) turned_away += !shapes.MayBe(w);
  CHECK(turned_away >= others.size() - 2);
  CHECK_FALSE(KeyShapes().MayBe("anything"));  // an empty table holds nothing
}

}  // namespace lexfr
