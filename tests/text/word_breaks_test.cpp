// The word pieces cut without ICU must be ICU's, piece for piece and status
// for status, wherever a token can come from (whitespace aside).
#include "text/word_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>

#include <catch2/catch.hpp>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "test_support.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

icu::BreakIterator& FrenchWords() {
  static std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), err));
    REQUIRE(U_SUCCESS(err));
    return it;
  }();
  return *words;
}

bool AsciiSpaceOnly(std::string_view s) { return s.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos; }

// The pieces as "text|status" lines, ASCII whitespace left out.
std::string Pieces(const std::string& text, WordBreaker breaker) {
  std::string out;
  for (const WordPiece& p : WordPieces(text, FrenchWords(), breaker)) {
    const std::string_view piece = std::string_view(text).substr(p.start, p.end - p.start);
    if (AsciiSpaceOnly(piece)) continue;
    out.append(piece).append("|").append(std::to_string(p.status)).append("\n");
  }
  return out;
}

// The first line where two piece lists part, with the line before it.
std::string FirstDifference(const std::string& a, const std::string& b) {
  size_t at = 0;
  while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
  const size_t from = a.rfind('\n', at == 0 ? 0 : at - 1);
  const size_t line = from == std::string::npos ? 0 : a.rfind('\n', from == 0 ? 0 : from - 1);
  const size_t start = line == std::string::npos ? 0 : line;
  return "fast: " + a.substr(start, 60) + "\nICU:  " + b.substr(start, 60);
}

void CheckSame(const std::string& text) {
  const std::string fast = Pieces(text, WordBreaker::kFastPath), icu = Pieces(text, WordBreaker::kIcuOnly);
  INFO("text: " << text.substr(0, 300));
  INFO(FirstDifference(fast, icu));
  CHECK(fast == icu);
}

}  // namespace

TEST_CASE("word pieces: the fast path cuts as ICU does, probed", "[segment]") {
  for (const char* text : {
           "l'article L. 1111-8 du code, « aujourd’hui » : 3,5 % et 1.500.000 € ; A380, 1er, 2e",
           "www.cnil.fr a.b 1.a a1.5 3'5 a:b 12:30 a,b 1,5 a;b 1;2 ×÷ n° § x–y — … “z”",
           "e\u0301te\u0301 a_b x\u00ADy 150\u202F000 \u00A0; 日本語 ÀÉÎÕÜ œuvre Ǆ",
           "  \t\n", "", "a", "1", ".", "’", "a’", "’a", "1.", ".1", "a..b", "a.'b",
       }) {
    CheckSame(text);
  }
}

TEST_CASE("word pieces: a character cut short at the end stays inside the text", "[segment]") {
  // Segment() is given valid UTF-8; the pieces must still end inside any text.
  for (const std::string& text : {std::string("abc \xC3"), std::string("abc \xE2\x80"), std::string("\xE2")}) {
    for (const WordPiece& p : WordPieces(text, FrenchWords())) {
      CHECK(p.start < p.end);
      CHECK(p.end <= text.size());
    }
  }
}

TEST_CASE("word pieces: the fast path cuts as ICU does on the corpus and the case tables", "[segment]") {
  const std::vector<std::string> texts = CorpusAndCaseTexts();
  REQUIRE(texts.size() > 100);
  for (const std::string& text : texts) CheckSame(text);
}

// The segmenter reads a piece's origin instead of its bytes (segment.cpp
// BytesOfPiece, WordTokens): what the origin says must hold of the bytes.
void CheckOrigins(const std::string& text) {
  INFO("text: " << text.substr(0, 300));
  for (const WordPiece& p : WordPieces(text, FrenchWords())) {
    if (p.origin == PieceOrigin::kIcu) continue;
    const std::string_view piece = std::string_view(text).substr(p.start, p.end - p.start);
    INFO("piece: " << piece);
    if (p.status == UBRK_WORD_NONE) {  // a sign: one character
      CHECK(p.origin == PieceOrigin::kFast);
      size_t i = 0;
      NextCodePoint(piece, &i);
      CHECK(i == piece.size());
      continue;
    }
    bool marks = false, space = false;  // « . » « ' » and the lead bytes of ’ ‘ ʼ; whitespace
    for (size_t i = 0; i < piece.size();) {
      const char c = piece[i];
      marks = marks || c == '.' || c == '\'' || c == '\xE2' || c == '\xCA';
      space = space || u_isUWhiteSpace(static_cast<UChar32>(NextCodePoint(piece, &i)));
    }
    CHECK_FALSE(space);
    if (p.origin == PieceOrigin::kFast) CHECK_FALSE(marks);
  }
}

TEST_CASE("word pieces: a piece the fast path cuts tells what its bytes hold", "[segment]") {
  for (const std::string& text : CorpusAndCaseTexts()) CheckOrigins(text);
  CheckOrigins("l’Internet 1.500 a.b d'un 3,5 « \u00A0» ’ … x–y aujourd‘hui");
}

TEST_CASE("word pieces: the fast path cuts as ICU does on random strings of edge characters", "[segment]") {
  // Each known class, its neighbours in the rules, and characters the fast
  // path must hand to ICU (a combining mark, U+202F, « _ », a soft hyphen).
  const std::vector<std::string> alphabet = {
      "a", "Z", "é", "É", "ç", "œ", "Ǆ", "1", "0", ".", ",", ";", ":", "'", "’", "‘", "-", "_", " ", "  ", "\n",
      "\r\n", "\t", "«", "»", "\u00A0", "\u202F", "€", "°", "§", "×", "÷", "(", ")", "/", "…", "–", "—", "“", "”",
      "\u0301", "\u00AD", "!", "?", "@", "%", "&", "+", "\"", "ª", "²", "·", "日", "\U0001F600", "#", "$", "*", "<",
      "=", ">", "[", "\\", "]", "^", "`", "{", "|", "}", "~", "\x01"};
  std::mt19937 random(20261207);
  std::uniform_int_distribution<size_t> letter(0, alphabet.size() - 1), length(1, 12);
  for (int k = 0; k < 20000; ++k) {
    std::string text;
    for (size_t n = length(random); n > 0; --n) text += alphabet[letter(random)];
    CheckSame(text);
    CheckOrigins(text);
  }
}

}  // namespace lexfr
