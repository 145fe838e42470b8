// The word lists of the recognisers, as the tables they look words up in.
//
// In: the checked rows of data/cues/*.tsv (lexicon/table.h). Out: one struct
// per recogniser, keyed by folded words (text/text_util.h Fold) unless said
// otherwise. Built once by the Lexicon (lexicon/lexicon.h); immutable and
// shared by every thread afterwards.
#pragma once

#include <string>
#include <vector>

#include "lexicon/phrase_cut.h"
#include "lexicon/phrase_matcher.h"
#include "lexicon/table.h"
#include "text/text_util.h"
#include "text/token_view.h"

namespace lexfr {

// The roles of date_words.tsv that a phrase of one token or more plays
// (the single-word roles above them are WordInfo flags). The grammar that
// reads them is recognise/dates.cpp's; data/README.md says what each means.
enum class DateCue : uint8_t {
  kConnector, kDayOffset, kNarrativeOffset, kAgo, kAhead, kLater, kEarlier,
  kDays, kWeeks, kMonths, kYears, kHours, kMinutes,
  kOrdinal, kDayWord, kWeeksAfter, kWeekOf, kFixedHoliday, kEasterHoliday, kSeason, kYearPart,
  kMonthCue, kAnchorCue, kRunsFrom, kNumber, kNarrativePast, kNarrativeNext,
  kCount
};

// One phrase of a DateCue, by its id in DateWords::phrases.
struct DatePhrase {
  DateCue cue = DateCue::kConnector;
  int value = 0;
  uint8_t tokens = 1;
};

// data/cues/months.tsv and date_words.tsv, for the DATE recogniser.
struct DateWords {
  StringMap<int> months;                        // "dec." -> 1..12
  StringSet bare_abbreviations;                 // "dec", "sept": months only beside a day or a year
  PhraseMatcher phrases;                        // the DateCue rows, as folded tokens
  StringSet phrase_first_words;                 // their first tokens (WordInfo::date_phrase_start)
  std::vector<DatePhrase> phrase_cues;          // by phrase id
  StringMap<int> weekdays;                      // "lundi" -> 1 .. 7
  StringMap<int> number_words;                  // "deux" -> 2
  StringSet year_cues, quantities, numberings;
  StringSet relative_past, relative_next;       // "dernier", "prochain"
  FirstBytes month_first, weekday_first, year_cue_first;  // of the keys of months, weekdays, year_cues
};

// data/cues/currencies.tsv and money_words.tsv, for the MONEY recogniser.
struct CurrencyName {
  std::string iso;
  bool prefix = false;            // may stand before the amount: "€50"
  bool after_multiplier = false;  // a currency only after "millions de"
};

struct Multiplier {
  int power = 0;           // 10^power
  bool sign_only = false;  // "M", "k": only right before a currency sign
};

// Everything one folded word can be, so that the scanner looks each token up
// once per pass instead of once per list (issue 15: six lookups per token
// made money the costliest recogniser per token on texts of short words).
struct WordRoles {
  const CurrencyName* currency = nullptr;  // the word alone names a currency
  const Multiplier* multiplier = nullptr;  // "millions", "k"
  const int* number = nullptr;             // "deux" -> 2
  bool two_word_head = false;              // the first word of a two-word currency name
  bool sanction = false;                   // "amende", "sanction"
};

struct MoneyWords {
  // Names of two tokens are keyed with one space between them, whether the
  // text spaces them ("dollars canadiens") or not ("US$").
  StringMap<CurrencyName> currencies;
  StringSet two_word_heads;  // first words of two-word names
  StringMap<Multiplier> multipliers;
  StringMap<int> number_words;
  StringSet sanction_words;
  StringMap<WordRoles> roles;   // every single word of the lists above
  FirstBytes role_first_bytes;  // of the keys of roles
};

// data/cues/org_cues.tsv, org_heads.tsv, person_titles.tsv,
// person_roles.tsv and name_words.tsv, for the name recogniser.
struct NameWords {
  StringMap<std::string> org_cues;   // cue -> subtype
  StringMap<std::string> org_heads;  // head as written -> subtype
  StringMap<std::string> titles;     // surface as written -> title
  StringSet roles;                   // may be two words
  StringSet connectors, particles, adjectives, determiners, act_words, place_prepositions, head_connectors;
  StringSet not_in_name;  // folded
  StringSet stops;  // as written
  std::vector<std::string> adjective_endings;  // folded: "ienne", "ique"
  // data/cues/place_bodies.tsv: kinds of court and body named by their
  // place (« tribunal de police », « commune »), and the subtype of each by
  // its phrase id.
  PhraseMatcher place_bodies;
  std::vector<std::string> place_body_subtypes;
  StringSet place_body_first_words;  // folded (WordInfo::place_body_start)
  // data/cues/company_forms.tsv: legal forms (« SA », « S.R.L. », « GIE »)
  // as their tokens as written, and whether they come before the name.
  struct CompanyForm {
    std::vector<std::string> tokens;
    bool before = false;
  };
  std::vector<CompanyForm> company_forms;
};

// data/cues/reference_words.tsv, for the LEGAL_REF recogniser.
struct ReferenceWords {
  StringSet list_links, kind_followers, latin_ordinals, act_modifiers;
  std::vector<std::string> adjective_endings;   // folded: "enne", "ique"
  StringSet decision_suffixes, eu_act_suffixes;  // as written: "QPC", "JAI"
};

// Whether the folded `word` ends with one of `endings`.
bool EndsWithOneOf(std::string_view word, const std::vector<std::string>& endings);

// What one folded word is in the lists above, so that a recogniser reads
// one entry by the token's vocabulary id (text/token_view.h) instead of
// hashing the word once per list. Entry 0 is every word no list holds.
struct WordInfo {
  uint8_t month = 0;    // 1..12 ("decembre", "dec.")
  uint8_t weekday = 0;  // 1 (lundi) .. 7
  bool date_phrase_start = false;  // DateWords: a phrase of date_words.tsv starts with it
  bool bare_month = false;  // an abbreviation without its period ("dec")
  bool month_before_period = false;  // with a period it is a month's abbreviation ("dec" of "dec.")
  bool quantity = false, numbering = false;             // DateWords
  bool relative_past = false, relative_next = false;    // DateWords
  // The DateCue bits of the phrases of date_words.tsv that are this one word
  // alone (« , », « et », « en »): the date scanner sets those without
  // walking the phrases, most of those a text has.
  uint32_t date_word_cues = 0;
  const WordRoles* money = nullptr;                     // MoneyWords::roles
  bool connector = false, particle = false, adjective = false;  // NameWords
  bool determiner = false, act_word = false;                     // NameWords
  bool place_preposition = false, head_connector = false;         // NameWords
  bool not_in_name = false;  // NameWords: ends a headed name (« rappelle », « aux dépens »)
  bool place_body_start = false;    // NameWords: a kind of data/cues/place_bodies.tsv starts with it
  bool company_form_start = false;  // NameWords: folded, the first token of a legal form
  bool org_cue = false;                                          // NameWords::org_cues
  bool title_folded = false;  // some NameWords::titles key (kept as written) folds to it: look the text up
  bool org_head_folded = false;  // some NameWords::org_heads key (kept as written) folds to it: look the text up
  bool given_name = false;       // Gazetteer::IsGivenName (data/gazetteers/given_names.txt)
  // Any of the six above: a name rule may open at this word (recognise/names.cpp
  // OpensName). Set once the Lexicon has set them, one read at every token.
  bool opens_name = false;
  bool list_link = false, kind_follower = false;                 // ReferenceWords
  bool latin_ordinal = false, act_modifier = false;              // ReferenceWords
  // recognise/legal_refs.h LegalStartWords: a rule of the reference grammar
  // may start at this word; an authority's name starts with it.
  bool reference_start = false, authority_start = false;
};

// What the tight scans of the date and money recognisers ask of a word at
// every token, one byte a word (Lexicon::scan_bits): a sum of its WordInfo.
enum WordScanBit : uint8_t {
  kNamesDateWord = 1,     // month, weekday or month_before_period: names a month or a weekday
  kStartsDatePhrase = 2,  // date_phrase_start
  kMoneyWord = 4,         // money: a word of MoneyWords::roles
};
uint8_t ScanBitsOf(const WordInfo& word);
// Sets WordInfo::date_word_cues from the phrases of `dates`, whose first
// words are in `vocabulary`.
void SetDateWordCues(const DateWords& dates, const Vocabulary& vocabulary, std::vector<WordInfo>* words);

// Builders from the rows read with the specs below. Money words point into
// their own maps: a MoneyWords is built in place and never moved.
// Phrases are cut into tokens as the segmenter cuts texts (lexicon/phrase_cut.h).
void BuildDateWords(const std::vector<DataRow>& months, const std::vector<DataRow>& date_words,
                    const PhraseCutter& cutter, DateWords* out);
// The DateCue of a date_words.tsv role, or false for the single-word roles.
bool DateCueOf(std::string_view role, DateCue* cue);
void BuildMoneyWords(const std::vector<DataRow>& currencies, const std::vector<DataRow>& money_words, MoneyWords* out);
void BuildNameWords(const std::vector<DataRow>& org_cues, const std::vector<DataRow>& org_heads,
                    const std::vector<DataRow>& titles, const std::vector<DataRow>& roles, const std::vector<DataRow>& name_words,
                    NameWords* out);
// Adds the rows (kind, subtype) of data/cues/place_bodies.tsv, each kind
// segmented as texts are.
void AddPlaceBodies(const std::vector<DataRow>& rows, const PhraseCutter& cutter, NameWords* out);
// Adds the rows (form, place) of data/cues/company_forms.tsv.
void AddCompanyForms(const std::vector<DataRow>& rows, const PhraseCutter& cutter, NameWords* out);
void BuildReferenceWords(const std::vector<DataRow>& rows, ReferenceWords* out);

// Gives an id to every single word of the folded lists (a word of two
// tokens is never one token) and says what each is. Call after the
// builders above, with the structs where they will stay: entries point
// into `money`.
void BuildVocabulary(const DateWords& dates, const MoneyWords& money, const NameWords& names,
                     const ReferenceWords& references, Vocabulary* vocabulary, std::vector<WordInfo>* words);
// The id of a folded `word`, which is added (with an empty WordInfo: no list
// holds it) when new: the words of the cue phrases (lexicon/cues.h
// CueIndex), so that a token's id says whether a phrase may go on with it.
uint32_t AddWord(const std::string& word, Vocabulary* vocabulary, std::vector<WordInfo>* words);

}  // namespace lexfr
