// Reading one data file as a table of checked rows.
//
// In: a file's name (for messages) and bytes, and what its columns must hold.
// Out: its rows, cells trimmed, or the first malformed row as a kConfig error
// "file:line: what is wrong" (the exit code 78 of a bad --gazetteer). Blank
// lines and lines starting with '#' are skipped. Nothing is ever guessed: a
// missing tab, a weight « deux » or an unknown value is an error, not a
// default.
//
// Thread-safety: free functions with no shared state.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/status.h"

namespace lexfr {

enum class CellType : unsigned char {
  kText,     // anything (UTF-8 is checked for the whole line)
  kInteger,  // a whole number, optionally negative
  kEnum,     // one of DataColumn::values
};

struct DataColumn {
  std::string_view name;
  CellType type = CellType::kText;
  bool required = true;                          // must not be empty
  std::span<const std::string_view> values = {};  // kEnum: the allowed values
};

struct DataRow;

struct TableSpec {
  std::vector<DataColumn> columns;
  // Rows may leave out trailing optional columns down to this many (their
  // tabs included); 0 means every column must be there.
  size_t min_columns = 0;
  // What the cells of a row must say together ("a multiplier's value is a
  // power of ten"): what is wrong with a row whose cells each conform, or "".
  std::function<std::string(const DataRow&)> row_check = nullptr;
};

struct DataRow {
  size_t line = 0;                  // 1-based, for messages
  std::vector<std::string_view> cells;  // trimmed, one per column of the spec
  std::string_view operator[](size_t i) const { return cells[i]; }
};

// "file:line: message", as a kConfig error.
Status RowError(std::string_view file, size_t line, const std::string& message);

// The rows of `bytes` checked against `spec`. The views point into `bytes`.
Status ReadTable(std::string_view file, std::string_view bytes, const TableSpec& spec, std::vector<DataRow>* rows);

// Checks one cell against a column: "" when it conforms, else what is wrong.
std::string CheckCell(std::string_view cell, const DataColumn& column);

// The integer value of a cell that CheckCell accepted as kInteger.
long long IntegerOf(std::string_view cell);

}  // namespace lexfr
