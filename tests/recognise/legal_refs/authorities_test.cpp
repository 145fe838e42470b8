// Unit tests of legal_refs/authorities over small hand-made tables: where
// authorities and courts are named, who issued an act, which court a bare
// number belongs to.
#include "recognise/legal_refs/authorities.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "recognise/legal_refs/segmented.h"

namespace lexfr::legal_refs {
namespace {

// `name` is given folded, one token per word, as the text's tokens fold.
void AddAuthority(Tables* t, std::string key, bool court, const std::vector<std::string>& name,
                  std::vector<std::string> numbers) {
  const auto index = static_cast<uint32_t>(t->authorities.size());
  t->authority_trie.Add(name, static_cast<uint32_t>(t->authority_names.size()));
  t->authority_names.push_back(Name{index, {}, false, false});
  std::string joined;
  for (const std::string& word : name) joined += (joined.empty() || joined.back() == '\'' ? "" : " ") + word;
  t->authority_by_name.emplace(joined, index);
  t->authorities.push_back(Authority{std::move(key), court, std::move(numbers), {}});
}

const Tables& SmallTables() {
  static const Tables tables = [] {
    Tables t;
    AddAuthority(&t, "CNIL", false, {"cnil"}, {"SAN-*"});
    AddAuthority(&t, "ADLC", false, {"autorite", "de", "la", "concurrence"}, {"##-@@-##"});
    AddAuthority(&t, "CE", true, {"conseil", "d'", "etat"}, {"######"});
    return t;
  }();
  return tables;
}

struct Mentions {
  explicit Mentions(std::string text, const std::vector<Candidate>& names = {})
      : s(std::move(text)), mentions(s.tokens, SmallTables(), names) {}
  // The author of the act whose kind word is `act`, numbered `id`.
  std::optional<std::string> AuthorOf(std::string_view act, std::string_view id) const {
    return mentions.AuthorOf(s.At(act), s.At(act) + 1, -1, id);
  }
  Segmented s;
  AuthorityMentions mentions;
};

}  // namespace

TEST_CASE("authorities and courts named in the text", "[legal_refs][authorities]") {
  const Mentions m("La CNIL et le Conseil d'État.");
  REQUIRE(m.mentions.list().size() == 2);
  CHECK(m.mentions.list()[0].first == m.s.At("CNIL"));
  CHECK(m.mentions.list()[0].end == m.s.At("CNIL") + 1);
  CHECK(m.mentions.list()[1].first == m.s.At("Conseil"));
  CHECK(m.mentions.list()[1].end == m.s.At("État") + 1);
  CHECK(m.mentions.Within(0, m.s.At("et")) == 0);
  CHECK(m.mentions.Within(m.s.At("et"), m.s.At(".")) == -1);  // a court is no author
}

TEST_CASE("ORG candidates name authorities too", "[legal_refs][authorities]") {
  const std::string text = "La Commission des sanctions a statué.";
  Candidate org;
  org.type = EntityType::kOrg;
  org.canonical = "Autorité de la concurrence";
  const Segmented s(text);
  org.first_token = s.At("Commission");
  org.end_token = org.first_token + 3;
  const Mentions m(text, {org});
  REQUIRE(m.mentions.list().size() == 1);
  CHECK(m.mentions.list()[0].authority == 1);
  CHECK(Mentions(text).mentions.list().empty());
}

TEST_CASE("the author of a deliberation", "[legal_refs][authorities]") {
  // Named just after, in the same sentence.
  CHECK(Mentions("la délibération n° 2023-146 de la CNIL.").AuthorOf("délibération", "2023-146") == "CNIL");
  // By the shape of its number, wherever the others are named.
  CHECK(Mentions("l'Autorité de la concurrence ; la délibération SAN-2022-019.")
            .AuthorOf("délibération", "SAN-2022-019") == "CNIL");
  // Named before.
  CHECK(Mentions("La CNIL a statué. Puis la délibération n° 2023-146.").AuthorOf("délibération", "2023-146") ==
        "CNIL");
  // Named only later on.
  CHECK(Mentions("la délibération n° 2023-146. L'Autorité de la concurrence l'a prise.")
            .AuthorOf("délibération", "2023-146") == "ADLC");
  // The nearest before wins over one named in a later sentence.
  CHECK(Mentions("La CNIL a statué. La délibération n° 2023-146. L'Autorité de la concurrence l'a lue.")
            .AuthorOf("délibération", "2023-146") == "CNIL");
  // Courts are not authors.
  CHECK(Mentions("Le Conseil d'État annule la délibération n° 2023-146.").AuthorOf("délibération", "2023-146") ==
        std::nullopt);
}

TEST_CASE("the court of a bare number", "[legal_refs][authorities]") {
  const Mentions after("la décision n° 444937 du Conseil d'État");
  const uint32_t number = after.s.At("444937");
  CHECK(after.mentions.CourtOf(number - 1, number + 1, "444937") == "CE");
  CHECK(after.mentions.CourtOf(number - 1, number + 1, "4449") == std::nullopt);  // not its shape
  const Mentions before("Conseil d'État\nN° 444937");
  const uint32_t n = before.s.At("444937");
  CHECK(before.mentions.CourtOf(n - 1, n + 1, "444937") == "CE");
  CHECK(Mentions("la CNIL, n° 444937").mentions.CourtOf(3, 5, "444937") == std::nullopt);  // not a court
}

}  // namespace lexfr::legal_refs
