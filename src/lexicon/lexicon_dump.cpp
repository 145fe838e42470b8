#include "lexicon/lexicon_dump.h"

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <map>
#include <vector>

#include "recognise/legal_refs.h"

namespace lexfr {
namespace {

void DumpSet(const char* what, const StringSet& set, std::string* out) {
  std::vector<std::string_view> keys(set.begin(), set.end());
  std::sort(keys.begin(), keys.end());
  for (const std::string_view k : keys) *out += std::string(what) + " " + std::string(k) + "\n";
}

template <class Value, class Show>
void DumpMap(const char* what, const StringMap<Value>& map, Show show, std::string* out) {
  std::vector<std::string_view> keys;
  for (const auto& [key, value] : map) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  for (const std::string_view k : keys) *out += std::string(what) + " " + std::string(k) + " " + show(map.find(k)->second) + "\n";
}

std::string Number(int n) { return std::to_string(n); }
std::string Text(const std::string& s) { return s; }

void DumpDates(const DateWords& d, std::string* out) {
  DumpMap("month", d.months, Number, out);
  DumpSet("bare_month", d.bare_abbreviations, out);
  d.phrases.Dump(out);
  DumpSet("date_phrase_start", d.phrase_first_words, out);
  for (const DatePhrase& p : d.phrase_cues) {
    *out += "date_cue " + std::to_string(static_cast<int>(p.cue)) + " " + std::to_string(p.value) + " " +
            std::to_string(p.tokens) + "\n";
  }
  DumpMap("weekday", d.weekdays, Number, out);
  DumpMap("date_number", d.number_words, Number, out);
  DumpSet("year_cue", d.year_cues, out);
  DumpSet("quantity", d.quantities, out);
  DumpSet("numbering", d.numberings, out);
  DumpSet("relative_past", d.relative_past, out);
  DumpSet("relative_next", d.relative_next, out);
  *out += "date_first_bytes " + FirstBytesHex(d.month_first) + " " + FirstBytesHex(d.weekday_first) + " " +
          FirstBytesHex(d.year_cue_first) + "\n";
}

void DumpMoney(const MoneyWords& m, std::string* out) {
  DumpMap("currency", m.currencies, [](const CurrencyName& c) {
    return c.iso + (c.prefix ? " prefix" : "") + (c.after_multiplier ? " after_multiplier" : "");
  }, out);
  DumpSet("two_word_head", m.two_word_heads, out);
  DumpMap("multiplier", m.multipliers, [](const Multiplier& x) { return Number(x.power) + (x.sign_only ? " sign" : ""); }, out);
  DumpMap("money_number", m.number_words, Number, out);
  DumpSet("sanction", m.sanction_words, out);
  DumpMap("money_roles", m.roles, [](const WordRoles& r) {
    return std::string(r.currency != nullptr ? " currency" : "") + (r.multiplier != nullptr ? " multiplier" : "") +
           (r.number != nullptr ? " number" : "") + (r.two_word_head ? " head" : "") + (r.sanction ? " sanction" : "");
  }, out);
  *out += "money_first_bytes " + FirstBytesHex(m.role_first_bytes) + "\n";
}

void DumpNames(const NameWords& n, std::string* out) {
  DumpMap("org_cue", n.org_cues, Text, out);
  DumpMap("org_head", n.org_heads, Text, out);
  DumpMap("title", n.titles, Text, out);
  DumpSet("role", n.roles, out);
  const std::pair<const char*, const StringSet*> sets[] = {
      {"connector", &n.connectors}, {"particle", &n.particles},     {"adjective", &n.adjectives},
      {"determiner", &n.determiners}, {"act_word", &n.act_words}, {"place_preposition", &n.place_prepositions},
      {"head_connector", &n.head_connectors}, {"not_in_name", &n.not_in_name}, {"stop", &n.stops},
      {"place_body_start", &n.place_body_first_words}};
  for (const auto& [what, set] : sets) DumpSet(what, *set, out);
  for (const std::string& e : n.adjective_endings) *out += "adjective_ending " + e + "\n";
  n.place_bodies.Dump(out);
  for (const std::string& s : n.place_body_subtypes) *out += "place_body_subtype " + s + "\n";
  for (const NameWords::CompanyForm& f : n.company_forms) {
    *out += std::string("company_form") + (f.before ? " before:" : " after:");
    for (const std::string& t : f.tokens) *out += " " + t;
    *out += "\n";
  }
}

void DumpReferences(const ReferenceWords& r, std::string* out) {
  DumpSet("list_link", r.list_links, out);
  DumpSet("kind_follower", r.kind_followers, out);
  DumpSet("latin_ordinal", r.latin_ordinals, out);
  DumpSet("act_modifier", r.act_modifiers, out);
  for (const std::string& e : r.adjective_endings) *out += "reference_ending " + e + "\n";
  DumpSet("decision_suffix", r.decision_suffixes, out);
  DumpSet("eu_act_suffix", r.eu_act_suffixes, out);
}

// Every word by its id, and what it is: the ids depend on the order the
// words were added, which the cue phrases' cuts take part in.
void DumpVocabulary(const Lexicon& lexicon, std::string* out) {
  std::map<uint32_t, std::string_view> words = {{0, ""}};  // 0: every word no list holds
  for (const auto& [word, id] : lexicon.vocabulary().ids) words.emplace(id, word);
  for (const auto& [id, word] : words) {
    const WordInfo& w = lexicon.word(id);
    const bool flags[] = {w.date_phrase_start, w.bare_month, w.month_before_period, w.quantity, w.numbering, w.relative_past,
                          w.relative_next, w.money != nullptr, w.connector, w.particle, w.adjective,
                          w.determiner, w.act_word, w.place_preposition, w.head_connector, w.not_in_name,
                          w.place_body_start, w.company_form_start, w.org_cue, w.title_folded, w.org_head_folded,
                          w.given_name, w.list_link,
                          w.kind_follower, w.latin_ordinal, w.act_modifier, w.reference_start,
                          w.authority_start, w.opens_name};
    *out += "word " + std::to_string(id) + " " + std::string(word) + " " + std::to_string(w.month) + " " +
            std::to_string(w.weekday) + " ";
    for (const bool f : flags) *out += f ? '1' : '0';
    *out += " " + std::to_string(lexicon.scan_bits()[id]) + " " + std::to_string(w.date_word_cues) + "\n";
  }
}

}  // namespace

std::string FirstBytesHex(const FirstBytes& first_bytes) {
  // Its 256 bits and its "empty" flag, then padding, which is not shown.
  constexpr size_t kShown = 33;
  static_assert(sizeof(FirstBytes) >= kShown && std::is_trivially_copyable_v<FirstBytes>);
  unsigned char bytes[sizeof(FirstBytes)];
  std::memcpy(bytes, &first_bytes, sizeof bytes);
  std::string hex;
  for (size_t i = 0; i < kShown; ++i) {
    hex += "0123456789abcdef"[bytes[i] >> 4];
    hex += "0123456789abcdef"[bytes[i] & 15];
  }
  return hex;
}

std::string DumpLexicon(const Lexicon& lexicon) {
  std::string out;
  DumpSet("abbreviation", lexicon.abbreviations(), &out);
  DumpDates(lexicon.dates(), &out);
  DumpMoney(lexicon.money(), &out);
  DumpNames(lexicon.names(), &out);
  DumpReferences(lexicon.references(), &out);
  lexicon.gazetteer().Dump(&out);
  for (const Institution& in : lexicon.institutions().all()) {
    out += "institution " + in.key + " " + in.organisation + (in.court ? " court:" : ":");
    for (const std::string& n : in.names) out += " " + n + " |";
    for (const std::string& n : in.numbers) out += " #" + n;
    for (const std::string& e : in.ecli) out += " ecli:" + e;
    out += "\n";
  }
  lexicon.institutions().Dump(&out);
  DumpLegalTables(lexicon.legal(), &out);
  const CueSet* sets[] = {&lexicon.recourse_cues(), &lexicon.speech_verbs(), &lexicon.structure_cues(),
                          &lexicon.party_cues(),    &lexicon.act_cues(),     &lexicon.counsel_cues()};
  for (const CueSet* set : sets) set->Dump(&out);
  lexicon.cues().Dump(&out);
  lexicon.counsel_cue_index().Dump(&out);
  DumpVocabulary(lexicon, &out);
  out += "vocabulary_first_bytes " + FirstBytesHex(lexicon.vocabulary().first_bytes) + "\n";
  return out;
}

}  // namespace lexfr
