"""Word (.docx) and LibreOffice (.odt) input: read by content, paragraphs,
footnotes and tables in reading order, the same entities as the plain text;
the other office formats refused naming a converter; bad archives are error
records. The documents are written by office_docs.py."""
import pathlib
import tempfile
import zipfile

from lexfr_e2e import CORPUS, Case, analyze, parse_documents, run
from office_docs import docx_bytes, odt_bytes, reading_order

PLAIN = CORPUS / "isoc-emc2-recours.txt"
OLE_MAGIC = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"


def keys(doc):
    return {(e["type"], e["canonical"]) for e in doc["entities"]}


def corpus_blocks():
    """The dev text's 17 paragraphs as a document: a heading, a paragraph
    with a footnote, a 2 x 2 table, the rest as paragraphs."""
    paragraphs = [p.strip() for p in PLAIN.read_text(encoding="utf-8").strip().split("\n\n")]
    assert len(paragraphs) == 17, len(paragraphs)
    return [("p", paragraphs[0]), ("p+note", paragraphs[1], paragraphs[2]), ("p", paragraphs[3]),
            ("table", [paragraphs[4:6], paragraphs[6:8]])] + [("p", p) for p in paragraphs[8:]]


class Office(Case):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.tmp = pathlib.Path(self.dir.name)

    def write(self, name, data):
        path = self.tmp / name
        path.write_bytes(data)
        return path

    def error_of(self, path, *args):
        """stderr and the error record of `path`, read in a batch beside a
        plain text that goes through (the run goes on)."""
        r = run("analyze", *args, path, PLAIN)
        self.assertEqual(r.returncode, 65, r.stderr)
        docs = parse_documents(r.stdout)
        self.assertEqual(len(docs), 2)
        self.assertNotIn("error", docs[1])
        return r.stderr.decode("utf-8"), docs[0]

    def assert_reads_as_plain_text(self, name, data, fmt):
        blocks = corpus_blocks()
        expected = reading_order(blocks)
        plain = self.write("same.txt", expected.encode("utf-8"))
        # Named .bin: the content decides, not the extension.
        path = self.write(name, data)
        doc = analyze(path)
        self.assertEqual(doc["source"]["format"], fmt)
        self.assertEqual(keys(doc), keys(analyze(plain)))
        self.assertGreater(len(keys(doc)), 10)
        r = run("analyze", "--emit-text", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = r.stdout.decode("utf-8")
        self.assertEqual(text.rstrip("\n"), expected)
        self.assertMentionsIndexText(doc, text)

    def test_docx_gives_the_text_in_reading_order_and_the_keys_of_the_plain_text(self):
        self.assert_reads_as_plain_text("decision.bin", docx_bytes(corpus_blocks()), "docx")

    def test_odt_gives_the_text_in_reading_order_and_the_keys_of_the_plain_text(self):
        self.assert_reads_as_plain_text("decision.bin", odt_bytes(corpus_blocks()), "odt")

    def test_page_breaks_give_pages_and_each_mention_its_page(self):
        blocks = corpus_blocks()
        blocks.insert(8, ("page",))
        text = reading_order(blocks)
        page2 = len(text[:text.index(blocks[9][1])])  # code points, as "start" counts
        for name, data in (("d.docx", docx_bytes(blocks)), ("d.odt", odt_bytes(blocks))):
            doc = analyze(self.write(name, data))
            self.assertEqual(doc["source"]["pages"], 2, name)
            pages = {m["page"] == (2 if m["start"] >= page2 else 1) for e in doc["entities"] for m in e["mentions"]}
            self.assertEqual(pages, {True}, name)
        # Without a marked break, no pages: nothing is guessed.
        self.assertNotIn("pages", analyze(self.write("none.docx", docx_bytes(corpus_blocks())))["source"])

    def test_input_format_docx_and_odt_are_accepted(self):
        path = self.write("d.docx", docx_bytes([("p", "La CNIL sanctionne Google.")]))
        self.assertEqual(analyze("--input-format", "docx", path)["source"]["format"], "docx")
        r = run("analyze", "--input-format", "odt", path, PLAIN)
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertEqual([d.get("error", {}).get("code") for d in parse_documents(r.stdout)],
                         ["office_invalid", "office_invalid"])

    def test_folders_take_docx_and_odt_by_default(self):
        self.write("a.docx", docx_bytes([("p", "La CNIL sanctionne Google.")]))
        self.write("b.odt", odt_bytes([("p", "Le Conseil d'Etat juge."), ("p", "Paris, le 3 mars 2024.")]))
        r = run("analyze", "-q", self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        docs = parse_documents(r.stdout)
        self.assertEqual([(pathlib.Path(d["source"]["path"]).name, d["source"]["format"]) for d in docs],
                         [("a.docx", "docx"), ("b.odt", "odt")])

    def test_doc_rtf_and_spreadsheets_are_refused_naming_a_converter(self):
        xlsx = self.tmp / "x.zip"
        with zipfile.ZipFile(xlsx, "w") as z:
            z.writestr("xl/workbook.xml", "<workbook/>")
        ods = odt_bytes([("p", "x")], mimetype="application/vnd.oasis.opendocument.spreadsheet")
        inputs = {"decision.doc": OLE_MAGIC + b"\0" * 504 + "WordDocument".encode("utf-16-le"),
                  "decision.rtf": rb"{\rtf1\ansi La CNIL sanctionne Google.}",
                  "table.xlsx": xlsx.read_bytes(), "table.ods": ods}
        for name, data in inputs.items():
            stderr, doc = self.error_of(self.write(name, data))
            self.assertEqual(doc["error"]["code"], "office_unsupported", name)
            self.assertIn("libreoffice --headless --convert-to txt", doc["error"]["message"], name)
            self.assertIn("pandoc", doc["error"]["message"], name)
            self.assertIn("libreoffice --headless --convert-to txt", stderr, name)

    def test_encrypted_documents_say_so(self):
        encrypted_docx = OLE_MAGIC + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64
        encrypted_odt = odt_bytes([("p", "x")], manifest_extra="<manifest:encryption-data/>")
        for name, data in {"secret.docx": encrypted_docx, "secret.odt": encrypted_odt}.items():
            _, doc = self.error_of(self.write(name, data))
            self.assertEqual(doc["error"]["code"], "office_encrypted", name)
            self.assertIn("password", doc["error"]["message"])

    def test_damaged_archives_and_xml_are_error_records_and_the_run_goes_on(self):
        good = docx_bytes(corpus_blocks())
        broken_xml = docx_bytes([], document_xml='<w:document xmlns:w="x"><w:body><w:p>')
        paths = [self.write("truncated.docx", good[: len(good) // 2]),
                 self.write("flipped.docx", good[:200] + bytes(b ^ 0xFF for b in good[200:400]) + good[400:]),
                 self.write("broken.docx", broken_xml), PLAIN]
        r = run("analyze", *paths)
        self.assertEqual(r.returncode, 65, r.stderr)
        docs = parse_documents(r.stdout)
        self.assertEqual([d.get("error", {}).get("code") for d in docs],
                         ["office_invalid", "office_invalid", "office_invalid", None])

    def test_a_zip_bomb_stops_at_four_times_max_bytes(self):
        # 40 MB of text in a few dozen KB: --max-bytes 100000 allows 400 KB.
        bomb = docx_bytes([("p", "La CNIL " + "a" * 40_000_000)])
        self.assertLess(len(bomb), 100_000)
        _, doc = self.error_of(self.write("bomb.docx", bomb), "--max-bytes", "100000")
        self.assertEqual(doc["error"]["code"], "office_too_complex")
        self.assertIn("400000", doc["error"]["message"])
