#include <catch2/catch.hpp>

#include "test_support.h"

#include "recognise/dates.h"

namespace lexfr {
namespace {

// One found date: its value, precision and the text of its mention.
struct Found {
  std::string value, precision, mention;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "{" << f.value << ", " << f.precision << ", \"" << f.mention << "\"}";
}

std::vector<Found> Dates(std::string_view text, std::optional<std::string> ref = std::nullopt) {
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  DateOptions options;
  if (ref) options.ref_date = ParseCalendarDate(*ref);
  std::vector<Found> out;
  for (const Candidate& c : FindDates(TokenView(text, seg, SharedLexicon().vocabulary()), SharedLexicon(), options)) {
    if (c.type == EntityType::kDuration) continue;  // read by the tests of durations below
    CHECK(c.type == EntityType::kDate);
    CHECK(c.canonical == c.fields.value());
    const uint32_t b = seg.tokens[c.first_token].byte_start, e = seg.tokens[c.end_token - 1].byte_end;
    out.push_back({c.fields.value(), c.fields.precision(), std::string(text.substr(b, e - b))});
  }
  return out;
}

std::vector<std::string> Values(std::string_view text, std::optional<std::string> ref = std::nullopt) {
  std::vector<std::string> out;
  for (const Found& f : Dates(text, std::move(ref))) out.push_back(f.value);
  return out;
}

using F = std::vector<Found>;
using V = std::vector<std::string>;

}  // namespace

TEST_CASE("day month year, with ordinals, weekdays and abbreviations", "[dates]") {
  CHECK(Dates("La CNIL a statué le 21 décembre 2023.") == F{{"2023-12-21", "day", "21 décembre 2023"}});
  CHECK(Dates("Depuis le 1er mars 2021, rien.") == F{{"2021-03-01", "day", "1er mars 2021"}});
  CHECK(Dates("Audience du lundi 4 mars 2024.") == F{{"2024-03-04", "day", "lundi 4 mars 2024"}});
  CHECK(Dates("Le 4 déc. 2023 et le 2 févr. 2024") ==
        F{{"2023-12-04", "day", "4 déc. 2023"}, {"2024-02-02", "day", "2 févr. 2024"}});
  CHECK(Values("le 3 janv. 2022, le 9 sept. 2020, le 7 AOÛT 2019") == V{"2022-01-03", "2020-09-09", "2019-08-07"});
  CHECK(Values("le 5 jan. 2022") == V{"2022-01-05"});
}

TEST_CASE("numeric dates", "[dates]") {
  CHECK(Dates("le 13/10/2020") == F{{"2020-10-13", "day", "13/10/2020"}});
  CHECK(Dates("le 13.10.2020") == F{{"2020-10-13", "day", "13.10.2020"}});
  CHECK(Dates("le 2020-10-13") == F{{"2020-10-13", "day", "2020-10-13"}});
  CHECK(Values("le 01/02/2003.") == V{"2003-02-01"});
  CHECK(Values("le 31/02/2020 ou le 13/13/2020").empty());
}

TEST_CASE("month and year", "[dates]") {
  CHECK(Dates("En décembre 2023, la CNIL") == F{{"2023-12", "month", "décembre 2023"}});
  CHECK(Dates("en mai 2023") == F{{"2023-05", "month", "mai 2023"}});
  CHECK(Values("de janvier à mars 2020") == V{"2020-01", "2020-03"});
  CHECK(Values("au mois de juin").empty());
}

TEST_CASE("bare years need a cue", "[dates]") {
  CHECK(Dates("une association créée en 1992") == F{{"1992", "year", "1992"}});
  CHECK(Values("depuis 2015, fin 2021, début 2020, dès 2018, courant 2019") ==
        V{"2015", "2021", "2020", "2018", "2019"});
  CHECK(Values("l’année 2020, mi-2020, avant 2010, après 2012, d’ici 2030") ==
        V{"2020", "2020", "2010", "2012", "2030"});
  CHECK(Dates("Schrems (1996) ") == F{{"1996", "year", "1996"}});
  CHECK(Values("de 2019 à 2021") == V{"2019", "2021"});
  CHECK(Values("entre 2019 et 2021") == V{"2019", "2021"});
  CHECK(Values("en 2019, 2020 et 2021") == V{"2019", "2020", "2021"});
  CHECK(Values("sur la période 2019-2021") == V{"2019", "2021"});
  CHECK(Values("au premier trimestre 2021, à partir de 2022") == V{"2021", "2022"});
  CHECK(Values("dès 2018 et des 2000 euros").size() == 1);
}

TEST_CASE("numbers that are something else are never dates", "[dates]") {
  for (const char* text : {
           "présente dans 100 pays",
           "le décret n° 2019-536",
           "le règlement (UE) 2016/679 et la directive 95/46/CE",
           "l’article 2019 du code",
           "les articles 6, 9 et 48",
           "l’article L. 1111-8 du CSP",
           "une amende de 2 000 euros, en 2020 euros",
           "l’affaire C-311/18",
           "la requête n° 444937",
           "la délibération SAN-2022-019 et la délibération n° 2023-146",
           "la décision n° 2020-116C",
           "ECLI:FR:CEORD:2020:444937.20201013",
           "appelez le 01 23 45 67 89 à 14h30",
           "le 31 février 2020",
           "en 2000 exemplaires",
           "en 1500 pages",
           "les 18-24 ans",
           "un délai de 3 mois",
           "Executive Order 12 333",
       }) {
    INFO(text);
    CHECK(Values(text).empty());
  }
}

TEST_CASE("lists and ranges give every listed day", "[dates]") {
  CHECK(Values("les 21 et 22 mars 2022") == V{"2022-03-21", "2022-03-22"});
  CHECK(Dates("enregistrés les 5, 15, 18 et 19 mars 2024") == F{{"2024-03-05", "day", "5"},
                                                                {"2024-03-15", "day", "15"},
                                                                {"2024-03-18", "day", "18"},
                                                                {"2024-03-19", "day", "19 mars 2024"}});
  CHECK(Values("du 1er au 3 mars 2021") == V{"2021-03-01", "2021-03-03"});
  CHECK(Values("du 1er mars au 3 avril 2021") == V{"2021-03-01", "2021-04-03"});
  CHECK(Values("entre le 1er mars et le 3 avril 2021") == V{"2021-03-01", "2021-04-03"});
}

TEST_CASE("a day and month without year take the year of the last full date", "[dates]") {
  CHECK(Values("Le 2 juin 2022, puis le 15 mars.") == V{"2022-06-02", "2022-03-15"});
  CHECK(Values("Le 15 mars, rien.", "2024-05-01") == V{"2024-03-15"});
  CHECK(Values("Le 11 juillet, un sondage.").empty());  // no year anywhere: left out
  // A month and year is no full date: its year does not pass on.
  CHECK(Values("Le 15 juin 2023, en novembre 2018, puis le 4 janvier") == V{"2023-06-15", "2018-11", "2023-01-04"});
}

TEST_CASE("relative dates resolve against the reference date", "[dates]") {
  const std::string ref = "2022-12-22";  // a Thursday
  CHECK(Dates("hier", ref) == F{{"2022-12-21", "day", "hier"}});
  CHECK(Values("aujourd'hui, aujourd’hui, avant-hier, demain, après-demain", ref) ==
        V{"2022-12-22", "2022-12-22", "2022-12-20", "2022-12-23", "2022-12-24"});
  CHECK(Values("lundi dernier", ref) == V{"2022-12-19"});
  CHECK(Values("jeudi dernier", ref) == V{"2022-12-15"});
  CHECK(Values("vendredi prochain", ref) == V{"2022-12-23"});
  CHECK(Dates("le mois dernier", ref) == F{{"2022-11", "month", "mois dernier"}});
  CHECK(Dates("le mois prochain", ref) == F{{"2023-01", "month", "mois prochain"}});
  CHECK(Dates("l'an dernier", ref) == F{{"2021", "year", "an dernier"}});
  CHECK(Dates("l’année dernière", ref) == F{{"2021", "year", "année dernière"}});
  CHECK(Dates("il y a deux ans", ref) == F{{"2020", "year", "il y a deux ans"}});
  CHECK(Dates("le 19 décembre dernier", ref) == F{{"2022-12-19", "day", "19 décembre dernier"}});
  CHECK(Values("le 23 décembre dernier", ref) == V{"2021-12-23"});
  CHECK(Values("en décembre dernier", ref) == V{"2021-12"});
  CHECK(Values("en mars prochain", ref) == V{"2023-03"});
  CHECK(Dates("Le 15, elle a signé.", ref) == F{{"2022-12-15", "day", "15"}});
  CHECK(Values("la semaine dernière", ref).empty());
}

TEST_CASE("relative dates are left out without a reference", "[dates]") {
  CHECK(Values("hier, lundi dernier, le mois dernier, l'an dernier, il y a deux ans, le 19 décembre dernier. Le 15.")
            .empty());
}

TEST_CASE("the document's own date is the reference when none is given", "[dates]") {
  CHECK(Values("Publié le 8 avril 2024. Hier, la CNIL a publié.") == V{"2024-04-08", "2024-04-07"});
  CHECK(Values("Hier, la CNIL a publié.\nMis à jour le 9 avril 2024") == V{"2024-04-08", "2024-04-09"});
  CHECK(Values("Paris, le 3 mars 2024\nLundi dernier, l’association a saisi le juge.") ==
        V{"2024-03-03", "2024-02-26"});
  CHECK(Values("Lecture du mardi 13 octobre 2020\nLe 15, rien.") == V{"2020-10-13", "2020-10-15"});
  CHECK(Values("Vu.\nFait à Paris, le 13 octobre 2020\nHier.") == V{"2020-10-13", "2020-10-12"});
  CHECK(Values("Titre\n\n14 octobre 2020\n\nL’an dernier, la CNIL") == V{"2020-10-14", "2019"});
  // A date in the body is not the document's own.
  CHECK(Values("La CNIL a été saisie le 21 février 2020. Hier, elle a statué.") == V{"2020-02-21"});
  // The given reference wins over the document's.
  CHECK(Values("Publié le 8 avril 2024. Hier.", "2025-01-02") == V{"2024-04-08", "2025-01-01"});
}

}  // namespace lexfr

namespace lexfr {
namespace {

// The candidates of one type, for the fields the case tables cannot see.
std::vector<Candidate> OfType(std::string_view text, EntityType type, std::optional<std::string> ref = std::nullopt,
                              size_t* unresolved = nullptr) {
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  DateOptions options;
  if (ref) options.ref_date = ParseCalendarDate(*ref);
  std::vector<Candidate> out;
  for (Candidate& c : FindDates(TokenView(text, seg, SharedLexicon().vocabulary()), SharedLexicon(), options,
                                unresolved)) {
    if (c.type == type) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

TEST_CASE("a délai says what it runs from", "[dates]") {
  const auto d = OfType("Le recours est ouvert dans un délai de deux mois à compter de la notification.",
                        EntityType::kDuration);
  REQUIRE(d.size() == 1);
  CHECK(d[0].fields.value() == "P2M");
  CHECK(d[0].fields.from() == "la notification");
  const auto plain = OfType("La garde à vue a duré 48 heures.", EntityType::kDuration);
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].fields.value() == "PT48H");
  CHECK(plain[0].fields.from().empty());
}

TEST_CASE("a period is kept on the dates that bound or name it", "[dates]") {
  const auto range = OfType("Du 1er au 15 mars 2024, la consultation est ouverte.", EntityType::kDate);
  REQUIRE(range.size() == 2);
  CHECK(range[0].fields.period() == "2024-03-01/2024-03-15");
  CHECK(range[1].fields.period() == "2024-03-01/2024-03-15");
  const auto quarter = OfType("Au premier trimestre 2024, le chiffre a crû.", EntityType::kDate);
  REQUIRE(quarter.size() == 1);
  CHECK(quarter[0].fields.period() == "2024-01-01/2024-03-31");
  const auto summer = OfType("Au cours de l'été 2020, rien.", EntityType::kDate);
  REQUIRE(summer.size() == 1);
  CHECK(summer[0].fields.period() == "2020-06-21/2020-09-21");
  const auto winter = OfType("L'hiver 2022 a été doux.", EntityType::kDate);
  REQUIRE(winter.size() == 1);
  CHECK(winter[0].fields.period() == "2022-12-21/2023-03-19");
}

TEST_CASE("a relative date says what it was resolved against", "[dates]") {
  const auto hier = OfType("Hier, la CNIL a publié.", EntityType::kDate, "2024-03-15");
  REQUIRE(hier.size() == 1);
  CHECK(hier[0].fields.anchor == EntityFields::Anchor::kReference);
  CHECK(hier[0].fields.resolved_against == "2024-03-15");
  const auto next = OfType("Le 3 mars 2021, dépôt ; le lendemain, enregistrement.", EntityType::kDate, "2024-03-15");
  REQUIRE(next.size() == 2);
  CHECK(next[1].fields.value() == "2021-03-04");
  CHECK(next[1].fields.anchor == EntityFields::Anchor::kText);
  CHECK(next[1].fields.resolved_against == "2021-03-03");
  const auto written = OfType("Le 3 mars 2021, dépôt.", EntityType::kDate);
  REQUIRE(written.size() == 1);
  CHECK(written[0].fields.anchor == EntityFields::Anchor::kNone);
}

TEST_CASE("relative dates with nothing to resolve them are counted", "[dates]") {
  size_t unresolved = 0;
  CHECK(OfType("Hier et avant-hier, la CNIL a siégé.", EntityType::kDate, std::nullopt, &unresolved).empty());
  CHECK(unresolved == 2);
  OfType("Hier, la CNIL a siégé.", EntityType::kDate, "2024-03-15", &unresolved);
  CHECK(unresolved == 0);
}

}  // namespace lexfr

// The scan tries its rules only where a date may start (a number, a day,
// month or weekday, a phrase of date_words.tsv, a day or year just after):
// it must find exactly what trying every rule at every token finds.
namespace lexfr {
namespace {

std::string AllDates(const std::string& text, bool every_token) {
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  DateOptions options;
  options.ref_date = ParseCalendarDate("2024-03-15");  // relative dates resolve too
  options.try_every_token = every_token;
  size_t unresolved = 0;
  std::string out;
  for (const Candidate& c :
       FindDates(TokenView(text, seg, SharedLexicon().vocabulary()), SharedLexicon(), options, &unresolved)) {
    out += std::to_string(c.first_token) + "-" + std::to_string(c.end_token) + " " + c.canonical + "\n";
  }
  return out + "unresolved " + std::to_string(unresolved);
}

}  // namespace

TEST_CASE("dates: the first-token filter finds what every token finds", "[dates]") {
  const char* probes[] = {
      "Le 21 décembre 2023, puis le 3 et le 5 mars 2024.",  // day first, lists
      "Lundi 4 mars, et mardi dernier.",                     // weekday first, relative
      "En juin 2019, dès 2020 et mi-2021 (2022).",           // month, cued years
      "Le 12/03/2021 et le 13.10.2020 ; 11 11 2018.",        // numeric
      "Il y a deux ans, dans trois mois, pendant 15 jours.", // offsets and durations
      "À Noël, au printemps 2020, le premier avril.",        // holidays, seasons, day words
  };
  for (const char* probe : probes) {
    INFO(probe);
    const std::string gated = AllDates(probe, false);
    CHECK(gated.find('-') != std::string::npos);  // some date found
    CHECK(gated == AllDates(probe, true));
  }
  const std::vector<std::string> texts = CorpusAndCaseTexts();
  REQUIRE(texts.size() > 100);
  for (const std::string& text : texts) {
    INFO(text.substr(0, 200));
    CHECK(AllDates(text, false) == AllDates(text, true));
  }
}

}  // namespace lexfr
