// Stage 2, segment: UTF-8 text -> tokens and sentences.
//
// In: decoded UTF-8 text (extract/decode.h). Out: tokens and sentences with
// offsets both in bytes and in Unicode code points into that text.
//
// The word boundaries are ICU's French word break iterator's
// (text/word_breaks.h cuts most French without calling it, to the same
// pieces), and UAX #29's sentence rules are read from its tokens (the rules
// of ICU's sentence iterator, without a second pass); on top of them:
//  - French elisions are split: "l’Internet" -> "l’" + "Internet" (l d j m n s
//    t c qu jusqu lorsqu puisqu quoiqu, with ' or ’);
//  - abbreviations keep their period and never end a sentence ("M.", "art.",
//    "n°", "Cass.", single capital initials like "L."; the list of words
//    is the caller's, from the Lexicon);
//  - numbers grouped by spaces ("150 000", "1 200,50") are one number token.
// Whitespace is never a token.
//
// Thread-safety: Segment() may be called from many threads at once; each
// thread keeps its own ICU iterators.
#pragma once

#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/text_util.h"

namespace lexfr {

// Words that keep their period and never end a sentence ("M", "art"), as
// written, without the period (data/cues/abbreviations.tsv, held by the
// Lexicon).
using Abbreviations = StringSet;

struct Vocabulary;  // text/token_view.h
struct TokenIds;

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

const char* TokenKindName(TokenKind kind);

// The fewest digits of a decision's number glued to the name before it
// (« Pluche434633 »), which the segmenter cuts off the name.
inline constexpr size_t kMinGluedNumberDigits = 5;

// A token's offsets in code points are not kept here but counted when
// written (CodePointStart, CodePointEnd): 8 bytes of every token were a
// sixth of a run's peak memory (issue 21), for the few tokens a mention or
// a sentence starts or ends at.
struct Token {
  uint32_t byte_start = 0, byte_end = 0;  // [start, end) in the UTF-8 text
  uint32_t sentence = 0;                  // index into Segmentation::sentences
  TokenKind kind = TokenKind::kWord;
  bool space_before = false;              // whitespace right before the token
  bool newline_before = false;            // a line break in that whitespace
};

struct Sentence {
  uint32_t first_token = 0, end_token = 0;  // [first, end) into tokens
  uint32_t byte_start = 0, byte_end = 0;
  uint32_t start = 0, end = 0;              // code points
};

// An allocator whose resize() leaves the new elements unset, for a buffer
// sized at once and then written over: the folded tokens (the whole text's
// bytes and eight more), which a std::string zeroed first, a store per byte
// and every page touched before it was written (issue 21).
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  UninitialisedAllocator() = default;
  template <class U>
  UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;  // default-initialised: a char is left as it is
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
using FoldedBytes = std::vector<char, UninitialisedAllocator<char>>;

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // Every token folded once (text/text_util.h Fold: lower case, no accents,
  // ’ as '), in one buffer, so recognisers compare words without folding
  // them again: token i is folded[folded_end[i - 1] .. folded_end[i]).
  FoldedBytes folded;
  std::vector<uint32_t> folded_end;
  // The code points of the text before byte k * kCodePointBlock, for every
  // block start up to the text's end: where CodePointOffset starts counting.
  std::vector<uint32_t> code_points_before;
};

inline constexpr uint32_t kCodePointBlock = 64;

// CodePointOffset for a segmentation made by hand (tests), which has no
// table: counts from the text's start.
uint32_t CodePointOffsetFromStart(std::string_view text, uint32_t byte);

// The code points of `text` before byte `byte` (at most text.size()); `seg`
// is the segmentation of `text`. Counts at most a block's bytes. Inline:
// Link and the JSON writer ask it of every mention's ends, and the call
// cost about as much as the table lookup (issue 21).
static_assert(std::endian::native == std::endian::little, "CodePointOffset reads words little-endian");
inline uint32_t CodePointOffset(std::string_view text, const Segmentation& seg, uint32_t byte) {
  const size_t block = byte / kCodePointBlock;
  const size_t from = block * kCodePointBlock;
  if (block + 1 < seg.code_points_before.size()) {
    // A whole block (all but the last entry's): its eight words lie in the
    // text, so the bytes before `byte` are read a word at a time, the last
    // word masked, without CountCodePoints' call and its tail (issue 21).
    // Every byte but a continuation byte (10xxxxxx) starts a code point.
    const char* at = text.data() + from;
    const size_t bytes = byte - from;
    uint64_t continuations = 0;  // ContinuationBits summed byte by byte: at most 8 in a byte
    size_t k = 0;
    for (; k + 8 <= bytes; k += 8) {
      uint64_t word;
      std::memcpy(&word, at + k, 8);
      continuations += ContinuationBits(word);
    }
    if (k < bytes) {
      uint64_t word;
      std::memcpy(&word, at + k, 8);
      const uint64_t first_bytes = (uint64_t{1} << (8 * (bytes - k))) - 1;  // little-endian: the low ones
      continuations += ContinuationBits(word) & first_bytes;
    }
    return seg.code_points_before[block] + static_cast<uint32_t>(bytes - CountContinuationBits(continuations));
  }
  if (block >= seg.code_points_before.size()) [[unlikely]] return CodePointOffsetFromStart(text, byte);
  return seg.code_points_before[block] +
         static_cast<uint32_t>(CountCodePoints(std::string_view(text.data() + from, byte - from)));
}

// Token t's [start, end) in code points.
inline uint32_t CodePointStart(std::string_view text, const Segmentation& seg, const Token& t) {
  return CodePointOffset(text, seg, t.byte_start);
}
inline uint32_t CodePointEnd(std::string_view text, const Segmentation& seg, const Token& t) {
  return CodePointOffset(text, seg, t.byte_end);
}

// Where sentence boundaries come from: UAX #29's sentence rules read from
// the word tokens (one ICU pass), or ICU's sentence iterator (a second pass
// over the text, 7% of a run), which the unit tests hold the first to.
enum class SentenceBreaks : uint8_t { kFromTokens, kIcu };

// Segments `text` (valid UTF-8, at most 4 GiB).
Segmentation Segment(std::string_view text, const Abbreviations& abbreviations,
                     SentenceBreaks breaks = SentenceBreaks::kFromTokens);

// Segments `text`, and sets *ids to every token's vocabulary id and shape
// flags, for the token view to take (text/token_view.h): made as each token
// is folded, while its bytes are in cache, where the view's own pass read
// every token, its folded form and its text again (issue 21). The same
// segmentation as above, and the same ids and flags as the view computes.
Segmentation Segment(std::string_view text, const Abbreviations& abbreviations, const Vocabulary& vocabulary,
                     TokenIds* ids);

// The text of a token; its offsets are within `text`. Read without
// substr()'s bounds check: every recogniser asks it of every token it reads,
// and the check kept callers from inlining it (issue 21).
inline std::string_view TokenText(std::string_view text, const Token& t) {
  assert(t.byte_start <= t.byte_end && t.byte_end <= text.size());
  return std::string_view(text.data() + t.byte_start, t.byte_end - t.byte_start);
}

// The folded text of token i (i < seg.folded_end.size()), without substr()'s check.
inline std::string_view FoldedText(const Segmentation& seg, size_t i) {
  const uint32_t from = i == 0 ? 0 : seg.folded_end[i - 1];
  assert(from <= seg.folded_end[i] && seg.folded_end[i] <= seg.folded.size());
  return std::string_view(seg.folded.data() + from, seg.folded_end[i] - from);
}

}  // namespace lexfr
