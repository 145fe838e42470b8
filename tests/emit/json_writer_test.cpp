// JsonWriter must print exactly what nlohmann::ordered_json::dump() prints:
// the writer replaced a DOM, and outputs must not change by a byte.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "emit/json_writer.h"

namespace lexfr {
namespace {

using Json = nlohmann::ordered_json;

std::string Streamed(bool pretty, const std::string& odd) {
  std::string out;
  JsonWriter w(&out, pretty);
  w.BeginObject();
  w.Field("text", odd);
  w.Key("empty_array");
  w.BeginArray();
  w.EndArray();
  w.Key("empty_object");
  w.BeginObject();
  w.EndObject();
  w.Key("nested");
  w.BeginArray();
  w.BeginObject();
  w.Field("n", uint64_t{18446744073709551615u});
  w.Key("amount");
  w.Double(150000);
  w.Key("ratio");
  w.Double(0.1);
  w.Key("null");
  w.StringOrNull("");
  w.Field("flag", false);
  w.EndObject();
  w.Uint(0);
  w.EndArray();
  w.StringArray("aliases", {"Cnil", "CNIL"});
  // Keys known only when run: one as odd as the value, one long.
  w.DynamicKey(odd + " as a key");
  w.Uint(1);
  w.DynamicKey("a_key_longer_than_twenty_four_bytes");
  w.Uint(2);
  w.EndObject();
  return out;
}

Json Tree(const std::string& odd) {
  Json j;
  j["text"] = odd;
  j["empty_array"] = Json::array();
  j["empty_object"] = Json::object();
  j["nested"] = Json::array({Json{{"n", uint64_t{18446744073709551615u}},
                                  {"amount", 150000.0},
                                  {"ratio", 0.1},
                                  {"null", nullptr},
                                  {"flag", false}},
                             0u});
  j["aliases"] = {"Cnil", "CNIL"};
  j[odd + " as a key"] = 1u;
  j["a_key_longer_than_twenty_four_bytes"] = 2u;
  return j;
}

TEST_CASE("JsonWriter prints what nlohmann's dump prints", "[json]") {
  const std::string odd = GENERATE(std::string("« article 48 du RGPD »"), std::string("quote \" back \\ slash / ok"),
                                   std::string("tab\tnl\ncr\rbs\bff\f\x01\x1f\x7f end"),
                                   std::string("bad \xff\xfe utf-8 \xc3"), std::string(""));
  for (const bool pretty : {false, true}) {
    CAPTURE(odd, pretty);
    CHECK(Streamed(pretty, odd) == Tree(odd).dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace));
  }
}

TEST_CASE("AppendJsonString escapes control characters in lower-case hex", "[json]") {
  std::string out;
  AppendJsonString("\x1b[0m", &out);
  CHECK(out == "\"\\u001b[0m\"");
}

TEST_CASE("AppendJsonString finds a byte to escape at every place of an eight-byte word", "[json]") {
  // The scan reads eight bytes at a time: put each odd byte at each place of
  // the first, second and third word, and in the bytes left after them.
  for (const std::string odd : {"\"", "\\", "\n", "\x1f", "\x7f", "\x20", "é", "\xff", "\xc3"}) {
    for (size_t at = 0; at <= 20; ++at) {
      std::string value(20, 'a');
      value.insert(at, odd);
      CAPTURE(odd, at);
      std::string out;
      AppendJsonString(value, &out);
      CHECK(out == Json(value).dump(-1, ' ', false, Json::error_handler_t::replace));
    }
  }
}

TEST_CASE("UintFields writes what Field writes one by one", "[json]") {
  for (const bool pretty : {false, true}) {
    for (const bool first_in_object : {false, true}) {
      CAPTURE(pretty, first_in_object);
      std::string together, one_by_one;
      JsonWriter a(&together, pretty), b(&one_by_one, pretty);
      a.BeginObject();
      b.BeginObject();
      if (!first_in_object) {
        a.Field("text", "l’article");
        b.Field("text", "l’article");
      }
      a.UintFields({{"start", 0u}, {"end", 9u}, {"byte_start", 4294967295u}, {"a_key_of_twenty_eight_bytes_", 18446744073709551615u}});
      b.Field("start", uint64_t{0});
      b.Field("end", uint64_t{9});
      b.Field("byte_start", uint64_t{4294967295u});
      b.Field("a_key_of_twenty_eight_bytes_", uint64_t{18446744073709551615u});
      a.Field("sentence", uint64_t{3});
      b.Field("sentence", uint64_t{3});
      a.UintFields({});
      a.EndObject();
      b.EndObject();
      CHECK(together == one_by_one);
      CHECK(Json::parse(together)["a_key_of_twenty_eight_bytes_"] == 18446744073709551615u);
    }
  }
}

TEST_CASE("UintFields writes every count of digits as Field does", "[json]") {
  std::vector<uint64_t> values{0};
  for (uint64_t ten = 1; ten <= 10000000000000000000u; ten *= 10) {
    values.push_back(ten - 1);
    values.push_back(ten);
    values.push_back(ten + 1);
    if (ten == 10000000000000000000u) break;
  }
  values.push_back(4294967295u);
  values.push_back(4294967296u);
  values.push_back(18446744073709551615u);
  for (const uint64_t v : values) {
    CAPTURE(v);
    std::string together, one_by_one;
    JsonWriter a(&together, false), b(&one_by_one, false);
    a.BeginObject();
    b.BeginObject();
    a.UintFields({{"n", v}});
    b.Field("n", v);
    a.TextAndUintFields("text", "l’article", {{"n", v}});
    b.Field("text", "l’article");
    b.Field("n", v);
    a.EndObject();
    b.EndObject();
    CHECK(together == one_by_one);
  }
}

TEST_CASE("UintFields writes the digits of every offset below a million, and of some to 10^8", "[json]") {
  const auto written = [](uint64_t v) {
    std::string out;
    JsonWriter w(&out, false);
    w.BeginObject();
    w.UintFields({{"n", v}});
    w.EndObject();
    return out;
  };
  size_t wrong = 0;
  for (uint64_t v = 0; v < 1000000; ++v) wrong += written(v) != "{\"n\":" + std::to_string(v) + "}";
  for (uint64_t v = 1000000; v < 200000000; v += 9973) wrong += written(v) != "{\"n\":" + std::to_string(v) + "}";
  CHECK(wrong == 0);
}

TEST_CASE("TextAndUintFields writes what Field and UintFields write", "[json]") {
  const std::string long_text(300, 'x');
  for (const bool pretty : {false, true}) {
    for (const std::string& text : {std::string(""), std::string("a"), std::string("Conseil d’État"),
                                   std::string("dit \"non\"\t!"), std::string("12345678"), long_text,
                                   long_text + "\n"}) {
      CAPTURE(pretty, text);
      std::string together, one_by_one;
      JsonWriter a(&together, pretty), b(&one_by_one, pretty);
      a.BeginArray();
      b.BeginArray();
      for (int i = 0; i < 2; ++i) {
        a.BeginObject();
        b.BeginObject();
        a.TextAndUintFields("text", text, {{"start", 1u}, {"end", 22u}, {"sentence", 333u}});
        b.Field("text", text);
        b.UintFields({{"start", 1u}, {"end", 22u}, {"sentence", 333u}});
        a.EndObject();
        b.EndObject();
      }
      a.EndArray();
      b.EndArray();
      CHECK(together == one_by_one);
    }
  }
}

}  // namespace
}  // namespace lexfr
