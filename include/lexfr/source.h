// Stage 1, decode: raw bytes of one input -> UTF-8 text.
//
// In: the bytes of a file or of standard input. Out: the text as UTF-8, the
// name of the encoding it was read as, and diagnostics for what was repaired.
// The decoded text is what every offset in the output counts into: the BOM is
// dropped, CR and CRLF are kept as they were (the segmenter treats them as
// line ends), and nothing is normalised.
//
// Rules, in order:
//  - a UTF-8 BOM is dropped; a UTF-16 LE/BE BOM selects UTF-16;
//  - NUL bytes in the first KiB make the input binary (an error), unless the
//    NULs fall on every other byte, which is UTF-16 without a BOM (guessed,
//    with a diagnostic);
//  - valid UTF-8 is taken as it is;
//  - mostly-valid UTF-8 keeps UTF-8 and replaces each invalid sequence with
//    U+FFFD (one diagnostic with the count and first byte offset);
//  - anything else is decoded with the single-byte Latin charset ICU's
//    detector names (windows-1252 when it names none), with a diagnostic;
//  - NUL bytes later in the text become U+FFFD, with a diagnostic.
//
// Thread-safety: free functions with no shared state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/status.h"

namespace lexfr {

struct Diagnostic {
  std::string code;     // stable word: "invalid_utf8", "encoding_guessed", ...
  std::string message;  // one human line
};

struct DecodedText {
  std::string text;      // UTF-8, always valid
  std::string encoding;  // "UTF-8", "UTF-16LE", "windows-1252", ...
  bool had_bom = false;
  std::vector<Diagnostic> diagnostics;
};

// Decodes `bytes`. Fails (kDataErr, code "binary") only for binary input.
Status Decode(std::string_view bytes, DecodedText* out);

// The same, taking the bytes over: plain UTF-8 (most inputs) becomes the text
// without a copy, which saves a byte of memory per input byte.
Status Decode(std::string&& bytes, DecodedText* out);

// True when `bytes` is entirely valid UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view bytes);

}  // namespace lexfr
