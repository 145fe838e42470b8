// A decision's judges (structure/judges.h).
#include "structure/judges.h"

#include <algorithm>
#include <unordered_map>

namespace lexfr {
namespace {

// Whether a role ending at `end` ends the person's description: a
// punctuation, a line's end, « et » before the next person, or the text's end.
bool RoleEndsAt(const TokenView& view, uint32_t end) {
  if (end >= view.size() || view.Has(end, kLineBreakBefore)) return true;
  const Token& t = view.token(end);
  if (t.kind == TokenKind::kPunct) return view.Text(end) != "(";
  return view.Folded(end) == "et";
}

// Pseudonymised names are parties', never a judge's.
bool IsPseudonym(const std::string& name) {
  return name.find('[') != std::string::npos || name.find("...") != std::string::npos;
}

}  // namespace

std::vector<Judge> ReadJudges(const TokenView& view, const std::vector<Entity>& entities,
                              std::span<const CueHit* const> role_hits) {
  // the longest role starting at each token (hits come longest first)
  std::unordered_map<uint32_t, const CueHit*> role_at;
  for (const CueHit* h : role_hits) {
    auto [it, fresh] = role_at.try_emplace(h->first_token, h);
    if (!fresh && h->end_token > it->second->end_token) it->second = h;
  }
  struct Seen {
    uint32_t first_token;
    Judge judge;
  };
  std::vector<Seen> seen;
  std::unordered_map<std::string, size_t> index_of;  // name -> in seen
  if (role_at.empty()) return {};
  for (const Entity& e : entities) {
    if (e.type != EntityType::kPerson || IsPseudonym(e.canonical)) continue;
    for (const Mention& m : e.mentions) {
      const uint32_t comma = m.end_token;
      if (comma + 1 >= view.size() || view.Text(comma) != ",") continue;
      const auto role = role_at.find(comma + 1);
      if (role == role_at.end() || !RoleEndsAt(view, role->second->end_token)) continue;
      std::string text(view.Span(role->second->first_token, role->second->end_token));
      const auto [it, fresh] = index_of.try_emplace(e.canonical, seen.size());
      if (fresh) {
        seen.push_back({m.first_token, {e.canonical, std::move(text)}});
      } else if (text.size() > seen[it->second].judge.role.size()) {
        seen[it->second].judge.role = std::move(text);
      }
      Seen& s = seen[it->second];
      s.first_token = std::min(s.first_token, m.first_token);
    }
  }
  std::stable_sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.first_token < b.first_token; });
  std::vector<Judge> out;
  out.reserve(seen.size());
  for (Seen& s : seen) out.push_back(std::move(s.judge));
  return out;
}

}  // namespace lexfr
