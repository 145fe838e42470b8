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
#include <string>
#include <string_view>
#include <vector>

namespace lexfr {

class JsonWriter {
 public:
  JsonWriter(std::string* out, bool pretty) : out_(out), pretty_(pretty) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);

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
  void Field(std::string_view key, std::string_view value) { Key(key), String(value); }
  void Field(std::string_view key, const char* value) { Key(key), String(value); }
  void Field(std::string_view key, uint64_t value);
  void Field(std::string_view key, uint32_t value) { Field(key, uint64_t{value}); }
  void Field(std::string_view key, bool value) { Key(key), Bool(value); }
  void FieldIfSet(std::string_view key, std::string_view value) {
    if (!value.empty()) Field(key, value);
  }
  void StringArray(std::string_view key, const std::vector<std::string>& values);

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

// Appends `value` as JsonWriter::Number writes it (also a table's cell).
void AppendNumber(double value, std::string* out);

// Appends `value` as a JSON string (quotes included), escaped as nlohmann
// escapes with ensure_ascii off.
void AppendJsonString(std::string_view value, std::string* out);

}  // namespace lexfr
