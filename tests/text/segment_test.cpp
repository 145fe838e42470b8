#include <catch2/catch.hpp>

#include "test_support.h"

#include "text/segment.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <unicode/uchar.h>

#include "extract/decode.h"

namespace lexfr {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Segment(text, SharedLexicon().abbreviations()).tokens) out.emplace_back(TokenText(text, t));
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("French elisions are split with either apostrophe", "[segment]") {
  CHECK(Texts("l’Internet Society") == V{"l’", "Internet", "Society"});
  CHECK(Texts("l'Internet") == V{"l'", "Internet"});
  CHECK(Texts("d’annuler qu’il jusqu’à lorsqu’on puisqu’elle quoiqu’il") ==
        V{"d’", "annuler", "qu’", "il", "jusqu’", "à", "lorsqu’", "on", "puisqu’", "elle", "quoiqu’", "il"});
  CHECK(Texts("L’Internet s’interroge c’est n’a j’ai m’a t’a") ==
        V{"L’", "Internet", "s’", "interroge", "c’", "est", "n’", "a", "j’", "ai", "m’", "a", "t’", "a"});
  // Not an elision: the word goes on with its apostrophe.
  CHECK(Texts("aujourd’hui") == V{"aujourd’hui"});
  // The modifier letter apostrophe ʼ (CA BC) elides as well.
  CHECK(Texts("lʼarrêt dʼappel") == V{"lʼ", "arrêt", "dʼ", "appel"});
  // A word that only starts like an eliding word stays whole.
  CHECK(Texts("quelquefois’il") == V{"quelquefois’il"});
}

TEST_CASE("a sign's kind is ICU's class of its first character", "[segment]") {
  const std::string text = "a , $ + % ( º ± € 2";
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  std::vector<std::string> kinds;
  for (const Token& t : seg.tokens) kinds.emplace_back(TokenKindName(t.kind));
  CHECK(kinds == V{"word", "punct", "symbol", "symbol", "punct", "punct", "word", "symbol", "symbol", "number"});
}

TEST_CASE("abbreviations keep their period and do not end a sentence", "[segment]") {
  const std::string text = "Il a vu M. Dupont et Mme Durand. Me France Charruyer plaide. Fin.";
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  CHECK(Texts(text) == V{"Il", "a", "vu", "M.", "Dupont", "et", "Mme", "Durand", ".", "Me", "France", "Charruyer",
                         "plaide", ".", "Fin", "."});
  REQUIRE(seg.sentences.size() == 3);
  CHECK(seg.tokens[4].sentence == 0);  // Dupont stays with "M."
  CHECK(seg.tokens[9].sentence == 1);  // Me
  CHECK(seg.tokens[14].sentence == 2);
}

TEST_CASE("legal citations stay in one sentence", "[segment]") {
  const std::string text = "Voir l’art. L. 1111-8 du CSP, cf. Cass. civ. 1re, n° 444937. Suite.";
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  CHECK(Texts(text) == V{"Voir", "l’", "art.", "L.", "1111", "-", "8", "du", "CSP", ",", "cf.", "Cass.", "civ.",
                         "1re", ",", "n°", "444937", ".", "Suite", "."});
  REQUIRE(seg.sentences.size() == 2);
  CHECK(seg.tokens[16].sentence == 0);
}

TEST_CASE("numbers grouped by spaces are one number token", "[segment]") {
  CHECK(Texts("150 000 €") == V{"150 000", "€"});
  CHECK(Texts("1 200,50 euros") == V{"1 200,50", "euros"});
  CHECK(Texts("1\u202F000\u202F000 €") == V{"1\u202F000\u202F000", "€"});
  // Not groups: a four-digit year, then a count.
  CHECK(Texts("en 2015 100 pays") == V{"en", "2015", "100", "pays"});
  CHECK(Texts("les 5, 15 et 19 mars") == V{"les", "5", ",", "15", "et", "19", "mars"});
  const Segmentation seg = Segment("150 000 €", SharedLexicon().abbreviations());
  CHECK(seg.tokens[0].kind == TokenKind::kNumber);
  CHECK(seg.tokens[1].kind == TokenKind::kSymbol);
}

TEST_CASE("a decision's number glued to the signature is cut off the name", "[segment]") {
  // The Conseil d'État's pages end on « Signé : » and the name, with the
  // decision's number glued to it.
  CHECK(Texts("Signé : Cyril Roger-Lacan4582654") == V{"Signé", ":", "Cyril", "Roger", "-", "Lacan", "4582654"});
  CHECK(Texts("Edwige Pluche434633") == V{"Edwige", "Pluche", "434633"});
  CHECK(Texts("Mme O C435178") == V{"Mme", "O", "C", "435178"});
  CHECK(Texts("Élodie Évrard123456") == V{"Élodie", "Évrard", "123456"});
  const Segmentation seg = Segment("Pluche434633", SharedLexicon().abbreviations());
  REQUIRE(seg.tokens.size() == 2);
  CHECK(seg.tokens[0].kind == TokenKind::kWord);
  CHECK(seg.tokens[1].kind == TokenKind::kNumber);
  CHECK(seg.tokens[1].byte_start == seg.tokens[0].byte_end);  // still glued
  // Identifiers stay whole: capitals, short numbers, digits first or inside.
  CHECK(Texts("JORFTEXT000037800506") == V{"JORFTEXT000037800506"});
  CHECK(Texts("un Airbus A380") == V{"un", "Airbus", "A380"});
  CHECK(Texts("Covid19") == V{"Covid19"});
  CHECK(Texts("Mars2024") == V{"Mars2024"});
  CHECK(Texts("18LY04640") == V{"18LY04640"});
  CHECK(Texts("UJIL5JCH") == V{"UJIL5JCH"});
  CHECK(Texts("Ab1c23456") == V{"Ab1c23456"});
}

TEST_CASE("a period without its space before a sentence's first word is cut out", "[segment]") {
  CHECK(Texts("élue Mme Cécile Bailly.La délibération") ==
        V{"élue", "Mme", "Cécile", "Bailly", ".", "La", "délibération"});
  CHECK(Texts("rejetée.Il appartient") == V{"rejetée", ".", "Il", "appartient"});
  // Pieces of eight ASCII bytes or fewer are read as one word: the period
  // and the apostrophe are found there too, wherever they are.
  CHECK(Texts("vue.Il a dit l'un d'eux, vu.La fin") ==
        V{"vue", ".", "Il", "a", "dit", "l'", "un", "d'", "eux", ",", "vu", ".", "La", "fin"});
  // Names, addresses and initials keep their periods.
  CHECK(Texts("Rapid.Space International") == V{"Rapid.Space", "International"});
  CHECK(Texts("www.cnil.fr et cnil.Fr") == V{"www.cnil.fr", "et", "cnil.Fr"});
  CHECK(Texts("J.O.La") == V{"J.O.La"});
  CHECK(Texts("SA.La") == V{"SA.La"});
}

TEST_CASE("the narrow no-break space of French typography separates words", "[segment]") {
  CHECK(Texts("en\u202F2020") == V{"en", "2020"});
  CHECK(Texts("150\u202Fmillions") == V{"150", "millions"});
  CHECK(Texts("30\u202F%") == V{"30", "%"});
  CHECK(Texts("5\u202F000\u202FEUR") == V{"5\u202F000", "EUR"});
  CHECK(Texts("le 13\u202Foctobre\u202F2020\u202F:") == V{"le", "13", "octobre", "2020", ":"});
}

TEST_CASE("offsets are code points and bytes into the text", "[segment]") {
  const std::string text = "État – « Cnil »";
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  REQUIRE(seg.tokens.size() == 5);
  const Token& cnil = seg.tokens[3];
  CHECK(TokenText(text, cnil) == "Cnil");
  CHECK(CodePointStart(text, seg, cnil) == 9);
  CHECK(CodePointEnd(text, seg, cnil) == 13);
  CHECK(cnil.byte_start == 13);
  CHECK(cnil.byte_end == 17);
  CHECK(seg.tokens[1].kind == TokenKind::kPunct);
}

TEST_CASE("line breaks end sentences (titles, paragraphs)", "[segment]") {
  const Segmentation seg = Segment("Un titre sans point\n\nLe texte commence ici.\r\nEt continue.", SharedLexicon().abbreviations());
  CHECK(seg.sentences.size() == 3);
}

TEST_CASE("a line wrapped inside a sentence does not end it", "[segment]") {
  const auto count = [](std::string_view text) { return Segment(text, SharedLexicon().abbreviations()).sentences.size(); };
  // The next line goes on in lower case, or with a number after an abbreviation.
  CHECK(count("Le Conseil\nd'État a rejeté la requête.") == 1);
  CHECK(count("La Commission nationale de l'informatique\net des libertés sanctionne.") == 1);
  CHECK(count("Vu l'article L.\n521-3 du code.") == 1);
  CHECK(count("Vu la décision n°\n412345 du Conseil d'État.") == 1);
  CHECK(count("Mme Durand, greffier de chambre,\nla première chambre a rendu l'arrêt.") == 1);
  CHECK(count("Le juge\r\nrejette la demande.") == 1);
  CHECK(count("Vu les articles\n226-13 et 226-14 du code pénal.") == 1);
  CHECK(count("La requête enregistrée le 28 septembre\n2020 est rejetée.") == 1);
  // A heading, a numbered paragraph, a colon, a full stop, a capital or a
  // blank line still end it.
  CHECK(count("Vu la procédure suivante :\npar une requête.") == 2);
  CHECK(count("La requête est rejetée.\nla suite.") == 2);
  CHECK(count("Conseil d'État\nN° 444937") == 2);
  CHECK(count("Signé : Mme A B\n431980") == 2);
  CHECK(count("Sur le moyen\n3. Selon l'arrêt.") == 3);  // ICU ends one at « 3. » too
  CHECK(count("dans les conditions suivantes\n2) le juge statue.") == 2);
  CHECK(count("le litige l'opposant\n1°/ à la société X.") == 2);
  CHECK(count("Un titre sans point\n\nle texte commence ici.") == 2);
  CHECK(count("- le premier point ;\n- le second.") == 2);
}

TEST_CASE("every token is folded once, in order, as Fold folds it", "[segment]") {
  // ASCII, the Latin-1 letters and signs, ’ and the dashes fold in place;
  // Ⱥ (U+023A) folds to ⱥ (U+2C65), a byte longer, and ŝ, 𝔄 go through
  // FoldAppend: the buffer grows, and the tokens after keep their place.
  const std::string text = "L’ÉTAT « Cœur » — Ⱥb et ŜA, 𝔄 puis 150 000 € çà";
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  std::vector<std::string> folded;
  for (size_t i = 0; i < seg.tokens.size(); ++i) {
    folded.emplace_back(FoldedText(seg, i));
    CHECK(FoldedText(seg, i) == Fold(TokenText(text, seg.tokens[i])));
  }
  // Every token of the corpus, and texts of mixed case and accents whose
  // tokens end at every offset of a word.
  std::vector<std::string> texts;
  for (const auto& f : std::filesystem::directory_iterator(std::string(LEXFR_SOURCE_DIR) + "/tests/corpus/dev")) {
    if (f.path().extension() != ".txt") continue;
    std::ifstream in(f.path(), std::ios::binary);
    texts.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  REQUIRE(texts.size() >= 10);
  const std::vector<std::string> pieces = {"A", "z", "Z", "@", "[", "`", "{", "É", "é", "’", "Ⱥ", " ", ".", "1"};
  uint32_t state = 7;
  const auto next = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % pieces.size();
  };
  for (int round = 0; round < 2000; ++round) {
    std::string random;
    for (int k = 0; k < 1 + round % 30; ++k) random += pieces[next()];
    texts.push_back(random);
  }
  for (const std::string& t : texts) {
    const Segmentation s = Segment(t, SharedLexicon().abbreviations());
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      if (FoldedText(s, i) != Fold(TokenText(t, s.tokens[i]))) FAIL_CHECK(t << ": token " << i);
    }
  }
  CHECK(folded == V{"l'", "etat", "\"", "coeur", "\"", "-", "ⱥb", "et", "ŝa", ",", "𝔄", "puis", "150 000", "€", "ca"});
}

TEST_CASE("empty and blank texts have no tokens", "[segment]") {
  CHECK(Segment("", SharedLexicon().abbreviations()).tokens.empty());
  CHECK(Segment("  \n\t ", SharedLexicon().abbreviations()).tokens.empty());
  CHECK(Segment("  \n\t ", SharedLexicon().abbreviations()).sentences.empty());
}

}  // namespace lexfr

namespace lexfr {
namespace {

// The break iterators read a UTF-16 copy; offsets must still be bytes and
// code points of the UTF-8 text, surrogate pairs included.
// A token keeps no code-point offsets (issue 21: 8 bytes of every token
// were a sixth of a run's peak memory); they are counted from the
// segmentation's table of blocks, which must agree with counting from the
// start at every token, across block ends.
static_assert(sizeof(Token) == 16, "a token is 16 bytes: its code points are counted, not kept");

TEST_CASE("code-point offsets counted from the blocks are those of the text", "[segment]") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "L\u2019État a dit « é\xF0\x9F\x98\x80 » à Noël. ";
  REQUIRE(text.size() > 10 * kCodePointBlock);
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  REQUIRE(seg.code_points_before.size() == text.size() / kCodePointBlock + 1);
  for (const Token& t : seg.tokens) {
    CHECK(CodePointStart(text, seg, t) == CountCodePoints(text.substr(0, t.byte_start)));
    CHECK(CodePointEnd(text, seg, t) == CountCodePoints(text.substr(0, t.byte_end)));
  }
  CHECK(CodePointOffset(text, seg, static_cast<uint32_t>(text.size())) == CountCodePoints(text));
  // the table itself, counted a block at a time, at every block start
  for (size_t k = 0; k < seg.code_points_before.size(); ++k) {
    CHECK(seg.code_points_before[k] == CountCodePoints(text.substr(0, k * kCodePointBlock)));
  }
  for (const Sentence& s : seg.sentences) CHECK(s.end == CountCodePoints(text.substr(0, s.byte_end)));
}

TEST_CASE("offsets after supplementary characters are bytes and code points of the text", "[segment]") {
  const std::string text = "Le \xF0\x9F\x98\x80 juge \xF0\x9D\x94\x84\xF0\x9D\x94\x85 dit. Fin";
  const Segmentation seg = Segment(text, SharedLexicon().abbreviations());
  const auto find = [&](std::string_view word) -> const Token& {
    for (const Token& t : seg.tokens) {
      if (TokenText(text, t) == word) return t;
    }
    FAIL("no token " << word);
    return seg.tokens.front();
  };
  CHECK(find("juge").byte_start == 8);
  CHECK(CodePointStart(text, seg, find("juge")) == 5);
  CHECK(find("dit").byte_start == 22);
  CHECK(CodePointStart(text, seg, find("dit")) == 13);
  CHECK(find("Fin").sentence == 1);
}

}  // namespace
}  // namespace lexfr

namespace lexfr {
namespace {

// The first token of every sentence, as Segment gives them with `breaks`.
std::vector<uint32_t> SentenceFirsts(std::string_view text, SentenceBreaks breaks) {
  std::vector<uint32_t> out;
  for (const Sentence& s : Segment(text, SharedLexicon().abbreviations(), breaks).sentences) out.push_back(s.first_token);
  return out;
}

void CheckSameSentencesAsIcu(std::string_view text, const std::string& what) {
  std::string shown;  // one line, whatever the text holds
  for (const char c : what) shown += c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : std::string(1, c);
  INFO(shown);
  std::string tokens;  // each token in brackets, a combining mark as <301>
  size_t shown_to = 0;
  for (const Token& t : Segment(text, SharedLexicon().abbreviations()).tokens) {
    for (size_t i = shown_to; i < t.byte_start;) tokens += "<" + std::to_string(static_cast<uint32_t>(NextCodePoint(text, &i))) + ">";
    shown_to = t.byte_end;
    tokens += '[';
    for (size_t i = t.byte_start; i < t.byte_end;) {
      const char32_t c = NextCodePoint(text, &i);
      if (c < 0x80 && c >= 0x20) tokens += static_cast<char>(c);
      else tokens += "<" + std::to_string(static_cast<uint32_t>(c)) + ">";
    }
    tokens += ']';
  }
  INFO(tokens);
  CHECK(SentenceFirsts(text, SentenceBreaks::kFromTokens) == SentenceFirsts(text, SentenceBreaks::kIcu));
}

}  // namespace

TEST_CASE("U+4000..U+9FFF are letters or others to ICU, no space, no case", "[segment]") {
  // What the segmenter answers of a token that opens or ends with one of
  // them (lead bytes E4..E9) without decoding it (issue 21): it neither ends
  // a sentence nor is blank.
  int other = 0;
  for (UChar32 c = 0x4000; c <= 0x9FFF; ++c) {
    const auto sb = static_cast<USentenceBreak>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    if ((sb != U_SB_OLETTER && sb != U_SB_OTHER) || u_isUWhiteSpace(c) || u_isupper(c) || u_islower(c)) ++other;
  }
  CHECK(other == 0);
}

TEST_CASE("sentence rules read from the tokens agree with ICU's sentence iterator", "[segment]") {
  // Each rule of UAX #29 the token reading implements, and its neighbours.
  const std::vector<std::string> probes = {
      "Il est parti. Elle reste.",           "Il est parti.Elle reste.",  // SB7: Lower ATerm × Upper
      "Voir p. 12 et suivantes.",            "Le taux est de 3.5 %. Fin.",  // SB6, SB8
      "Il a dit « non. » Puis il est parti.", "Il a dit « non. » puis il est parti.",
      "Vraiment ? Oui ! Non… Peut-être.",    "Quoi ?! Non.",  "Quoi ? ! Non.",
      "etc., ainsi que le reste.",           "Fin.) Début.",  "Fin. (Début) suite. (12) la suite.",
      "Fin.\nDébut.",                        "Fin.\r\nDébut.\r\n\r\nSuite",  "Titre\nSous-titre\n\nTexte.",
      "U.S.A. Ensuite.",                     "Le 1er janv. 2020. Ensuite.",  "M. Dupont et Mme Durand. Me Martin.",
      "Fin . Début .",                       "Fin .. début ... Suite",  "« Fin. » « Début. »",
      "Fin.\u00A0» Début.",                  "Fin.\u202F» début.",  "Fin.\u2029Début.\u2028suite.",
      "Fin. 12 13 14 la suite.",             "Fin. 12 13 14 La suite.",  "Fin. - la suite. - La suite.",
      "Fin.\"Début\". Fin.'x'. Fin.)y.",     "Fin.\u0301 Début. Fin!\u200D Début.",  "日本語。次の文。",
      "Il dit : « Vraiment ? » Elle répond.", "Fin.\v Début.\f Suite.",  "a.b.c. D.e.F. g.",
      "Fin.» Début.» suite.",                 "Art.5 du code. Art.L.5. Ensuite.",
      "\n\n  Fin.   \n  Début.  ",            "...", ". . .", "?", "Fin\n.\nDébut",
      "法国国家信息与自由委员会。委员会！是吗？", "日\u0301。次\u200D。", "委员会. Fin. 日本.\u3000次",
  };
  for (const std::string& p : probes) CheckSameSentencesAsIcu(p, p);

  // Every text the tests hold: the dev corpus's decisions, news and releases
  // and every case table's sentences.
  size_t texts = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(std::string(LEXFR_SOURCE_DIR) + "/tests")) {
    const std::string ext = f.path().extension().string();
    if (ext != ".txt" && ext != ".tsv") continue;
    std::ifstream in(f.path(), std::ios::binary);
    const std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!IsValidUtf8(body)) continue;  // the bad-input fixtures
    CheckSameSentencesAsIcu(body, f.path().string());
    ++texts;
  }
  CHECK(texts >= 34);

  // Random texts over the characters the rules turn on.
  const std::vector<std::string> pieces = {"a", "Le", "été", "É", "12", " ", "  ", "\n", "\r\n", "\n\n", ".", "!",
                                           "?", "…", "»", "«", "\u00A0", "\u202F", ")", "(", ",", ";", ":", "-",
                                           "\"", "'", "M.", "n°", "\u2029", "\u0301", "日", "。", "\t", "x.y"};
  uint32_t state = 12345;
  const auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7FFF; };
  int compared = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(next() % 24);
    for (int k = 0; k < length; ++k) text += pieces[next() % pieces.size()];
    // Known difference, left alone: a combining mark right after U+202F,
    // which the word pass splits at, is read with the word after it, where
    // ICU reads it with the space. No French text writes an accent on a
    // narrow no-break space.
    if (text.find("\u202F\u0301") != std::string::npos) continue;
    CheckSameSentencesAsIcu(text, "random: " + text);
    ++compared;
  }
  CHECK(compared > 2500);
}

}  // namespace lexfr
