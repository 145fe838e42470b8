#include <catch2/catch.hpp>

#include "test_support.h"

#include "recognise/money.h"

namespace lexfr {
namespace {

// One found amount: its canonical key and the text of its mention.
struct Found {
  std::string canonical, mention;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "{" << f.canonical << ", \"" << f.mention << "\"}";
}

std::vector<Found> Amounts(std::string_view text) {
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  std::vector<Found> out;
  for (const Candidate& c : FindMoney(TokenView(text, seg, SharedLexicon().vocabulary()), SharedLexicon())) {
    CHECK(c.type == EntityType::kMoney);
    const uint32_t b = seg.tokens[c.first_token].byte_start, e = seg.tokens[c.end_token - 1].byte_end;
    out.push_back({c.canonical, std::string(text.substr(b, e - b))});
  }
  return out;
}

std::vector<std::string> Keys(std::string_view text) {
  std::vector<std::string> out;
  for (const Found& f : Amounts(text)) out.push_back(f.canonical);
  return out;
}

using F = std::vector<Found>;
using V = std::vector<std::string>;

}  // namespace

TEST_CASE("the canonical amount has no exponent and no trailing zeros", "[money]") {
  CHECK(MoneyCanonical(150000000, "EUR") == "150000000 EUR");
  CHECK(MoneyCanonical(1.5, "EUR") == "1.5 EUR");
  CHECK(MoneyCanonical(1200.5, "EUR") == "1200.5 EUR");
  CHECK(MoneyCanonical(3e9, "USD") == "3000000000 USD");
  CHECK(MoneyCanonical(0.1 + 0.2, "EUR") == "0.3 EUR");
  CHECK(MoneyCanonical(100000, "EUR") == "100000 EUR");
}

TEST_CASE("an amount's fields: its value and ISO 4217 currency, and the key made of them", "[money]") {
  struct Case {
    const char* text;
    double amount;
    const char* currency;
    const char* canonical;
  };
  for (const Case& want : {Case{"une amende de 150 millions d’euros", 150e6, "EUR", "150000000 EUR"},
                           Case{"1 200,50 €", 1200.5, "EUR", "1200.5 EUR"},
                           Case{"1,5 milliard de dollars", 1.5e9, "USD", "1500000000 USD"},
                           Case{"£10", 10, "GBP", "10 GBP"},
                           Case{"2 millions de francs suisses", 2e6, "CHF", "2000000 CHF"}}) {
    INFO(want.text);
    const Segmentation seg = Segment(want.text, SharedLexicon().abbreviations());
    const std::vector<Candidate> found = FindMoney(TokenView(want.text, seg, SharedLexicon().vocabulary()), SharedLexicon());
    REQUIRE(found.size() == 1);
    CHECK(found[0].fields.amount == want.amount);
    CHECK(found[0].fields.currency() == want.currency);
    CHECK(found[0].canonical == want.canonical);
  }
}

TEST_CASE("amounts with multipliers and currency words", "[money]") {
  CHECK(Amounts("une amende de 150 millions d’euros") == F{{"150000000 EUR", "150 millions d’euros"}});
  CHECK(Amounts("une amende de 150 millions d'euros") == F{{"150000000 EUR", "150 millions d'euros"}});
  CHECK(Amounts("1,5 milliard de dollars") == F{{"1500000000 USD", "1,5 milliard de dollars"}});
  CHECK(Keys("3 milliards de dollars") == V{"3000000000 USD"});
  CHECK(Keys("1 million de livres") == V{"1000000 GBP"});
  CHECK(Keys("2 millions de francs suisses") == V{"2000000 CHF"});
  CHECK(Keys("deux millions d’euros") == V{"2000000 EUR"});
  CHECK(Keys("un milliard d’euros") == V{"1000000000 EUR"});
  CHECK(Keys("10 mille euros") == V{"10000 EUR"});
  CHECK(Keys("746 millions d'euros") == V{"746000000 EUR"});
}

TEST_CASE("amounts with signs and codes", "[money]") {
  CHECK(Amounts("50 000 € et 50 000 euros") == F{{"50000 EUR", "50 000 €"}, {"50000 EUR", "50 000 euros"}});
  CHECK(Amounts("20 M€") == F{{"20000000 EUR", "20 M€"}});
  CHECK(Keys("20\u00A0M€") == V{"20000000 EUR"});
  CHECK(Keys("2,5 millions €") == V{"2500000 EUR"});
  CHECK(Amounts("€50") == F{{"50 EUR", "€50"}});
  CHECK(Keys("1 200,50 €") == V{"1200.5 EUR"});
  CHECK(Keys("10 000 EUR") == V{"10000 EUR"});
  CHECK(Amounts("USD 5 million") == F{{"5000000 USD", "USD 5 million"}});
  CHECK(Keys("20 k€ et 30 K€") == V{"20000 EUR", "30000 EUR"});
  CHECK(Keys("3 Md€, 4 Mds€") == V{"3000000000 EUR", "4000000000 EUR"});
  CHECK(Keys("£10, 5 $, 5 millions US$") == V{"10 GBP", "5 USD", "5000000 USD"});
  CHECK(Keys("1.500 € et 1.500.000 €") == V{"1500 EUR", "1500000 EUR"});
}

TEST_CASE("a coordinated amount borrows the currency of the next one", "[money]") {
  CHECK(Amounts("des sanctions de 35 millions et 150 millions d’euros") ==
        F{{"35000000 EUR", "35 millions"}, {"150000000 EUR", "150 millions d’euros"}});
  CHECK(Keys("entre 10 et 20 millions d'euros") == V{"10000000 EUR", "20000000 EUR"});
  CHECK(Keys("de 1,5 à 2 milliards d'euros") == V{"1500000000 EUR", "2000000000 EUR"});
  CHECK(Keys("de 5 000 à 10 000 euros") == V{"5000 EUR", "10000 EUR"});
  CHECK(Keys("En 2021 et 5 000 euros") == V{"5000 EUR"});  // a year lends nothing
}

TEST_CASE("a bare amount in millions about a fine is in euros when euros came before", "[money]") {
  CHECK(Keys("Google a payé 100 millions d’euros. Une amende de 35 millions a été prononcée.") ==
        V{"100000000 EUR", "35000000 EUR"});
  CHECK(Keys("Une amende de 35 millions a été prononcée.").empty());  // euros never named
  CHECK(Keys("Google a payé 100 millions d’euros. La ville compte 35 millions.") == V{"100000000 EUR"});
  CHECK(Keys("Le prix: 100 euros. Une amende frappe 35 millions de personnes.") == V{"100 EUR"});
}

TEST_CASE("numbers that are not amounts", "[money]") {
  for (const char* text : {"présente dans 100 pays", "pour 30 % des sondés", "en 2020, la CNIL",
                           "35 millions d'habitants", "100 000 livres vendus", "l’article 82",
                           "le règlement (UE) 2016/679", "à 14h30", "Executive Order 12 333", "l’EUR-Lex"}) {
    INFO(text);
    CHECK(Keys(text).empty());
  }
}

}  // namespace lexfr
