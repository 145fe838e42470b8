#include "lexicon/gazetteer.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <span>
#include <unordered_map>

#include "extract/decode.h"
#include "lexicon/phrase_matcher.h"
#include "lexicon/snapshot_archive.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

constexpr std::string_view kOrgSubtypes[] = {"court",   "regulator", "government",  "company", "association",
                                             "law_firm", "eu_body",  "public_body", "other"};
constexpr std::string_view kPlaceSubtypes[] = {"country", "region", "city", "continent", "supranational", "territory"};

template <size_t N>
bool OneOf(std::string_view s, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

// How a token of an alias must compare with a token of the text.
enum class CaseRule : uint8_t {
  kFolded,        // case and accents ignored
  kSameInitial,   // folded, but the first letter's case must agree
  kUpperInitial,  // folded, but the text token must start upper-case ("CNIL", "Cnil")
  kExact,         // byte-identical (short acronyms: "AMF", "HAS")
};


}  // namespace

struct Gazetteer::Trie {
  // A token of a name, as bytes of the name's string in entries_.
  struct Word {
    uint32_t begin = 0, size = 0;
    CaseRule rule = CaseRule::kFolded;
  };
  // One name (canonical or alias) of an entry: its words are words[first_word,
  // + word_count), in one vector for all names rather than two vectors and a
  // string per word of each name, which were a tenth of start-up's
  // allocations (issue 21).
  struct Terminal {
    uint32_t entry = 0;
    uint32_t name = 0;  // 0: the canonical name; n: aliases[n - 1]
    uint32_t first_word = 0, word_count = 0;
  };
  PhraseMatcher phrases;
  std::vector<Terminal> terminals;  // by phrase id
  std::vector<Word> words;

  std::span<const Word> WordsOf(const Terminal& t) const { return std::span(words).subspan(t.first_word, t.word_count); }
};

namespace {

const std::string& NameOf(const GazetteerEntry& e, uint32_t name) { return name == 0 ? e.canonical : e.aliases[name - 1]; }

}  // namespace

Gazetteer::Gazetteer() : trie_(std::make_unique<Trie>()) {}
Gazetteer::~Gazetteer() = default;

Status Gazetteer::AddTsv(std::string_view name, std::string_view tsv) {
  std::vector<std::string_view> cols, aliases;  // reused from line to line: no allocation a line
  for (const DataLine& line : DataLines(tsv)) {
    const std::string where = std::string(name) + ":" + std::to_string(line.number);
    if (!IsValidUtf8(line.text)) {
      return Status::Error(ExitCode::kConfig, "bad_gazetteer", where + ": not valid UTF-8");
    }
    cols.clear();
    SplitAppend(line.text, '\t', &cols);
    if (cols.size() < 2 || cols.size() > 4) {
      return Status::Error(ExitCode::kConfig, "bad_gazetteer",
                           where + ": expected 2 to 4 tab-separated columns (canonical, subtype, aliases, notes), found " +
                               std::to_string(cols.size()));
    }
    GazetteerEntry e;
    e.canonical = std::string(Trim(cols[0]));
    e.subtype = std::string(Trim(cols[1]));
    if (e.canonical.empty()) return Status::Error(ExitCode::kConfig, "bad_gazetteer", where + ": empty canonical name");
    if (OneOf(e.subtype, kPlaceSubtypes)) {
      e.type = EntityType::kLoc;
    } else if (!OneOf(e.subtype, kOrgSubtypes)) {
      return Status::Error(ExitCode::kConfig, "bad_gazetteer",
                           where + ": unknown subtype '" + e.subtype +
                               "' (organisations: court, regulator, government, company, association, law_firm, "
                               "eu_body, public_body, other; places: country, region, city, continent, "
                               "supranational, territory)");
    }
    if (cols.size() >= 3) {
      aliases.clear();
      SplitAppend(cols[2], '|', &aliases);
      for (std::string_view a : aliases) {
        a = Trim(a);
        if (!a.empty()) e.aliases.emplace_back(a);
      }
    }
    e.source = std::move(where);  // last: the messages above read it
    entries_.push_back(std::move(e));
  }
  return Status::Ok();
}

void Gazetteer::AddGivenNames(const std::vector<DataRow>& rows) {
  given_names_.reserve(given_names_.size() + rows.size());  // one table, not one per doubling
  for (const DataRow& row : rows) given_names_.insert(Fold(row[0]));
}

bool Gazetteer::IsGivenName(std::string_view word) const { return given_names_.contains(Fold(word)); }

const GazetteerEntry* Gazetteer::Find(std::string_view canonical) const {
  for (const GazetteerEntry& e : entries_) {
    if (e.canonical == canonical) return &e;
  }
  return nullptr;
}

namespace {

// `first_needs_capital`: the name's first word, in a name whose other words
// are all lower-case (« Conseil national du numérique » must start with its
// capital; « cour d'appel de Paris » need not). `titled`: a name that opens
// with an article, whose capitals are all its own (« Le Monde », « La
// Croix »): the text must have them, so that « le monde entier » is no
// newspaper. Other names keep their later capitals optional, as writers vary
// (« Ligue des droits de l'homme »).
CaseRule RuleFor(std::string_view token, bool single_token_alias, bool first_word, bool first_needs_capital,
                 bool titled) {
  const size_t letters = CountCodePoints(token);
  if (IsAllUpper(token) && letters <= 3) return CaseRule::kExact;
  if (!single_token_alias) {
    const bool needs_capital = first_word ? first_needs_capital : titled;
    return needs_capital && IsUpperInitial(token) ? CaseRule::kUpperInitial : CaseRule::kFolded;
  }
  if (IsAllUpper(token)) return CaseRule::kUpperInitial;
  return CaseRule::kSameInitial;
}

bool TokenAgrees(std::string_view alias_token, std::string_view text_token, CaseRule rule) {
  switch (rule) {
    case CaseRule::kFolded: return true;
    case CaseRule::kExact: return alias_token == text_token;
    case CaseRule::kUpperInitial: return IsUpperInitial(text_token);
    case CaseRule::kSameInitial: return IsUpperInitial(alias_token) == IsUpperInitial(text_token);
  }
  return true;
}

// The tokens of a listed name, as the segmenter makes them. Most names are
// letters and single spaces, which ICU's word rules split at the spaces and
// nowhere else: those are split here without ICU, which keeps start-up
// cheap; anything else (apostrophes, hyphens, dots, digits) is cut as the
// segmenter cuts it (lexicon/phrase_cut.h).
std::vector<std::string_view> NameTokens(std::string_view name, const PhraseCutter& cutter) {
  std::vector<std::string_view> words;
  bool simple = !name.empty() && name.front() != ' ' && name.back() != ' ';
  for (size_t i = 0; i < name.size() && simple;) {
    const auto b = static_cast<uint8_t>(name[i]);
    if (b == ' ') {
      simple = i + 1 < name.size() && name[i + 1] != ' ';
      ++i;
    } else if (b < 0x80) {
      simple = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
      ++i;
    } else {
      // Latin letters only: ICU splits other scripts (Han, Thai) by dictionary.
      const auto c = static_cast<UChar32>(NextCodePoint(name, &i));
      UErrorCode err = U_ZERO_ERROR;
      simple = u_isalpha(c) && uscript_getScript(c, &err) == USCRIPT_LATIN;
    }
  }
  if (simple) return Split(name, ' ');
  for (const PhraseToken& t : cutter.Cut(name)) words.push_back(t.text);
  return words;
}

}  // namespace

void Gazetteer::Compile(const PhraseCutter& cutter, const StringSet& articles) {
  trie_ = std::make_unique<Trie>();
  size_t names = 0, words = 0;
  for (const GazetteerEntry& e : entries_) {
    names += 1 + e.aliases.size();
    // About a word a space: most names have no apostrophe or hyphen.
    words += 1 + std::count(e.canonical.begin(), e.canonical.end(), ' ');
    for (const std::string& a : e.aliases) words += 1 + std::count(a.begin(), a.end(), ' ');
  }
  trie_->terminals.reserve(names);
  trie_->words.reserve(words);
  trie_->phrases.Reserve(words);
  // Reused from name to name: their strings keep their room, where a new
  // vector of new strings per name was most of the allocations of a load.
  std::vector<std::string> keys;
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    // the canonical name, then the aliases
    for (size_t n = 0; n <= entries_[i].aliases.size(); ++n) {
      const std::string& name = NameOf(entries_[i], static_cast<uint32_t>(n));
      const std::vector<std::string_view> words = NameTokens(name, cutter);
      if (words.empty()) continue;
      keys.resize(words.size());
      for (size_t k = 0; k < words.size(); ++k) {
        keys[k].clear();
        FoldAppend(words[k], &keys[k]);
      }
      const Trie::Terminal term{i, static_cast<uint32_t>(n), static_cast<uint32_t>(trie_->words.size()),
                                static_cast<uint32_t>(words.size())};
      // A name whose words after the first are all lower-case reads like a
      // common phrase (« autorité de protection des données »): it must then
      // start with a capital. « cour d'appel de Paris » need not.
      bool distinctive = false;
      for (size_t k = 1; k < words.size(); ++k) distinctive |= IsUpperInitial(words[k]);
      const bool titled = words.size() > 1 && articles.contains(keys[0]);
      for (size_t k = 0; k < words.size(); ++k) {
        // The words are views of `name` (NameTokens).
        trie_->words.push_back({static_cast<uint32_t>(words[k].data() - name.data()), static_cast<uint32_t>(words[k].size()),
                                RuleFor(words[k], words.size() == 1, k == 0, !distinctive, titled)});
      }
      trie_->phrases.Add(keys);  // its id is the terminal's index
      trie_->terminals.push_back(term);
    }
  }
}

void Gazetteer::Dump(std::string* out) const {
  for (const GazetteerEntry& e : entries_) {
    out->append("entry ").append(e.canonical).append(" ").append(e.subtype).append(" ");
    out->append(std::to_string(static_cast<int>(e.type))).append(" ").append(e.source).append(":");
    for (const std::string& a : e.aliases) out->append(" ").append(a).append(" |");
    *out += "\n";
  }
  for (const Trie::Terminal& term : trie_->terminals) {
    const GazetteerEntry& e = entries_[term.entry];
    *out += "name " + e.canonical + ":";
    for (const Trie::Word& w : trie_->WordsOf(term)) {
      // appended piece by piece: GCC 12 warns (-Wrestrict) of a false overlap in " " + std::string
      out->append(" ").append(NameOf(e, term.name), w.begin, w.size).append("/").append(std::to_string(static_cast<int>(w.rule)));
    }
    *out += "\n";
  }
  trie_->phrases.Dump(out);
  std::vector<std::string_view> given(given_names_.begin(), given_names_.end());
  std::sort(given.begin(), given.end());
  for (const std::string_view g : given) *out += "given " + std::string(g) + "\n";
}

namespace {

bool NoneAside(uint32_t, uint32_t) { return false; }

}  // namespace

std::vector<Candidate> Gazetteer::Match(std::string_view text, const Segmentation& seg) const {
  return MatchBy(
      text, seg, [](uint32_t start) { return start; },
      [&](uint32_t node, uint32_t k) { return trie_->phrases.Next(node, FoldedText(seg, k)); }, NoneAside, nullptr);
}

std::vector<Candidate> Gazetteer::Match(const TokenView& view) const { return Match(view, NoneAside, nullptr); }

std::vector<Candidate> Gazetteer::Match(const TokenView& view, const std::function<bool(uint32_t, uint32_t)>& aside_if,
                                        std::vector<Candidate>* aside) const {
  const Segmentation& seg = view.segmentation();
  if (!trie_->phrases.IndexedByIds()) {
    return MatchBy(
        view.text(), seg, [](uint32_t start) { return start; },
        [&](uint32_t node, uint32_t k) { return trie_->phrases.Next(node, FoldedText(seg, k)); }, aside_if, aside);
  }
  // One walker for the text, its tables read once. A walk starts only where
  // it can find a name: « de », « la », « le » open longer names alone
  // (« La Poste »), and most of them are followed by no name's second word.
  const PhraseMatcher::Walker walk(trie_->phrases);
  const std::span<const uint32_t> ids = view.ids();
  return MatchBy(
      view.text(), seg, [&](uint32_t start) { return static_cast<uint32_t>(walk.NextWalk(ids, start)); },
      [&](uint32_t node, uint32_t k) { return walk.Next(node, ids[k]); }, aside_if, aside);
}

// The trie's words and terminals are plain values, copied whole.
template <class A>
void Gazetteer::ArchiveTrieWith(A& a, Trie& trie) {
  SnapshotAccess::Field(a, "phrases", trie.phrases);
  a.Enter("terminals");
  SnapshotAccess::PlainVector(a, trie.terminals);
  a.Leave();
  a.Enter("words");
  SnapshotAccess::PlainVector(a, trie.words);
  a.Leave();
}
void Gazetteer::ArchiveTrie(SnapshotWriter& writer) { ArchiveTrieWith(writer, *trie_); }
void Gazetteer::ArchiveTrie(SnapshotReader& reader) {
  trie_ = std::make_unique<Trie>();
  ArchiveTrieWith(reader, *trie_);
}

void Gazetteer::IndexByIds(const std::function<uint32_t(const std::string&)>& id_of) { trie_->phrases.IndexByIds(id_of); }

template <class FirstFrom, class Step, class AsideIf>
std::vector<Candidate> Gazetteer::MatchBy(std::string_view text, const Segmentation& seg, FirstFrom first_from,
                                          Step step, AsideIf aside_if, std::vector<Candidate>* aside) const {
  std::vector<Candidate> out;
  const std::vector<Token>& tokens = seg.tokens;
  // Room for the names and for what FindNames and Analyze add after them
  // (about one candidate in 25 tokens of French): address space until
  // written, where a vector of 232-byte candidates regrown by doubling would
  // copy them and touch fresh pages for twice their size (issue 21).
  out.reserve(tokens.size() / 8 + 16);
  for (uint32_t start = first_from(0); start < tokens.size(); start = first_from(start + 1)) {
    uint32_t node = step(PhraseMatcher::kRoot, start);
    if (node == PhraseMatcher::kNoNode) continue;  // no name starts with it: most tokens
    const Trie::Terminal* best = nullptr;
    uint32_t best_end = 0;
    for (uint32_t k = start;;) {
      for (const uint32_t phrase : trie_->phrases.PhrasesAt(node)) {
        const Trie::Terminal& term = trie_->terminals[phrase];
        const std::string_view name = NameOf(entries_[term.entry], term.name);
        const std::span<const Trie::Word> words = trie_->WordsOf(term);
        bool agrees = true;
        for (size_t j = 0; j < words.size() && agrees; ++j) {
          agrees = TokenAgrees(name.substr(words[j].begin, words[j].size), TokenText(text, tokens[start + j]), words[j].rule);
        }
        if (agrees) {
          best = &term;
          best_end = k + 1;
          break;
        }
      }
      if (++k >= tokens.size() || tokens[k].sentence != tokens[start].sentence) break;
      node = step(node, k);
      if (node == PhraseMatcher::kNoNode) break;
    }
    if (best == nullptr) continue;
    const GazetteerEntry& e = entries_[best->entry];
    // made in place: a Candidate is six strings
    Candidate& c = (aside != nullptr && aside_if(start, best_end) ? *aside : out).emplace_back();
    c.type = e.type;
    c.first_token = start;
    c.end_token = best_end;
    c.canonical = e.canonical;
    if (e.type != EntityType::kPerson) c.fields.subtype() = e.subtype;  // a person's slot 0 is its title
    c.priority = priority::kListed;
  }
  return out;
}

}  // namespace lexfr
