#include "recognise/money.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include "lexicon/lexicon.h"
#include "text/text_util.h"

// How amounts are read: one left-to-right pass reads "NUMBER [MULTIPLIER]
// [de|d'] CURRENCY" and "SIGN NUMBER [MULTIPLIER]" with bounded look-ahead.
// Amounts left without a currency are kept for a second pass when they may
// still get one: "35 millions et 150 millions d'euros" lends the currency of
// the second to the first, and "35 millions" alone in a sentence about a fine
// is in euros when euros were named earlier in the text. Both passes are
// linear.

namespace lexfr {
namespace {

// ------------------------------------------------------------ numbers

// A decimal number as mantissa * 10^exponent, kept exact until the end.
struct Decimal {
  int64_t mantissa = 0;
  int exponent = 0;
};

// "150", "50 000", "1 200,50", "2,5", "1.500.000", "1,000,000.50" -> Decimal;
// nullopt for anything with letters ("14h30", "1er") or too many digits.
std::optional<Decimal> ParseNumber(std::string_view s) {
  if (s.size() > 40) return std::nullopt;
  // At most 17 digits, in place: every number token of a text comes here,
  // and a heap string per number of 16 digits or more was 45% of the stage
  // on a text of long digit runs (issue 15).
  constexpr size_t kMaxDigits = 17;
  std::array<char, kMaxDigits> digit_buffer;
  size_t digit_count = 0;
  int dots = 0, commas = 0;
  size_t last_dot = std::string_view::npos, last_comma = std::string_view::npos;
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (digit_count == kMaxDigits) return std::nullopt;
      digit_buffer[digit_count++] = c;
      ++i;
    } else if (c == '.' || c == ',') {
      (c == '.' ? dots : commas) += 1;
      (c == '.' ? last_dot : last_comma) = digit_count;
      ++i;
    } else if (c == ' ') {
      ++i;
    } else {
      // Only the spaces that group digits: no-break, narrow no-break, thin, figure.
      const char32_t cp = NextCodePoint(s, &i);
      if (cp != 0x00A0 && cp != 0x202F && cp != 0x2009 && cp != 0x2007) return std::nullopt;
    }
  }
  const std::string_view digits(digit_buffer.data(), digit_count);
  if (digits.empty()) return std::nullopt;
  // Which separator, if any, is the decimal mark; several of one kind are
  // thousands separators ("1.500.000", "1,000,000").
  size_t decimal_at = std::string_view::npos;  // number of digits before the mark
  if (commas == 1 && dots == 0) {
    decimal_at = last_comma;
  } else if (dots == 1 && commas == 0) {
    // "1.5" is a decimal; "1.500" in a French text is fifteen hundred.
    if (digits.size() - last_dot != 3) decimal_at = last_dot;
  } else if (dots >= 1 && commas >= 1) {
    decimal_at = std::max(last_dot, last_comma);
    if ((last_dot > last_comma ? dots : commas) != 1) return std::nullopt;
  }
  Decimal d;
  std::from_chars(digits.data(), digits.data() + digits.size(), d.mantissa);
  if (decimal_at != std::string_view::npos) d.exponent = -static_cast<int>(digits.size() - decimal_at);
  return d;
}

double ToDouble(const Decimal& d) {
  // Dividing by an exact power of ten rounds once, so 2.5 prints as "2.5".
  if (d.exponent >= 0) return static_cast<double>(d.mantissa) * std::pow(10.0, d.exponent);
  return static_cast<double>(d.mantissa) / std::pow(10.0, -d.exponent);
}

// ------------------------------------------------------------ the scanner

struct RawAmount {
  uint32_t first = 0, end = 0;            // token range of the mention
  Decimal value;                          // with its multiplier applied
  int multiplier_power = 0;               // 6 for "millions", 3 for "k€"
  bool word_multiplier = false;           // "millions", "milliards"
  bool plain = false;                     // a bare number, kept only to borrow "10 et 20 millions d'euros"
  const std::string* currency = nullptr;  // ISO code; null while unknown
};

class MoneyScanner {
 public:
  MoneyScanner(const TokenView& view, const Lexicon& lexicon)
      : view_(view),
        tokens_(view.tokens()),
        n_(view.size()),
        lexicon_(lexicon),
        lex_(lexicon.money()) {
    about_sanction_.resize(view_.segmentation().sentences.size(), false);
  }

  // The amounts, in text order; and, as it passes them, the words that
  // AboutSanction and FirstEuroToken tell of: every money word is a token
  // NextStart stops at or one inside an amount read from there, so the
  // scan sees them all without a pass of its own over every token.
  std::vector<RawAmount> Scan() {
    for (size_t i = NextStart(0); i < n_; i = NextStart(i)) {
      size_t end = SignFirst(i);
      if (end == 0) end = NumberFirst(i);
      end = end != 0 ? end : i + 1;
      for (; i < end; ++i) NoteWord(i);
    }
    return std::move(amounts_);
  }

  // Whether the amount ending at `end` and the one starting at `first` are
  // joined by "et", "ou", "à" or a dash: "35 millions et 150 millions d'euros".
  bool Linked(uint32_t end, uint32_t first) const {
    return first == end + 1 && (Is(end, "et") || Is(end, "ou") || Is(end, "a") || Is(end, "-"));
  }

  // Whether sentence `s` speaks of a fine.
  bool AboutSanction(uint32_t sentence) const { return about_sanction_[sentence]; }

  // The first token naming the euro, or n when none does.
  uint32_t FirstEuroToken() const { return first_euro_; }

  uint32_t SentenceOf(uint32_t token) const { return tokens_[token].sentence; }

 private:
  // The folded word of token i; empty for numbers, whose digits are no cue.
  std::string_view Word(size_t i) const {
    return tokens_[i].kind == TokenKind::kNumber ? std::string_view() : view_.Folded(i);
  }
  bool Is(size_t i, std::string_view folded) const { return i < n_ && Word(i) == folded; }
  // What the word of token i can be; null for numbers and for words no list
  // names.
  const WordRoles* Roles(size_t i) const {
    return tokens_[i].kind == TokenKind::kNumber ? nullptr : lexicon_.word(view_.Id(i)).money;
  }

  // What a money word at token i tells of the text: that its sentence
  // speaks of a fine, where the euro is first named.
  void NoteWord(size_t i) {
    const WordRoles* r = Roles(i);
    if (r == nullptr) return;
    if (r->sanction) about_sanction_[tokens_[i].sentence] = true;
    if (first_euro_ == n_ && r->currency != nullptr && r->currency->iso == "EUR") first_euro_ = static_cast<uint32_t>(i);
  }

  // The first token at or after i that may start an amount, or n: a number
  // or a word of the money lists (a currency, « deux »). A tight scan over
  // the kinds and the ids, in locals, as Lexicon::NextWord: asking Roles of
  // each token reloaded the view and the lexicon per token, and this scan
  // reads every token of the text.
  size_t NextStart(size_t i) const {
    const Token* tokens = tokens_.data();
    const uint32_t* ids = view_.ids().data();
    const uint8_t* scan_bits = lexicon_.scan_bits();
    const auto starts = [&](size_t k) {
      return tokens[k].kind == TokenKind::kNumber || (scan_bits[ids[k]] & kMoneyWord) != 0;
    };
    // Four tokens a round: the loop's own count and test were a third of a
    // token's instructions when paid for each (as PhraseMatcher's Skip).
    for (; i + 4 <= n_; i += 4) {
      if (starts(i)) [[unlikely]] return i;
      if (starts(i + 1)) [[unlikely]] return i + 1;
      if (starts(i + 2)) [[unlikely]] return i + 2;
      if (starts(i + 3)) [[unlikely]] return i + 3;
    }
    while (i < n_ && !starts(i)) ++i;
    return i;
  }

  // The currency named at token i (one or two tokens): its name and end.
  const CurrencyName* CurrencyAt(size_t i, size_t* end) const {
    if (i >= n_) return nullptr;
    const WordRoles* r = Roles(i);
    if (r == nullptr) return nullptr;
    if (i + 1 < n_ && r->two_word_head && !Word(i + 1).empty()) {
      const std::string key = std::string(Word(i)) + " " + std::string(Word(i + 1));
      if (auto it = lex_.currencies.find(key); it != lex_.currencies.end()) {
        *end = i + 2;
        return &it->second;
      }
    }
    if (r->currency != nullptr) *end = i + 1;
    return r->currency;
  }

  // A currency after its amount, on the same line.
  const CurrencyName* CurrencyAfter(size_t i, size_t* end) const {
    return i < n_ && !tokens_[i].newline_before ? CurrencyAt(i, end) : nullptr;
  }

  // A number that is not the tail of a code ("C-311", "2016/679").
  std::optional<Decimal> NumberAt(size_t i) const {
    if (i >= n_ || tokens_[i].kind != TokenKind::kNumber) return std::nullopt;
    if (view_.Has(i, kGlued)) {
      const Token& prev = tokens_[i - 1];
      const std::string_view p = view_.Text(i - 1);
      if (prev.kind == TokenKind::kWord || prev.kind == TokenKind::kNumber || p == "-" || p == "/" || p == ".") {
        return std::nullopt;
      }
    }
    return ParseNumber(view_.Text(i));
  }

  // A multiplier on the line of its number.
  const Multiplier* MultiplierAt(size_t i) const {
    if (i >= n_ || tokens_[i].newline_before) return nullptr;
    const WordRoles* r = Roles(i);
    return r == nullptr || r->multiplier == nullptr || r->multiplier->power < 0 ? nullptr : r->multiplier;
  }

  static void Scale(RawAmount* a, int power) {
    a->value.exponent += power;
    a->multiplier_power = power;
  }

  // "€50", "$5", "USD 5 millions", "EUR 10 000".
  size_t SignFirst(size_t i) {
    size_t k = 0;
    const CurrencyName* currency = CurrencyAt(i, &k);
    if (currency == nullptr || !currency->prefix) return 0;
    std::optional<Decimal> value = k < n_ && tokens_[k].kind == TokenKind::kNumber && !tokens_[k].newline_before
                                       ? ParseNumber(view_.Text(k))
                                       : std::nullopt;
    if (!value) return 0;
    RawAmount a{static_cast<uint32_t>(i), static_cast<uint32_t>(k + 1), *value};
    if (const Multiplier* m = MultiplierAt(k + 1); m != nullptr && !m->sign_only) {
      Scale(&a, m->power);
      a.word_multiplier = true;
      a.end = static_cast<uint32_t>(k + 2);
    }
    a.currency = &currency->iso;
    amounts_.push_back(a);
    return a.end;
  }

  // "150 millions d'euros", "50 000 €", "20 M€", "2,5 millions €",
  // "deux milliards de dollars", "35 millions" (currency still unknown).
  size_t NumberFirst(size_t i) {
    // A number with no money word after it (a multiplier, a currency) and
    // not joined to a next amount is no amount, whatever it reads: most
    // numbers of a text, left unparsed.
    if (tokens_[i].kind == TokenKind::kNumber && (i + 1 >= n_ || Roles(i + 1) == nullptr) && !Linked(i + 1, i + 2)) {
      return 0;
    }
    std::optional<Decimal> value = NumberAt(i);
    if (!value) {
      // A number in words counts only before "millions"/"milliards".
      const WordRoles* r = Roles(i);
      if (r == nullptr || r->number == nullptr) return 0;
      const int number = *r->number;
      const Multiplier* m = MultiplierAt(i + 1);
      if (m == nullptr || m->sign_only || m->power < 6) return 0;
      value = Decimal{number, 0};
    }
    RawAmount a{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), *value};
    size_t k = i + 1;
    size_t end = 0;
    if (const Multiplier* m = MultiplierAt(k)) {
      if (!m->sign_only) {
        Scale(&a, m->power);
        a.word_multiplier = true;
        ++k;
      } else if (const CurrencyName* c = CurrencyAfter(k + 1, &end); c != nullptr && c->prefix) {
        Scale(&a, m->power);  // "20 M€": the multiplier is glued to a sign
        ++k;
      }
    }
    // « de » is asked only after a word multiplier: most numbers have none
    if (a.word_multiplier && (Is(k, "de") || Is(k, "d'"))) {
      const CurrencyName* c = CurrencyAfter(k + 1, &end);
      if (c == nullptr) return k;  // "35 millions de personnes": not money
      a.currency = &c->iso;
      a.end = static_cast<uint32_t>(end);
    } else if (const CurrencyName* c = CurrencyAfter(k, &end);
               c != nullptr && (!c->after_multiplier || a.word_multiplier)) {
      a.currency = &c->iso;
      a.end = static_cast<uint32_t>(end);
    } else {
      a.end = static_cast<uint32_t>(k);
      a.plain = !a.word_multiplier;
      const bool looks_like_year = a.plain && a.value.exponent == 0 && a.value.mantissa >= 1000 &&
                                   a.value.mantissa <= 2100 && view_.Text(i).size() == 4;
      // Keep it only if a later amount may lend it a currency.
      if (looks_like_year || (a.plain && !Linked(a.end, a.end + 1))) return a.end;
    }
    amounts_.push_back(a);
    return a.end;
  }

  const TokenView& view_;
  const std::vector<Token>& tokens_;
  size_t n_;
  const Lexicon& lexicon_;
  const MoneyWords& lex_;
  std::vector<bool> about_sanction_;  // per sentence
  uint32_t first_euro_ = static_cast<uint32_t>(n_);
  std::vector<RawAmount> amounts_;
};

const std::string kEuro = "EUR";

}  // namespace

std::vector<Candidate> FindMoney(const TokenView& view, const Lexicon& lexicon) {
  MoneyScanner scanner(view, lexicon);
  std::vector<RawAmount> raw = scanner.Scan();

  // "35 millions et 150 millions d'euros", "entre 10 et 20 millions d'euros".
  for (size_t k = raw.size(); k-- > 1;) {
    RawAmount& a = raw[k - 1];
    const RawAmount& next = raw[k];
    if (a.currency != nullptr || next.currency == nullptr || !scanner.Linked(a.end, next.first)) continue;
    a.currency = next.currency;
    if (a.plain && next.word_multiplier && ToDouble(a.value) < 1000) {
      a.value.exponent += next.multiplier_power;  // "10 et 20 millions": both in millions
      a.word_multiplier = true;
    }
    a.plain = false;
  }

  // "35 millions" alone, in a sentence about a fine, after euros were named.
  const uint32_t first_euro = scanner.FirstEuroToken();
  std::vector<Candidate> out;
  out.reserve(raw.size());
  for (RawAmount& a : raw) {
    if (a.currency == nullptr && a.word_multiplier && first_euro < a.first &&
        scanner.AboutSanction(scanner.SentenceOf(a.first))) {
      a.currency = &kEuro;
    }
    if (a.currency == nullptr || a.plain) continue;
    Candidate c;
    c.type = EntityType::kMoney;
    c.first_token = a.first;
    c.end_token = a.end;
    c.fields.amount = ToDouble(a.value);
    c.fields.currency() = *a.currency;
    c.canonical = MoneyCanonical(c.fields.amount, c.fields.currency());
    out.push_back(std::move(c));
  }
  return out;
}

std::string MoneyCanonical(double amount, std::string_view currency) {
  // Fixed notation, then no trailing zeros: 150000000 -> "150000000",
  // 1.5 -> "1.5"; six decimals hide the last-bit noise of a double.
  // std::to_chars writes what printf's "%.6f" writes (the standard says so;
  // 9 million random doubles agree) in 40% of the instructions: a text made
  // of amounts spent more here than in reading them.
  char buf[400];  // the longest double in fixed notation, with six decimals
  const auto written = std::to_chars(buf, buf + sizeof buf, amount, std::chars_format::fixed, 6);
  std::string s(buf, written.ptr);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s + " " + std::string(currency);
}

}  // namespace lexfr
