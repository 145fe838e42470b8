#include "run/mapper.h"

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>
#include <vector>

#include "run/interrupt.h"
#include "test_support.h"

namespace lexfr {
namespace {

using nlohmann::json;

// A reader over `bytes` through a pipe (small inputs: they fit its buffer).
std::unique_ptr<LineReader> PipeReader(const std::string& bytes, size_t max_line = 100) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  close(fds[1]);
  return std::make_unique<LineReader>(fds[0], true, "test", max_line);
}

std::vector<RawLine> AllLines(LineReader* reader) {
  std::vector<RawLine> lines;
  RawLine line;
  while (reader->Next(&line)) lines.push_back(line);
  CHECK(reader->status().ok());
  return lines;
}

// --- reading lines ---------------------------------------------------------------

TEST_CASE("LineReader gives each line, a last one without newline, and drops CR", "[mapper]") {
  auto reader = PipeReader("a\n\nb\r\nlast");
  const std::vector<RawLine> lines = AllLines(reader.get());
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].bytes == "a");
  CHECK(lines[1].bytes.empty());
  CHECK(lines[2].bytes == "b");
  CHECK(lines[3].bytes == "last");
  for (const RawLine& l : lines) CHECK_FALSE(l.too_long);
}

TEST_CASE("LineReader: an empty input has no line; a final newline adds none", "[mapper]") {
  CHECK(AllLines(PipeReader("").get()).empty());
  CHECK(AllLines(PipeReader("x\n").get()).size() == 1);
}

TEST_CASE("LineReader marks a line over the limit and goes on with the next", "[mapper]") {
  auto reader = PipeReader("12345\n123456\nok\n1234567890", 5);
  const std::vector<RawLine> lines = AllLines(reader.get());
  REQUIRE(lines.size() == 4);
  CHECK((lines[0].bytes == "12345" && !lines[0].too_long));
  CHECK((lines[1].bytes.empty() && lines[1].too_long));
  CHECK((lines[2].bytes == "ok" && !lines[2].too_long));
  CHECK((lines[3].bytes.empty() && lines[3].too_long));
}

TEST_CASE("LineReader reads lines longer than its read chunk", "[mapper]") {
  const std::string big(200000, 'x');
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::thread writer([&] {
    const std::string bytes = big + "\n" + big;
    size_t done = 0;
    while (done < bytes.size()) done += static_cast<size_t>(write(fds[1], bytes.data() + done, bytes.size() - done));
    close(fds[1]);
  });
  LineReader reader(fds[0], true, "pipe", big.size());
  const std::vector<RawLine> lines = AllLines(&reader);
  writer.join();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].bytes == big);
  CHECK(lines[1].bytes == big);
}

TEST_CASE("LineReader::Open reports a missing file and a folder", "[mapper]") {
  std::unique_ptr<LineReader> reader;
  CHECK(LineReader::Open("/nonexistent/x.jsonl", 10, &reader).code() == "not_found");
  CHECK(LineReader::Open("/", 10, &reader).code() == "is_directory");
  CHECK(LineReader::Open("-", 10, &reader).ok());
  CHECK(reader->name() == "standard input");
}

// --- one line ----------------------------------------------------------------------

TEST_CASE("ParseMapperLine reads text and path documents with their ids", "[mapper]") {
  MapperDoc d = ParseMapperLine(R"({"id": "a-1", "text": "L\u2019arrêt"})");
  REQUIRE(d.error.ok());
  CHECK(d.id == "\"a-1\"");
  CHECK_FALSE(d.has_path);
  CHECK(d.text == "L\xe2\x80\x99" "arr\xc3\xaat");  // the UTF-8 of the text

  d = ParseMapperLine(R"({"path": "a/b.txt", "id": 42, "meta": {"x": 1}})");
  REQUIRE(d.error.ok());
  CHECK(d.id == "42");
  CHECK(d.has_path);
  CHECK(d.path == "a/b.txt");

  CHECK(ParseMapperLine(R"({"id": -7.5, "text": ""})").id == "-7.5");
  CHECK(ParseMapperLine(R"({"id": null, "text": "x"})").id == "null");
  CHECK(ParseMapperLine(R"({"text": "x"})").id == "null");
}

TEST_CASE("ParseMapperLine says what is wrong with a bad line", "[mapper]") {
  const auto code = [](std::string_view line) { return ParseMapperLine(line).error.code(); };
  CHECK(code("") == "bad_line");
  CHECK(code("   ") == "bad_line");
  CHECK(code("not json") == "not_json");
  CHECK(code(R"({"text": "unterminated)") == "not_json");
  CHECK(code("{\"text\": \"\xff\"}") == "not_json");  // invalid UTF-8
  CHECK(code("[1, 2]") == "bad_line");
  CHECK(code("\"text\"") == "bad_line");
  CHECK(code(R"({"id": 1})") == "bad_line");
  CHECK(code(R"({"text": 3})") == "bad_line");
  CHECK(code(R"({"text": "a", "path": "b"})") == "bad_line");
  CHECK(code(R"({"path": ""})") == "bad_line");
  CHECK(code(R"({"path": "-"})") == "bad_line");
  CHECK(code(R"({"path": ["a"]})") == "bad_line");
  CHECK(code(R"({"id": [1], "text": "x"})") == "bad_line");
  CHECK(code(R"({"id": true, "text": "x"})") == "bad_line");
  // The id of a line that has one is kept for its error record.
  const MapperDoc d = ParseMapperLine(R"({"id": "k", "text": 3})");
  CHECK(d.id == "\"k\"");
  CHECK(d.error.message() == "\"text\" is a number, not a string");
  CHECK(ParseMapperLine("[1]").error.message().rfind("an array, not a JSON object", 0) == 0);
  CHECK(ParseMapperLine("nul").error.message().rfind("not JSON (at byte ", 0) == 0);
}

TEST_CASE("ParseMapperLine: JSON nlohmann cannot hold is a bad line, not the end of the stream", "[mapper]") {
  const MapperDoc d = ParseMapperLine(R"({"id":2,"text":"b","meta":{"score":-1e309}})");
  CHECK(d.error.code() == "bad_line");
  CHECK(d.error.message() == "cannot be read: number overflow parsing '-1e309'");
  CHECK(ParseMapperLine(R"({"id":1e400,"text":"b"})").error.code() == "bad_line");
  CHECK(ParseMapperLine(R"({"id":1e300,"text":"b"})").error.ok());
}

// A reader that throws, as a bug or exhausted memory would.
class ThrowingReader : public FileReader {
 public:
  Status Read(const std::string&, size_t, std::string*) const override { throw std::runtime_error("boom"); }
};

TEST_CASE("ProcessLine: any exception is the line's error record", "[mapper]") {
  const FileResult r = ProcessLine({R"({"id": 9, "path": "a.txt"})", false}, ThrowingReader(), SharedResources(), {},
                                   LineOptions{1000});
  CHECK(r.status.code() == "internal_error");
  const json j = json::parse(r.record);
  CHECK(j["source"] == json({{"path", "a.txt"}, {"id", 9}}));
  CHECK(j["error"]["code"] == "internal_error");
  CHECK(j["error"]["message"] == "internal error (please report it): boom");
}

TEST_CASE("ProcessLine: paths denied are error records, texts are analysed", "[mapper]") {
  MemoryReader files;
  files.Add("a.txt", "Le Conseil d'État a statué.");
  const LineOptions deny{1000, false};
  const FileResult p = ProcessLine({R"({"id": 1, "path": "a.txt"})", false}, files, SharedResources(), {}, deny);
  CHECK(p.status.code() == "paths_denied");
  CHECK(json::parse(p.record)["source"] == json({{"path", "a.txt"}, {"id", 1}}));
  const FileResult t = ProcessLine({R"({"id": 2, "text": "Le Conseil d'État."})", false}, files, SharedResources(),
                                   {}, deny);
  CHECK(t.status.ok());
}

TEST_CASE("LineReader: a signal ends the wait for the next line, and a cut line is no line", "[mapper][interrupt]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const std::string bytes = "{\"id\": 1}\n{\"id\": 2, \"te";
  REQUIRE(write(fds[1], bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  LineReader reader(fds[0], true, "standard input", 100);
  RawLine line;
  REQUIRE(reader.Next(&line));
  CHECK(line.bytes == "{\"id\": 1}");
  InstallInterruptHandlers();
  RequestInterruptForTesting(2);
  CHECK(!reader.Next(&line));  // would wait for the rest of line 2
  ResetInterruptForTesting();
  CHECK(reader.status().code() == "interrupted");
  close(fds[1]);
}

TEST_CASE("ProcessLine: a document with source.id, or an error record on its line", "[mapper]") {
  MemoryReader files;
  files.Add("a.txt", "Le Conseil d'État a statué.");
  files.Add("bin.txt", std::string("\x00\x01\x02", 3));
  const auto record = [&](const std::string& line) {
    const FileResult r = ProcessLine({line, false}, files, SharedResources(), {}, LineOptions{1000});
    REQUIRE(!r.record.empty());
    CHECK(r.record.back() == '\n');
    CHECK(r.record.find('\n') == r.record.size() - 1);  // one line
    return std::make_pair(r, json::parse(r.record));
  };

  auto [r, j] = record(R"({"id": 7, "text": "Le Conseil d'État a statué."})");
  CHECK(r.status.ok());
  CHECK(j["source"]["id"] == 7);
  CHECK(j["source"]["path"] == "-");
  CHECK(j["source"]["bytes"] == 29);
  CHECK(r.entities == j["entities"].size());

  // The same bytes by path: the same analysis, but for path and id.
  auto [r2, j2] = record(R"({"id": "x", "path": "a.txt"})");
  CHECK(j2["source"]["path"] == "a.txt");
  CHECK(j2["source"]["id"] == "x");
  CHECK(j2["source"]["sha256"] == j["source"]["sha256"]);
  CHECK(j2["entities"] == j["entities"]);

  auto [r3, j3] = record(R"({"id": 3, "path": "missing.txt"})");
  CHECK(r3.status.code() == "not_found");
  CHECK(j3["error"]["code"] == "not_found");
  CHECK(j3["source"] == json({{"path", "missing.txt"}, {"id", 3}}));

  auto [r4, j4] = record(R"({"id": 4, "path": "bin.txt"})");
  CHECK(j4["error"]["code"] == "binary");

  auto [r5, j5] = record("{oops");
  CHECK(j5["source"] == json({{"path", "-"}, {"id", nullptr}}));
  CHECK(j5["error"]["code"] == "not_json");

  const FileResult big = ProcessLine({"", true}, files, SharedResources(), {}, LineOptions{1000});
  CHECK(json::parse(big.record)["error"]["code"] == "too_large");
}

}  // namespace
}  // namespace lexfr
