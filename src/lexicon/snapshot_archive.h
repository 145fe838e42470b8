// The archive the Lexicon's snapshot is written and read with
// (lexicon/snapshot.h): one function per struct names its fields, and the
// same function writes them (SnapshotWriter) and reads them back
// (SnapshotReader), so that the two cannot disagree on the order.
//
// In: the Lexicon's tables (writing) or the snapshot's bytes (reading).
// Out: the bytes, little-endian as the machine's, sizes as 32 bits; or the
// tables. Structs of plain values (CopiedWhole) and vectors of them are
// copied whole, with one memcpy; strings, vectors, hash sets and maps go
// element by element; pointers are never written, but what they point at
// (a key, an index), and set again on reading.
//
// A reader never reads past its bytes nor allocates more than they can
// hold: a short or damaged payload sets failed() and zero-fills, it never
// crashes. The snapshot's header and checksum (lexicon/snapshot.cpp) refuse
// a damaged one before any of this runs.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "lexicon/cues.h"
#include "lexicon/gazetteer.h"
#include "lexicon/institutions.h"
#include "lexicon/phrase_matcher.h"
#include "lexicon/words.h"
#include "recognise/legal_refs/tables.h"

namespace lexfr {

class Lexicon;

class SnapshotWriter {
 public:
  static constexpr bool kReading = false;
  // `record_fields`: note where each field's first bytes go (FieldOffsets).
  explicit SnapshotWriter(bool record_fields = false) : record_(record_fields) {}

  void Bytes(const void* from, size_t n) {
    if (record_ && n > 0) Mark(n);
    bytes_.append(static_cast<const char*>(from), n);
  }
  // A count of elements (any size below 2^32; the Lexicon's largest is tens of thousands).
  void Count(size_t* n, size_t /*least_bytes_each*/) {
    const auto v = static_cast<uint32_t>(*n);
    bytes_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void String(std::string* s) {
    size_t n = s->size();
    Count(&n, 1);
    Bytes(s->data(), n);
  }
  void Enter(const char* field) {
    if (record_) path_.emplace_back(field);
  }
  void Leave() {
    if (record_) path_.pop_back();
  }
  // A writer only writes what a load made: a table it cannot write is a bug.
  [[noreturn]] void Fail() { throw std::logic_error("the Lexicon's tables cannot be written as they are"); }
  bool failed() const { return false; }

  std::string& bytes() { return bytes_; }
  // Each field's path ("lexicon/dates/phrases/edges") -> the offset and size
  // of the first bytes written for it that are a value (not a count).
  const std::map<std::string, std::pair<size_t, size_t>>& FieldOffsets() const { return firsts_; }

 private:
  void Mark(size_t n) {
    std::string path;
    for (const std::string& p : path_) path += (path.empty() ? "" : "/") + p;
    firsts_.try_emplace(path, bytes_.size(), n);
  }
  bool record_ = false;
  std::string bytes_;
  std::vector<std::string> path_;
  std::map<std::string, std::pair<size_t, size_t>> firsts_;
};

class SnapshotReader {
 public:
  static constexpr bool kReading = true;
  explicit SnapshotReader(std::string_view bytes) : bytes_(bytes) {}

  // Inline: most calls copy a few bytes of a table's field.
  [[gnu::always_inline]] void Bytes(void* to, size_t n) {
    if (n <= bytes_.size() - at_) [[likely]] {
      if (n > 0) std::memcpy(to, bytes_.data() + at_, n);
      at_ += n;
      return;
    }
    FailZeroing(to, n);
  }
  // A count of elements of at least `least_bytes_each` bytes each: one the
  // bytes left cannot hold fails here, before anything is allocated for it.
  [[gnu::always_inline]] void Count(size_t* n, size_t least_bytes_each) {
    uint32_t v = 0;
    Bytes(&v, sizeof v);
    if (least_bytes_each > 0 && v > (bytes_.size() - at_) / least_bytes_each) [[unlikely]] {
      Fail();
      v = 0;
    }
    *n = v;
  }
  // A string's bytes, viewed in the snapshot.
  [[gnu::always_inline]] std::string_view View() {
    size_t n = 0;
    Count(&n, 1);
    const std::string_view view = bytes_.substr(at_, n);
    at_ += n;
    return view;
  }
  // Made in place from the bytes: cheaper than assigning, which allows for
  // overlap and for the room already there.
  void String(std::string* s) {
    const std::string_view view = View();
    std::destroy_at(s);
    std::construct_at(s, view);
  }
  void Enter(const char*) {}
  void Leave() {}
  // What was read does not make tables: a pointer's target is missing.
  [[gnu::noinline, gnu::cold]] void Fail() {
    failed_ = true;
    at_ = bytes_.size();
  }
  bool failed() const { return failed_; }
  bool AtEnd() const { return at_ == bytes_.size(); }

 private:
  [[gnu::noinline, gnu::cold]] void FailZeroing(void* to, size_t n) {
    Fail();
    if (n > 0) std::memset(to, 0, n);
  }
  std::string_view bytes_;
  size_t at_ = 0;
  bool failed_ = false;
};

// Every struct's fields, for both directions. A friend of the classes whose
// tables are private.
struct SnapshotAccess {
  // Plain values copied as their bytes: no pointer, no owned memory.
  template <class T>
  static constexpr bool CopiedWhole() {
    return std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_same_v<T, FirstBytes> ||
           std::is_same_v<T, PhraseMatcher::Edge> || std::is_same_v<T, PhraseMatcher::IdEdge> ||
           std::is_same_v<T, PhraseMatcher::WordFilter> || std::is_same_v<T, DatePhrase> ||
           std::is_same_v<T, Multiplier>;
  }

  // The sizes of what is copied whole: a snapshot written by a build whose
  // structs differ is refused (lexicon/snapshot.cpp), even when the format
  // version was not raised.
  static uint32_t Layout() {
    uint32_t h = 17;
    for (const size_t size : {sizeof(FirstBytes), sizeof(PhraseMatcher::Edge), sizeof(PhraseMatcher::IdEdge),
                              sizeof(PhraseMatcher::WordFilter), sizeof(DatePhrase), sizeof(Multiplier), sizeof(WordInfo),
                              sizeof(WordIds::Entry), sizeof(size_t), sizeof(EntityType), sizeof(legal_refs::Caps), sizeof(legal_refs::Kind)}) {
      h = h * 31 + static_cast<uint32_t>(size);
    }
    return h;
  }

  template <class A, class T>
  static void Field(A& a, const char* name, T& value) {
    a.Enter(name);
    Io(a, value);
    a.Leave();
  }

  template <class A, class T>
    requires(CopiedWhole<T>())
  static void Io(A& a, T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    a.Bytes(&value, sizeof value);
  }
  template <class A>
  static void Io(A& a, std::string& s) {
    a.String(&s);
  }
  template <class A, class T>
  static void Io(A& a, std::vector<T>& v) {
    if constexpr (A::kReading && std::is_same_v<T, std::string>) {  // made from the bytes, not assigned
      size_t n = 0;
      a.Count(&n, sizeof(uint32_t));
      v.clear();
      v.reserve(n);
      for (size_t i = 0; i < n; ++i) v.emplace_back(a.View());
      return;
    }
    size_t n = v.size();
    a.Count(&n, CopiedWhole<T>() ? sizeof(T) : 1);
    if constexpr (A::kReading) v.resize(n);
    if constexpr (CopiedWhole<T>()) {
      a.Bytes(v.data(), n * sizeof(T));
    } else {
      for (T& x : v) {
        Io(a, x);
        if (a.failed()) return;
      }
    }
  }
  // A vector of plain values that this header cannot name (a .cpp's own
  // structs): copied whole, as CopiedWhole's.
  template <class A, class T>
  static void PlainVector(A& a, std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    size_t n = v.size();
    a.Count(&n, sizeof(T));
    if constexpr (A::kReading) v.resize(n);
    a.Bytes(v.data(), n * sizeof(T));
  }
  template <class A, class First, class Second>
  static void Io(A& a, std::pair<First, Second>& p) {
    Io(a, p.first);
    Io(a, p.second);
  }
  template <class A, class Key, class Hash, class Equal>
  static void Io(A& a, std::unordered_set<Key, Hash, Equal>& set) {
    size_t n = set.size();
    a.Count(&n, 1);
    if constexpr (A::kReading) {
      static_assert(std::is_same_v<Key, std::string>);
      set.clear();
      set.reserve(n);
      for (size_t i = 0; i < n && !a.failed(); ++i) set.emplace(a.View());
    } else {
      for (const Key& key : set) Io(a, const_cast<Key&>(key));  // the writer only reads it
    }
  }
  template <class A, class Key, class Value, class Hash, class Equal>
  static void Io(A& a, std::unordered_map<Key, Value, Hash, Equal>& map) {
    size_t n = map.size();
    a.Count(&n, 1);
    if constexpr (A::kReading) {
      static_assert(std::is_same_v<Key, std::string>);
      map.clear();
      map.reserve(n);
      for (size_t i = 0; i < n && !a.failed(); ++i) {
        const auto [at, added] = map.emplace(std::piecewise_construct, std::forward_as_tuple(a.View()), std::tuple<>());
        Io(a, at->second);
      }
    } else {
      for (auto& [key, value] : map) {
        Io(a, const_cast<Key&>(key));  // the writer only reads it
        Io(a, value);
      }
    }
  }

  // The structs. A PhraseMatcher's nodes are written as their plain part
  // and, for the few that end several phrases, the list.
  template <class A>
  static void Io(A& a, PhraseMatcher& m) {
    size_t nodes = m.nodes_.size();
    a.Enter("nodes");
    a.Count(&nodes, sizeof(FirstBytes) + 8);
    if constexpr (A::kReading) m.nodes_.resize(nodes);
    for (PhraseMatcher::Node& node : m.nodes_) {
      Io(a, node.child_first_bytes);
      Io(a, node.phrase_count);
      Io(a, node.only_phrase);
      if (node.phrase_count > 1) Io(a, node.phrases);
      if (a.failed()) return;
    }
    a.Leave();
    Field(a, "edges", m.edges_);
    Field(a, "slot_bits", m.slot_bits_);
    Field(a, "edge_count", m.edge_count_);
    Field(a, "token_bytes", m.token_bytes_);
    Field(a, "first_words", m.first_words_);
    Field(a, "phrases", m.phrases_);
    Field(a, "id_edges", m.id_edges_);
    Field(a, "id_slot_bits", m.id_slot_bits_);
    Field(a, "first_ids", m.first_ids_);
  }
  template <class A>
  static void Io(A& a, DateWords& d) {
    Field(a, "months", d.months);
    Field(a, "bare_abbreviations", d.bare_abbreviations);
    Field(a, "phrases", d.phrases);
    Field(a, "phrase_first_words", d.phrase_first_words);
    Field(a, "phrase_cues", d.phrase_cues);
    Field(a, "weekdays", d.weekdays);
    Field(a, "number_words", d.number_words);
    Field(a, "year_cues", d.year_cues);
    Field(a, "quantities", d.quantities);
    Field(a, "numberings", d.numberings);
    Field(a, "relative_past", d.relative_past);
    Field(a, "relative_next", d.relative_next);
    Field(a, "month_first", d.month_first);
    Field(a, "weekday_first", d.weekday_first);
    Field(a, "year_cue_first", d.year_cue_first);
  }
  template <class A>
  static void Io(A& a, CurrencyName& c) {
    Field(a, "iso", c.iso);
    Field(a, "prefix", c.prefix);
    Field(a, "after_multiplier", c.after_multiplier);
  }
  // A word's roles point into the maps of the same MoneyWords, at the entry
  // of the same word (lexicon/words.cpp BuildMoneyWords): written as
  // whether each is set.
  template <class A>
  static void Io(A& a, MoneyWords& m) {
    Field(a, "currencies", m.currencies);
    Field(a, "two_word_heads", m.two_word_heads);
    Field(a, "multipliers", m.multipliers);
    Field(a, "number_words", m.number_words);
    Field(a, "sanction_words", m.sanction_words);
    Field(a, "role_first_bytes", m.role_first_bytes);
    a.Enter("roles");
    size_t n = m.roles.size();
    a.Count(&n, 1);
    const auto point = [&a](const std::string& word, auto& map, auto* pointer, auto** out) {
      uint8_t set = pointer != nullptr;
      Io(a, set);
      if constexpr (A::kReading) {
        const auto it = map.find(word);
        if (set != 0 && it == map.end()) a.Fail();
        *out = set != 0 && it != map.end() ? &it->second : nullptr;
      } else if (pointer != nullptr && &map.at(word) != pointer) {
        a.Fail();  // not the same word's entry
      }
    };
    if constexpr (A::kReading) {
      m.roles.clear();
      m.roles.reserve(n);
      for (size_t i = 0; i < n && !a.failed(); ++i) {
        std::string word;
        Io(a, word);
        WordRoles& r = m.roles[word];
        point(word, m.currencies, r.currency, &r.currency);
        point(word, m.multipliers, r.multiplier, &r.multiplier);
        point(word, m.number_words, r.number, &r.number);
        Io(a, r.two_word_head);
        Io(a, r.sanction);
      }
    } else {
      for (auto& [key, r] : m.roles) {
        std::string word = key;
        Io(a, word);
        const CurrencyName* currency = r.currency;
        const Multiplier* multiplier = r.multiplier;
        const int* number = r.number;
        point(word, m.currencies, r.currency, &currency);
        point(word, m.multipliers, r.multiplier, &multiplier);
        point(word, m.number_words, r.number, &number);
        Io(a, r.two_word_head);
        Io(a, r.sanction);
      }
    }
    a.Leave();
  }
  template <class A>
  static void Io(A& a, NameWords::CompanyForm& f) {
    Field(a, "tokens", f.tokens);
    Field(a, "before", f.before);
  }
  template <class A>
  static void Io(A& a, NameWords& n) {
    Field(a, "org_cues", n.org_cues);
    Field(a, "org_heads", n.org_heads);
    Field(a, "titles", n.titles);
    Field(a, "roles", n.roles);
    Field(a, "connectors", n.connectors);
    Field(a, "particles", n.particles);
    Field(a, "adjectives", n.adjectives);
    Field(a, "determiners", n.determiners);
    Field(a, "act_words", n.act_words);
    Field(a, "place_prepositions", n.place_prepositions);
    Field(a, "head_connectors", n.head_connectors);
    Field(a, "not_in_name", n.not_in_name);
    Field(a, "stops", n.stops);
    Field(a, "adjective_endings", n.adjective_endings);
    Field(a, "place_bodies", n.place_bodies);
    Field(a, "place_body_subtypes", n.place_body_subtypes);
    Field(a, "place_body_first_words", n.place_body_first_words);
    Field(a, "company_forms", n.company_forms);
  }
  template <class A>
  static void Io(A& a, ReferenceWords& r) {
    Field(a, "list_links", r.list_links);
    Field(a, "kind_followers", r.kind_followers);
    Field(a, "latin_ordinals", r.latin_ordinals);
    Field(a, "act_modifiers", r.act_modifiers);
    Field(a, "adjective_endings", r.adjective_endings);
    Field(a, "decision_suffixes", r.decision_suffixes);
    Field(a, "eu_act_suffixes", r.eu_act_suffixes);
  }
  template <class A>
  static void Io(A& a, GazetteerEntry& e) {
    Field(a, "canonical", e.canonical);
    Field(a, "subtype", e.subtype);
    Field(a, "type", e.type);
    Field(a, "aliases", e.aliases);
    Field(a, "source", e.source);
  }
  // Its trie is defined in lexicon/gazetteer.cpp, which archives it.
  template <class A>
  static void Io(A& a, Gazetteer& g) {
    Field(a, "entries", g.entries_);
    Field(a, "given_names", g.given_names_);
    a.Enter("trie");
    g.ArchiveTrie(a);
    a.Leave();
  }
  template <class A>
  static void Io(A& a, Institution& in) {
    Field(a, "key", in.key);
    Field(a, "court", in.court);
    Field(a, "organisation", in.organisation);
    Field(a, "names", in.names);
    Field(a, "numbers", in.numbers);
    Field(a, "ecli", in.ecli);
  }
  template <class A>
  static void Io(A& a, Institutions::CourtName& c) {
    Field(a, "folded", c.folded);
    Field(a, "key", c.key);
  }
  template <class A>
  static void Io(A& a, Institutions& in) {
    Field(a, "all", in.all_);
    Field(a, "court_names", in.court_names_);
  }
  template <class A>
  static void Io(A& a, Cue& c) {
    Field(a, "field", c.field);
    Field(a, "value", c.value);
    Field(a, "weight", c.weight);
    Field(a, "tokens", c.tokens);
    Field(a, "field_index", c.field_index);
  }
  template <class A>
  static void Io(A& a, CueSet& set) {
    Field(a, "cues", set.cues_);
    Field(a, "phrases", set.phrases_);
  }
  // An entry's cue is one of `sets`'s: written as its file and its index there.
  template <class A>
  static void Io(A& a, CueIndex& index, const std::array<const CueSet*, kCueFileCount>& sets) {
    a.Enter("entries");
    size_t n = index.entries_.size();
    a.Count(&n, 5);
    if constexpr (A::kReading) index.entries_.resize(n);
    for (CueIndex::Entry& e : index.entries_) {
      Io(a, e.file);
      const auto file = static_cast<size_t>(e.file);
      if (file >= kCueFileCount) return a.Fail();
      const std::vector<Cue>& cues = sets[file]->cues();
      auto at = static_cast<uint32_t>(A::kReading ? 0 : e.cue - cues.data());
      Io(a, at);
      if (at >= cues.size()) return a.Fail();
      e.cue = &cues[at];
    }
    a.Leave();
    Field(a, "phrases", index.phrases_);
    Field(a, "word_bits", index.word_bits_);
  }
  template <class A>
  static void Io(A& a, legal_refs::Ref& r) {
    Field(a, "key", r.key);
    Field(a, "kind", r.kind);
    Field(a, "url", r.url);
    Field(a, "name", r.name);
    Field(a, "legislative", r.legislative);
  }
  template <class A>
  static void Io(A& a, legal_refs::Name& n) {
    Field(a, "target", n.target);
    Field(a, "caps", n.caps);
    Field(a, "article_only", n.article_only);
    Field(a, "bare_guard", n.bare_guard);
  }
  template <class A>
  static void Io(A& a, legal_refs::Authority& au) {
    Field(a, "key", au.key);
    Field(a, "court", au.court);
    Field(a, "numbers", au.numbers);
    Field(a, "ecli", au.ecli);
  }
  template <class A>
  static void Io(A& a, legal_refs::PhraseTrie& t) {
    Field(a, "phrases", t.phrases_);
    Field(a, "names", t.names_);
  }
  template <class A>
  static void Io(A& a, legal_refs::Tables& t) {
    Field(a, "refs", t.refs);
    Field(a, "ref_names", t.ref_names);
    Field(a, "ref_trie", t.ref_trie);
    Field(a, "by_id", t.by_id);
    Field(a, "authorities", t.authorities);
    Field(a, "authority_names", t.authority_names);
    Field(a, "authority_trie", t.authority_trie);
    Field(a, "authority_by_name", t.authority_by_name);
    Field(a, "authority_names_in_order", t.authority_names_in_order);
    Field(a, "court_only_shapes", t.court_only_shapes);
  }
  // The vocabulary's words and ids in the order they came, copied whole;
  // the slots are placed again on reading (text/word_ids.h), which the
  // lookups alone read.
  template <class A>
  static void Io(A& a, WordIds& ids) {
    PlainVector(a, ids.entries_);
    Io(a, ids.keys_);
    if constexpr (A::kReading) {
      for (const WordIds::Entry& e : ids.entries_) {
        if (e.begin > ids.keys_.size() || e.size > ids.keys_.size() - e.begin) return a.Fail();
      }
      ids.PlaceAll(WordIds::SlotsFor(ids.entries_.size()));
    }
  }
  template <class A>
  static void Io(A& a, Vocabulary& v) {
    Field(a, "ids", v.ids);
    Field(a, "first_bytes", v.first_bytes);
  }
  // The whole Lexicon (lexicon/snapshot.cpp).
  template <class A>
  static void Io(A& a, Lexicon& lexicon);
};

}  // namespace lexfr
