#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <unordered_set>

#include "text/text_util.h"

namespace lexfr {
namespace {

struct RawToken {
  uint32_t byte_start, byte_end;
  TokenKind kind;
  bool abbreviation;  // keeps its period; never ends a sentence
};

// One pair of ICU iterators per thread: creating them costs far more than
// resetting their text.
struct Iterators {
  std::unique_ptr<icu::BreakIterator> words, sentences;
};

Iterators& ThreadIterators() {
  thread_local Iterators it = [] {
    UErrorCode err = U_ZERO_ERROR;
    Iterators i;
    i.words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), err));
    i.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getFrench(), err));
    return i;
  }();
  return it;
}

// Whether a gap between tokens holds a line break. Gaps are a space or two:
// a loop, where find_first_of called memchr once per byte of the gap.
bool HasLineBreak(std::string_view gap) {
  for (const char c : gap) {
    if (c == '\n' || c == '\r') return true;
  }
  return false;
}

// Whether a gap between tokens is one line break inside a paragraph, as PDF
// layout and hard-wrapped text put them: « Conseil\nd'État », « article L.\n
// 521-3 »; not a blank line.
bool IsSingleLineBreak(std::string_view gap) {
  int breaks = 0;
  for (size_t i = 0; i < gap.size(); ++i) {
    if (gap[i] == '\n' || (gap[i] == '\r' && !(i + 1 < gap.size() && gap[i + 1] == '\n'))) ++breaks;
    if (gap[i] == '\f' || gap[i] == '\v') return false;
  }
  return breaks == 1;
}

// Whether the token in `text` goes on the sentence before a single line
// break: it starts with a lower-case letter or a digit (« d'État », « et
// des libertés », « 521-3 »), and the token before ends with no mark that
// ends a sentence or opens a list (« . », « : », « ; »).
bool ContinuesLine(std::string_view text, const RawToken& before, const RawToken& next) {
  if (before.kind == TokenKind::kPunct || before.kind == TokenKind::kSymbol) return false;
  if (!before.abbreviation && text[before.byte_end - 1] == '.') return false;
  const auto first = static_cast<uint8_t>(text[next.byte_start]);
  if (first >= '0' && first <= '9') return next.kind == TokenKind::kNumber;
  if (first >= 'a' && first <= 'z') return true;
  if (first < 0x80) return false;
  size_t at = next.byte_start;
  const auto c = static_cast<UChar32>(NextCodePoint(text, &at));
  return u_islower(c);
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

bool IsSpaceOnly(std::string_view s) {
  // Most pieces are words: an ASCII first byte answers without ICU.
  const auto first = static_cast<uint8_t>(s[0]);
  if (first < 0x80) {
    if (first != ' ' && first != '\t' && first != '\n' && first != '\r' && first != '\f' && first != '\v') return false;
  }
  for (size_t i = 0; i < s.size();) {
    if (!u_isUWhiteSpace(static_cast<UChar32>(NextCodePoint(s, &i)))) return false;
  }
  return true;
}

TokenKind KindOf(std::string_view s, int32_t rule_status) {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::kNumber;
  if (rule_status >= UBRK_WORD_LETTER) {
    return (s[0] >= '0' && s[0] <= '9') ? TokenKind::kNumber : TokenKind::kWord;
  }
  size_t i = 0;
  const auto c = static_cast<UChar32>(NextCodePoint(s, &i));
  if (u_isalpha(c)) return TokenKind::kWord;  // e.g. "º"
  return u_ispunct(c) ? TokenKind::kPunct : TokenKind::kSymbol;
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
  // The longest prefix is "quoiqu" + "’": no apostrophe in the first 9 bytes,
  // no elision (the common case, answered without trying 13 prefixes).
  const std::string_view head = word.substr(0, 9);
  if (head.find('\'') == std::string_view::npos && head.find("\u2019") == std::string_view::npos &&
      head.find("\u02BC") == std::string_view::npos) {
    return 0;
  }
  for (std::string_view p : kElidingWords) {
    if (word.size() <= p.size()) continue;
    bool same = true;
    for (size_t k = 0; k < p.size() && same; ++k) same = (word[k] | 0x20) == p[k];
    if (!same) continue;
    const std::string_view rest = word.substr(p.size());
    size_t apostrophe = 0;
    if (rest.starts_with("'")) apostrophe = 1;
    if (rest.starts_with("\u2019") || rest.starts_with("\u02BC")) apostrophe = rest.starts_with("\u2019") ? 3 : 2;
    if (apostrophe != 0 && rest.size() > apostrophe) return p.size() + apostrophe;
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


// Appends the token `piece` starting at byte `at`, split after a French
// elided prefix ("l’" + "Internet").
void PushWord(size_t at, std::string_view piece, TokenKind kind, std::vector<RawToken>* out) {
  const auto start = static_cast<uint32_t>(at);
  const auto end = static_cast<uint32_t>(at + piece.size());
  if (kind == TokenKind::kWord) {
    if (size_t n = ElisionLength(piece)) {
      const std::string_view rest = piece.substr(n);
      out->push_back({start, static_cast<uint32_t>(start + n), TokenKind::kWord, false});
      out->push_back({static_cast<uint32_t>(start + n), end,
                      (rest[0] >= '0' && rest[0] <= '9') ? TokenKind::kNumber : TokenKind::kWord, false});
      return;
    }
  }
  out->push_back({start, end, kind, false});
}

// Maps increasing UTF-16 offsets of the text's UTF-16 copy back to byte
// offsets of its (valid) UTF-8, walking forward only.
class Utf16ToBytes {
 public:
  explicit Utf16ToBytes(std::string_view text) : text_(text) {}
  int32_t operator()(int32_t utf16) {
    while (utf16_ < utf16 && byte_ < text_.size()) {
      const auto lead = static_cast<uint8_t>(text_[byte_]);
      const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      byte_ += length;
      utf16_ += length == 4 ? 2 : 1;  // a supplementary character is a surrogate pair
    }
    return static_cast<int32_t>(byte_);
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;
  int32_t utf16_ = 0;
};

// The break iterators run over a UTF-16 copy of the text: ICU reads UTF-16
// directly, whereas over UTF-8 its UText provider converts chunk by chunk (a
// third of the cost of the word pass on top of the rules; issue 7). The copy
// lives only while Segment() runs.
std::vector<RawToken> WordTokens(std::string_view text, const icu::UnicodeString& utf16) {
  std::vector<RawToken> out;
  // A token is at least a byte and most have a space after them: room for
  // the densest text (« a a a … ») is only address space until written, where
  // growing by doubling copied and faulted in every page again.
  out.reserve(text.size() / 2 + 8);
  icu::BreakIterator& words = *ThreadIterators().words;
  words.setText(utf16);
  Utf16ToBytes to_bytes(text);
  int32_t prev = to_bytes(words.first());
  for (int32_t b = words.next(), next = 0; b != icu::BreakIterator::DONE; prev = next, b = words.next()) {
    next = to_bytes(b);
    const std::string_view piece = text.substr(prev, next - prev);
    if (IsSpaceOnly(piece)) continue;
    const int32_t status = words.getRuleStatus();
    // ICU joins words across U+202F (it counts as ExtendNumLet), but French
    // typography puts that narrow space before « : ; % € » and between a
    // preposition and a number: split there; MergeTokens rejoins digit
    // groups such as "150 000".
    if (HasNarrowNoBreakSpace(piece)) {
      size_t from = 0;
      for (;;) {
        const size_t at = piece.find(kNarrowNoBreakSpace, from);
        const std::string_view part = piece.substr(from, at == std::string_view::npos ? at : at - from);
        if (!part.empty()) {
          const bool digit = part[0] >= '0' && part[0] <= '9';
          PushWord(prev + from, part, digit ? TokenKind::kNumber : KindOf(part, UBRK_WORD_NONE), &out);
        }
        if (at == std::string_view::npos) break;
        from = at + kNarrowNoBreakSpace.size();
      }
      continue;
    }
    PushWord(prev, piece, KindOf(piece, status), &out);
  }
  return out;
}

// Merges what ICU splits but a French reader reads as one token.
std::vector<RawToken> MergeTokens(std::string_view text, const Abbreviations& abbreviations,
                                  std::vector<RawToken> raw) {
  const auto str = [&](const RawToken& t) { return text.substr(t.byte_start, t.byte_end - t.byte_start); };
  std::vector<RawToken> out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    RawToken t = raw[i];
    const bool has_next = i + 1 < raw.size();
    const bool next_adjacent = has_next && raw[i + 1].byte_start == t.byte_end;
    const std::string_view s = str(t);
    if (t.kind == TokenKind::kWord && next_adjacent && str(raw[i + 1]) == "." &&
        (abbreviations.contains(s) || (IsUpperInitial(s) && CountCodePoints(s) == 1) ||
         (s.find('.') != std::string_view::npos && IsAllUpper(s)))) {
      t.byte_end = raw[++i].byte_end;  // "M" + "." -> "M.", "J.O" + "." -> "J.O."
      t.abbreviation = true;
    } else if (t.kind == TokenKind::kWord && (s == "n" || s == "N") && next_adjacent && str(raw[i + 1]) == "°") {
      t.byte_end = raw[++i].byte_end;  // "n" + "°" -> "n°"
      t.abbreviation = true;
    } else if (t.kind == TokenKind::kNumber && s.size() <= 3 && IsAsciiDigits(s)) {
      // "150" + " " + "000" -> "150 000"; every further group must have 3
      // digits, and none follows a decimal comma. Whether one came is kept
      // as the groups join: searching the merged number for it at every
      // group made « 999 999 999 … » quadratic (issue 15).
      bool decimal_comma = false;
      while (!decimal_comma && i + 1 < raw.size() && raw[i + 1].kind == TokenKind::kNumber &&
             IsGroupSeparator(text.substr(t.byte_end, raw[i + 1].byte_start - t.byte_end)) &&
             IsThousandsGroup(str(raw[i + 1]))) {
        t.byte_end = raw[++i].byte_end;
        decimal_comma = str(raw[i]).find(',') != std::string_view::npos;
      }
    }
    out.push_back(t);
  }
  return out;
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

// Sentence starts (byte offsets) from ICU, without the false breaks after
// abbreviations and initials.
std::vector<uint32_t> SentenceStarts(std::string_view text, const icu::UnicodeString& utf16,
                                     const std::vector<RawToken>& tokens) {
  std::vector<uint32_t> starts;
  if (!MayEndSentence(text)) return starts;
  icu::BreakIterator& sentences = *ThreadIterators().sentences;
  sentences.setText(utf16);
  Utf16ToBytes to_bytes(text);
  const auto is_dots = [&](size_t k) {
    const char first = text[tokens[k].byte_start];
    if (first != '.' && first != '\xE2') return false;  // most tokens; "…" is E2 80 A6
    const std::string_view s = text.substr(tokens[k].byte_start, tokens[k].byte_end - tokens[k].byte_start);
    return s == "." || s == ".." || s == "..." || s == "…";
  };
  size_t tok = 0;
  // The last token before `tok` that is not dots (0 when there is none),
  // kept as `tok` moves on: looking back from every boundary made « .\n »
  // repeated quadratic, since each line break is a boundary (issue 15).
  size_t last_not_dots = 0;
  for (int32_t b = sentences.first(); b != icu::BreakIterator::DONE; b = sentences.next()) {
    const auto boundary = static_cast<uint32_t>(to_bytes(b));
    for (; tok < tokens.size() && tokens[tok].byte_end <= boundary; ++tok) {
      if (!is_dots(tok)) last_not_dots = tok;
    }
    // "Mme B... I..., M. C..." (anonymised names): the ellipsis after an
    // initial does not end the sentence either.
    bool initial_ellipsis = false;
    if (tok > 0 && tok < tokens.size()) {
      const size_t k = last_not_dots;
      initial_ellipsis = k + 1 < tok && tokens[k].abbreviation;
    }
    if (tok > 0 && tok < tokens.size() &&
        IsSingleLineBreak(text.substr(tokens[tok - 1].byte_end, tokens[tok].byte_start - tokens[tok - 1].byte_end)) &&
        ContinuesLine(text, tokens[tok - 1], tokens[tok])) {
      continue;  // a line wrapped inside a sentence
    }
    if (tok > 0 && tok < tokens.size() && (tokens[tok - 1].abbreviation || initial_ellipsis)) {
      // Keep the break only when a line break separates the two tokens.
      const std::string_view gap =
          text.substr(tokens[tok - 1].byte_end, tokens[tok].byte_start - tokens[tok - 1].byte_end);
      if (!HasLineBreak(gap)) continue;
    }
    starts.push_back(boundary);
  }
  return starts;
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

Segmentation Segment(std::string_view text, const Abbreviations& abbreviations) {
  Segmentation seg;
  if (text.empty()) return seg;
  std::vector<RawToken> raw;
  std::vector<uint32_t> starts;
  {
    const icu::UnicodeString utf16 =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    raw = MergeTokens(text, abbreviations, WordTokens(text, utf16));
    starts = SentenceStarts(text, utf16, raw);
    // The iterators keep a pointer to the copy: point them elsewhere before
    // it goes.
    static const icu::UnicodeString kNothing;
    ThreadIterators().words->setText(kNothing);
    ThreadIterators().sentences->setText(kNothing);
  }

  seg.tokens.reserve(raw.size());
  uint32_t byte_pos = 0, cp_pos = 0;
  const auto advance_to = [&](uint32_t byte) {
    for (; byte_pos < byte; ++byte_pos) cp_pos += (static_cast<uint8_t>(text[byte_pos]) & 0xC0) != 0x80;
    return cp_pos;
  };
  size_t next_start = 0;  // index into starts of the next sentence start
  uint32_t prev_end = 0;
  for (const RawToken& r : raw) {
    bool new_sentence = seg.sentences.empty();
    while (next_start < starts.size() && starts[next_start] <= r.byte_start) {
      new_sentence = true;
      ++next_start;
    }
    if (new_sentence) {
      if (!seg.sentences.empty()) seg.sentences.back().end_token = static_cast<uint32_t>(seg.tokens.size());
      Sentence s;
      s.first_token = static_cast<uint32_t>(seg.tokens.size());
      seg.sentences.push_back(s);
    }
    Token t;
    t.byte_start = r.byte_start;
    t.byte_end = r.byte_end;
    t.start = advance_to(r.byte_start);
    t.end = advance_to(r.byte_end);
    t.kind = r.kind;
    t.sentence = static_cast<uint32_t>(seg.sentences.size() - 1);
    const std::string_view gap = text.substr(prev_end, r.byte_start - prev_end);
    t.space_before = !gap.empty();
    t.newline_before = HasLineBreak(gap);
    prev_end = r.byte_end;
    seg.tokens.push_back(t);
  }
  if (!seg.sentences.empty()) seg.sentences.back().end_token = static_cast<uint32_t>(seg.tokens.size());
  seg.folded.reserve(text.size());
  seg.folded_end.reserve(seg.tokens.size());
  for (const Token& t : seg.tokens) {
    FoldAppend(TokenText(text, t), &seg.folded);
    seg.folded_end.push_back(static_cast<uint32_t>(seg.folded.size()));
  }
  for (Sentence& s : seg.sentences) {
    const Token& first = seg.tokens[s.first_token];
    const Token& last = seg.tokens[s.end_token - 1];
    s.byte_start = first.byte_start;
    s.byte_end = last.byte_end;
    s.start = first.start;
    s.end = last.end;
  }
  return seg;
}

}  // namespace lexfr
