// Names of instruments and authorities: the longest trie match whose
// capitals and guards fit the text.
#include "recognise/legal_refs/phrases.h"

#include <algorithm>
#include <span>
#include <string_view>

#include "text/text_util.h"

namespace lexfr::legal_refs {
namespace {

// Checks a trie match's capitals against the text.
bool CapsOk(const Tokens& toks, const Name& name, std::span<const uint32_t> path) {
  for (size_t k = 0; k < path.size() && k < name.caps.size(); ++k) {
    const std::string_view raw = toks.T(path[k]);
    if (name.caps[k] == kAllUpper && !IsAllUpper(raw)) return false;
    if (name.caps[k] == kUpperInitial && !IsUpperInitial(raw)) return false;
  }
  return true;
}

bool FollowedByDe(const Tokens& toks, uint32_t j) {
  const std::string_view f = toks.F(j);
  return f == "de" || f == "du" || f == "des" || f == "d'";
}

// "Constitution européenne", "Charte graphique": another text than the one
// a bare capitalised name means.
bool FollowedByAdjective(const Tokens& toks, uint32_t j) {
  const std::string_view raw = toks.T(j), f = toks.F(j);
  if (toks.K(j) != TokenKind::kWord || IsUpperInitial(raw)) return false;
  return EndsWithOneOf(f, toks.words().adjective_endings);
}

}  // namespace

int LongestName(const Tokens& toks, const PhraseTrie& trie, const std::vector<Name>& names, uint32_t i,
                bool in_article, uint32_t* end) {
  int best = -1;
  uint32_t best_end = 0;
  trie.Walk(toks, i, [&](uint32_t e, uint32_t name_index, std::span<const uint32_t> path, bool quoted) {
    const Name& name = names[name_index];
    if (name.article_only && !in_article) return;
    if (!CapsOk(toks, name, path)) return;
    if (name.bare_guard && path.size() == 1 && (FollowedByDe(toks, e) || FollowedByAdjective(toks, e))) return;
    if (quoted && e < toks.size() && IsQuote(toks.F(e))) ++e;  // the closing quote
    if (e > best_end) {
      best_end = e;
      best = static_cast<int>(name_index);
    }
  });
  *end = best_end;
  return best;
}

}  // namespace lexfr::legal_refs
