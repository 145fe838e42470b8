"""HTML pages and PDF files: detection, --input-format, --emit-text, pages,
and the errors of bad PDFs and HTML, on the fixtures of tests/fixtures/
(made from tests/corpus/dev/isoc-emc2-recours.txt by make_fixtures.py)."""
import json
import os
import pathlib
import shutil
import tempfile

from lexfr_e2e import CORPUS, ROOT, Case, analyze, parse_documents, run

FIXTURES = ROOT / "tests" / "fixtures"
PLAIN = CORPUS / "isoc-emc2-recours.txt"


def keys(doc):
    return {(e["type"], e["canonical"]) for e in doc["entities"]}


class Formats(Case):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.tmp = pathlib.Path(self.dir.name)

    def emit_text(self, *args):
        r = run("analyze", "--emit-text", *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.decode("utf-8")

    def batch_errors(self, *paths):
        """Analyses several inputs at once: the error records, by file name."""
        r = run("analyze", *paths)
        self.assertEqual(r.returncode, 65, r.stderr)
        docs = parse_documents(r.stdout)
        return {pathlib.Path(d["source"]["path"]).name: d["error"]["code"] for d in docs if "error" in d}

    def test_plain_text_says_text_and_has_no_pages(self):
        doc = analyze(PLAIN)
        self.assertEqual(doc["source"]["format"], "text")
        self.assertNotIn("pages", doc["source"])
        self.assertTrue(all("page" not in m for e in doc["entities"] for m in e["mentions"]))

    def test_html_page_gives_the_entities_of_the_plain_text(self):
        doc = analyze(FIXTURES / "article.html")
        self.assertEqual(keys(doc), keys(analyze(PLAIN)))
        source = doc["source"]
        self.assertEqual(source["format"], "html")
        self.assertEqual(source["lang"], "fr")
        self.assertEqual(source["published"], "2024-02-05")
        self.assertIn("Internet Society France", source["title"])
        text = self.emit_text(FIXTURES / "article.html")
        self.assertMentionsIndexText(doc, text)
        for dropped in ("cookies pour mesurer", "Cour de cassation", "Amazon", "Facebook", "Bordeaux"):
            self.assertNotIn(dropped, text)
        self.assertEqual(doc["stats"]["characters"], len(text))

    def test_input_format_forces_a_reading(self):
        doc = analyze("--input-format", "text", FIXTURES / "article.html")
        self.assertEqual(doc["source"]["format"], "text")
        self.assertIn("<article>", self.emit_text("--input-format", "text", FIXTURES / "article.html"))
        page = self.tmp / "page.txt"
        page.write_bytes((FIXTURES / "article.html").read_bytes())
        self.assertEqual(analyze(page)["source"]["format"], "html")  # content over extension
        self.assertEqual(analyze("--input-format", "html", PLAIN)["source"]["format"], "html")
        r = run("analyze", "--input-format", "rtf", PLAIN)
        self.assertEqual(r.returncode, 64)

    def test_pdf_gives_the_entities_of_the_plain_text_with_pages(self):
        pdf = FIXTURES / "two-pages.pdf"
        meta = json.loads((FIXTURES / "two-pages.json").read_text(encoding="utf-8"))
        doc = analyze(pdf)
        self.assertEqual(keys(doc), keys(analyze(PLAIN)))
        self.assertEqual(doc["source"]["format"], "pdf")
        self.assertEqual(doc["source"]["pages"], 2)
        text = self.emit_text(pdf)
        self.assertMentionsIndexText(doc, text)
        self.assertNotIn(meta["header"], text)
        self.assertIn(meta["hyphenated"], text)
        page2 = text.index(meta["page2_starts_with"])
        seen = set()
        for e in doc["entities"]:
            for m in e["mentions"]:
                self.assertEqual(m["page"], 2 if m["start"] >= page2 else 1, (e["canonical"], m))
                seen.add(m["page"])
        self.assertEqual(seen, {1, 2})

    def test_scan_is_an_error_that_says_so(self):
        r = run("analyze", FIXTURES / "scan.pdf")
        self.assertEqual(r.returncode, 65)
        self.assertEqual(r.stdout, b"")
        self.assertIn(b"no text layer", r.stderr)
        r = run("analyze", "--emit-text", FIXTURES / "scan.pdf")
        self.assertEqual(r.returncode, 65)
        self.assertIn(b"no text layer", r.stderr)

    def test_without_the_pdf_module_a_pdf_is_a_configuration_error(self):
        env = dict(os.environ, LEXFR_PDF_MODULE=str(self.tmp / "missing.so"))
        r = run("analyze", FIXTURES / "two-pages.pdf", env=env)
        self.assertEqual(r.returncode, 78)
        self.assertEqual(r.stdout, b"")
        self.assertIn(b"PDF support is not installed", r.stderr)
        # Text needs no module: the same environment analyses plain text.
        r = run("analyze", PLAIN, env=env)
        self.assertEqual(r.returncode, 0)

    def test_bad_pdfs_are_error_records(self):
        data = (FIXTURES / "two-pages.pdf").read_bytes()
        (self.tmp / "truncated.pdf").write_bytes(data[: len(data) // 2])
        (self.tmp / "fake.pdf").write_bytes(b"Ceci n'est pas un PDF.")
        shutil.copy(FIXTURES / "encrypted.pdf", self.tmp)
        shutil.copy(FIXTURES / "scan.pdf", self.tmp)
        errors = self.batch_errors(*(self.tmp / n for n in ("truncated.pdf", "fake.pdf", "encrypted.pdf", "scan.pdf")),
                                   PLAIN)
        self.assertEqual(errors, {"truncated.pdf": "pdf_invalid", "fake.pdf": "pdf_invalid",
                                  "encrypted.pdf": "pdf_encrypted", "scan.pdf": "no_text_layer"})

    def test_fifty_megabytes_of_nested_div_is_refused_quickly(self):
        deep = self.tmp / "deep.html"
        deep.write_bytes(b"<html><body>" + b"<div>" * 10_000_000)
        unclosed = self.tmp / "unclosed.html"
        unclosed.write_bytes(b"<p>La CNIL <b>sanctionne <i>Google<p>le 6 janvier 2022<div><span>Paris")
        errors = self.batch_errors(deep, unclosed)
        self.assertEqual(errors, {"deep.html": "html_too_deep"})  # refused before parsing
        self.assertEqual(keys(analyze(unclosed)), {("ORG", "CNIL"), ("ORG", "Google"), ("DATE", "2022-01-06"),
                                                   ("LOC", "Paris")})

    def test_folders_take_html_and_pdf_by_default(self):
        for name in ("article.html", "two-pages.pdf"):
            shutil.copy(FIXTURES / name, self.tmp)
        shutil.copy(PLAIN, self.tmp / "plain.txt")
        (self.tmp / "page.htm").write_text("<p>La CNIL</p>", encoding="utf-8")
        (self.tmp / "notes.md").write_text("# La CNIL", encoding="utf-8")
        r = run("analyze", "-q", self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        docs = parse_documents(r.stdout)
        self.assertEqual([(pathlib.Path(d["source"]["path"]).name, d["source"]["format"]) for d in docs],
                         [("article.html", "html"), ("page.htm", "html"), ("plain.txt", "text"),
                          ("two-pages.pdf", "pdf")])
        r = run("analyze", "-q", "--include", "*.pdf", self.tmp)
        self.assertEqual([d["source"]["format"] for d in parse_documents(r.stdout)], ["pdf"])
