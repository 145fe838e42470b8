// Stage 1, decode: raw bytes of one input -> UTF-8 text.
//
// In: the bytes of a file or of standard input. Out: the text as UTF-8, the
// name of the encoding it was read as, and diagnostics for what was repaired.
// The decoded text is what every offset in the output counts into: the BOM is
// dropped, CR and CRLF are kept as they were (the segmenter treats them as
// line ends), and nothing is normalised.
//
// Rules, in order:
//  - a UTF-8 BOM is dropped; a UTF-16 LE/BE or UTF-32 LE/BE BOM selects that
//    encoding;
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
// The detector's library (ICU's libicui18n) is opened the first time it is
// needed (extract/lazy_library.h); when it cannot be, such a text fails with
// kConfig "charset_detection_unavailable".
//
// Thread-safety: free functions; the detector's library is loaded once, the
// first caller loading it for all.
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

// Decode() of a document that names its own encoding (an HTML <meta
// charset>, an XML declaration): `declared` is that name as written
// ("iso-8859-15", "UTF-8"; empty: none, and this is Decode()). Names are read
// as the WHATWG Encoding standard reads them (so "iso-8859-1", "latin1" and
// "us-ascii" are windows-1252, and a UTF-16 or UTF-32 name, which a page read
// byte by byte cannot mean, is UTF-8); any other name ICU knows is used as
// it is, if that charset keeps ASCII as it is (not EBCDIC, not UTF-7). The declaration is followed unless the bytes say otherwise, and then
// the diagnostic "charset_mismatch" says which won:
//  - a BOM wins over any declaration;
//  - declared UTF-8, bytes that are not: as Decode() (U+FFFD for a few bad
//    sequences, windows-1252 and kin for many);
//  - declared another charset, bytes that are valid UTF-8 beyond ASCII:
//    UTF-8 (random Latin bytes are almost never valid UTF-8);
//  - NULs in the first KiB: as Decode() (binary, or UTF-16 without BOM).
// A name ICU does not know, or of such a charset: as Decode(), with the
// diagnostic "unknown_charset".
Status DecodeDeclared(std::string_view bytes, std::string_view declared, DecodedText* out);

// The first `max_bytes` of `bytes` as ASCII, to sniff a format or find a
// declaration in: after a BOM of any kind (UTF-8, UTF-16LE/BE, UTF-32LE/BE),
// or as BOM-less UTF-16 when NULs fall on every other byte, each code unit
// below 0x80 is its ASCII byte and any other unit is 0x80. Without a BOM or
// NULs, the bytes themselves.
std::string SniffHead(std::string_view bytes, size_t max_bytes);

// True when `bytes` is entirely valid UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view bytes);

}  // namespace lexfr
