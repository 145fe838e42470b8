#include "extract/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>

#include "extract/lazy_library.h"

namespace lexfr {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr size_t kBinarySniffBytes = 1024;

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
// Rejects overlongs, surrogates and code points above U+10FFFF.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t need;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + need > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < need; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return need;
}

// Length of the maximal invalid prefix to replace by one U+FFFD, following
// Unicode's "maximal subpart" practice: a truncated but well-started sequence
// is one replacement, a stray byte is one replacement.
size_t InvalidSubpartLength(std::string_view s, size_t i) {
  size_t k = i + 1;
  const uint8_t b0 = static_cast<uint8_t>(s[i]);
  size_t max_len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 1;
  if (b0 > 0xF4) max_len = 1;
  while (k < s.size() && k - i < max_len && (static_cast<uint8_t>(s[k]) & 0xC0) == 0x80) {
    // Stop where a prefix could no longer be valid (e.g. E0 80: overlong).
    if (k == i + 1 && ((b0 == 0xE0 && static_cast<uint8_t>(s[k]) < 0xA0) ||
                       (b0 == 0xED && static_cast<uint8_t>(s[k]) > 0x9F) ||
                       (b0 == 0xF0 && static_cast<uint8_t>(s[k]) < 0x90) ||
                       (b0 == 0xF4 && static_cast<uint8_t>(s[k]) > 0x8F))) {
      break;
    }
    ++k;
  }
  return k - i;
}

struct Utf8Census {
  size_t invalid = 0;          // invalid sequences
  size_t first_invalid = 0;    // byte offset of the first one
  size_t valid_multibyte = 0;  // well-formed non-ASCII sequences
};

// Past the run of ASCII bytes from i, eight bytes a test: French text is
// mostly ASCII. Stops on the first non-ASCII byte itself (the lowest high
// bit of the word, bytes being little-endian in it), or within the last
// seven bytes, which the caller reads one by one.
size_t SkipAscii(std::string_view bytes, size_t i) {
  uint64_t word;
  while (i + sizeof word <= bytes.size()) {
    std::memcpy(&word, bytes.data() + i, sizeof word);
    if (const uint64_t high = word & 0x8080808080808080u; high != 0) {
      if constexpr (std::endian::native == std::endian::little) return i + std::countr_zero(high) / 8;
      break;
    }
    i += sizeof word;
  }
  return i;
}

Utf8Census CountUtf8(std::string_view s) {
  Utf8Census c;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<uint8_t>(s[i]) < 0x80) {
      i = SkipAscii(s, i + 1);
      continue;
    }
    if (size_t n = ValidSequenceLength(s, i)) {
      ++c.valid_multibyte;
      i += n;
    } else {
      if (c.invalid++ == 0) c.first_invalid = i;
      i += InvalidSubpartLength(s, i);
    }
  }
  return c;
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    if (size_t n = ValidSequenceLength(s, i)) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out.append(kReplacement);
      i += InvalidSubpartLength(s, i);
    }
  }
  return out;
}

// Converts `bytes` from `charset` to UTF-8 with ICU. Unmappable bytes become
// U+FFFD (counted in *replaced).
Status ConvertWithIcu(std::string_view bytes, const char* charset, std::string* out,
                      size_t* replaced) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &err), ucnv_close);
  if (U_FAILURE(err)) {
    return Status::Error(ExitCode::kSoftware, "converter", std::string("ICU has no converter for ") + charset);
  }
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &err);
  std::u16string utf16(bytes.size() * 2 + 2, u'\0');
  int32_t n16 = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                              bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    return Status::Error(ExitCode::kDataErr, "undecodable", std::string("cannot decode as ") + charset);
  }
  utf16.resize(n16);
  *replaced = 0;
  for (char16_t& c : utf16) {
    // ICU substitutes SUB (U+001A) for unassigned bytes of single-byte charsets.
    if (c == 0xFFFD || c == 0x1A) {
      c = 0xFFFD;
      ++*replaced;
    }
  }
  out->assign(utf16.size() * 3 + 1, '\0');
  int32_t n8 = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out->data(), static_cast<int32_t>(out->size()), &n8, utf16.data(), n16, 0xFFFD,
                     nullptr, &err);
  if (U_FAILURE(err)) {
    return Status::Error(ExitCode::kDataErr, "undecodable", std::string("cannot decode as ") + charset);
  }
  out->resize(n8);
  return Status::Ok();
}

// ICU's charset detector lives in libicui18n, which nothing else in lexfr
// needs: opened when the first text that is not UTF-8 comes
// (extract/lazy_library.h), not linked, it costs the runs that never see one
// nothing (it was ~0.9 M instructions of the loader's work per run: issue 21).
struct CharsetDetectorApi {
  decltype(&::ucsdet_open) open = nullptr;
  decltype(&::ucsdet_close) close = nullptr;
  decltype(&::ucsdet_setText) set_text = nullptr;
  decltype(&::ucsdet_detectAll) detect_all = nullptr;
  decltype(&::ucsdet_getName) get_name = nullptr;
};

// ICU versions its C symbols (ucsdet_open is a macro for ucsdet_open_72, say):
// the name to look up is the macro's expansion, spelled out.
#define LEXFR_ICU_SYMBOL_NAME(f) LEXFR_ICU_SYMBOL_NAME_OF(f)
#define LEXFR_ICU_SYMBOL_NAME_OF(f) #f

bool ResolveCharsetDetector(void* library, CharsetDetectorApi* det) {
  return ResolveFunction(library, LEXFR_ICU_SYMBOL_NAME(ucsdet_open), &det->open) &&
         ResolveFunction(library, LEXFR_ICU_SYMBOL_NAME(ucsdet_close), &det->close) &&
         ResolveFunction(library, LEXFR_ICU_SYMBOL_NAME(ucsdet_setText), &det->set_text) &&
         ResolveFunction(library, LEXFR_ICU_SYMBOL_NAME(ucsdet_detectAll), &det->detect_all) &&
         ResolveFunction(library, LEXFR_ICU_SYMBOL_NAME(ucsdet_getName), &det->get_name);
}

// The Latin single-byte charset ICU's detector names for `bytes`, or
// windows-1252 (a superset of ISO-8859-1 in practice) when it names none.
// Fails (kConfig, as a missing PDF module does) when the detector's library
// cannot be loaded: the installation lacks a part.
Status DetectLatinCharset(std::string_view bytes, std::string* charset) {
  *charset = "windows-1252";
  std::string why;
  const CharsetDetectorApi* ucsdet = LoadLibraryOnce(LEXFR_ICU_I18N_SONAME, ResolveCharsetDetector, &why);
  if (ucsdet == nullptr) {
    return Status::Error(ExitCode::kConfig, "charset_detection_unavailable",
                         "text that is not UTF-8 needs ICU's charset detector, which cannot be loaded: " + why);
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(ucsdet->close)> det(ucsdet->open(&err), ucsdet->close);
  if (U_FAILURE(err)) return Status::Ok();
  const int32_t len = static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20));
  ucsdet->set_text(det.get(), bytes.data(), len, &err);
  int32_t n = 0;
  const UCharsetMatch** matches = ucsdet->detect_all(det.get(), &n, &err);
  if (U_FAILURE(err)) return Status::Ok();
  for (int32_t i = 0; i < n; ++i) {
    const char* name = ucsdet->get_name(matches[i], &err);
    if (U_FAILURE(err) || name == nullptr) break;
    const std::string_view v(name);
    if (v == "ISO-8859-1" || v == "windows-1252" || v == "ISO-8859-15") {
      charset->assign(v);
      break;
    }
  }
  return Status::Ok();
}

enum class Utf16Guess { kNone, kLittleEndian, kBigEndian };

// UTF-16 without BOM shows as NULs on every other byte for Latin text.
Utf16Guess GuessUtf16(std::string_view head) {
  size_t even_nul = 0, odd_nul = 0;
  const size_t pairs = head.size() / 2;
  if (pairs < 2) return Utf16Guess::kNone;
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    even_nul += head[i] == '\0';
    odd_nul += head[i + 1] == '\0';
  }
  if (odd_nul * 10 >= pairs * 4 && even_nul * 20 < pairs) return Utf16Guess::kLittleEndian;
  if (even_nul * 10 >= pairs * 4 && odd_nul * 20 < pairs) return Utf16Guess::kBigEndian;
  return Utf16Guess::kNone;
}

void ReplaceNuls(DecodedText* out) {
  // find() is memchr, many bytes a step: a text without NUL, every text
  // but a few, is read once that fast.
  const size_t first = out->text.find('\0');
  if (first == std::string::npos) return;
  const size_t count = static_cast<size_t>(std::count(out->text.begin() + static_cast<std::ptrdiff_t>(first), out->text.end(), '\0'));
  std::string fixed;
  fixed.reserve(out->text.size() + count * 2);
  for (char c : out->text) {
    if (c == '\0') {
      fixed.append(kReplacement);
    } else {
      fixed.push_back(c);
    }
  }
  out->text = std::move(fixed);
  out->diagnostics.push_back({"nul_bytes", std::to_string(count) + " NUL byte(s) replaced by U+FFFD, the first at byte " +
                                               std::to_string(first) + " of the decoded text"});
}

// UTF-16 or UTF-32, as `charset` says ("UTF-16LE", "UTF-32BE", ...).
Status DecodeUnicode(std::string_view bytes, const char* charset, DecodedText* out) {
  size_t replaced = 0;
  out->encoding = charset;
  Status s = ConvertWithIcu(bytes, charset, &out->text, &replaced);
  if (s.ok() && replaced > 0) {
    const bool wide = std::string_view(charset).starts_with("UTF-32");
    out->diagnostics.push_back({wide ? "invalid_utf32" : "invalid_utf16",
                                std::to_string(replaced) + (wide ? " invalid UTF-32" : " invalid UTF-16") +
                                    " unit(s) replaced by U+FFFD"});
  }
  return s;
}

struct Bom {
  const char* encoding = nullptr;  // "UTF-8", "UTF-16LE", ...; null: no BOM
  size_t length = 0;
};

// UTF-32LE's BOM starts with UTF-16LE's: it is looked for first (a UTF-16
// text that starts with U+0000 is not worth the ambiguity).
Bom FindBom(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (bytes.starts_with("\xEF\xBB\xBF"sv)) return {"UTF-8", 3};
  if (bytes.starts_with("\xFF\xFE\x00\x00"sv)) return {"UTF-32LE", 4};
  if (bytes.starts_with("\x00\x00\xFE\xFF"sv)) return {"UTF-32BE", 4};
  if (bytes.starts_with("\xFF\xFE"sv)) return {"UTF-16LE", 2};
  if (bytes.starts_with("\xFE\xFF"sv)) return {"UTF-16BE", 2};
  return {};
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    if (static_cast<uint8_t>(bytes[i]) < 0x80) {
      i = SkipAscii(bytes, i + 1);
    } else if (size_t n = ValidSequenceLength(bytes, i)) {
      i += n;
    } else {
      return false;
    }
  }
  return true;
}

namespace {

// Decode() of `bytes`; when `owned` holds them, valid UTF-8 takes that buffer
// over instead of being copied (a byte of memory per input byte).
Status DecodeInto(std::string_view bytes, std::string* owned, DecodedText* out) {
  *out = DecodedText{};
  out->encoding = "UTF-8";
  if (const Bom bom = FindBom(bytes); bom.encoding != nullptr) {
    out->had_bom = true;
    bytes.remove_prefix(bom.length);
    if (std::string_view(bom.encoding) != "UTF-8") {
      Status s = DecodeUnicode(bytes, bom.encoding, out);
      if (s.ok()) ReplaceNuls(out);
      return s;
    }
  }

  const std::string_view head = bytes.substr(0, kBinarySniffBytes);
  if (head.find('\0') != std::string_view::npos) {
    switch (GuessUtf16(head)) {
      case Utf16Guess::kLittleEndian:
      case Utf16Guess::kBigEndian: {
        const bool le = GuessUtf16(head) == Utf16Guess::kLittleEndian;
        Status s = DecodeUnicode(bytes, le ? "UTF-16LE" : "UTF-16BE", out);
        if (!s.ok()) return s;
        out->diagnostics.insert(out->diagnostics.begin(),
                                {"encoding_guessed", std::string("no BOM; read as ") + out->encoding +
                                                         " because of the NUL bytes on every other byte"});
        ReplaceNuls(out);
        return Status::Ok();
      }
      case Utf16Guess::kNone:
        return Status::Error(ExitCode::kDataErr, "binary",
                             "binary input: NUL byte at offset " + std::to_string(head.find('\0')) +
                                 " of the first KiB");
    }
  }

  const Utf8Census census = CountUtf8(bytes);
  if (census.invalid == 0 && owned != nullptr) {
    const size_t bom = owned->size() - bytes.size();
    out->text = std::move(*owned);
    out->text.erase(0, bom);
  } else if (census.invalid == 0) {
    out->text.assign(bytes);
  } else if (census.valid_multibyte >= census.invalid) {
    out->text = RepairUtf8(bytes);
    out->diagnostics.push_back({"invalid_utf8", std::to_string(census.invalid) +
                                                    " invalid UTF-8 sequence(s) replaced by U+FFFD, the first at byte " +
                                                    std::to_string(census.first_invalid)});
  } else {
    std::string charset;
    if (Status s = DetectLatinCharset(bytes, &charset); !s.ok()) return s;
    size_t replaced = 0;
    Status s = ConvertWithIcu(bytes, charset.c_str(), &out->text, &replaced);
    if (!s.ok()) return s;
    out->encoding = charset;
    out->diagnostics.push_back({"encoding_guessed", "not UTF-8 (" + std::to_string(census.invalid) +
                                                        " invalid sequence(s)); decoded as " + charset});
    if (replaced > 0) {
      out->diagnostics.push_back({"unmappable_bytes", std::to_string(replaced) + " byte(s) undefined in " + charset +
                                                          " replaced by U+FFFD"});
    }
  }
  ReplaceNuls(out);
  return Status::Ok();
}

}  // namespace

Status Decode(std::string_view bytes, DecodedText* out) { return DecodeInto(bytes, nullptr, out); }

Status Decode(std::string&& bytes, DecodedText* out) { return DecodeInto(bytes, &bytes, out); }

namespace {

// What a declared encoding name means, as far as comparing it with a BOM goes.
enum class Family { kUnknown, kUtf8, kUtf16, kUtf32, kOther };

struct Charset {
  Family family = Family::kUnknown;
  std::string name;  // what to decode with and to report: "UTF-8", "windows-1252", ICU's MIME name
};

std::string NormalizeLabel(std::string_view label) {
  while (!label.empty() && (label.front() <= ' ' || label.front() == '"' || label.front() == '\'')) label.remove_prefix(1);
  while (!label.empty() && (label.back() <= ' ' || label.back() == '"' || label.back() == '\'')) label.remove_suffix(1);
  std::string out(label);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool OneOf(std::string_view label, std::initializer_list<std::string_view> labels) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

// The WHATWG Encoding standard's labels for the charsets French pages use,
// then ICU for the rest, as long as it keeps ASCII as it is. Unknown: {}.
Charset Resolve(const std::string& label) {
  if (OneOf(label, {"utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"})) {
    return {Family::kUtf8, "UTF-8"};
  }
  // A declaration read byte by byte cannot be in UTF-16 or UTF-32: the
  // standard reads such a name as UTF-8.
  if (OneOf(label, {"utf-16", "utf-16le", "utf-16be", "utf16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2",
                    "unicodefeff", "unicodefffe"})) {
    return {Family::kUtf16, "UTF-8"};
  }
  if (OneOf(label, {"utf-32", "utf-32le", "utf-32be", "utf32", "ucs-4", "iso-10646-ucs-4"})) {
    return {Family::kUtf32, "UTF-8"};
  }
  if (OneOf(label, {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1",
                    "iso_8859-1:1987", "iso-ir-100", "latin1", "l1", "csisolatin1", "ibm819", "cp819", "ascii",
                    "us-ascii", "ansi_x3.4-1968"})) {
    return {Family::kOther, "windows-1252"};
  }
  if (OneOf(label, {"iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9", "latin9", "latin-9",
                    "csisolatin9"})) {
    return {Family::kOther, "ISO-8859-15"};
  }
  // UTF-7 hides markup from whoever reads the page as ASCII ("+ADw-"):
  // browsers refuse it, and so does lexfr.
  if (label.empty() || label.starts_with("utf-7") || label.starts_with("utf7") || label == "unicode-1-1-utf-7") {
    return {};
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(label.c_str(), &err), ucnv_close);
  if (U_FAILURE(err)) return {};
  // The declaration was read as ASCII: a charset that does not keep ASCII
  // as it is (EBCDIC, UTF-16) cannot be what the page is in.
  constexpr std::string_view kAscii = "<meta charset=\"x\"> azAZ09";
  UChar sample[64];
  const int32_t n = ucnv_toUChars(conv.get(), sample, 64, kAscii.data(), static_cast<int32_t>(kAscii.size()), &err);
  if (U_FAILURE(err) || n != static_cast<int32_t>(kAscii.size()) ||
      !std::equal(kAscii.begin(), kAscii.end(), sample, [](char a, UChar b) { return static_cast<UChar>(a) == b; })) {
    return {};
  }
  ucnv_reset(conv.get());
  const char* icu_name = ucnv_getName(conv.get(), &err);
  if (U_FAILURE(err) || icu_name == nullptr) return {};
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode e = U_ZERO_ERROR;
    if (const char* n = ucnv_getStandardName(icu_name, standard, &e); U_SUCCESS(e) && n != nullptr) {
      return {Family::kOther, n};
    }
  }
  return {Family::kOther, icu_name};
}

Family FamilyOf(std::string_view encoding) {
  if (encoding.starts_with("UTF-32")) return Family::kUtf32;
  if (encoding.starts_with("UTF-16")) return Family::kUtf16;
  return Family::kUtf8;
}

void Mismatch(DecodedText* out, std::string_view declared, const std::string& why) {
  out->diagnostics.push_back(
      {"charset_mismatch", "the document declares the encoding \"" + std::string(declared) + "\", but " + why});
}

}  // namespace

Status DecodeDeclared(std::string_view bytes, std::string_view declared, DecodedText* out) {
  const std::string label = NormalizeLabel(declared);
  if (label.empty()) return Decode(bytes, out);
  const Charset charset = Resolve(label);
  if (const Bom bom = FindBom(bytes); bom.encoding != nullptr) {
    Status s = Decode(bytes, out);
    if (s.ok() && charset.family != FamilyOf(bom.encoding)) {
      Mismatch(out, label, std::string("it starts with a ") + bom.encoding + " byte order mark: read as " + out->encoding);
    }
    return s;
  }
  if (charset.family == Family::kUnknown) {
    Status s = Decode(bytes, out);
    if (s.ok()) {
      out->diagnostics.push_back({"unknown_charset", "the document declares the encoding \"" + label +
                                                         "\", which lexfr does not know: read as " + out->encoding});
    }
    return s;
  }
  // NULs: binary, or UTF-16 without a BOM; no ASCII-based declaration holds.
  if (bytes.substr(0, kBinarySniffBytes).find('\0') != std::string_view::npos) return Decode(bytes, out);
  if (charset.name == "UTF-8") {
    Status s = Decode(bytes, out);
    if (s.ok() && out->encoding != "UTF-8") {
      std::erase_if(out->diagnostics, [](const Diagnostic& d) { return d.code == "encoding_guessed"; });
      Mismatch(out, label, "its bytes are not UTF-8: decoded as " + out->encoding);
    }
    return s;
  }
  const Utf8Census census = CountUtf8(bytes);
  *out = DecodedText{};
  if (census.invalid == 0 && census.valid_multibyte > 0) {
    out->encoding = "UTF-8";
    out->text.assign(bytes);
    Mismatch(out, label, "its bytes are valid UTF-8: read as UTF-8");
    ReplaceNuls(out);
    return Status::Ok();
  }
  size_t replaced = 0;
  if (Status s = ConvertWithIcu(bytes, charset.name.c_str(), &out->text, &replaced); !s.ok()) return s;
  out->encoding = charset.name;
  if (replaced > 0) {
    out->diagnostics.push_back({"unmappable_bytes", std::to_string(replaced) + " byte(s) undefined in " +
                                                        charset.name + " replaced by U+FFFD"});
  }
  ReplaceNuls(out);
  return Status::Ok();
}

std::string SniffHead(std::string_view bytes, size_t max_bytes) {
  size_t unit = 1;
  bool big_endian = false;
  if (const Bom bom = FindBom(bytes); bom.encoding != nullptr) {
    bytes.remove_prefix(bom.length);
    const std::string_view e = bom.encoding;
    unit = e.starts_with("UTF-32") ? 4 : e.starts_with("UTF-16") ? 2 : 1;
    big_endian = e.ends_with("BE");
  } else if (const std::string_view head = bytes.substr(0, kBinarySniffBytes);
             head.find('\0') != std::string_view::npos) {
    const Utf16Guess guess = GuessUtf16(head);
    unit = guess == Utf16Guess::kNone ? 1 : 2;
    big_endian = guess == Utf16Guess::kBigEndian;
  }
  if (unit == 1) return std::string(bytes.substr(0, max_bytes));
  std::string head;
  for (size_t i = 0; i + unit <= bytes.size() && head.size() < max_bytes; i += unit) {
    uint32_t c = 0;
    for (size_t k = 0; k < unit; ++k) c = (c << 8) | static_cast<uint8_t>(bytes[i + (big_endian ? k : unit - 1 - k)]);
    head += c < 0x80 ? static_cast<char>(c) : '\x80';
  }
  return head;
}

}  // namespace lexfr
