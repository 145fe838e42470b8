// The phrase walks by vocabulary id (PhraseMatcher::Walker: the first-step
// table, NextWalk's screen of the first words that are no phrase alone, the
// one-token walks told without hashing) held to the plain trie walk by
// words from every token, and the cue index's hits to each cue file's
// phrases found by comparing words, on the dev corpus, every case-table
// text and probe passages.
#include "lexicon/phrase_matcher.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "lexicon/cues.h"
#include "lexicon/lexicon.h"
#include "test_support.h"
#include "text/segment.h"
#include "text/token_view.h"

namespace lexfr {
namespace {

// Passages where the walks' shortcuts could go wrong: a first word that is
// no phrase alone before a second word and before none, phrases that
// overlap and nest, a first word as the last token, a line break inside a
// date phrase, elided words, repeated one-word cues.
const char* const kProbes[] = {
    "",
    "de",
    "à",
    "Il a saisi",
    "de la semaine prochaine, de la semaine, de la, de",
    "à compter de la notification, à partir du 1er mars, à partir d'aujourd'hui, à compter",
    "à\ncompter de la notification ; de la\nsemaine prochaine",
    "à à à à à et et et de de du des",
    "La société X a saisi le tribunal administratif de Paris d'une requête tendant à l'annulation de l'arrêté.",
    "Il plaide contre l’arrêté du préfet, contre l' arrêté, contre la décision.",
    "Me Dupont, avocat au barreau de Paris, assisté de Me Martin, avocate associée de la SCP X et Y.",
    "« C'est une victoire », a déclaré l'avocat. Selon lui, d'après elle, pour eux.",
    "Le Conseil d'État rejette la requête. Article 1er : La requête est rejetée.",
    "il y a deux mois, il y a, dans quinze jours, en huit, lundi de Pâques, le lundi 4 mars 2024",
    "de l' de l' de la de la de le",
    "CE CE CE, QPC QPC, référé-liberté référé-suspension",
};

std::vector<std::string> Texts() {
  std::vector<std::string> texts = CorpusAndCaseTexts();
  for (const char* probe : kProbes) texts.emplace_back(probe);
  return texts;
}

using Walked = std::vector<std::tuple<size_t, size_t, uint32_t>>;  // (first token, end token, phrase id)

// Every phrase of `m` found from every token by the walk by words, each walk
// cut before a line break when `lines` (the dates' rule), in walk order.
Walked WalkByWords(const PhraseMatcher& m, const TokenView& view, bool lines) {
  Walked out;
  for (size_t i = 0; i < view.size(); ++i) {
    uint32_t node = PhraseMatcher::kRoot;
    for (size_t k = i; k < view.size(); ++k) {
      if (lines && k > i && view.token(k).newline_before) break;
      node = m.Next(node, view.Folded(k));
      if (node == PhraseMatcher::kNoNode) break;
      for (const uint32_t id : m.PhrasesAt(node)) out.emplace_back(i, k + 1, id);
    }
  }
  return out;
}

// The same, starting only where Walker::NextWalk says, stepping by ids.
Walked WalkByIds(const PhraseMatcher& m, const TokenView& view, bool lines) {
  Walked out;
  const PhraseMatcher::Walker walk(m);
  const std::span<const uint32_t> ids = view.ids();
  for (size_t i = walk.NextWalk(ids, 0); i < view.size(); i = walk.NextWalk(ids, i + 1)) {
    const uint32_t first = walk.FirstStep(ids[i]);
    uint32_t node = PhraseMatcher::Walker::FirstNode(first);
    for (size_t k = i;;) {
      for (const uint32_t id : walk.PhrasesAt(node)) out.emplace_back(i, k + 1, id);
      if (++k >= view.size() || (lines && view.token(k).newline_before)) break;
      node = walk.Next(node, ids[k]);
      if (node == PhraseMatcher::kNoNode) break;
    }
  }
  return out;
}

// What a cue hit is, as compared.
using Hit = std::tuple<const Cue*, uint32_t, uint32_t, uint32_t>;
std::vector<Hit> HitsOf(std::span<const CueHit> hits) {
  std::vector<Hit> out;
  for (const CueHit& h : hits) out.emplace_back(h.cue, h.first_token, h.end_token, h.sentence);
  return out;
}

// The hits of one cue file found without a trie: at every token, every cue
// whose folded words are the tokens there, longest first, then in the
// order of the file. The one-word cues of a CueWord field are never hits.
std::vector<Hit> HitsByComparing(CueFile file, const CueSet& set, const TokenView& view) {
  std::map<std::string, std::vector<const Cue*>> by_first_word;
  for (const Cue& cue : set.cues()) {
    if (CueWordFieldOf(file, cue) != nullptr && cue.tokens.size() == 1) continue;
    by_first_word[cue.tokens.front()].push_back(&cue);
  }
  std::vector<Hit> out;
  for (size_t i = 0; i < view.size(); ++i) {
    const auto it = by_first_word.find(std::string(view.Folded(i)));
    if (it == by_first_word.end()) continue;
    std::vector<const Cue*> found;
    for (const Cue* cue : it->second) {
      bool same = i + cue->tokens.size() <= view.size();
      for (size_t k = 1; same && k < cue->tokens.size(); ++k) same = view.Folded(i + k) == cue->tokens[k];
      if (same) found.push_back(cue);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Cue* a, const Cue* b) { return a->tokens.size() > b->tokens.size(); });
    for (const Cue* cue : found) {
      out.emplace_back(cue, static_cast<uint32_t>(i), static_cast<uint32_t>(i + cue->tokens.size()), view.token(i).sentence);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a first word that is no phrase alone opens a walk only before a second word", "[phrase_walk]") {
  PhraseMatcher m;
  m.Add({"de", "la", "semaine", "prochaine"});  // « de » alone is no phrase
  m.Add({"en"});                                // a phrase of one word
  m.Add({"a", "compter", "de"});
  m.Add({"a"});                                 // a phrase, and the first word of a longer one
  std::map<std::string, uint32_t> ids = {{"le", 1}};
  const auto id_of = [&](const std::string& w) { return ids.try_emplace(w, static_cast<uint32_t>(ids.size() + 1)).first->second; };
  m.IndexByIds(id_of);
  const auto id = [&](const std::string& w) {
    const auto it = ids.find(w);
    return it == ids.end() ? 0u : it->second;
  };
  std::vector<uint32_t> text;
  for (const char* w : {"de", "le", "de", "la", "en", "a", "le", "a", "compter", "de"}) text.push_back(id(w));
  const PhraseMatcher::Walker walk(m);
  std::vector<size_t> starts, walks;
  for (size_t i = walk.NextStart(text, 0); i < text.size(); i = walk.NextStart(text, i + 1)) starts.push_back(i);
  for (size_t i = walk.NextWalk(text, 0); i < text.size(); i = walk.NextWalk(text, i + 1)) walks.push_back(i);
  CHECK(starts == std::vector<size_t>{0, 2, 4, 5, 7, 9});
  CHECK(walks == std::vector<size_t>{2, 4, 5, 7});  // « de le » and the last « de » lead nowhere
  CHECK(walk.NextWalk(text, text.size()) == text.size());

  const uint32_t de = walk.FirstStep(id("de")), en = walk.FirstStep(id("en")), a = walk.FirstStep(id("a"));
  CHECK(PhraseMatcher::Walker::FirstNode(de) == m.Next(PhraseMatcher::kRoot, "de"));
  CHECK_FALSE(PhraseMatcher::Walker::FirstEnds(de));
  CHECK(PhraseMatcher::Walker::FirstGoesOn(de));
  CHECK(PhraseMatcher::Walker::FirstEnds(en));
  CHECK_FALSE(PhraseMatcher::Walker::FirstGoesOn(en));
  CHECK(PhraseMatcher::Walker::FirstEnds(a));
  CHECK(PhraseMatcher::Walker::FirstGoesOn(a));
  CHECK(PhraseMatcher::Walker::FirstNode(walk.FirstStep(id("le"))) == PhraseMatcher::kNoNode);
  CHECK(PhraseMatcher::Walker::FirstNode(walk.FirstStep(0)) == PhraseMatcher::kNoNode);
  CHECK(PhraseMatcher::Walker::FirstNode(walk.FirstStep(999)) == PhraseMatcher::kNoNode);
  CHECK(walk.IsSecond(id("la")));
  CHECK(walk.IsSecond(id("compter")));
  CHECK_FALSE(walk.IsSecond(id("semaine")));  // a third word
  CHECK_FALSE(walk.IsSecond(id("le")));
  CHECK_FALSE(walk.IsSecond(999));
}

TEST_CASE("the walks by id find what the walks by word find from every token", "[phrase_walk]") {
  const Lexicon& lexicon = SharedLexicon();
  const std::vector<std::pair<const PhraseMatcher*, bool>> tries = {{&lexicon.dates().phrases, true},
                                                                    {&lexicon.dates().phrases, false},
                                                                    {&lexicon.names().place_bodies, false}};
  size_t found = 0;
  for (const std::string& text : Texts()) {
    const Segmentation seg = Segment(text, lexicon.abbreviations());
    const TokenView view(text, seg, lexicon.vocabulary());
    for (const auto& [trie, lines] : tries) {
      REQUIRE(trie->IndexedByIds());
      const Walked by_words = WalkByWords(*trie, view, lines);
      INFO(text.substr(0, 200));
      REQUIRE(WalkByIds(*trie, view, lines) == by_words);
      found += by_words.size();
      // NextStart still finds every first word, and NextWalk only among them.
      const PhraseMatcher::Walker walk(*trie);
      for (size_t i = walk.NextWalk(view.ids(), 0); i < view.size(); i = walk.NextWalk(view.ids(), i + 1)) {
        REQUIRE(trie->NextStart(view.ids(), i) == i);
      }
    }
  }
  CHECK(found > 10000);
}

TEST_CASE("the cue index's hits are each cue file's phrases found by comparing words", "[phrase_walk]") {
  const Lexicon& lexicon = SharedLexicon();
  const std::array<const CueSet*, kCueFileCount> sets = {&lexicon.recourse_cues(), &lexicon.speech_verbs(),
                                                         &lexicon.structure_cues(), &lexicon.party_cues(),
                                                         &lexicon.act_cues(), &lexicon.counsel_cues()};
  size_t hits = 0;
  for (const std::string& text : Texts()) {
    const Segmentation seg = Segment(text, lexicon.abbreviations());
    const TokenView view(text, seg, lexicon.vocabulary());
    const DocumentCues cues = lexicon.cues().Match(view);
    const DocumentCues counsel = lexicon.counsel_cue_index().Match(view);
    INFO(text.substr(0, 200));
    for (size_t f = 0; f < kCueFileCount; ++f) {
      const auto file = static_cast<CueFile>(f);
      INFO("file " << f);
      const std::vector<Hit> expected = HitsByComparing(file, *sets[f], view);
      REQUIRE(HitsOf(cues.Of(file)) == expected);
      REQUIRE(HitsOf(counsel.Of(file)) == (file == CueFile::kCounsel ? expected : std::vector<Hit>{}));
      hits += expected.size();
      // Grouped by field, each group in text order: the hits of that field.
      std::map<std::string, std::vector<const CueHit*>> by_field;
      for (const CueHit& h : cues.Of(file)) by_field[h.cue->field].push_back(&h);
      for (const Cue& cue : sets[f]->cues()) {
        const std::span<const CueHit* const> group = cues.ByField(file).Of(cue.field);
        const std::vector<const CueHit*>& want = by_field[cue.field];
        REQUIRE(std::vector<const CueHit*>(group.begin(), group.end()) == want);
      }
      CHECK(cues.ByField(file).Of("no such field").empty());
    }
  }
  CHECK(hits > 10000);
}

}  // namespace lexfr
