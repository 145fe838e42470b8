// The phrases of the data files are cut at build time (lexicon/phrase_cut.h):
// the lexicon they make must be the one cutting them at run time makes, and
// a stale or altered compiled table must show.
#include "lexicon/phrase_cut.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "lexicon/analysed_json.h"
#include "lexicon/lexicon_dump.h"
#include "test_support.h"

namespace lexfr {
namespace {

// Loads `files` into `out` with `compiled` (null: cut every phrase now) and
// returns how many phrases were cut now.
size_t Load(std::span<const EmbeddedFile> files, const CompiledPhrases* compiled, Lexicon* out,
            PhraseTable* record = nullptr) {
  size_t cut_now = 0;
  LoadOptions options;
  options.compiled = compiled;
  options.on_cut = [&](std::string_view phrase, std::span<const PhraseToken> tokens) {
    ++cut_now;
    if (record != nullptr) record->Add(phrase, tokens);
  };
  REQUIRE(LoadLexicon(files, {}, out, options).ok());
  return cut_now;
}

// Passages that walk every table the cuts feed: gazetteer names with
// apostrophes and hyphens, instruments, courts, cue phrases, dates, money.
constexpr const char* kProbes[] = {
    "Par une décision du 12 mars 2024, le Conseil d'État a annulé l'arrêté du préfet de police. "
    "La requérante, l'association Droit au logement, invoquait l'article 8 de la Convention européenne "
    "des droits de l'homme et le règlement (UE) 2016/679.",
    "La Commission nationale de l'informatique et des libertés (CNIL) a prononcé une amende de 1,5 million "
    "d'euros contre la société Orange SA, a-t-elle annoncé lundi dernier à Paris. « Nous ferons appel », "
    "a déclaré son avocat, Me Dupont.",
    "CONSEIL CONSTITUTIONNEL\nDécision n° 2020-800 DC du 11 mai 2020\nLe Conseil constitutionnel a été saisi "
    "par M. le Premier ministre. Vu le code de la santé publique ; Vu la loi n° 78-17 du 6 janvier 1978 ; "
    "DÉCIDE : Article 1er. - La loi est conforme à la Constitution.",
    "Le tribunal administratif de Lille, par un jugement n° 2101234 du 3 juin 2021, a rejeté la demande "
    "de la commune de Roubaix tendant à l'annulation de la délibération de la CNIL.",
};

}  // namespace

TEST_CASE("the phrases cut at build time make the lexicon cutting them at run time makes", "[lexicon][phrase_cut]") {
  Resources built, run_time;
  // Every phrase the load cuts is in the compiled table: none is cut now.
  CHECK(Load(EmbeddedFiles(), &BuiltPhrases(), &built.lexicon) == 0);
  CHECK(Load(EmbeddedFiles(), nullptr, &run_time.lexicon) > 1000);
  const std::string dump = DumpLexicon(built.lexicon);
  CHECK(dump.size() > 100000);
  CHECK(dump == DumpLexicon(run_time.lexicon));
  for (const char* probe : kProbes) {
    INFO(probe);
    CHECK(AnalysedJson(probe, built) == AnalysedJson(probe, run_time));
  }
}

TEST_CASE("every compiled phrase is cut as the segmenter cuts it now", "[lexicon][phrase_cut]") {
  const CompiledPhrases& built = BuiltPhrases();
  REQUIRE(built.abbreviations_tsv == EmbeddedFileOrEmpty("data/cues/abbreviations.tsv"));
  REQUIRE(built.phrases.size() > 1000);
  const PhraseCutter cutter(SharedLexicon().abbreviations());  // no table: Segment() each time
  size_t differ = 0;
  for (const CompiledPhrase& p : built.phrases) {
    const std::string_view phrase = built.text.substr(p.text_begin, p.text_size);
    std::span<const CompiledCut> cuts;
    REQUIRE(built.Find(phrase, &cuts));
    const std::vector<PhraseToken> now = cutter.Cut(phrase);
    bool same = now.size() == cuts.size();
    for (size_t i = 0; same && i < now.size(); ++i) {
      same = now[i].text.data() - phrase.data() == cuts[i].begin && now[i].text.size() == cuts[i].end - cuts[i].begin &&
             now[i].space_before == cuts[i].space_before;
    }
    if (!same) {
      UNSCOPED_INFO("cut otherwise now: " << phrase);
      ++differ;
    }
  }
  CHECK(differ == 0);
}

TEST_CASE("an altered compiled table changes the lexicon, and the dump shows it", "[lexicon][phrase_cut]") {
  PhraseTable table(std::string(EmbeddedFileOrEmpty("data/cues/abbreviations.tsv")));
  Lexicon recorded;
  Load(EmbeddedFiles(), nullptr, &recorded, &table);
  const std::string expected = DumpLexicon(recorded);
  {
    // The recorded table, used in place, cuts nothing now and loads the same.
    Lexicon again;
    const CompiledPhrases phrases = table.phrases();
    CHECK(Load(EmbeddedFiles(), &phrases, &again) == 0);
    CHECK(DumpLexicon(again) == expected);
  }
  // A stale cut: « l' » « arrêté » read as one token.
  std::vector<CompiledCut>& cuts = table.cuts();
  const auto two = std::adjacent_find(cuts.begin(), cuts.end(), [](const CompiledCut& a, const CompiledCut& b) {
    return a.end == b.begin && b.begin > 0;
  });
  REQUIRE(two != cuts.end());
  two->end = (two + 1)->end;
  Lexicon altered;
  const CompiledPhrases phrases = table.phrases();
  Load(EmbeddedFiles(), &phrases, &altered);
  CHECK(DumpLexicon(altered) != expected);
}

TEST_CASE("a table cut with other abbreviations is not used", "[lexicon][phrase_cut]") {
  // data/cues/abbreviations.tsv edited: every phrase is cut now, as with no table.
  std::vector<EmbeddedFile> files(EmbeddedFiles().begin(), EmbeddedFiles().end());
  std::string edited;
  for (EmbeddedFile& f : files) {
    if (f.path != "data/cues/abbreviations.tsv") continue;
    edited = std::string(f.bytes) + "Xyz\n";
    f.bytes = edited;
  }
  REQUIRE(!edited.empty());
  Lexicon with_table, without;
  const size_t cut_now = Load(files, &BuiltPhrases(), &with_table);
  CHECK(cut_now == Load(files, nullptr, &without));
  CHECK(cut_now > 1000);
  CHECK(DumpLexicon(with_table) == DumpLexicon(without));
}

}  // namespace lexfr
