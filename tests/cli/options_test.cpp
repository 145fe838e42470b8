#include "cli/options.h"

#include <catch2/catch.hpp>

namespace lexfr {

TEST_CASE("ParseCalendarDate (--ref-date): a real calendar day from 1000 to 2100, or nothing", "[options]") {
  CHECK(ParseCalendarDate("2024-02-29") == CalendarDate{2024, 2, 29});
  CHECK(ParseCalendarDate("1000-01-01") == CalendarDate{1000, 1, 1});
  CHECK(ParseCalendarDate("2100-12-31") == CalendarDate{2100, 12, 31});
  for (const char* bad : {"2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-04-31", "abcd-ef-gh",
                          "2024-1-1", "24-01-01", "0999-12-31", "2101-01-01", "2024-03-0x", "+024-03-01",
                          "2024/03/01", "2024-03-01 ", ""}) {
    INFO(bad);
    CHECK_FALSE(ParseCalendarDate(bad));
  }
}

TEST_CASE("ParseOutputFormat (--format): four names, each its enum", "[options]") {
  CHECK(ParseOutputFormat("auto") == OutputFormat::kAuto);
  CHECK(ParseOutputFormat("json") == OutputFormat::kJson);
  CHECK(ParseOutputFormat("jsonl") == OutputFormat::kJsonl);
  CHECK(ParseOutputFormat("html") == OutputFormat::kHtml);
  CHECK_FALSE(ParseOutputFormat("JSON"));
  CHECK_FALSE(ParseOutputFormat(""));
}

TEST_CASE("ParseJobs (--jobs): 1 to 1024 threads, and by default one per core within that", "[options]") {
  CHECK(ParseJobs("1") == 1u);
  CHECK(ParseJobs("1024") == 1024u);
  for (const char* bad : {"0", "1025", "-1", "+2", "2x", " 2", "", "99999999999"}) {
    INFO(bad);
    CHECK_FALSE(ParseJobs(bad));
  }
  CHECK(DefaultJobs() >= 1);
  CHECK(DefaultJobs() <= kMostJobs);
  CHECK(Options().jobs == DefaultJobs());
}

}  // namespace lexfr
