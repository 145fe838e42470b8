// Unit tests of legal_refs/act_dates: the dates after an act's number, read
// here or taken from the DATE recogniser.
#include "recognise/legal_refs/act_dates.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "recognise/legal_refs/segmented.h"

namespace lexfr::legal_refs {
namespace {

// The date After() reads at the token written `word`, and the text after it.
struct Read {
  std::optional<std::string> iso;
  std::string rest;
};
Read DateAfter(const std::string& text, std::string_view word, const std::vector<Candidate>& dates = {}) {
  const Segmented s(text);
  const ActDates act_dates(s.tokens, dates, SharedLexicon());
  uint32_t end = 0;
  Read r;
  r.iso = act_dates.After(s.At(word), &end);
  if (r.iso && end < s.tokens.size()) r.rest = s.text.substr(s.seg.tokens[end].byte_start);
  return r;
}

Candidate Date(const std::string& text, std::string_view first_word, uint32_t tokens, std::string value) {
  const Segmented s(text);
  Candidate c;
  c.type = EntityType::kDate;
  c.first_token = s.At(first_word);
  c.end_token = c.first_token + tokens;
  c.fields.value() = std::move(value);
  return c;
}

}  // namespace

TEST_CASE("dates of acts written out", "[legal_refs][act_dates]") {
  const Read r = DateAfter("n° 2023-146 du 21 décembre 2023 de la CNIL", "du");
  CHECK(r.iso == "2023-12-21");
  CHECK(r.rest == "de la CNIL");
  CHECK(DateAfter("l'arrêté du 1er juillet 1901", "du").iso == "1901-07-01");
  CHECK(DateAfter("la loi du 6 janvier 1978", "du").iso == "1978-01-06");
  CHECK(DateAfter("le décret n° 2019-536 le 29 mai 2019", "le").iso == std::nullopt);  // "le décret": no date
  CHECK(DateAfter("n° 2019-536 le 29 mai 2019", "le").iso == "2019-05-29");
  CHECK(DateAfter("n° 12 en date du 5 mars 2020", "en").iso == "2020-03-05");
}

TEST_CASE("what is not the date of an act", "[legal_refs][act_dates]") {
  CHECK_FALSE(DateAfter("du 32 décembre 2023", "du").iso);
  CHECK_FALSE(DateAfter("du 21 décembre 23", "du").iso);  // years have four digits
  CHECK_FALSE(DateAfter("du 21 truc 2023", "du").iso);
  CHECK_FALSE(DateAfter("du 21/12/2023", "du").iso);  // only the DATE recogniser reads this one
  CHECK_FALSE(DateAfter("de 2023", "de").iso);
  CHECK_FALSE(DateAfter("du", "du").iso);
}

TEST_CASE("dates the DATE recogniser found", "[legal_refs][act_dates]") {
  const std::string text = "la délibération du 21/12/2023 de la CNIL";
  const Segmented s(text);
  const Candidate day = Date(text, "21", 5, "2023-12-21");
  const Read r = DateAfter(text, "du", {day});
  CHECK(r.iso == "2023-12-21");
  CHECK(r.rest == "de la CNIL");
  // A month is not the date of an act.
  CHECK_FALSE(DateAfter(text, "du", {Date(text, "21", 5, "2023-12")}).iso);
}

}  // namespace lexfr::legal_refs
