#include "run/job.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace lexfr {
namespace {

using nlohmann::json;

constexpr const char* kText = "La CNIL a sanctionné Google le 31 décembre 2021.";

}  // namespace

TEST_CASE("RunJob: a file and the same text given whole give one document", "[job]") {
  MemoryReader reader;
  reader.Add("a.txt", kText);
  Job file;
  file.path = "a.txt";
  Job text;
  text.text = kText;
  text.id.emplace("7");
  const FileResult from_file = RunJob(file, reader, SharedResources(), {}, {});
  const FileResult from_text = RunJob(text, reader, SharedResources(), {}, {});
  REQUIRE(from_file.status.ok());
  REQUIRE(from_text.status.ok());
  CHECK(from_file.record.back() == '\n');
  json a = json::parse(from_file.record), b = json::parse(from_text.record);
  CHECK(a["source"]["path"] == "a.txt");
  CHECK(b["source"]["path"] == "-");
  CHECK(b["source"]["id"] == 7);
  CHECK_FALSE(a["source"].contains("id"));
  CHECK(a["entities"] == b["entities"]);
  CHECK(from_file.entities == from_text.entities);
  CHECK(from_file.entity_types.at("DATE") == 1);
}

TEST_CASE("RunJob: a job with an error reads nothing and is an error record with its id", "[job]") {
  MemoryReader reader;  // empty: a read would fail with not_found
  Job job;
  job.path = "b.txt";
  job.id = "\"d-1\"";
  job.error = Status::Error(ExitCode::kDataErr, "paths_denied", "b.txt: refused");
  const FileResult r = RunJob(job, reader, SharedResources(), {}, {});
  CHECK(r.status.code() == "paths_denied");
  const json record = json::parse(r.record);
  CHECK(record["source"]["path"] == "b.txt");
  CHECK(record["source"]["id"] == "d-1");
  CHECK(record["error"]["code"] == "paths_denied");
}

TEST_CASE("RunJob: an HTML record is a page", "[job]") {
  Job job;
  job.text = kText;
  RecordOptions html;
  html.html = true;
  const FileResult r = RunJob(job, MemoryReader(), SharedResources(), {}, html);
  REQUIRE(r.status.ok());
  CHECK(r.record.rfind("<!DOCTYPE html>", 0) == 0);
}

}  // namespace lexfr
