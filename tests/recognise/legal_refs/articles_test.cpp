// Unit tests of legal_refs/articles: article numbers, their parts, lists and
// ranges, read without an instrument.
#include "recognise/legal_refs/articles.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "recognise/legal_refs/segmented.h"

namespace lexfr::legal_refs {
namespace {

// The article number read after the word "article", with its parts; empty
// when there is none.
std::string NumberAt(const std::string& text) {
  const Segmented s(text);
  uint32_t end = 0;
  std::string article;
  if (!ArticleNumber(s.tokens, s.At("article") + 1, &end, &article)) return "";
  SubParts(s.tokens, &end, &article);
  return article;
}

// The articles of the list that starts at the text's first token, and the
// text after the list.
struct List {
  std::vector<std::string> articles;
  std::string rest;
  bool section = false;
};
List ListAt(const std::string& text) {
  const Segmented s(text);
  const ArticleList list = ReadArticleList(s.tokens, 0);
  List out;
  for (const ArticleItem& item : list.items) out.articles.push_back(item.article);
  if (!list.items.empty() && list.end < s.tokens.size()) out.rest = s.text.substr(s.seg.tokens[list.end].byte_start);
  out.section = list.section;
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("article numbers as codes and laws write them", "[legal_refs][articles]") {
  CHECK(NumberAt("article 48 du RGPD") == "48");
  CHECK(NumberAt("article 1er de la loi") == "1");
  CHECK(NumberAt("article L. 1111-8 du CSP") == "L1111-8");
  CHECK(NumberAt("article L1111-8 du CSP") == "L1111-8");
  CHECK(NumberAt("article R. 4127-1 du code") == "R4127-1");
  CHECK(NumberAt("article LO 141 du code") == "LO141");
  CHECK(NumberAt("article 45 bis de la loi") == "45bis");
  CHECK(NumberAt("article 9.2 du RGPD") == "9-2");
  CHECK(NumberAt("article L. 161-36-1 A du code") == "L161-36-1A");
  CHECK(NumberAt("article X du code").empty());
  CHECK(NumberAt("article 1234567890 du code").empty());  // too long for an article
}

TEST_CASE("paragraphs and points join the number, alinéas do not", "[legal_refs][articles]") {
  CHECK(NumberAt("article 9, paragraphe 2, point a) du RGPD") == "9-2-a");
  CHECK(NumberAt("l'article 9 § 2 a du RGPD") == "9-2-a");
  CHECK(NumberAt("l'article 9(2)(a) du RGPD") == "9-2-a");
  CHECK(NumberAt("l'article 4, point 11), du RGPD") == "4-11");
  CHECK(NumberAt("l'article 6 § 1 a été invoqué") == "6-1");  // "a" is the verb
  CHECK(NumberAt("l'article 82, alinéa 2, de la loi") == "82");
}

TEST_CASE("lists and ranges of articles", "[legal_refs][articles]") {
  const List list = ListAt("articles 6, 9 et 48 du RGPD");
  CHECK(list.articles == V{"6", "9", "48"});
  CHECK(list.rest == "du RGPD");
  CHECK(ListAt("articles L. 1461-1 à L. 1461-3 du CSP").articles == V{"L1461-1", "L1461-3"});
  CHECK(ListAt("articles 7 et 8 de la Charte, ainsi que l'article 47").articles == V{"7", "8"});
  const List following = ListAt("articles 20 et suivants ; la loi");
  CHECK(following.articles == V{"20"});
  CHECK(following.rest == "; la loi");
  CHECK(ListAt("article 5, 3 ans plus tard").articles == V{"5"});  // "3 ans" is no article
  CHECK(ListAt("art. 9 du RGPD").articles == V{"9"});
  CHECK(ListAt("Article 1er : La requête est rejetée.").articles == V{"1"});
}

TEST_CASE("what is not an article list", "[legal_refs][articles]") {
  CHECK(ListAt("article").articles.empty());
  CHECK(ListAt("article premier").articles == V{"1"});
  CHECK(ListAt("articles de presse").articles.empty());
  CHECK(ListAt("le code").articles.empty());
  const List section = ListAt("section 702 FISA");
  CHECK(section.articles == V{"702"});
  CHECK(section.section);
  CHECK_FALSE(ListAt("article 702").section);
}

}  // namespace lexfr::legal_refs
