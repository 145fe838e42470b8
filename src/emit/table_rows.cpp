#include "emit/table_rows.h"

#include <vector>

#include <nlohmann/json.hpp>

#include "emit/json_writer.h"
#include "extract/extract.h"

namespace lexfr {
namespace {

void AppendCsvCell(std::string_view cell, std::string* out) {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(cell);
    return;
  }
  out->push_back('"');
  for (const char c : cell) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendTsvCell(std::string_view cell, std::string* out) {
  for (const char c : cell) {
    switch (c) {
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\\': out->append("\\\\"); break;
      default: out->push_back(c);
    }
  }
}

// One row being built: cells in kTableColumns order, by name.
class Row {
 public:
  void Set(std::string_view column, std::string value) {
    for (size_t i = 0; i < kTableColumns.size(); ++i) {
      if (kTableColumns[i] == column) {
        cells_[i] = std::move(value);
        return;
      }
    }
  }
  void Set(std::string_view column, uint64_t value) { Set(column, std::to_string(value)); }

  void AppendTo(TableDialect dialect, std::string* out) const {
    for (size_t i = 0; i < cells_.size(); ++i) {
      if (i > 0) out->push_back(dialect == TableDialect::kCsv ? ',' : '\t');
      dialect == TableDialect::kCsv ? AppendCsvCell(cells_[i], out) : AppendTsvCell(cells_[i], out);
    }
    out->append(dialect == TableDialect::kCsv ? "\r\n" : "\n");
  }

 private:
  std::array<std::string, kTableColumns.size()> cells_;
};

// The cells an entity gives every one of its rows: its key fields, as the
// JSON names them (emit/json_record.cpp WriteEntity).
void SetEntityCells(const Entity& e, Row& row) {
  const EntityFields& f = e.fields;
  row.Set("type", EntityTypeName(e.type));
  row.Set("canonical", e.canonical);
  row.Set("mentions", uint64_t{e.mentions.size()});
  switch (e.type) {
    case EntityType::kOrg:
    case EntityType::kLoc: row.Set("subtype", f.subtype()); break;
    case EntityType::kPerson: break;
    case EntityType::kLegalRef:
      row.Set("instrument", f.instrument());
      row.Set("article", f.article());
      break;
    case EntityType::kDate:
    case EntityType::kDuration: row.Set("value", f.value()); break;
    case EntityType::kMoney: {
      std::string amount;
      AppendNumber(f.amount, &amount);
      row.Set("amount", std::move(amount));
      row.Set("currency", f.currency());
      break;
    }
  }
}

void SetMentionCells(const Document& doc, const Mention& m, Row& row) {
  const std::string_view text = doc.decoded.text;
  row.Set("text", std::string(text.substr(m.byte_start, m.byte_end - m.byte_start)));
  row.Set("start", uint64_t{m.start});
  row.Set("end", uint64_t{m.end});
  row.Set("byte_start", uint64_t{m.byte_start});
  row.Set("byte_end", uint64_t{m.byte_end});
  row.Set("sentence", uint64_t{m.sentence});
  const std::vector<Sentence>& sentences = doc.segmentation.sentences;
  if (m.sentence < sentences.size()) {
    const Sentence& s = sentences[m.sentence];
    row.Set("sentence_text", std::string(text.substr(s.byte_start, s.byte_end - s.byte_start)));
  }
  if (!doc.source.page_starts.empty()) row.Set("page", uint64_t{PageAt(doc.source.page_starts, m.byte_start)});
}

// source.id is JSON text ("\"d-1\"", "7"): a string id's cell is the string
// itself, as a spreadsheet would show it; any other id its JSON.
void SetSourceCells(const std::string& path, const std::optional<std::string>& id, Row& row) {
  row.Set("path", path);
  if (!id) return;
  const nlohmann::json value = nlohmann::json::parse(*id, nullptr, false);
  row.Set("id", value.is_string() ? value.get<std::string>() : *id);
}

}  // namespace

std::string TableHeader(TableDialect dialect) {
  Row header;
  for (std::string_view column : kTableColumns) header.Set(column, std::string(column));
  std::string out;
  header.AppendTo(dialect, &out);
  return out;
}

void AppendDocumentRows(const Document& doc, const TableOptions& options, std::string* out) {
  for (const Entity& e : doc.entities) {
    if (!options.shape.Keeps(e.type) || e.mentions.empty()) continue;
    Row row;
    SetSourceCells(doc.path, doc.id, row);
    SetEntityCells(e, row);
    if (!options.per_mention) {
      SetMentionCells(doc, e.mentions.front(), row);
      row.AppendTo(options.dialect, out);
      continue;
    }
    for (const Mention& m : e.mentions) {
      SetMentionCells(doc, m, row);
      row.AppendTo(options.dialect, out);
    }
  }
}

void AppendErrorRow(const std::string& path, const Status& status, TableDialect dialect, std::string* out,
                    const std::optional<std::string>& id) {
  Row row;
  SetSourceCells(path, id, row);
  row.Set("type", "ERROR");
  row.Set("canonical", status.message());
  row.Set("subtype", status.code());
  row.AppendTo(dialect, out);
}

}  // namespace lexfr
