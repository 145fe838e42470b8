// LEGAL_REF recogniser: a left-to-right grammar over the tokens.
//
// The instruments, authorities and case names come from data/cues/*.tsv,
// compiled once into token tries by the Lexicon (see CompileLegalTables()). At each token the scanner
// tries, in order: an article citation ("articles 6, 9 et 48 du RGPD"), an
// ECLI, a CJEU case number, a numbered or named act ("décret n° 2019-536",
// "loi Informatique et Libertés"), a court and its number ("Conseil d'État
// 492369"), a bare "n° 444937" read through the court mentioned nearby, and a
// Conseil constitutionnel number ("2021-817 DC"). Whatever matches is emitted
// and skipped, so every token is looked at a bounded number of times.
//
// Context the grammar needs is kept as it goes: the instrument last named (for
// "Article 45" in a CJEU summary, "ses articles 20 et suivants"), and per kind
// (for "du même règlement", "dudit code"). Authorities and courts are found in
// one pass before the scan, so a "délibération n° 2023-146 … de la CNIL" can
// look a few tokens ahead for its author.
#include "recognise/legal_refs.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "recognise/dates.h"
#include "lexicon/lexicon.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

// ---------------------------------------------------------------------------
// Kinds of texts, as the words French texts use for them.

enum class Kind : uint8_t {
  kOther,
  kCode,
  kLoi,
  kReglement,
  kDirective,
  kDecision,
  kTraite,
  kCharte,
  kConvention,
  kConstitution,
  kDeclaration,
  kDecret,
  kOrdonnance,
  kArrete,
  kCirculaire,
  kDeliberation,
  kArret,
  kUsLaw,
  kCount
};

// Folded word -> kind. Grammar vocabulary, not data: the kinds the keys are
// built from (LOI:, DECRET:, EU_REG: …) are fixed by the contract.
Kind KindOfWord(std::string_view folded) {
  static constexpr std::pair<std::string_view, Kind> kWords[] = {
      {"code", Kind::kCode},
      {"loi", Kind::kLoi},
      {"reglement", Kind::kReglement},
      {"directive", Kind::kDirective},
      {"decision", Kind::kDecision},
      {"traite", Kind::kTraite},
      {"charte", Kind::kCharte},
      {"convention", Kind::kConvention},
      {"constitution", Kind::kConstitution},
      {"declaration", Kind::kDeclaration},
      {"decret", Kind::kDecret},
      {"ordonnance", Kind::kOrdonnance},
      {"arrete", Kind::kArrete},
      {"circulaire", Kind::kCirculaire},
      {"deliberation", Kind::kDeliberation},
      {"arret", Kind::kArret},
      {"us_law", Kind::kUsLaw},
  };
  for (const auto& [word, kind] : kWords) {
    if (folded == word) return kind;
  }
  return Kind::kOther;
}

// What a reference resolves to: the contract key and what the scanner needs
// to know about it.
struct Ref {
  std::string key;
  Kind kind = Kind::kOther;
  std::string url;
  // May be the instrument of a later bare "article 5". Court decisions,
  // deliberations and authorities' decisions are not.
  bool legislative = false;
};

// ---------------------------------------------------------------------------
// Phrase trie over folded tokens: compile once, match at any token. The
// trie is the Lexicon's one PhraseMatcher; what is kept here is what the
// grammar adds to it (quotes skipped inside a name, sentence-bounded walks).

// Capitalisation a name's token requires of the text's token.
enum Caps : uint8_t { kAnyCase, kUpperInitial, kAllUpper };

struct Name {
  uint32_t target = 0;        // index of the Ref (or authority) it names
  std::vector<Caps> caps;     // one per token
  bool article_only = false;  // "+CSP": only inside an article citation
  bool bare_guard = false;    // "=Charte": not when followed by de/du/des/d'
};

bool IsQuote(std::string_view folded) {
  return folded == "\"" || folded == "[" || folded == "]" || folded == "\u2039" || folded == "\u203A";
}

class PhraseTrie {
 public:
  void Add(const std::vector<std::string>& folded_tokens, uint32_t name) {
    phrases_.Add(folded_tokens);  // its id is the index in names_
    names_.push_back(name);
  }

  // Walks the tokens from `first`, calling on_match(end, name, path, quoted)
  // for every phrase that ends there; `path` holds the indices of the tokens
  // matched (quotes inside a phrase are skipped: « loi « Informatique et
  // Libertés » »). Stops at a sentence end.
  template <class Tokens, class F>
  void Walk(const Tokens& toks, uint32_t first, F&& on_match) const {
    std::array<uint32_t, 32> path{};
    size_t depth = 0;
    uint32_t node = PhraseMatcher::kRoot;
    bool quoted = false;
    if (!phrases_.MayStart(toks.F(first))) return;  // most tokens: no phrase starts with them
    const uint32_t sentence = toks.Sentence(first);
    for (uint32_t j = first; j < toks.size() && depth < path.size() && toks.Sentence(j) == sentence; ++j) {
      const std::string_view f = toks.F(j);
      const uint32_t next = phrases_.Next(node, f);
      if (next == PhraseMatcher::kNoNode) {
        if (j > first && IsQuote(f)) {
          quoted = true;
          continue;
        }
        return;
      }
      node = next;
      path[depth++] = j;
      for (uint32_t phrase : phrases_.PhrasesAt(node)) {
        on_match(j + 1, names_[phrase], std::span(path.data(), depth), quoted);
      }
    }
  }

 private:
  PhraseMatcher phrases_;       // lexicon/phrase_matcher.h
  std::vector<uint32_t> names_;  // by phrase id
};

// ---------------------------------------------------------------------------
// The tables, read once from the embedded data files.

struct Authority {
  std::string key;
  bool court = false;
  std::vector<std::string> numbers;  // shapes: # digit, @ capital, * anything
  std::vector<std::string> ecli;     // ECLI court code prefixes
};

struct Tables {
  std::vector<Ref> refs;
  std::vector<Name> ref_names;
  PhraseTrie ref_trie;
  std::unordered_map<std::string, uint32_t> by_id;  // "EU_REG:2016/679", "LOI:78-17" -> ref

  std::vector<Authority> authorities;
  std::vector<Name> authority_names;
  PhraseTrie authority_trie;
  std::unordered_map<std::string, uint32_t> authority_by_name;  // Fold(name) -> authority

};

// Tokenises a name the way texts are tokenised, and records the capitals it
// requires: ALL-CAPS abbreviations of 2-3 letters exactly ("TUE" is not
// "tue"), longer ones in capitals or title case ("Cnil"), and with `exact`
// every capitalised word.
std::vector<std::string> NameTokens(std::string_view name, bool exact, const Abbreviations& abbreviations,
                                    std::vector<Caps>* caps) {
  std::vector<std::string> out;
  const Segmentation seg = Segment(name, abbreviations);
  for (const Token& t : seg.tokens) {
    const std::string_view raw = TokenText(name, t);
    out.push_back(Fold(raw));
    Caps c = kAnyCase;
    const size_t letters = CountCodePoints(raw);
    if (IsAllUpper(raw) && letters >= 2 && raw.find('.') == std::string_view::npos) {
      c = letters <= 3 ? kAllUpper : kUpperInitial;
    } else if (exact && IsUpperInitial(raw)) {
      c = kUpperInitial;
    }
    caps->push_back(c);
  }
  return out;
}

void AddNames(std::string_view names, uint32_t target, const Abbreviations& abbreviations, PhraseTrie* trie,
              std::vector<Name>* out) {
  for (std::string_view n : Split(names, '|')) {
    n = Trim(n);
    Name name;
    name.target = target;
    while (!n.empty() && (n.front() == '+' || n.front() == '=')) {
      if (n.front() == '+') name.article_only = true;
      if (n.front() == '=') name.bare_guard = true;
      n.remove_prefix(1);
    }
    if (n.empty()) continue;
    const std::vector<std::string> tokens = NameTokens(n, name.bare_guard, abbreviations, &name.caps);
    if (tokens.empty()) continue;
    trie->Add(tokens, static_cast<uint32_t>(out->size()));
    out->push_back(std::move(name));
  }
}

std::string_view Column(const std::vector<std::string_view>& cols, size_t i) {
  return i < cols.size() ? Trim(cols[i]) : std::string_view();
}

Kind KindOfKey(std::string_view key) {
  static constexpr std::pair<std::string_view, Kind> kPrefixes[] = {
      {"LOI:", Kind::kLoi},          {"DECRET:", Kind::kDecret},    {"ORD:", Kind::kOrdonnance},
      {"ARRETE:", Kind::kArrete},    {"EU_REG:", Kind::kReglement}, {"EU_DIR:", Kind::kDirective},
      {"EU_DEC:", Kind::kDecision},  {"CIRC:", Kind::kCirculaire},  {"DELIB:", Kind::kDeliberation},
      {"DECISION:", Kind::kDecision}};
  for (const auto& [prefix, kind] : kPrefixes) {
    if (key.starts_with(prefix)) return kind;
  }
  return Kind::kOther;
}

void LoadInstruments(std::string_view instruments, std::string_view case_names, const Abbreviations& abbreviations,
                     Tables* t) {
  // key  kind  names  ids  url  notes
  for (const DataLine& line : DataLines(instruments)) {
    const std::vector<std::string_view> cols = Split(line.text, '\t');
    Ref ref;
    ref.key = std::string(Column(cols, 0));
    if (ref.key.empty()) continue;
    ref.kind = KindOfWord(Fold(Column(cols, 1)));
    ref.url = std::string(Column(cols, 4));
    ref.legislative = true;
    const auto index = static_cast<uint32_t>(t->refs.size());
    t->by_id.emplace(ref.key, index);
    for (std::string_view id : Split(Column(cols, 3), '|')) {
      if (!Trim(id).empty()) t->by_id.emplace(std::string(Trim(id)), index);
    }
    AddNames(Column(cols, 2), index, abbreviations, &t->ref_trie, &t->ref_names);
    t->refs.push_back(std::move(ref));
  }
  // key  names  url  notes
  for (const DataLine& line : DataLines(case_names)) {
    const std::vector<std::string_view> cols = Split(line.text, '\t');
    Ref ref;
    ref.key = std::string(Column(cols, 0));
    if (ref.key.empty()) continue;
    ref.kind = Kind::kArret;
    ref.url = std::string(Column(cols, 2));
    const auto index = static_cast<uint32_t>(t->refs.size());
    t->by_id.emplace(ref.key, index);
    AddNames(Column(cols, 1), index, abbreviations, &t->ref_trie, &t->ref_names);
    t->refs.push_back(std::move(ref));
  }
}

void LoadAuthorities(std::string_view authorities, const Abbreviations& abbreviations, Tables* t) {
  // key  role  names  numbers  ecli  notes
  for (const DataLine& line : DataLines(authorities)) {
    const std::vector<std::string_view> cols = Split(line.text, '\t');
    Authority a;
    a.key = std::string(Column(cols, 0));
    if (a.key.empty()) continue;
    a.court = Column(cols, 1) == "court";
    for (std::string_view s : Split(Column(cols, 3), '|')) {
      if (!Trim(s).empty()) a.numbers.emplace_back(Trim(s));
    }
    for (std::string_view s : Split(Column(cols, 4), '|')) {
      if (!Trim(s).empty()) a.ecli.emplace_back(Trim(s));
    }
    const auto index = static_cast<uint32_t>(t->authorities.size());
    for (std::string_view n : Split(Column(cols, 2), '|')) {
      if (!Trim(n).empty()) t->authority_by_name.emplace(Fold(Trim(n)), index);
    }
    AddNames(Column(cols, 2), index, abbreviations, &t->authority_trie, &t->authority_names);
    t->authorities.push_back(std::move(a));
  }
}


}  // namespace

// The tables, as the Lexicon holds them (recognise/legal_refs.h).
struct LegalTables {
  Tables tables;
};

namespace {

// ---------------------------------------------------------------------------
// Small matchers over strings.

// Matches `s` against a shape: # a digit, @ an ASCII capital, * any run,
// anything else itself.
bool MatchesShape(std::string_view s, std::string_view shape) {
  if (shape.empty()) return s.empty();
  if (shape[0] == '*') {
    for (size_t i = 0; i <= s.size(); ++i) {
      if (MatchesShape(s.substr(i), shape.substr(1))) return true;
    }
    return false;
  }
  if (s.empty()) return false;
  const char c = s[0];
  const bool ok = shape[0] == '#' ? (c >= '0' && c <= '9') : shape[0] == '@' ? (c >= 'A' && c <= 'Z') : c == shape[0];
  return ok && MatchesShape(s.substr(1), shape.substr(1));
}

bool IsCassationNumber(std::string_view id) { return MatchesShape(id, "##-##.###"); }

bool IsAsciiAlnum(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

bool IsAsciiUpperWord(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool StartsWithDigit(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

// "A/B" of an EU act number as written ("2016/679", "95/46/CE" -> "95/46",
// "45/2001"), or empty.
std::string EuNumber(std::string_view id) {
  const std::vector<std::string_view> parts = Split(id, '/');
  if (parts.size() < 2 || parts.size() > 3 || !IsAsciiDigits(parts[0]) || !IsAsciiDigits(parts[1])) return {};
  if (parts.size() == 3) {
    static constexpr std::string_view kSuffixes[] = {"CE", "UE", "CEE", "JAI", "PESC", "EU", "EC", "EEC"};
    if (std::find(std::begin(kSuffixes), std::end(kSuffixes), parts[2]) == std::end(kSuffixes)) return {};
  }
  if (parts[0].size() > 4 || parts[1].size() > 4) return {};
  return std::string(parts[0]) + "/" + std::string(parts[1]);
}

// EUR-Lex ELI of an EU act: https://eur-lex.europa.eu/eli/reg/2016/679/oj.
// Numbers are year/number since 2015 and for directives and decisions,
// number/year for older regulations ("45/2001"); two-digit years are 19xx.
std::string EliUrl(std::string_view type, std::string_view number) {
  const std::vector<std::string_view> parts = Split(number, '/');
  if (parts.size() != 2) return {};
  std::string year(parts[0]), num(parts[1]);
  if (type.starts_with("reg") && parts[1].size() == 4 && parts[0].size() < 4) std::swap(year, num);
  if (year.size() == 2) year = "19" + year;
  if (year.size() != 4) return {};
  return "https://eur-lex.europa.eu/eli/" + std::string(type) + "/" + year + "/" + num + "/oj";
}

// "1", "31", "1er" -> day number; 0 otherwise.
int DayNumber(std::string_view folded) {
  if (folded == "1er" || folded == "premier") return 1;
  if (!IsAsciiDigits(folded) || folded.size() > 2) return 0;
  const int d = std::stoi(std::string(folded));
  return d >= 1 && d <= 31 ? d : 0;
}

// ---------------------------------------------------------------------------
// The scanner.

struct AuthorityMention {
  uint32_t first = 0, end = 0;
  uint32_t authority = 0;
};

// An instrument found at some position: the tokens it spans and what it is.
struct Found {
  uint32_t end = 0;
  Ref ref;
};

class Scanner {
 public:
  Scanner(std::string_view text, const Segmentation& seg, const Lexicon& lexicon, const std::vector<Candidate>& names,
          const std::vector<Candidate>& dates)
      : text_(text),
        seg_(seg),
        tables_(lexicon.legal().tables),
        lexicon_(lexicon),
        n_(static_cast<uint32_t>(seg.tokens.size())) {
    IndexDates(dates);
    FindAuthorities(names);
  }

  std::vector<Candidate> Run() {
    for (uint32_t i = 0; i < n_;) {
      uint32_t end = 0;
      if (!end) end = TryArticle(i);
      if (!end) end = TryEcli(i);
      if (!end) end = TryCjeuCase(i);
      if (!end) end = TryInstrument(i);
      if (!end) end = TryCourtAndNumber(i);
      if (!end) end = TryNumero(i);
      if (!end) end = TryConstitutionalNumber(i);
      i = end > i ? end : i + 1;
    }
    return std::move(out_);
  }

  // Token access for PhraseTrie.
  uint32_t size() const { return n_; }
  uint32_t Sentence(uint32_t j) const { return j < n_ ? seg_.tokens[j].sentence : UINT32_MAX; }
  std::string_view F(uint32_t j) const {
    return j < n_ ? FoldedText(seg_, j) : "";
  }

 private:
  // --- token helpers -------------------------------------------------------
  std::string_view T(uint32_t j) const { return j < n_ ? TokenText(text_, seg_.tokens[j]) : ""; }
  TokenKind K(uint32_t j) const { return j < n_ ? seg_.tokens[j].kind : TokenKind::kSymbol; }
  bool IsNumber(uint32_t j) const { return j < n_ && seg_.tokens[j].kind == TokenKind::kNumber; }
  // No whitespace between token j-1 and token j.
  bool Glued(uint32_t j) const { return j > 0 && j < n_ && seg_.tokens[j].byte_start == seg_.tokens[j - 1].byte_end; }
  bool SameSentence(uint32_t a, uint32_t b) const { return a < n_ && b < n_ && Sentence(a) == Sentence(b); }
  bool IsDash(uint32_t j) const { return F(j) == "-"; }
  bool IsNumero(uint32_t j) const {
    const std::string_view f = F(j);
    return f == "n°" || f == "n\u00BA" || f == "numero" || (f == "no" && IsNumber(j + 1));
  }


  // Day-precision DATE candidates by first token, when the DATE recogniser ran.
  void IndexDates(const std::vector<Candidate>& cands) {
    date_at_.assign(n_, -1);
    for (size_t k = 0; k < cands.size(); ++k) {
      const Candidate& c = cands[k];
      if (c.type == EntityType::kDate && c.fields.value().size() == 10 && c.first_token < n_) {
        date_at_[c.first_token] = static_cast<int32_t>(k);
      }
    }
    dates_ = &cands;
  }

  // Checks a trie match's capitals against the text.
  bool CapsOk(const Name& name, std::span<const uint32_t> path) const {
    for (size_t k = 0; k < path.size() && k < name.caps.size(); ++k) {
      const std::string_view raw = T(path[k]);
      if (name.caps[k] == kAllUpper && !IsAllUpper(raw)) return false;
      if (name.caps[k] == kUpperInitial && !IsUpperInitial(raw)) return false;
    }
    return true;
  }

  bool FollowedByDe(uint32_t j) const {
    const std::string_view f = F(j);
    return f == "de" || f == "du" || f == "des" || f == "d'";
  }

  // "Constitution européenne", "Charte graphique": another text than the one
  // a bare capitalised name means.
  bool FollowedByAdjective(uint32_t j) const {
    static constexpr std::string_view kEndings[] = {"enne", "aine", "aise", "ande", "ole", "ique", "oise", "ale"};
    const std::string_view raw = T(j), f = F(j);
    if (K(j) != TokenKind::kWord || IsUpperInitial(raw)) return false;
    return std::any_of(std::begin(kEndings), std::end(kEndings), [&](std::string_view e) { return f.ends_with(e); });
  }

  // Longest name of `names` starting at token i; -1 when none.
  int LongestName(const PhraseTrie& trie, const std::vector<Name>& names, uint32_t i, bool in_article,
                  uint32_t* end) const {
    int best = -1;
    uint32_t best_end = 0;
    trie.Walk(*this, i, [&](uint32_t e, uint32_t name_index, std::span<const uint32_t> path, bool quoted) {
      const Name& name = names[name_index];
      if (name.article_only && !in_article) return;
      if (!CapsOk(name, path)) return;
      if (name.bare_guard && path.size() == 1 && (FollowedByDe(e) || FollowedByAdjective(e))) return;
      if (quoted && e < n_ && IsQuote(F(e))) ++e;  // the closing quote
      if (e > best_end) {
        best_end = e;
        best = static_cast<int>(name_index);
      }
    });
    *end = best_end;
    return best;
  }

  // Authorities and courts named in the text (from the cue list and from ORG
  // candidates), plus the courts that ECLI identifiers name; sorted by start.
  void FindAuthorities(const std::vector<Candidate>& cands) {
    for (uint32_t i = 0; i < n_; ++i) {
      uint32_t end = 0;
      const int name = LongestName(tables_.authority_trie, tables_.authority_names, i, false, &end);
      if (name >= 0) {
        // "95/46/CE", "(CE)": an EU act, not the Conseil d'État.
        const bool short_abbrev = end == i + 1 && CountCodePoints(T(i)) <= 3;
        if (!(short_abbrev && (Glued(i) || F(i - 1) == "(" || F(i - 1) == "/"))) {
          mentions_.push_back({i, end, tables_.authority_names[name].target});
          i = end - 1;
          continue;
        }
      }
      if (F(i) == "ecli" && F(i + 1) == ":" && F(i + 3) == ":") {
        if (const int court = CourtOfEcliCode(T(i + 4)); court >= 0) {
          mentions_.push_back({i, i + 5, static_cast<uint32_t>(court)});
        }
      }
    }
    StringMap<int> authority_of;  // canonical -> authority: the same names recur, and a miss scans every name
    for (const Candidate& c : cands) {
      if (c.type != EntityType::kOrg) continue;
      auto known = authority_of.find(c.canonical);
      if (known == authority_of.end()) known = authority_of.emplace(c.canonical, AuthorityOfName(Fold(c.canonical))).first;
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
      if (!tables_.authorities[mentions_[k].authority].court) last = k;
      authority_before_[k] = last;
    }
    authority_after_[count] = count;
    for (int32_t k = count - 1; k >= 0; --k) {
      authority_after_[k] = tables_.authorities[mentions_[k].authority].court ? authority_after_[k + 1] : k;
    }
  }

  int AuthorityOfName(const std::string& folded) const {
    if (auto it = tables_.authority_by_name.find(folded); it != tables_.authority_by_name.end()) {
      return static_cast<int>(it->second);
    }
    // "Tribunal administratif de Paris" is the tribunal administratif.
    for (const auto& [name, index] : tables_.authority_by_name) {
      if (name.size() > 4 && folded.size() > name.size() && folded.starts_with(name) && folded[name.size()] == ' ') {
        return static_cast<int>(index);
      }
    }
    return -1;
  }

  int CourtOfEcliCode(std::string_view code) const {
    int best = -1;
    size_t best_len = 0;
    for (size_t a = 0; a < tables_.authorities.size(); ++a) {
      for (const std::string& prefix : tables_.authorities[a].ecli) {
        if (code.starts_with(prefix) && prefix.size() > best_len) {
          best = static_cast<int>(a);
          best_len = prefix.size();
        }
      }
    }
    return best;
  }

  // --- identifiers and dates ------------------------------------------------

  // An identifier as written, from glued tokens: "2023-146", "SAN-2022-019",
  // "19-21.234", "2010-14/22", "6282-SG", "95/46/CE"; an all-caps prefix
  // before a space joins with a dash ("MED 2021-134" -> "MED-2021-134").
  std::string ReadId(uint32_t j, uint32_t* end) const {
    std::string id;
    if (j >= n_) return id;
    if (K(j) == TokenKind::kWord && IsAsciiUpperWord(T(j)) && T(j).size() <= 4 && IsNumber(j + 1) && !Glued(j + 1) &&
        StartsWithDigit(T(j + 1)) && SameSentence(j, j + 1)) {
      id = std::string(T(j)) + "-";
      ++j;
    } else if (!(IsNumber(j) || (K(j) == TokenKind::kWord && IsAsciiUpperWord(T(j))))) {
      return {};
    }
    if (!IsAsciiAlnum(T(j)) && !(IsNumber(j) && T(j).find('.') != std::string_view::npos)) return {};
    id += T(j);
    ++j;
    for (int guard = 0; guard < 8 && j + 1 < n_ && Glued(j) && Glued(j + 1); ++guard) {
      const std::string_view sep = F(j);
      if (sep != "-" && sep != "/" && sep != ".") break;
      const std::string_view next = T(j + 1);
      if (!IsAsciiAlnum(next) && !(IsNumber(j + 1) && next.find(' ') == std::string_view::npos)) break;
      id += sep;
      id += next;
      j += 2;
    }
    *end = j;
    return id;
  }

  // "21 décembre 2023", "1er juillet 1901" at j: its ISO date. Uses the DATE
  // recogniser's candidate when there is one.
  std::optional<std::string> ParseDate(uint32_t j, uint32_t* end) const {
    if (j >= n_) return std::nullopt;
    if (date_at_[j] >= 0) {
      const Candidate& c = (*dates_)[static_cast<size_t>(date_at_[j])];
      *end = c.end_token;
      return c.fields.value();
    }
    const int day = DayNumber(F(j));
    if (day == 0) return std::nullopt;
    const int month = lexicon_.MonthNumber(F(j + 1));
    if (month == 0) return std::nullopt;
    const std::string_view year = T(j + 2);
    if (!IsNumber(j + 2) || year.size() != 4 || !IsAsciiDigits(year)) return std::nullopt;
    *end = j + 3;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.4s-%02d-%02d", year.data(), month, day);
    return std::string(buf);
  }

  // "du 21 juin 2004" / "en date du 21 juin 2004" after an act's number.
  std::optional<std::string> DateAfter(uint32_t j, uint32_t* end) const {
    if (F(j) == "en" && F(j + 1) == "date") j += 2;
    if (F(j) != "du" && F(j) != "le") return std::nullopt;
    return ParseDate(j + 1, end);
  }

  // --- references -----------------------------------------------------------

  Ref RefOfKey(std::string key, std::string url, bool legislative) const {
    if (auto it = tables_.by_id.find(key); it != tables_.by_id.end()) {
      Ref r = tables_.refs[it->second];
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

  void Remember(const Ref& ref) {
    if (!ref.legislative) return;
    last_ = ref;
    last_by_kind_[static_cast<size_t>(ref.kind)] = ref;
  }

  void Emit(uint32_t first, uint32_t end, const Ref& ref, std::string article) {
    Candidate c;
    c.type = EntityType::kLegalRef;
    c.first_token = first;
    c.end_token = end;
    c.canonical = article.empty() ? ref.key : ref.key + " art. " + article;
    c.fields.instrument() = ref.key;
    c.fields.article() = std::move(article);
    c.fields.url = ref.url;
    c.priority = 1;
    out_.push_back(std::move(c));
    bare_end_ = 0;
  }

  // --- authors of deliberations and decisions -------------------------------

  // The authority mentioned in [first, end), if any.
  int AuthorityWithin(uint32_t first, uint32_t end) const {
    for (auto it = FirstMentionFrom(first); it != mentions_.end() && it->first < end; ++it) {
      if (!tables_.authorities[it->authority].court) return static_cast<int>(it->authority);
    }
    return -1;
  }

  std::vector<AuthorityMention>::const_iterator FirstMentionFrom(uint32_t token) const {
    return std::lower_bound(mentions_.begin(), mentions_.end(), token,
                            [](const AuthorityMention& m, uint32_t t) { return m.first < t; });
  }

  // Who issued the deliberation or decision numbered `id` at [first, end):
  // the authority named in the act's own phrase, else the one whose numbers
  // look like this ("SAN-…" is the CNIL's), else the nearest one named just
  // after in the same sentence, else the last one named before.
  std::optional<std::string> AuthorOf(uint32_t first, uint32_t end, int named, std::string_view id) const {
    if (named >= 0) return tables_.authorities[named].key;
    for (const Authority& a : tables_.authorities) {
      if (a.court) continue;
      for (const std::string& shape : a.numbers) {
        if (!id.empty() && MatchesShape(id, shape)) return a.key;
      }
    }
    const auto after = FirstMentionFrom(end);
    for (auto it = after; it != mentions_.end() && it->first < end + 25 && SameSentence(it->first, end - 1); ++it) {
      if (!tables_.authorities[it->authority].court) return tables_.authorities[it->authority].key;
    }
    // The last one named before, ending before the act: only the few that
    // overlap the act are passed over.
    const auto after_index = static_cast<int32_t>(after - mentions_.begin());
    for (int32_t k = after_index > 0 ? authority_before_[after_index - 1] : -1; k >= 0;
         k = k > 0 ? authority_before_[k - 1] : -1) {
      if (mentions_[k].end <= first) return tables_.authorities[mentions_[k].authority].key;
    }
    // A text about one authority may name it only later on.
    if (const int32_t k = authority_after_[after_index]; k < static_cast<int32_t>(mentions_.size())) {
      return tables_.authorities[mentions_[k].authority].key;
    }
    return std::nullopt;
  }

  // The court whose decision a bare number `id` at [first, end) is: a court
  // named just after ("n° 2006861 du TA de Paris") or before it (the same
  // sentence or the lines just above), whose numbers have this shape.
  std::optional<std::string> CourtOf(uint32_t first, uint32_t end, std::string_view id) const {
    const auto fits = [&](const AuthorityMention& m) {
      const Authority& a = tables_.authorities[m.authority];
      if (!a.court) return false;
      for (const std::string& shape : a.numbers) {
        if (MatchesShape(id, shape)) return true;
      }
      return false;
    };
    const auto after = FirstMentionFrom(end);
    for (auto it = after; it != mentions_.end() && it->first <= end + 4; ++it) {
      if (SameSentence(it->first, end - 1) && fits(*it)) return tables_.authorities[it->authority].key;
    }
    for (auto it = after; it != mentions_.begin();) {
      --it;
      if (it->end > first) continue;
      if (first - it->end > 40) break;
      if (fits(*it)) return tables_.authorities[it->authority].key;
    }
    return std::nullopt;
  }

  // --- acts by kind word ----------------------------------------------------

  // "(UE)", "(CE)", "(UE, Euratom)", "d'exécution", "délégué" between an EU
  // act's kind word and its number.
  uint32_t SkipEuModifiers(uint32_t j, bool* implementing, bool* delegated) const {
    for (int guard = 0; guard < 4; ++guard) {
      if (F(j) == "d'" && F(j + 1) == "execution") {
        *implementing = true;
        j += 2;
      } else if (F(j) == "delegue" || F(j) == "deleguee") {
        *delegated = true;
        ++j;
      } else if ((T(j) == "UE" || T(j) == "CE") && IsNumber(j + 1)) {
        ++j;  // "règlement UE 2016/679"
      } else if (F(j) == "(" && (F(j + 1) == "ue" || F(j + 1) == "ce" || F(j + 1) == "cee")) {
        uint32_t k = j + 2;
        if (F(k) == "," && F(k + 1) == "euratom") k += 2;
        if (F(k) != ")") break;
        j = k + 1;
      } else {
        break;
      }
    }
    return j;
  }

  // "de la formation restreinte", "du Premier ministre", "de la CNIL",
  // "organique": words between a kind word and the act's number. Returns the
  // position of "n°" or of the identifier, or `j` when there is none within a
  // few words; sets *authority when an authority is named there.
  uint32_t SkipModifiers(uint32_t j, int* authority) const {
    static constexpr std::string_view kStarters[] = {"de",
                                                     "du",
                                                     "des",
                                                     "d'",
                                                     "en",
                                                     "organique",
                                                     "constitutionnelle",
                                                     "ministeriel",
                                                     "interministeriel",
                                                     "prefectoral",
                                                     "municipal",
                                                     "dite",
                                                     "simple"};
    if (std::find(std::begin(kStarters), std::end(kStarters), F(j)) == std::end(kStarters)) return j;
    for (uint32_t k = j; k < j + 10 && SameSentence(k, j); ++k) {
      if (IsNumero(k)) {
        *authority = AuthorityWithin(j, k);
        return k;
      }
      if ((F(k) == "du" || F(k) == "le") && k > j) {
        uint32_t e = 0;
        if (ParseDate(k + 1, &e)) {
          *authority = AuthorityWithin(j, k);
          return k;
        }
      }
      const std::string_view f = F(k);
      const bool word = K(k) == TokenKind::kWord;
      if (!(word || f == "(" || f == ")")) return j;
      if (k > j && KindOfWord(f) != Kind::kOther) return j;
      // An identifier right after the modifiers ("Délibération … SAN-2021-023").
      if (k > j && word && IsAsciiUpperWord(T(k)) && Glued(k + 1) && IsDash(k + 1)) {
        *authority = AuthorityWithin(j, k);
        return k;
      }
    }
    return j;
  }

  // An act introduced by its kind word at i: "loi n° 2004-575 du 21 juin
  // 2004", "règlement (UE) 2016/679", "délibération de la CNIL du 21 décembre
  // 2023", "décision n° 2021-817 DC", "Executive Order 12333"…
  std::optional<Found> ParseAct(uint32_t i) const {
    const std::string_view f = F(i);
    if (f == "executive" && F(i + 1) == "order" && IsNumber(i + 2)) return ExecutiveOrder(i);
    if (f == "pourvoi") {
      uint32_t j = i + 1 + (IsNumero(i + 1) ? 1 : 0), end = 0;
      const std::string id = ReadId(j, &end);
      if (IsCassationNumber(id)) return Found{end, RefOfKey("CASS:" + id, "", false)};
      return std::nullopt;
    }
    // "mise en demeure n° MED 2021-134": a decision of an authority.
    if (f == "mise" && F(i + 1) == "en" && F(i + 2) == "demeure") return NationalDecision(i + 2, i);
    const Kind kind = KindOfWord(f);
    switch (kind) {
      case Kind::kReglement:
      case Kind::kDirective:
      case Kind::kDecision:
        if (auto eu = EuAct(i, kind)) return eu;
        if (kind == Kind::kDecision) return NationalDecision(i, i);
        return std::nullopt;
      case Kind::kLoi:
      case Kind::kDecret:
      case Kind::kOrdonnance:
        return NumberedAct(i, kind);
      case Kind::kArrete:
      case Kind::kCirculaire:
        return DatedAct(i, kind);
      case Kind::kDeliberation:
        return Deliberation(i);
      default:
        return std::nullopt;
    }
  }

  std::optional<Found> ExecutiveOrder(uint32_t i) const {
    std::string key = "EXECUTIVE_ORDER_";
    for (char c : T(i + 2)) {
      if (c >= '0' && c <= '9') {
        key += c;
      } else if (key.back() != '_') {
        key += '_';  // "12 333": the space of the number as written
      }
    }
    return Found{i + 3, RefOfKey(key, "", true)};
  }

  std::optional<Found> EuAct(uint32_t i, Kind kind) const {
    bool implementing = false, delegated = false;
    uint32_t j = SkipEuModifiers(i + 1, &implementing, &delegated);
    if (IsNumero(j)) ++j;
    uint32_t end = 0;
    std::string number = EuNumber(ReadId(j, &end));
    if (number.empty()) number = EuNumberInParentheses(i, &end);
    if (number.empty()) return std::nullopt;
    std::string type = kind == Kind::kReglement ? "reg" : kind == Kind::kDirective ? "dir" : "dec";
    if (implementing) type += "_impl";
    if (delegated) type += "_del";
    const std::string prefix = kind == Kind::kReglement ? "EU_REG:" : kind == Kind::kDirective ? "EU_DIR:" : "EU_DEC:";
    return Found{end, RefOfKey(prefix + number, EliUrl(type, number), true)};
  }

  // "décision de la Commission du 26 juillet 2000 (2000/520/CE)": the
  // number in parentheses after the author and date, with its suffix.
  std::string EuNumberInParentheses(uint32_t i, uint32_t* end) const {
    int authority = -1;
    uint32_t j = SkipModifiers(i + 1, &authority);
    if (j == i + 1) return {};
    uint32_t date_end = 0;
    if (!DateAfter(j, &date_end) || F(date_end) != "(") return {};
    uint32_t id_end = 0;
    const std::string id = ReadId(date_end + 1, &id_end);
    if (std::count(id.begin(), id.end(), '/') != 2 || F(id_end) != ")") return {};
    *end = id_end + 1;
    return EuNumber(id);
  }

  // "loi n° 78-17", "loi organique n° 2009-403", "décret n° 2019-536 du 29
  // mai 2019", "ordonnance n° 2018-1125": numbers as written.
  std::optional<Found> NumberedAct(uint32_t i, Kind kind) const {
    int authority = -1;
    uint32_t j = SkipModifiers(i + 1, &authority);
    const bool numero = IsNumero(j);
    if (numero) ++j;
    uint32_t end = 0;
    const std::string id = ReadId(j, &end);
    // "78-17", "2004-575": a year of two or four digits, a dash, a number.
    const size_t dash = id.find('-');
    if (dash == std::string::npos || (dash != 2 && dash != 4) || !IsAsciiDigits(id.substr(0, dash)) ||
        !IsAsciiDigits(id.substr(dash + 1))) {
      return std::nullopt;
    }
    if (kind == Kind::kOrdonnance && dash != 4 && !numero) return std::nullopt;
    uint32_t date_end = 0;
    if (DateAfter(end, &date_end)) end = date_end;
    const char* prefix = kind == Kind::kLoi ? "LOI:" : kind == Kind::kDecret ? "DECRET:" : "ORD:";
    return Found{end, RefOfKey(prefix + id, "", true)};
  }

  // "arrêté du 5 mars 2020" -> ARRETE:2020-03-05; "circulaire n° 6282-SG"
  // -> CIRC:6282-SG, "circulaire du 5 juillet 2021" -> CIRC:2021-07-05.
  std::optional<Found> DatedAct(uint32_t i, Kind kind) const {
    int authority = -1;
    uint32_t j = SkipModifiers(i + 1, &authority);
    const char* prefix = kind == Kind::kArrete ? "ARRETE:" : "CIRC:";
    if (kind == Kind::kCirculaire && IsNumero(j)) {
      uint32_t end = 0;
      const std::string id = ReadId(j + 1, &end);
      if (id.empty()) return std::nullopt;
      uint32_t date_end = 0;
      if (DateAfter(end, &date_end)) end = date_end;
      return Found{end, RefOfKey(prefix + id, "", true)};
    }
    uint32_t end = 0;
    if (auto iso = DateAfter(j, &end)) {
      // "circulaire du 5 juillet 2021 n° 6282-SG": the number is the key.
      if (kind == Kind::kCirculaire && IsNumero(end)) {
        uint32_t id_end = 0;
        const std::string id = ReadId(end + 1, &id_end);
        if (!id.empty()) return Found{id_end, RefOfKey(prefix + id, "", true)};
      }
      return Found{end, RefOfKey(prefix + *iso, "", true)};
    }
    return std::nullopt;
  }

  // "délibération n° 2023-146 du 21 décembre 2023", "Délibération de la
  // formation restreinte n° SAN-2022-019", "délibération de la Cnil du 21
  // décembre 2023" -> DELIB:<author>:<number or ISO date>.
  std::optional<Found> Deliberation(uint32_t i) const {
    int authority = -1;
    uint32_t j = SkipModifiers(i + 1, &authority);
    if (IsNumero(j)) ++j;
    uint32_t end = 0;
    std::string id = ReadId(j, &end);
    if (!id.empty() && id.find('-') == std::string::npos) id.clear();
    std::string suffix = id;
    if (id.empty()) {
      auto iso = DateAfter(j, &end);
      if (!iso) return std::nullopt;
      suffix = *iso;
      // "délibération de la CNIL du 21 décembre 2023 n° 2023-146"
      if (IsNumero(end)) {
        uint32_t id_end = 0;
        const std::string later = ReadId(end + 1, &id_end);
        if (later.find('-') != std::string::npos) {
          suffix = id = later;
          end = id_end;
        }
      }
    } else {
      uint32_t date_end = 0;
      if (DateAfter(end, &date_end)) end = date_end;
    }
    const std::optional<std::string> author = AuthorOf(i, end, authority, id);
    if (!author) return std::nullopt;
    return Found{end, RefOfKey("DELIB:" + *author + ":" + suffix, "", false)};
  }

  // "décision n° 2021-817 DC" (Conseil constitutionnel), "Décision n° 492369"
  // (a court, by the court named nearby), "décision n° MED 2021-134",
  // "décision n° 20-MC-01 de l'Autorité de la concurrence".
  // `i` is the last word of the kind ("décision", "demeure"), `first` its first.
  std::optional<Found> NationalDecision(uint32_t i, uint32_t first) const {
    int authority = -1;
    uint32_t j = SkipModifiers(i + 1, &authority);
    const bool numero = IsNumero(j);
    if (numero) ++j;
    uint32_t end = 0;
    const std::string id = ReadId(j, &end);
    if (id.empty()) return std::nullopt;
    if (auto cc = ConstitutionalSuffix(id, end)) return cc;
    if (IsCassationNumber(id)) return Found{end, RefOfKey("CASS:" + id, "", false)};
    if (!numero && id.find('-') == std::string::npos) return std::nullopt;
    if (IsAsciiDigits(id)) {
      if (auto court = CourtOf(first, end, id)) return Found{end, RefOfKey(*court + ":" + id, "", false)};
      return std::nullopt;
    }
    uint32_t date_end = 0;
    if (DateAfter(end, &date_end)) end = date_end;
    const std::optional<std::string> author = AuthorOf(first, end, authority, id);
    if (!author) return std::nullopt;
    return Found{end, RefOfKey("DECISION:" + *author + ":" + id, "", false)};
  }

  // "2021-817 DC", "2010-14/22 QPC": a Conseil constitutionnel decision,
  // keyed without its suffix.
  std::optional<Found> ConstitutionalSuffix(const std::string& id, uint32_t end) const {
    static constexpr std::string_view kSuffixes[] = {"DC", "QPC", "LP", "LOM", "FNR", "ORGA", "L", "REF", "PDR"};
    // "2021-817", "2010-14/22": a year, a dash, a number, maybe "/number".
    const std::vector<std::string_view> parts = Split(id, '/');
    if (parts.size() > 2 || (parts.size() == 2 && !IsAsciiDigits(parts[1]))) return std::nullopt;
    if (parts[0].size() < 6 || parts[0][4] != '-' || !IsAsciiDigits(parts[0].substr(0, 4)) ||
        !IsAsciiDigits(parts[0].substr(5))) {
      return std::nullopt;
    }
    if (std::find(std::begin(kSuffixes), std::end(kSuffixes), T(end)) == std::end(kSuffixes)) return std::nullopt;
    return Found{end + 1, RefOfKey("CC_DEC:" + id, "", false)};
  }

  // A named instrument at i (trie) or an act introduced by its kind word,
  // whichever is longer.
  std::optional<Found> ParseInstrument(uint32_t i, bool in_article) const {
    std::optional<Found> act = ParseAct(i);
    uint32_t end = 0;
    const int name = LongestName(tables_.ref_trie, tables_.ref_names, i, in_article, &end);
    if (name >= 0 && (!act || end > act->end)) {
      Found f{end, tables_.refs[tables_.ref_names[name].target]};
      f.end = ExtendNamedLaw(f);
      return f;
    }
    return act;
  }

  // "loi informatique et Libertés n° 78-17 du 6 janvier 1978": the number
  // and date after a law's name belong to the mention.
  uint32_t ExtendNamedLaw(const Found& f) const {
    uint32_t end = f.end;
    if (f.ref.kind != Kind::kLoi) return end;
    if (IsNumero(end)) {
      uint32_t id_end = 0;
      const std::string id = ReadId(end + 1, &id_end);
      if (id.find('-') != std::string::npos) end = id_end;
    }
    uint32_t date_end = 0;
    if (DateAfter(end, &date_end)) end = date_end;
    return end;
  }

  // --- the tries at each token ----------------------------------------------

  uint32_t TryInstrument(uint32_t i) {
    std::optional<Found> f = ParseInstrument(i, false);
    if (!f) return 0;
    Emit(i, f->end, f->ref, "");
    if (f->ref.legislative) {
      bare_first_ = i;
      bare_end_ = f->end;
      bare_ref_ = f->ref;
    }
    Remember(f->ref);
    return f->end;
  }

  // "ECLI:FR:CEORD:2020:444937.20201013": the whole identifier is the key.
  uint32_t TryEcli(uint32_t i) {
    if (F(i) != "ecli" || F(i + 1) != ":" || !Glued(i + 1)) return 0;
    std::string key = "ECLI";
    uint32_t j = i + 1, colons = 0;
    while (j + 1 < n_ && Glued(j) && Glued(j + 1) && (F(j) == ":" || F(j) == ".")) {
      if (F(j) == ":") ++colons;
      key += T(j);
      key += T(j + 1);
      j += 2;
    }
    if (colons < 4) return 0;
    Emit(i, j, RefOfKey(key, "", false), "");
    return j;
  }

  // "C-311/18", "affaire C‑311/18", "aff. C-131/12", "T-604/18".
  uint32_t TryCjeuCase(uint32_t i) {
    // Only « affaire(s) », « arrêt », « aff. » and the courts C, T, F start
    // one: one byte rules out almost every token.
    const std::string_view head = F(i);
    if (head.empty() || (head[0] != 'a' && head[0] != 'c' && head[0] != 't' && head[0] != 'f')) return 0;
    uint32_t j = i;
    if (F(j) == "affaire" || F(j) == "affaires" || F(j) == "arret") {
      ++j;
    } else if (F(j) == "aff" && F(j + 1) == ".") {
      j += 2;
    } else if (F(j) == "aff.") {
      ++j;
    }
    const std::string_view court = T(j);
    if (!(court == "C" || court == "T" || court == "F") || !IsDash(j + 1) || !Glued(j + 1) || !Glued(j + 2) ||
        !IsNumber(j + 2) || F(j + 3) != "/" || !Glued(j + 3) || !Glued(j + 4) || !IsNumber(j + 4)) {
      return 0;
    }
    const std::string_view number = T(j + 2), year = T(j + 4);
    if (!IsAsciiDigits(number) || number.size() > 4 || !IsAsciiDigits(year) || year.size() != 2) return 0;
    const std::string id = std::string(court) + "-" + std::string(number) + "/" + std::string(year);
    Emit(i, j + 5, RefOfKey("CJEU:" + id, "https://curia.europa.eu/juris/liste.jsf?num=" + id, false), "");
    return j + 5;
  }

  // "Conseil d'État 492369": a court and a number of its shape.
  uint32_t TryCourtAndNumber(uint32_t i) {
    while (mention_cursor_ < mentions_.size() && mentions_[mention_cursor_].first < i) ++mention_cursor_;
    for (size_t m = mention_cursor_; m < mentions_.size() && mentions_[m].first == i; ++m) {
      const Authority& a = tables_.authorities[mentions_[m].authority];
      if (!a.court) continue;
      const uint32_t j = mentions_[m].end;
      uint32_t end = 0;
      const std::string id = ReadId(j, &end);
      if (id.empty() || !SameSentence(i, j)) continue;
      for (const std::string& shape : a.numbers) {
        if (MatchesShape(id, shape)) {
          Emit(i, end, RefOfKey(a.key + ":" + id, "", false), "");
          return end;
        }
      }
    }
    return 0;
  }

  // "N° 444937", "n° 2006861 du TA de Paris", "RG n° 21/01234", "n°
  // 19-21.234": a number read through the court named nearby or its shape.
  uint32_t TryNumero(uint32_t i) {
    const bool rg = T(i) == "RG";
    const uint32_t j = rg ? (IsNumero(i + 1) ? i + 2 : i + 1) : i + 1;
    if (!rg && !IsNumero(i)) return 0;
    uint32_t end = 0;
    const std::string id = ReadId(j, &end);
    if (id.empty()) return 0;
    std::optional<Found> found;
    if (IsCassationNumber(id)) {
      found = Found{end, RefOfKey("CASS:" + id, "", false)};
    } else if (auto cc = ConstitutionalSuffix(id, end)) {
      found = cc;
    } else if (auto court = CourtOf(i, end, id)) {
      found = Found{end, RefOfKey(*court + ":" + id, "", false)};
    } else if (rg && MatchesShape(id, "##/#####")) {
      found = Found{end, RefOfKey("CA:" + id, "", false)};
    }
    if (!found) return 0;
    Emit(i, found->end, found->ref, "");
    return found->end;
  }

  uint32_t TryConstitutionalNumber(uint32_t i) {
    if (!IsNumber(i) || Glued(i)) return 0;
    uint32_t end = 0;
    const std::string id = ReadId(i, &end);
    auto cc = ConstitutionalSuffix(id, end);
    if (!cc) return 0;
    Emit(i, cc->end, cc->ref, "");
    return cc->end;
  }

  // --- articles ---------------------------------------------------------------

  struct Item {
    uint32_t first = 0, end = 0;
    std::string article;
  };

  static bool IsArticleHead(std::string_view f) {
    return f == "article" || f == "articles" || f == "art." || f == "arts" || f == "arts.";
  }

  // "L." "R." "D." "LO" before an article number of a code.
  bool IsCodePrefix(uint32_t j) const {
    const std::string_view raw = T(j);
    return raw == "L." || raw == "R." || raw == "D." || raw == "A." || raw == "L" || raw == "R" || raw == "D" ||
           raw == "LO" || raw == "L.O.";
  }

  // One article number: "48", "1er", "L. 1111-8", "L1111-8", "R. 4127-1",
  // "45 bis", "9.2" (-> "9-2").
  bool ArticleNumber(uint32_t j, uint32_t* end, std::string* out) const {
    std::string prefix;
    if (IsCodePrefix(j) && IsNumber(j + 1) && SameSentence(j, j + 1)) {
      for (char c : T(j)) {
        if (c != '.') prefix += c;
      }
      ++j;
    }
    const std::string_view f = F(j);
    if (f == "1er" || (f == "premier" && prefix.empty())) {
      *out = prefix + "1";
      *end = j + 1;
      return true;
    }
    if (!IsNumber(j)) return false;
    std::string_view raw = T(j);
    size_t letters = 0;
    while (letters < raw.size() && raw[letters] >= 'A' && raw[letters] <= 'Z') ++letters;
    if (letters > 0) {
      const std::string_view glued = raw.substr(0, letters);
      if (!prefix.empty() || !(glued == "L" || glued == "R" || glued == "D" || glued == "LO")) return false;
      prefix = std::string(glued);
      raw.remove_prefix(letters);
    }
    if (raw.empty() || !StartsWithDigit(raw)) return false;
    std::string num;
    for (char c : raw) {
      if (c >= '0' && c <= '9') {
        num += c;
      } else if (c == '.' && !num.empty() && num.back() != '-') {
        num += '-';  // "9.2": paragraph 2
      } else {
        return false;
      }
    }
    if (num.size() > 9) return false;
    ++j;
    while (IsDash(j) && Glued(j) && Glued(j + 1) && IsNumber(j + 1) && IsAsciiDigits(T(j + 1))) {
      num += "-";
      num += T(j + 1);
      j += 2;
    }
    static constexpr std::string_view kLatin[] = {"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies"};
    if (std::find(std::begin(kLatin), std::end(kLatin), F(j)) != std::end(kLatin) && SameSentence(j - 1, j)) {
      num += " ";
      num += F(j);
      ++j;
    }
    // "L. 161-36-1 A": a capital letter that is part of the number.
    const std::string_view letter = T(j);
    if (letter.size() == 1 && letter[0] >= 'A' && letter[0] <= 'Z' && SameSentence(j - 1, j) &&
        (F(j + 1) == "du" || F(j + 1) == "de" || F(j + 1) == "," || F(j + 1) == "et")) {
      num += " ";
      num += letter;
      ++j;
    }
    *out = prefix + num;
    *end = j;
    return true;
  }

  // A point letter: "a", "b)" — not the verb "a" ("§ 2 a été").
  bool IsPointLetter(uint32_t j) const {
    const std::string_view raw = T(j);
    if (raw.size() != 1 || raw[0] < 'a' || raw[0] > 'z') return false;
    const std::string_view next = F(j + 1);
    return next == ")" || next.empty() || !SameSentence(j, j + 1) || K(j + 1) == TokenKind::kPunct || next == "du" ||
           next == "de" || next == "des" || next == "d'" || next == "et" || next == "ou";
  }

  // ", paragraphe 2, point a)", "§ 2 a", "(2)(a)", ", alinéa 3" after an
  // article number: paragraphs and points join the key ("9-2-a"); alinéas of
  // French texts do not.
  void SubParts(uint32_t* pos, std::string* out) const {
    for (int guard = 0; guard < 6; ++guard) {
      uint32_t k = *pos;
      if (!SameSentence(k, *pos - 1)) return;
      if (F(k) == ",") ++k;
      const std::string_view f = F(k);
      std::string part;
      uint32_t next = 0;
      if ((f == "paragraphe" || f == "par." || f == "para." || f == "§" || f == "paragraph") &&
          (IsNumber(k + 1) || F(k + 1) == "1er")) {
        part = F(k + 1) == "1er" ? "1" : std::string(T(k + 1));
        next = k + 2;
        if (!IsAsciiAlnum(part)) return;
        if (IsPointLetter(next)) {
          part += "-";
          part += T(next);
          ++next;
          if (F(next) == ")") ++next;
        }
      } else if ((f == "point" || f == "points" || f == "sous") &&
                 (IsPointLetter(k + 1) || (IsNumber(k + 1) && IsAsciiAlnum(T(k + 1))))) {
        part = std::string(T(k + 1));
        next = k + 2;
        if (F(next) == ")") ++next;
      } else if (f == "(" && k == *pos && Glued(k) && IsAsciiAlnum(T(k + 1)) && T(k + 1).size() <= 3 &&
                 F(k + 2) == ")") {
        part = std::string(T(k + 1));
        next = k + 3;
      } else if ((f == "alinea" || f == "al.") && (IsNumber(k + 1) || F(k + 1) == "1er" || F(k + 1) == "premier")) {
        *pos = k + 2;
        continue;
      } else {
        return;
      }
      if (part.empty() || part.size() > 6) return;
      *out += "-";
      *out += part;
      *pos = next;
    }
  }

  // After ", 9" in a list: the item must end like an article number does,
  // not "5, 3 ans plus tard".
  bool ListItemEndsWell(uint32_t e, uint32_t head) const {
    if (e >= n_ || !SameSentence(e, head)) return true;
    const std::string_view f = F(e);
    if (K(e) == TokenKind::kPunct) return true;
    if (K(e) != TokenKind::kWord) return false;
    static constexpr std::string_view kOk[] = {"et", "ou", "a", "au", "du", "de", "des", "d'", "dudit", "desdits"};
    return std::find(std::begin(kOk), std::end(kOk), f) != std::end(kOk) || IsUpperInitial(T(e));
  }

  // A bare kind word ("de la loi", "du code") ends there, not "du code de la
  // route" or "de la loi relative à …", which name an instrument we do not know.
  bool BareKindWordEnds(uint32_t e, uint32_t head) const {
    if (e >= n_ || !SameSentence(e, head)) return true;
    const std::string_view f = F(e);
    if (K(e) == TokenKind::kPunct) return f != "(" && !IsQuote(f);
    static constexpr std::string_view kOk[] = {"et",   "ou", "qui", "que", "dont",  "ne",      "n'",      "est",
                                               "sont", "a",  "ont", "en",  "ainsi", "modifie", "modifiee"};
    return std::find(std::begin(kOk), std::end(kOk), f) != std::end(kOk);
  }

  enum class Attach { kNone, kUnresolved, kFound };

  // The instrument an article list at `pos` belongs to: "du RGPD", "de la
  // loi n° 78-17", "du même règlement", "dudit code", "de la loi précitée",
  // "702 FISA". kUnresolved when a complement names something unknown
  // ("du contrat", "du code de la route"): then no reference is emitted.
  Attach AttachedInstrument(uint32_t pos, uint32_t head, Found* found) const {
    uint32_t k = pos;
    bool connector = false, anaphoric = false;
    // "article 4, point 11), du RGPD"
    if (F(k) == "," && (F(k + 1) == "du" || F(k + 1) == "de" || F(k + 1) == "dudit")) ++k;
    const std::string_view f = F(k);
    if (!SameSentence(k, head)) return Attach::kNone;
    if (f == "du" || f == "d'") {
      connector = true;
      ++k;
    } else if (f == "dudit" || f == "desdits" || f == "desdites") {
      connector = anaphoric = true;
      ++k;
    } else if (f == "de" || f == "des") {
      connector = true;
      ++k;
      if (F(k) == "la" || F(k) == "l'") {
        ++k;
      } else if (F(k) == "ladite" || F(k) == "ce" || F(k) == "cette" || F(k) == "cet") {
        anaphoric = true;
        ++k;
      }
    }
    if (F(k) == "meme") {
      anaphoric = true;
      ++k;
    }
    if (F(k) == "present" || F(k) == "presente") return connector ? Attach::kUnresolved : Attach::kNone;
    if (!anaphoric) {
      if (std::optional<Found> m = ParseInstrument(k, true)) {
        *found = *m;
        found->end = SkipPrecite(found->end);
        return Attach::kFound;
      }
    }
    // "du même texte", "dudit texte", "de celle-ci": whatever was named last.
    const bool pronoun = (F(k) == "celle" || F(k) == "celui") && IsDash(k + 1) && F(k + 2) == "ci";
    if (pronoun && connector) {
      if (!last_) return Attach::kUnresolved;
      found->end = k + 3;
      found->ref = *last_;
      return Attach::kFound;
    }
    if (anaphoric && F(k) == "texte") {
      if (!last_) return Attach::kUnresolved;
      found->end = SkipPrecite(k + 1);
      found->ref = *last_;
      return Attach::kFound;
    }
    const Kind kind = KindOfWord(F(k));
    if (kind != Kind::kOther && (connector || anaphoric)) {
      const uint32_t e = SkipPrecite(k + 1);
      if (anaphoric || e > k + 1 || BareKindWordEnds(k + 1, head)) {
        const std::optional<Ref>& last = last_by_kind_[static_cast<size_t>(kind)];
        if (!last) return Attach::kUnresolved;
        found->end = e;
        found->ref = *last;
        return Attach::kFound;
      }
    }
    return connector ? Attach::kUnresolved : Attach::kNone;
  }

  uint32_t SkipPrecite(uint32_t e) const {
    return F(e).starts_with("precite") || F(e).starts_with("susvise") ? e + 1 : e;
  }

  // "article 48 du RGPD", "articles 6, 9 et 48 du RGPD", "articles L. 1461-1
  // à L. 1461-3 du CSP", "art. 9, paragraphe 2, point a)", "Article 45" (the
  // instrument last named), "section 702 FISA", "FISA section 702".
  uint32_t TryArticle(uint32_t i) {
    const std::string_view head = F(i);
    const bool section = head == "section" || head == "sections";
    uint32_t j = i + 1;
    if (head == "art" && F(j) == "." && Glued(j))
      ++j;
    else if (!IsArticleHead(head) && !section)
      return 0;

    std::vector<Item> items;
    Item first;
    first.first = i;
    if (!ArticleNumber(j, &first.end, &first.article) || !SameSentence(i, j)) return 0;
    SubParts(&first.end, &first.article);
    items.push_back(std::move(first));
    uint32_t pos = items.back().end;
    for (int guard = 0; guard < 30; ++guard) {
      uint32_t k = pos;
      if (!SameSentence(k, i)) break;
      bool comma_only = false;
      if (F(k) == ",") {
        ++k;
        comma_only = true;
        if (F(k) == "et" || F(k) == "ou") {
          ++k;
          comma_only = false;
        }
      } else if (F(k) == "et" || F(k) == "ou" || (F(k) == "a" && T(k) != "a") || F(k) == "au") {
        ++k;
      } else {
        break;
      }
      if (F(k) == "suivants" || F(k) == "suiv." || F(k) == "s.") {
        pos = k + 1;
        break;
      }
      if (F(k) == "s" && F(k + 1) == "." && Glued(k + 1)) {
        pos = k + 2;
        break;
      }
      if (F(k) == "l'" && IsArticleHead(F(k + 1)))
        k += 2;
      else if (IsArticleHead(F(k)))
        ++k;
      Item item;
      item.first = k;
      if (!ArticleNumber(k, &item.end, &item.article) || !SameSentence(k, i)) break;
      SubParts(&item.end, &item.article);
      if (comma_only && !ListItemEndsWell(item.end, i)) break;
      pos = item.end;
      items.push_back(std::move(item));
    }

    Found found;
    uint32_t span_first = i;
    const Attach attach = AttachedInstrument(pos, i, &found);
    if (attach == Attach::kUnresolved) return pos;
    if (attach == Attach::kNone) {
      // "Article 2 : La présente ordonnance sera notifiée": the document's
      // own article, not one of the instrument last named.
      if (F(pos) == ":") return pos;
      // "FISA section 702", "RGPD, article 6": the instrument just before.
      const bool adjacent =
          bare_end_ != 0 && !out_.empty() && (bare_end_ == i || (bare_end_ + 1 == i && F(bare_end_) == ","));
      if (adjacent && SameSentence(bare_first_, i)) {
        found.ref = bare_ref_;
        span_first = bare_first_;
        out_.pop_back();
      } else if (!section && last_) {
        found.ref = *last_;
      } else {
        return pos;
      }
      found.end = pos;
    } else {
      Remember(found.ref);
    }
    for (size_t k = 0; k < items.size(); ++k) {
      const uint32_t first = k == 0 ? span_first : items[k].first;
      const uint32_t end = k + 1 == items.size() ? found.end : items[k].end;
      Emit(first, end, found.ref, items[k].article);
    }
    return attach == Attach::kFound ? ChainedArticles(found.end, i) : found.end;
  }

  // "article L. 121-1 du code de la consommation, L. 420-1 du code de
  // commerce": further articles, each with its own instrument.
  uint32_t ChainedArticles(uint32_t pos, uint32_t head) {
    for (int guard = 0; guard < 20; ++guard) {
      uint32_t k = pos;
      if (F(k) == ",") ++k;
      if (F(k) == "et" || F(k) == "ou") ++k;
      if (k == pos || !SameSentence(k, head)) break;
      if (F(k) == "l'" && IsArticleHead(F(k + 1)))
        k += 2;
      else if (IsArticleHead(F(k)))
        ++k;
      Item item;
      item.first = k;
      if (!ArticleNumber(k, &item.end, &item.article)) break;
      SubParts(&item.end, &item.article);
      Found found;
      if (AttachedInstrument(item.end, head, &found) != Attach::kFound) break;
      Remember(found.ref);
      Emit(item.first, found.end, found.ref, item.article);
      pos = found.end;
    }
    return pos;
  }

  std::string_view text_;
  const Segmentation& seg_;
  const Tables& tables_;
  const Lexicon& lexicon_;
  const uint32_t n_;
  std::vector<int32_t> date_at_;    // first token -> index of a day DATE candidate
  const std::vector<Candidate>* dates_ = nullptr;
  std::vector<AuthorityMention> mentions_;
  std::vector<int32_t> authority_before_;  // per mention: the last non-court mention at or before it, or -1
  std::vector<int32_t> authority_after_;   // per mention and one past: the first at or after it, or the count
  size_t mention_cursor_ = 0;

  std::vector<Candidate> out_;
  std::optional<Ref> last_;  // the legislative instrument last named
  std::array<std::optional<Ref>, static_cast<size_t>(Kind::kCount)> last_by_kind_;
  // The last bare instrument emitted ("FISA" before "section 702").
  uint32_t bare_first_ = 0, bare_end_ = 0;
  Ref bare_ref_;
};

}  // namespace

std::shared_ptr<const LegalTables> CompileLegalTables(std::string_view instruments, std::string_view case_names,
                                                      std::string_view authorities,
                                                      const Abbreviations& abbreviations) {
  auto legal = std::make_shared<LegalTables>();
  LoadInstruments(instruments, case_names, abbreviations, &legal->tables);
  LoadAuthorities(authorities, abbreviations, &legal->tables);
  return legal;
}

std::vector<Candidate> FindLegalRefs(const TokenView& view, const Lexicon& lexicon, const std::vector<Candidate>& names,
                                     const std::vector<Candidate>& dates) {
  if (view.size() == 0) return {};
  return Scanner(view.text(), view.segmentation(), lexicon, names, dates).Run();
}

}  // namespace lexfr
