// The scanner: builds what the rules read about the text (scan_state.h), then
// tries the rules at each token, in order, and skips what matched.
#include "recognise/legal_refs/scanner.h"

#include <algorithm>
#include <optional>

#include "recognise/legal_refs/acts.h"
#include "recognise/legal_refs/articles.h"
#include "recognise/legal_refs/cases.h"
#include "recognise/legal_refs/scan_state.h"

namespace lexfr::legal_refs {
namespace {

// An instrument named at i ("le RGPD", "la loi n° 78-17"): emitted, and kept
// for the articles that follow it ("FISA section 702", "Article 45").
uint32_t ScanInstrument(const Context& c, uint32_t i, Memory* m) {
  std::optional<Found> f = ParseInstrument(c, i, false);
  if (!f) return 0;
  Emit(m, i, f->end, f->ref, "");
  if (f->ref.legislative) {
    m->bare_first = i;
    m->bare_end = f->end;
    m->bare_ref = f->ref;
  }
  Remember(m, f->ref);
  return f->end;
}

// A decision read at i (cases.h), emitted; 0 when there is none.
uint32_t EmitDecision(uint32_t i, const std::optional<Found>& f, Memory* m) {
  if (!f) return 0;
  Emit(m, i, f->end, f->ref, "");
  return f->end;
}

// A decision read at i, and the numbers joined to it (« nos 1402524,
// 1602826 »), each emitted; 0 when there is none. At most kMaxJoined more.
uint32_t EmitDecisions(const Context& c, uint32_t i, const std::optional<Found>& f, Memory* m) {
  constexpr int kMaxJoined = 20;
  uint32_t end = EmitDecision(i, f, m);
  if (end == 0) return 0;
  for (int k = 0; k < kMaxJoined; ++k) {
    const std::optional<Found> next = ReadJoinedNumber(c, f->ref, end);
    if (!next) break;
    // the number alone is the mention, not the « , » or « et » before it
    uint32_t first = end;
    while (first < next->end && !c.tokens.IsNumber(first)) ++first;
    Emit(m, first, next->end, next->ref, "");
    end = next->end;
  }
  return end;
}

// Whether an authority (or a court) is mentioned from token i.
bool MentionAt(const Context& c, uint32_t i, Memory* m) {
  const size_t first = c.authorities.FirstFrom(i, &m->mention_cursor);
  return first < c.authorities.list().size() && c.authorities.list()[first].first == i;
}

// Where the scan goes on after the reference starting at i, or 0 when none
// starts there. The order of the rules is the grammar's priority.
uint32_t ScanAt(const Context& c, uint32_t i, Memory* m) {
  if (const uint32_t end = ScanArticles(c, i, m)) return end;
  if (const uint32_t end = EmitDecision(i, ReadEcli(c, i), m)) return end;
  if (const uint32_t end = EmitDecision(i, ReadCjeuCase(c, i), m)) return end;
  if (const uint32_t end = ScanInstrument(c, i, m)) return end;
  if (const uint32_t end = EmitDecisions(c, i, ReadCourtAndNumber(c, i, &m->mention_cursor), m)) return end;
  if (const uint32_t end = EmitDecisions(c, i, ReadNumero(c, i), m)) return end;
  return EmitDecision(i, ReadConstitutionalNumber(c, i), m);
}

// The most words between an article and the quotation of its text.
constexpr uint32_t kMaxWordsBetween = 6;

// A quotation that opens at i, a few words after an article (« l'article
// R. 151-23 du même code précise que " … " », « aux termes de l'article
// 20 : « … » »), quotes that article: remembers its instrument until the
// closing mark.
void TrackQuotedProvision(const Context& c, uint32_t i, Memory* m) {
  // A provision quoted is a few hundred tokens at most; looking no further
  // for its end keeps a text of unclosed « … » linear.
  constexpr uint32_t kMaxQuotedTokens = 4000;
  if (m->quote_end != 0 && i > m->quote_end) {
    // Past the quotation, the text speaks of the provision it quoted again:
    // « du même code » after « L. 311-5 du code des relations … : " … de
    // l'article L. 124-4 du code de l'environnement " » is the first code.
    m->quote_end = 0;
    Remember(m, m->quoted_ref);
  }
  // Integers first: most tokens are far from any article.
  if (m->quote_end != 0 || m->last_article_end == 0 || i < m->quote_search_failed_until ||
      i < m->last_article_end || i - m->last_article_end > kMaxWordsBetween) {
    return;
  }
  const Tokens& t = c.tokens;
  const std::string_view open = t.T(i);
  const bool guillemet = open == "\u00AB", curly = open == "\u201C", straight = open == "\"";
  if ((!guillemet && !curly && !straight) || !t.SameSentence(m->last_article_end - 1, i)) return;
  // The closing mark: the guillemets and curly quotes nest; a straight one
  // is closed by the next.
  const std::string_view close = guillemet ? "\u00BB" : curly ? "\u201D" : "\"";
  int depth = 0;
  for (uint32_t k = i + 1; k < t.size() && k <= i + kMaxQuotedTokens; ++k) {
    const std::string_view raw = t.T(k);
    if (!straight && raw == open) {
      ++depth;
    } else if (raw == close) {
      if (depth-- == 0) {
        m->quoted_ref = m->last_article_ref;
        m->quote_end = k;
        return;
      }
    }
  }
  // No end: the quotations opened before this search's end have none either
  // (or are taken for none): each token is searched once.
  m->quote_search_failed_until = i + kMaxQuotedTokens;
}

// The first token from i on where the scan has anything to do: a word a
// rule or an authority's name may start with, a number, an authority
// mentioned, or a token where TrackQuotedProvision acts (past a quotation's
// end, or within the few words after an article). The memory does not
// change over the tokens passed, none of which the scan would act on.
uint32_t NextScanToken(const Context& c, uint32_t i, Memory* m) {
  const Tokens& t = c.tokens;
  // The nearest of the other events first: the scan of words below stops
  // there, so that each token is read once however the events fall (a scan
  // to the next start word past every mention before it was quadratic).
  uint32_t limit = t.size();
  const auto& mentions = c.authorities.list();
  if (const size_t first = c.authorities.FirstFrom(i, &m->mention_cursor); first < mentions.size()) {
    limit = std::min(limit, mentions[first].first);
  }
  if (m->quote_end != 0) {
    limit = std::min(limit, std::max(i, m->quote_end + 1));
  } else if (m->last_article_end != 0) {
    const uint32_t from = std::max({i, m->last_article_end, m->quote_search_failed_until});
    if (from <= m->last_article_end + kMaxWordsBetween) limit = std::min(limit, from);
  }
  return t.NextWordOrNumber(i, limit, [](const WordInfo& w) { return w.reference_start; });
}

}  // namespace

std::vector<Candidate> Scan(const TokenView& view, const Tables& tables,
                            const Lexicon& lexicon, const std::vector<Candidate>& names,
                            const std::vector<Candidate>& dates, ScanTokens which) {
  const Context context(view, tables, lexicon, names, dates);
  const Tokens& t = context.tokens;
  Memory memory;
  // address space until written (about one reference in 80 tokens of a
  // decision): no regrowth copying 232-byte candidates (issue 21)
  memory.out.reserve(t.size() / 32 + 16);
  for (uint32_t i = 0; i < t.size();) {
    if (which != ScanTokens::kEvery && (i = NextScanToken(context, i, &memory)) >= t.size()) break;
    TrackQuotedProvision(context, i, &memory);
    uint32_t end = 0;
    if (which == ScanTokens::kEvery || t.W(i).reference_start || MentionAt(context, i, &memory)) {
      end = ScanAt(context, i, &memory);
    } else if (t.IsNumber(i)) {
      // a number no word introduces can only be a Conseil constitutionnel
      // decision's (« 2019-796 DC »)
      end = EmitDecision(i, ReadConstitutionalNumber(context, i), &memory);
    }
    i = end > i ? end : i + 1;
  }
  return std::move(memory.out);
}

std::vector<std::string> GrammarStartWords() {
  std::vector<std::string> words = {
      // articles.cpp ReadArticleList: its heads
      "article", "articles", "art", "art.", "arts", "arts.", "section", "sections",
      // cases.cpp ReadEcli, ReadCjeuCase (its courts C, T, F folded), ReadNumero
      "ecli", "affaire", "affaires", "arret", "aff", "aff.", "c", "t", "f",
      "n\u00B0", "n\u00BA", "numero", "no", "nos", "rg",
      // acts.cpp ParseAct
      "executive", "pourvoi", "mise"};
  for (const auto& [word, kind] : kKindWords) words.emplace_back(word);
  return words;
}

}  // namespace lexfr::legal_refs
