#include <catch2/catch.hpp>

#include "text/word_ids.h"

#include <cstring>
#include <string>

namespace lexfr {

TEST_CASE("SameBytes agrees with memcmp at every length and differing byte", "[word_ids]") {
  for (size_t size = 0; size <= 40; ++size) {
    const std::string a(size, 'x');
    CHECK(SameBytes(a.data(), std::string(a).data(), size));
    for (size_t at = 0; at < size; ++at) {
      std::string b = a;
      b[at] = 'y';
      INFO("size " << size << ", byte " << at);
      CHECK_FALSE(SameBytes(a.data(), b.data(), size));
    }
  }
}

TEST_CASE("word ids: added once, found again, absent words not found", "[word_ids]") {
  WordIds ids;
  CHECK(ids.Find("") == nullptr);  // an empty table
  // Words that share every byte but one and whose lengths cross the 4 and
  // 8 bytes SameBytes reads at once; enough of them to grow the table.
  std::vector<std::string> words;
  for (size_t size = 1; size <= 20; ++size) {
    for (char last = 'a'; last <= 'z'; ++last) words.push_back(std::string(size - 1, 'w') + last);
  }
  for (int k = 0; k < 3000; ++k) words.push_back("mot" + std::to_string(k));
  for (size_t i = 0; i < words.size(); ++i) {
    const auto [it, added] = ids.try_emplace(words[i], static_cast<uint32_t>(i + 1));
    CHECK(added);
    CHECK(it->second == i + 1);
  }
  const auto [it, added] = ids.try_emplace(words[5], 999999);
  CHECK_FALSE(added);
  CHECK(it->second == 6);  // the first id stays
  CHECK(ids.size() == words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const uint32_t* id = ids.Find(words[i]);
    REQUIRE(id != nullptr);
    CHECK(*id == i + 1);
  }
  for (const std::string absent : {"", "W", "wwwwwwwwwwwwwwwwwwwwA", "mot3000", "mot-1", "wwwwwwwa "}) {
    CHECK(ids.Find(absent) == nullptr);
  }
  size_t seen = 0;
  for (const auto& [word, id] : ids) {
    CHECK(words[id - 1] == word);
    ++seen;
  }
  CHECK(seen == words.size());
}

TEST_CASE("word ids: room reserved before or between additions loses no word", "[word_ids]") {
  WordIds ids;
  for (int k = 0; k < 100; ++k) ids.try_emplace("avant" + std::to_string(k), static_cast<uint32_t>(k + 1));
  ids.reserve(5000);  // the slots are placed again around the words already there
  for (int k = 0; k < 4000; ++k) ids.try_emplace("apres" + std::to_string(k), static_cast<uint32_t>(k + 101));
  ids.reserve(10);  // less than held: nothing to do
  for (int k = 0; k < 100; ++k) {
    const uint32_t* id = ids.Find("avant" + std::to_string(k));
    REQUIRE(id != nullptr);
    CHECK(*id == static_cast<uint32_t>(k + 1));
  }
  for (int k = 0; k < 4000; ++k) {
    const uint32_t* id = ids.Find("apres" + std::to_string(k));
    REQUIRE(id != nullptr);
    CHECK(*id == static_cast<uint32_t>(k + 101));
  }
  CHECK(ids.Find("apres4000") == nullptr);
  CHECK(ids.size() == 4100);
}

}  // namespace lexfr
