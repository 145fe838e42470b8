#include "lexicon/lexicon.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "io/files.h"
#include "lexicon/speech_forms.h"
#include "recognise/legal_refs.h"
#include "recognise/legal_refs/scanner.h"

namespace lexfr {
namespace {

// A user's gazetteer is read whole: at most this many bytes (all the
// embedded ones together hold well under 1 MiB).
constexpr size_t kMostGazetteerBytes = size_t{64} << 20;

// Values the C++ reads itself (roles, classes, grammar fields): the code
// knows no other, so a row with another is a typo.
constexpr std::string_view kDateRoles[] = {
    "weekday",        "year_cue",     "quantity",   "numbering",     "number",       "relative_past",
    "relative_next",  "connector",    "day_offset", "narrative_offset", "ago",       "ahead",
    "later",          "earlier",      "days",       "weeks",         "months",       "years",
    "hours",          "minutes",      "ordinal",    "day_word",      "weeks_after",  "week_of",
    "fixed_holiday",  "easter_holiday", "season",   "year_part",     "month_cue",    "anchor_cue",
    "runs_from",      "narrative_past", "narrative_next"};
// The roles of date_words.tsv that carry a whole number.
constexpr std::string_view kValuedDateRoles[] = {
    "weekday", "number", "day_offset", "narrative_offset", "days", "weeks", "months", "years", "hours",
    "minutes", "ordinal", "day_word", "weeks_after", "week_of", "fixed_holiday", "easter_holiday", "season",
    "year_part"};

// Whether `value` is month × 100 + day of a real day of a leap year.
bool IsMonthDay(long long value) {
  constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const long long month = value / 100, day = value % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1];
}
constexpr std::string_view kMoneyRoles[] = {"multiplier", "multiplier_sign_only", "number", "sanction"};
constexpr std::string_view kNameClasses[] = {"connector", "particle",   "adjective",       "stop",
                                             "determiner", "act_word", "adjective_ending",
                                             "place_preposition", "head_connector", "not_in_name"};
constexpr std::string_view kReferenceClasses[] = {"list_link",        "kind_follower",   "latin_ordinal", "act_modifier",
                                                  "adjective_ending", "decision_suffix", "eu_act_suffix"};
constexpr std::string_view kFormPlaces[] = {"after", "before"};
constexpr std::string_view kCurrencyFlags[] = {"prefix", "after_multiplier"};
constexpr std::string_view kInstitutionRoles[] = {"authority", "court"};
constexpr std::string_view kInstrumentKinds[] = {
    "code",       "loi",          "règlement",   "directive", "décision", "traité",     "charte",
    "convention", "constitution", "déclaration", "décret",    "ordonnance", "circulaire", "us_law"};
constexpr std::string_view kSpeechSides[] = {"after", "before", "intro"};
constexpr std::string_view kSpeechFields[] = {"speech", "verb"};

// The vocabularies of the output values, from the JSON Schema the binary
// prints, so that a cue file cannot make lexfr write what the schema refuses.
struct Vocabularies {
  std::vector<std::string> org_subtypes, recourse_kinds, statuses, outcomes, ground_categories, genres, zones;
};

std::vector<std::string> EnumAt(const nlohmann::json& schema, const nlohmann::json::json_pointer& at) {
  std::vector<std::string> out;
  for (const nlohmann::json& v : schema.at(at)) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

Status ReadVocabularies(std::string_view schema_text, Vocabularies* out) {
  try {
    const nlohmann::json schema = nlohmann::json::parse(schema_text);
    using Ptr = nlohmann::json::json_pointer;
    out->org_subtypes = EnumAt(schema, Ptr("/$defs/entity/allOf/0/then/properties/subtype/enum"));
    out->recourse_kinds = EnumAt(schema, Ptr("/$defs/recourse/properties/kind/enum"));
    out->statuses = EnumAt(schema, Ptr("/$defs/recourse/properties/status/enum"));
    out->outcomes = EnumAt(schema, Ptr("/$defs/recourse/properties/outcome/enum"));
    out->ground_categories = EnumAt(schema, Ptr("/$defs/ground/properties/category/enum"));
    out->genres = EnumAt(schema, Ptr("/$defs/document/properties/genre/enum"));
    out->zones = EnumAt(schema, Ptr("/$defs/zone/properties/name/enum"));
  } catch (const nlohmann::json::exception& e) {
    return Status::Error(ExitCode::kConfig, "bad_data", std::string("data/schema/lexfr.schema.json: ") + e.what());
  }
  return Status::Ok();
}

// string_views of a vocabulary, for a DataColumn.
std::vector<std::string_view> Views(const std::vector<std::string>& values) {
  return {values.begin(), values.end()};
}

// The files of one load, by path.
class Files {
 public:
  explicit Files(std::span<const EmbeddedFile> files) : files_(files) {}
  Status Get(std::string_view path, std::string_view* bytes) const {
    for (const EmbeddedFile& f : files_) {
      if (f.path == path) {
        *bytes = f.bytes;
        return Status::Ok();
      }
    }
    return Status::Error(ExitCode::kConfig, "bad_data", std::string(path) + ": missing from the data files");
  }
  Status Read(std::string_view path, const TableSpec& spec, std::vector<DataRow>* rows) const {
    std::string_view bytes;
    Status s = Get(path, &bytes);
    if (s.ok()) s = ReadTable(path, bytes, spec, rows);
    return s;
  }
  std::span<const EmbeddedFile> all() const { return files_; }

 private:
  std::span<const EmbeddedFile> files_;
};

bool IsPowerOfTen(std::string_view digits) {
  return !digits.empty() && digits[0] == '1' &&
         std::all_of(digits.begin() + 1, digits.end(), [](char c) { return c == '0'; });
}

bool IsIsoCurrency(std::string_view code) {
  return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

Status LoadDates(const Files& files, const PhraseCutter& cutter, DateWords* out) {
  const TableSpec months_spec{{{"name"}, {"month number", CellType::kInteger}}, 0, [](const DataRow& r) {
                                const long long m = IntegerOf(r[1]);
                                return m >= 1 && m <= 12 ? "" : "month number must be 1 to 12, found " + std::string(r[1]);
                              }};
  const TableSpec words_spec{
      {{"word"}, {"role", CellType::kEnum, true, kDateRoles}, {"value", CellType::kInteger, false}}, 2,
      [](const DataRow& r) -> std::string {
        const bool valued = std::find(std::begin(kValuedDateRoles), std::end(kValuedDateRoles), r[1]) !=
                            std::end(kValuedDateRoles);
        if (valued && r[2].empty()) return "a " + std::string(r[1]) + " needs a value";
        if (!valued && !r[2].empty()) return "a " + std::string(r[1]) + " takes no value";
        if ((r[1] == "fixed_holiday" || r[1] == "season") && !IsMonthDay(IntegerOf(r[2]))) {
          return "a " + std::string(r[1]) + " value is month × 100 + day (1225), found " + std::string(r[2]);
        }
        return "";
      }};
  std::vector<DataRow> months, words;
  Status s = files.Read("data/cues/months.tsv", months_spec, &months);
  if (s.ok()) s = files.Read("data/cues/date_words.tsv", words_spec, &words);
  if (s.ok()) BuildDateWords(months, words, cutter, out);
  return s;
}

Status LoadMoney(const Files& files, MoneyWords* out) {
  const TableSpec currencies_spec{
      {{"name"}, {"ISO 4217"}, {"flags", CellType::kEnum, false, kCurrencyFlags}}, 2, [](const DataRow& r) {
        return IsIsoCurrency(r[1]) ? "" : "ISO 4217 must be three capital letters, found \"" + std::string(r[1]) + "\"";
      }};
  const TableSpec words_spec{
      {{"word"}, {"role", CellType::kEnum, true, kMoneyRoles}, {"value", CellType::kInteger, false}}, 2,
      [](const DataRow& r) -> std::string {
        if (r[1].starts_with("multiplier") && !IsPowerOfTen(r[2])) {
          return "a multiplier's value must be a power of ten (1000, 1000000), found \"" + std::string(r[2]) + "\"";
        }
        if (r[1] == "number" && r[2].empty()) return "a number needs a value";
        if (r[1] == "sanction" && !r[2].empty()) return "a sanction takes no value";
        return "";
      }};
  std::vector<DataRow> currencies, words;
  Status s = files.Read("data/cues/currencies.tsv", currencies_spec, &currencies);
  if (s.ok()) s = files.Read("data/cues/money_words.tsv", words_spec, &words);
  if (s.ok()) BuildMoneyWords(currencies, words, out);
  return s;
}

Status LoadNames(const Files& files, const Vocabularies& vocabularies, const PhraseCutter& cutter,
                 NameWords* out) {
  const std::vector<std::string_view> subtypes = Views(vocabularies.org_subtypes);
  std::vector<DataRow> cues, heads, titles, roles, words, bodies, forms;
  Status s = files.Read("data/cues/org_cues.tsv", {{{"cue"}, {"subtype", CellType::kEnum, true, subtypes}}}, &cues);
  if (s.ok()) {
    s = files.Read("data/cues/org_heads.tsv", {{{"head"}, {"subtype", CellType::kEnum, true, subtypes}}}, &heads);
  }
  if (s.ok()) s = files.Read("data/cues/person_titles.tsv", {{{"surface"}, {"title"}}}, &titles);
  if (s.ok()) s = files.Read("data/cues/person_roles.tsv", {{{"role"}}}, &roles);
  if (s.ok()) {
    s = files.Read("data/cues/name_words.tsv", {{{"word"}, {"class", CellType::kEnum, true, kNameClasses}}}, &words);
  }
  if (s.ok()) {
    s = files.Read("data/cues/place_bodies.tsv", {{{"kind"}, {"subtype", CellType::kEnum, true, subtypes}}}, &bodies);
  }
  if (s.ok()) {
    s = files.Read("data/cues/company_forms.tsv", {{{"form"}, {"place", CellType::kEnum, true, kFormPlaces}}}, &forms);
  }
  if (s.ok()) BuildNameWords(cues, heads, titles, roles, words, out);
  if (s.ok()) AddPlaceBodies(bodies, cutter, out);
  if (s.ok()) AddCompanyForms(forms, cutter, out);
  return s;
}

// The cue files: (field, value, weight, phrase), with the values each field
// may take.
struct CueField {
  std::string_view field;
  std::vector<std::string_view> values;  // empty: any value (a court's name, a key prefix)
};

Status LoadCues(const Files& files, std::string_view path, const std::vector<CueField>& fields,
                const PhraseCutter& cutter, CueSet* out) {
  std::vector<std::string_view> names;
  for (const CueField& f : fields) names.push_back(f.field);
  const auto check_value = [&](const DataRow& r) {
    const auto f = std::find_if(fields.begin(), fields.end(), [&](const CueField& c) { return c.field == r[0]; });
    std::string what = f->values.empty() ? CheckCell(r[1], {"value", CellType::kText, true})
                                         : CheckCell(r[1], {"value", CellType::kEnum, true, f->values});
    return what.empty() ? what : what + " (for field " + std::string(r[0]) + ")";
  };
  std::vector<DataRow> rows;
  Status s = files.Read(
      path,
      {{{"field", CellType::kEnum, true, names}, {"value"}, {"weight", CellType::kInteger}, {"phrase"}}, 0, check_value},
      &rows);
  if (s.ok()) *out = CueSet(rows, cutter);
  return s;
}

// The one-word cue fields (lexicon/cues.h kCueWordFields) are read from a
// bit of each word's id: a phrase of several words there would never be
// seen, so it is a data error rather than a silent gap.
Status CheckCueWords(const std::array<const CueSet*, kCueFileCount>& sets) {
  // in CueFile order
  constexpr std::array<std::string_view, kCueFileCount> kPaths = {
      "data/cues/recourse.tsv", "data/cues/speech_verbs.tsv", "data/cues/structure.tsv",
      "data/cues/parties.tsv",  "data/cues/acts.tsv",         "data/cues/counsel.tsv"};
  for (size_t f = 0; f < kCueFileCount; ++f) {
    for (const Cue& cue : sets[f]->cues()) {
      if (CueWordFieldOf(static_cast<CueFile>(f), cue) != nullptr && cue.tokens.size() != 1) {
        std::string phrase;
        for (const std::string& t : cue.tokens) phrase += (phrase.empty() ? "" : " ") + t;
        return Status::Error(ExitCode::kConfig, "bad_data",
                             std::string(kPaths[f]) + ": cue field " + cue.field + (cue.value == "-" ? "" : " " + cue.value) +
                                 " takes a single word, not « " + phrase + " »");
      }
    }
  }
  return Status::Ok();
}

// data/cues/speech_verbs.tsv: the phrases as written (« selon », field
// speech) and the verbs by their infinitive (field verb), whose forms
// (lexicon/speech_forms.h) become phrases of field speech, value "verb":
// the speaker stands on either side of the verb.
Status LoadSpeechVerbs(const Files& files, const PhraseCutter& cutter, CueSet* out) {
  const std::vector<std::string_view> sides(std::begin(kSpeechSides), std::end(kSpeechSides));
  const auto check = [&](const DataRow& r) {
    if (r[0] == "verb") return CheckSpeechVerb(r[3], r[1]);
    return CheckCell(r[1], {"value", CellType::kEnum, true, sides});
  };
  std::vector<DataRow> rows;
  Status s = files.Read(
      "data/cues/speech_verbs.tsv",
      {{{"field", CellType::kEnum, true, kSpeechFields}, {"value"}, {"weight", CellType::kInteger}, {"phrase"}}, 0, check},
      &rows);
  if (!s.ok()) return s;
  std::vector<std::string> forms;  // the generated phrases, which the rows below view
  for (const DataRow& r : rows) {
    if (r[0] != "verb") continue;
    for (std::string& f : SpeechVerbForms(r[3], r[1])) forms.push_back(std::move(f));
  }
  std::vector<DataRow> cues;
  for (const DataRow& r : rows) {
    if (r[0] != "verb") cues.push_back(r);
  }
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  for (const std::string& f : forms) cues.push_back({0, {"speech", "verb", "1", f}});
  *out = CueSet(cues, cutter);
  return s;
}

Status LoadRecourseCues(const Files& files, const Vocabularies& v, const PhraseCutter& cutter, CueSet* out) {
  const std::vector<CueField> fields = {
      {"kind", Views(v.recourse_kinds)},
      {"status", Views(v.statuses)},
      {"outcome", Views(v.outcomes)},
      {"ground", Views(v.ground_categories)},
      {"ground_unreferenced", Views(v.ground_categories)},
      {"basis", Views(v.ground_categories)},
      // Fields the rules read as grammar, not output: the value says which rule.
      {"seize", {"court"}},
      {"annul", {"act"}},
      {"published", {"date"}},
      {"claim", {"against", "by", "verb", "target"}},
      {"sanction", {"target"}},
      {"subsidiary", {"-"}},
      {"act", {"arrêté", "décision", "délibération", "décret", "ordonnance", "loi", "circulaire"}},
      {"office", {"head"}},
      {"party", Views(v.org_subtypes)},
      {"other_stage", {"court"}},
      {"penalty", {"after", "before"}},
      {"other_action", {"past", "next"}},
      {"word", {"det", "of", "by_which", "filler", "name_after", "party_end"}},
  };
  return LoadCues(files, "data/cues/recourse.tsv", fields, cutter, out);
}

// data/cues/structure.tsv: what tells a text's genre and reads a decision
// (structure/structure.h).
Status LoadStructureCues(const Files& files, const Vocabularies& v, const PhraseCutter& cutter,
                         CueSet* out) {
  const std::vector<std::string_view> none = {"-"};
  const std::vector<CueField> fields = {
      {"genre", Views(v.genres)},
      {"zone", Views(v.zones)},
      {"outcome", Views(v.outcomes)},
      {"procedure", Views(v.recourse_kinds)},
      {"decision_type", {"arrêt", "décision", "délibération", "ordonnance", "jugement", "avis"}},
      // Grammar, not output: the value is "-".
      {"body", none},
      {"decision_date", none},
      {"signed_at", none},
      {"formation", none},
      {"registry", none},
      {"ruling_verb", none},
      {"court_word", none},
      {"judge_role", none},
      {"ruling_passive", none},
      // A court's name or a key prefix: any value.
      {"footer_digits", {}},
  };
  return LoadCues(files, "data/cues/structure.tsv", fields, cutter, out);
}

// data/cues/parties.tsv: the roles of a decision's parties
// (summarise/decision_parties.h). Grammar, not output: the value is "-",
// but for role_line, which side the role names.
Status LoadPartyCues(const Files& files, const PhraseCutter& cutter, CueSet* out) {
  const std::vector<std::string_view> none = {"-"};
  const std::vector<CueField> fields = {
      {"claim_verb", none},     {"past_claim", none},  {"claim_by", none},    {"opposing", none},    {"respondent_end", none},
      {"filed", none},          {"defence", none},     {"defence_verb", none}, {"appeal_by", none}, {"communicated", none}, {"notified", none},
      {"role_line", {"claimant", "respondent"}},      {"seized_by", none},   {"seized_more", none}, {"posed_for", none},
      {"party_word", none},     {"skip", none},        {"office", none},      {"tail", none},
      {"and", none},
  };
  return LoadCues(files, "data/cues/parties.tsv", fields, cutter, out);
}

// data/cues/acts.tsv: the act a decision decides on and its earlier stages
// (summarise/decision_acts.h).
Status LoadActCues(const Files& files, const Vocabularies& v, const PhraseCutter& cutter, CueSet* out) {
  const std::vector<std::string_view> none = {"-"};
  const std::vector<CueField> fields = {
      // An act's type as the output writes it: any value.
      {"act", {}},
      {"implicit", {}},
      {"refused", {}},
      {"named_act", {}},
      {"history_outcome", Views(v.outcomes)},
      {"demand_kind", Views(v.recourse_kinds)},
      // A court's name before a city: any value.
      {"seat_court", {}},
      // Grammar, not output: the value is "-".
      {"challenge", none},
      {"attacked", none},
      {"this", none},
      {"number", none},
      {"history", none},
      {"appeal_court", none},
      {"date_stop", none},
      {"authority", none},
      {"author_stop", none},
  };
  return LoadCues(files, "data/cues/acts.tsv", fields, cutter, out);
}

// data/cues/counsel.tsv: law firms and counsel (recognise/law_firms.h,
// summarise/counsel.h). Grammar only: every value is "-".
Status LoadCounselCues(const Files& files, const PhraseCutter& cutter, CueSet* out) {
  const std::vector<std::string_view> none = {"-"};
  const std::vector<CueField> fields = {
      {"firm_form", none}, {"counsel_role", none}, {"judge_role", none},
      {"counsel_title", none}, {"represented_by", none},
  };
  return LoadCues(files, "data/cues/counsel.tsv", fields, cutter, out);
}

// data/cues/institutions.tsv, read after the gazetteer: each institution's
// organisation must be one of its canonical names.
Status LoadInstitutions(const Files& files, const Gazetteer& gazetteer, Institutions* out) {
  std::vector<DataRow> rows;
  Status s = files.Read("data/cues/institutions.tsv",
                        {{{"key"},
                          {"role", CellType::kEnum, true, kInstitutionRoles},
                          {"organisation"},
                          {"names", CellType::kText, false},
                          {"numbers", CellType::kText, false},
                          {"ecli", CellType::kText, false},
                          {"notes", CellType::kText, false}}},
                        &rows);
  if (s.ok()) s = out->Build("data/cues/institutions.tsv", rows, gazetteer);
  return s;
}

Status LoadLegal(const Files& files, const PhraseCutter& cutter, const Institutions& institutions,
                 const std::function<uint32_t(const std::string&)>& id_of, std::shared_ptr<const LegalTables>* out) {
  std::string_view instruments, case_names;
  std::vector<DataRow> rows;
  Status s = files.Read("data/cues/instruments.tsv",
                        {{{"key"},
                          {"kind", CellType::kEnum, false, kInstrumentKinds},
                          {"names"},
                          {"ids", CellType::kText, false},
                          {"url", CellType::kText, false},
                          {"notes", CellType::kText, false}}},
                        &rows);
  if (s.ok()) {
    s = files.Read("data/cues/case_names.tsv",
                   {{{"key"}, {"names"}, {"url", CellType::kText, false}, {"notes", CellType::kText, false}}}, &rows);
  }
  if (s.ok()) s = files.Get("data/cues/instruments.tsv", &instruments);
  if (s.ok()) s = files.Get("data/cues/case_names.tsv", &case_names);
  if (s.ok()) *out = CompileLegalTables(instruments, case_names, institutions, cutter, id_of);
  return s;
}

Status ReadUserGazetteer(const std::string& path, std::string* bytes) {
  // Bounded, so that --gazetteer /dev/zero ends; "-" is a file named "-".
  Status s = DiskReader().Read(path == "-" ? "./-" : path, kMostGazetteerBytes, bytes);
  if (s.code() == "too_large") {
    return Status::Error(ExitCode::kConfig, "bad_gazetteer",
                         path + ": larger than " + std::to_string(kMostGazetteerBytes) +
                             " bytes (64 MiB), the most a gazetteer may hold");
  }
  if (s.code() == "interrupted") return s;
  if (!s.ok()) return Status::Error(ExitCode::kConfig, "bad_gazetteer", "cannot be read: " + s.message());
  return s;
}

Status LoadGazetteer(const Files& files, const std::vector<std::string>& user_files,
                     const PhraseCutter& cutter, const StringSet& articles, Gazetteer* out) {
  for (const EmbeddedFile& f : files.all()) {
    if (!f.path.starts_with("data/gazetteers/")) continue;
    if (f.path.ends_with(".tsv")) {
      if (Status s = out->AddTsv(f.path, f.bytes); !s.ok()) return s;
    } else if (f.path.ends_with("given_names.txt")) {
      std::vector<DataRow> rows;
      if (Status s = ReadTable(f.path, f.bytes, {{{"given name"}}}, &rows); !s.ok()) return s;
      out->AddGivenNames(rows);
    }
  }
  for (const std::string& path : user_files) {
    std::string bytes;
    Status s = ReadUserGazetteer(path, &bytes);
    if (s.ok()) s = out->AddTsv(path, bytes);
    if (!s.ok()) return s;
  }
  out->Compile(cutter, articles);
  return Status::Ok();
}

}  // namespace

// Empty but usable before LoadLexicon: a Resources that was never loaded
// analyses with no word lists rather than crash.
Lexicon::Lexicon() : legal_(CompileLegalTables({}, {}, institutions_, abbreviations_, {})) {}
Lexicon::~Lexicon() = default;

int Lexicon::MonthNumber(std::string_view folded_word) const {
  const auto it = dates_.months.find(folded_word);
  return it == dates_.months.end() ? 0 : it->second;
}

Status LoadLexicon(std::span<const EmbeddedFile> embedded, const std::vector<std::string>& user_gazetteers,
                   Lexicon* out, const LoadOptions& options) {
  // The snapshot was made by this very load of these files (CMakeLists.txt,
  // lexfr_compile_lexicon): the same files, by address, and the same options.
  const std::span<const EmbeddedFile> built_files = EmbeddedFiles();
  if (!options.snapshot.empty() && embedded.data() == built_files.data() && embedded.size() == built_files.size() &&
      user_gazetteers.empty() && options.compiled == &BuiltPhrases() && !options.on_cut) {
    // kConfig: refused by its header, `out` untouched (lexicon/snapshot.h);
    // checked once, as the checksum reads the whole snapshot.
    const Status s = ReadLexiconSnapshot(options.snapshot, EmbeddedFilesDigest(), out);
    if (s.ok() || s.exit_code() != ExitCode::kConfig) return s;
    spdlog::warn("{}; reading the data files instead", s.message());
  }
  const Files files(embedded);
  std::string_view schema;
  Vocabularies vocabularies;
  Status s = files.Get("data/schema/lexfr.schema.json", &schema);
  if (s.ok()) s = ReadVocabularies(schema, &vocabularies);
  // Abbreviations first: every phrase below is segmented as texts are.
  std::vector<DataRow> abbreviations;
  std::string_view abbreviations_tsv;
  if (s.ok()) s = files.Get("data/cues/abbreviations.tsv", &abbreviations_tsv);
  if (s.ok()) {
    s = files.Read("data/cues/abbreviations.tsv", {{{"abbreviation"}, {"meaning", CellType::kText, false}}, 1},
                   &abbreviations);
  }
  if (s.ok()) {
    for (const DataRow& r : abbreviations) out->abbreviations_.emplace(r[0]);
  }
  // The phrases cut at build time, when these are the abbreviations they
  // were cut with; any other phrase is cut now.
  const PhraseCutter cutter(out->abbreviations_, abbreviations_tsv, options.compiled, options.on_cut);
  if (s.ok()) s = LoadDates(files, cutter, &out->dates_);
  if (s.ok()) s = LoadMoney(files, &out->money_);
  if (s.ok()) s = LoadNames(files, vocabularies, cutter, &out->names_);
  if (s.ok()) {
    std::vector<DataRow> rows;
    s = files.Read("data/cues/reference_words.tsv", {{{"word"}, {"class", CellType::kEnum, true, kReferenceClasses}}},
                   &rows);
    if (s.ok()) BuildReferenceWords(rows, &out->references_);
  }
  if (s.ok()) {
    BuildVocabulary(out->dates_, out->money_, out->names_, out->references_, &out->vocabulary_, &out->words_);
  }
  // The gazetteer before the institutions, which name its organisations.
  if (s.ok()) s = LoadGazetteer(files, user_gazetteers, cutter, out->names_.determiners, &out->gazetteer_);
  if (s.ok()) s = LoadInstitutions(files, out->gazetteer_, &out->institutions_);
  // The words of the tries walked by the tokens' ids (lexicon/phrase_matcher.h
  // IndexByIds) join the vocabulary.
  const auto id_of = [&](const std::string& word) { return AddWord(word, &out->vocabulary_, &out->words_); };
  if (s.ok()) s = LoadLegal(files, cutter, out->institutions_, id_of, &out->legal_);
  if (s.ok()) {
    const auto info = [&](const std::string& word) -> WordInfo& { return out->words_[id_of(word)]; };
    for (const std::string& word : ReferenceStartWords(*out->legal_)) info(word).reference_start = true;
    for (const std::string& word : AuthorityStartWords(*out->legal_)) info(word).authority_start = true;
    for (const std::string& word : out->gazetteer_.given_names()) info(word).given_name = true;
    for (WordInfo& w : out->words_) {
      w.opens_name = w.org_cue || w.org_head_folded || w.company_form_start || w.title_folded || w.given_name ||
                     w.place_body_start;
    }
    SetDateWordCues(out->dates_, out->vocabulary_, &out->words_);
  }
  if (s.ok()) s = LoadRecourseCues(files, vocabularies, cutter, &out->recourse_cues_);
  if (s.ok()) s = LoadStructureCues(files, vocabularies, cutter, &out->structure_cues_);
  if (s.ok()) s = LoadPartyCues(files, cutter, &out->party_cues_);
  if (s.ok()) s = LoadActCues(files, vocabularies, cutter, &out->act_cues_);
  if (s.ok()) s = LoadCounselCues(files, cutter, &out->counsel_cues_);
  if (s.ok()) s = LoadSpeechVerbs(files, cutter, &out->speech_verbs_);
  const std::array<const CueSet*, kCueFileCount> cue_sets = {&out->recourse_cues_, &out->speech_verbs_,
                                                             &out->structure_cues_, &out->party_cues_,
                                                             &out->act_cues_,       &out->counsel_cues_};
  if (s.ok()) s = CheckCueWords(cue_sets);
  if (s.ok()) {
    out->cue_index_ = CueIndex(cue_sets, id_of);
    static const CueSet kNoCues;
    out->counsel_index_ = CueIndex({&kNoCues, &kNoCues, &kNoCues, &kNoCues, &kNoCues, &out->counsel_cues_}, id_of);
    // The tries walked at every token, walked by the tokens' ids
    // (lexicon/phrase_matcher.h NextById): their words join the vocabulary.
    out->gazetteer_.IndexByIds(id_of);
    out->dates_.phrases.IndexByIds(id_of);
    out->names_.place_bodies.IndexByIds(id_of);
  }
  // Once every word has its id: a word added later would be read past the end.
  out->scan_bits_.resize(out->words_.size());
  for (size_t id = 0; id < out->words_.size(); ++id) out->scan_bits_[id] = ScanBitsOf(out->words_[id]);
  return s;
}

}  // namespace lexfr
