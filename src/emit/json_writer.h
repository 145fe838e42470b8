// A streaming JSON writer: values appended to a string as they come, no tree.
//
// The output of an analysis is as large as its input (1.8 bytes of JSON per
// byte of text); building a DOM first would hold it twice, and the DOM itself
// costs 7 bytes per input byte. This writer appends straight to a string and
// prints exactly what nlohmann::ordered_json::dump() prints for the same
// values (compact, or indented by 2 with ": " after keys), so switching
// between the two never changes an output byte.
//
// Usage: w.BeginObject(); w.Key("a"); w.Uint(1); w.Key("b"); w.BeginArray();
// ... w.EndArray(); w.EndObject(). A value follows each Key(). Strings must
// be UTF-8; invalid sequences (possible only in paths) become U+FFFD.
//
// Thread-safety: one writer per thread; it only touches its own string.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace lexfr {

// Whether a key can go out as it is between quotes: no byte JSON escapes or
// must check (below 0x20, « " », « \\ », beyond ASCII).
constexpr bool IsPlainJsonKey(std::string_view key) {
  for (const char c : key) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == '"' || b == '\\' || b >= 0x80) return false;
  }
  return true;
}

// A field name written in the code (« "start" »), quoted with its colon
// where it is compiled: `"start":`. A key that would need escaping, or is
// longer than kMaxSize, does not compile.
class LiteralKey {
 public:
  static constexpr size_t kMaxSize = 28;
  consteval LiteralKey(const char* key) {  // NOLINT: implicit, so that {"start", n} reads as a field
    const std::string_view text(key);
    if (text.size() > kMaxSize || !IsPlainJsonKey(text)) throw "a literal key is plain ASCII of at most 28 bytes";
    quoted_[0] = '"';
    for (size_t i = 0; i < text.size(); ++i) quoted_[i + 1] = text[i];
    quoted_[text.size() + 1] = '"';
    quoted_[text.size() + 2] = ':';
    size_ = static_cast<uint8_t>(text.size() + 3);
  }
  // `"key":`, and after it bytes up to kQuotedBytes (all may be copied).
  static constexpr size_t kQuotedBytes = kMaxSize + 4;
  const char* quoted() const { return quoted_; }
  size_t quoted_size() const { return size_; }
  std::string_view text() const { return std::string_view(quoted_ + 1, size_ - 3); }

 private:
  char quoted_[kQuotedBytes] = {};
  uint8_t size_ = 0;
};

class JsonWriter {
 public:
  JsonWriter(std::string* out, bool pretty) : out_(out), pretty_(pretty) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // A field name written in the code: quoted where it is compiled.
  void Key(LiteralKey key);
  // A field name known only when run (a map's keys): checked and escaped.
  void DynamicKey(std::string_view key);

  void String(std::string_view value);
  void StringOrNull(std::string_view value) { value.empty() ? Null() : String(value); }
  void Uint(uint64_t value);
  void Double(double value);
  // An integral value as an integer (150000000), any other as Double(): what
  // a reader means by the number, and what jq writes back unchanged.
  void Number(double value);
  void Bool(bool value);
  void Null();
  // A value already serialised as compact JSON (mapper mode's source.id).
  void Raw(std::string_view json);

  // Key and value in one call, for the common flat fields.
  void Field(LiteralKey key, std::string_view value) { Key(key), String(value); }
  void Field(LiteralKey key, const char* value) { Key(key), String(value); }
  void Field(LiteralKey key, uint64_t value);
  void Field(LiteralKey key, uint32_t value) { Field(key, uint64_t{value}); }
  void Field(LiteralKey key, bool value) { Key(key), Bool(value); }
  // Unsigned fields in a row of one object (a span's offsets), exactly as
  // Field writes them one by one; compact output puts them in one buffer,
  // appended once (offsets are most of a record's bytes).
  struct UintField {
    LiteralKey key;
    uint64_t value;
  };
  void UintFields(std::initializer_list<UintField> fields);
  // Field(key, text) then UintFields(fields), where `text` is a span of a
  // decoded text, valid UTF-8 by Decode's contract: a mention's and a
  // quote's first fields, the most of a record. The check for invalid
  // UTF-8 (for paths) is skipped and compact output appends the key at once.
  void TextAndUintFields(LiteralKey key, std::string_view text, std::initializer_list<UintField> fields);
  void FieldIfSet(LiteralKey key, std::string_view value) {
    if (!value.empty()) Field(key, value);
  }
  void StringArray(LiteralKey key, const std::vector<std::string>& values);

 private:
  void Open(char bracket);
  void Close(char bracket);
  void BeforeValue();
  void NewLine();

  std::string* out_;
  bool pretty_;
  bool after_key_ = false;
  std::vector<char> empty_;  // per open container: nothing written in it yet (not vector<bool>: a hot push_back)
};

// Inline, here: every key, value and bracket (40,000 on 1 MiB of text) asks
// these first, and as calls they cost about as much again as their work.
inline void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  if (!empty_.back()) out_->push_back(',');
  empty_.back() = false;
  if (pretty_) NewLine();
}

inline void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  empty_.push_back(true);
}

inline void JsonWriter::Close(char bracket) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (pretty_ && !was_empty) NewLine();
  out_->push_back(bracket);
}

// Appends `value` as JsonWriter::Number writes it (also a table's cell).
void AppendNumber(double value, std::string* out);

// Appends `value` as a JSON string (quotes included), escaped as nlohmann
// escapes with ensure_ascii off.
void AppendJsonString(std::string_view value, std::string* out);

// The same for a value known to be valid UTF-8 (AppendJsonString checks).
void AppendValidJsonString(std::string_view valid_utf8, std::string* out);

}  // namespace lexfr
