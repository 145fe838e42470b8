// Tables (emit/table_rows.h): cells quoted or escaped so that a reader gets
// each one back whole, and numbers written as JSON writes them.
#include <catch2/catch.hpp>

#include <string>

#include "emit/json_writer.h"
#include "emit/table_rows.h"

namespace lexfr {
namespace {

std::string ErrorRow(const std::string& message, TableDialect dialect) {
  std::string out;
  AppendErrorRow("a,b.txt", Status::Error(ExitCode::kDataErr, "binary", message), dialect, &out, "\"d-1\"");
  return out;
}

TEST_CASE("CSV quotes a cell with a comma, a quote or a line break, and doubles its quotes", "[tables]") {
  CHECK(ErrorRow("plain", TableDialect::kCsv) == "\"a,b.txt\",ERROR,plain,binary,,,,,,,,,,,,,,,d-1\r\n");
  CHECK(ErrorRow("dit « \"non\" »\r\nici", TableDialect::kCsv) ==
        "\"a,b.txt\",ERROR,\"dit « \"\"non\"\" »\r\nici\",binary,,,,,,,,,,,,,,,d-1\r\n");
}

TEST_CASE("TSV escapes tabs, line breaks and backslashes, and quotes nothing", "[tables]") {
  CHECK(ErrorRow("a\tb\nc\\d \"e\"", TableDialect::kTsv) ==
        "a,b.txt\tERROR\ta\\tb\\nc\\\\d \"e\"\tbinary\t\t\t\t\t\t\t\t\t\t\t\t\t\t\td-1\n");
}

TEST_CASE("The header names the fixed columns in order", "[tables]") {
  CHECK(TableHeader(TableDialect::kCsv) ==
        "path,type,canonical,subtype,instrument,article,value,amount,currency,mentions,text,start,end,byte_start,"
        "byte_end,sentence,sentence_text,page,id\r\n");
}

TEST_CASE("Integral numbers are written as integers, others as their shortest decimal", "[tables][json]") {
  const auto number = [](double x) {
    std::string out;
    AppendNumber(x, &out);
    return out;
  };
  CHECK(number(150000000.0) == "150000000");
  CHECK(number(0.0) == "0");
  CHECK(number(1234.56) == "1234.56");
  CHECK(number(0.1) == "0.1");
  CHECK(number(1e300) == "1e+300");  // past 2^53 "integral" means nothing: as nlohmann writes it
}

}  // namespace
}  // namespace lexfr
