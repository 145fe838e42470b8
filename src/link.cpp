#include "lexfr/link.h"

#include <algorithm>
#include <map>

namespace lexfr {
namespace {

int FamilyOf(EntityType t) {
  switch (t) {
    case EntityType::kOrg:
    case EntityType::kPerson:
    case EntityType::kLoc: return 0;
    case EntityType::kLegalRef: return 1;
    case EntityType::kDate: return 2;
    case EntityType::kMoney: return 3;
  }
  return 0;
}

// Keeps, per family, the longest then highest-priority candidates that do not
// overlap one already kept.
std::vector<Candidate> ResolveOverlaps(std::vector<Candidate> candidates, size_t token_count) {
  // Sort indices, not candidates: a Candidate carries a dozen strings.
  std::vector<uint32_t> order(candidates.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const Candidate& a = candidates[x];
    const Candidate& b = candidates[y];
    const uint32_t la = a.end_token - a.first_token, lb = b.end_token - b.first_token;
    if (la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.first_token < b.first_token;
  });
  std::vector<std::vector<bool>> taken(4, std::vector<bool>(token_count, false));
  std::vector<uint32_t> kept;
  for (uint32_t index : order) {
    const Candidate& c = candidates[index];
    if (c.end_token <= c.first_token || c.end_token > token_count) continue;
    std::vector<bool>& used = taken[FamilyOf(c.type)];
    if (std::any_of(used.begin() + c.first_token, used.begin() + c.end_token, [](bool b) { return b; })) continue;
    std::fill(used.begin() + c.first_token, used.begin() + c.end_token, true);
    kept.push_back(index);
  }
  std::stable_sort(kept.begin(), kept.end(), [&](uint32_t x, uint32_t y) {
    const Candidate& a = candidates[x];
    const Candidate& b = candidates[y];
    return a.first_token != b.first_token ? a.first_token < b.first_token : FamilyOf(a.type) < FamilyOf(b.type);
  });
  std::vector<Candidate> out;
  out.reserve(kept.size());
  for (uint32_t index : kept) out.push_back(std::move(candidates[index]));
  return out;
}

}  // namespace

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kOrg: return "ORG";
    case EntityType::kPerson: return "PERSON";
    case EntityType::kLoc: return "LOC";
    case EntityType::kLegalRef: return "LEGAL_REF";
    case EntityType::kDate: return "DATE";
    case EntityType::kMoney: return "MONEY";
  }
  return "ORG";
}

std::vector<Entity> Link(std::string_view text, const Segmentation& seg, std::vector<Candidate> candidates) {
  std::vector<Entity> entities;
  std::map<std::pair<EntityType, std::string>, size_t> index;  // (type, canonical) -> entity
  for (Candidate& c : ResolveOverlaps(std::move(candidates), seg.tokens.size())) {
    const Token& first = seg.tokens[c.first_token];
    const Token& last = seg.tokens[c.end_token - 1];
    Mention m{c.first_token, c.end_token, first.byte_start, last.byte_end, first.start, last.end, first.sentence};
    auto [it, inserted] = index.try_emplace({c.type, c.canonical}, entities.size());
    if (inserted) {
      Entity e;
      e.type = c.type;
      e.canonical = std::move(c.canonical);
      e.fields = std::move(c.fields);
      entities.push_back(std::move(e));
    }
    Entity& e = entities[it->second];
    const std::string surface(text.substr(m.byte_start, m.byte_end - m.byte_start));
    if (std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end()) e.aliases.push_back(surface);
    e.mentions.push_back(m);
  }
  return entities;  // candidates came sorted by start, so entities are by first mention
}

}  // namespace lexfr
