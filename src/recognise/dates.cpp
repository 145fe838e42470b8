#include "recognise/dates.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <optional>
#include <tuple>

#include "lexicon/lexicon.h"
#include "text/text_util.h"

// How dates are read: one left-to-right pass over the tokens tries, at each
// token, a handful of small patterns with bounded look-ahead (numeric dates,
// "lundi 4 et 5 mars 2024", "décembre 2023", a cue word then a year, relative
// expressions). Each pattern yields raw dates whose year or reference may
// still be missing; a second pass over those raw dates lends years along
// "du 1er mars au 3 avril 2021", then from the last full date, and resolves
// relative dates against the reference date. Both passes are linear.

namespace lexfr {
namespace {

int ToInt(std::string_view s) {
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

// Whether `word` starts with one of the bytes of `firsts`: a rule that only
// words of a few initials start rules out the rest of the tokens at once.
bool StartsWithOneOf(std::string_view word, std::string_view firsts) {
  return !word.empty() && firsts.find(word[0]) != std::string_view::npos;
}

// ------------------------------------------------------------ calendar

struct Ymd {
  int y = 0, m = 0, d = 0;
};

std::chrono::year_month_day ToChrono(const Ymd& v) {
  return {std::chrono::year{v.y}, std::chrono::month{static_cast<unsigned>(v.m)},
          std::chrono::day{static_cast<unsigned>(v.d)}};
}

bool IsValidDay(const Ymd& v) { return v.y >= 1000 && v.y <= 2100 && ToChrono(v).ok(); }

Ymd FromChrono(std::chrono::year_month_day v) {
  return {static_cast<int>(v.year()), static_cast<int>(static_cast<unsigned>(v.month())),
          static_cast<int>(static_cast<unsigned>(v.day()))};
}

Ymd AddDays(const Ymd& v, int days) {
  return FromChrono(std::chrono::year_month_day{std::chrono::sys_days{ToChrono(v)} + std::chrono::days{days}});
}

int IsoWeekday(const Ymd& v) {  // 1 = Monday .. 7 = Sunday
  return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{ToChrono(v)}}.iso_encoding());
}

// ------------------------------------------------------------ raw dates

enum class Precision : uint8_t { kDay, kMonth, kYear };

// How a raw date gets its value from the reference date, if it needs one.
enum class Relative : uint8_t {
  kNone,           // written out: y (0 while still unknown), m, d
  kDays,           // the reference day + offset days ("hier")
  kMonths,         // the reference month + offset months ("le mois dernier")
  kYears,          // the reference year + offset years ("l'an dernier")
  kLastWeekday,    // the weekday d (1 = lundi) before the reference ("lundi dernier")
  kNextWeekday,    // the weekday d after it
  kLastDayMonth,   // the last d/m before the reference ("19 décembre dernier")
  kNextDayMonth,   // the next d/m after it
  kLastMonth,      // the last month m before the reference month ("en décembre dernier")
  kNextMonth,      // the next month m after it
  kDayOfRefMonth,  // day d of the reference month ("le 15")
};

struct RawDate {
  uint32_t first = 0, end = 0;  // token range of the mention
  Ymd value;
  Precision precision = Precision::kDay;
  Relative relative = Relative::kNone;
  int offset = 0;
  bool year_written = false;  // the year is in the mention itself
  bool anchor = false;        // the date the document gives as its own
};

// ------------------------------------------------------------ the scanner

struct TokenInfo {
  uint8_t month = 0;         // 1..12 when the token names a month
  uint8_t month_tokens = 0;  // 1, or 2 for "jan" + "." written as two tokens
  uint8_t weekday = 0;       // 1 (lundi) .. 7
  uint8_t day = 0;           // 1..31 for "4", "04", "1er"
  uint16_t year = 0;         // 1000..2100 for a bare four-digit number
};

// The number of days in "1er", "1ᵉʳ", "04" or "31"; 0 otherwise.
uint8_t DayValue(std::string_view s) {
  if (s == "1er" || s == "1ᵉʳ" || s == "1\u1D49\u02B3") return 1;
  if (s.empty() || s.size() > 2 || !IsAsciiDigits(s)) return 0;
  const int v = ToInt(s);
  return v >= 1 && v <= 31 ? static_cast<uint8_t>(v) : 0;
}

uint16_t YearValue(std::string_view s) {
  if (s.size() != 4 || !IsAsciiDigits(s)) return 0;
  const int v = ToInt(s);
  return v >= 1000 && v <= 2100 ? static_cast<uint16_t>(v) : 0;
}

// A date alone on one of the first lines is the document's own date.
constexpr uint32_t kHeadingLines = 6;

class DateScanner {
 public:
  DateScanner(const TokenView& view, const Lexicon& lexicon)
      : view_(view),
        tokens_(view.tokens()),
        n_(view.size()),
        lexicon_(lexicon),
        lex_(lexicon.dates()) {
    Classify();
  }

  // The raw dates of the text, in text order, without overlaps.
  std::vector<RawDate> Scan() {
    for (size_t i = 0; i < n_;) {
      size_t end = NumericDate(i);
      if (end == 0) end = DayMonthGroup(i);
      if (end == 0) end = MonthYear(i);
      if (end == 0) end = CuedYears(i);
      if (end == 0) end = RelativeDate(i);
      i = end != 0 ? end : i + 1;
    }
    return std::move(dates_);
  }

  // Whether the tokens [end, first) join two dates of one range or list:
  // "1er mars | au | 3 avril 2021", "le 3 mars | et le | 5 avril 2021".
  bool Linked(uint32_t end, uint32_t first) const {
    if (first == end + 1) return IsConnector(end);
    return first == end + 2 && IsConnector(end) && (Is(end + 1, "le") || Is(end + 1, "du"));
  }

 private:
  void Classify() {
    info_.resize(n_);
    uint32_t line = 0;
    for (size_t i = 0; i < n_; ++i) {
      TokenInfo& t = info_[i];
      const std::string_view s = Text(i);
      if (tokens_[i].newline_before && ++line == kHeadingLines) heading_end_ = i;
      if (tokens_[i].kind == TokenKind::kNumber) {
        t.day = DayValue(s);
        t.year = YearValue(s);
        continue;
      }
      const std::string_view folded = Folded(i);
      if (tokens_[i].kind != TokenKind::kWord || folded.empty()) continue;
      const WordInfo& word = lexicon_.word(view_.Id(i));
      if (!lex_.month_first.MayStart(folded)) {
        // no month, not even abbreviated ("jan" "."), starts with this byte
      } else if (word.month != 0) {
        t.month = word.month;
        t.month_tokens = 1;
      } else if (view_.Has(i + 1, kGlued) && Text(i + 1) == ".") {
        // An abbreviation the segmenter did not join to its period ("jan" ".").
        if (auto dotted = lex_.months.find(std::string(folded) + "."); dotted != lex_.months.end()) {
          t.month = static_cast<uint8_t>(dotted->second);
          t.month_tokens = 2;
        }
      }
      t.weekday = word.weekday;
    }
  }

  std::string_view Text(size_t i) const { return view_.Text(i); }
  std::string_view Folded(size_t i) const { return view_.Folded(i); }
  bool Is(size_t i, std::string_view folded) const { return i < n_ && Folded(i) == folded; }
  bool IsOneOf(size_t i, std::initializer_list<std::string_view> words) const {
    if (i >= n_) return false;
    for (std::string_view w : words) {
      if (Folded(i) == w) return true;
    }
    return false;
  }
  bool Adjacent(size_t i) const { return view_.Has(i, kGlued); }
  bool IsAlnum(size_t i) const {
    return i < n_ && (tokens_[i].kind == TokenKind::kWord || tokens_[i].kind == TokenKind::kNumber);
  }

  // Words that join the days of a list or the ends of a range.
  bool IsConnector(size_t i) const { return IsOneOf(i, {",", "et", "ou", "au", "a", "-", "&"}); }
  // data/cues/date_words.tsv: "dernier", "prochain".
  bool IsRelativePast(size_t i) const { return lexicon_.word(view_.Id(i)).relative_past; }
  bool IsRelativeNext(size_t i) const { return lexicon_.word(view_.Id(i)).relative_next; }

  // Whether number token i is glued to what comes before it, as in "C-311",
  // "SAN-2022", "2016/679", "ECLI:FR:2020": then it is part of a code.
  bool GluedBefore(size_t i) const {
    if (!view_.Has(i, kGlued)) return false;
    const std::string_view prev = Text(i - 1);
    if (prev == "(" || prev == "[" || prev == "«" || prev == "\"" || prev == "\u201C") return false;
    return true;
  }
  // Whether token i goes on into a code: "2019-536", "2016/679", "2020.1".
  bool GluedAfter(size_t i) const {
    if (!Adjacent(i + 1)) return false;
    const std::string_view next = Text(i + 1);
    if (tokens_[i + 1].kind == TokenKind::kWord || tokens_[i + 1].kind == TokenKind::kNumber) return true;
    if (next != "-" && next != "/" && next != "." && next != ":" && next != "_" && next != "\u2013") return false;
    return Adjacent(i + 2) && IsAlnum(i + 2);
  }
  // A four-digit year standing alone: not in a code, not a quantity.
  bool IsLoneYear(size_t i) const {
    return i < n_ && info_[i].year != 0 && !GluedBefore(i) && !GluedAfter(i) && !IsQuantityNext(i + 1);
  }
  // The year of "décembre 2023", on the month's line.
  bool IsYearAfterMonth(size_t i) const {
    return i < n_ && info_[i].year != 0 && !tokens_[i].newline_before && !GluedBefore(i) && !GluedAfter(i);
  }
  bool IsQuantityNext(size_t i) const {
    return i < n_ && (lexicon_.word(view_.Id(i)).quantity || Text(i) == "%");
  }
  // "article 15", "n° 13/10/2020": the number is a reference, whatever follows.
  bool FollowsNumbering(size_t i) const {
    return i > 0 && !tokens_[i].newline_before && lexicon_.word(view_.Id(i - 1)).numbering;
  }

  void Add(RawDate d) { dates_.push_back(d); }

  // "13/10/2020", "13-10-2020", "13.10.2020", "2020-10-13".
  size_t NumericDate(size_t i) {
    if (tokens_[i].kind != TokenKind::kNumber || GluedBefore(i) || FollowsNumbering(i)) return 0;
    const std::string_view s = Text(i);
    Ymd v;
    size_t end = 0;
    if (s.size() >= 8 && s.size() <= 10 && s.find('.') != std::string_view::npos) {
      // ICU keeps "13.10.2020" as one token.
      const std::vector<std::string_view> parts = Split(s, '.');
      if (parts.size() != 3 || parts[0].size() > 2 || parts[1].size() > 2 || parts[2].size() != 4) return 0;
      for (std::string_view p : parts) {
        if (!IsAsciiDigits(p)) return 0;
      }
      v = {ToInt(parts[2]), ToInt(parts[1]), ToInt(parts[0])};
      end = i + 1;
    } else if (i + 4 < n_ && Adjacent(i + 1) && Adjacent(i + 2) && Adjacent(i + 3) && Adjacent(i + 4) &&
               (Text(i + 1) == "/" || Text(i + 1) == "-") && Text(i + 3) == Text(i + 1) && IsAsciiDigits(Text(i + 2)) &&
               IsAsciiDigits(Text(i + 4))) {
      const std::string_view a = s, b = Text(i + 2), c = Text(i + 4);
      if (a.size() <= 2 && b.size() <= 2 && c.size() == 4 && IsAsciiDigits(a)) {
        v = {ToInt(c), ToInt(b), ToInt(a)};
      } else if (a.size() == 4 && b.size() == 2 && c.size() == 2 && Text(i + 1) == "-" && IsAsciiDigits(a)) {
        v = {ToInt(a), ToInt(b), ToInt(c)};
      } else {
        return 0;
      }
      end = i + 5;
    } else {
      return 0;
    }
    if (!IsValidDay(v) || GluedAfter(end - 1)) return 0;
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(end), v};
    d.year_written = true;
    d.anchor = IsAnchored(i, end);
    Add(d);
    return end;
  }

  // "[lundi] 4 mars 2024", "5, 15, 18 et 19 mars 2024", "du 1er au 3 mars",
  // "19 décembre dernier", "le 15 mars" (year found later).
  size_t DayMonthGroup(size_t i) {
    size_t j = i;
    if (info_[j].weekday != 0) ++j;
    if (j >= n_ || info_[j].day == 0 || GluedBefore(j) || FollowsNumbering(j)) return 0;
    // A day inside a list already found to end without a month ends there
    // too: without this, « le 1er et le 2 et le 3 … » rescans the list from
    // every day.
    if (j < list_without_month_end_) return 0;
    std::vector<uint32_t>& day_tokens = day_tokens_;  // the whole list, however long
    day_tokens.assign(1, static_cast<uint32_t>(j));
    size_t k = j + 1;
    while (IsConnector(k)) {
      const size_t next = Is(k + 1, "le") ? k + 2 : k + 1;  // "le 3 et le 5 mars"
      if (next >= n_ || info_[next].day == 0 || GluedBefore(next)) break;
      day_tokens.push_back(static_cast<uint32_t>(next));
      k = next + 1;
    }
    if (k >= n_ || info_[k].month == 0 || tokens_[k].newline_before) {
      list_without_month_end_ = k;
      return 0;
    }
    // A list takes at most 31 days: only its last 31 share the month, and
    // the days before them start no date. Skipping them at once keeps a long
    // list linear (each would otherwise re-read 31 days).
    constexpr size_t kMaxDays = 31;
    if (day_tokens.size() > kMaxDays) {
      list_without_month_end_ = day_tokens[day_tokens.size() - kMaxDays];
      return 0;
    }
    const size_t count = day_tokens.size();
    const int month = info_[k].month;
    k += info_[k].month_tokens;
    int year = 0;
    Relative relative = Relative::kNone;
    if (IsYearAfterMonth(k)) {
      year = info_[k].year;
      ++k;
    } else if (IsRelativePast(k) || IsRelativeNext(k)) {
      relative = IsRelativePast(k) ? Relative::kLastDayMonth : Relative::kNextDayMonth;
      ++k;
    }
    for (size_t c = 0; c < count; ++c) {
      const bool last = c + 1 == count;
      RawDate d;
      d.first = (c == 0 && j != i) ? static_cast<uint32_t>(i) : day_tokens[c];
      d.end = last ? static_cast<uint32_t>(k) : day_tokens[c] + 1;
      d.value = {year, month, info_[day_tokens[c]].day};
      d.relative = relative;
      d.year_written = year != 0;
      if (year != 0 && !IsValidDay(d.value)) continue;
      if (year != 0 && count == 1) d.anchor = IsAnchored(d.first, d.end);
      Add(d);
    }
    return k;
  }

  // "décembre 2023", "décembre dernier", and a bare month that a range may
  // complete: "de janvier à mars 2020".
  size_t MonthYear(size_t i) {
    if (info_[i].month == 0) return 0;
    const size_t k = i + info_[i].month_tokens;
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(k), {0, info_[i].month, 0}, Precision::kMonth};
    if (IsYearAfterMonth(k)) {
      d.value.y = info_[k].year;
      d.end = static_cast<uint32_t>(k + 1);
      d.year_written = true;
    } else if (IsRelativePast(k) || IsRelativeNext(k)) {
      d.relative = IsRelativePast(k) ? Relative::kLastMonth : Relative::kNextMonth;
      d.end = static_cast<uint32_t>(k + 1);
    } else if (!IsConnector(k)) {
      return 0;
    }
    Add(d);
    return d.end;
  }

  // A year after a cue word: "en 1992", "depuis 2015", "mi-2020", "(1996)",
  // "de 2019 à 2021", "entre 2019 et 2021", "en 2019, 2020 et 2021".
  size_t CuedYears(size_t i) {
    size_t j = 0;
    bool needs_second = false;  // "de"/"entre" are cues only before a range
    const std::string_view raw = Text(i);
    // Only "(", "mi", "dès", "de", "entre" and the year cues start one.
    if (!StartsWithOneOf(Folded(i), "(mde") && !lex_.year_cue_first.MayStart(Folded(i))) return 0;
    if (Is(i, "(")) {
      if (!IsLoneYear(i + 1) || !Is(i + 2, ")")) return 0;
      Add(YearDate(i + 1));
      return i + 2;
    }
    if (Is(i, "mi") && Is(i + 1, "-") && Adjacent(i + 1) && Adjacent(i + 2)) {
      j = i + 2;
    } else if ((lex_.year_cue_first.MayStart(Folded(i)) && lex_.year_cues.contains(Folded(i))) || raw == "dès" ||
               raw == "Dès" || raw == "DÈS") {
      j = i + 1;
    } else if (Is(i, "de") && i > 0 && Is(i - 1, "partir")) {
      j = i + 1;  // "à partir de 2020"
    } else if (Is(i, "de") || Is(i, "entre")) {
      j = i + 1;
      needs_second = true;
    } else {
      return 0;
    }
    if (j >= n_ || info_[j].year == 0 || tokens_[j].newline_before || (j != i + 2 && GluedBefore(j))) return 0;
    // "2019-2021": a range of years written as one code.
    if (GluedAfter(j)) {
      if (!(Is(j + 1, "-") || Is(j + 1, "/")) || info_[j + 2].year <= info_[j].year || !IsLoneYearEnd(j + 2)) {
        return 0;
      }
      Add(YearDate(j));
      Add(YearDate(j + 2));
      return j + 3;
    }
    if (IsQuantityNext(j + 1)) return 0;
    const size_t first_year = j;
    size_t k = j + 1;
    std::array<uint32_t, 8> years{static_cast<uint32_t>(j)};
    size_t count = 1;
    while (count < years.size() && IsConnector(k) && IsLoneYear(k + 1)) {
      years[count++] = static_cast<uint32_t>(k + 1);
      k += 2;
    }
    if (needs_second) {
      const bool range = count >= 2 && (Is(first_year + 1, "a") || Is(first_year + 1, "au") ||
                                        (Is(i, "entre") && Is(first_year + 1, "et")));
      if (!range) return 0;
    }
    for (size_t c = 0; c < count; ++c) Add(YearDate(years[c]));
    return k;
  }
  bool IsLoneYearEnd(size_t i) const {
    return i < n_ && info_[i].year != 0 && !GluedAfter(i) && !IsQuantityNext(i + 1);
  }
  RawDate YearDate(size_t i) const {
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), {info_[i].year, 0, 0}, Precision::kYear};
    d.year_written = true;
    return d;
  }

  // Dates that need the reference date: "hier", "lundi dernier", "le mois
  // prochain", "l'an dernier", "il y a deux ans", "le 15".
  size_t RelativeDate(size_t i) {
    // Only a weekday and « aujourd'hui, hier, demain, avant-, après-, mois,
    // an, année, il y a, le » start one.
    if (info_[i].weekday == 0 && !StartsWithOneOf(Folded(i), "ahdmil")) return 0;
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), {}};
    const auto days = [&](int offset, size_t end) {
      d.relative = Relative::kDays;
      d.offset = offset;
      d.end = static_cast<uint32_t>(end);
    };
    if (Is(i, "aujourd'hui")) {
      days(0, i + 1);
    } else if (Is(i, "hier")) {
      days(-1, i + 1);
    } else if (Is(i, "demain")) {
      days(1, i + 1);
    } else if ((Is(i, "avant") || Is(i, "apres")) && Is(i + 1, "-") && Adjacent(i + 1) && Adjacent(i + 2) &&
               Is(i + 2, Is(i, "avant") ? "hier" : "demain")) {
      days(Is(i, "avant") ? -2 : 2, i + 3);
    } else if (info_[i].weekday != 0 && (IsRelativePast(i + 1) || IsRelativeNext(i + 1))) {
      d.relative = IsRelativePast(i + 1) ? Relative::kLastWeekday : Relative::kNextWeekday;
      d.value.d = info_[i].weekday;
      d.end = static_cast<uint32_t>(i + 2);
    } else if (Is(i, "mois") && (IsRelativePast(i + 1) || IsRelativeNext(i + 1))) {
      d.relative = Relative::kMonths;
      d.precision = Precision::kMonth;
      d.offset = IsRelativePast(i + 1) ? -1 : 1;
      d.end = static_cast<uint32_t>(i + 2);
    } else if ((Is(i, "an") || Is(i, "annee")) && (IsRelativePast(i + 1) || IsRelativeNext(i + 1))) {
      d.relative = Relative::kYears;
      d.precision = Precision::kYear;
      d.offset = IsRelativePast(i + 1) ? -1 : 1;
      d.end = static_cast<uint32_t>(i + 2);
    } else if (Is(i, "il") && Is(i + 1, "y") && Is(i + 2, "a") && i + 4 < n_) {
      int count = 0;
      if (auto it = lex_.number_words.find(Folded(i + 3)); it != lex_.number_words.end()) {
        count = it->second;
      } else if (tokens_[i + 3].kind == TokenKind::kNumber && Text(i + 3).size() <= 3 && IsAsciiDigits(Text(i + 3))) {
        count = ToInt(Text(i + 3));
      }
      if (count == 0) return 0;
      if (IsOneOf(i + 4, {"an", "ans"})) {
        d.relative = Relative::kYears, d.precision = Precision::kYear;
      } else if (Is(i + 4, "mois")) {
        d.relative = Relative::kMonths, d.precision = Precision::kMonth;
      } else if (IsOneOf(i + 4, {"jour", "jours"})) {
        d.relative = Relative::kDays;
      } else {
        return 0;
      }
      d.offset = -count;
      d.end = static_cast<uint32_t>(i + 5);
    } else if (Is(i, "le") && i + 1 < n_ && info_[i + 1].day != 0 && !GluedBefore(i + 1) &&
               (i + 2 >= n_ || IsOneOf(i + 2, {",", ".", ";", ":", ")"}))) {
      // "le 15" with nothing after it: a day of the reference month.
      d.relative = Relative::kDayOfRefMonth;
      d.value.d = info_[i + 1].day;
      d.first = static_cast<uint32_t>(i + 1);
      d.end = static_cast<uint32_t>(i + 2);
    } else {
      return 0;
    }
    Add(d);
    return d.end;
  }

  // Whether the date [first, end) is the one the document gives as its own:
  // "publié le …", "mis à jour le …", "Lecture du …", "Paris, le …", or a
  // date alone on a line of the heading.
  bool IsAnchored(size_t first, size_t end) const {
    if (first >= 2 && Is(first - 1, "du") && Is(first - 2, "lecture")) return true;
    if (first >= 2 && Is(first - 1, "le") &&
        IsOneOf(first - 2, {"publie", "publiee", "publies", "publiees", "jour", "modifie", "modifiee"})) {
      return true;
    }
    if (first >= 2 && Is(first - 1, ":") && IsOneOf(first - 2, {"publication", "publie", "publiee"})) return true;
    // "Paris, le 3 mars 2024" opening a line, "Fait à Paris, le 13 octobre 2020".
    if (first >= 3 && Is(first - 1, "le") && Is(first - 2, ",") && IsUpperInitial(Text(first - 3)) &&
        (first == 3 || tokens_[first - 3].newline_before || (Is(first - 4, "a") && Is(first - 5, "fait")))) {
      return true;
    }
    const bool starts_line = first == 0 || tokens_[first].newline_before;
    const bool ends_line = end >= n_ || tokens_[end].newline_before;
    return starts_line && ends_line && first < heading_end_;
  }

  const TokenView& view_;
  size_t list_without_month_end_ = 0;  // see DayMonthGroup
  const std::vector<Token>& tokens_;
  size_t n_;
  const Lexicon& lexicon_;
  const DateWords& lex_;
  std::vector<TokenInfo> info_;
  size_t heading_end_ = SIZE_MAX;  // the first token past the heading lines
  std::vector<uint32_t> day_tokens_;  // DayMonthGroup's list, kept to reuse its buffer
  std::vector<RawDate> dates_;
};

// ------------------------------------------------------------ resolution

std::string Format(const Ymd& v, Precision p) {
  char buf[16];
  switch (p) {
    case Precision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d); break;
    case Precision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", v.y, v.m); break;
    case Precision::kYear: std::snprintf(buf, sizeof buf, "%04d", v.y); break;
  }
  return buf;
}

const char* PrecisionName(Precision p) {
  switch (p) {
    case Precision::kDay: return "day";
    case Precision::kMonth: return "month";
    case Precision::kYear: return "year";
  }
  return "day";
}

Ymd AddMonths(const Ymd& v, int months) {
  const int index = v.y * 12 + (v.m - 1) + months;
  return {index / 12, index % 12 + 1, 0};
}

bool Before(const Ymd& a, const Ymd& b) { return std::tie(a.y, a.m, a.d) < std::tie(b.y, b.m, b.d); }

// The value of a relative date against `ref`; false when it has none.
bool ResolveRelative(const Ymd& ref, RawDate* d) {
  Ymd& v = d->value;
  switch (d->relative) {
    case Relative::kNone: return true;
    case Relative::kDays: v = AddDays(ref, d->offset); return true;
    case Relative::kMonths: v = AddMonths(ref, d->offset); return true;
    case Relative::kYears: v = {ref.y + d->offset, 0, 0}; return true;
    case Relative::kLastWeekday:
    case Relative::kNextWeekday: {
      const int step = d->relative == Relative::kLastWeekday ? -1 : 1;
      const int wanted = v.d;
      for (int k = 1; k <= 7; ++k) {
        const Ymd candidate = AddDays(ref, step * k);
        if (IsoWeekday(candidate) == wanted) {
          v = candidate;
          return true;
        }
      }
      return false;
    }
    case Relative::kLastDayMonth:
      v.y = ref.y;
      if (!Before(v, ref)) --v.y;
      return IsValidDay(v);
    case Relative::kNextDayMonth:
      v.y = ref.y;
      if (!Before(ref, v)) ++v.y;
      return IsValidDay(v);
    case Relative::kLastMonth: v.y = v.m < ref.m ? ref.y : ref.y - 1; return true;
    case Relative::kNextMonth: v.y = v.m > ref.m ? ref.y : ref.y + 1; return true;
    case Relative::kDayOfRefMonth: v.y = ref.y, v.m = ref.m; return IsValidDay(v);
  }
  return false;
}

}  // namespace


std::vector<Candidate> FindDates(const TokenView& view, const Lexicon& lexicon, const DateOptions& options) {
  DateScanner scanner(view, lexicon);
  std::vector<RawDate> raw = scanner.Scan();

  // The reference: the one given, else the first date the document gives as
  // its own; never the clock.
  std::optional<Ymd> ref;
  if (options.ref_date) ref = Ymd{options.ref_date->year, options.ref_date->month, options.ref_date->day};
  if (!ref) {
    for (const RawDate& d : raw) {
      if (d.anchor) {
        ref = d.value;
        break;
      }
    }
  }

  // "du 1er mars au 3 avril 2021": the year of a range's end is its start's.
  for (size_t k = raw.size(); k-- > 1;) {
    RawDate& d = raw[k - 1];
    const RawDate& next = raw[k];
    if (d.relative == Relative::kNone && d.value.y == 0 && next.relative == Relative::kNone && next.value.y != 0 &&
        scanner.Linked(d.end, next.first)) {
      d.value.y = next.value.y;
    }
  }

  std::vector<Candidate> out;
  out.reserve(raw.size());
  int last_full_year = 0;  // year of the nearest earlier full date (day, month and year)
  for (RawDate& d : raw) {
    if (d.relative != Relative::kNone) {
      if (!ref || !ResolveRelative(*ref, &d)) continue;
    } else if (d.value.y == 0) {
      // "le 15 mars": the year of the last full date, else the reference's.
      if (d.precision != Precision::kDay) continue;  // a bare month nothing completed
      d.value.y = last_full_year != 0 ? last_full_year : (ref ? ref->y : 0);
      if (d.value.y == 0) continue;
    }
    if (d.precision == Precision::kDay && !IsValidDay(d.value)) continue;
    if (d.value.y < 1000 || d.value.y > 2100) continue;
    if (d.year_written && d.precision == Precision::kDay) last_full_year = d.value.y;
    Candidate c;
    c.type = EntityType::kDate;
    c.first_token = d.first;
    c.end_token = d.end;
    c.fields.value() = Format(d.value, d.precision);
    c.fields.precision() = PrecisionName(d.precision);
    c.canonical = c.fields.value();
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace lexfr
