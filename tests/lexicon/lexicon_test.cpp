// The Lexicon reads every data file once and refuses a malformed row with
// "file:line: what is wrong" and exit code 78 (kConfig).
#include "lexicon/lexicon.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.h"

namespace lexfr {
namespace {

// Loads the embedded files with `row` appended to the file at `path`, and
// returns the status; *line is the line number the row got.
Status LoadWithRow(std::string_view path, const std::string& row, size_t* line) {
  std::vector<EmbeddedFile> files(EmbeddedFiles().begin(), EmbeddedFiles().end());
  std::string edited;
  for (EmbeddedFile& f : files) {
    if (f.path != path) continue;
    edited = std::string(f.bytes);
    if (!edited.empty() && edited.back() != '\n') edited += '\n';
    *line = static_cast<size_t>(std::count(edited.begin(), edited.end(), '\n')) + 1;
    edited += row + "\n";
    f.bytes = edited;
  }
  REQUIRE(!edited.empty());
  Lexicon lexicon;
  return LoadLexicon(files, {}, &lexicon);
}

// The message of loading with a bad row, which must be a kConfig error that
// starts with the file and line of the row.
std::string Refusal(std::string_view path, const std::string& row) {
  size_t line = 0;
  const Status s = LoadWithRow(path, row, &line);
  INFO(path << " + " << row << " -> " << s.ToString());
  REQUIRE_FALSE(s.ok());
  CHECK(s.exit_code() == ExitCode::kConfig);
  const std::string where = std::string(path) + ":" + std::to_string(line) + ": ";
  CHECK(s.message().starts_with(where));
  return s.message();
}

bool Says(const std::string& message, std::string_view what) { return message.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("the embedded data loads and fills every table", "[lexicon]") {
  const Lexicon& lex = SharedLexicon();
  CHECK(lex.abbreviations().contains("Mme"));
  CHECK(lex.MonthNumber("decembre") == 12);
  CHECK(lex.MonthNumber("dec.") == 12);
  CHECK(lex.MonthNumber("lundi") == 0);
  CHECK(lex.dates().weekdays.at("lundi") == 1);
  CHECK(lex.money().currencies.at("euros").iso == "EUR");
  CHECK(lex.money().multipliers.at("millions").power == 6);
  CHECK(lex.names().titles.at("Maître") == "Me");
  CHECK(lex.gazetteer().Find("CNIL") != nullptr);
  CHECK(lex.gazetteer().IsGivenName("Éric"));
  // Words the rules compare against come from the cue files, by id.
  const auto info = [&](std::string_view folded) { return lex.word(lex.vocabulary().Find(folded)); };
  CHECK(info("derniere").relative_past);
  CHECK(info("prochain").relative_next);
  CHECK(info("l'").determiner);
  CHECK(info("reglement").act_word);
  CHECK_FALSE(info("xylophone").act_word);
}

// One malformed row per kind of mistake: the file it is added to, the row,
// and what the message must say after "file:line: ".
struct BadRow {
  std::string_view path;
  std::string row, says;
};

const BadRow kBadRows[] = {
    // A missing tab is an error, not a dropped row.
    {"data/cues/recourse.tsv", "kind\tannulment\t3 recours en annulation",
     "expected 4 tab-separated columns (field, value, weight, phrase), found 3"},
    {"data/cues/months.tsv", "brumaire", "found 1"},
    {"data/cues/person_roles.tsv", "avocat\tgénéral", "expected 1"},
    // A number that is not one is an error, not 1.
    {"data/cues/recourse.tsv", "kind\tannulment\tdeux\tdemande d'annulation",
     "weight must be a whole number, found \"deux\""},
    {"data/cues/speech_verbs.tsv", "speech\tafter\t1.5\tclame", "weight must be a whole number"},
    {"data/cues/months.tsv", "brumaire\t13", "month number must be 1 to 12"},
    {"data/cues/money_words.tsv", "myriade\tmultiplier\t10000x", "value must be a whole number"},
    {"data/cues/money_words.tsv", "douzaine\tmultiplier\t12", "power of ten"},
    {"data/cues/date_words.tsv", "quinze\tnumber", "a number needs a value"},
    // An output value must be one the JSON Schema allows.
    {"data/cues/recourse.tsv", "kind\tannulation\t3\tdemande d'annulation",
     "value \"annulation\" is not one of: annulment, suspension"},
    {"data/cues/recourse.tsv", "kind\tannulation\t3\tdemande d'annulation", "(for field kind)"},
    {"data/cues/recourse.tsv", "outcome\tpartial\t3\tfait partiellement droit", "partly_granted"},
    {"data/cues/recourse.tsv", "ground\tbad_faith\t3\tmauvaise foi", "misuse_of_power"},
    {"data/cues/structure.tsv", "genre\tjudgment\t5\tjugement rendu", "value \"judgment\" is not one of: decision"},
    {"data/cues/structure.tsv", "zone\tmotifs\t1\tmotifs", "(for field zone)"},
    {"data/cues/structure.tsv", "headline\t-\t1\tcommuniqué", "field \"headline\" is not one of"},
    {"data/cues/org_cues.tsv", "coopérative\tcooperative", "subtype \"cooperative\" is not one of"},
    {"data/cues/currencies.tsv", "écu\tecu", "ISO 4217 must be three capital letters"},
    // A value the rules do not know is an error.
    {"data/cues/recourse.tsv", "kindd\tannulment\t3\tdemande d'annulation", "field \"kindd\""},
    {"data/cues/date_words.tsv", "quinzaine\tperiod", "role \"period\" is not one of"},
    {"data/cues/name_words.tsv", "von\tparticule", "class \"particule\""},
    {"data/cues/currencies.tsv", "écu\tXEU\tbefore", "flags \"before\""},
    {"data/cues/instruments.tsv", "LOI:1-1\tlois\tloi un\t\t\t", "kind \"lois\""},
    {"data/cues/company_forms.tsv", "SpA\tbehind", "place \"behind\""},
    {"data/cues/place_bodies.tsv", "mairie\tcity_hall", "subtype \"city_hall\""},
    {"data/cues/institutions.tsv", "ARCOM\tregulator\tArcom\t\t\t\t", "role \"regulator\""},
    // An institution is an organisation of the gazetteer, or a kind of court.
    {"data/cues/institutions.tsv", "ACME\tauthority\tAcme Regulator\t\t\t\t", "not a canonical name"},
    {"data/cues/institutions.tsv", "ACME\tauthority\t-\tAcme\t\t\t", "\"-\" is for a kind of court"},
    {"data/cues/institutions.tsv", "TX\tcourt\t-\t\t\t\t", "needs names"},
    {"data/cues/speech_verbs.tsv", "speech\tbetween\t1\tclame", "value \"between\""},
    {"data/cues/speech_verbs.tsv", "verb\t-\t1\tdire", "-er verb"},
    // A required cell may not be empty, and text must be UTF-8.
    {"data/cues/recourse.tsv", "kind\tannulment\t3\t", "phrase is empty"},
    {"data/cues/instruments.tsv", "LOI:1-1\tloi\t\t\t\t", "names is empty"},
    {"data/cues/abbreviations.tsv", "Mgr\xE9\tMonseigneur", "not valid UTF-8"},
    {"data/gazetteers/organisations.tsv", "ACME\tspaceship\t\t", "unknown subtype"},
    {"data/gazetteers/given_names.txt", "Jean\tPierre", "expected 1"},
};

TEST_CASE("every kind of malformed row is refused with its file:line", "[lexicon]") {
  for (const BadRow& bad : kBadRows) {
    const std::string message = Refusal(bad.path, bad.row);
    INFO(message);
    CHECK(Says(message, bad.says));
  }
}

TEST_CASE("a missing data file is an error", "[lexicon]") {
  std::vector<EmbeddedFile> files;
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path != "data/cues/months.tsv") files.push_back(f);
  }
  Lexicon lexicon;
  const Status s = LoadLexicon(files, {}, &lexicon);
  CHECK(s.exit_code() == ExitCode::kConfig);
  CHECK(s.message() == "data/cues/months.tsv: missing from the data files");
}

TEST_CASE("tables: optional trailing columns, comments and blank lines", "[lexicon]") {
  const TableSpec spec{{{"word"}, {"role"}, {"value", CellType::kInteger, false}}, 2};
  std::vector<DataRow> rows;
  REQUIRE(ReadTable("t.tsv", "# word\trole\n\nun\tnumber\t1\r\ndeux\tnumber\n  trois \t number\t 3 \n", spec, &rows).ok());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].line == 3);
  CHECK(rows[1][2].empty());
  CHECK(rows[2][0] == "trois");
  CHECK(IntegerOf(rows[2][2]) == 3);
  rows.clear();
  const Status s = ReadTable("t.tsv", "un\tnumber\t1\tde trop\n", spec, &rows);
  CHECK(s.message() == "t.tsv:1: expected 2 to 3 tab-separated columns (word, role, value), found 4");
}

}  // namespace lexfr

namespace lexfr {

TEST_CASE("a cue ending with an elided word matches it before the next word", "[lexicon]") {
  // « contre l' » is written with nothing after its apostrophe; in a text the
  // apostrophe stays with « l » (« l’arrêté » -> « l’ » « arrêté »).
  std::vector<DataRow> rows;
  REQUIRE(ReadTable("t.tsv", "annul\tact\t1\tcontre l'\n", {{{"field"}, {"value"}, {"weight"}, {"phrase"}}}, &rows).ok());
  const CueSet cues(rows, SharedLexicon().abbreviations());
  const std::string text = "Il plaide contre l’arrêté.";
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  const std::vector<CueHit> hits = cues.Match(seg);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].first_token == 2);
  CHECK(hits[0].end_token == 4);
}

TEST_CASE("a one-word cue field is a bit of its word's id, never a hit", "[lexicon]") {
  // « à » ends an act's author, opens a party in a list and ends a party
  // named in lower case: three hits a token on « à à à … » before.
  const Lexicon& lex = SharedLexicon();
  const std::string text = "Le recours de l'association des riverains et à la société X par M. Y.";
  const Segmentation seg = Segment(text, lex.abbreviations());
  const TokenView view(text, seg, lex.vocabulary());
  const DocumentCues cues = lex.cues().Match(view);
  const auto token = [&](std::string_view word) {
    for (size_t i = 0; i < view.size(); ++i) {
      if (view.Text(i) == word) return i;
    }
    FAIL("no token " << word);
    return size_t{0};
  };
  CHECK(cues.Is(CueWord::kPartySkip, view.Id(token("à"))));
  CHECK(cues.Is(CueWord::kAuthorStop, view.Id(token("à"))));  // folded, « à » is « a »
  CHECK(cues.Is(CueWord::kPartyEnd, view.Id(token("et"))));
  CHECK(cues.Is(CueWord::kPartySkip, view.Id(token("par"))));
  CHECK_FALSE(cues.Is(CueWord::kPartySkip, view.Id(token("et"))));
  CHECK_FALSE(cues.Is(CueWord::kPartyEnd, view.Id(token("société"))));
  CHECK_FALSE(cues.Is(CueWord::kAuthorStop, 0));  // a word no list holds
  CHECK(cues.ByField(CueFile::kParties).Of("skip").empty());
  CHECK(cues.ByField(CueFile::kActs).Of("author_stop").empty());
  for (const CueHit& h : cues.Of(CueFile::kRecourse)) CHECK(h.cue->value != "party_end");
  // other fields still give hits: « de l' » is `word` / `of`
  CHECK_FALSE(cues.ByField(CueFile::kRecourse).Of("word").empty());
}

TEST_CASE("a phrase of several words in a one-word cue field is refused", "[lexicon]") {
  size_t line = 0;
  const Status s = LoadWithRow("data/cues/parties.tsv", "skip\t-\t1\tà la", &line);
  REQUIRE_FALSE(s.ok());
  CHECK(s.exit_code() == ExitCode::kConfig);
  CHECK(Says(s.message(), "data/cues/parties.tsv: cue field skip takes a single word, not « a la »"));
}

}  // namespace lexfr
