// A decision's parties (summarise/decision_parties.h).
#include "summarise/decision_parties.h"

#include <algorithm>
#include <set>
#include <span>

#include "text/text_util.h"

namespace lexfr {
namespace {

// How far the readers of parties look: each bound keeps a pathological text
// linear and a list from running into the reasoning.
struct Reach {
  // No party's name, as the words up to its description, runs longer: the
  // bound keeps a list without commas from becoming one name.
  size_t name_tokens = 16;
  // Lines of a numbered list of parties read back from their verb.
  size_t list_lines = 40;
  // Lines of a judicial party's paragraph read back from its role.
  size_t paragraph_lines = 6;
  // Lines of parties read under a role heading (« INTIMÉS : » then one party
  // a line, their counsel between).
  size_t heading_lines = 12;
  // Tokens from « dans le litige les opposant » to « défenderesses à la
  // cassation »: a long list of respondents, but not the whole decision.
  size_t respondent_tokens = 4000;
  // Filing verbs tried before giving up: the first names the parties, a
  // later one is a « demande au titre de … » of the reasoning.
  int tries = 3;
};
constexpr Reach kReach;

struct Named {
  std::string name;
  uint32_t first = 0, end = 0;  // the tokens read
  bool sure = false;  // an entity's or an office's name, not words read up to a comma
};

class Reader {
 public:
  Reader(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues, const std::vector<Entity>& entities,
         const Structure& structure)
      : v_(view), lexicon_(lexicon), cues_(cues), by_field_(cues.ByField(CueFile::kParties)) {
    for (const CueHit* h : Hits("past_claim")) past_claim_ends_.insert(h->end_token);
    // one entry per token: the longest mention, the first of equal ones.
    // The mentions are ordered by one sort of 8-byte keys (first token,
    // then their number in `found`: ties keep the entities' order), where
    // a stable sort of the 24-byte entries moved them, and merged them into
    // a buffer of its own.
    size_t count = 0;  // counted first: one allocation each, not one per doubling
    for (const Entity& e : entities) {
      if (e.type == EntityType::kPerson || e.type == EntityType::kOrg) count += e.mentions.size();
    }
    std::vector<StartingAt> found;
    std::vector<uint64_t> order;
    found.reserve(count);
    order.reserve(count);
    for (const Entity& e : entities) {
      if (e.type != EntityType::kPerson && e.type != EntityType::kOrg) continue;
      for (const Mention& m : e.mentions) {
        order.push_back(uint64_t{m.first_token} << 32 | found.size());
        found.push_back({m.first_token, {&e, m.end_token}});
      }
    }
    std::sort(order.begin(), order.end());
    entity_at_.reserve(order.size());
    for (const uint64_t key : order) {
      const StartingAt& at = found[static_cast<uint32_t>(key)];
      if (!entity_at_.empty() && entity_at_.back().first == at.first) {
        if (at.second.second > entity_at_.back().second.second) entity_at_.back() = at;
      } else {
        entity_at_.push_back(at);
      }
    }
    line_starts_ = LineStarts(view);
    // the introduction and what follows it up to the court's reasoning: the
    // parties are named there, and a « demande au » of the reasoning is not
    // a filing
    scope_end_ = static_cast<uint32_t>(v_.size());
    for (const Zone& z : structure.zones) {
      if (std::string_view(z.name) == "motivations" || std::string_view(z.name) == "dispositif") {
        scope_end_ = std::min(scope_end_, z.first_token);
      }
    }
  }

  // The tokens that start a line (LineStart), in one tight pass: asking
  // LineStart of each token reloaded the view per token, and this pass
  // reads every token of the text.
  static std::vector<uint32_t> LineStarts(const TokenView& view) {
    std::vector<uint32_t> out;
    const size_t n = view.size();
    if (n > 0) out.push_back(0);
    for (size_t i = 1; i < n; ++i) {
      if ((view.Flags(i) & kLineBreakBefore) != 0) out.push_back(static_cast<uint32_t>(i));
    }
    return out;
  }

  size_t size() const { return v_.size(); }
  uint32_t scope_end() const { return scope_end_; }
  std::string_view Str(size_t i) const { return i < size() ? v_.Text(i) : std::string_view(); }
  uint32_t Sentence(size_t i) const { return v_.token(i).sentence; }
  bool Word(size_t i) const { return i < size() && v_.token(i).kind == TokenKind::kWord; }
  bool Cap(size_t i) const { return Word(i) && v_.Has(i, kCapitalised); }
  bool LineStart(size_t i) const { return i == 0 || v_.Has(i, kLineBreakBefore); }
  const WordInfo& Info(size_t i) const { return lexicon_.word(v_.Id(i)); }
  bool Title(size_t i) const { return i < size() && Info(i).title_folded && lexicon_.names().titles.contains(Str(i)); }
  std::span<const CueHit* const> Hits(std::string_view field) const { return by_field_.Of(field); }
  // The end of the longest `field` cue starting at token i, or 0: the
  // first of that token's hits, which come longest first (a map of every
  // hit by field and token cost more than the rules that read it).
  uint32_t CueEnd(std::string_view field, size_t i) const {
    const std::span<const CueHit* const> hits = Hits(field);
    const auto it = std::lower_bound(hits.begin(), hits.end(), i,
                                     [](const CueHit* h, size_t token) { return h->first_token < token; });
    return it != hits.end() && (*it)->first_token == i ? (*it)->end_token : 0;
  }
  // Whether token i is one of `word`'s words (a one-word cue field).
  bool Is(CueWord word, size_t i) const { return i < size() && cues_.Is(word, v_.Id(i)); }
  // Whether a past_claim cue ends at `end` (« a demandé au »).
  bool PastClaimEndsAt(uint32_t end) const { return past_claim_ends_.contains(end); }
  // The person or organisation whose mention starts at token i (the longest).
  const std::pair<const Entity*, uint32_t>* EntityAt(size_t i) const {
    const auto it = std::lower_bound(entity_at_.begin(), entity_at_.end(), i,
                                     [](const StartingAt& a, size_t token) { return a.first < token; });
    return it == entity_at_.end() || it->first != i ? nullptr : &it->second;
  }
  std::string Span(size_t first, size_t end) const { return std::string(v_.Span(first, end)); }
  // The first token of the line holding token i; the first of the next line
  // (or size()). From the line starts, found once: a rule asks them per cue,
  // and a text of one long line must not be walked once per cue. A binary
  // search, not two arrays of every token's answers: filling those for
  // every token of a long decision cost more than all the questions.
  size_t LineOf(size_t i) const {
    if (line_starts_.empty()) return 0;  // no token
    return *(std::upper_bound(line_starts_.begin(), line_starts_.end(), i) - 1);  // token 0 starts a line
  }
  size_t NextLine(size_t i) const {
    if (i >= size()) return size();
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), i);
    return next == line_starts_.end() ? size() : *next;
  }

 private:
  const TokenView& v_;
  const Lexicon& lexicon_;
  const DocumentCues& cues_;
  const CueHitsByField& by_field_;
  // The person or organisation whose mention starts at a token, with that
  // mention's end, by token: a sorted vector, not a hash map, whose node
  // per mention cost more to build and free than the questions asked.
  using StartingAt = std::pair<uint32_t, std::pair<const Entity*, uint32_t>>;
  std::vector<StartingAt> entity_at_;
  std::vector<uint32_t> line_starts_;  // the tokens that start a line, in text order: 0 first
  std::set<uint32_t> past_claim_ends_;
  uint32_t scope_end_ = 0;
};

// « 1°/ », « 2°) » at token i: the token after it, or i.
size_t MarkerEnd(const Reader& r, size_t i) {
  if (i >= r.size() || r.Str(i).empty() || r.Str(i)[0] < '0' || r.Str(i)[0] > '9') return i;
  size_t k = i + 1;
  while (k < r.size() && k < i + 4 && (r.Str(k) == "°" || r.Str(k) == "/" || r.Str(k) == ")")) {
    if (r.Str(k) == "/" || r.Str(k) == ")") return k + 1;
    ++k;
  }
  // « 1°/ » may be one token or « 1° » and « / »
  const std::string_view s = r.Str(i);
  if (s.ends_with("/") || s.ends_with(")")) return i + 1;
  if (s.ends_with("°") && (r.Str(i + 1) == "/" || r.Str(i + 1) == ")")) return i + 2;
  return i;
}

// After the small words that open a party in a list (« à », « au », « la »,
// « l' »), from i.
size_t SkipOpeners(const Reader& r, size_t i, size_t end) {
  for (int n = 0; n < 3 && i < end; ++n) {
    if (r.Is(CueWord::kPartySkip, i) || r.Info(i).determiner) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// Whether a new party opens at token i of a list, after a comma or, when
// `after_comma` is false, after « et »: a title, a capital, a placeholder,
// or a determiner before a name, an organisation word or an office; after
// a comma, a determiner before any word (« , l'union française pour … »),
// but « et le partage des données » goes on the party before.
bool OpensParty(const Reader& r, size_t i, bool after_comma) {
  if (i >= r.size()) return false;
  if (r.Title(i) || r.Cap(i) || r.Str(i) == "[" || r.EntityAt(i)) return true;
  const size_t k = SkipOpeners(r, i, r.size());
  if (k == i) return false;
  if (after_comma && r.Info(i).determiner && r.Word(k)) return true;
  return r.Cap(k) || r.Str(k) == "[" || r.EntityAt(k) || r.Title(k) || r.CueEnd("party_word", k) > 0 ||
         r.CueEnd("office", k) > 0;
}

// The words of a party's name from k: up to its description (a comma before
// anything but « de … »), a parenthesis, a colon or « et autres ». Empty
// when too long to be a name.
Named RawName(const Reader& r, size_t k, size_t end) {
  size_t e = k;
  while (e < end && e < k + kReach.name_tokens) {
    const std::string_view s = r.Str(e);
    if (s == "(" || s == ";" || s == ":" || r.CueEnd("tail", e) > 0) break;
    if (s == "," && !(r.Info(e + 1).connector && !r.Info(e + 1).determiner)) break;
    ++e;
  }
  if (e == k + kReach.name_tokens && e < end) return {};
  while (e > k && (r.Str(e - 1) == "," || r.Str(e - 1) == ".")) --e;
  if (e == k) return {};
  return {r.Span(k, e), static_cast<uint32_t>(k), static_cast<uint32_t>(e)};
}

bool IsParty(const Entity& e) {
  if (e.type == EntityType::kPerson) return e.fields.title() != "Me";
  return e.fields.subtype() != "court" && e.fields.subtype() != "law_firm";
}

// The entity that starts at k and ends within `end`, as a party. An
// organisation whose words run on before the party's description (« la
// société Crédit foncier de France, société anonyme » where a rule read
// « Crédit ») is named by its words.
Named EntityName(const Reader& r, size_t k, size_t end) {
  const auto* at = r.EntityAt(k);
  if (!at || at->second > end || !IsParty(*at->first)) return {};
  // (but words that run into a title are another person's: « l'association
  // X par Me Y »)
  const auto runs_into_title = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      if (r.Title(i)) return true;
    }
    return false;
  };
  if (at->first->type == EntityType::kOrg) {
    if (Named words = RawName(r, k, end); words.end > at->second && !runs_into_title(at->second, words.end)) {
      words.sure = true;  // anchored on the entity
      return words;
    }
  }
  return {at->first->canonical, static_cast<uint32_t>(k), at->second, true};
}

// The party that opens at token a (up to `end`): an office by its words, an
// entity by its canonical, else its words (an organisation word and a title
// dropped).
Named PartyAt(const Reader& r, size_t a, size_t end) {
  size_t k = SkipOpeners(r, MarkerEnd(r, a), end);
  if (k >= end) return {};
  const bool introduced = k > a;
  if (r.CueEnd("office", k) > 0) {
    Named n = RawName(r, k, end);
    n.sure = !n.name.empty();
    return n;
  }
  if (Named n = EntityName(r, k, end); !n.name.empty()) return n;
  // « l'association de défense des … »: a complement makes the word part of
  // the name
  if (const uint32_t w = r.CueEnd("party_word", k); w > k && r.Str(w) != "[" &&
      !(r.Info(w).connector && !r.Info(w).determiner)) {
    k = w;
    if (Named n = EntityName(r, k, end); !n.name.empty()) return n;
    if (r.Info(k).determiner) {  // « la société les Ravines de Spring »
      if (Named n = EntityName(r, k + 1, end); !n.name.empty()) return n;
    }
  }
  // a title names a person the recognisers read, or nobody (« M. et Mme »)
  if (r.Title(k)) return EntityName(r, k + 1, end);
  // a bracket alone is an address or a place, never a name the pseudonym
  // recogniser missed; a lower-case start is a description unless an article
  // introduced it (« à la caisse primaire d'assurance maladie de … »)
  if (r.Str(k) == "[" || !(introduced || r.Cap(k))) return {};
  return RawName(r, k, end);
}

// The items of a list of parties in [a, b): numbered « 1°/ … 2°/ … » at
// line starts, else split at commas and « et » where a party opens.
std::vector<std::pair<size_t, size_t>> Items(const Reader& r, size_t a, size_t b) {
  std::vector<std::pair<size_t, size_t>> out;  // [start, end) of each
  for (size_t i = a; i < b; ++i) {
    if (!r.LineStart(i) || MarkerEnd(r, i) == i) continue;
    if (!out.empty()) out.back().second = i;
    out.push_back({i, b});
  }
  if (!out.empty()) return out;
  out.push_back({a, b});
  int depth = 0;
  for (size_t i = a; i < b; ++i) {
    if (r.Str(i) == "(") ++depth;
    if (r.Str(i) == ")" && depth > 0) --depth;
    if (depth > 0) continue;
    const uint32_t and_end = r.CueEnd("and", i);
    const bool comma = r.Str(i) == "," || r.Str(i) == ";";
    const size_t next = comma ? i + 1 : and_end > i ? and_end : i;
    if (next > i && next < b && r.CueEnd("tail", i) == 0 && OpensParty(r, next, comma)) {
      out.back().second = i;  // the comma or « et » belongs to neither
      out.push_back({next, b});
    }
  }
  return out;
}

void AddUnique(std::vector<std::string>* names, const std::string& name) {
  if (std::find(names->begin(), names->end(), name) == names->end()) names->push_back(name);
}

void AddSentence(std::vector<uint32_t>* sentences, uint32_t s) {
  if (std::find(sentences->begin(), sentences->end(), s) == sentences->end()) sentences->push_back(s);
}

// The parties of [a, b) into `names`, their sentences into `sentences`.
// Returns whether any was read.
bool ReadList(const Reader& r, size_t a, size_t b, std::vector<std::string>* names, std::vector<uint32_t>* sentences) {
  bool any = false;
  for (const auto& [from, to] : Items(r, a, b)) {
    const Named n = PartyAt(r, from, to);
    if (n.name.empty()) continue;
    AddUnique(names, n.name);
    AddSentence(sentences, r.Sentence(n.first));
    any = true;
  }
  return any;
}

// After the clause « enregistrée le …, » of [a, b): the comma that closes
// the last registration clause, or a.
size_t AfterFiling(const Reader& r, size_t a, size_t b) {
  const std::span<const CueHit* const> filed = r.Hits("filed");
  auto h = std::lower_bound(filed.begin(), filed.end(), a,
                            [](const CueHit* x, size_t t) { return x->first_token < t; });
  size_t from = a;
  for (; h != filed.end() && (*h)->first_token < b; ++h) {
    size_t i = std::max<size_t>((*h)->end_token, from);
    while (i < b && r.Str(i) != ",") ++i;
    // no comma after this clause: none after a later one either, and
    // reading on once per cue would be quadratic in a text of cues
    if (i >= b) break;
    from = i + 1;
  }
  return from;
}

// Where the claimants before a verb at token `verb` start: the first line of
// a numbered list of lines right above it, else the verb's line, after its
// clause of registration.
size_t ClaimantsStart(const Reader& r, size_t verb) {
  const size_t line = r.LineOf(verb);
  size_t start = line;
  for (size_t n = 0; n < kReach.list_lines && start > 0; ++n) {
    const size_t above = r.LineOf(start - 1);
    if (MarkerEnd(r, above) == above) break;
    start = above;
  }
  if (start != line || MarkerEnd(r, line) > line) return start;
  // one paragraph: its clause of registration, and no more than a list's
  // worth of tokens before the verb
  return AfterFiling(r, std::max(line, verb > kReach.respondent_tokens ? verb - kReach.respondent_tokens : 0), verb);
}

// The Cour de cassation's respondents: from « dans le litige les opposant »
// after the verb to « défenderesses à la cassation » (or the sentence's end).
void ReadOpposing(const Reader& r, size_t verb, DecisionParties* out) {
  for (const CueHit* h : r.Hits("opposing")) {
    if (h->first_token < verb) continue;
    if (h->first_token > verb + kReach.respondent_tokens || h->first_token >= r.scope_end()) return;
    size_t a = h->end_token;
    if (r.Str(a) == ":") ++a;
    size_t b = 0;
    for (const CueHit* e : r.Hits("respondent_end")) {
      if (e->first_token >= a && e->first_token < a + kReach.respondent_tokens) {
        b = e->first_token;
        break;
      }
    }
    if (b == 0) {  // no closing role: the party runs to its sentence's end
      b = a;
      while (b < r.size() && r.Sentence(b) == r.Sentence(a)) ++b;
    }
    ReadList(r, a, b, &out->respondents, &out->respondent_sentences);
    return;
  }
}

// « Par un mémoire en défense, enregistré le …, X conclut … »: X, for every
// such sentence before the court's reasoning.
void ReadDefences(const Reader& r, DecisionParties* out) {
  std::span<const CueHit* const> verbs = r.Hits("defence_verb");
  uint32_t last_sentence = UINT32_MAX;
  for (const CueHit* d : r.Hits("defence")) {
    if (d->first_token >= r.scope_end()) break;
    if (d->sentence == last_sentence) continue;
    const auto verb = std::lower_bound(verbs.begin(), verbs.end(), d->end_token,
                                       [](const CueHit* h, uint32_t t) { return h->first_token < t; });
    if (verb == verbs.end() || (*verb)->sentence != d->sentence) continue;
    last_sentence = d->sentence;
    size_t a = AfterFiling(r, d->end_token, (*verb)->first_token);
    if (a == d->end_token) {  // « Par un mémoire en défense, X conclut »
      while (a < (*verb)->first_token && r.Str(a) != ",") ++a;
      if (a < (*verb)->first_token) ++a;
    }
    ReadList(r, a, (*verb)->first_token, &out->respondents, &out->respondent_sentences);
  }
}

// « La requête a été communiquée au Premier ministre, qui … »: the party
// called to defend, for every such sentence before the court's reasoning.
void ReadCommunicated(const Reader& r, DecisionParties* out) {
  for (const CueHit* h : r.Hits("communicated")) {
    if (h->first_token >= r.scope_end()) break;
    size_t b = h->end_token;  // « au », « à la » are the cue's: the party starts after
    while (b < r.size() && b < h->end_token + kReach.name_tokens && r.Sentence(b) == h->sentence) ++b;
    const Named n = PartyAt(r, h->end_token, b);
    if (n.name.empty()) continue;
    AddUnique(&out->respondents, n.name);
    AddSentence(&out->respondent_sentences, h->sentence);
  }
}

// « La présente décision sera notifiée à l'association X, à la ministre des
// armées et au ministre de l'intérieur »: every party notified, into
// `notified` (the claimants among them are taken out by the caller).
void ReadNotified(const Reader& r, DecisionParties* out) {
  const auto hits = r.Hits("notified");
  if (hits.empty()) return;
  const CueHit* h = hits.front();  // the decision's own notice, not a quoted one
  const size_t a = h->end_token;  // past « à »/« au »: a party's openers are skipped anyway
  size_t b = a;
  while (b < r.size() && b < a + kReach.respondent_tokens && r.Sentence(b) == h->sentence) ++b;
  ReadList(r, a, b, &out->respondents, &out->respondent_sentences);
}

// « sur appel de la société X »: X, when not a claimant, for a decision that
// names no respondent otherwise.
void ReadAppellants(const Reader& r, size_t verb, DecisionParties* out) {
  for (const CueHit* h : r.Hits("appeal_by")) {
    if (h->first_token >= verb) break;
    size_t b = h->end_token;
    while (b < r.size() && b < h->end_token + kReach.name_tokens && r.Str(b) != "," && r.Sentence(b) == h->sentence) ++b;
    const Named n = PartyAt(r, h->end_token, b);
    if (n.name.empty() || std::find(out->claimants.begin(), out->claimants.end(), n.name) != out->claimants.end()) {
      continue;
    }
    AddUnique(&out->respondents, n.name);
    AddSentence(&out->respondent_sentences, h->sentence);
  }
}

// « M. X a formé le pourvoi », « X demande au Conseil d'État »: the first
// such verb before the court's reasoning, its claimants and respondents.
bool ReadFiling(const Reader& r, DecisionParties* out) {
  int tries = 0;
  for (const CueHit* h : r.Hits("claim_verb")) {
    if (h->first_token >= r.scope_end()) return false;
    if (r.PastClaimEndsAt(h->end_token)) continue;  // the history: « X a demandé au tribunal »
    if (++tries > kReach.tries) return false;
    const size_t start = ClaimantsStart(r, h->first_token);
    if (!ReadList(r, start, h->first_token, &out->claimants, &out->claimant_sentences)) continue;
    ReadOpposing(r, h->first_token, out);
    if (out->respondents.empty()) {
      ReadDefences(r, out);
      ReadCommunicated(r, out);
    }
    if (out->respondents.empty()) ReadAppellants(r, h->first_token, out);
    return true;
  }
  return false;
}

// « Statuant sur le pourvoi formé par M. X, contre … »
bool ReadFiledBy(const Reader& r, DecisionParties* out) {
  int tries = 0;
  for (const CueHit* h : r.Hits("claim_by")) {
    if (h->first_token >= r.scope_end() || ++tries > kReach.tries) return false;
    size_t b = h->end_token;
    while (b < r.size() && r.Sentence(b) == h->sentence) ++b;
    if (!ReadList(r, h->end_token, b, &out->claimants, &out->claimant_sentences)) continue;
    ReadOpposing(r, h->first_token, out);
    if (out->respondents.empty()) ReadDefences(r, out);
    return true;
  }
  return false;
}

// « La société [A], … / Demanderesse, comparante par … »: a role at a
// line's start names the party of the paragraph above it, or, followed by a
// colon, the one after it.
void ReadRoleLines(const Reader& r, DecisionParties* out) {
  for (const CueHit* h : r.Hits("role_line")) {
    if (h->first_token >= r.scope_end()) break;
    const size_t i = h->first_token;
    if (!r.LineStart(i)) continue;
    const bool claimant = h->cue->value == "claimant";
    std::vector<std::string>* names = claimant ? &out->claimants : &out->respondents;
    std::vector<uint32_t>* sentences = claimant ? &out->claimant_sentences : &out->respondent_sentences;
    size_t after = h->end_token;
    if (r.Str(after) == "(" && r.Str(after + 2) == ")") after += 3;  // « DÉFENDEUR(S) »
    size_t a = 0, b = 0;
    if (r.Str(after) == ":" || (after < r.size() && r.LineStart(after))) {
      // « DEMANDEUR : la société X » or the heading alone, the party below
      a = r.Str(after) == ":" ? after + 1 : after;
      b = r.NextLine(a);
    } else if (r.Str(after) == "," || after >= r.size()) {
      // « Demanderesse, comparante » under its party's paragraph
      b = i;
      if (i == 0) continue;
      a = r.LineOf(i - 1);
      for (size_t n = 0; n < kReach.paragraph_lines && a > 0 && r.Word(a) && !r.Cap(a); ++n) a = r.LineOf(a - 1);
    } else {
      continue;
    }
    if (a >= b) continue;
    const Named n = PartyAt(r, a, b);
    if (n.name.empty()) continue;
    AddUnique(names, n.name);
    AddSentence(sentences, r.Sentence(n.first));
    if (b <= i) continue;  // the party above its role: one paragraph
    // a heading over its parties: the lines after the first that name an
    // entity or an office (not « Représentés par Me … ») up to the next role
    for (size_t line = b, n_lines = 0; line < r.scope_end() && n_lines < kReach.heading_lines; ++n_lines) {
      if (r.CueEnd("role_line", line) > 0) break;
      const size_t next = r.NextLine(line);
      const Named more = PartyAt(r, line, next);
      if (more.sure) {
        AddUnique(names, more.name);
        AddSentence(sentences, r.Sentence(more.first));
      }
      line = next;
    }
  }
}

// « Cette question a été posée pour l'association X par Me Y »: X.
void ReadPosedFor(const Reader& r, DecisionParties* out) {
  for (const CueHit* h : r.Hits("posed_for")) {
    if (h->first_token >= r.scope_end()) break;
    size_t b = h->end_token;
    while (b < r.size() && b < h->end_token + kReach.name_tokens && r.Sentence(b) == h->sentence) ++b;
    const Named n = PartyAt(r, h->end_token, b);
    if (n.name.empty()) continue;
    AddUnique(&out->claimants, n.name);
    AddSentence(&out->claimant_sentences, h->sentence);
    return;
  }
}

// « Le Conseil constitutionnel a été saisi … par MM. X, Y … » and the lines
// « Et, le même jour, par … » after it: the persons named.
void ReadReferral(const Reader& r, DecisionParties* out) {
  const auto hits = r.Hits("seized_by");
  if (hits.empty() || hits.front()->first_token >= r.scope_end()) return;
  size_t i = hits.front()->end_token;
  size_t line_end = r.NextLine(i);
  while (i < r.size()) {
    if (i == line_end) {
      if (r.CueEnd("seized_more", i) == 0) break;
      line_end = r.NextLine(i);
    }
    if (const auto* at = r.EntityAt(i); at && at->first->type == EntityType::kPerson && IsParty(*at->first)) {
      AddUnique(&out->claimants, at->first->canonical);
      AddSentence(&out->claimant_sentences, r.Sentence(i));
      i = std::max<size_t>(i + 1, at->second);
      continue;
    }
    ++i;
  }
}

}  // namespace

DecisionParties ReadDecisionParties(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                                    const std::vector<Entity>& entities, const Structure& structure) {
  DecisionParties out;
  if (structure.genre != Genre::kDecision && structure.genre != Genre::kRegulatorDecision) return out;
  const Reader r(view, lexicon, cues, entities, structure);
  if (!ReadFiling(r, &out) && !ReadFiledBy(r, &out)) {
    DecisionParties roles;
    ReadRoleLines(r, &roles);
    if (roles.claimants.empty()) ReadReferral(r, &roles);
    if (roles.claimants.empty()) ReadPosedFor(r, &roles);
    out = std::move(roles);
  }
  // an administrative decision whose introduction names no respondent (« Par
  // une requête, … X demande … » and no defence): the parties it is notified to
  if (out.respondents.empty() && !out.claimants.empty() && structure.genre == Genre::kDecision) {
    ReadNotified(r, &out);
  }
  // a party on both sides is a claimant (« sur appel de » its own appeal)
  std::erase_if(out.respondents, [&](const std::string& name) {
    return std::find(out.claimants.begin(), out.claimants.end(), name) != out.claimants.end();
  });
  std::sort(out.claimant_sentences.begin(), out.claimant_sentences.end());
  std::sort(out.respondent_sentences.begin(), out.respondent_sentences.end());
  return out;
}

void ApplyDecisionParties(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                          const std::vector<Entity>& entities, const Structure& structure,
                          std::optional<Recourse>* recourse) {
  if (!*recourse) return;
  const DecisionParties parties = ReadDecisionParties(view, lexicon, cues, entities, structure);
  Recourse& r = **recourse;
  if (!parties.claimants.empty()) {
    r.claimants = parties.claimants;
    r.evidence["claimants"] = parties.claimant_sentences;
  }
  if (!parties.respondents.empty()) {
    r.respondents = parties.respondents;
    r.evidence["respondents"] = parties.respondent_sentences;
  }
  // the narrative may have read a claimant as a respondent
  std::erase_if(r.respondents, [&](const std::string& name) {
    return std::find(r.claimants.begin(), r.claimants.end(), name) != r.claimants.end();
  });
}

}  // namespace lexfr
