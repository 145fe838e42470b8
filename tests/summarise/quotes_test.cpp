// Quotes and their speakers (summarise/quotes.cpp), on passages written for
// these tests.
#include <catch2/catch.hpp>

#include "lexfr/analyze.h"
#include "test_support.h"

namespace lexfr {
namespace {

std::vector<Quote> QuotesOf(std::string_view text) { return AnalyzeText(text).quotes; }

// "speaker|kind" of each quote, in order: one comparison shows them all.
std::vector<std::string> Said(std::string_view text) {
  std::vector<std::string> out;
  for (const Quote& q : QuotesOf(text)) out.push_back(q.speaker + "|" + q.kind);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("speaker after the quote, in every tense", "[quotes]") {
  CHECK(Said("« Le texte ne tient pas », a déclaré Me Odile Ferrand.") == V{"Odile Ferrand|quote"});
  CHECK(Said("« Le texte ne tient pas », déclare Me Odile Ferrand.") == V{"Odile Ferrand|quote"});
  CHECK(Said("« Le texte ne tient pas », avait rappelé Me Odile Ferrand.") == V{"Odile Ferrand|quote"});
  CHECK(Said("« Le texte ne tient pas », estimera Me Odile Ferrand.") == V{"Odile Ferrand|quote"});
  CHECK(Said("« Le texte ne tient pas », aurait ajouté Me Odile Ferrand.") == V{"Odile Ferrand|quote"});
  CHECK(Said("« Le texte ne tient pas », expliquait Me Odile Ferrand.") == V{"Odile Ferrand|quote"});
  CHECK(Said("« Le texte ne tient pas » conclut Me Odile Ferrand.") == V{"Odile Ferrand|quote"});
}

TEST_CASE("pronominal speech verbs: s'est réjoui(e), s'est félicité, s'est dit", "[quotes]") {
  CHECK(Said("« C'est une belle journée », s'est réjouie Me Odile Ferrand.") == V{"Odile Ferrand|quote"});
  CHECK(Said("« C'est une belle journée », s'est réjoui Me Hugo Lamarre.") == V{"Hugo Lamarre|quote"});
  CHECK(Said("« Le juge a entendu nos arguments », s'est félicité Me Hugo Lamarre.") == V{"Hugo Lamarre|quote"});
  CHECK(Said("« Nous restons prudents », s'est dite Mme Odile Ferrand.") == V{"Odile Ferrand|quote"});
  CHECK(Said("« Nous restons prudents », se réjouit M. Hugo Lamarre.") == V{"Hugo Lamarre|quote"});
}

TEST_CASE("speaker before the quote: X a estimé que « … », X a déclaré : « … »", "[quotes]") {
  CHECK(Said("Me Odile Ferrand a estimé que « la procédure est viciée ».") == V{"Odile Ferrand|quote"});
  CHECK(Said("M. Hugo Lamarre a déclaré : « Nous ferons appel ».") == V{"Hugo Lamarre|quote"});
  CHECK(Said("M. Hugo Lamarre estime que « rien n'est perdu ».") == V{"Hugo Lamarre|quote"});
  // the speaker's apposition names their body: the person speaks
  CHECK(Said("Lucien Varenne, secrétaire général adjoint de la CNIL, a déclaré : « Nous serons vigilants ».") ==
        V{"Lucien Varenne|quote"});
}

TEST_CASE("selon X, before or after the quote", "[quotes]") {
  CHECK(Said("« La décision fera date », selon Me Odile Ferrand.") == V{"Odile Ferrand|quote"});
  CHECK(Said("Selon Me Odile Ferrand, « la décision fera date ».") == V{"Odile Ferrand|quote"});
}

TEST_CASE("incise with a clitic: the nearest earlier speaker the pronoun fits", "[quotes]") {
  const std::vector<Quote> q = QuotesOf(
      "« Nous attendons la décision », a déclaré Mme Odile Ferrand. « Le dossier est solide », a indiqué M. Hugo "
      "Lamarre. « Il faudra du temps », poursuit-elle. « Rien ne presse », a-t-il ajouté. « Nous verrons », "
      "estime-t-elle.");
  REQUIRE(q.size() == 5);
  CHECK(q[0].speaker == "Odile Ferrand");
  CHECK(q[1].speaker == "Hugo Lamarre");
  CHECK(q[2].speaker == "Odile Ferrand");  // « elle »: not the last speaker, a man
  CHECK(q[3].speaker == "Hugo Lamarre");
  CHECK(q[4].speaker == "Odile Ferrand");
  CHECK(q[2].text == "Il faudra du temps");
}

TEST_CASE("a subject pronoun before the verb: Elle a ajouté : « … »", "[quotes]") {
  const std::vector<Quote> q = QuotesOf(
      "« Nous attendons », a déclaré Mme Odile Ferrand. Elle a ajouté : « Le juge tranchera vite ».");
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "Odile Ferrand");
}

TEST_CASE("the speaker is the person speaking, not their firm", "[quotes]") {
  std::vector<Quote> q = QuotesOf(
      "« Nous ferons appel », a déclaré Me Odile Ferrand, avocate du cabinet Ferrand & Vautrin.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Odile Ferrand");
  CHECK(q[0].speaker_type == "PERSON");
  q = QuotesOf("« Nous ferons appel », a déclaré l'avocate du cabinet Vautrin Partenaires, Me Odile Ferrand.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Odile Ferrand");
  CHECK(q[0].speaker_type == "PERSON");
}

TEST_CASE("an organisation speaks when no person does", "[quotes]") {
  const std::vector<Quote> q = QuotesOf("« Le traitement est illicite », a estimé la CNIL.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "CNIL");
  CHECK(q[0].speaker_type == "ORG");
  CHECK(q[0].kind == "quote");
}

TEST_CASE("quoted terms are kind term, speech is kind quote", "[quotes]") {
  const std::vector<Quote> q = QuotesOf(
      "Mme Odile Ferrand a ajouté que la loi comportait des « cavaliers législatifs ». L'application « Santé Plus » "
      "est en cause. Le texte dit : « Nul ne peut être inquiété pour ses opinions ».");
  REQUIRE(q.size() == 3);
  CHECK(q[0].text == "cavaliers législatifs");
  CHECK(q[0].kind == "term");
  CHECK(q[0].speaker.empty());
  CHECK(q[1].text == "Santé Plus");
  CHECK(q[1].kind == "term");
  CHECK(q[2].kind == "quote");  // a clause, though nobody named says it
  // « à » is not the verb « a »
  CHECK(Said("Ce recours est « un appel à l'aide ».") == V{"|term"});
  // a short quotation with a speaker is speech
  CHECK(Said("« Enfin ! », s'est réjouie Me Odile Ferrand.") == V{"Odile Ferrand|quote"});
}

TEST_CASE("a verb or a clitic at the very end or start of the text", "[quotes]") {
  CHECK(Said("« Nous verrons », a-t-il") == V{"|quote"});
  CHECK(Said("« Oui », dit") == V{"|term"});
  CHECK(Said("ajouté « Non »") == V{"|term"});
  CHECK(Said("« Nous verrons », poursuit-") == V{"|quote"});
}

TEST_CASE("every kind of quotation mark, first and last tokens included", "[quotes]") {
  // the searches read only the tokens whose first byte may start a mark:
  // each kind of mark must still open and close its quotation
  const auto texts = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Quote& q : QuotesOf(text)) out.push_back(q.text);
    return out;
  };
  CHECK(texts("Elle évoque des “données sensibles” et des \"secrets\" ici.") == V{"données sensibles", "secrets"});
  CHECK(texts("C'est « un appel à l'aide« selon lui, puis « fin ».") == V{"un appel à l'aide", "fin"});
  CHECK(texts("« Oui » et « Non »") == V{"Oui", "Non"});
  // « closes at the straight mark, “ never opens after the first quotation
  CHECK(texts("« jamais fermé et “ non plus \" ni là") == V{"jamais fermé et “ non plus"});
}

TEST_CASE("a speech verb far from the quote does not attribute it", "[quotes]") {
  CHECK(Said("M. Hugo Lamarre a déclaré hier soir, devant la presse réunie au palais, que la loi avait des "
             "« défauts graves ».") == V{"|term"});
}

}  // namespace lexfr
