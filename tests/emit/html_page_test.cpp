#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "emit/json_record.h"

namespace lexfr {
namespace {

// A document over `text` with one sentence covering it all; the mentions are
// added by the tests, byte offsets only (ASCII text: bytes are code points).
Document MakeDoc(const std::string& text) {
  Document doc;
  doc.path = "t.txt";
  doc.decoded.text = text;
  doc.decoded.encoding = "UTF-8";
  Sentence s;
  s.byte_end = s.end = static_cast<uint32_t>(text.size());
  doc.segmentation.sentences.push_back(s);
  return doc;
}

void AddEntity(Document* doc, EntityType type, const std::string& canonical,
               const std::vector<std::pair<uint32_t, uint32_t>>& spans) {
  Entity e;
  e.type = type;
  e.canonical = canonical;
  for (const auto& [b, end] : spans) {
    Mention m;
    m.byte_start = m.start = b;
    m.byte_end = m.end = end;
    e.mentions.push_back(m);
  }
  doc->entities.push_back(e);
}

// The marked-up text between <div class="doc"> and its </div>.
std::string DocPart(const std::string& page) {
  const size_t from = page.find("<div class=\"doc\">");
  REQUIRE(from != std::string::npos);
  const size_t begin = from + 17;
  const size_t end = page.find("</div>", begin);
  REQUIRE(end != std::string::npos);
  return page.substr(begin, end - begin);
}

// Every opening tag closed by the same name, innermost first.
bool WellFormed(const std::string& html) {
  static const std::regex tag("<(/?)([a-z]+)[^>]*>");
  std::vector<std::string> stack;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[2];
    if ((*it)[1].length() == 0) {
      stack.push_back(name);
    } else {
      if (stack.empty() || stack.back() != name) return false;
      stack.pop_back();
    }
  }
  return stack.empty();
}

std::set<std::string> Matches(const std::string& html, const std::string& pattern) {
  const std::regex re(pattern);
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

std::string StripTags(const std::string& html) { return std::regex_replace(html, std::regex("<[^>]*>"), ""); }

TEST_CASE("html: the input text and names are escaped, never markup") {
  const std::string text = "<script>alert(1)</script> & \"O'Neil\"";
  Document doc = MakeDoc(text);
  AddEntity(&doc, EntityType::kOrg, "<b onmouseover=\"x()\">O'Neil</b>", {{29, 35}});
  Quote q;
  q.text = "<img src=x onerror=alert(2)>";
  doc.quotes.push_back(q);
  const std::string page = RenderHtmlPage(doc);
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("<b onmouseover") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;<mark") != std::string::npos);
  CHECK(page.find("O&#39;Neil</mark>&quot;") != std::string::npos);
  CHECK(page.find("data-canonical=\"&lt;b onmouseover=&quot;x()&quot;&gt;O&#39;Neil&lt;/b&gt;\"") != std::string::npos);
  // The page's own script is the only one.
  CHECK(Matches(page, "(<script)").size() == 1);
}

TEST_CASE("html: nested mentions stay nested, one element each") {
  const std::string text = "article 5 du décret du 3 mai 2021 publié";
  Document doc = MakeDoc(text);
  AddEntity(&doc, EntityType::kLegalRef, "DECRET art. 5", {{0, 34}});  // holds the date
  AddEntity(&doc, EntityType::kDate, "2021-05-03", {{24, 34}});
  const std::string part = DocPart(RenderHtmlPage(doc));
  CHECK(WellFormed(part));
  CHECK(Matches(part, "data-mention=\"(m-[0-9]+-[0-9]+)\"") == std::set<std::string>{"m-0-0", "m-1-0"});
  CHECK(std::regex_search(part, std::regex("<mark[^>]*m-0-0[^>]*>article 5 du décret du <mark[^>]*m-1-0")));
  CHECK(StripTags(part) == text);
}

TEST_CASE("html: partly overlapping mentions are split but stay well-formed") {
  const std::string text = "abcdefghijklmnop";
  Document doc = MakeDoc(text);
  AddEntity(&doc, EntityType::kOrg, "A", {{0, 6}, {12, 14}});
  AddEntity(&doc, EntityType::kPerson, "B", {{3, 9}});
  AddEntity(&doc, EntityType::kLoc, "C", {{5, 12}});
  AddEntity(&doc, EntityType::kDate, "empty", {{15, 15}});
  // A second sentence the last mention crosses into.
  doc.segmentation.sentences[0].byte_end = 13;
  Sentence second;
  second.byte_start = 13;
  second.byte_end = 16;
  doc.segmentation.sentences.push_back(second);
  const std::string part = DocPart(RenderHtmlPage(doc));
  CHECK(WellFormed(part));
  CHECK(StripTags(part) == text);
  const std::set<std::string> ids = Matches(part, "data-mention=\"(m-[0-9]+-[0-9]+)\"");
  CHECK(ids == std::set<std::string>{"m-0-0", "m-0-1", "m-1-0", "m-2-0", "m-3-0"});
  // Each mention has exactly one element with its id, the others are
  // continuations; ids are unique.
  const std::regex id_re("id=\"(m-[0-9]+-[0-9]+)\"");
  size_t with_id = 0;
  for (auto it = std::sregex_iterator(part.begin(), part.end(), id_re); it != std::sregex_iterator(); ++it) ++with_id;
  CHECK(with_id == 5);
  CHECK(Matches(part, "id=\"(s-[0-9]+)\"") == std::set<std::string>{"s-0", "s-1"});
}

TEST_CASE("html: the sink writes one page, the index a row per input") {
  Document doc = MakeDoc("La CNIL.");
  AddEntity(&doc, EntityType::kOrg, "CNIL", {{3, 7}});
  Recourse r;
  r.kind = "annulment";
  r.court = "Conseil d'État";
  doc.recourse = r;
  const std::string page = RenderHtmlPage(doc);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("Conseil d&#39;État") != std::string::npos);
  CHECK(page.find("href=\"#m-0-0\"") != std::string::npos);

  HtmlIndexRow ok{"a b#1.txt", "a b#1.txt.html", "", "annulment", "Conseil d'État", "filed", 1, {{"ORG", 1}},
                  "pdf", 12};
  HtmlIndexRow bad{"x.bin", "x.bin.html", "x.bin: binary", "", "", "", 0, {}, "", 0};
  const nlohmann::ordered_json summary = {{"planned", 2}, {"documents", 1}, {"failed", 1},
                                          {"entities", {{"ORG", 12}, {"LOC", 3}}}, {"recourses", {{"annulment", 1}}}};
  const std::string index = RenderHtmlIndex(summary, {ok, bad});
  CHECK(index.find("href=\"a%20b%231.txt.html\"") != std::string::npos);
  CHECK(index.find("x.bin: binary") != std::string::npos);
  // In words, in French: the counts, the kind, the format and its pages.
  CHECK(index.find("1 document analysé sur 2, 1 en échec") != std::string::npos);
  CHECK(index.find("12 organisations, 3 lieux") != std::string::npos);
  CHECK(index.find("recours en annulation : 1") != std::string::npos);
  CHECK(index.find("<td>PDF</td><td class=\"num\">12</td>") != std::string::npos);
  CHECK(index.find("planned") == std::string::npos);
  const std::string english = RenderHtmlIndex(summary, {ok, bad}, HtmlLang::kEn);
  CHECK(english.find("1 document analysed of 2, 1 failed") != std::string::npos);
  CHECK(english.find("12 organisations, 3 places") != std::string::npos);
}

}  // namespace
}  // namespace lexfr
