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

TEST_CASE("ParseByteSize (--max-bytes): bytes, or K, M, G, T as powers of 1024, at most 1 TiB", "[options]") {
  CHECK(ParseByteSize("0") == 0u);
  CHECK(ParseByteSize("100") == 100u);
  CHECK(ParseByteSize("1k") == 1024u);
  CHECK(ParseByteSize("1K") == 1024u);
  CHECK(ParseByteSize("64M") == uint64_t{64} << 20);
  CHECK(ParseByteSize("64MiB") == uint64_t{64} << 20);
  CHECK(ParseByteSize("64MB") == uint64_t{64} << 20);
  CHECK(ParseByteSize("1G") == uint64_t{1} << 30);
  CHECK(ParseByteSize("1T") == kMostMaxBytes);
  CHECK(ParseByteSize("1099511627776") == kMostMaxBytes);
  for (const char* bad : {"", "-1", "1099511627777", "2T", "1024T", "18446744073709551616", "12x", "1e6", "k", "1 k",
                          "1kk", "1Mi", "1.5M", " 1"}) {
    INFO(bad);
    CHECK_FALSE(ParseByteSize(bad));
  }
}

TEST_CASE("ParseTimeout (--timeout): seconds from 0.001 to 1000000", "[options]") {
  CHECK(ParseTimeout("60") == 60.0);
  CHECK(ParseTimeout("0.5") == 0.5);
  CHECK(ParseTimeout("0.001") == 0.001);
  for (const char* bad : {"0", "-1", "1000001", "nan", "inf", "", "5s"}) {
    INFO(bad);
    CHECK_FALSE(ParseTimeout(bad));
  }
}

}  // namespace lexfr
