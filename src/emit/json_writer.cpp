#include "emit/json_writer.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

#include "extract/decode.h"

namespace lexfr {

namespace {

void AppendEscaped(std::string_view value, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t plain_from = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(value.data() + plain_from, i - plain_from);
    plain_from = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\f': out->append("\\f"); break;
      case '\r': out->append("\\r"); break;
      default: {
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(escaped, sizeof escaped);
      }
    }
  }
  out->append(value.data() + plain_from, value.size() - plain_from);
}

}  // namespace

namespace {

// Per byte of `word` (eight, little-endian), whether it must be escaped: a
// control character, « " » or « \\ ». Bytes beyond ASCII are not (they are
// checked as UTF-8 apart). The classic SWAR tests: a byte below 0x20, a
// byte equal to 0x22 or 0x5C, each without carries across bytes.
uint64_t MustEscapeBytes(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  const auto zero_bytes = [&](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
  return below_space | zero_bytes(word ^ (kOnes * '"')) | zero_bytes(word ^ (kOnes * '\\'));
}

// The first byte of `value` that must be escaped, or value.size(); sets
// *beyond_ascii when a byte before it is beyond ASCII.
size_t FirstToEscape(std::string_view value, bool* beyond_ascii) {
  uint64_t high = 0;
  size_t i = 0;
  for (; i + 8 <= value.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, value.data() + i, 8);
    if (MustEscapeBytes(word) != 0) break;
    high |= word;
  }
  *beyond_ascii = (high & 0x8080808080808080u) != 0;
  for (; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
    if (c >= 0x80) *beyond_ascii = true;
  }
  return i;
}

// `value` between quotes, its bytes from `first_escape` (FirstToEscape's)
// escaped: what AppendJsonString and AppendValidJsonString both write once
// the text is known to be valid. Inline: as a call it cost each string
// more than it saves in code.
[[gnu::always_inline]] inline void AppendQuoted(std::string_view value, size_t first_escape, std::string* out) {
  out->push_back('"');
  out->append(value.data(), first_escape);
  if (first_escape < value.size()) AppendEscaped(value.substr(first_escape), out);
  out->push_back('"');
}

}  // namespace

void AppendJsonString(std::string_view value, std::string* out) {
  bool beyond_ascii = false;
  const size_t first_escape = FirstToEscape(value, &beyond_ascii);
  // Past the first byte to escape, AppendEscaped and the check below read on.
  if ((beyond_ascii || first_escape < value.size()) && !IsValidUtf8(value)) {
    // Only paths can be invalid; nlohmann's replacement rules, exactly.
    out->append(nlohmann::json(std::string(value)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  AppendQuoted(value, first_escape, out);
}

void AppendValidJsonString(std::string_view valid_utf8, std::string* out) {
  bool beyond_ascii = false;  // valid: no need to know
  AppendQuoted(valid_utf8, FirstToEscape(valid_utf8, &beyond_ascii), out);
}

void JsonWriter::NewLine() {
  out_->push_back('\n');
  out_->append(2 * empty_.size(), ' ');
}

void JsonWriter::Key(LiteralKey key) {
  BeforeValue();
  out_->append(key.quoted(), key.quoted_size());
  if (pretty_) out_->push_back(' ');
  after_key_ = true;
}

void JsonWriter::DynamicKey(std::string_view key) {
  BeforeValue();
  AppendJsonString(key, out_);
  out_->append(pretty_ ? ": " : ":");
  after_key_ = true;
}

namespace {

constexpr size_t kFieldsPerAppend = 8;
// Per field: a comma, the quoted key (copied whole, kQuotedBytes), digits.
constexpr size_t kUintFieldsBytes = kFieldsPerAppend * (1 + LiteralKey::kQuotedBytes + 20);

// The count of decimal digits of n < 10^8, by three comparisons.
size_t DigitCount(uint32_t n) {
  if (n < 10000) return n < 100 ? (n < 10 ? 1 : 2) : (n < 1000 ? 3 : 4);
  return n < 1000000 ? (n < 100000 ? 5 : 6) : (n < 10000000 ? 7 : 8);
}

// The decimal digits of `value` at `at`, with 8 bytes free there; returns
// the end. Offsets are below 10^8: their eight digits, leading zeros
// included, are made in one 64-bit word, a byte each, by splitting lanes
// in place (4 + 4 digits, then 2 + 2 in each, then 1 + 1; the products of
// each step stay within their lane), and the significant ones shifted to
// the front and stored as one word (std::to_chars counts and divides in
// loops).
char* PutDigits(uint64_t value, char* at) {
  static_assert(std::endian::native == std::endian::little, "the lanes' order in memory");
  if (value >= 100000000) return std::to_chars(at, at + 20, value).ptr;
  const auto n = static_cast<uint32_t>(value);
  // 32-bit lanes: the high four digits first (in memory: the low lane)
  const uint64_t fours = uint64_t{n / 10000} | uint64_t{n % 10000} << 32;
  // x * 10486 >> 20 is x / 100 for x < 10000; the lanes' products are below 2^32
  const uint64_t hundreds = ((fours * 10486) >> 20) & 0x0000007F0000007Fu;
  const uint64_t twos = hundreds | (fours - hundreds * 100) << 16;  // 16-bit lanes, each below 100
  // x * 103 >> 10 is x / 10 for x < 100; the lanes' products are below 2^16
  const uint64_t tens = ((twos * 103) >> 10) & 0x000F000F000F000Fu;
  const uint64_t digits = (tens | (twos - tens * 10) << 8) + 0x3030303030303030u;  // '0' + each digit
  const size_t count = DigitCount(n);
  const uint64_t significant = digits >> (8 * (8 - count));  // the first digit moves to the first byte
  std::memcpy(at, &significant, 8);                           // the bytes past the count are overwritten or not appended
  return at + count;
}

// Compact `fields` at `at` (kUintFieldsBytes free), each after a comma but
// the first unless `comma_first`; returns the end.
char* PutUintFields(std::initializer_list<JsonWriter::UintField> fields, bool comma_first, char* at) {
  bool comma = comma_first;
  for (const JsonWriter::UintField& f : fields) {
    if (comma) *at++ = ',';
    comma = true;
    std::memcpy(at, f.key.quoted(), LiteralKey::kQuotedBytes);  // a fixed size: a few moves, no call
    at += f.key.quoted_size();
    at = PutDigits(f.value, at);
  }
  return at;
}

}  // namespace

void JsonWriter::Field(LiteralKey key, uint64_t value) {
  // Offsets and counts, most of a record's fields: key and digits in one append.
  if (pretty_) {
    Key(key);
    Uint(value);
    return;
  }
  BeforeValue();
  char field[kUintFieldsBytes];
  out_->append(field, PutUintFields({{key, value}}, false, field));
}

void JsonWriter::UintFields(std::initializer_list<UintField> fields) {
  // Pretty output indents each field by its depth: the general path.
  if (pretty_ || fields.size() > kFieldsPerAppend) {
    for (const UintField& f : fields) Field(f.key, f.value);
    return;
  }
  if (fields.size() == 0) return;
  char buffer[kUintFieldsBytes];
  char* const end = PutUintFields(fields, false, buffer);
  BeforeValue();
  out_->append(buffer, end);
}

namespace {

// Whether some byte of `value` must be escaped: eight bytes at a time, the
// last eight overlapping those read before (no byte-by-byte tail).
bool NeedsEscape(std::string_view value) {
  const size_t n = value.size();
  if (n < 8) {
    for (const char c : value) {
      const auto b = static_cast<unsigned char>(c);
      if (b < 0x20 || b == '"' || b == '\\') return true;
    }
    return false;
  }
  uint64_t word;
  for (size_t i = 0; i + 8 < n; i += 8) {
    std::memcpy(&word, value.data() + i, 8);
    if (MustEscapeBytes(word) != 0) return true;
  }
  std::memcpy(&word, value.data() + n - 8, 8);
  return MustEscapeBytes(word) != 0;
}

}  // namespace

void JsonWriter::TextAndUintFields(LiteralKey key, std::string_view text, std::initializer_list<UintField> fields) {
  if (pretty_ || fields.size() > kFieldsPerAppend) {
    Field(key, text);
    UintFields(fields);
    return;
  }
  BeforeValue();
  // Most texts (a mention's few words) need no escape: key, quoted text and
  // fields go out in one append, not five.
  constexpr size_t kInlineText = 256;
  if (text.size() > kInlineText || NeedsEscape(text)) {
    out_->append(key.quoted(), key.quoted_size());
    AppendValidJsonString(text, out_);
    char buffer[kUintFieldsBytes];
    out_->append(buffer, PutUintFields(fields, true, buffer));
    return;
  }
  char buffer[LiteralKey::kQuotedBytes + kInlineText + 2 + kUintFieldsBytes];
  std::memcpy(buffer, key.quoted(), LiteralKey::kQuotedBytes);  // a fixed size: a few moves, no call
  char* at = buffer + key.quoted_size();
  *at++ = '"';
  std::memcpy(at, text.data(), text.size());
  at += text.size();
  *at++ = '"';
  out_->append(buffer, PutUintFields(fields, true, at));
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(value, out_);
}

void JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out_->append(digits, end);
}

void JsonWriter::Double(double value) {
  BeforeValue();
  out_->append(nlohmann::json(value).dump());  // nlohmann's shortest round-trip form ("150000.0")
}

void AppendNumber(double value, std::string* out) {
  // Below 2^53 every integer is exact in a double; past it "integral" says nothing of the amount written.
  constexpr double kExactIntegers = 9007199254740992.0;
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < kExactIntegers) {
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, static_cast<int64_t>(value));
    out->append(digits, end);
    return;
  }
  out->append(nlohmann::json(value).dump());
}

void JsonWriter::Number(double value) {
  BeforeValue();
  AppendNumber(value, out_);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

void JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_->append(json);
}

void JsonWriter::StringArray(LiteralKey key, const std::vector<std::string>& values) {
  Key(key);
  BeginArray();
  for (const std::string& v : values) String(v);
  EndArray();
}

}  // namespace lexfr
