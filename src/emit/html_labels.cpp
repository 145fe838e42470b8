#include "emit/html_labels.h"

#include <spdlog/spdlog.h>

#include <vector>

#include "lexicon/embedded.h"
#include "lexicon/table.h"

namespace lexfr {
namespace {

constexpr std::string_view kLabelsFile = "data/labels/html.tsv";

void ReplaceAll(std::string* s, std::string_view from, const std::string& to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

}  // namespace

bool ParseHtmlLang(std::string_view name, HtmlLang* out) {
  if (name == "fr") *out = HtmlLang::kFr;
  else if (name == "en") *out = HtmlLang::kEn;
  else return false;
  return true;
}

const char* HtmlLangName(HtmlLang lang) { return lang == HtmlLang::kEn ? "en" : "fr"; }

Status HtmlLabels::Parse(std::string_view file, std::string_view tsv, HtmlLang lang, HtmlLabels* out) {
  TableSpec spec;
  spec.columns = {{"key"}, {"fr"}, {"en"}};
  std::vector<DataRow> rows;
  out->lang_ = lang;
  out->labels_.clear();
  Status s = ReadTable(file, tsv, spec, &rows);
  for (const DataRow& row : rows) {
    if (!out->labels_.emplace(std::string(row[0]), std::string(row[lang == HtmlLang::kEn ? 2 : 1])).second) {
      return RowError(file, row.line, "the key \"" + std::string(row[0]) + "\" is already labelled above");
    }
  }
  return s;
}

const HtmlLabels& HtmlLabels::For(HtmlLang lang) {
  const auto load = [](HtmlLang l) {
    HtmlLabels labels;
    const Status s = Parse(kLabelsFile, EmbeddedFileOrEmpty(kLabelsFile), l, &labels);
    if (!s.ok()) spdlog::error("{}", s.message());
    return labels;
  };
  static const HtmlLabels fr = load(HtmlLang::kFr);
  static const HtmlLabels en = load(HtmlLang::kEn);
  return lang == HtmlLang::kEn ? en : fr;
}

std::string_view HtmlLabels::Get(std::string_view key) const {
  const auto it = labels_.find(key);
  return it == labels_.end() ? key : std::string_view(it->second);
}

std::string_view HtmlLabels::Value(std::string_view field, std::string_view value) const {
  std::string key(field);
  key += '.';
  key += value;
  const auto it = labels_.find(key);
  return it == labels_.end() ? value : std::string_view(it->second);
}

std::string_view HtmlLabels::Form(std::string_view key, uint64_t n) const {
  const std::string_view forms = Get(key);
  const size_t bar = forms.find('|');
  if (bar == std::string_view::npos) return forms;
  // French counts 0 and 1 in the singular, English only 1.
  const bool singular = lang_ == HtmlLang::kFr ? n <= 1 : n == 1;
  return singular ? forms.substr(0, bar) : forms.substr(bar + 1);
}

std::string HtmlLabels::Count(std::string_view key, uint64_t n, uint64_t total) const {
  std::string form(Form(key, n));
  if (form.find("{n}") == std::string::npos) return std::to_string(n) + " " + form;
  ReplaceAll(&form, "{n}", std::to_string(n));
  ReplaceAll(&form, "{total}", std::to_string(total));
  return form;
}

}  // namespace lexfr
