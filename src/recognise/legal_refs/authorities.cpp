// The authorities and courts a text names, found once before the scan, and
// the author or court an act's number belongs to.
#include "recognise/legal_refs/authorities.h"

#include <algorithm>

#include "recognise/legal_refs/identifiers.h"
#include "recognise/legal_refs/phrases.h"
#include "text/text_util.h"

namespace lexfr::legal_refs {
namespace {

// How far after a bare number its court may be named, in its sentence.
constexpr uint32_t kCourtAfterNumberReach = 16;

int AuthorityOfName(const Tables& tables, const std::string& folded) {
  if (auto it = tables.authority_by_name.find(folded); it != tables.authority_by_name.end()) {
    return static_cast<int>(it->second);
  }
  // "Tribunal administratif de Paris" is the tribunal administratif: the
  // longest name that starts it, the first listed on a tie.
  int best = -1;
  size_t best_size = 0;
  for (const auto& [name, index] : tables.authority_names_in_order) {
    if (name.size() > 4 && name.size() > best_size && folded.size() > name.size() && folded.starts_with(name) &&
        folded[name.size()] == ' ') {
      best = static_cast<int>(index);
      best_size = name.size();
    }
  }
  return best;
}

int CourtOfEcliCode(const Tables& tables, std::string_view code) {
  int best = -1;
  size_t best_len = 0;
  for (size_t a = 0; a < tables.authorities.size(); ++a) {
    for (const std::string& prefix : tables.authorities[a].ecli) {
      if (code.starts_with(prefix) && prefix.size() > best_len) {
        best = static_cast<int>(a);
        best_len = prefix.size();
      }
    }
  }
  return best;
}

}  // namespace

// Authorities and courts named in the text (from the cue list and from ORG
// candidates), plus the courts that ECLI identifiers name; sorted by start.
AuthorityMentions::AuthorityMentions(const Tokens& toks, const Tables& tables, const std::vector<Candidate>& names,
                                     std::vector<uint32_t>* reference_starts)
    : toks_(toks), tables_(tables) {
  const uint32_t n = toks.size();
  // AuthorityStartWords and the reference starts: most tokens are none,
  // skipped by their ids (one test of the two flags, asked or not)
  const auto may_start = [](const WordInfo& w) { return w.authority_start | w.reference_start; };
  for (uint32_t i = toks.NextWord(0, may_start); i < n; i = toks.NextWord(i + 1, may_start)) {
    const WordInfo& word = toks.W(i);
    if (reference_starts != nullptr && word.reference_start) reference_starts->push_back(i);
    if (!word.authority_start) continue;
    uint32_t end = 0;
    const int name = LongestName(toks, tables.authority_trie, tables.authority_names, i, false, &end);
    if (name >= 0) {
      // "95/46/CE", "(CE)": an EU act, not the Conseil d'État.
      const bool short_abbrev = end == i + 1 && CountCodePoints(toks.T(i)) <= 3;
      if (!(short_abbrev && (toks.Glued(i) || toks.F(i - 1) == "(" || toks.F(i - 1) == "/"))) {
        mentions_.push_back({i, end, tables.authority_names[name].target});
        // the reference starts within the name, which the pass jumps over
        for (uint32_t k = i + 1; reference_starts != nullptr && k < end; ++k) {
          if (toks.W(k).reference_start) reference_starts->push_back(k);
        }
        i = end - 1;
        continue;
      }
    }
    if (toks.F(i) == "ecli" && toks.F(i + 1) == ":" && toks.F(i + 3) == ":") {
      if (const int court = CourtOfEcliCode(tables, toks.T(i + 4)); court >= 0) {
        mentions_.push_back({i, i + 5, static_cast<uint32_t>(court)});
      }
    }
  }
  StringMap<int> authority_of;  // canonical -> authority: the same names recur, and a miss scans every name
  for (const Candidate& c : names) {
    if (c.type != EntityType::kOrg) continue;
    auto known = authority_of.find(c.canonical);
    if (known == authority_of.end()) {
      known = authority_of.emplace(c.canonical, AuthorityOfName(tables, Fold(c.canonical))).first;
    }
    if (const int a = known->second; a >= 0) {
      mentions_.push_back({c.first_token, c.end_token, static_cast<uint32_t>(a)});
    }
  }
  std::stable_sort(mentions_.begin(), mentions_.end(),
                   [](const AuthorityMention& a, const AuthorityMention& b) { return a.first < b.first; });
  // The nearest mention of an authority that is not a court, before and
  // after each mention: AuthorOf jumps over the courts, which a text of
  // court names and numbered acts would otherwise make it read from every
  // act to the start and to the end of the text (issue 15).
  const auto count = static_cast<int32_t>(mentions_.size());
  authority_before_.resize(mentions_.size());
  authority_after_.resize(mentions_.size() + 1);
  for (int32_t k = 0, last = -1; k < count; ++k) {
    if (!IsCourt(mentions_[k])) last = k;
    authority_before_[k] = last;
  }
  authority_after_[count] = count;
  for (int32_t k = count - 1; k >= 0; --k) {
    authority_after_[k] = IsCourt(mentions_[k]) ? authority_after_[k + 1] : k;
  }
}

std::vector<AuthorityMention>::const_iterator AuthorityMentions::FirstMentionFrom(uint32_t token) const {
  return std::lower_bound(mentions_.begin(), mentions_.end(), token,
                          [](const AuthorityMention& m, uint32_t t) { return m.first < t; });
}

int AuthorityMentions::Within(uint32_t first, uint32_t end) const {
  for (auto it = FirstMentionFrom(first); it != mentions_.end() && it->first < end; ++it) {
    if (!IsCourt(*it)) return static_cast<int>(it->authority);
  }
  return -1;
}

std::optional<std::string> AuthorityMentions::AuthorOf(uint32_t first, uint32_t end, int named,
                                                       std::string_view id) const {
  if (named >= 0) return tables_.authorities[named].key;
  for (const Authority& a : tables_.authorities) {
    if (a.court) continue;
    for (const std::string& shape : a.numbers) {
      if (!id.empty() && MatchesShape(id, shape)) return a.key;
    }
  }
  const auto after = FirstMentionFrom(end);
  for (auto it = after; it != mentions_.end() && it->first < end + 25 && toks_.SameSentence(it->first, end - 1);
       ++it) {
    if (!IsCourt(*it)) return KeyOf(*it);
  }
  // The last one named before, ending before the act: only the few that
  // overlap the act are passed over.
  const auto after_index = static_cast<int32_t>(after - mentions_.begin());
  for (int32_t k = after_index > 0 ? authority_before_[after_index - 1] : -1; k >= 0;
       k = k > 0 ? authority_before_[k - 1] : -1) {
    if (mentions_[k].end <= first) return KeyOf(mentions_[k]);
  }
  // A text about one authority may name it only later on.
  if (const int32_t k = authority_after_[after_index]; k < static_cast<int32_t>(mentions_.size())) {
    return KeyOf(mentions_[k]);
  }
  return std::nullopt;
}

std::optional<std::string> AuthorityMentions::CourtOf(uint32_t first, uint32_t end, std::string_view id) const {
  const auto fits = [&](const AuthorityMention& m) {
    const Authority& a = tables_.authorities[m.authority];
    if (!a.court) return false;
    for (const std::string& shape : a.numbers) {
      if (MatchesShape(id, shape)) return true;
    }
    return false;
  };
  const auto after = FirstMentionFrom(end);
  // « n° 2108979 du 21 octobre 2021, le juge des référés du tribunal
  // administratif de Marseille »: the court after the number's date clause
  for (auto it = after; it != mentions_.end() && it->first <= end + kCourtAfterNumberReach; ++it) {
    if (toks_.SameSentence(it->first, end - 1) && fits(*it)) return KeyOf(*it);
  }
  for (auto it = after; it != mentions_.begin();) {
    --it;
    if (it->end > first) continue;
    if (first - it->end > 40) break;
    if (fits(*it)) return KeyOf(*it);
  }
  // « n° 18LY04640 » with no court near it (or one misnamed, « cour
  // administrative de Lyon »): a shape of one court's numbers names it
  for (const auto& [shape, court] : tables_.court_only_shapes) {
    if (MatchesShape(id, shape)) return tables_.authorities[court].key;
  }
  return std::nullopt;
}

}  // namespace lexfr::legal_refs
