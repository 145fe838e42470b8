#include "recognise/dates.h"

#include <array>
#include <bit>
#include <cassert>
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
// relative dates against the reference date or, for a narrative's « le
// lendemain », against the date the text just gave. Both passes are linear:
// every pattern looks at most a constant number of tokens ahead or back.
// The French words are data/cues/date_words.tsv's (DateCue); the grammar
// that orders them is here. DURATION (« deux mois à compter de la
// notification ») is read by the same pass.

namespace lexfr {
namespace {

int ToInt(std::string_view s) {
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

// The value of `s`, at most 4 bytes, when they are all ASCII digits; else
// -1. Read in the loop that checks them: every number token of a text is
// asked whether it is a day or a year.
int ShortDigitsValue(std::string_view s) {
  int value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Whether `word` starts with one of the bytes of `firsts`: a rule that only
// words of a few initials start rules out the rest of the tokens at once.
bool StartsWithOneOf(std::string_view word, std::string_view firsts) {
  return !word.empty() && firsts.find(word[0]) != std::string_view::npos;
}

// A bit per token, 64 tokens a word: the scanner's sparse per-token facts,
// zeroed at an eighth of a byte a token.
using TokenBits = std::vector<uint64_t>;
void ClearBits(size_t tokens, TokenBits* bits) { bits->assign(tokens / 64 + 1, 0); }
void SetBit(size_t i, TokenBits* bits) { (*bits)[i / 64] |= uint64_t{1} << (i % 64); }
bool HasBit(const TokenBits& bits, size_t i) { return (bits[i / 64] >> (i % 64) & 1u) != 0; }

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

int DaysInMonth(int y, int m) {
  return static_cast<int>(static_cast<unsigned>(
      std::chrono::year_month_day_last{std::chrono::year{y}, std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(m)}}}.day()));
}

// Easter Sunday of year y (Gregorian; the anonymous algorithm of 1876).
Ymd Easter(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {y, month, day};
}

// ------------------------------------------------------------ raw dates

enum class Precision : uint8_t { kDay, kMonth, kYear };

// How a date whose year comes later (from the text or the reference) gets
// its month and day once the year is known.
enum class Rule : uint8_t {
  kFixed,         // value.m and value.d as written
  kEaster,        // Easter Sunday + offset days ("Pentecôte")
  kNthWeekday,    // the offset-th (-1: last) weekday value.d of month value.m
  kLastDay,       // the last day of month value.m
  kNthWeek,       // the offset-th week (days 7k-6 .. 7k) of month value.m: a period
  kYearPart,      // the offset-th part of value.d months of the year: a period
  kSeason,        // the season starting on month value.m, day value.d: a period
};

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
  kNearestWeekday, // the weekday d nearest the reference, within 3 days ("vendredi")
  kWeekdayInWeek,  // the weekday d of the week offset weeks after the reference's
  kWeekdayDay,     // day m (a number) nearest the reference that is weekday d ("vendredi 17")
  kContextYear,    // written without its year: the year of the text's last full date, else the reference's
};

struct RawDate {
  uint32_t first = 0, end = 0;  // token range of the mention
  Ymd value;
  Precision precision = Precision::kDay;
  Relative relative = Relative::kNone;
  int offset = 0;
  bool year_written = false;  // the year is in the mention itself
  bool anchor = false;        // the date the document gives as its own
  bool two_digit_year = false;  // value.y is 0..99, its century still to choose
  bool narrative = false;       // relative to the date the text just gave, not the reference
  Rule rule = Rule::kFixed;
  int rule_offset = 0;
};

// ------------------------------------------------------------ the scanner

// One per token, so packed in 64 bits (a 32-bit set of cues, then two
// 16-bit units, which no field straddles; uint16_t fields read as int): the
// scanner's per-token tables were the peak of a run's memory (issue 21).
// The cues share the word of the rest: one table made, zeroed and read.
struct TokenInfo {
  uint32_t starts = 0;            // the DateCue bits of the phrases starting at the token
  uint16_t year : 12 = 0;         // 1000..2100 for a bare four-digit number
  uint16_t month : 4 = 0;         // 1..12 when the token names a month
  uint16_t day : 5 = 0;           // 1..31 for "4", "04", "1er"
  uint16_t weekday : 3 = 0;       // 1 (lundi) .. 7
  uint16_t day_tokens : 5 = 1;    // 2 for "1 er" (a phrase of date_words.tsv: a few tokens)
  uint16_t month_tokens : 2 = 0;  // 1, or 2 for "jan" + "." written as two tokens
  uint16_t bare_month : 1 = 0;    // "dec", "sept": a month only beside a day or a year
};
static_assert(sizeof(TokenInfo) == 8, "one 64-bit word a token");

// The number of days in "1er", "1ᵉʳ", "04" or "31"; 0 otherwise.
uint8_t DayValue(std::string_view s) {
  if (s == "1er" || s == "1ᵉʳ" || s == "1\u1D49\u02B3") return 1;
  if (s.empty() || s.size() > 2) return 0;
  const int v = ShortDigitsValue(s);
  return v >= 1 && v <= 31 ? static_cast<uint8_t>(v) : 0;
}

uint16_t YearValue(std::string_view s) {
  if (s.size() != 4) return 0;
  const int v = ShortDigitsValue(s);
  return v >= 1000 && v <= 2100 ? static_cast<uint16_t>(v) : 0;
}

// A date alone on one of the first lines is the document's own date.
constexpr uint32_t kHeadingLines = 6;

// One phrase of data/cues/date_words.tsv found in the text.
struct CueMatch {
  DateCue cue;
  int value;
  uint32_t first, end;  // the phrase's first token, and the token after it
};

// A duration read from the text: ISO 8601 parts and what it runs from.
struct RawDuration {
  uint32_t first = 0, end = 0;
  int years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0;
  uint32_t from_first = 0, from_end = 0;  // the tokens of what it runs from, if said
};

// Zeroed TokenInfo entries past the last token, for the rules' look-ahead.
constexpr size_t kInfoPadding = 8;

// The most tokens a phrase after a duration may take to say what it runs from.
constexpr uint32_t kMostFromTokens = 8;
// The most parts of a duration (« un an, deux mois et trois jours »).
constexpr int kMostDurationParts = 4;

// DateCue bit masks, for the bit sets of phrases starting or ending at a token.
constexpr uint32_t Bit(DateCue cue) { return 1u << static_cast<unsigned>(cue); }
constexpr uint32_t kUnitCues = Bit(DateCue::kDays) | Bit(DateCue::kWeeks) | Bit(DateCue::kMonths) |
                               Bit(DateCue::kYears) | Bit(DateCue::kHours) | Bit(DateCue::kMinutes);
constexpr uint32_t kCountCues = Bit(DateCue::kNumber);
constexpr uint32_t kHolidayCues = Bit(DateCue::kFixedHoliday) | Bit(DateCue::kEasterHoliday);
// The cues the rules ask where they end (EndsCue): « publié le » before a
// date, « en » before a month. Only their ends are kept.
constexpr std::array<DateCue, 2> kEndCues = {DateCue::kAnchorCue, DateCue::kMonthCue};
constexpr uint32_t kEndCueBits = Bit(kEndCues[0]) | Bit(kEndCues[1]);
constexpr size_t EndCueIndex(DateCue cue) {
  for (size_t e = 0; e < kEndCues.size(); ++e) {
    if (kEndCues[e] == cue) return e;
  }
  return kEndCues.size();
}
// What a relative date can open with besides a weekday and « le »: « hier »,
// « la veille », « l'an dernier », « il y a », « dans ».
constexpr uint32_t kRelativeCues = Bit(DateCue::kDayOffset) | Bit(DateCue::kNarrativeOffset) | kUnitCues |
                                   Bit(DateCue::kAgo) | Bit(DateCue::kAhead);
// The cues a rule may open with (Scan's tests before each rule): a phrase
// of any other cue (« , », « et », « à compter de ») starts no date.
constexpr uint32_t kOpeningCues =
    kHolidayCues | Bit(DateCue::kOrdinal) | Bit(DateCue::kSeason) | kRelativeCues | kCountCues;
// The cues only ever asked whether a phrase of them starts at a token
// (IsConnector) or ends before it (EndsCue), never for its value or end: the
// start bit answers, and no CueMatch is kept. They are the most frequent
// (« , », « et », « en »): two thirds of the matches a text had.
constexpr uint32_t kBitOnlyCues = Bit(DateCue::kConnector) | Bit(DateCue::kNarrativePast) |
                                  Bit(DateCue::kNarrativeNext) | kEndCueBits;

// The Lexicon::scan_bits of the date lists: a word that names a month or
// a weekday, or starts a phrase of date_words.tsv. Read for every token
// (NextDateToken, ClassifyByIds), one byte an id.
constexpr uint8_t kDateScanBits = kNamesDateWord | kStartsDatePhrase;

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
  std::vector<RawDate> Scan(bool every_token) {
    for (size_t i = 0; i < n_;) {
      if (!every_token && (i = NextMayStart(i)) >= n_) break;
      // Most tokens start no phrase of date_words.tsv and are no number:
      // the rules that need one are not tried (the first-token filter). The
      // tests below are each rule's own first one, asked here so that a rule
      // that cannot match costs no call.
      const uint32_t cues = info_[i].starts;
      // Offsets and durations open with a count, a number word or a number
      // then its unit (« 3 jours »): most numbers have no unit after them.
      const bool counted = (cues & kCountCues) != 0 ||
                           (tokens_[i].kind == TokenKind::kNumber && StartsCue(i + 1, kUnitCues));
      // « le 15 », the one reading without a cue or a weekday, needs a day next
      const bool relative = StartsCue(i, kRelativeCues) || info_[i].weekday != 0 ||
                            (info_[i + 1].day != 0 && Is(i, "le"));
      size_t end = tokens_[i].kind == TokenKind::kNumber ? NumericDate(i) : 0;
      if (end == 0 && (cues & kHolidayCues) != 0) end = Holiday(i);
      if (end == 0 && (cues & Bit(DateCue::kOrdinal)) != 0) end = OrdinalOfMonth(i);
      if (end == 0 && info_[info_[i].weekday != 0 ? i + 1 : i].day != 0) end = DayMonthGroup(i);
      if (end == 0) end = MonthYear(i);
      if (end == 0 && (cues & Bit(DateCue::kSeason)) != 0) end = SeasonOrPart(i);
      if (end == 0 && YearFollows(i)) end = CuedYears(i);
      if (end == 0 && relative) end = RelativeDate(i);
      if (end == 0 && counted && CountThenUnit(i)) {
        end = Offset(i);
        if (end == 0) end = Duration(i);
      }
      i = end != 0 ? end : i + 1;
    }
    return std::move(dates_);
  }
  std::vector<RawDuration> TakeDurations() { return std::move(durations_); }

  // Whether the dates a and b, next to each other, are the two ends of one
  // period: "du 1er au 15 mars", "entre 2015 et 2018", "de 2019 à 2021".
  bool IsRange(const RawDate& a, const RawDate& b) const {
    if (!Linked(a.end, b.first)) return false;
    const size_t before = a.first;
    if (Is(a.end, "et")) return Is(before - 1, "entre") || (Is(before - 1, "le") && Is(before - 2, "entre"));
    if (Is(a.end, "au") || Is(a.end, "a")) return Is(before - 1, "du") || Is(before - 1, "de") || Is(before - 1, "depuis");
    return Is(a.end, "-") && a.precision == Precision::kYear && b.precision == Precision::kYear;
  }

  // Whether the tokens [end, first) join two dates of one range or list:
  // "1er mars | au | 3 avril 2021", "le 3 mars | et le | 5 avril 2021",
  // "7 novembre | , et | 24 décembre 2011".
  bool Linked(uint32_t end, uint32_t first) const {
    // « 7 novembre, et 24 décembre 2011 »: the comma before the last item
    if (Is(end, ",") && end + 1 < first && (Is(end + 1, "et") || Is(end + 1, "ou"))) ++end;
    if (first == end + 1) return IsConnector(end);
    return first == end + 2 && IsConnector(end) && (Is(end + 1, "le") || Is(end + 1, "du"));
  }

 private:
  // The phrases of date_words.tsv that start at each token, longest last,
  // and the tokens the phrases of kEndCues end before, matched by their
  // folded text: for a matcher not indexed by ids (the Lexicon's are; one
  // built by hand may not be). The walk from a token is as long as the
  // longest phrase: a constant.
  void MatchCuesByText() {
    for (size_t i = 0; i < n_; ++i) {
      if (!lexicon_.word(view_.Id(i)).date_phrase_start) continue;  // one integer test, no hashing
      uint32_t node = PhraseMatcher::kRoot;
      for (size_t k = i; k < n_; ++k) {
        if (k > i && tokens_[k].newline_before) break;
        node = lex_.phrases.Next(node, Folded(k));
        if (node == PhraseMatcher::kNoNode) break;
        AddCues(lex_.phrases.PhrasesAt(node), i, k + 1);
      }
    }
  }
  // The phrases starting at token i, whose word starts some phrase, by ids.
  // The first words that are no phrase alone (« de », « d' », « ce ») are
  // passed when the next token cannot go on with them: a quarter of the
  // walks. Most walks left end at their first token (« , », « en »), told
  // by the matcher's table with no hashing.
  // `one_word_cues` is the word's WordInfo::date_word_cues.
  void MatchCuesAt(const PhraseMatcher::Walker& walk, const uint32_t* ids, size_t i, uint32_t one_word_cues) {
    const uint32_t first = walk.FirstStep(ids[i]);
    uint32_t node = PhraseMatcher::Walker::FirstNode(first);
    if (node == PhraseMatcher::kNoNode) return;
    if (!PhraseMatcher::Walker::FirstEnds(first) && !(i + 1 < n_ && walk.IsSecond(ids[i + 1]))) return;
    if ((one_word_cues & ~kBitOnlyCues) == 0) {
      // « , », « et », « en »: only bits to set, no CueMatch to keep (AddCues
      // the same, without walking the node's phrases)
      info_[i].starts |= one_word_cues;
      for (size_t e = 0; e < kEndCues.size(); ++e) {
        if ((one_word_cues & Bit(kEndCues[e])) != 0) SetBit(i + 1, &ends_before_[e]);
      }
    } else {
      AddCues(walk.PhrasesAt(node), i, i + 1);
    }
    if (!PhraseMatcher::Walker::FirstGoesOn(first)) return;
    const Token* tokens = tokens_.data();
    for (size_t k = i + 1; k < n_ && !tokens[k].newline_before; ++k) {
      node = walk.Next(node, ids[k]);
      if (node == PhraseMatcher::kNoNode) break;
      AddCues(walk.PhrasesAt(node), i, k + 1);
    }
  }
  // The phrases `ids` of date_words.tsv, found on tokens [first, end).
  void AddCues(std::span<const uint32_t> ids, size_t first, size_t end) {
    for (const uint32_t id : ids) {
      const DatePhrase& p = lex_.phrase_cues[id];
      if ((Bit(p.cue) & kBitOnlyCues) == 0) {
        cues_.push_back({p.cue, p.value, static_cast<uint32_t>(first), static_cast<uint32_t>(end)});
      }
      info_[first].starts |= Bit(p.cue);
      if ((Bit(p.cue) & kEndCueBits) != 0) SetBit(end, &ends_before_[EndCueIndex(p.cue)]);
    }
  }
  // The longest phrase of `cue` that starts at token i, or null.
  const CueMatch* Cue(size_t i, DateCue cue) const {
    assert((Bit(cue) & kBitOnlyCues) == 0 && "no CueMatch is kept for these: ask StartsCue");
    // one bit test answers most calls: no phrase of `cue` starts here
    if (i >= n_ || (info_[i].starts & Bit(cue)) == 0) return nullptr;
    const CueMatch* found = nullptr;
    for (size_t k = FirstCueAt(i); k < cues_.size() && cues_[k].first == i; ++k) {
      if (cues_[k].cue == cue) found = &cues_[k];
    }
    return found;
  }
  // The index in cues_ of the first phrase starting at token i or later. The
  // phrases are in the order of their first tokens: a search, not a
  // per-token table of where each token's phrases begin (issue 21). The
  // rules ask of one token several times (Unit: six cues), then of the
  // tokens after it: the last answer is kept, and a later token is found by
  // galloping from it, in steps that double.
  size_t FirstCueAt(size_t i) const {
    if (i == last_cue_token_) return last_cue_index_;
    const auto before = [](const CueMatch& m, size_t token) { return m.first < token; };
    auto from = cues_.begin(), to = cues_.end();
    if (last_cue_token_ != SIZE_MAX && i > last_cue_token_) {
      from += static_cast<std::ptrdiff_t>(last_cue_index_);
      for (size_t step = 1; from != to;) {
        const auto probe = static_cast<size_t>(to - from) > step ? from + static_cast<std::ptrdiff_t>(step) : to;
        if (probe == to || !before(*probe, i)) {
          to = probe;
          break;
        }
        from = probe;
        step *= 2;
      }
    }
    last_cue_token_ = i;
    last_cue_index_ = static_cast<size_t>(std::lower_bound(from, to, i, before) - cues_.begin());
    return last_cue_index_;
  }
  // Whether a phrase of one of `cues` (a mask of DateCue bits) starts at token i.
  bool StartsCue(size_t i, uint32_t cues) const { return i < n_ && (info_[i].starts & cues) != 0; }
  // Whether a phrase of `cue`, one of kEndCues, ends right before token i.
  template <DateCue cue>
  bool EndsCue(size_t i) const {
    static_assert(EndCueIndex(cue) < kEndCues.size(), "only the ends of kEndCues are kept");
    return i <= n_ && HasBit(ends_before_[EndCueIndex(cue)], i);
  }
  // The unit cue at token i ("jours", "mois"), or null.
  const CueMatch* Unit(size_t i) const {
    if (!StartsCue(i, kUnitCues)) return nullptr;
    for (DateCue c : {DateCue::kDays, DateCue::kWeeks, DateCue::kMonths, DateCue::kYears, DateCue::kHours,
                      DateCue::kMinutes}) {
      if (const CueMatch* m = Cue(i, c)) return m;
    }
    return nullptr;
  }
  // A count at token i: "3", "quinze", "quarante-huit"; its end in *end.
  int Count(size_t i, size_t* end) const {
    if (i >= n_) return 0;
    if (tokens_[i].kind == TokenKind::kNumber && Text(i).size() <= 3 && IsAsciiDigits(Text(i)) && !GluedBefore(i)) {
      *end = i + 1;
      return ToInt(Text(i));
    }
    if (const CueMatch* m = Cue(i, DateCue::kNumber)) {
      *end = m->end;
      return m->value;
    }
    return 0;
  }

  // Whether a count at token i has a unit after it (« 3 jours », « un an »),
  // as Offset and Duration both need first. Most counts (« un », « une »)
  // have none: asked once here, not by each rule.
  bool CountThenUnit(size_t i) const {
    size_t end = 0;
    return Count(i, &end) != 0 && StartsCue(end, kUnitCues);
  }

  // The first token at or after i a rule may start at (MarkMayStart), or
  // n_: a search of the set bits, 64 tokens a word.
  size_t NextMayStart(size_t i) const {
    if (i >= n_) return n_;
    size_t w = i / 64;
    uint64_t bits = may_start_[w] & (~uint64_t{0} << (i % 64));
    while (bits == 0) {
      if (++w == may_start_.size()) return n_;
      bits = may_start_[w];
    }
    return std::min(w * 64 + static_cast<size_t>(std::countr_zero(bits)), n_);
  }

  // (For a matcher not indexed by ids; ClassifyByIds does the same.)
  // The first token at or after i that may be a day, a month, a weekday
  // or a year, or start a rule: a number, the start of a day word (« 1 er »,
  // « premier ») or of a phrase a rule opens with, or a word that names a
  // month or a weekday (« jan » « . », an abbreviation left apart from its
  // period, is a word of its own). Most tokens are punctuation or words no
  // list knows (« le », « de ») or start only a phrase read from elsewhere
  // (« , », « et »): one tight scan of integer tests passes them.
  size_t NextDateToken(size_t i) const {
    constexpr uint32_t kClassifiedCues = kOpeningCues | Bit(DateCue::kDayWord);
    const Token* tokens = tokens_.data();
    const TokenInfo* info = info_.data();
    const uint32_t* ids = view_.ids().data();
    const uint8_t* scan_bits = lexicon_.scan_bits();
    // Only a word of the date lists (kDateScanBits) can start a phrase or
    // name a month: the cue bits are read for those alone.
    for (; i < n_; ++i) {
      if (tokens[i].kind == TokenKind::kNumber) break;
      const uint8_t what = scan_bits[ids[i]] & kDateScanBits;
      if (what == 0) continue;
      if ((what & kNamesDateWord) != 0 && tokens[i].kind == TokenKind::kWord) break;
      if ((info[i].starts & kClassifiedCues) != 0) break;
    }
    return i;
  }

  void Classify() {
    // Rules look a few tokens ahead (« le 5, 6 et 7 », « mi-2019 »): past
    // the last token they read zeros, not past the vector.
    info_.resize(n_ + kInfoPadding);
    cues_.reserve(n_);  // address space until written: no copy as cues come
    for (TokenBits& ends : ends_before_) ClearBits(n_ + 1, &ends);
    uint32_t line = 0;
    for (size_t i = 0; i < n_; ++i) {
      if (tokens_[i].newline_before && ++line == kHeadingLines) {
        heading_end_ = i;
        break;
      }
    }
    ClearBits(n_, &may_start_);
    if (lex_.phrases.IndexedByIds()) return ClassifyByIds();
    MatchCuesByText();
    for (size_t i = NextDateToken(0); i < n_; i = NextDateToken(i + 1)) {
      ClassifyToken(i);
      MarkMayStart(i);
    }
  }
  // The phrases matched and the tokens classified in one pass by ids: a
  // token is classified (as NextDateToken stops at it) right after the
  // phrases starting at it are matched, which is all it reads of them. Most
  // tokens are no number and no word of the date lists: one byte read each
  // (kDateScanBits), where a pass to match and one to classify read two
  // tables and a token's WordInfo.
  void ClassifyByIds() {
    constexpr uint32_t kClassifiedCues = kOpeningCues | Bit(DateCue::kDayWord);
    const PhraseMatcher::Walker walk(lex_.phrases);
    const Token* tokens = tokens_.data();
    const uint32_t* ids = view_.ids().data();
    const uint8_t* scan_bits = lexicon_.scan_bits();
    const auto listed = [&](size_t k) -> uint8_t { return scan_bits[ids[k]] & kDateScanBits; };
    // n_ in a local: the calls below write members, and the skip would load it every token
    const size_t n = n_;
    for (size_t i = 0; i < n; ++i) {
      while (listed(i) == 0 && tokens[i].kind != TokenKind::kNumber) {
        if (++i == n) return;
      }
      const uint32_t id = ids[i];
      const uint8_t what = listed(i);
      const TokenKind kind = tokens[i].kind;
      if ((what & kStartsDatePhrase) != 0) MatchCuesAt(walk, ids, i, lexicon_.word(id).date_word_cues);
      if (kind == TokenKind::kNumber || ((what & kNamesDateWord) != 0 && kind == TokenKind::kWord) ||
          (info_[i].starts & kClassifiedCues) != 0) {
        ClassifyToken(i);
        MarkMayStart(i);
      }
    }
  }
  // The TokenInfo of token i, a token NextDateToken stops at.
  void ClassifyToken(size_t i) {
    TokenInfo& t = info_[i];
    const std::string_view s = Text(i);
    const CueMatch* day_word = Cue(i, DateCue::kDayWord);  // asked once, read twice
    if (day_word != nullptr && day_word->end > i + 1) {
      t.day = static_cast<uint8_t>(day_word->value);  // "1 er"
      t.day_tokens = static_cast<uint8_t>(day_word->end - i);
      return;
    }
    if (tokens_[i].kind == TokenKind::kNumber) {
      t.day = DayValue(s);
      t.year = YearValue(s);
      return;
    }
    const std::string_view folded = Folded(i);
    if (tokens_[i].kind != TokenKind::kWord || folded.empty()) return;
    const WordInfo& word = lexicon_.word(view_.Id(i));
    if (!lex_.month_first.MayStart(folded)) {
      // no month, not even abbreviated ("jan" "."), starts with this byte
    } else if (word.month != 0 && !(word.bare_month && view_.Has(i + 1, kGlued) && Text(i + 1) == ".")) {
      t.month = word.month;
      t.month_tokens = 1;
      t.bare_month = word.bare_month;
    } else if (view_.Has(i + 1, kGlued) && Text(i + 1) == ".") {
      // An abbreviation the segmenter did not join to its period ("jan" ".").
      if (auto dotted = lex_.months.find(std::string(folded) + "."); dotted != lex_.months.end()) {
        t.month = static_cast<uint8_t>(dotted->second);
        t.month_tokens = 2;
      }
    }
    t.weekday = word.weekday;
    // « le premier avril »: "premier" is a day only right before a month
    if (day_word != nullptr && i + 1 < n_) {
      const WordInfo& next = lexicon_.word(view_.Id(i + 1));
      if (next.month != 0 && !next.bare_month) t.day = static_cast<uint8_t>(day_word->value);
    }
  }
  // The tokens a rule may start at for token i's sake: every rule needs at
  // its first token a number, a day, month or weekday, or a phrase of one
  // of kOpeningCues, or a day or year just after (« le 15 », « dès 2019 »,
  // « mi-2019 »). Only tokens NextDateToken stops at have any of these, so
  // Scan's skip reads a bit per token, set here, not each token's tables.
  void MarkMayStart(size_t i) {
    const TokenInfo& t = info_[i];
    if (tokens_[i].kind == TokenKind::kNumber || StartsCue(i, kOpeningCues) || t.month != 0 || t.weekday != 0 ||
        t.day != 0) {
      SetMayStart(i);
    }
    if (i >= 1 && (t.day != 0 || t.year != 0)) SetMayStart(i - 1);
    if (i >= 2 && t.year != 0) SetMayStart(i - 2);
  }
  void SetMayStart(size_t i) { SetBit(i, &may_start_); }

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
  bool IsConnector(size_t i) const { return StartsCue(i, Bit(DateCue::kConnector)); }
  bool IsNarrativePast(size_t i) const { return StartsCue(i, Bit(DateCue::kNarrativePast)); }
  bool IsNarrativeNext(size_t i) const { return StartsCue(i, Bit(DateCue::kNarrativeNext)); }
  bool IsPastWord(size_t i) const { return IsRelativePast(i) || IsNarrativePast(i); }
  bool IsNextWord(size_t i) const { return IsRelativeNext(i) || IsNarrativeNext(i); }
  // Whether token i ends a clause: punctuation, a line break or the end.
  bool EndsClause(size_t i) const {
    return i >= n_ || tokens_[i].newline_before || IsOneOf(i, {",", ".", ";", ":", ")", "!", "?"});
  }
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
  // "45" of "8 mai 45": two digits alone after a month, then nothing that
  // makes them a count.
  bool IsTwoDigitYear(size_t i) const {
    return i < n_ && tokens_[i].kind == TokenKind::kNumber && Text(i).size() == 2 && IsAsciiDigits(Text(i)) &&
           !tokens_[i].newline_before && !GluedBefore(i) && !GluedAfter(i) && !IsQuantityNext(i + 1) &&
           Unit(i + 1) == nullptr && (i + 1 >= n_ || tokens_[i + 1].kind != TokenKind::kNumber) &&
           !IsOneOf(i + 1, {"h", "heures"});
  }
  bool IsQuantityNext(size_t i) const {
    return i < n_ && (lexicon_.word(view_.Id(i)).quantity || Text(i) == "%");
  }
  // "article 15", "n° 13/10/2020": the number is a reference, whatever follows.
  bool FollowsNumbering(size_t i) const {
    return i > 0 && !tokens_[i].newline_before && lexicon_.word(view_.Id(i - 1)).numbering;
  }

  void Add(RawDate d) { dates_.push_back(d); }

  // "13/10/2020", "13-10-2020", "13.10.2020", "2020-10-13", "2019/03/22",
  // "09/05/17", "11 11 2018", and with the day or the year left out:
  // "03/2019", "2019-03", "le 14/07".
  size_t NumericDate(size_t i) {
    if (tokens_[i].kind != TokenKind::kNumber || GluedBefore(i) || FollowsNumbering(i)) return 0;
    const std::string_view s = Text(i);
    if (s.size() >= 6 && s.size() <= 10 && s.find('.') != std::string_view::npos) return DottedDate(i);
    const bool sep = i + 2 < n_ && Adjacent(i + 1) && Adjacent(i + 2) && IsOneOf(i + 1, {"/", "-", "."}) &&
                     IsAsciiDigits(Text(i + 2)) && IsAsciiDigits(s);
    if (sep && i + 4 < n_ && Adjacent(i + 3) && Adjacent(i + 4) && Text(i + 3) == Text(i + 1) &&
        IsAsciiDigits(Text(i + 4))) {
      return FullNumericDate(i, s, Text(i + 2), Text(i + 4), i + 5);
    }
    if (sep) return PartNumericDate(i, s, Text(i + 2));
    // "11 11 2018": day, month and year apart, nothing numeric around them.
    if (i + 2 < n_ && s.size() <= 2 && Text(i + 1).size() <= 2 && tokens_[i + 1].kind == TokenKind::kNumber &&
        IsAsciiDigits(Text(i + 1)) && !Adjacent(i + 1) && info_[i + 2].year != 0 && !Adjacent(i + 2) &&
        !GluedAfter(i + 2) && (i == 0 || tokens_[i - 1].kind != TokenKind::kNumber) &&
        (i + 3 >= n_ || tokens_[i + 3].kind != TokenKind::kNumber) && !IsQuantityNext(i + 3)) {
      return AddNumeric(i, i + 3, {info_[i + 2].year, ToInt(Text(i + 1)), ToInt(s)}, false);
    }
    return 0;
  }
  // "13.10.2020", "12.08.15": ICU keeps them one token.
  size_t DottedDate(size_t i) {
    const std::vector<std::string_view> parts = Split(Text(i), '.');
    if (parts.size() != 3 || parts[0].size() > 2 || parts[1].size() > 2 ||
        (parts[2].size() != 4 && parts[2].size() != 2)) {
      return 0;
    }
    for (std::string_view p : parts) {
      if (!IsAsciiDigits(p)) return 0;
    }
    return AddNumeric(i, i + 1, {ToInt(parts[2]), ToInt(parts[1]), ToInt(parts[0])}, parts[2].size() == 2);
  }
  size_t FullNumericDate(size_t i, std::string_view a, std::string_view b, std::string_view c, size_t end) {
    if (a.size() <= 2 && b.size() <= 2 && (c.size() == 4 || c.size() == 2)) {
      return AddNumeric(i, end, {ToInt(c), ToInt(b), ToInt(a)}, c.size() == 2);
    }
    if (a.size() == 4 && b.size() <= 2 && c.size() <= 2 && (Text(i + 1) == "-" || Text(i + 1) == "/")) {
      return AddNumeric(i, end, {ToInt(a), ToInt(b), ToInt(c)}, false);
    }
    return 0;
  }
  // Whether the words before token i make it a date rather than a number
  // of a document: « en 03/2019 », « facture de 11/2022 », « le 14/07 ».
  bool IsDateSlot(size_t i) const {
    if (i == 0) return false;
    if (lex_.year_cue_first.MayStart(Folded(i - 1)) && lex_.year_cues.contains(Folded(i - 1))) return true;
    return EndsCue<DateCue::kMonthCue>(i) || IsOneOf(i - 1, {"de", "du", "au", "le", "a", ":"});
  }
  // Two numbers: a month and a year, or a day and a month after "le".
  size_t PartNumericDate(size_t i, std::string_view a, std::string_view b) {
    if (GluedAfter(i + 2)) return 0;
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 3), {}, Precision::kMonth};
    d.year_written = true;
    const int x = ToInt(a), y = ToInt(b);
    if (a.size() == 2 && b.size() == 4 && x >= 1 && x <= 12 && info_[i + 2].year != 0 && IsDateSlot(i)) {
      d.value = {y, x, 0};  // "03/2019"; « lignes directrices 01/2020 » is a number
    } else if (a.size() == 4 && b.size() == 2 && Text(i + 1) == "-" && y >= 1 && y <= 12 && info_[i].year != 0 &&
               y != (x + 1) % 100) {
      d.value = {x, y, 0};  // "2019-03"; "2010-11" is a season of two years, not November
    } else if (a.size() <= 2 && b.size() <= 2 && Text(i + 1) == "/" && IsOneOf(i - 1, {"le", "du", "au"}) && x >= 1 &&
               x <= 31 && y >= 1 && y <= 12) {
      d.value = {0, y, x};  // "le 14/07": the year from the context
      d.precision = Precision::kDay;
      d.year_written = false;
      d.relative = Relative::kContextYear;
    } else {
      return 0;
    }
    Add(d);
    return d.end;
  }
  size_t AddNumeric(size_t i, size_t end, Ymd v, bool two_digit_year) {
    if (GluedAfter(end - 1)) return 0;
    if (two_digit_year ? !ToChrono({2000, v.m, v.d}).ok() : !IsValidDay(v)) return 0;
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(end), v};
    d.year_written = true;
    d.two_digit_year = two_digit_year;
    if (!two_digit_year) d.anchor = IsAnchored(i, end);
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
    size_t k = j + info_[j].day_tokens;
    while (IsConnector(k)) {
      const size_t next = Is(k + 1, "le") ? k + 2 : k + 1;  // "le 3 et le 5 mars"
      if (next >= n_ || info_[next].day == 0 || GluedBefore(next)) break;
      day_tokens.push_back(static_cast<uint32_t>(next));
      k = next + info_[next].day_tokens;
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
    bool two_digit_year = false, narrative = false;
    Relative relative = Relative::kNone;
    if (Is(k, ",") && IsYearAfterMonth(k + 1) && !IsQuantityNext(k + 2) && !IsConnector(k + 2)) {
      year = info_[k + 1].year;  // "5 mars, 2020": the year after a comma is read, not lent
      k += 2;
    } else if (IsYearAfterMonth(k)) {
      year = info_[k].year;
      ++k;
    } else if (IsTwoDigitYear(k)) {
      year = ToInt(Text(k));  // "8 mai 45"
      two_digit_year = true;
      ++k;
    } else if (IsPastWord(k) || IsNextWord(k)) {
      relative = IsPastWord(k) ? Relative::kLastDayMonth : Relative::kNextDayMonth;
      narrative = IsNarrativePast(k) || IsNarrativeNext(k);  // "le 3 mai suivant"
      ++k;
    } else {
      relative = Relative::kContextYear;
    }
    for (size_t c = 0; c < count; ++c) {
      const bool last = c + 1 == count;
      RawDate d;
      d.first = (c == 0 && j != i) ? static_cast<uint32_t>(i) : day_tokens[c];
      d.end = last ? static_cast<uint32_t>(k) : day_tokens[c] + info_[day_tokens[c]].day_tokens;
      d.value = {year, month, info_[day_tokens[c]].day};
      d.relative = relative;
      d.narrative = narrative;
      d.year_written = year != 0;
      d.two_digit_year = two_digit_year;
      if (year != 0 && !two_digit_year && !IsValidDay(d.value)) continue;
      if (year != 0 && !two_digit_year && count == 1) d.anchor = IsAnchored(d.first, d.end);
      Add(d);
    }
    return k;
  }

  // "décembre 2023", "juin de 2019", "mars-2020", "décembre dernier",
  // "en juin" (the year of the context), "Nov. 5", and a bare month that a
  // range may complete: "de janvier à mars 2020".
  size_t MonthYear(size_t i) {
    if (info_[i].month == 0) return 0;
    size_t k = i + info_[i].month_tokens;
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(k), {0, info_[i].month, 0}, Precision::kMonth};
    if (Is(k, "de") && IsYearAfterMonth(k + 1) && !IsQuantityNext(k + 2)) ++k;       // "juin de 2019"
    else if (Is(k, "-") && Adjacent(k) && Adjacent(k + 1) && info_[k + 1].year != 0) ++k;  // "mars-2020"
    if (IsYearAfterMonth(k) || (k > d.end && info_[k].year != 0 && !GluedAfter(k))) {
      d.value.y = info_[k].year;
      d.end = static_cast<uint32_t>(k + 1);
      d.year_written = true;
    } else if (info_[i].bare_month) {
      return MonthDay(i, k);
    } else if (IsPastWord(k) || IsNextWord(k)) {
      d.relative = IsPastWord(k) ? Relative::kLastMonth : Relative::kNextMonth;
      d.narrative = IsNarrativePast(k) || IsNarrativeNext(k);
      d.end = static_cast<uint32_t>(k + 1);
    } else if (EndsCue<DateCue::kMonthCue>(i)) {
      d.relative = Relative::kContextYear;  // "en juin", "début janvier", "ce mois d'août"
      if (Is(i - 1, "-") && i >= 2) d.first = static_cast<uint32_t>(i - 2);  // "mi-juin"
      if (IsOneOf(i - 1, {"de", "d'"}) && Is(i - 2, "mois") && i >= 2) d.first = static_cast<uint32_t>(i - 2);
    } else if (size_t end = MonthDay(i, k); end != 0) {
      return end;
    } else if (!IsConnector(k)) {
      return 0;
    }
    Add(d);
    return d.end;
  }
  // "Nov. 5", "nov 5, 2020": a month written short, then its day.
  size_t MonthDay(size_t i, size_t k) {
    const bool short_month = info_[i].bare_month || info_[i].month_tokens == 2 || Text(i).ends_with('.');
    if (!short_month || k >= n_ || info_[k].day == 0 || GluedBefore(k) || IsQuantityNext(k + 1) ||
        info_[k + 1 < n_ ? k + 1 : k].month != 0) {
      return 0;
    }
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(k + 1), {0, info_[i].month, info_[k].day}};
    const size_t y = Is(k + 1, ",") ? k + 2 : k + 1;
    if (IsYearAfterMonth(y) && !IsQuantityNext(y + 1)) {
      d.value.y = info_[y].year;
      d.end = static_cast<uint32_t>(y + 1);
      d.year_written = true;
      if (!IsValidDay(d.value)) return 0;
    } else {
      d.relative = Relative::kContextYear;
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
    if (!YearFollows(i)) return 0;
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
    // « les années 1990 (et 2000) » are decades, no year; « les années 2010
    // à 2014 » is a range of years.
    if (Is(i, "annees") && !(count >= 2 && (Is(first_year + 1, "a") || Is(first_year + 1, "au")))) {
      bool decades = true;
      for (size_t c = 0; c < count; ++c) decades = decades && info_[years[c]].year % 10 == 0;
      if (decades) return 0;
    }
    for (size_t c = 0; c < count; ++c) Add(YearDate(years[c]));
    return k;
  }
  // Every reading of CuedYears has its year one or two tokens on ("dès
  // 2019", "mi-2019"). The padding past the last token has no year.
  bool YearFollows(size_t i) const { return info_[i + 1].year != 0 || info_[i + 2].year != 0; }
  bool IsLoneYearEnd(size_t i) const {
    return i < n_ && info_[i].year != 0 && !GluedAfter(i) && !IsQuantityNext(i + 1);
  }
  RawDate YearDate(size_t i) const {
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), {info_[i].year, 0, 0}, Precision::kYear};
    d.year_written = true;
    return d;
  }

  // Holidays: "Noël 2023", "à la Toussaint", "le lundi de Pâques 2024".
  size_t Holiday(size_t i) {
    const CueMatch* fixed = Cue(i, DateCue::kFixedHoliday);
    const CueMatch* easter = fixed != nullptr ? nullptr : Cue(i, DateCue::kEasterHoliday);
    const CueMatch* h = fixed != nullptr ? fixed : easter;
    if (h == nullptr) return 0;
    const size_t k = h->end;
    // One word is a holiday only capitalised (« l'ascension sociale » is
    // none), and none is followed by a name (« Noël Mamère »).
    if (k == i + 1 && !IsUpperInitial(Text(i))) return 0;
    if (k < n_ && tokens_[k].kind == TokenKind::kWord && IsUpperInitial(Text(k)) && !tokens_[k].newline_before) {
      return 0;
    }
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(k), {}};
    if (fixed != nullptr) {
      d.value = {0, h->value / 100, h->value % 100};
    } else {
      d.rule = Rule::kEaster;
      d.rule_offset = h->value;
    }
    YearOrContext(k, &d);
    Add(d);
    return d.end;
  }
  // The year written at token k, else the year of the context.
  void YearOrContext(size_t k, RawDate* d) const {
    if (IsYearAfterMonth(k) && !IsQuantityNext(k + 1)) {
      d->value.y = info_[k].year;
      d->end = static_cast<uint32_t>(k + 1);
      d->year_written = true;
    } else {
      d->relative = Relative::kContextYear;
    }
  }

  // "le deuxième mardi de novembre", "le dernier jour de février 2024", "la
  // troisième semaine de mai", "au premier trimestre 2024".
  size_t OrdinalOfMonth(size_t i) {
    const CueMatch* o = Cue(i, DateCue::kOrdinal);
    if (o == nullptr) return 0;
    size_t k = o->end;
    RawDate d{static_cast<uint32_t>(i), 0, {}};
    d.rule_offset = o->value;
    if (const CueMatch* part = Cue(k, DateCue::kYearPart)) {
      if (o->value == 0 || (o->value > 0 && o->value * part->value > 12)) return 0;
      d.rule = Rule::kYearPart;
      d.precision = Precision::kYear;
      d.value.d = part->value;
      k = part->end;
      if (IsOneOf(k, {"de", "d'"}) && Cue(k + 1, DateCue::kYears) != nullptr) k = Cue(k + 1, DateCue::kYears)->end;
      YearOrContext(k, &d);
      if (d.relative == Relative::kContextYear) d.end = static_cast<uint32_t>(k);
      Add(d);
      return d.end;
    }
    if (k < n_ && info_[k].weekday != 0) {  // « la semaine dernière » ends the text
      d.rule = Rule::kNthWeekday;
      d.value.d = info_[k].weekday;
      ++k;
    } else if (const CueMatch* day = Cue(k, DateCue::kDays); day != nullptr && day->value == 1) {
      if (o->value != 1 && o->value != -1) return 0;
      d.rule = o->value == 1 ? Rule::kFixed : Rule::kLastDay;
      d.value.d = 1;
      k = day->end;
    } else if (const CueMatch* week = Cue(k, DateCue::kWeeks); week != nullptr && week->value == 1) {
      if (o->value < 1 || o->value > 4) return 0;
      d.rule = Rule::kNthWeek;
      d.precision = Precision::kMonth;
      k = week->end;
    } else {
      return 0;
    }
    if (!IsOneOf(k, {"de", "d'", "du"})) return 0;
    ++k;
    if (Cue(k, DateCue::kMonths) != nullptr && IsOneOf(k + 1, {"de", "d'"})) k += 2;  // "du mois de mai"
    if (k >= n_ || info_[k].month == 0 || info_[k].bare_month) return 0;
    d.value.m = info_[k].month;
    k += info_[k].month_tokens;
    d.end = static_cast<uint32_t>(k);
    YearOrContext(k, &d);
    Add(d);
    return d.end;
  }

  // "l'été 2020", "au printemps 2021", "à l'automne": a season, kept as a
  // period. « a été » is a verb: without a year the season needs an article.
  size_t SeasonOrPart(size_t i) {
    const CueMatch* season = Cue(i, DateCue::kSeason);
    if (season == nullptr) return 0;
    RawDate d{static_cast<uint32_t>(i), season->end, {0, season->value / 100, season->value % 100}, Precision::kYear};
    d.rule = Rule::kSeason;
    size_t k = season->end;
    if (IsOneOf(k, {"de", "d'"}) && Cue(k + 1, DateCue::kYears) != nullptr) k = Cue(k + 1, DateCue::kYears)->end;
    YearOrContext(k, &d);
    if (d.relative == Relative::kContextYear) {
      if (!IsOneOf(i - 1, {"l'", "au", "cet", "cette", "ce"})) return 0;
      d.end = season->end;
    }
    Add(d);
    return d.end;
  }

  // Dates that need the reference date: "hier", "lundi dernier", "le mois
  // prochain", "l'an dernier", "il y a deux ans", "dans trois semaines",
  // "le 15", and those of a narrative: "le lendemain", "le mois suivant".
  size_t RelativeDate(size_t i) {
    RawDate d{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), {}};
    const auto days = [&](int offset, size_t end) {
      d.relative = Relative::kDays;
      d.offset = offset;
      d.end = static_cast<uint32_t>(end);
    };
    const CueMatch* m = nullptr;
    if (!StartsCue(i, kRelativeCues) && info_[i].weekday == 0) {
      // the only reading without a phrase of date_words.tsv at i: « le 15 »
      if (!DayOfRefMonth(i, &d)) return 0;
    } else if ((m = Cue(i, DateCue::kDayOffset)) != nullptr) {
      days(m->value, m->end);
    } else if ((m = Cue(i, DateCue::kNarrativeOffset)) != nullptr) {
      // « la veille », « le lendemain »; « la veille de Noël » counts from
      // the date after it, which is read on its own; « en veille » is no date.
      if (!IsOneOf(i - 1, {"le", "la", "l'", "au", "du"}) || IsOneOf(m->end, {"de", "d'", "du"})) return 0;
      days(m->value, m->end);
      d.narrative = true;
    } else if (info_[i].weekday != 0) {
      if (!Weekday(i, &d)) return 0;
    } else if (const CueMatch* unit = UnitOfOne(i); unit != nullptr && IsOneOf(i - 1, {"ce", "cette", "cet"}) &&
                                                    (unit->cue == DateCue::kMonths || unit->cue == DateCue::kYears)) {
      // « cette année », « ce mois-ci »: the reference's own
      const bool month = unit->cue == DateCue::kMonths;
      d.relative = month ? Relative::kMonths : Relative::kYears;
      d.precision = month ? Precision::kMonth : Precision::kYear;
      d.first = static_cast<uint32_t>(i - 1);
      d.end = unit->end;
      if (Is(d.end, "-") && Adjacent(d.end) && Adjacent(d.end + 1) && Is(d.end + 1, "ci")) d.end += 2;
    } else if (const CueMatch* unit = UnitOfOne(i); unit != nullptr && (IsPastWord(unit->end) || IsNextWord(unit->end))) {
      // « le mois prochain », « l'année suivante »
      const size_t w = unit->end;
      if (unit->cue == DateCue::kMonths) {
        d.relative = Relative::kMonths, d.precision = Precision::kMonth;
      } else if (unit->cue == DateCue::kYears) {
        d.relative = Relative::kYears, d.precision = Precision::kYear;
      } else {
        return 0;
      }
      d.offset = IsPastWord(w) ? -1 : 1;
      d.narrative = IsNarrativePast(w) || IsNarrativeNext(w);
      d.end = static_cast<uint32_t>(w + 1);
    } else if (const CueMatch* way = Cue(i, DateCue::kAgo) ? Cue(i, DateCue::kAgo) : Cue(i, DateCue::kAhead)) {
      size_t k = 0;
      const int count = Count(way->end, &k);
      if (count == 0 || !Counted(k, count, way->cue == DateCue::kAgo ? -1 : 1, &d)) return 0;
    } else if (!DayOfRefMonth(i, &d)) {
      return 0;
    }
    Add(d);
    return d.end;
  }
  // "le 15" with nothing after it: a day of the reference month.
  bool DayOfRefMonth(size_t i, RawDate* d) const {
    if (!(Is(i, "le") && i + 1 < n_ && info_[i + 1].day != 0 && !GluedBefore(i + 1) &&
          (i + 2 >= n_ || IsOneOf(i + 2, {",", ".", ";", ":", ")"})) &&
          !(IsConnector(i + 2) && info_[i + 3 < n_ ? i + 3 : i].day != 0))) {  // « le 5, 6 et 7 mars »
      return false;
    }
    d->relative = Relative::kDayOfRefMonth;
    d->value.d = info_[i + 1].day;
    d->first = static_cast<uint32_t>(i + 1);
    d->end = static_cast<uint32_t>(i + 2);
    return true;
  }
  // A unit word that is one of its unit ("mois", "an", "année"), or null.
  const CueMatch* UnitOfOne(size_t i) const {
    const CueMatch* unit = Unit(i);
    return unit != nullptr && unit->value == 1 ? unit : nullptr;
  }
  // `count` units at token k, counted `sign` (−1 before, +1 after) from the
  // anchor: fills d's relative kind, offset, precision and end.
  bool Counted(size_t k, int count, int sign, RawDate* d) const {
    const CueMatch* unit = Unit(k);
    if (unit == nullptr) return false;
    const int n = count * unit->value * sign;
    switch (unit->cue) {
      case DateCue::kDays: d->relative = Relative::kDays, d->offset = n; break;
      case DateCue::kWeeks: d->relative = Relative::kDays, d->offset = 7 * n; break;
      case DateCue::kMonths: d->relative = Relative::kMonths, d->offset = n, d->precision = Precision::kMonth; break;
      case DateCue::kYears: d->relative = Relative::kYears, d->offset = n, d->precision = Precision::kYear; break;
      default: return false;  // hours and minutes make a time, not a date
    }
    d->end = unit->end;
    return true;
  }
  // "vendredi", "lundi dernier", "le mardi suivant", "samedi en huit",
  // "samedi de la semaine prochaine", "vendredi 17".
  bool Weekday(size_t i, RawDate* d) const {
    const size_t k = i + 1;
    d->value.d = info_[i].weekday;
    if (IsPastWord(k) || IsNextWord(k)) {
      d->relative = IsPastWord(k) ? Relative::kLastWeekday : Relative::kNextWeekday;
      d->narrative = IsNarrativePast(k) || IsNarrativeNext(k);
      d->end = static_cast<uint32_t>(k + 1);
    } else if (const CueMatch* after = Cue(k, DateCue::kWeeksAfter)) {
      d->relative = Relative::kNextWeekday;
      d->offset = 7 * after->value;
      d->end = after->end;
    } else if (const CueMatch* week = Cue(k, DateCue::kWeekOf)) {
      d->relative = Relative::kWeekdayInWeek;
      d->offset = week->value;
      d->end = week->end;
    } else if (k < n_ && info_[k].day != 0 && !GluedBefore(k) && !IsQuantityNext(k + 1) && Unit(k + 1) == nullptr &&
               info_[k + 1 < n_ ? k + 1 : k].month == 0) {
      d->relative = Relative::kWeekdayDay;
      d->value.m = info_[k].day;
      d->end = static_cast<uint32_t>(k + info_[k].day_tokens);
    } else if (!IsOneOf(i - 1, {"le", "les", "chaque", "tous", "du", "au"})) {
      d->relative = Relative::kNearestWeekday;  // « vendredi, le ministre a… »
    } else {
      return false;
    }
    return true;
  }

  // "trois jours plus tard", "deux mois après", "une semaine plus tôt": from
  // the date the text just gave.
  size_t Offset(size_t i) {
    size_t k = 0;
    const int count = Count(i, &k);
    if (count == 0 || FollowsNumbering(i)) return 0;
    RawDate d{static_cast<uint32_t>(i), 0, {}};
    const CueMatch* unit = Unit(k);
    if (unit == nullptr) return 0;
    const CueMatch* way = Cue(unit->end, DateCue::kLater) ? Cue(unit->end, DateCue::kLater)
                                                           : Cue(unit->end, DateCue::kEarlier);
    if (way == nullptr) return 0;
    // « deux mois après la notification » counts from an event, not a date
    if (way->end == unit->end + 1 && !EndsClause(way->end)) return 0;
    if (!Counted(k, count, way->cue == DateCue::kLater ? 1 : -1, &d)) return 0;
    d.end = way->end;
    d.narrative = true;
    Add(d);
    return d.end;
  }

  // DURATION: "quinze jours", "48 heures", "un an et un jour", "deux mois à
  // compter de la notification" (what it runs from kept).
  size_t Duration(size_t i) {
    if (FollowsNumbering(i) || (i > 0 && tokens_[i - 1].kind == TokenKind::kNumber)) return 0;
    RawDuration r{static_cast<uint32_t>(i), 0};
    size_t k = i;
    int parts = 0;
    bool one_day_alone = false;
    while (parts < kMostDurationParts) {
      size_t unit_at = 0;
      const int count = Count(k, &unit_at);
      const CueMatch* unit = count == 0 ? nullptr : Unit(unit_at);
      if (unit == nullptr) break;
      if (unit->cue == DateCue::kHours && IsOneOf(k - 1, {"a", "vers"})) break;  // « à 14 heures »: a time
      const int n = count * unit->value;
      switch (unit->cue) {
        case DateCue::kDays: r.days += n; break;
        case DateCue::kWeeks: r.weeks += n; break;
        case DateCue::kMonths: r.months += n; break;
        case DateCue::kYears: r.years += n; break;
        case DateCue::kHours: r.hours += n; break;
        default: r.minutes += n; break;
      }
      one_day_alone = parts == 0 && n == 1 && unit->cue == DateCue::kDays && tokens_[k].kind != TokenKind::kNumber;
      ++parts;
      r.end = unit->end;
      if (!(IsOneOf(unit->end, {"et", ","}) && Count(unit->end + 1, &unit_at) != 0)) break;
      k = unit->end + 1;
    }
    // « un jour » alone is « some day », not a délai
    if (parts == 0 || (parts == 1 && one_day_alone)) return 0;
    if (const CueMatch* from = Cue(r.end, DateCue::kRunsFrom)) {
      size_t e = from->end;
      while (e < n_ && e < from->end + kMostFromTokens && !EndsClause(e)) ++e;
      if (e > from->end) r.from_first = from->end, r.from_end = static_cast<uint32_t>(e);
    }
    durations_.push_back(r);
    return r.end;
  }

  // Whether the date [first, end) is the one the document gives as its own:
  // "publié le …", "mis à jour le …", "Lecture du …", "Paris, le …", or a
  // date alone on a line of the heading.
  bool IsAnchored(size_t first, size_t end) const {
    if (EndsCue<DateCue::kAnchorCue>(first)) return true;  // « publié le », « Lecture du »
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
  TokenBits may_start_;   // bit i: a rule may start at token i (MarkMayStart)
  size_t heading_end_ = SIZE_MAX;  // the first token past the heading lines
  std::vector<uint32_t> day_tokens_;  // DayMonthGroup's list, kept to reuse its buffer
  std::vector<RawDate> dates_;
  std::vector<RawDuration> durations_;
  std::vector<CueMatch> cues_;        // the phrases found, by starting token
  mutable size_t last_cue_token_ = SIZE_MAX, last_cue_index_ = 0;  // FirstCueAt's last answer
  static_assert(static_cast<unsigned>(DateCue::kCount) <= 32, "one bit per DateCue in a uint32_t");
  std::array<TokenBits, kEndCues.size()> ends_before_;  // per end cue: the tokens a phrase of it ends right before
};

// ------------------------------------------------------------ resolution

// Appends `value` (0 <= value < 10^width) as `width` digits, zeros first.
char* PutDigits(char* out, int value, int width) {
  for (int k = width; k-- > 0; value /= 10) out[k] = static_cast<char>('0' + value % 10);
  return out + width;
}

// "2024-03-05", "2024-03", "2024": what snprintf's "%04d-%02d-%02d" writes.
// The values the rules make (a year of 1000..2100, a month, a day) are
// written digit by digit: snprintf cost more than the rest of the output of
// a date. Any other value (a reference date given as is) goes to snprintf.
std::string Format(const Ymd& v, Precision p) {
  if (v.y >= 0 && v.y <= 9999 && v.m >= 0 && v.m <= 99 && v.d >= 0 && v.d <= 99) {
    char buf[10];
    char* end = PutDigits(buf, v.y, 4);
    if (p != Precision::kYear) *end++ = '-', end = PutDigits(end, v.m, 2);
    if (p == Precision::kDay) *end++ = '-', end = PutDigits(end, v.d, 2);
    return std::string(buf, end);
  }
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
    case Relative::kContextYear: v.y = ref.y; return true;
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
          v = AddDays(candidate, d->offset);  // "samedi en huit": a week later
          return true;
        }
      }
      return false;
    }
    case Relative::kNearestWeekday: {
      const int ahead = ((v.d - IsoWeekday(ref)) % 7 + 7) % 7;  // 0..6
      v = AddDays(ref, ahead <= 3 ? ahead : ahead - 7);
      return true;
    }
    case Relative::kWeekdayInWeek:
      v = AddDays(ref, 7 * d->offset + v.d - IsoWeekday(ref));
      return true;
    case Relative::kWeekdayDay: {
      // The month nearest the reference whose day m is weekday d: this
      // month, else the next, else the one before; none is no date.
      const int weekday = v.d, day = v.m;
      for (int delta : {0, 1, -1}) {
        Ymd c = AddMonths(ref, delta);
        c.d = day;
        if (IsValidDay(c) && IsoWeekday(c) == weekday) {
          v = c;
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

// The period a season starting on `start` names: to the day before the
// next season of the lexicon starts.
Ymd SeasonEnd(const Ymd& start, const DateWords& words) {
  const int from = start.m * 100 + start.d;
  int next = 0, first = 9999;
  for (const DatePhrase& p : words.phrase_cues) {
    if (p.cue != DateCue::kSeason) continue;
    if (p.value > from && (next == 0 || p.value < next)) next = p.value;
    first = std::min(first, p.value);
  }
  const Ymd end = next != 0 ? Ymd{start.y, next / 100, next % 100} : Ymd{start.y + 1, first / 100, first % 100};
  return AddDays(end, -1);
}

// Applies a date's rule once its year is known: its day, and the period it
// names (empty `*period` when none). False when the day does not exist.
bool ApplyRule(const DateWords& words, RawDate* d, std::string* period) {
  Ymd& v = d->value;
  const auto span = [&](const Ymd& a, const Ymd& b) { *period = Format(a, Precision::kDay) + "/" + Format(b, Precision::kDay); };
  switch (d->rule) {
    case Rule::kFixed: return true;
    case Rule::kEaster: v = AddDays(Easter(v.y), d->rule_offset); return true;
    case Rule::kLastDay: v.d = DaysInMonth(v.y, v.m); return true;
    case Rule::kNthWeekday: {
      const int wanted = v.d;
      if (d->rule_offset < 0) {
        const Ymd last{v.y, v.m, DaysInMonth(v.y, v.m)};
        v = AddDays(last, -(((IsoWeekday(last) - wanted) % 7 + 7) % 7));
        return true;
      }
      const Ymd first{v.y, v.m, 1};
      v = AddDays(first, ((wanted - IsoWeekday(first)) % 7 + 7) % 7 + 7 * (d->rule_offset - 1));
      return v.m == first.m;
    }
    case Rule::kNthWeek: {
      const int from = 7 * (d->rule_offset - 1) + 1;
      span({v.y, v.m, from}, {v.y, v.m, std::min(from + 6, DaysInMonth(v.y, v.m))});
      return true;
    }
    case Rule::kYearPart: {
      const int months = v.d, parts = 12 / months;
      const int k = d->rule_offset < 0 ? parts : d->rule_offset;
      const int first_month = (k - 1) * months + 1, last_month = k * months;
      span({v.y, first_month, 1}, {v.y, last_month, DaysInMonth(v.y, last_month)});
      return true;
    }
    case Rule::kSeason: span(v, SeasonEnd(v, words)); return true;
  }
  return true;
}

// The century of a two-digit year: the one that puts it at most ten years
// after the reference ("8 mai 45" is 1945), or before 2036 without one.
int FullYear(int two_digits, const std::optional<Ymd>& ref) {
  const int y = 2000 + two_digits;
  const int latest = ref ? ref->y + 10 : 2035;
  return y > latest ? y - 100 : y;
}

// The ISO 8601 value of a duration: "P2M", "P1Y1D", "PT48H".
std::string IsoDuration(RawDuration r) {
  if (r.weeks != 0 && (r.years != 0 || r.months != 0 || r.days != 0 || r.hours != 0 || r.minutes != 0)) {
    r.days += 7 * r.weeks, r.weeks = 0;  // weeks mix with no other unit in ISO 8601
  }
  std::string out = "P";
  const auto part = [&](int n, char unit) {
    if (n != 0) out += std::to_string(n) + unit;
  };
  part(r.years, 'Y'), part(r.months, 'M'), part(r.weeks, 'W'), part(r.days, 'D');
  if (r.hours != 0 || r.minutes != 0) out += 'T';
  part(r.hours, 'H'), part(r.minutes, 'M');
  return out;
}

}  // namespace

std::vector<Candidate> FindDates(const TokenView& view, const Lexicon& lexicon, const DateOptions& options,
                                 size_t* unresolved) {
  DateScanner scanner(view, lexicon);
  std::vector<RawDate> raw = scanner.Scan(options.try_every_token);
  const std::vector<RawDuration> durations = scanner.TakeDurations();

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
    const bool open = d.relative == Relative::kNone || d.relative == Relative::kContextYear;
    if (open && d.value.y == 0 && next.relative == Relative::kNone && next.value.y != 0 && !next.two_digit_year &&
        d.rule == Rule::kFixed && scanner.Linked(d.end, next.first)) {
      d.value.y = next.value.y;
      d.relative = Relative::kNone;
    }
  }

  // Room for every candidate up front: each is built in place, never moved.
  std::vector<Candidate> out;
  out.reserve(raw.size() + durations.size());
  std::vector<int> out_of_raw(raw.size(), -1);
  size_t missed = 0;
  Ymd last_full{};            // the nearest earlier full date with its year written
  std::optional<Ymd> last;    // the nearest earlier date of the text, at day precision
  std::optional<Ymd> last_month;  // ... at day or month precision
  for (size_t r = 0; r < raw.size(); ++r) {
    RawDate& d = raw[r];
    if (d.two_digit_year) d.value.y = FullYear(d.value.y, ref);
    EntityFields::Anchor anchor = EntityFields::Anchor::kNone;
    Ymd against{};
    if (d.relative == Relative::kContextYear) {
      // "le 15 mars", "en juin", "Noël": the year of the last full date, else the reference's.
      if (last_full.y != 0) {
        against = last_full, anchor = EntityFields::Anchor::kText;
      } else if (ref) {
        against = *ref, anchor = EntityFields::Anchor::kReference;
      } else {
        ++missed;
        continue;
      }
      d.value.y = against.y;
      d.relative = Relative::kNone;
    } else if (d.relative != Relative::kNone) {
      // A narrative's « le lendemain », « le mois suivant » count from the
      // date the text just gave; the rest from the reference.
      const std::optional<Ymd>& base = !d.narrative ? ref : d.precision == Precision::kDay ? last : last_month;
      if (!base) {
        ++missed;
        continue;
      }
      against = *base;
      anchor = d.narrative ? EntityFields::Anchor::kText : EntityFields::Anchor::kReference;
      if (!ResolveRelative(against, &d)) continue;
    } else if (d.value.y == 0) {
      continue;  // a bare month nothing completed
    }
    std::string period;
    if (d.value.y < 1000 || d.value.y > 2100 || !ApplyRule(lexicon.dates(), &d, &period)) continue;
    if (d.precision == Precision::kDay && !IsValidDay(d.value)) continue;
    if (d.value.y < 1000 || d.value.y > 2100) continue;
    if (d.year_written && d.precision == Precision::kDay) last_full = d.value;
    if (d.precision == Precision::kDay) last = d.value;
    if (d.precision != Precision::kYear) last_month = Ymd{d.value.y, d.value.m, d.precision == Precision::kDay ? d.value.d : 1};
    out_of_raw[r] = static_cast<int>(out.size());
    Candidate& c = out.emplace_back();
    c.type = EntityType::kDate;
    c.first_token = d.first;
    c.end_token = d.end;
    c.fields.value() = Format(d.value, d.precision);
    c.fields.precision() = PrecisionName(d.precision);
    c.fields.period() = std::move(period);
    if (anchor != EntityFields::Anchor::kNone) {
      c.fields.anchor = anchor;
      c.fields.resolved_against = Format(against, Precision::kDay);
    }
    c.canonical = c.fields.value();
  }

  // "du 1er au 15 mars 2024", "entre 2015 et 2018": both ends keep the period.
  for (size_t r = 0; r + 1 < raw.size(); ++r) {
    if (out_of_raw[r] < 0 || out_of_raw[r + 1] < 0 || !scanner.IsRange(raw[r], raw[r + 1])) continue;
    Candidate& a = out[out_of_raw[r]];
    Candidate& b = out[out_of_raw[r + 1]];
    if (!a.fields.period().empty() || !b.fields.period().empty() || !(a.fields.value() < b.fields.value())) continue;
    a.fields.period() = a.fields.value() + "/" + b.fields.value();
    b.fields.period() = a.fields.period();
  }

  for (const RawDuration& r : durations) {
    Candidate& c = out.emplace_back();
    c.type = EntityType::kDuration;
    c.first_token = r.first;
    c.end_token = r.end;
    c.fields.value() = IsoDuration(r);
    if (r.from_end > r.from_first) c.fields.from() = std::string(view.Span(r.from_first, r.from_end));
    c.canonical = c.fields.value();
  }
  if (unresolved != nullptr) *unresolved = missed;
  return out;
}

}  // namespace lexfr
