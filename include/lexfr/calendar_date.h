// A day of the calendar, as --ref-date gives it and relative dates resolve
// against it (recognise/dates.h).
//
// In: "YYYY-MM-DD". Out: a CalendarDate, only for a day that exists (no
// 2023-02-29, no 2024-13-01) in the years dates are read in, 1000 to 2100;
// anything else is nullopt. Parsed once, where the text comes in (the command
// line, an HTML page's publication date), so that no stage checks a string
// again.
//
// Thread-safety: plain values and a pure function.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace lexfr {

struct CalendarDate {
  int year = 0;   // 1000 to 2100
  int month = 0;  // 1 to 12
  int day = 0;    // 1 to the month's last
  bool operator==(const CalendarDate&) const = default;
};

inline constexpr int kFirstDateYear = 1000;
inline constexpr int kLastDateYear = 2100;

// "2024-02-29" -> {2024, 2, 29}: exactly four, two and two ASCII digits
// between dashes, a day that exists, a year from 1000 to 2100.
inline std::optional<CalendarDate> ParseCalendarDate(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, sizes[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (size_t i = starts[f]; i < starts[f] + sizes[f]; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (iso[i] - '0');
    }
  }
  const CalendarDate date{fields[0], fields[1], fields[2]};
  const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  if (date.year < kFirstDateYear || date.year > kLastDateYear || !ymd.ok()) return std::nullopt;
  return date;
}

}  // namespace lexfr
