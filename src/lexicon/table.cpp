#include "lexicon/table.h"

#include <charconv>

#include "extract/decode.h"
#include "text/text_util.h"

namespace lexfr {

Status RowError(std::string_view file, size_t line, const std::string& message) {
  return Status::Error(ExitCode::kConfig, "bad_data", std::string(file) + ":" + std::to_string(line) + ": " + message);
}

long long IntegerOf(std::string_view cell) {
  long long value = 0;
  std::from_chars(cell.data(), cell.data() + cell.size(), value);
  return value;
}

namespace {

std::string Quoted(std::string_view s) {
  std::string out(1, '"');
  out.append(s).push_back('"');
  return out;
}

std::string Joined(std::span<const std::string_view> values) {
  std::string out;
  for (std::string_view v : values) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

std::string ColumnNames(const TableSpec& spec) {
  std::string out;
  for (const DataColumn& c : spec.columns) out += (out.empty() ? "" : ", ") + std::string(c.name);
  return out;
}

}  // namespace

std::string CheckCell(std::string_view cell, const DataColumn& column) {
  if (cell.empty()) return column.required ? std::string(column.name) + " is empty" : "";
  switch (column.type) {
    case CellType::kText: return "";
    case CellType::kInteger: {
      long long value = 0;
      const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
      if (ec == std::errc() && end == cell.data() + cell.size()) return "";
      return std::string(column.name) + " must be a whole number, found " + Quoted(cell);
    }
    case CellType::kEnum:
      for (std::string_view v : column.values) {
        if (v == cell) return "";
      }
      return std::string(column.name) + " " + Quoted(cell) + " is not one of: " + Joined(column.values);
  }
  return "";
}

Status ReadTable(std::string_view file, std::string_view bytes, const TableSpec& spec, std::vector<DataRow>* rows) {
  const size_t most = spec.columns.size();
  const size_t least = spec.min_columns == 0 ? most : spec.min_columns;
  const std::vector<DataLine> lines = DataLines(bytes);
  rows->reserve(rows->size() + lines.size());
  for (const DataLine& line : lines) {
    if (!IsValidUtf8(line.text)) return RowError(file, line.number, "not valid UTF-8");
    // Split straight into the row's cells: one allocation a row, not two.
    DataRow row{line.number, {}};
    row.cells.reserve(most);
    SplitAppend(line.text, '\t', &row.cells);
    if (row.cells.size() < least || row.cells.size() > most) {
      const std::string expected =
          least == most ? std::to_string(most) : std::to_string(least) + " to " + std::to_string(most);
      return RowError(file, line.number,
                      "expected " + expected + " tab-separated columns (" + ColumnNames(spec) + "), found " +
                          std::to_string(row.cells.size()));
    }
    row.cells.resize(most);  // trailing optional cells left out: empty
    for (size_t i = 0; i < most; ++i) {
      const std::string_view cell = Trim(row.cells[i]);
      if (std::string what = CheckCell(cell, spec.columns[i]); !what.empty()) {
        return RowError(file, line.number, what);
      }
      row.cells[i] = cell;
    }
    if (spec.row_check) {
      if (std::string what = spec.row_check(row); !what.empty()) return RowError(file, line.number, what);
    }
    rows->push_back(std::move(row));
  }
  return Status::Ok();
}

}  // namespace lexfr
