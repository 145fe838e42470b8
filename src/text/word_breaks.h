// Word boundaries: UTF-8 text -> the pieces ICU's French word break
// iterator gives, with its rule status.
//
// In: valid UTF-8. Out: the pieces between consecutive boundaries, in order,
// as byte ranges, with the iterator's rule status (UBRK_WORD_NONE,
// UBRK_WORD_NUMBER, UBRK_WORD_LETTER…). Pieces of whitespace may be left
// out: no token is made of them.
//
// Most French is written in a few dozen characters whose UAX #29 classes are
// fixed: ASCII, the accented Latin letters, « » ’ – — … €. Between two runs
// of ASCII whitespace, a stretch made only of those is cut here by the
// rules that apply to them (WB5–WB12: letters and digits join, « . » « ' »
// « ’ » between letters or digits, « , » « ; » between digits), without
// ICU. Any other stretch (a combining mark, U+202F, « _ », another script),
// with the whitespace around it, goes to ICU itself. The tests hold the two
// to the same pieces on the dev corpus, the case tables and random strings
// of the characters at the edge of the rules.
//
// Thread-safety: `icu_words` is the caller's (one per thread); its text is
// left pointing at nothing.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>  // U_NAMESPACE_BEGIN: icu is ICU's versioned namespace

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace lexfr {

// Who cut a piece, and what that tells of its bytes without reading them.
// Four bytes, which a WordPiece pads to anyway: GCC lets a store of a
// byte-sized enum alias anything, and the piece loops loaded their state
// again after every piece (a uint16_t cost more than either).
enum class PieceOrigin : uint32_t {
  kIcu,     // ICU: any characters, whitespace among them
  kFast,    // the rules here: a sign of one character (a no-break space among them), or letters and
            // digits with no « . » « ' » « ’ » « ‘ », nor whitespace
  kJoined,  // the rules here: letters or digits joined across « . » « ' » « ’ » « ‘ » « , » « ; »
};

struct WordPiece {
  uint32_t start = 0, end = 0;  // bytes
  int32_t status = 0;           // ICU's rule status of the piece
  PieceOrigin origin = PieceOrigin::kIcu;
  // The same piece, whoever cut it.
  bool operator==(const WordPiece& o) const { return start == o.start && end == o.end && status == o.status; }
};

// Which way the pieces are cut: the rules above with ICU for the rest, or
// ICU over the whole text (what the tests hold the first to).
enum class WordBreaker : uint8_t { kFastPath, kIcuOnly };

// Maps increasing UTF-16 offsets of a (valid) UTF-8 text's UTF-16 copy back
// to byte offsets, walking forward only: what ICU's iterators give is read
// back into the text.
class Utf16ToBytes {
 public:
  explicit Utf16ToBytes(std::string_view text) : text_(text) {}
  uint32_t operator()(int32_t utf16) {
    while (utf16_ < utf16 && byte_ < text_.size()) {
      const auto lead = static_cast<uint8_t>(text_[byte_]);
      const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      byte_ = std::min(byte_ + length, text_.size());  // a sequence cut short ends with the text
      utf16_ += length == 4 ? 2 : 1;  // a supplementary character is a surrogate pair
    }
    return static_cast<uint32_t>(byte_);
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;
  int32_t utf16_ = 0;
};

// Hands `take` the pieces of `text` in order, a batch of about kPieceBatch
// at a time, each batch final: a caller that reads them once keeps a few
// thousand in cache instead of a table as long as the text (on 20 MiB,
// 60 MB of pieces written, faulted in and read back once).
inline constexpr size_t kPieceBatch = 4096;
void ForEachWordPieces(std::string_view text, icu::BreakIterator& icu_words, WordBreaker breaker,
                       const std::function<void(std::span<const WordPiece>)>& take);

// All the pieces of `text` at once (the tests compare them).
std::vector<WordPiece> WordPieces(std::string_view text, icu::BreakIterator& icu_words,
                                  WordBreaker breaker = WordBreaker::kFastPath);

}  // namespace lexfr
