#include "lexicon/words.h"

namespace lexfr {
namespace {

// "1000000" -> 6; the specs only let powers of ten through.
int Power10(std::string_view digits) { return static_cast<int>(digits.size()) - 1; }

}  // namespace

void BuildDateWords(const std::vector<DataRow>& months, const std::vector<DataRow>& date_words, DateWords* out) {
  for (const DataRow& r : months) out->months[Fold(r[0])] = static_cast<int>(IntegerOf(r[1]));
  for (const DataRow& r : date_words) {
    const std::string word = Fold(r[0]);
    const std::string_view role = r[1];
    const int value = static_cast<int>(IntegerOf(r[2]));
    if (role == "weekday") out->weekdays[word] = value;
    if (role == "number") out->number_words[word] = value;
    if (role == "year_cue") out->year_cues.insert(word);
    if (role == "quantity") out->quantities.insert(word);
    if (role == "numbering") out->numberings.insert(word);
    if (role == "relative_past") out->relative_past.insert(word);
    if (role == "relative_next") out->relative_next.insert(word);
  }
  for (const auto& [word, month] : out->months) out->month_first.Add(word);
  for (const auto& [word, day] : out->weekdays) out->weekday_first.Add(word);
  for (const std::string& word : out->year_cues) out->year_cue_first.Add(word);
}

void BuildMoneyWords(const std::vector<DataRow>& currencies, const std::vector<DataRow>& money_words, MoneyWords* out) {
  for (const DataRow& r : currencies) {
    const std::string name = Fold(r[0]);
    out->currencies[name] = {std::string(r[1]), r[2] == "prefix", r[2] == "after_multiplier"};
    if (const size_t space = name.find(' '); space != std::string::npos) {
      out->two_word_heads.insert(name.substr(0, space));
    }
  }
  for (const DataRow& r : money_words) {
    const std::string word = Fold(r[0]);
    const std::string_view role = r[1];
    if (role == "multiplier" || role == "multiplier_sign_only") {
      out->multipliers[word] = {Power10(r[2]), role == "multiplier_sign_only"};
    } else if (role == "number") {
      out->number_words[word] = static_cast<int>(IntegerOf(r[2]));
    } else if (role == "sanction") {
      out->sanction_words.insert(word);
    }
  }
  for (const auto& [name, currency] : out->currencies) out->roles[name].currency = &currency;
  for (const std::string& head : out->two_word_heads) out->roles[head].two_word_head = true;
  for (const auto& [word, multiplier] : out->multipliers) out->roles[word].multiplier = &multiplier;
  for (const auto& [word, value] : out->number_words) out->roles[word].number = &value;
  for (const std::string& word : out->sanction_words) out->roles[word].sanction = true;
  for (const auto& [word, roles] : out->roles) out->role_first_bytes.Add(word);
}

void BuildNameWords(const std::vector<DataRow>& org_cues, const std::vector<DataRow>& org_heads,
                    const std::vector<DataRow>& titles, const std::vector<DataRow>& roles, const std::vector<DataRow>& name_words,
                    NameWords* out) {
  for (const DataRow& r : org_cues) out->org_cues[Fold(r[0])] = r[1];
  for (const DataRow& r : org_heads) out->org_heads[std::string(r[0])] = r[1];
  for (const DataRow& r : titles) out->titles[std::string(r[0])] = r[1];
  for (const DataRow& r : roles) out->roles.insert(Fold(r[0]));
  for (const DataRow& r : name_words) {
    if (r[1] == "connector") out->connectors.insert(Fold(r[0]));
    if (r[1] == "particle") out->particles.insert(Fold(r[0]));
    if (r[1] == "adjective") out->adjectives.insert(Fold(r[0]));
    if (r[1] == "stop") out->stops.insert(std::string(r[0]));
    if (r[1] == "determiner") out->determiners.insert(Fold(r[0]));
    if (r[1] == "act_word") out->act_words.insert(Fold(r[0]));
    if (r[1] == "adjective_ending") out->adjective_endings.push_back(Fold(r[0]));
  }
}

void BuildReferenceWords(const std::vector<DataRow>& rows, ReferenceWords* out) {
  for (const DataRow& r : rows) {
    const std::string_view word_class = r[1];
    if (word_class == "list_link") out->list_links.insert(Fold(r[0]));
    if (word_class == "kind_follower") out->kind_followers.insert(Fold(r[0]));
    if (word_class == "latin_ordinal") out->latin_ordinals.insert(Fold(r[0]));
    if (word_class == "act_modifier") out->act_modifiers.insert(Fold(r[0]));
    if (word_class == "adjective_ending") out->adjective_endings.push_back(Fold(r[0]));
    if (word_class == "decision_suffix") out->decision_suffixes.insert(std::string(r[0]));
    if (word_class == "eu_act_suffix") out->eu_act_suffixes.insert(std::string(r[0]));
  }
}

bool EndsWithOneOf(std::string_view word, const std::vector<std::string>& endings) {
  for (const std::string& e : endings) {
    if (word.ends_with(e)) return true;
  }
  return false;
}

uint32_t AddWord(const std::string& word, Vocabulary* vocabulary, std::vector<WordInfo>* words) {
  const auto [it, added] = vocabulary->ids.try_emplace(word, static_cast<uint32_t>(words->size()));
  if (added) {
    words->emplace_back();
    vocabulary->first_bytes.Add(word);
  }
  return it->second;
}

void BuildVocabulary(const DateWords& dates, const MoneyWords& money, const NameWords& names,
                     const ReferenceWords& references, Vocabulary* vocabulary, std::vector<WordInfo>* words) {
  words->assign(1, WordInfo{});
  const auto info = [&](const std::string& word) -> WordInfo& { return (*words)[AddWord(word, vocabulary, words)]; };
  for (const auto& [word, month] : dates.months) info(word).month = static_cast<uint8_t>(month);
  for (const auto& [word, day] : dates.weekdays) info(word).weekday = static_cast<uint8_t>(day);
  for (const std::string& word : dates.quantities) info(word).quantity = true;
  for (const std::string& word : dates.numberings) info(word).numbering = true;
  for (const std::string& word : dates.relative_past) info(word).relative_past = true;
  for (const std::string& word : dates.relative_next) info(word).relative_next = true;
  for (const auto& [word, roles] : money.roles) info(word).money = &roles;
  for (const std::string& word : names.connectors) info(word).connector = true;
  for (const std::string& word : names.particles) info(word).particle = true;
  for (const std::string& word : names.adjectives) info(word).adjective = true;
  for (const std::string& word : names.determiners) info(word).determiner = true;
  for (const std::string& word : names.act_words) info(word).act_word = true;
  for (const auto& [word, subtype] : names.org_cues) info(word).org_cue = true;
  for (const auto& [surface, title] : names.titles) info(Fold(surface)).title_folded = true;
  for (const std::string& word : references.list_links) info(word).list_link = true;
  for (const std::string& word : references.kind_followers) info(word).kind_follower = true;
  for (const std::string& word : references.latin_ordinals) info(word).latin_ordinal = true;
  for (const std::string& word : references.act_modifiers) info(word).act_modifier = true;
}

}  // namespace lexfr
