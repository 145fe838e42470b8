// A decision's counsel, from their constructions (summarise/counsel.h).
#include "summarise/counsel.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "text/text_util.h"

namespace lexfr {
namespace {

// A pseudonym is « [B] », « [N] [U] »: at most this many bracketed groups,
// each of at most a few tokens.
constexpr uint32_t kMostPseudonymGroups = 4;
constexpr uint32_t kMostGroupTokens = 4;
// A name after a title without a PERSON entity: at most this many words.
constexpr uint32_t kMostNameTokens = 4;
// A decision names a few lawyers; the cap keeps a pathological input linear.
constexpr size_t kMostCounsel = 100;

bool IsLawFirm(const Entity& e) { return e.type == EntityType::kOrg && e.fields.subtype() == "law_firm"; }

// The bracketed groups from token `i` (« [B] », « [N] [U] ») as written;
// empty when token i opens none.
std::string PseudonymAt(const TokenView& view, uint32_t i) {
  uint32_t end = i;
  for (uint32_t group = 0; group < kMostPseudonymGroups && end < view.size() && view.Text(end) == "["; ++group) {
    uint32_t close = end + 1;
    while (close < view.size() && close <= end + kMostGroupTokens && view.Text(close) != "]") ++close;
    if (close >= view.size() || view.Text(close) != "]") break;
    end = close + 1;
  }
  return std::string(view.Span(i, end));
}

// The capitalised words from token `i` (« Me Dupont-Martin »), as written.
std::string CapitalisedNameAt(const TokenView& view, uint32_t i) {
  uint32_t end = i;
  const uint32_t sentence = i < view.size() ? view.token(i).sentence : 0;
  while (end < view.size() && end < i + kMostNameTokens && view.token(end).sentence == sentence &&
         (view.Has(end, kCapitalised) || (end > i && view.Flags(end) & kGlued))) {
    ++end;
  }
  return std::string(view.Span(i, end));
}

struct Found {
  uint32_t token;
  Counsel counsel;
};

}  // namespace

CounselReading ReadDecisionCounsel(const TokenView& view, const DocumentCues& cues, const std::vector<Entity>& entities) {
  CounselReading out;
  std::vector<Found> found;
  // the entities a mention of which starts at a token: persons and firms
  std::unordered_map<uint32_t, const Entity*> starting_at;
  for (const Entity& e : entities) {
    if (e.type != EntityType::kPerson && !IsLawFirm(e)) continue;
    for (const Mention& m : e.mentions) starting_at.emplace(m.first_token, &e);
    if (IsLawFirm(e)) found.push_back({e.mentions.front().first_token, {e.canonical, e.canonical}});
  }
  const CueHitsByField& by_field = cues.ByField(CueFile::kCounsel);
  // a lawyer's title, then the person it names
  for (const CueHit* title : by_field.Of("counsel_title")) {
    // « il me semble »: the pronoun is no title
    if (!view.Has(title->first_token, kCapitalised)) continue;
    const uint32_t at = title->end_token;
    const auto person = starting_at.find(at);
    std::string name;
    if (person != starting_at.end() && person->second->type == EntityType::kPerson) {
      name = person->second->canonical;
    } else {
      name = PseudonymAt(view, at);
      if (name.empty()) name = CapitalisedNameAt(view, at);
    }
    if (!name.empty()) found.push_back({title->first_token, {name, std::string()}});
  }
  // « comparante par [B] »: a pseudonymised lawyer (a title or a firm
  // after the cue is read above)
  for (const CueHit* by : by_field.Of("represented_by")) {
    std::string name = PseudonymAt(view, by->end_token);
    if (!name.empty()) found.push_back({by->end_token, {name, std::string()}});
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.token < b.token; });
  std::unordered_set<std::string> seen;  // folded names
  for (Found& f : found) {
    if (out.counsel.size() >= kMostCounsel) break;
    if (!seen.insert(Fold(f.counsel.name)).second) continue;
    out.counsel.push_back(std::move(f.counsel));
    out.sentences.push_back(view.token(f.token).sentence);
  }
  std::sort(out.sentences.begin(), out.sentences.end());
  out.sentences.erase(std::unique(out.sentences.begin(), out.sentences.end()), out.sentences.end());
  return out;
}

}  // namespace lexfr
