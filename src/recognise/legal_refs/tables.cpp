// The reference a contract key resolves to, from the tables or from the kind
// its prefix names.
#include "recognise/legal_refs/tables.h"

namespace lexfr::legal_refs {
namespace {

// The kinds of act the contract's key prefixes name (CONTRACT.md).
constexpr std::pair<std::string_view, Kind> kKindOfKeyPrefix[] = {
    {"LOI:", Kind::kLoi},         {"DECRET:", Kind::kDecret},    {"ORD:", Kind::kOrdonnance},
    {"ARRETE:", Kind::kArrete},   {"EU_REG:", Kind::kReglement}, {"EU_DIR:", Kind::kDirective},
    {"EU_DEC:", Kind::kDecision}, {"CIRC:", Kind::kCirculaire},  {"DELIB:", Kind::kDeliberation},
    {"DECISION:", Kind::kDecision}};

Kind KindOfKey(std::string_view key) {
  for (const auto& [prefix, kind] : kKindOfKeyPrefix) {
    if (key.starts_with(prefix)) return kind;
  }
  return Kind::kOther;
}

}  // namespace

Ref RefOfKey(const Tables& tables, std::string key, std::string url, bool legislative) {
  if (auto it = tables.by_id.find(key); it != tables.by_id.end()) {
    Ref r = tables.refs[it->second];
    if (r.url.empty()) r.url = std::move(url);
    return r;
  }
  Ref r;
  r.kind = KindOfKey(key);
  r.key = std::move(key);
  r.url = std::move(url);
  r.legislative = legislative;
  return r;
}

}  // namespace lexfr::legal_refs
