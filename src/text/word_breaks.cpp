#include "text/word_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>

#include <array>
#include <cstddef>

namespace lexfr {
namespace {

// The UAX #29 word-break classes of the characters the fast path knows;
// kHard for every other, which ICU cuts.
enum Cls : uint8_t { kSpace, kLetter, kDigit, kMidNumLet, kMidNum, kOther, kHard };

// ASCII by byte. Tab and the line breaks are kSpace here: nothing joins
// across them, like the space (WB3a, WB3b, WB999).
constexpr std::array<Cls, 128> AsciiClasses() {
  std::array<Cls, 128> c{};
  for (int b = 0; b < 128; ++b) c[b] = b < 0x20 || b == 0x7F ? kHard : kOther;
  for (char b : {' ', '\t', '\n', '\r', '\f', '\v'}) c[static_cast<uint8_t>(b)] = kSpace;
  for (int b = 'a'; b <= 'z'; ++b) c[b] = kLetter;
  for (int b = 'A'; b <= 'Z'; ++b) c[b] = kLetter;
  for (int b = '0'; b <= '9'; ++b) c[b] = kDigit;
  c['.'] = kMidNumLet;
  c['\''] = kMidNumLet;  // Single_Quote: between letters or digits as MidNumLet (WB6, WB7, WB11, WB12)
  c[','] = kMidNum;
  c[';'] = kMidNum;
  // « : » stays kOther: ICU's root rules take it out of MidLetter (« a:b »
  // is three pieces).
  c['_'] = kHard;  // ExtendNumLet (WB13a, WB13b): left to ICU
  c['@'] = kHard;  // ICU joins it to the letters after it (« @ref »): left to ICU
  return c;
}
constexpr std::array<Cls, 128> kAscii = AsciiClasses();

// Every byte by whether it is an ASCII letter or digit (kLetter, kDigit), or
// ASCII whitespace (kSpace); kOther for any other, all bytes beyond ASCII
// among them: the loops over most of a text's bytes read one table, with
// no test of the byte's range first.
constexpr std::array<Cls, 256> ByteClasses() {
  std::array<Cls, 256> c{};
  for (int b = 0; b < 256; ++b) {
    const Cls ascii = b < 128 ? kAscii[b] : kOther;
    c[b] = ascii == kLetter || ascii == kDigit || ascii == kSpace ? ascii : kOther;
  }
  return c;
}
constexpr std::array<Cls, 256> kByteClass = ByteClasses();

// Every byte by whether it is an ASCII letter or digit.
constexpr std::array<bool, 256> AsciiLettersAndDigits() {
  std::array<bool, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = kByteClass[b] == kLetter || kByteClass[b] == kDigit;
  return t;
}
constexpr std::array<bool, 256> kAsciiLetterOrDigit = AsciiLettersAndDigits();

// Where the run of ASCII letters and digits from `at` ends. Eight bytes a
// step while the text has them: a byte costs a table read and a test, where
// the bound and the step at every byte cost as much again (issue 21).
size_t AsciiLetterOrDigitRunEnd(std::string_view text, size_t at) {
  const auto letter_or_digit = [&](size_t k) { return kAsciiLetterOrDigit[static_cast<uint8_t>(text[k])]; };
  for (; at + 8 <= text.size(); at += 8) {
    if (!letter_or_digit(at)) return at;
    if (!letter_or_digit(at + 1)) return at + 1;
    if (!letter_or_digit(at + 2)) return at + 2;
    if (!letter_or_digit(at + 3)) return at + 3;
    if (!letter_or_digit(at + 4)) return at + 4;
    if (!letter_or_digit(at + 5)) return at + 5;
    if (!letter_or_digit(at + 6)) return at + 6;
    if (!letter_or_digit(at + 7)) return at + 7;
  }
  while (at < text.size() && letter_or_digit(at)) ++at;
  return at;
}

// The class of the character at `at`, not ASCII, whose bytes
// (WideLength) are in the text.
Cls WideClassAt(std::string_view text, size_t at) {
  const auto b = static_cast<uint8_t>(text[at]);
  const auto next = [&](size_t k) { return at + k < text.size() ? static_cast<uint8_t>(text[at + k]) : 0; };
  if (b >= 0xC3 && b <= 0xC8) {
    // U+00C0..U+023F: the accented Latin letters, but « × » and « ÷ »
    return b == 0xC3 && (next(1) == 0x97 || next(1) == 0xB7) ? kOther : kLetter;
  }
  if (b == 0xC2) {
    switch (next(1)) {
      case 0xA0:  // no-break space
      case 0xA7:  // §
      case 0xAB:  // «
      case 0xB0:  // °
      case 0xBB:  // »
        return kOther;
      default:
        return kHard;
    }
  }
  if (b == 0xE2) {
    const uint8_t b1 = next(1), b2 = next(2);
    if (b1 == 0x80) {
      switch (b2) {
        case 0x98:  // ‘
        case 0x99:  // ’
          return kMidNumLet;
        case 0x93:  // –
        case 0x94:  // —
        case 0x9C:  // “
        case 0x9D:  // ”
        case 0xA6:  // …
          return kOther;
        default:
          return kHard;
      }
    }
    if (b1 == 0x82 && b2 == 0xAC) return kOther;  // €
    return kHard;
  }
  return kHard;
}

// The length WideClassAt gives the character whose lead byte is `lead`:
// that of the characters it knows, 1 for the others, which ICU cuts.
inline size_t WideLength(uint8_t lead) { return lead == 0xE2 ? 3 : lead >= 0xC2 && lead <= 0xC8 ? 2 : 1; }

// The class of the character at `at` and its length in bytes; past the
// end, a space. WideClassAt is given no pointer to *length, which then
// stays in a register of the inlined callers (issue 21).
inline Cls ClassAt(std::string_view text, size_t at, size_t* length) {
  *length = 1;
  if (at >= text.size()) return kSpace;
  const auto b = static_cast<uint8_t>(text[at]);
  if (b < 0x80) return kAscii[b];
  const size_t wide = WideLength(b);
  if (at + wide > text.size()) {  // cut short: not valid UTF-8, which ICU copes with
    *length = text.size() - at;
    return kHard;
  }
  *length = wide;
  return WideClassAt(text, at);
}

bool JoinsLetters(Cls c) { return c == kMidNumLet; }  // WB6, WB7 (no MidLetter is known here)
bool JoinsDigits(Cls c) { return c == kMidNum || c == kMidNumLet; }      // WB11, WB12

// Cuts the stretch from `from` to the next space or the end, and sets
// *end there; false, with the pieces half made, at its first unknown
// character.
bool FastPieces(std::string_view text, size_t from, std::vector<WordPiece>* out, size_t* end) {
  size_t i = from;
  // The class of the character at i and its length: a word's loop ends
  // having read the character after it, which is not read again.
  size_t length = 0;
  Cls c = ClassAt(text, i, &length);
  for (;;) {
    if (c != kLetter && c != kDigit) {  // most pieces are words: one test for them
      if (c == kSpace) break;
      if (c == kHard) return false;
      out->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + length), UBRK_WORD_NONE, PieceOrigin::kFast});
      i += length;
      c = ClassAt(text, i, &length);
      continue;
    }
    Cls last = c;
    bool joined = false;
    size_t j = i + length;
    Cls after = kSpace;  // the class of the character at j once the word ends, and its length
    size_t after_length = 1;
    for (;;) {
      // Most of a word is ASCII letters and digits: read them without the
      // general class lookup and its length.
      const size_t ascii_from = j;
      j = AsciiLetterOrDigitRunEnd(text, j);
      if (j > ascii_from) last = kByteClass[static_cast<uint8_t>(text[j - 1])];
      size_t l2 = 0;
      const Cls c2 = ClassAt(text, j, &l2);
      if (c2 == kLetter || c2 == kDigit) {  // WB5, WB8, WB9, WB10
        last = c2;
        j += l2;
        continue;
      }
      after = c2;
      after_length = l2;
      if (c2 != kMidNumLet && c2 != kMidNum) break;
      size_t l3 = 0;
      const Cls c3 = ClassAt(text, j + l2, &l3);
      const bool joins = (last == kLetter && c3 == kLetter && JoinsLetters(c2)) ||
                         (last == kDigit && c3 == kDigit && JoinsDigits(c2));
      if (!joins) break;
      joined = true;
      last = c3;
      j += l2 + l3;
    }
    // ICU's status is its last rule's: a piece that ends with a digit is a
    // number (« Pluche434633 », « A380 »), one that ends with a letter a word
    // (« 1er »)
    out->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), last == kLetter ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER,
                    joined ? PieceOrigin::kJoined : PieceOrigin::kFast});
    i = j;
    c = after;
    length = after_length;
  }
  *end = i;
  return true;
}

// ICU's pieces of [from, to), whose ends are boundaries in the whole text.
void IcuPieces(std::string_view text, size_t from, size_t to, icu::BreakIterator& words,
               std::vector<WordPiece>* out) {
  const std::string_view region = text.substr(from, to - from);
  const icu::UnicodeString utf16 =
      icu::UnicodeString::fromUTF8(icu::StringPiece(region.data(), static_cast<int32_t>(region.size())));
  words.setText(utf16);
  Utf16ToBytes to_bytes(region);
  const auto to_byte = [&](int32_t utf16_offset) { return static_cast<uint32_t>(from + to_bytes(utf16_offset)); };
  uint32_t prev = to_byte(words.first());
  for (int32_t b = words.next(); b != icu::BreakIterator::DONE; b = words.next()) {
    const uint32_t next = to_byte(b);
    out->push_back({prev, next, words.getRuleStatus(), PieceOrigin::kIcu});
    prev = next;
  }
  // The iterator keeps a pointer to the copy: point it elsewhere before it goes.
  static const icu::UnicodeString kNothing;
  words.setText(kNothing);
}

}  // namespace

void ForEachWordPieces(std::string_view text, icu::BreakIterator& icu_words, WordBreaker breaker,
                       const std::function<void(std::span<const WordPiece>)>& take) {
  std::vector<WordPiece> out;
  if (breaker == WordBreaker::kIcuOnly) {
    if (!text.empty()) IcuPieces(text, 0, text.size(), icu_words, &out);
    if (!out.empty()) take(out);
    return;
  }
  out.reserve(kPieceBatch + 256);
  // Stretches between runs of whitespace; a run of stretches with unknown
  // characters goes to ICU with the whitespace before and after it (a
  // combining mark after a space joins the space, WB4).
  const size_t n = text.size();
  size_t i = 0, icu_from = SIZE_MAX;
  std::vector<WordPiece> held;  // a known stretch's pieces, while ICU cuts the stretches before it
  while (i < n) {
    const size_t space_from = i;
    // most stretches end before one space and the next word: no loop then
    if (i + 1 < n && text[i] == ' ' && kByteClass[static_cast<uint8_t>(text[i + 1])] != kSpace) {
      ++i;
    } else {
      while (i < n && kByteClass[static_cast<uint8_t>(text[i])] == kSpace) ++i;
    }
    const size_t stretch_from = i, first_piece = out.size();
    size_t end = 0;
    if (!FastPieces(text, stretch_from, &out, &end)) {
      out.resize(first_piece);
      if (icu_from == SIZE_MAX) icu_from = space_from;
      size_t length = 0;
      while (ClassAt(text, i, &length) != kSpace) i += length;
      continue;
    }
    i = end;
    if (icu_from != SIZE_MAX) {
      // the whitespace after the unknown stretches is ICU's too; their
      // pieces come first
      held.assign(out.begin() + static_cast<std::ptrdiff_t>(first_piece), out.end());
      out.resize(first_piece);
      IcuPieces(text, icu_from, stretch_from, icu_words, &out);
      out.insert(out.end(), held.begin(), held.end());
      icu_from = SIZE_MAX;
    }
    // every piece so far is final: no stretch waits for ICU
    if (out.size() >= kPieceBatch) {
      take(out);
      out.clear();
    }
  }
  if (icu_from != SIZE_MAX) IcuPieces(text, icu_from, n, icu_words, &out);
  if (!out.empty()) take(out);
}

std::vector<WordPiece> WordPieces(std::string_view text, icu::BreakIterator& icu_words, WordBreaker breaker) {
  std::vector<WordPiece> all;
  ForEachWordPieces(text, icu_words, breaker,
                    [&](std::span<const WordPiece> batch) { all.insert(all.end(), batch.begin(), batch.end()); });
  return all;
}

}  // namespace lexfr
