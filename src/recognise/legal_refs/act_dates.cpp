// The dates of acts, from the DATE recogniser's candidates or read here.
#include "recognise/legal_refs/act_dates.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "recognise/dates.h"
#include "recognise/legal_refs/identifiers.h"
#include "text/text_util.h"

namespace lexfr::legal_refs {

ActDates::ActDates(const Tokens& toks, const std::vector<Candidate>& dates, const Lexicon& lexicon)
    : toks_(toks), dates_(&dates), lexicon_(&lexicon) {
  for (size_t k = 0; k < dates.size(); ++k) {
    const Candidate& c = dates[k];
    if (c.type == EntityType::kDate && c.fields.value().size() == 10 && c.first_token < toks.size()) {
      date_at_.emplace_back(c.first_token, static_cast<uint32_t>(k));
    }
  }
  // stable: of two candidates at one token, the later is the one read
  std::stable_sort(date_at_.begin(), date_at_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::optional<std::string> ActDates::At(uint32_t j, uint32_t* end) const {
  if (j >= toks_.size()) return std::nullopt;
  const auto after = std::upper_bound(date_at_.begin(), date_at_.end(), j,
                                      [](uint32_t token, const auto& d) { return token < d.first; });
  if (after != date_at_.begin() && std::prev(after)->first == j) {
    const Candidate& c = (*dates_)[std::prev(after)->second];
    *end = c.end_token;
    return c.fields.value();
  }
  const int day = DayNumber(toks_.F(j));
  if (day == 0) return std::nullopt;
  const int month = lexicon_->MonthNumber(toks_.F(j + 1));
  if (month == 0) return std::nullopt;
  const std::string_view year = toks_.T(j + 2);
  if (!toks_.IsNumber(j + 2) || year.size() != 4 || !IsAsciiDigits(year)) return std::nullopt;
  *end = j + 3;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.4s-%02d-%02d", year.data(), month, day);
  return std::string(buf);
}

std::optional<std::string> ActDates::After(uint32_t j, uint32_t* end) const {
  if (toks_.F(j) == "en" && toks_.F(j + 1) == "date") j += 2;
  if (toks_.F(j) != "du" && toks_.F(j) != "le") return std::nullopt;
  return At(j + 1, end);
}

}  // namespace lexfr::legal_refs
