#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <span>
#include <unordered_set>

#include "text/text_util.h"
#include "text/token_view.h"
#include "text/word_breaks.h"

namespace lexfr {
namespace {

// ICU iterators, one of each per thread: creating them costs far more than
// resetting their text. The sentence iterator only serves
// SentenceBreaks::kIcu (the tests' oracle), so it is made on first use.
struct Iterators {
  std::unique_ptr<icu::BreakIterator> words, sentences;
  icu::BreakIterator& Sentences() {
    if (!sentences) {
      UErrorCode err = U_ZERO_ERROR;
      sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getFrench(), err));
    }
    return *sentences;
  }
};

Iterators& ThreadIterators() {
  thread_local Iterators it = [] {
    UErrorCode err = U_ZERO_ERROR;
    Iterators i;
    i.words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), err));
    return i;
  }();
  return it;
}

constexpr std::string_view kNarrowNoBreakSpace = "\u202F";
// Whether a word piece holds U+202F. Pieces are short and mostly ASCII: a
// loop on the lead byte, where a memchr call per piece cost more.
bool HasNarrowNoBreakSpace(std::string_view piece) {
  for (size_t i = 0; i + 2 < piece.size(); ++i) {
    if (piece[i] == kNarrowNoBreakSpace[0] && piece.substr(i, 3) == kNarrowNoBreakSpace) return true;
  }
  return false;
}

// What one pass over a piece's bytes tells of the rarer cuts, so that most
// pieces skip them: an elision needs an apostrophe (' or the lead byte of
// ’ U+2019 and ʼ U+02BC), a missing space a period, a narrow no-break
// space its lead byte E2. Searching every word for each of them (memchr
// calls, a loop) cost more than the cuts they found (issue 21).
enum PieceBytes : uint8_t { kHasApostrophe = 1, kHasPeriod = 2, kHasLeadE2 = 4 };

constexpr std::array<uint8_t, 256> PieceByteTable() {
  std::array<uint8_t, 256> t{};
  t['\''] = kHasApostrophe;
  t[0xCA] = kHasApostrophe;  // ʼ is CA BC
  t[0xE2] = kHasApostrophe | kHasLeadE2;  // ’ is E2 80 99, U+202F E2 80 AF
  t['.'] = kHasPeriod;
  return t;
}
constexpr std::array<uint8_t, 256> kPieceByteTable = PieceByteTable();

// Short tokens read as one word of eight bytes, where a loop cost several
// instructions a byte (issue 21). The bytes past a token, read with it,
// are masked off.
static_assert(std::endian::native == std::endian::little, "the words below are read little-endian");
constexpr uint64_t kEveryByte = 0x0101010101010101u;

// The low `bytes` bytes of a word: the first `bytes` read from memory.
uint64_t FirstBytesMask(size_t bytes) { return bytes == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * bytes)) - 1; }

// Whether one of the first `bytes` (at most 8) bytes of `word` is beyond ASCII.
bool HasByteAbove7F(uint64_t word, size_t bytes) {
  return (word & FirstBytesMask(bytes) & (0x80 * kEveryByte)) != 0;
}

// Whether one of the first `bytes` bytes of `word`, all ASCII, is `c`. A
// borrow only runs up from a byte that is `c`: a false hit lies above a
// true one.
bool HasAsciiByte(uint64_t word, size_t bytes, char c) {
  const uint64_t zero_where_c = word ^ (static_cast<uint8_t>(c) * kEveryByte);
  return ((zero_where_c - kEveryByte) & ~zero_where_c & (0x80 * kEveryByte) & FirstBytesMask(bytes)) != 0;
}

// The eight ASCII bytes of `word` with A-Z lower-cased (bytes beyond ASCII
// come out changed: callers keep only ASCII ones).
uint64_t AsciiLowerWord(uint64_t word) {
  const uint64_t seven_bits = word & (0x7F * kEveryByte);
  // the top bit of a byte set when it is >= 'A', and when it is > 'Z'
  const uint64_t from_a = seven_bits + (0x80 - 'A') * kEveryByte;
  const uint64_t past_z = seven_bits + (0x7F - 'Z') * kEveryByte;
  const uint64_t upper = from_a & ~past_z & (0x80 * kEveryByte);
  return word | (upper >> 2);  // 0x80 >> 2 is 0x20, the case bit
}

uint8_t BytesOf(std::string_view piece) {
  uint8_t bytes = 0;
  for (const char c : piece) bytes |= kPieceByteTable[static_cast<uint8_t>(c)];
  return bytes;
}

// BytesOf `piece`, the text of `p`. The fast word rules' pieces tell it
// without a look at their bytes (word_breaks.h PieceOrigin): a sign is one
// character, whose lead byte says it, and letters and digits not joined
// across a mark have none of the bytes. Others, when short and ASCII, are
// read as one word.
uint8_t BytesOfPiece(std::string_view text, const WordPiece& p, std::string_view piece) {
  if (p.origin == PieceOrigin::kFast) {
    return p.status == UBRK_WORD_NONE ? kPieceByteTable[static_cast<uint8_t>(piece[0])] : 0;
  }
  const size_t start = p.start;
  if (piece.size() <= 8 && start + 8 <= text.size()) {
    uint64_t word;
    std::memcpy(&word, piece.data(), 8);
    if (!HasByteAbove7F(word, piece.size())) {
      return (HasAsciiByte(word, piece.size(), '\'') ? kHasApostrophe : 0) |
             (HasAsciiByte(word, piece.size(), '.') ? kHasPeriod : 0);
    }
  }
  return BytesOf(piece);
}

bool IsSpaceOnly(std::string_view s) {
  // Most pieces are words: an ASCII first byte answers without ICU, and so
  // does an ideograph's (Han text is a piece a word or two).
  const auto first = static_cast<uint8_t>(s[0]);
  if (first < 0x80) {
    if (first != ' ' && first != '\t' && first != '\n' && first != '\r' && first != '\f' && first != '\v') return false;
  }
  if (IsCjkIdeographLead(first)) return false;
  for (size_t i = 0; i < s.size();) {
    if (!u_isUWhiteSpace(static_cast<UChar32>(NextCodePoint(s, &i)))) return false;
  }
  return true;
}

// The kind of a token that is neither a letter nor a number for ICU, by its
// first code point.
TokenKind KindOfSign(char32_t c) {
  if (u_isalpha(static_cast<UChar32>(c))) return TokenKind::kWord;  // e.g. "º"
  return u_ispunct(static_cast<UChar32>(c)) ? TokenKind::kPunct : TokenKind::kSymbol;
}

// KindOfSign of every ASCII character, asked of ICU once rather than twice
// for every comma and period of a text.
struct AsciiSignKinds {
  std::array<TokenKind, 0x80> kinds{};
  AsciiSignKinds() {
    for (char32_t c = 0; c < 0x80; ++c) kinds[c] = KindOfSign(c);
  }
};

const AsciiSignKinds& AsciiSigns() {
  static const AsciiSignKinds ascii;
  return ascii;
}

// The kind of a token ICU gives `rule_status`; `ascii` is AsciiSigns(),
// asked for once by the caller rather than at every sign.
inline TokenKind KindOf(std::string_view s, int32_t rule_status, const AsciiSignKinds& ascii = AsciiSigns()) {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::kNumber;
  if (rule_status >= UBRK_WORD_LETTER) {
    return (s[0] >= '0' && s[0] <= '9') ? TokenKind::kNumber : TokenKind::kWord;
  }
  if (const auto first = static_cast<uint8_t>(s[0]); first < 0x80) return ascii.kinds[first];
  size_t i = 0;
  return KindOfSign(NextCodePoint(s, &i));
}

// The words French elides before a vowel, longest first where one ends
// another (« jusqu' » before « qu' »). Grammar, not vocabulary: the class is
// closed (le/la, de, que and its compounds, je, me, ne, se, te, ce), so it is
// written here rather than in a data file a user would extend.
constexpr std::string_view kElidingWords[] = {"jusqu", "lorsqu", "puisqu", "quoiqu", "qu", "l", "d",
                                              "j",     "m",      "n",      "s",      "t",  "c"};

// Length in bytes of a French elided prefix with its apostrophe ("l’", "qu'"),
// when `word` starts with one and goes on after it; 0 otherwise.
size_t ElisionLength(std::string_view word) {
  // The longest prefix is "quoiqu", six ASCII letters: the first byte that
  // is none (an apostrophe's own among them: ' E2 CA) must come within the
  // first seven and be an apostrophe, or no prefix can be before it (one
  // pass over a few bytes, where three searches of the first nine cost a
  // call each).
  const size_t limit = std::min<size_t>(word.size(), 7);
  size_t at = 0;
  while (at < limit && ((word[at] | 0x20) >= 'a' && (word[at] | 0x20) <= 'z')) ++at;
  if (at == 0 || at == limit) return 0;
  const std::string_view mark = word.substr(at);
  const size_t apostrophe = mark.starts_with('\'')        ? 1
                            : mark.starts_with("\u2019") ? 3  // ’
                            : mark.starts_with("\u02BC") ? 2  // ʼ
                                                        : 0;
  if (apostrophe == 0) return 0;
  // A prefix holds no apostrophe: only the one as long as the bytes before
  // the first apostrophe can be it, where trying all 13 cost a loop each.
  for (std::string_view p : kElidingWords) {
    if (p.size() != at) continue;
    bool same = true;
    for (size_t k = 0; k < p.size() && same; ++k) same = (word[k] | 0x20) == p[k];
    if (!same) continue;
    return word.size() > at + apostrophe ? at + apostrophe : 0;
  }
  return 0;
}

bool IsGroupSeparator(std::string_view s) {
  return s == " " || s == "\u00A0" || s == "\u202F" || s == "\u2009";
}

// "000" or "200,50": a three-digit group, optionally with decimals.
bool IsThousandsGroup(std::string_view s) {
  if (s.size() < 3 || !IsAsciiDigits(s.substr(0, 3))) return false;
  if (s.size() == 3) return true;
  return (s[3] == ',' || s[3] == '.') && IsAsciiDigits(s.substr(4));
}


// Where a number of five digits or more glued to a name starts, or 0. Pages
// of the Conseil d'État end on the signature with the decision's number
// glued to it (« Signé : Cyril Roger-Lacan458265 », « Mme O C435178 »): the
// name is a capitalised word or a lone capital. A word in capitals
// (« JORFTEXT000037800506 ») or with digits inside is an identifier, kept whole.
size_t GluedNumberStart(std::string_view piece) {
  size_t digits = piece.size();
  while (digits > 0 && piece[digits - 1] >= '0' && piece[digits - 1] <= '9') --digits;
  if (digits == 0 || piece.size() - digits < kMinGluedNumberDigits) return 0;
  const std::string_view name = piece.substr(0, digits);
  size_t i = 0;
  if (!u_isupper(static_cast<UChar32>(NextCodePoint(name, &i)))) return 0;
  if (i == name.size()) return digits;  // a lone capital
  bool lower = false;
  while (i < name.size()) {
    const auto c = static_cast<UChar32>(NextCodePoint(name, &i));
    if (!u_isalpha(c)) return 0;
    lower = lower || u_islower(c);
  }
  return lower ? digits : 0;
}

// Where the period of a missing space after a sentence is, or npos:
// « … élue Mme Cécile Bailly.La délibération … ». ICU joins letters around a
// period (« Rapid.Space », « www.cnil.fr »); only a word that opens French
// sentences, capitalised after a lower-case letter, splits it.
size_t MissingSpaceAfterPeriod(std::string_view piece) {
  // Determiners and pronouns: a closed class, as the elided words are.
  static constexpr std::array<std::string_view, 14> kSentenceOpeners = {
      "Le", "La", "Les", "L'", "L\u2019", "Il", "Elle", "Ils", "Elles", "Ce", "Cette", "Ces", "On", "Un"};
  if (piece.size() < 4 || piece.find('.') == std::string_view::npos) return std::string_view::npos;  // memchr
  const size_t dot = piece.rfind('.');
  if (dot < 2 || dot + 1 >= piece.size()) return std::string_view::npos;
  const auto before = static_cast<uint8_t>(piece[dot - 1]);
  if (!(before >= 'a' && before <= 'z') && before < 0x80) return std::string_view::npos;
  const std::string_view after = piece.substr(dot + 1);
  for (std::string_view opener : kSentenceOpeners) {
    if (after == opener) return dot;
  }
  return std::string_view::npos;
}

// UAX #29's sentence rules (those ICU's sentence iterator applies) read from
// the word tokens rather than by a second ICU pass over the text: a
// sentence can only end after a terminal mark (. ! ? … and the other
// STerm/ATerm characters), which the word pass leaves as a token of its
// own or at the end of one, or at a paragraph separator, which the word
// pass leaves in a gap. Only those places are looked at, each with ICU's
// own Sentence_Break class of the characters around it, so a text costs
// one look at each token's first and last byte. The ICU pass cost 7% of a
// run (issue 21); the unit tests hold these rules to it (SentenceRules::kIcu).
class SentenceClasses {
 public:
  static const SentenceClasses& Get() {
    static const SentenceClasses classes;
    return classes;
  }
  USentenceBreak Of(char32_t c) const {
    return c < 0x80 ? ascii_[c] : static_cast<USentenceBreak>(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK));
  }
  // Whether U+2000 + k (k < 64: E2 80 80 + k, ’ – — “ ” … among them) is a
  // terminal mark or a character the rules pass over (MayHideTerminal).
  bool MayEndSentenceAt2000(uint8_t k) const { return (punctuation_may_end_ >> k) & 1; }

 private:
  SentenceClasses() {
    for (char32_t c = 0; c < 0x80; ++c) {
      ascii_[c] = static_cast<USentenceBreak>(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK));
    }
    for (uint32_t k = 0; k < 64; ++k) {
      const auto sb = static_cast<USentenceBreak>(u_getIntPropertyValue(static_cast<UChar32>(0x2000 + k), UCHAR_SENTENCE_BREAK));
      if (MayHideTerminal(sb)) punctuation_may_end_ |= uint64_t{1} << k;
    }
  }
  // A terminal, or a character a terminal may come before (SB5).
  static bool MayHideTerminal(USentenceBreak sb) {
    return sb == U_SB_STERM || sb == U_SB_ATERM || sb == U_SB_EXTEND || sb == U_SB_FORMAT;
  }
  std::array<USentenceBreak, 0x80> ascii_{};
  uint64_t punctuation_may_end_ = 0;
};

bool IsParaSep(USentenceBreak sb) { return sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF; }
bool IsSATerm(USentenceBreak sb) { return sb == U_SB_STERM || sb == U_SB_ATERM; }
bool IsIgnored(USentenceBreak sb) { return sb == U_SB_EXTEND || sb == U_SB_FORMAT; }  // SB5

// The code point before byte `end` of `text` (valid UTF-8), and where it starts.
char32_t PrevCodePoint(std::string_view text, size_t* end) {
  size_t i = *end - 1;
  while (i > 0 && (static_cast<uint8_t>(text[i]) & 0xC0) == 0x80) --i;
  *end = i;
  size_t at = i;
  return NextCodePoint(text, &at);
}

// What a token's first or last byte may tell the sentence rules, read
// from one table for every token.
enum EdgeBytes : uint8_t {
  // as the last byte: the token may end with a terminal mark (. ! ? or a
  // character beyond ASCII)
  kMayEndWithTerminal = 1,
  // as the first byte: the token may open with a space, a combining mark or
  // a format character. ASCII letters, digits and signs, and the Latin
  // letters U+00C0..U+027F (lead bytes C3..C9) do not.
  kMayOpenBlank = 2,
};

constexpr std::array<uint8_t, 256> EdgeByteTable() {
  std::array<uint8_t, 256> t{};
  t['.'] = t['!'] = t['?'] = kMayEndWithTerminal;
  t[' '] = t['\t'] = t['\v'] = t['\f'] = kMayOpenBlank;
  // A token opening with a Latin letter (lead bytes C3..C9: U+00C0..U+027F)
  // or a CJK ideograph (E4..E9: U+4000..U+9FFF, IsCjkIdeographLead) opens
  // with no space, mark nor format character.
  for (int b = 0x80; b < 0x100; ++b) {
    const bool letter = (b >= 0xC3 && b <= 0xC9) || IsCjkIdeographLead(static_cast<uint8_t>(b));
    t[b] = kMayEndWithTerminal | (letter ? 0 : kMayOpenBlank);
  }
  return t;
}
constexpr std::array<uint8_t, 256> kEdgeByteTable = EdgeByteTable();

// Whether `token` may be blank for the sentence rules (SentenceRules::IsBlank):
// it opens with a space, a combining mark or a format character.
bool MayBeBlank(std::string_view token) {
  const auto first = static_cast<uint8_t>(token[0]);
  if (!(kEdgeByteTable[first] & kMayOpenBlank)) return false;
  if (first < 0x80) return true;
  size_t i = 0;
  const USentenceBreak sb = SentenceClasses::Get().Of(NextCodePoint(token, &i));
  return sb == U_SB_SP || IsIgnored(sb);
}

// What the gap before a token holds, byte by byte: a line break (\n or
// \r), or a byte beyond ASCII, which may start a paragraph separator
// (U+0085, U+2028, U+2029) for the sentence rules.
enum GapBytes : uint8_t { kGapLineBreak = 1, kGapWide = 2 };

constexpr std::array<uint8_t, 256> GapByteTable() {
  std::array<uint8_t, 256> t{};
  t['\n'] = t['\r'] = kGapLineBreak;
  for (int b = 0x80; b < 0x100; ++b) t[b] = kGapWide;
  return t;
}
constexpr std::array<uint8_t, 256> kGapByteTable = GapByteTable();

// Until the sentences are numbered (NumberSentences), a token's `sentence`
// holds whether it is an abbreviation that keeps its period and never
// ends a sentence: the field is free until then, and a flag of its own
// would be written for every token.
constexpr uint32_t kAbbreviationMark = 1;
bool IsAbbreviation(const Token& t) { return t.sentence == kAbbreviationMark; }

// Where the sentence rules must look, noted while the tokens are made
// (TokenBuilder): most tokens can neither end a sentence nor follow a
// paragraph separator.
struct SentenceHints {
  // Every token i that may end with a terminal mark, or before whose
  // successor's gap a paragraph separator may lie, in order.
  std::vector<uint32_t> candidates;
  bool may_have_blank = false;  // some token MayBeBlank
};

// Segmentation::tokens and Segmentation::folded, made in one pass over the
// raw tokens (ICU's word pieces, as PushWord cuts them). A raw token either
// extends the last token, when a French reader reads the two as one ("M" +
// "." -> "M.", "n" + "°", "150" + " " + "000"), or starts a new one, with
// its gap. A token is folded once no raw token can extend it. Making a
// vector of raw tokens, another of merged ones and then the tokens, and
// folding them in a pass of its own, cost a third of the segmenter.
class TokenBuilder {
 public:
  // With `vocabulary` and `ids`, also each token's id and flags (Segment).
  TokenBuilder(std::string_view text, const Abbreviations& abbreviations, Segmentation* seg,
               const Vocabulary* vocabulary = nullptr, TokenIds* ids = nullptr)
      : text_(text), abbreviations_(abbreviations), seg_(*seg), vocabulary_(vocabulary), ids_(ids) {
    // A token is at least a byte and most have a space after them: room for
    // the densest text (« a a a … ») is only address space until written.
    seg_.tokens.reserve(text.size() / 2 + 8);
    seg_.folded_end.reserve(text.size() / 2 + 8);
    if (ids_ != nullptr) {
      ids_->ids.reserve(text.size() / 2 + 8);
      ids_->flags.reserve(text.size() / 2 + 8);
    }
    // The tokens' bytes, folded no longer (FoldLast), and the eight bytes
    // its word writes may reach past the last one.
    seg_.folded.resize(text.size() + 8);
  }

  // Adds the raw token [start, end) of kind `kind`, after the last one.
  // Out of line, for the rarer callers (PushWord's cuts).
  [[gnu::noinline]] void Add(uint32_t start, uint32_t end, TokenKind kind) { AddInline(start, end, kind); }

  // Add, inline in the loop over a batch's pieces (TokensOfPiece), where
  // most tokens are added: the call's saved registers cost a tenth of
  // adding a token (issue 21).
  [[gnu::always_inline]] void AddInline(uint32_t start, uint32_t end, TokenKind kind) {
    if (MayExtendLast(start) && ExtendLast(start, end, kind)) return;
    const uint32_t prev_end = seg_.tokens.empty() ? 0 : seg_.tokens.back().byte_end;
    if (!seg_.tokens.empty()) CloseLast();
    uint8_t gap = 0;  // most gaps are one space, which holds none of kGapByteTable's bytes
    if (start != prev_end + 1 || text_[prev_end] != ' ') {
      for (uint32_t b = prev_end; b < start; ++b) gap |= kGapByteTable[static_cast<uint8_t>(text_[b])];
    }
    if (gap != 0 && !seg_.tokens.empty()) AddCandidate(static_cast<uint32_t>(seg_.tokens.size() - 1));
    Token t;
    t.byte_start = start;
    t.byte_end = end;
    t.kind = kind;
    t.space_before = start != prev_end;
    t.newline_before = (gap & kGapLineBreak) != 0;
    seg_.tokens.push_back(t);
    if (kind == TokenKind::kWord) {
      open_ = Open::kWord;
    } else {
      open_ = kind == TokenKind::kNumber && end - start <= 3 && IsAsciiDigits(text_.substr(start, end - start))
                  ? Open::kGroups
                  : Open::kNo;
    }
  }

  // Closes the last token: the tokens are made. Returns the hints.
  SentenceHints Finish() {
    if (!seg_.tokens.empty()) CloseLast();
    NoteClosedTokens();
    seg_.folded.resize(folded_at_);
    return std::move(hints_);
  }

 private:
  // What the last token may still take in. An int, not a byte: GCC lets a
  // store of a byte-sized enum alias anything, and the builder's members
  // were loaded again after each token set it.
  enum class Open {
    kNo,
    kWord,    // a word as the word pass made it: an abbreviation's period, « n »'s « ° »
    kGroups,  // a number of up to three digits, or groups of three after it: another group
  };

  // Whether a raw token at `start` may extend the last token (ExtendLast),
  // told inline: a word takes in only « . » or « ° » right after it.
  bool MayExtendLast(uint32_t start) const {
    if (open_ == Open::kWord) {
      return start == seg_.tokens.back().byte_end && (text_[start] == '.' || text_[start] == '\xC2');  // ° is C2 B0
    }
    return open_ == Open::kGroups;
  }

  // Merges what ICU splits but a French reader reads as one token into the
  // last token; false when the raw token starts one of its own. Out of
  // line, as are the other rare paths, so that Add's frame stays small.
  [[gnu::noinline]] bool ExtendLast(uint32_t start, uint32_t end, TokenKind kind) {
    Token& last = seg_.tokens.back();
    const std::string_view piece = text_.substr(start, end - start);
    if (open_ == Open::kWord) {
      if (start != last.byte_end) return false;
      const std::string_view s = TokenText(text_, last);
      const bool abbreviation =
          (piece == "." && (abbreviations_.contains(s) || (IsUpperInitial(s) && CountCodePoints(s) == 1) ||
                            (s.find('.') != std::string_view::npos && IsAllUpper(s)))) ||  // "M." "J.O."
          ((s == "n" || s == "N") && piece == "°");                                       // "n°"
      if (!abbreviation) return false;
      last.byte_end = end;
      last.sentence = kAbbreviationMark;
      open_ = Open::kNo;
      return true;
    }
    // "150" + " " + "000" -> "150 000"; every further group must have 3
    // digits, and none follows a decimal comma. Whether one came is kept
    // as the groups join: searching the merged number for it at every
    // group made « 999 999 999 … » quadratic (issue 15).
    if (kind != TokenKind::kNumber || !IsGroupSeparator(text_.substr(last.byte_end, start - last.byte_end)) ||
        !IsThousandsGroup(piece)) {
      return false;
    }
    last.byte_end = end;
    if (piece.find(',') != std::string_view::npos) open_ = Open::kNo;
    return true;
  }

  void AddCandidate(uint32_t k) {
    if (hints_.candidates.empty() || hints_.candidates.back() != k) hints_.candidates.push_back(k);
  }

  // Whether token t, whose last byte is kMayEndWithTerminal, may end with a
  // terminal mark for the sentence rules, past the characters they pass
  // over (Extend, Format). Its last character, when one of the common ones
  // beyond ASCII, tells: the Latin letters U+00C0..U+027F (lead bytes
  // C3..C9: « é », « à ») and U+0080..U+00BF (« ° », « » ») but the soft
  // hyphen (a Format) are neither; of U+2000..U+203F (« ’ », « – »), ICU's
  // classes tell. Most French words and signs beyond ASCII end so, and each
  // made a candidate the rules decoded and asked ICU's class of.
  bool MayEndWithTerminal(const Token& t) const {
    const auto* end = reinterpret_cast<const uint8_t*>(text_.data()) + t.byte_end;
    const uint32_t size = t.byte_end - t.byte_start;
    if (end[-1] < 0x80 || size < 2) return true;  // « . » « ! » « ? »
    if (end[-2] >= 0xC3 && end[-2] <= 0xC9) return false;
    if (end[-2] == 0xC2) return end[-1] == 0xAD;  // the soft hyphen
    if (size >= 3 && IsCjkIdeographLead(end[-3])) return false;  // Han text: every token ends so
    if (size >= 3 && end[-3] == 0xE2 && end[-2] == 0x80) {
      return SentenceClasses::Get().MayEndSentenceAt2000(end[-1] - 0x80);
    }
    return true;
  }

  // The last token is whole: folds it and notes what the sentence rules need
  // of it. Inline in Add: the call's frame cost a fifth of closing a token.
  [[gnu::always_inline]] void CloseLast() {
    const Token& t = seg_.tokens.back();
    if ((kEdgeByteTable[static_cast<uint8_t>(text_[t.byte_end - 1])] & kMayEndWithTerminal) &&
        MayEndWithTerminal(t)) {
      AddCandidate(static_cast<uint32_t>(seg_.tokens.size() - 1));
    }
    if (kEdgeByteTable[static_cast<uint8_t>(text_[t.byte_start])] & kMayOpenBlank) {
      hints_.may_have_blank = hints_.may_have_blank || MayBeBlank(TokenText(text_, t));
    }
    FoldLast();
  }

 public:
  // With a vocabulary: the ids and flags of the tokens closed since the last
  // call (all but the last, still open), while their bytes are in cache.
  // Called after each batch of word pieces and by Finish.
  void NoteClosedTokens() {
    if (ids_ == nullptr) return;
    const size_t from = ids_->ids.size(), to = seg_.folded_end.size();  // a token is closed once folded
    if (to <= from) return;
    ids_->ids.resize(to);
    ids_->flags.resize(to);
    IdsAndFlags(text_, seg_, *vocabulary_, from, to, ids_->ids.data(), ids_->flags.data());
  }

 private:

  // Folds the last token (text/text_util.h Fold) into `folded`, after the
  // tokens before it. ASCII and the common characters beyond it
  // (FoldCommonChar) never fold longer, so they are written straight into
  // the buffer, where FoldAppend per token cost a call, an append and a
  // bounds check per byte. A token with another character has the rest of
  // it folded by FoldAppend, which may lengthen it (a case fold can take two
  // bytes to three): the buffer then grows.
  [[gnu::always_inline]] void FoldLast() {
    const Token& t = seg_.tokens.back();
    const std::string_view token = TokenText(text_, t);
    FoldedBytes& folded = seg_.folded;
    size_t k = 0, w = 0;  // read in the token, written at folded_at_: w <= k
    char* out = folded.data() + folded_at_;
    // Eight bytes at a time where the text has them: the ASCII ones
    // lower-cased and written as one word, up to the first byte beyond
    // ASCII. The bytes written past what is kept are inside the buffer and
    // overwritten after (the buffer has room for the rest of the text).
    const size_t readable = text_.size() - t.byte_start;  // bytes of the text from the token on
    if (token.size() <= 8 && readable >= 8) {
      // Most tokens: eight bytes or fewer, all ASCII, folded in one word
      // without the loop's steps.
      uint64_t word;
      std::memcpy(&word, token.data(), 8);
      if (!HasByteAbove7F(word, token.size())) {
        // the word stored last: a store of bytes may alias anything, and
        // before the others made them load their members again
        folded_at_ += token.size();
        seg_.folded_end.push_back(static_cast<uint32_t>(folded_at_));
        word = AsciiLowerWord(word);
        std::memcpy(out, &word, 8);
        return;
      }
    }
    while (k < token.size()) {
      if (k + 8 <= readable) {
        uint64_t word;
        std::memcpy(&word, token.data() + k, 8);
        const uint64_t wide = word & (0x80 * kEveryByte);
        const size_t ascii = wide == 0 ? 8 : static_cast<size_t>(std::countr_zero(wide)) / 8;
        word = AsciiLowerWord(word);
        std::memcpy(out + w, &word, 8);
        const size_t kept = std::min(ascii, token.size() - k);
        k += kept;
        w += kept;
        if (kept == 8 || k == token.size()) continue;
      } else if (const auto b = static_cast<uint8_t>(token[k]); b < 0x80) {
        out[w++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
        ++k;
        continue;
      }
      const CommonFolds::Entry* fold = common_folds_.Find(token, k);
      if (fold == nullptr) break;
      for (size_t b = 0; b < fold->size; ++b) out[w + b] = fold->bytes[b];
      k += fold->read;
      w += fold->size;
    }
    folded_at_ += w;
    if (k < token.size()) FoldRest(token.substr(k), t.byte_end);
    seg_.folded_end.push_back(static_cast<uint32_t>(folded_at_));
  }

  // Folds `rest`, the part of the last token (ending at byte `end`) from
  // its first character FoldCommonChar does not fold, by FoldAppend.
  [[gnu::noinline]] void FoldRest(std::string_view rest, uint32_t end) {
    rest_.clear();
    FoldAppend(rest, &rest_);
    // room for this fold, the tokens after it (at most the rest of the
    // text, folded no longer) and the eight bytes of a word written
    const size_t room = folded_at_ + rest_.size() + (text_.size() - end) + 8;
    FoldedBytes& folded = seg_.folded;
    if (room > folded.size()) folded.resize(room);
    std::memcpy(folded.data() + folded_at_, rest_.data(), rest_.size());
    folded_at_ += rest_.size();
  }

  std::string_view text_;
  const Abbreviations& abbreviations_;
  Segmentation& seg_;
  const Vocabulary* vocabulary_;
  TokenIds* ids_;
  const CommonFolds& common_folds_ = CommonFolds::Get();  // text/text_util.h
  Open open_ = Open::kNo;
  size_t folded_at_ = 0;  // bytes of `folded` written
  std::string rest_;      // the rest of a token FoldCommonChar does not fold, by FoldAppend
  SentenceHints hints_;
};

// Whether a piece whose first byte is `first` may open a name a number is
// glued to (GluedNumberStart): a capital, ASCII or not. Most numbers open
// with a digit and go in whole (issue 21).
bool MayOpenGluedName(char first) {
  const auto b = static_cast<uint8_t>(first);
  return (b >= 'A' && b <= 'Z') || b >= 0x80;
}

// Whether PushWord may cut `piece`, the text of `p` (of kind `kind`, BytesOf it `bytes`):
// an elision or a missing space in a word, a glued number at the end of
// any token but a sign. Most pieces go in whole, without the call.
// The fast rules' pieces tell whether they end with a digit without a look
// at their last byte: their letters and digits are a number exactly then,
// and their signs are no digit (word_breaks.h).
bool MayCut(const WordPiece& p, std::string_view piece, TokenKind kind, uint8_t bytes) {
  if (kind == TokenKind::kWord && (bytes & (kHasApostrophe | kHasPeriod))) return true;
  if (p.origin != PieceOrigin::kIcu) return p.status == UBRK_WORD_NUMBER && MayOpenGluedName(piece[0]);
  const char last = piece.back();
  return kind != TokenKind::kPunct && last >= '0' && last <= '9' && MayOpenGluedName(piece[0]);
}

// Appends the token `piece` starting at byte `at`, split after a French
// elided prefix ("l’" + "Internet"), before a number glued to a name and
// around the period of a missing space.
// `bytes` is BytesOf(piece).
void PushWord(size_t at, std::string_view piece, TokenKind kind, uint8_t bytes, TokenBuilder* out) {
  const auto start = static_cast<uint32_t>(at);
  const auto end = static_cast<uint32_t>(at + piece.size());
  if (kind == TokenKind::kWord && (bytes & kHasApostrophe)) {
    if (size_t n = ElisionLength(piece)) {
      const std::string_view rest = piece.substr(n);
      out->Add(start, static_cast<uint32_t>(start + n), TokenKind::kWord);
      out->Add(static_cast<uint32_t>(start + n), end,
               (rest[0] >= '0' && rest[0] <= '9') ? TokenKind::kNumber : TokenKind::kWord);
      return;
    }
  }
  if (kind == TokenKind::kWord && (bytes & kHasPeriod)) {
    if (const size_t dot = MissingSpaceAfterPeriod(piece); dot != std::string_view::npos) {
      out->Add(start, static_cast<uint32_t>(start + dot), TokenKind::kWord);
      out->Add(static_cast<uint32_t>(start + dot), static_cast<uint32_t>(start + dot + 1), TokenKind::kPunct);
      out->Add(static_cast<uint32_t>(start + dot + 1), end, TokenKind::kWord);
      return;
    }
  }
  // Only a token ending in a digit can hide a glued number (ICU calls
  // « Lacan458265 » a number).
  if (const char last = piece.back(); kind != TokenKind::kPunct && last >= '0' && last <= '9') {
    if (const size_t n = GluedNumberStart(piece)) {
      out->Add(start, static_cast<uint32_t>(start + n), TokenKind::kWord);
      out->Add(static_cast<uint32_t>(start + n), end, TokenKind::kNumber);
      return;
    }
  }
  out->Add(start, end, kind);
}

// ICU's word pieces (text/word_breaks.h: most of a French text without
// ICU), made tokens: the whitespace dropped, elisions, glued numbers and
// lost spaces cut (PushWord), given to `out` one by one.
// The tokens of one word piece.
void TokensOfPiece(std::string_view text, const WordPiece& p, const AsciiSignKinds& ascii_signs, TokenBuilder* out) {
  // a piece lies within the text: no substr() check
  const std::string_view piece(text.data() + p.start, p.end - p.start);
  if (p.origin == PieceOrigin::kFast) {
    // Most pieces: letters and digits the fast rules cut, without a mark
    // (word_breaks.h), so without an elision or a lost space; a number
    // (it ends with a digit) may hide one glued to a name. Or a sign of one
    // character, which nothing cuts: ASCII punctuation, or one of the few
    // beyond ASCII the fast rules know (the no-break space among them,
    // dropped as whitespace). Told here without the general path's
    // questions (BytesOfPiece, MayCut).
    // One call site of the inline Add: a copy per kind cost more in
    // registers than it saved.
    const char first = piece[0];
    TokenKind kind = TokenKind::kNumber;
    if (p.status == UBRK_WORD_NONE) {
      if (static_cast<uint8_t>(first) >= 0x80 && IsSpaceOnly(piece)) return;
      kind = KindOf(piece, UBRK_WORD_NONE, ascii_signs);
    } else if (p.status == UBRK_WORD_NUMBER) {
      if (MayOpenGluedName(first)) {
        PushWord(p.start, piece, TokenKind::kNumber, 0, out);
        return;
      }
    } else if (first < '0' || first > '9') {
      kind = TokenKind::kWord;
    }
    out->AddInline(p.start, p.end, kind);
    return;
  }
  const bool fast_word = p.origin == PieceOrigin::kJoined && p.status != UBRK_WORD_NONE;  // no whitespace
  if (!fast_word && IsSpaceOnly(piece)) return;
  // ICU joins words across U+202F (it counts as ExtendNumLet), but French
  // typography puts that narrow space before « : ; % € » and between a
  // preposition and a number: split there; TokenBuilder rejoins digit
  // groups such as "150 000".
  const uint8_t bytes = BytesOfPiece(text, p, piece);
  if ((bytes & kHasLeadE2) && HasNarrowNoBreakSpace(piece)) {
    size_t from = 0;
    for (;;) {
      const size_t at = piece.find(kNarrowNoBreakSpace, from);
      const std::string_view part = piece.substr(from, at == std::string_view::npos ? at : at - from);
      if (!part.empty()) {
        const bool digit = part[0] >= '0' && part[0] <= '9';
        PushWord(p.start + from, part, digit ? TokenKind::kNumber : KindOf(part, UBRK_WORD_NONE), BytesOf(part),
                 out);
      }
      if (at == std::string_view::npos) break;
      from = at + kNarrowNoBreakSpace.size();
    }
    return;
  }
  const TokenKind kind = KindOf(piece, p.status, ascii_signs);
  if (MayCut(p, piece, kind, bytes)) {
    PushWord(p.start, piece, kind, bytes, out);
  } else {
    out->AddInline(p.start, p.end, kind);
  }
}

void WordTokens(std::string_view text, TokenBuilder* out) {
  const AsciiSignKinds& ascii_signs = AsciiSigns();
  // the pieces come a batch at a time, read once while in cache
  ForEachWordPieces(text, *ThreadIterators().words, WordBreaker::kFastPath, [&](std::span<const WordPiece> batch) {
    // Copies of the captures: a byte the builder stores may alias the
    // closure, so every piece loaded them again through it.
    const std::string_view batch_text = text;
    const AsciiSignKinds& signs = ascii_signs;
    TokenBuilder* const builder = out;
    for (const WordPiece& p : batch) TokensOfPiece(batch_text, p, signs, builder);
    builder->NoteClosedTokens();
  });
}

// ICU's sentence rules break only after a terminal mark (. ! ? and the other
// Sentence_Terminal characters) or a paragraph separator: a text with neither
// (a name, a cue phrase) is one sentence, and needs no sentence pass. This
// keeps start-up, which segments every gazetteer alias, cheap.
bool MayEndSentence(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<uint8_t>(text[i]);
    if (b < 0x80) {
      if (b == '.' || b == '!' || b == '?' || b == '\n' || b == '\r' || b == '\v' || b == '\f') return true;
      ++i;
      continue;
    }
    const auto c = static_cast<UChar32>(NextCodePoint(text, &i));
    if (c == 0x85 || c == 0x2028 || c == 0x2029 || u_hasBinaryProperty(c, UCHAR_S_TERM) ||
        u_hasBinaryProperty(c, UCHAR_TERMINAL_PUNCTUATION)) {
      return true;
    }
  }
  return false;
}

// Whether the line break in `gap`, between tokens `before` and `after`, is
// a line wrapped inside a sentence (plain text wrapped at a width, a
// decision's layout): one line break, no blank line, a line that does not
// end with a mark that closes a sentence or a clause (. ! ? … : ; and the
// closing marks after them), and a next line that goes on in lower case
// (« Conseil\nd'État », « l'informatique\net des libertés ») or with a
// number after an abbreviation or a word in lower case (« article
// L.\n521-3 », « articles\n226-13 »).
// ICU breaks a sentence at every line break (a paragraph separator for it).
bool WrappedLine(std::string_view text, std::string_view gap, const Token& before, const Token& after) {
  int breaks = 0;
  for (size_t i = 0; i < gap.size(); ++i) {
    if (gap[i] == '\n' || (gap[i] == '\r' && (i + 1 == gap.size() || gap[i + 1] != '\n'))) ++breaks;
  }
  if (breaks != 1) return false;
  const bool word_before = before.kind == TokenKind::kWord || IsAbbreviation(before) ||
                           (before.kind == TokenKind::kPunct && text[before.byte_start] == ',');
  if (!word_before) return false;
  if (after.kind == TokenKind::kNumber) {
    if (IsAbbreviation(before)) return true;
    // After a word in lower case (« articles\n226-13 », « septembre\n2020 »),
    // unless the number opens a numbered paragraph (« Faits et
    // procédure\n1. », « 2) », « 3°/ »); a capital before it is a name
    // or a heading (« Mme A B\n431980 »).
    const char mark = after.byte_end < text.size() ? text[after.byte_end] : ' ';
    if (mark == '.' || mark == ')' || text.substr(after.byte_end).starts_with("°")) return false;
    size_t first = before.byte_start;
    return before.kind == TokenKind::kWord && u_islower(static_cast<UChar32>(NextCodePoint(text, &first)));
  }
  if (after.kind != TokenKind::kWord) return false;
  size_t at = after.byte_start;
  return u_islower(static_cast<UChar32>(NextCodePoint(text, &at)));
}

class SentenceRules {
 public:
  // `hints` are TokenBuilder's, for `tokens`.
  SentenceRules(std::string_view text, std::span<const Token> tokens, const SentenceHints& hints)
      : text_(text), words_(tokens), tokens_(tokens), classes_(SentenceClasses::Get()), hints_(hints) {
    // A space with a combining mark after it is a word token for the word
    // pass (WB4, or after a U+202F we split at) but a space for the
    // sentence rules (SB5): read it as part of the gap. Rare, so the tokens
    // are copied only when there is one.
    for (size_t k = 0; hints.may_have_blank && k < tokens.size(); ++k) {
      if (!IsBlank(k)) continue;
      for (size_t m = 0; m < tokens.size(); ++m) {
        if (m >= k && IsBlank(m)) continue;
        kept_.push_back(tokens[m]);
        original_.push_back(static_cast<uint32_t>(m));
      }
      tokens_ = kept_;
      break;
    }
  }

  // The tokens k (0 < k < size) before which UAX #29 puts a boundary.
  std::vector<uint32_t> BreakTokens() const {
    std::vector<uint32_t> out = BreakKeptTokens();
    if (original_.empty()) return out;
    // Among blank tokens, a boundary is right after each paragraph
    // separator (SB4), so it may open at a blank token; the others are
    // after every space, blank tokens included (SB11).
    std::vector<uint32_t> mapped;
    for (const uint32_t k : out) {
      if (!HasParaSep(Gap(k))) mapped.push_back(original_[k]);
    }
    for (uint32_t m = 1; m < words_.size(); ++m) {
      if (HasParaSep(text_.substr(words_[m - 1].byte_end, words_[m].byte_start - words_[m - 1].byte_end))) {
        mapped.push_back(m);
      }
    }
    std::sort(mapped.begin(), mapped.end());
    mapped.erase(std::unique(mapped.begin(), mapped.end()), mapped.end());
    return mapped;
  }

 private:
  // Whether word token k holds nothing but spaces, combining marks and
  // format characters, and opens with a space or follows one (SB5 makes
  // it a space).
  bool IsBlank(size_t k) const {
    const Token& t = words_[k];
    // most tokens: an ASCII character that is no space
    const auto first = static_cast<uint8_t>(text_[t.byte_start]);
    if (first < 0x80 && first != ' ' && first != '\t' && first != '\v' && first != '\f') return false;
    bool space = false;
    if (k > 0 && words_[k - 1].byte_end < t.byte_start) {
      size_t at = t.byte_start;
      space = classes_.Of(PrevCodePoint(text_, &at)) == U_SB_SP;
    }
    for (size_t b = t.byte_start; b < t.byte_end;) {
      const USentenceBreak sb = classes_.Of(NextCodePoint(text_, &b));
      if (sb == U_SB_SP) {
        space = true;
      } else if (!IsIgnored(sb) || !space) {
        return false;
      }
    }
    return space;
  }

  std::vector<uint32_t> BreakKeptTokens() const {
    std::vector<uint32_t> out;
    const size_t n = tokens_.size();
    // Only the hints' candidates can pass either test below; they index
    // words_, so serve only when no blank token was taken out.
    const std::vector<uint32_t>* candidates = kept_.empty() ? &hints_.candidates : nullptr;
    size_t c = 0;  // the first candidate not below i
    for (size_t i = 0; i + 1 < n;) {
      if (candidates != nullptr) {
        while (c < candidates->size() && (*candidates)[c] < i) ++c;
        if (c == candidates->size()) break;
        i = (*candidates)[c];
        if (i + 1 >= n) break;
      }
      if (HasParaSep(i + 1)) {  // SB4
        out.push_back(static_cast<uint32_t>(i + 1));
        ++i;
        continue;
      }
      USentenceBreak last_class = U_SB_OTHER;
      size_t before_last = 0;  // byte where the last non-ignored character starts
      if (!EndsWithTerminal(tokens_[i], &last_class, &before_last)) {
        ++i;
        continue;
      }
      // SATerm Close* (adjacent): SB9
      size_t j = i + 1;
      while (j < n && Gap(j).empty() && AllClose(tokens_[j])) ++j;
      if (j >= n) break;
      if (HasParaSep(j)) {  // SB11 with its paragraph separator, and SB4
        out.push_back(static_cast<uint32_t>(j));
        i = j;
        continue;
      }
      if (!Continues(i, j, last_class, before_last)) out.push_back(static_cast<uint32_t>(j));
      i = j;
    }
    return out;
  }

  std::string_view Gap(size_t k) const {
    return text_.substr(tokens_[k - 1].byte_end, tokens_[k].byte_start - tokens_[k - 1].byte_end);
  }
  bool HasParaSep(size_t k) const { return HasParaSep(Gap(k)); }
  bool HasParaSep(std::string_view gap) const {
    for (size_t b = 0; b < gap.size();) {
      const auto lead = static_cast<uint8_t>(gap[b]);
      if (lead < 0x80) {
        if (lead == '\n' || lead == '\r') return true;
        ++b;
        continue;
      }
      if (IsParaSep(classes_.Of(NextCodePoint(gap, &b)))) return true;
    }
    return false;
  }
  // Whether token t ends with STerm or ATerm (past Extend and Format);
  // its class and where it starts.
  bool EndsWithTerminal(const Token& t, USentenceBreak* last_class, size_t* at) const {
    const auto last_byte = static_cast<uint8_t>(text_[t.byte_end - 1]);
    if (last_byte < 0x80 && last_byte != '.' && last_byte != '!' && last_byte != '?') return false;
    size_t end = t.byte_end;
    while (end > t.byte_start) {
      const USentenceBreak sb = classes_.Of(PrevCodePoint(text_, &end));
      if (IsIgnored(sb)) continue;
      *last_class = sb;
      *at = end;
      return IsSATerm(sb);
    }
    return false;
  }
  bool AllClose(const Token& t) const {
    bool any = false;
    for (size_t b = t.byte_start; b < t.byte_end;) {
      const USentenceBreak sb = classes_.Of(NextCodePoint(text_, &b));
      if (IsIgnored(sb)) continue;
      if (sb != U_SB_CLOSE) return false;
      any = true;
    }
    return any;
  }
  // The class of the first character of token k that is not ignored.
  USentenceBreak FirstClass(size_t k) const {
    for (size_t b = tokens_[k].byte_start; b < tokens_[k].byte_end;) {
      const USentenceBreak sb = classes_.Of(NextCodePoint(text_, &b));
      if (!IsIgnored(sb)) return sb;
    }
    return U_SB_OTHER;
  }
  // Whether no boundary falls before token j, which follows the terminal
  // of token i, its Close tokens and the spaces before j (SB6-SB8a).
  bool Continues(size_t i, size_t j, USentenceBreak terminal, size_t terminal_at) const {
    const USentenceBreak next = FirstClass(j);
    if (next == U_SB_SCONTINUE || IsSATerm(next)) return true;  // SB8a
    if (terminal != U_SB_ATERM) return false;
    const bool adjacent = j == i + 1 && Gap(j).empty();
    if (adjacent && next == U_SB_NUMERIC) return true;  // SB6
    if (adjacent && next == U_SB_UPPER) {               // SB7: (Upper | Lower) ATerm × Upper
      const USentenceBreak before = ClassBefore(i, terminal_at);
      if (before == U_SB_UPPER || before == U_SB_LOWER) return true;
    }
    return LowerAhead(j);  // SB8
  }
  // The class of the character before byte `at` of token i (past Extend and
  // Format), reaching into the token before when adjacent.
  USentenceBreak ClassBefore(size_t i, size_t at) const {
    for (size_t k = i + 1; k-- > 0;) {
      const size_t start = tokens_[k].byte_start;
      if (k < i) {
        if (tokens_[k].byte_end != tokens_[k + 1].byte_start) return U_SB_SP;  // a gap: spaces
        at = tokens_[k].byte_end;
      }
      while (at > start) {
        const USentenceBreak sb = classes_.Of(PrevCodePoint(text_, &at));
        if (!IsIgnored(sb)) return sb;
      }
      if (start == 0) break;
    }
    return U_SB_OTHER;
  }
  // SB8: ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower:
  // whether the first letter, terminal or paragraph separator from token j
  // on is a lower-case letter. It stops at the next terminal, so the walks
  // of two terminals never overlap.
  bool LowerAhead(size_t j) const {
    for (size_t k = j; k < tokens_.size(); ++k) {
      if (k > j && HasParaSep(k)) return false;
      for (size_t b = tokens_[k].byte_start; b < tokens_[k].byte_end;) {
        const USentenceBreak sb = classes_.Of(NextCodePoint(text_, &b));
        if (sb == U_SB_LOWER) return true;
        if (sb == U_SB_OLETTER || sb == U_SB_UPPER || IsParaSep(sb) || IsSATerm(sb)) return false;
      }
    }
    return false;
  }

  std::string_view text_;
  std::span<const Token> words_;   // the word pass's tokens
  std::span<const Token> tokens_;  // words_, or kept_
  const SentenceClasses& classes_;
  const SentenceHints& hints_;
  std::vector<Token> kept_;          // the tokens but the blank ones, when there are any
  std::vector<uint32_t> original_;   // kept_ index -> index in the word pass's tokens
};

// ICU's sentence boundaries (byte offsets, the text's start and end among
// them): the oracle of SentenceRules.
std::vector<uint32_t> IcuSentenceBoundaries(std::string_view text) {
  std::vector<uint32_t> out;
  // ICU's iterator reads a UTF-16 copy of the text
  const icu::UnicodeString utf16 =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::BreakIterator& sentences = ThreadIterators().Sentences();
  sentences.setText(utf16);
  Utf16ToBytes to_bytes(text);
  for (int32_t b = sentences.first(); b != icu::BreakIterator::DONE; b = sentences.next()) {
    out.push_back(to_bytes(b));
  }
  // The iterator keeps a pointer to the copy: point it elsewhere before it goes.
  static const icu::UnicodeString kNothing;
  sentences.setText(kNothing);
  return out;
}

// The first token of every sentence but the first, in order: the
// boundaries of `breaks` without the false ones after abbreviations and
// initials, nor those of lines wrapped inside a sentence. `hints` are
// TokenBuilder's, for `tokens`.
std::vector<uint32_t> SentenceFirstTokens(std::string_view text, std::span<const Token> tokens,
                                          const SentenceHints& hints, SentenceBreaks breaks) {
  std::vector<uint32_t> firsts;
  if (!MayEndSentence(text)) return firsts;
  // A boundary as the token after it, which the rules below read (the first
  // that ends past it), and the token that opens its sentence (the first
  // that starts at or past it): one token, unless ICU's boundary falls
  // inside a token.
  struct Boundary {
    uint32_t next, first;
  };
  std::vector<Boundary> boundaries;
  const auto n = static_cast<uint32_t>(tokens.size());
  if (breaks == SentenceBreaks::kIcu) {
    uint32_t next = 0, first = 0;
    for (const uint32_t b : IcuSentenceBoundaries(text)) {
      while (next < n && tokens[next].byte_end <= b) ++next;
      while (first < n && tokens[first].byte_start < b) ++first;
      boundaries.push_back({next, first});
    }
  } else {
    for (const uint32_t k : SentenceRules(text, tokens, hints).BreakTokens()) boundaries.push_back({k, k});
  }
  const auto is_dots = [&](size_t k) {
    const char first = text[tokens[k].byte_start];
    if (first != '.' && first != '\xE2') return false;  // most tokens; "…" is E2 80 A6
    const std::string_view s = TokenText(text, tokens[k]);
    return s == "." || s == ".." || s == "..." || s == "…";
  };
  // The last token before `tok` that is not dots (0 when there is none),
  // looked for back from `tok` to the last boundary's: each token is read
  // once, where looking back from every boundary to the last word made
  // « .\n » repeated quadratic, since each line break is a boundary (issue 15).
  size_t last_not_dots = 0, looked_from = 0;
  for (const Boundary& boundary : boundaries) {
    const size_t tok = boundary.next;
    for (size_t k = tok; k > looked_from; --k) {
      if (!is_dots(k - 1)) {
        last_not_dots = k - 1;
        break;
      }
    }
    looked_from = std::max(looked_from, tok);
    if (tok > 0 && tok < n) {
      // "Mme B... I..., M. C..." (anonymised names): the ellipsis after an
      // initial does not end the sentence either.
      const bool initial_ellipsis = last_not_dots + 1 < tok && IsAbbreviation(tokens[last_not_dots]);
      const Token& before = tokens[tok - 1];
      const Token& after = tokens[tok];
      if (WrappedLine(text, text.substr(before.byte_end, after.byte_start - before.byte_end), before, after)) {
        continue;
      }
      // After an abbreviation, keep the break only when a line break
      // separates the two tokens.
      if ((IsAbbreviation(before) || initial_ellipsis) && !after.newline_before) continue;
    }
    if (boundary.first > 0 && boundary.first < n && (firsts.empty() || firsts.back() != boundary.first)) {
      firsts.push_back(boundary.first);
    }
  }
  return firsts;
}

// Segmentation::code_points_before: the code points before each block
// start, the last entry for the block the text's end falls in. Every byte
// but a continuation byte (10xxxxxx) starts a code point: a block's eight
// words mark theirs one bit a byte, summed lane by lane (at most 8 a lane)
// and across the lanes once a block, where a CountCodePoints call per block
// summed every word (issue 21).
std::vector<uint32_t> CodePointsBeforeBlocks(std::string_view text) {
  static_assert(kCodePointBlock == 64, "a block is eight words: a lane's sum stays below 256");
  const size_t blocks = text.size() / kCodePointBlock;
  std::vector<uint32_t> out(blocks + 1);
  uint32_t count = 0;
  for (size_t b = 0; b < blocks; ++b) {
    out[b] = count;
    const char* block = text.data() + b * kCodePointBlock;
    uint64_t lanes = 0;
    for (size_t k = 0; k < kCodePointBlock; k += 8) {
      uint64_t word;
      std::memcpy(&word, block + k, 8);
      lanes += (word & ~(word << 1) & (0x80 * kEveryByte)) >> 7;
    }
    count += static_cast<uint32_t>(kCodePointBlock - ((lanes * kEveryByte) >> 56));
  }
  out[blocks] = count;
  return out;
}

// Segmentation::sentences, each opening at the token `firsts` give (the
// first at token 0), and every token's sentence.
void NumberSentences(std::string_view text, const std::vector<uint32_t>& firsts, Segmentation* seg) {
  const auto n = static_cast<uint32_t>(seg->tokens.size());
  if (n == 0) return;
  seg->sentences.reserve(firsts.size() + 1);
  uint32_t first = 0;
  for (size_t i = 0; i <= firsts.size(); ++i) {
    const uint32_t end = i < firsts.size() ? firsts[i] : n;
    const auto number = static_cast<uint32_t>(i);
    for (uint32_t k = first; k < end; ++k) seg->tokens[k].sentence = number;
    Sentence s;
    s.first_token = first;
    s.end_token = end;
    s.byte_start = seg->tokens[first].byte_start;
    s.byte_end = seg->tokens[end - 1].byte_end;
    s.start = CodePointStart(text, *seg, seg->tokens[first]);
    s.end = CodePointEnd(text, *seg, seg->tokens[end - 1]);
    seg->sentences.push_back(s);
    first = end;
  }
}

}  // namespace

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSymbol: return "symbol";
  }
  return "word";
}

namespace {

Segmentation SegmentWith(std::string_view text, const Abbreviations& abbreviations, SentenceBreaks breaks,
                         const Vocabulary* vocabulary, TokenIds* ids) {
  Segmentation seg;
  if (text.empty()) return seg;
  TokenBuilder builder(text, abbreviations, &seg, vocabulary, ids);
  WordTokens(text, &builder);
  const SentenceHints hints = builder.Finish();
  const std::vector<uint32_t> firsts = SentenceFirstTokens(text, seg.tokens, hints, breaks);
  seg.code_points_before = CodePointsBeforeBlocks(text);
  NumberSentences(text, firsts, &seg);
  return seg;
}

}  // namespace

Segmentation Segment(std::string_view text, const Abbreviations& abbreviations, SentenceBreaks breaks) {
  return SegmentWith(text, abbreviations, breaks, nullptr, nullptr);
}

Segmentation Segment(std::string_view text, const Abbreviations& abbreviations, const Vocabulary& vocabulary,
                     TokenIds* ids) {
  *ids = TokenIds{};
  return SegmentWith(text, abbreviations, SentenceBreaks::kFromTokens, &vocabulary, ids);
}

uint32_t CodePointOffsetFromStart(std::string_view text, uint32_t byte) {
  return static_cast<uint32_t>(CountCodePoints(text.substr(0, byte)));
}

}  // namespace lexfr
