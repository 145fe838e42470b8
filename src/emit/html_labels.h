// The words of the HTML view in the reader's language: headings, field
// labels, entity types, and the values the JSON prints as keys
// (`violation_of_law` -> « violation de la loi »).
//
// In: data/labels/html.tsv (embedded in the binary; columns key, fr, en) and
// a language. Out: the label of a key, or of a count (« 3 organisations »).
// A key the table lacks is shown as itself, so a value added to the schema
// before its label reads as the raw key, never as an empty cell.
//
// Thread-safety: For() builds each language's table once (a function-local
// static); the tables are then read-only and shared.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "lexfr/status.h"

namespace lexfr {

enum class HtmlLang : uint8_t { kFr, kEn };

// Parses "fr" or "en" (--lang); false for anything else.
bool ParseHtmlLang(std::string_view name, HtmlLang* out);
const char* HtmlLangName(HtmlLang lang);  // "fr", "en"

class HtmlLabels {
 public:
  // The embedded table's labels for `lang`. The table is checked by the unit
  // tests (every schema value has both labels); were a row malformed, the
  // labels read before it are kept and the rest shown as keys.
  static const HtmlLabels& For(HtmlLang lang);

  // Reads `tsv` (the format of data/labels/html.tsv); a bad row is a kConfig
  // error naming `file:line`.
  static Status Parse(std::string_view file, std::string_view tsv, HtmlLang lang, HtmlLabels* out);

  HtmlLang lang() const { return lang_; }
  // The label of `key`, or `key` itself.
  std::string_view Get(std::string_view key) const;
  bool Has(std::string_view key) const { return labels_.count(key) > 0; }
  // The label of a value the JSON prints: Value("category", "other").
  std::string_view Value(std::string_view field, std::string_view value) const;
  // A count in words: the singular or plural form of `key` (« a|b »), with
  // {n} and {total} replaced, or "n " before the form when it has no {n}.
  std::string Count(std::string_view key, uint64_t n, uint64_t total = 0) const;
  // The singular (n = 1) or plural form of `key`, without the number.
  std::string_view Form(std::string_view key, uint64_t n) const;

 private:
  HtmlLang lang_ = HtmlLang::kFr;
  std::map<std::string, std::string, std::less<>> labels_;
};

}  // namespace lexfr
