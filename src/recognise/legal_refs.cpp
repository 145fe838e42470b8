// LEGAL_REF recogniser: the entry point and the tables it reads.
//
// The instruments, authorities and case names come from data/cues/*.tsv,
// compiled once into token tries when the Lexicon loads (CompileLegalTables()). The grammar that reads
// the text with them lives in legal_refs/, one file per thing it reads:
//   scanner      the rules tried at each token, in order, and what they share
//   articles     "articles 6, 9 et 48 du RGPD", parts, ranges, « même code »
//   acts         "loi n° 78-17", "règlement (UE) 2016/679", named instruments
//   cases        ECLI, CJEU cases, court numbers, Conseil constitutionnel
//   identifiers  identifiers as written and the shapes of court numbers
//   authorities  who is named where, the author of a deliberation
//   act_dates, phrases, tokens, tables, phrase_trie: what those read
#include "recognise/legal_refs.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "recognise/legal_refs/scanner.h"
#include "recognise/legal_refs/tables.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

using legal_refs::Authority;
using legal_refs::Caps;
using legal_refs::Kind;
using legal_refs::KindOfWord;
using legal_refs::Name;
using legal_refs::PhraseTrie;
using legal_refs::Ref;
using legal_refs::Tables;
using legal_refs::kAllUpper;
using legal_refs::kAnyCase;
using legal_refs::kUpperInitial;

// ---------------------------------------------------------------------------
// The tables, read once from the embedded data files.

// Tokenises a name the way texts are tokenised, and records the capitals it
// requires: ALL-CAPS abbreviations of 2-3 letters exactly ("TUE" is not
// "tue"), longer ones in capitals or title case ("Cnil"), and with `exact`
// every capitalised word.
std::vector<std::string> NameTokens(std::string_view name, bool exact, const PhraseCutter& cutter,
                                    std::vector<Caps>* caps) {
  std::vector<std::string> out;
  for (const PhraseToken& t : cutter.Cut(name)) {
    const std::string_view raw = t.text;
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

void AddNames(std::string_view names, uint32_t target, const PhraseCutter& cutter, PhraseTrie* trie,
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
    const std::vector<std::string> tokens = NameTokens(n, name.bare_guard, cutter, &name.caps);
    if (tokens.empty()) continue;
    trie->Add(tokens, static_cast<uint32_t>(out->size()));
    out->push_back(std::move(name));
  }
}

std::string_view Column(const std::vector<std::string_view>& cols, size_t i) {
  return i < cols.size() ? Trim(cols[i]) : std::string_view();
}

// The items of a list column ("a | b | c"), trimmed, empty ones dropped.
std::vector<std::string_view> ListColumn(const std::vector<std::string_view>& cols, size_t i) {
  std::vector<std::string_view> items;
  for (std::string_view item : Split(Column(cols, i), '|')) {
    if (!Trim(item).empty()) items.push_back(Trim(item));
  }
  return items;
}

// Calls on_row(cols, key) for each row of a data file (its bytes, rows
// checked by the Lexicon) whose key (first column) is not empty.
template <class OnRow>
void ForEachKeyedRow(std::string_view file, OnRow&& on_row) {
  for (const DataLine& line : DataLines(file)) {
    const std::vector<std::string_view> cols = Split(line.text, '\t');
    if (const std::string_view key = Column(cols, 0); !key.empty()) on_row(cols, key);
  }
}

void LoadInstruments(std::string_view instruments, std::string_view case_names, const PhraseCutter& cutter,
                     Tables* t) {
  // key  kind  names  ids  url  notes
  ForEachKeyedRow(instruments, [t, &cutter](const std::vector<std::string_view>& cols, std::string_view key) {
    Ref ref;
    ref.key = std::string(key);
    ref.kind = KindOfWord(Fold(Column(cols, 1)));
    ref.url = std::string(Column(cols, 4));
    ref.legislative = true;
    if (ref.kind == Kind::kCode && !ListColumn(cols, 2).empty()) {
      std::string_view name = ListColumn(cols, 2).front();
      while (name.starts_with("=") || name.starts_with("+")) name.remove_prefix(1);
      ref.name = std::string(name);
    }
    const auto index = static_cast<uint32_t>(t->refs.size());
    t->by_id.emplace(ref.key, index);
    for (std::string_view id : ListColumn(cols, 3)) t->by_id.emplace(std::string(id), index);
    AddNames(Column(cols, 2), index, cutter, &t->ref_trie, &t->ref_names);
    t->refs.push_back(std::move(ref));
  });
  // key  names  url  notes
  ForEachKeyedRow(case_names, [t, &cutter](const std::vector<std::string_view>& cols, std::string_view key) {
    Ref ref;
    ref.key = std::string(key);
    ref.kind = Kind::kArret;
    ref.url = std::string(Column(cols, 2));
    const auto index = static_cast<uint32_t>(t->refs.size());
    t->by_id.emplace(ref.key, index);
    AddNames(Column(cols, 1), index, cutter, &t->ref_trie, &t->ref_names);
    t->refs.push_back(std::move(ref));
  });
}

void LoadAuthorities(const Institutions& institutions, const PhraseCutter& cutter, Tables* t) {
  for (const Institution& in : institutions.all()) {
    Authority a;
    a.key = in.key;
    a.court = in.court;
    a.numbers = in.numbers;
    a.ecli = in.ecli;
    const auto index = static_cast<uint32_t>(t->authorities.size());
    for (const std::string& name : in.names) {
      t->authority_by_name.emplace(Fold(name), index);
      t->authority_names_in_order.emplace_back(Fold(name), index);
      AddNames(name, index, cutter, &t->authority_trie, &t->authority_names);
    }
    t->authorities.push_back(std::move(a));
  }
  std::map<std::string, std::set<uint32_t>> courts_of_shape;
  for (uint32_t a = 0; a < t->authorities.size(); ++a) {
    if (!t->authorities[a].court) continue;
    for (const std::string& shape : t->authorities[a].numbers) courts_of_shape[shape].insert(a);
  }
  for (const auto& [shape, courts] : courts_of_shape) {
    if (courts.size() == 1 && shape.find('@') != std::string::npos) t->court_only_shapes.emplace_back(shape, *courts.begin());
  }
}

}  // namespace

// The tables, as the Lexicon holds them (recognise/legal_refs.h).
struct LegalTables {
  Tables tables;
};

std::shared_ptr<const LegalTables> CompileLegalTables(std::string_view instruments, std::string_view case_names,
                                                      const Institutions& institutions, const PhraseCutter& cutter,
                                                      const std::function<uint32_t(const std::string&)>& id_of) {
  auto legal = std::make_shared<LegalTables>();
  LoadInstruments(instruments, case_names, cutter, &legal->tables);
  LoadAuthorities(institutions, cutter, &legal->tables);
  if (id_of) {
    legal->tables.ref_trie.IndexByIds(id_of);
    legal->tables.authority_trie.IndexByIds(id_of);
  }
  return legal;
}

const legal_refs::Tables& legal_refs::TablesOf(const LegalTables& legal) { return legal.tables; }

std::shared_ptr<const LegalTables> legal_refs::LegalTablesOf(Tables&& tables) {
  auto legal = std::make_shared<LegalTables>();
  legal->tables = std::move(tables);
  return legal;
}

std::vector<std::string> ReferenceStartWords(const LegalTables& legal) {
  std::vector<std::string> words = legal_refs::GrammarStartWords();
  for (std::string& word : legal.tables.ref_trie.FirstWords()) words.push_back(std::move(word));
  return words;
}

std::vector<std::string> AuthorityStartWords(const LegalTables& legal) {
  std::vector<std::string> words = legal.tables.authority_trie.FirstWords();
  words.emplace_back("ecli");  // « ECLI:FR:CECHR:… » names its court
  return words;
}

void DumpLegalTables(const LegalTables& legal, std::string* out) {
  const Tables& t = legal.tables;
  for (const Ref& ref : t.refs) {
    *out += "ref " + ref.key + " " + std::to_string(static_cast<int>(ref.kind)) + " " + ref.url + " " + ref.name +
            (ref.legislative ? " legislative\n" : "\n");
  }
  const auto names = [out](const char* what, const std::vector<Name>& list) {
    for (const Name& n : list) {
      out->append(what).append(" ").append(std::to_string(n.target));
      out->append(n.article_only ? " +" : "").append(n.bare_guard ? " =" : "").append(":");
      for (const Caps c : n.caps) out->append(" ").append(std::to_string(static_cast<int>(c)));
      *out += "\n";
    }
  };
  names("ref_name", t.ref_names);
  t.ref_trie.Dump(out);
  const std::map<std::string, uint32_t> by_id(t.by_id.begin(), t.by_id.end());
  for (const auto& [id, ref] : by_id) *out += "id " + id + " " + std::to_string(ref) + "\n";
  for (const Authority& a : t.authorities) {
    *out += "authority " + a.key + (a.court ? " court:" : ":");
    for (const std::string& n : a.numbers) *out += " #" + n;
    for (const std::string& e : a.ecli) *out += " ecli:" + e;
    *out += "\n";
  }
  const std::map<std::string, uint32_t> by_name(t.authority_by_name.begin(), t.authority_by_name.end());
  for (const auto& [name, a] : by_name) *out += "authority_by_name " + name + " " + std::to_string(a) + "\n";
  names("authority_name", t.authority_names);
  t.authority_trie.Dump(out);
  for (const auto& [name, a] : t.authority_names_in_order) *out += "authority_name " + name + " " + std::to_string(a) + "\n";
  for (const auto& [shape, a] : t.court_only_shapes) *out += "shape " + shape + " " + std::to_string(a) + "\n";
}

std::vector<Candidate> FindLegalRefs(const TokenView& view, const Lexicon& lexicon, const std::vector<Candidate>& names,
                                     const std::vector<Candidate>& dates) {
  if (view.size() == 0) return {};
  return legal_refs::Scan(view, lexicon.legal().tables, lexicon, names, dates);
}

}  // namespace lexfr
