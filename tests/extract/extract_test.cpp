#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "test_support.h"

namespace lexfr {
namespace {

// A file of the source tree, by its path from the top.
std::string SourceFile(const std::string& rel) {
  std::ifstream in(std::string(LEXFR_SOURCE_DIR) + "/" + rel, std::ios::binary);
  REQUIRE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string Fixture(const std::string& name) { return SourceFile("tests/fixtures/" + name); }

// The dev corpus text the fixtures were made from (make_fixtures.py).
std::string CorpusText() { return SourceFile("tests/corpus/dev/isoc-emc2-recours.txt"); }

Extracted MustExtract(std::string_view bytes, std::string_view path = "", InputFormat format = InputFormat::kAuto) {
  Extracted x;
  const Status s = Extract(bytes, path, format, &x);
  INFO(s.ToString());
  REQUIRE(s.ok());
  REQUIRE(IsValidUtf8(x.decoded.text));
  return x;
}

Status ExtractError(std::string_view bytes, std::string_view path = "") {
  Extracted x;
  return Extract(bytes, path, InputFormat::kAuto, &x);
}

std::set<std::pair<std::string, std::string>> EntityKeys(std::string_view bytes, std::string path) {
  Document doc;
  const Status s = Analyze(std::string(bytes), std::move(path), SharedResources(), {}, &doc);
  INFO(s.ToString());
  REQUIRE(s.ok());
  std::set<std::pair<std::string, std::string>> keys;
  for (const Entity& e : doc.entities) keys.emplace(EntityTypeName(e.type), e.canonical);
  return keys;
}

}  // namespace

TEST_CASE("formats are told by content, the extension deciding only when it says nothing", "[extract]") {
  CHECK(DetectFormat("%PDF-1.4\n...", "a.txt") == InputFormat::kPdf);
  CHECK(DetectFormat("\xEF\xBB\xBF  \n<!DOCTYPE html><p>x", "a.txt") == InputFormat::kHtml);
  CHECK(DetectFormat("<HTML><body>La CNIL", "") == InputFormat::kHtml);
  CHECK(DetectFormat("<p>La CNIL</p>", "") == InputFormat::kHtml);
  CHECK(DetectFormat("<pre>not a paragraph tag", "") == InputFormat::kText);
  CHECK(DetectFormat("La CNIL <p> sanctionne", "") == InputFormat::kText);  // text first: not markup
  CHECK(DetectFormat("La CNIL sanctionne", "page.HTM") == InputFormat::kHtml);
  CHECK(DetectFormat("La CNIL sanctionne", "x.pdf") == InputFormat::kPdf);
  CHECK(DetectFormat("<p>La CNIL</p>", "x.pdf") == InputFormat::kHtml);
  CHECK(DetectFormat("La CNIL sanctionne", "notes.txt") == InputFormat::kText);

  InputFormat f = InputFormat::kAuto;
  CHECK(ParseInputFormat("pdf", &f));
  CHECK(f == InputFormat::kPdf);
  CHECK(ParseInputFormat("docx", &f));
  CHECK(f == InputFormat::kDocx);
  CHECK_FALSE(ParseInputFormat("rtf", &f));
  CHECK(std::string(InputFormatName(InputFormat::kHtml)) == "html");
}

TEST_CASE("a forced format wins over the content", "[extract]") {
  const Extracted x = MustExtract("<p>La CNIL</p>", "", InputFormat::kText);
  CHECK(x.decoded.text == "<p>La CNIL</p>");
  CHECK(x.info.format == InputFormat::kText);
}

TEST_CASE("HTML keeps the readable text in blocks and drops the page around it", "[extract][html]") {
  const Extracted x = MustExtract(
      "<!doctype html><html lang=\"fr-FR\"><head><title> La  CNIL &amp; Google </title>"
      "<meta name=\"date\" content=\"2022-01-06\"><script>var CNIL=1;</script></head><body>"
      "<div class=\"cookie-consent\">Nous utilisons des cookies</div>"
      "<nav><a>Accueil</a></nav><header>Le Journal</header>"
      "<h1>Cookies : la CNIL   sanctionne</h1><p>Premier&nbsp;paragraphe<br>suite de l&rsquo;article.</p>"
      "<p style=\"display: none\">Caché</p><div aria-hidden=\"true\">Aussi caché</div>"
      "<ul><li>un</li><li>deux</li></ul><footer>Mentions légales</footer></body></html>");
  CHECK(x.decoded.text == "Cookies : la CNIL sanctionne\n\nPremier\u00a0paragraphe\nsuite de l’article.\n\nun\n\ndeux");
  CHECK(x.info.format == InputFormat::kHtml);
  CHECK(x.info.title == "La CNIL & Google");
  CHECK(x.info.lang == "fr-FR");
  CHECK(x.info.published == "2022-01-06");
  CHECK(x.info.page_starts.empty());
}

TEST_CASE("HTML prefers the article, and keeps the article's own header", "[extract][html]") {
  const Extracted x = MustExtract(
      "<html><body class=\"has-cookie-banner\"><p>Menu du site</p><main><article><header><h1>Titre</h1>"
      "<time datetime=\"2024-02-05T10:00\">5 février</time></header><p>Le texte.</p></article>"
      "<article><p>Court</p></article></main><aside>À lire aussi</aside></body></html>");
  CHECK(x.decoded.text == "Titre\n\n5 février\n\nLe texte.");
  CHECK(x.info.published == "2024-02-05");
}

TEST_CASE("a page about the RGPD is not taken for a consent banner", "[extract][html]") {
  const Extracted x = MustExtract("<html><body><div class=\"tag-rgpd\"><p>Le RGPD s'applique.</p></div></body></html>");
  CHECK(x.decoded.text == "Le RGPD s'applique.");
}

TEST_CASE("windows-1252 HTML is decoded before it is parsed", "[extract][html]") {
  const Extracted x = MustExtract(
      "<html><head><meta charset=\"windows-1252\"></head><body><p>Conseil d\x92\xC9tat, "
      "d\xE9lib\xE9ration</p></body></html>");
  CHECK(x.decoded.text == "Conseil d’État, délibération");
}

TEST_CASE("bad HTML: unclosed tags are read, 50 MB of nested <div> is refused quickly", "[extract][html]") {
  const Extracted x = MustExtract("<p>La CNIL <b>sanctionne <i>Google<p>le 6 janvier 2022<div><span>Paris");
  CHECK(x.decoded.text == "La CNIL sanctionne Google\n\nle 6 janvier 2022\n\nParis");

  std::string deep = "<html><body>";
  while (deep.size() < 50'000'000) deep += "<div>";
  Extracted y;
  const Status s = ExtractHtml(deep, &y);
  CHECK(s.code() == "html_too_deep");
  CHECK(s.exit_code() == ExitCode::kDataErr);

  // Neither stray end tags nor self-closing slashes close a <div> to gumbo.
  for (const char* unit : {"<div></span>", "<div/>", "<section><b>"}) {
    INFO(unit);
    std::string tricky = "<body>";
    for (int k = 0; k < 100'000; ++k) tricky += unit;
    CHECK(ExtractHtml(tricky, &y).code() == "html_too_deep");
  }
  // Deep but not too deep, many times over: refused once the work adds up.
  std::string nest;
  for (int d = 0; d < 400; ++d) nest += "<span>";
  for (int d = 0; d < 400; ++d) nest += "</span>";
  std::string wide = "<body>";
  for (int k = 0; k < 2'000; ++k) wide += nest;
  CHECK(ExtractHtml(wide, &y).code() == "html_too_deep");
}

TEST_CASE("the HTML fixture gives the entities of the plain text, and its date as reference", "[extract][html]") {
  const std::string page = Fixture("article.html");
  CHECK(EntityKeys(page, "article.html") == EntityKeys(CorpusText(), "isoc-emc2-recours.txt"));
  const Extracted x = MustExtract(page, "article.html");
  CHECK(x.info.title == "Recours de l’Internet Society France contre EMC2 | Le Journal du Numérique");
  CHECK(x.info.lang == "fr");
  CHECK(x.info.published == "2024-02-05");
  for (const char* dropped : {"cookies", "Cour de cassation", "Conseil constitutionnel", "Amazon", "Facebook",
                              "Bordeaux", "Privacy Shield"}) {
    INFO(dropped);
    CHECK(x.decoded.text.find(dropped) == std::string::npos);
  }

  // "hier" resolves against the page's date when --ref-date is not given.
  Document doc;
  REQUIRE(Analyze("<html><head><meta property=\"article:published_time\" content=\"2024-02-05T09:30:00+01:00\">"
                  "</head><body><p>La CNIL a publié hier sa décision.</p></body></html>",
                  "x.html", SharedResources(), {}, &doc)
              .ok());
  std::set<std::string> dates;
  for (const Entity& e : doc.entities) {
    if (e.type == EntityType::kDate) dates.insert(e.canonical);
  }
  CHECK(dates == std::set<std::string>{"2024-02-04"});
}

TEST_CASE("PDF pages: running headers and footers go, line-end hyphens join, pages are mapped", "[extract][pdf]") {
  std::vector<uint32_t> starts;
  const std::string text = JoinPdfPages(
      {"Cour administrative d'appel de Paris\nLe rapport de Jean-\nPierre Martin sur la commu-\nnication\nPage 1 / 2",
       "Cour administrative d'appel de Paris\nn° 2019-\n536 du 3 mars.\nPage 2 / 2"},
      &starts);
  CHECK(text == "Le rapport de Jean-Pierre Martin sur la communication\n\nn° 2019-536 du 3 mars.");
  REQUIRE(starts.size() == 2);
  CHECK(starts[0] == 0);
  CHECK(text.substr(starts[1]).starts_with("n° 2019-536"));
  CHECK(PageAt(starts, 0) == 1);
  CHECK(PageAt(starts, starts[1] - 1) == 1);
  CHECK(PageAt(starts, starts[1]) == 2);
  CHECK(PageAt({}, 10) == 0);

  // A line that repeats on one page of three is text, not a header.
  const std::string once = JoinPdfPages({"Titre\nun", "Autre\ndeux", "Encore\ntrois"}, &starts);
  CHECK(once.find("Titre") != std::string::npos);
}

TEST_CASE("poppler's lines keep their hyphens, and the rules decide", "[extract][pdf]") {
  const Extracted x = MustExtract(Fixture("hyphens.pdf"));
  CHECK(x.decoded.text ==
        "Le rapport de Jean-Pierre Martin sur la communication de la délibération n° 2019-536 de la CNIL.");
  CHECK(x.info.page_starts == std::vector<uint32_t>{0});
}

TEST_CASE("the two-page PDF fixture gives the entities of the plain text", "[extract][pdf]") {
  const std::string pdf = Fixture("two-pages.pdf");
  CHECK(EntityKeys(pdf, "two-pages.pdf") == EntityKeys(CorpusText(), "isoc-emc2-recours.txt"));
  const Extracted x = MustExtract(pdf, "whatever.bin");
  CHECK(x.info.format == InputFormat::kPdf);
  REQUIRE(x.info.page_starts.size() == 2);
  const std::string& text = x.decoded.text;
  CHECK(text.find("Recours contre la délibération EMC2") == std::string::npos);  // the running header
  CHECK(text.find("Page 1") == std::string::npos);
  CHECK(text.find("pédagogique") != std::string::npos);
  CHECK(text.find("péda-") == std::string::npos);
  CHECK(text.substr(x.info.page_starts[1]).starts_with("L’Internet Society France reste persuadée que"));
  CHECK(x.decoded.diagnostics.empty());
}

TEST_CASE("bad PDFs: a scan, an encrypted file, a truncated one and a fake one are clear errors", "[extract][pdf]") {
  Status s = ExtractError(Fixture("scan.pdf"));
  CHECK(s.code() == "no_text_layer");
  CHECK(s.exit_code() == ExitCode::kDataErr);
  CHECK(s.message().find("no text layer") != std::string::npos);

  s = ExtractError(Fixture("encrypted.pdf"));
  CHECK(s.code() == "pdf_encrypted");

  const std::string pdf = Fixture("two-pages.pdf");
  for (size_t cut : {size_t{8}, size_t{100}, pdf.size() / 2, pdf.size() - 40}) {
    INFO(cut);
    s = ExtractError(pdf.substr(0, cut));
    CHECK(s.code() == "pdf_invalid");
  }
  s = ExtractError("just some text", "decision.pdf");
  CHECK(s.code() == "pdf_invalid");
  CHECK(s.message().find("not a PDF") != std::string::npos);
}

// --- the markup check, the cage and the bounds (issue 15) --------------------------

namespace {

std::string Repeat(std::string_view unit, size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (size_t k = 0; k < times; ++k) out += unit;
  return out;
}

ExtractOptions InProcess() {
  ExtractOptions options;
  options.isolate = false;
  return options;
}

}  // namespace

TEST_CASE("markup hidden from the check by comments, SVG or quoted '>' is still too deep", "[extract][html][cage]") {
  // Each of these made gumbo build a 300,000-deep tree and overflow the stack
  // freeing it (issue 15): "<!-->" is a whole comment, <title> inside SVG is
  // no raw text, a '>' in a quoted value does not end the tag.
  for (const char* lead : {"<p><!-->", "<p><!--->", "<p><!-- x --!>", "<p><svg><title>", "<p><svg><style>",
                           "<p title=\"><!--\">", "<p title='><!--'>", "<p><b title=\"><style>\">", "<math><mi><svg><desc>"}) {
    INFO(lead);
    Extracted x;
    const Status s = ExtractHtml(std::string(lead) + Repeat("<span>", 300'000), &x);
    CHECK(s.code() == "html_too_deep");
    CHECK(s.exit_code() == ExitCode::kDataErr);
  }
  // A name is read to a space, '/' or '>': <p-x> is a custom element, not a <p>.
  // <rt> nests outside a <ruby>, <optgroup> outside a <select>; HTML start
  // tags leave SVG, where "<div/>" opens a <div> again.
  for (const char* unit : {"<p-x>", "<rt>", "<optgroup>"}) {
    INFO(unit);
    Extracted x;
    CHECK(ExtractHtml("<body>" + Repeat(unit, 100'000), &x).code() == "html_too_deep");
  }
  Extracted x;
  CHECK(ExtractHtml("<body><svg><p>" + Repeat("<div/>", 100'000), &x).code() == "html_too_deep");
  CHECK(ExtractHtml("<body><svg><desc>" + Repeat("<div/>", 100'000), &x).code() == "html_too_deep");
}

TEST_CASE("the markup check lets real pages through", "[extract][html][cage]") {
  // An SVG sprite of self-closing shapes, ruby annotations and option groups
  // are flat; the three bypasses above, used once, are harmless.
  const std::string page = "<html><body><svg>" + Repeat("<path d=\"M0 0\"/>", 5'000) + "</svg><p><!--><p title=\">\">" +
                           Repeat("<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>", 1'000) + "<select>" +
                           Repeat("<optgroup label=x><option>a", 1'000) + "</select><p>La CNIL a statué.</body></html>";
  Extracted x;
  const Status s = ExtractHtml(page, &x);
  INFO(s.ToString());
  CHECK(s.ok());
}

TEST_CASE("gumbo's tree is freed at once: a deep tree the check misses parses in-process", "[extract][html][cage]") {
  // gumbo ignores "</span>" when a <noscript> is open above the <span>; the
  // check pops both. 300,000 open elements: gumbo's own recursive free used
  // to overflow the stack here.
  Extracted x;
  const Status s = ExtractHtml("<body>" + Repeat("<span><noscript></span>", 150'000) + "<p>La fin.", InProcess(), &x);
  INFO(s.ToString());
  CHECK(s.ok());
}

TEST_CASE("a crash in gumbo is the error html_too_complex", "[extract][html][cage]") {
  // A <frameset> after the same deep tree makes gumbo destroy the <body>
  // recursively while it parses: a stack overflow in the child.
  Extracted x;
  const Status s = ExtractHtml(Repeat("<span><noscript></span>", 150'000) + "<frameset>", &x);
  CHECK(s.code() == "html_too_complex");
  CHECK(s.exit_code() == ExitCode::kDataErr);
  CHECK(s.message().find("crashed") != std::string::npos);
}

TEST_CASE("a page that takes gumbo longer than the timeout is the error timeout", "[extract][html][cage]") {
  // <section> makes gumbo scan its whole stack for a <p>: quadratic.
  ExtractOptions options;
  options.timeout_seconds = 1;
  Extracted x;
  const auto start = std::chrono::steady_clock::now();
  const Status s = ExtractHtml("<body>" + Repeat("<span><section></span>", 150'000), options, &x);
  CHECK(s.code() == "timeout");
  CHECK(s.exit_code() == ExitCode::kDataErr);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(15));
}

TEST_CASE("the text of a page is bounded", "[extract][html][cage]") {
  for (const bool isolate : {true, false}) {
    INFO(isolate);
    ExtractOptions options;
    options.isolate = isolate;
    options.max_text_bytes = 100;
    Extracted x;
    CHECK(ExtractHtml("<p>" + Repeat("La CNIL a statué. ", 10), options, &x).code() == "html_too_complex");
    CHECK(ExtractHtml("<p>La CNIL a statué.", options, &x).ok());
  }
}

TEST_CASE("the text and the pages of a PDF are bounded", "[extract][pdf][cage]") {
  for (const bool isolate : {true, false}) {
    INFO(isolate);
    ExtractOptions options;
    options.isolate = isolate;
    options.max_text_bytes = 100;
    Extracted x;
    const Status s = ExtractPdf(Fixture("two-pages.pdf"), options, &x);
    CHECK(s.code() == "pdf_too_complex");
    CHECK(s.message().find("by page 1 of 2") != std::string::npos);
    options.max_text_bytes = 4 * kDefaultMaxBytes;
    options.max_pages = 1;
    CHECK(ExtractPdf(Fixture("two-pages.pdf"), options, &x).code() == "pdf_too_complex");
    options.max_pages = 2;
    CHECK(ExtractPdf(Fixture("two-pages.pdf"), options, &x).ok());
  }
}

TEST_CASE("PDFs are read in parallel, each by its thread's server", "[extract][pdf][cage]") {
  const std::string pdf = Fixture("two-pages.pdf");
  const Extracted alone = MustExtract(pdf);
  std::vector<std::thread> threads;
  std::atomic<int> same{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int k = 0; k < 5; ++k) {
        Extracted x;
        if (Extract(pdf, "", InputFormat::kAuto, &x).ok() && x.decoded.text == alone.decoded.text) ++same;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  CHECK(same == 20);
}

// --- encodings as declared (issue 15, item 18) ------------------------------------

TEST_CASE("a BOM of any kind comes before sniffing: UTF-16 and UTF-32 pages are HTML", "[extract][encoding]") {
  const auto utf16 = [](std::string_view ascii, bool big_endian) {
    std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (char c : ascii) out += big_endian ? std::string{'\0', c} : std::string{c, '\0'};
    return out;
  };
  const auto utf32le = [](std::string_view ascii) {
    std::string out("\xFF\xFE\0\0", 4);
    for (char c : ascii) out += std::string{c, '\0', '\0', '\0'};
    return out;
  };
  const std::string page = "<!DOCTYPE html><html><body><p>La CNIL a statu&eacute;.</p></body></html>";
  for (const std::string& bytes : {utf16(page, false), utf16(page, true), utf32le(page), utf16(page, false).substr(2)}) {
    CHECK(DetectFormat(bytes, "page.txt") == InputFormat::kHtml);
    const Extracted x = MustExtract(bytes, "page.txt");
    CHECK(x.info.format == InputFormat::kHtml);
    CHECK(x.decoded.text == "La CNIL a statué.");
  }
}

TEST_CASE("the charset a page declares is found as browsers find it", "[extract][encoding]") {
  CHECK(DeclaredCharset("<html><head><meta charset=\"iso-8859-15\">") == "iso-8859-15");
  CHECK(DeclaredCharset("<meta charset=windows-1252>") == "windows-1252");
  CHECK(DeclaredCharset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">") ==
        "ISO-8859-1");
  CHECK(DeclaredCharset("<meta content='text/html;charset=\"utf-8\"' http-equiv='content-type'>") == "utf-8");
  CHECK(DeclaredCharset("<meta content=\"text/html; charset=latin1\">").empty());  // no http-equiv
  CHECK(DeclaredCharset("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>") == "ISO-8859-15");
  CHECK(DeclaredCharset("<!-- <meta charset=koi8-r> --><meta charset=utf-8>") == "utf-8");
  CHECK(DeclaredCharset("<!--><meta charset=utf-8>") == "utf-8");  // "<!-->" is a whole comment
  CHECK(DeclaredCharset("<div title=\"<meta charset=koi8-r>\"><meta charset=utf-8>") == "utf-8");
  CHECK(DeclaredCharset("<html><body><p>Rien.</p>").empty());
}

TEST_CASE("a page is decoded in the charset it declares, with a diagnostic when the bytes disagree", "[extract][encoding]") {
  // ISO-8859-15's 0xA4 is the euro sign (windows-1252's is ¤).
  Extracted x = MustExtract("<html><head><meta charset=\"iso-8859-15\"></head><body><p>Amende de 20 000 \xA4.</p>");
  CHECK(x.decoded.text == "Amende de 20 000 €.");
  CHECK(x.decoded.encoding == "ISO-8859-15");
  CHECK(x.decoded.diagnostics.empty());

  x = MustExtract("<?xml version=\"1.0\" encoding=\"iso-8859-15\"?><html><body><p>20 000 \xA4</p>");
  CHECK(x.decoded.text == "20 000 €");

  // "iso-8859-1" means windows-1252 to browsers: 0x80 is the euro sign.
  x = MustExtract("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>20 \x80 d\xE9j\xE0");
  CHECK(x.decoded.text == "20 € déjà");
  CHECK(x.decoded.encoding == "windows-1252");

  // Declared Latin, bytes UTF-8: the bytes win.
  x = MustExtract("<meta charset=\"iso-8859-15\"><p>Conseil d’État");
  CHECK(x.decoded.text == "Conseil d’État");
  CHECK(x.decoded.encoding == "UTF-8");
  REQUIRE(x.decoded.diagnostics.size() == 1);
  CHECK(x.decoded.diagnostics[0].code == "charset_mismatch");

  // Declared UTF-8, bytes Latin: the bytes win too.
  x = MustExtract("<meta charset=\"utf-8\"><p>d\xE9lib\xE9ration de la Commission \xE0 Paris");
  CHECK(x.decoded.text == "délibération de la Commission à Paris");
  REQUIRE(x.decoded.diagnostics.size() == 1);
  CHECK(x.decoded.diagnostics[0].code == "charset_mismatch");

  x = MustExtract("<meta charset=\"klingon-8\"><p>La CNIL");
  CHECK(x.decoded.text == "La CNIL");
  REQUIRE(x.decoded.diagnostics.size() == 1);
  CHECK(x.decoded.diagnostics[0].code == "unknown_charset");
}

}  // namespace lexfr
