#include "lexicon/words.h"

#include <array>
#include <utility>

#include "text/segment.h"

namespace lexfr {
namespace {

// "1000000" -> 6; the specs only let powers of ten through.
int Power10(std::string_view digits) { return static_cast<int>(digits.size()) - 1; }

}  // namespace

// The roles of data/cues/date_words.tsv read as phrases, by name.
constexpr std::array<std::pair<std::string_view, DateCue>, static_cast<size_t>(DateCue::kCount)> kDateCueNames{{
    {"connector", DateCue::kConnector},
    {"day_offset", DateCue::kDayOffset},
    {"narrative_offset", DateCue::kNarrativeOffset},
    {"ago", DateCue::kAgo},
    {"ahead", DateCue::kAhead},
    {"later", DateCue::kLater},
    {"earlier", DateCue::kEarlier},
    {"days", DateCue::kDays},
    {"weeks", DateCue::kWeeks},
    {"months", DateCue::kMonths},
    {"years", DateCue::kYears},
    {"hours", DateCue::kHours},
    {"minutes", DateCue::kMinutes},
    {"ordinal", DateCue::kOrdinal},
    {"day_word", DateCue::kDayWord},
    {"weeks_after", DateCue::kWeeksAfter},
    {"week_of", DateCue::kWeekOf},
    {"fixed_holiday", DateCue::kFixedHoliday},
    {"easter_holiday", DateCue::kEasterHoliday},
    {"season", DateCue::kSeason},
    {"year_part", DateCue::kYearPart},
    {"month_cue", DateCue::kMonthCue},
    {"anchor_cue", DateCue::kAnchorCue},
    {"runs_from", DateCue::kRunsFrom},
    {"number", DateCue::kNumber},
    {"narrative_past", DateCue::kNarrativePast},
    {"narrative_next", DateCue::kNarrativeNext},
}};

bool DateCueOf(std::string_view role, DateCue* cue) {
  for (const auto& [name, c] : kDateCueNames) {
    if (name == role) {
      *cue = c;
      return true;
    }
  }
  return false;
}

void BuildDateWords(const std::vector<DataRow>& months, const std::vector<DataRow>& date_words,
                    const PhraseCutter& cutter, DateWords* out) {
  // A name without a period that starts a longer name of its month ("oct"
  // of "octobre") is an abbreviation: a month only beside a day or a year.
  for (const DataRow& r : months) out->months[Fold(r[0])] = static_cast<int>(IntegerOf(r[1]));
  for (const auto& [name, month] : out->months) {
    if (name.ends_with('.')) continue;
    for (const auto& [other, other_month] : out->months) {
      if (other_month == month && other.size() > name.size() && other.starts_with(name) && !other.ends_with('.')) {
        out->bare_abbreviations.insert(name);
        break;
      }
    }
  }
  for (const DataRow& r : date_words) {
    const std::string word = Fold(r[0]);
    const std::string_view role = r[1];
    const int value = static_cast<int>(IntegerOf(r[2]));
    if (DateCue cue; DateCueOf(role, &cue)) {
      // An elided last word (« mois d' ») is one token only before a word:
      // cut it with one, then drop it.
      const bool elided = r[0].ends_with('\'') || r[0].ends_with("\u2019");
      const std::string phrase = elided ? std::string(r[0]) + "x" : std::string(r[0]);
      std::vector<std::string> keys;
      for (const PhraseToken& t : cutter.Cut(phrase)) keys.push_back(Fold(t.text));
      if (elided && !keys.empty()) keys.pop_back();
      if (keys.empty()) continue;
      out->phrases.Add(keys);
      out->phrase_first_words.insert(keys.front());
      out->phrase_cues.push_back({cue, value, static_cast<uint8_t>(keys.size())});
    }
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
    if (r[1] == "place_preposition") out->place_prepositions.insert(Fold(r[0]));
    if (r[1] == "head_connector") out->head_connectors.insert(Fold(r[0]));
    if (r[1] == "not_in_name") out->not_in_name.insert(Fold(r[0]));
    if (r[1] == "adjective_ending") out->adjective_endings.push_back(Fold(r[0]));
  }
}

void AddPlaceBodies(const std::vector<DataRow>& rows, const PhraseCutter& cutter, NameWords* out) {
  for (const DataRow& r : rows) {
    std::vector<std::string> tokens;
    for (const PhraseToken& t : cutter.Cut(r[0])) tokens.push_back(Fold(t.text));
    if (!tokens.empty()) out->place_body_first_words.insert(tokens.front());
    out->place_bodies.Add(tokens);
    out->place_body_subtypes.emplace_back(r[1]);
  }
}

void AddCompanyForms(const std::vector<DataRow>& rows, const PhraseCutter& cutter, NameWords* out) {
  for (const DataRow& r : rows) {
    NameWords::CompanyForm f;
    for (const PhraseToken& t : cutter.Cut(r[0])) f.tokens.emplace_back(t.text);
    f.before = r[1] == "before";
    if (!f.tokens.empty()) out->company_forms.push_back(std::move(f));
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
  for (const auto& [word, month] : dates.months) {
    if (word.size() > 1 && word.ends_with('.')) info(word.substr(0, word.size() - 1)).month_before_period = true;
  }
  for (const auto& [word, day] : dates.weekdays) info(word).weekday = static_cast<uint8_t>(day);
  for (const std::string& word : dates.bare_abbreviations) info(word).bare_month = true;
  for (const std::string& word : dates.phrase_first_words) info(word).date_phrase_start = true;
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
  for (const std::string& word : names.place_prepositions) info(word).place_preposition = true;
  for (const std::string& word : names.head_connectors) info(word).head_connector = true;
  for (const std::string& word : names.not_in_name) info(word).not_in_name = true;
  for (const std::string& word : names.place_body_first_words) info(word).place_body_start = true;
  for (const NameWords::CompanyForm& form : names.company_forms) info(Fold(form.tokens.front())).company_form_start = true;
  for (const auto& [word, subtype] : names.org_cues) info(word).org_cue = true;
  for (const auto& [surface, title] : names.titles) info(Fold(surface)).title_folded = true;
  for (const auto& [surface, subtype] : names.org_heads) info(Fold(surface)).org_head_folded = true;
  for (const std::string& word : references.list_links) info(word).list_link = true;
  for (const std::string& word : references.kind_followers) info(word).kind_follower = true;
  for (const std::string& word : references.latin_ordinals) info(word).latin_ordinal = true;
  for (const std::string& word : references.act_modifiers) info(word).act_modifier = true;
}

uint8_t ScanBitsOf(const WordInfo& word) {
  uint8_t bits = 0;
  if (word.month != 0 || word.weekday != 0 || word.month_before_period) bits |= kNamesDateWord;
  if (word.date_phrase_start) bits |= kStartsDatePhrase;
  if (word.money != nullptr) bits |= kMoneyWord;
  return bits;
}

void SetDateWordCues(const DateWords& dates, const Vocabulary& vocabulary, std::vector<WordInfo>* words) {
  for (const std::string& word : dates.phrase_first_words) {
    const uint32_t node = dates.phrases.Next(PhraseMatcher::kRoot, word);
    const uint32_t id = vocabulary.Find(word);
    if (node == PhraseMatcher::kNoNode || id == 0) continue;
    for (const uint32_t phrase : dates.phrases.PhrasesAt(node)) {
      (*words)[id].date_word_cues |= 1u << static_cast<unsigned>(dates.phrase_cues[phrase].cue);
    }
  }
}

}  // namespace lexfr
