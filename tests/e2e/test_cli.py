"""End-to-end tests of the foundation: one behaviour each, on the real binary."""
import json
import os
import pathlib
import subprocess
import tempfile
import unittest

from lexfr_e2e import BIN, CORPUS, SAMPLE, Case, analyze, parse_documents, run


class AnalyzeOutput(Case):
    def test_seed_article_gives_a_valid_document(self):
        doc = analyze(SAMPLE)
        self.assertEqual(doc["schema"], "lexfr/1")
        self.assertEqual(doc["source"]["path"], str(SAMPLE))
        self.assertEqual(doc["source"]["bytes"], SAMPLE.stat().st_size)
        self.assertEqual(doc["source"]["encoding"], "UTF-8")
        self.assertEqual(doc["language"], "fr")
        self.assertGreater(doc["stats"]["sentences"], 20)
        self.assertGreater(doc["stats"]["tokens"], 600)
        self.assertEqual(doc["diagnostics"], [])
        self.assertMentionsIndexText(doc, SAMPLE.read_text(encoding="utf-8"))

    def test_sha256_is_of_the_raw_bytes(self):
        import hashlib
        doc = analyze(SAMPLE)
        self.assertEqual(doc["source"]["sha256"], hashlib.sha256(SAMPLE.read_bytes()).hexdigest())

    def test_output_is_byte_identical_across_runs(self):
        a, b = run("analyze", SAMPLE), run("analyze", SAMPLE)
        self.assertEqual(a.returncode, 0)
        self.assertEqual(a.stdout, b.stdout)

    def test_stdout_is_only_json(self):
        r = run("analyze", "-v", SAMPLE)
        parse_documents(r.stdout)  # raises on anything else

    def test_pretty_and_compact_hold_the_same_document(self):
        compact = run("analyze", SAMPLE).stdout
        pretty = run("analyze", "--pretty", SAMPLE).stdout
        self.assertEqual(compact.count(b"\n"), 1)
        self.assertGreater(pretty.count(b"\n"), 10)
        self.assertEqual(json.loads(compact), json.loads(pretty))

    def test_several_inputs_give_json_lines_in_order(self):
        files = sorted(pathlib.Path(SAMPLE).parents[2].glob("tests/corpus/dev/*.txt"))[:3]
        r = run("analyze", *files)
        self.assertEqual(r.returncode, 0)
        lines = r.stdout.decode().splitlines()
        self.assertEqual([json.loads(l)["source"]["path"] for l in lines], [str(f) for f in files])

    def test_folder_gives_json_lines_of_its_txt_files_in_path_order(self):
        # A folder used to be exit 66 (is_directory); it is now walked (more in test_batch.py).
        r = run("analyze", CORPUS)
        self.assertEqual(r.returncode, 0, r.stderr)
        paths = [d["source"]["path"] for d in parse_documents(r.stdout)]
        self.assertEqual(paths, sorted(str(p) for p in CORPUS.glob("*.txt")))

    def test_format_jsonl_for_one_input_is_one_line(self):
        r = run("analyze", "--format", "jsonl", "--pretty", SAMPLE)
        self.assertEqual(r.stdout.count(b"\n"), 1)

    def test_output_file(self):
        with tempfile.TemporaryDirectory() as d:
            out = pathlib.Path(d) / "out.json"
            r = run("analyze", SAMPLE, "-o", out)
            self.assertEqual(r.returncode, 0)
            self.assertEqual(r.stdout, b"")
            self.assertEqual(parse_documents(out.read_bytes())[0]["schema"], "lexfr/1")


class StandardInput(Case):
    def test_dash_reads_stdin_and_path_is_dash(self):
        doc = analyze("-", input_bytes=SAMPLE.read_bytes())
        self.assertEqual(doc["source"]["path"], "-")
        self.assertEqual(doc["stats"], analyze(SAMPLE)["stats"])

    def test_no_path_with_a_pipe_reads_stdin(self):
        doc = analyze(input_bytes="La CNIL a sanctionné Google.".encode())
        self.assertEqual(doc["source"]["path"], "-")
        self.assertEqual(doc["stats"]["tokens"], 6)


class Encodings(Case):
    """The same text in every encoding gives the same entities and offsets
    relative to its decoded text."""

    TEXT = SAMPLE.read_text(encoding="utf-8")

    def analyze_bytes(self, data, suffix=".txt"):
        with tempfile.NamedTemporaryFile(suffix=suffix) as f:
            f.write(data)
            f.flush()
            return analyze(f.name)

    @staticmethod
    def keys(doc):
        return [(e["type"], e["canonical"], len(e["mentions"])) for e in doc["entities"]]

    def check_same(self, doc, encoding, text):
        self.assertEqual(doc["source"]["encoding"], encoding)
        self.assertEqual(self.keys(doc), self.keys(self.reference))
        self.assertMentionsIndexText(doc, text)
        self.assertEqual(doc["stats"]["tokens"], self.reference["stats"]["tokens"])

    def setUp(self):
        self.reference = analyze(SAMPLE)

    def test_windows_1252(self):
        doc = self.analyze_bytes(self.TEXT.encode("cp1252"))
        self.check_same(doc, "windows-1252", self.TEXT)
        self.assertIn("encoding_guessed", [d["code"] for d in doc["diagnostics"]])

    def test_utf16le_with_bom(self):
        doc = self.analyze_bytes(b"\xff\xfe" + self.TEXT.encode("utf-16-le"))
        self.check_same(doc, "UTF-16LE", self.TEXT)
        self.assertTrue(doc["source"]["bom"])

    def test_utf8_with_bom(self):
        doc = self.analyze_bytes(b"\xef\xbb\xbf" + self.TEXT.encode("utf-8"))
        self.check_same(doc, "UTF-8", self.TEXT)
        self.assertTrue(doc["source"]["bom"])

    def test_crlf(self):
        crlf = self.TEXT.replace("\n", "\r\n")
        doc = self.analyze_bytes(crlf.encode("utf-8"))
        self.check_same(doc, "UTF-8", crlf)
        self.assertEqual(doc["stats"]["sentences"], self.reference["stats"]["sentences"])

    def test_invalid_utf8_gives_replacement_and_diagnostic(self):
        data = "La Cnil a été saisie ".encode() + b"\xff\xfe\xfd" + " le 21 décembre 2023.".encode()
        doc = self.analyze_bytes(data)
        self.assertEqual(doc["source"]["encoding"], "UTF-8")
        diags = [d for d in doc["diagnostics"] if d["code"] == "invalid_utf8"]
        self.assertEqual(len(diags), 1)
        self.assertIn("byte 23", diags[0]["message"])

    def test_empty_file_is_a_valid_document_with_no_tokens(self):
        doc = self.analyze_bytes(b"")
        self.assertEqual(doc["stats"]["tokens"], 0)
        self.assertEqual(doc["stats"]["sentences"], 0)
        self.assertEqual(doc["entities"], [])
        self.assertIsNone(doc["recourse"])


class Failures(Case):
    def check_fails(self, args, code, fragment, **kw):
        r = run(*args, **kw)
        self.assertEqual(r.returncode, code, r.stderr)
        self.assertEqual(r.stdout, b"")
        err = r.stderr.decode()
        self.assertEqual(err.count("\n"), 1, err)  # one line
        self.assertIn(fragment, err)

    def test_binary_file(self):
        with tempfile.NamedTemporaryFile() as f:
            f.write(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50)
            f.flush()
            self.check_fails(["analyze", f.name], 65, "binary")

    def test_missing_file(self):
        self.check_fails(["analyze", "/nonexistent/article.txt"], 66, "no such file")

    def test_input_over_max_bytes(self):
        self.check_fails(["analyze", "--max-bytes", "100", SAMPLE], 65, "larger than --max-bytes")

    def test_endless_input_stops_at_max_bytes(self):
        self.check_fails(["analyze", "--max-bytes", "1000000", "/dev/zero"], 65, "larger than --max-bytes")

    def test_unwritable_output_file(self):
        self.check_fails(["analyze", SAMPLE, "-o", "/nonexistent/dir/out.json"], 73, "out.json")

    def test_disk_full(self):
        self.check_fails(["analyze", SAMPLE, "-o", "/dev/full"], 74, "No space left")

    def test_usage_error(self):
        r = run("analyze", "--no-such-flag", SAMPLE)
        self.assertEqual(r.returncode, 64)
        self.assertEqual(r.stdout, b"")

    def test_no_subcommand_is_a_usage_error(self):
        self.assertEqual(run().returncode, 64)

    def test_one_bad_input_among_several_gives_an_error_record(self):
        # Several inputs make a batch run: any failure is exit 65 (test_batch.py).
        r = run("analyze", SAMPLE, "/nonexistent.txt", SAMPLE)
        self.assertEqual(r.returncode, 65)
        docs = parse_documents(r.stdout)
        self.assertEqual(len(docs), 3)
        self.assertEqual(docs[1]["error"]["code"], "not_found")
        self.assertEqual(docs[1]["source"]["path"], "/nonexistent.txt")


class ClosedPipe(Case):
    def test_reader_going_away_ends_quietly_with_0(self):
        big = (SAMPLE.read_text(encoding="utf-8") + "\n") * 60  # ~250 KB of tokens output
        with tempfile.NamedTemporaryFile(suffix=".txt") as f:
            f.write(big.encode())
            f.flush()
            p = subprocess.Popen([BIN, "tokens", f.name], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            p.stdout.read(100)
            p.stdout.close()
            err = p.stderr.read()
            self.assertEqual(p.wait(timeout=60), 0)
            self.assertEqual(err, b"")


class Help(Case):
    def test_version(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.decode(), r"^lexfr \d+\.\d+\.\d+")

    def test_help_teaches_exit_codes_and_examples(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        out = r.stdout.decode()
        for word in ("analyze", "tokens", "schema", "Exit codes", "64", "jq"):
            self.assertIn(word, out)

    def test_schema_is_a_valid_draft_2020_12_schema(self):
        import jsonschema
        schema = json.loads(run("schema").stdout)
        self.assertEqual(schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
        jsonschema.Draft202012Validator.check_schema(schema)

    def test_no_color_in_logs_when_not_a_terminal(self):
        r = run("analyze", "/nonexistent.txt", env={**os.environ, "NO_COLOR": "1"})
        self.assertNotIn(b"\x1b[", r.stderr)

    def test_quiet_silences_info(self):
        with tempfile.NamedTemporaryFile(suffix=".txt") as f:
            f.write("La soci\xe9t\xe9".encode("latin-1"))
            f.flush()
            self.assertIn(b"encoding_guessed", run("analyze", "-v", f.name).stderr)
            self.assertEqual(run("analyze", "-q", f.name).stderr, b"")


class TypedOptions(Case):
    """Options are parsed once into their types: a bad value is a usage error (64) that says what was expected."""

    TEXT = "Le Conseil d'État a statué hier. La CNIL s'était réunie lundi dernier.\n"

    def dates_of(self, *args):
        r = run("analyze", *args, "-", input_bytes=self.TEXT.encode())
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        return {m["text"]: e["value"] for e in doc["entities"] if e["type"] == "DATE" for m in e["mentions"]}

    def test_relative_dates_resolve_against_ref_date(self):
        # 2024-03-06 is a Wednesday: hier is the 5th, lundi dernier the 4th.
        self.assertEqual(self.dates_of("--ref-date", "2024-03-06"), {"hier": "2024-03-05", "lundi dernier": "2024-03-04"})
        # A Monday: « lundi dernier » is the one a week before, not the day itself.
        self.assertEqual(self.dates_of("--ref-date", "2024-03-11"), {"hier": "2024-03-10", "lundi dernier": "2024-03-04"})

    def test_without_ref_date_relative_dates_are_left_out(self):
        self.assertEqual(self.dates_of(), {})

    def test_a_bad_ref_date_is_a_usage_error_that_says_what_is_expected(self):
        r = run("analyze", "--ref-date", "2023-02-29", "-", input_bytes=self.TEXT.encode())
        self.assertEqual((r.returncode, r.stdout), (64, b""))
        self.assertIn(b"--ref-date: wants a real calendar date YYYY-MM-DD between 1000 and 2100 (as in 2024-02-29), "
                      b"not '2023-02-29'", r.stderr)

    def test_jobs_is_a_number_from_1_to_1024(self):
        for value in ("0", "1025", "-1", "two", ""):
            with self.subTest(value=value):
                r = run("analyze", "--jobs", value, "-", input_bytes=self.TEXT.encode())
                self.assertEqual((r.returncode, r.stdout), (64, b""), r.stderr)
                self.assertIn(b"--jobs: wants a number of files at a time from 1 to 1024", r.stderr)
        for value in ("1", "1024"):
            with self.subTest(value=value):
                self.assertEqual(run("analyze", "--jobs", value, "-", input_bytes=self.TEXT.encode()).returncode, 0)

    def test_help_teaches_the_jobs_cap(self):
        self.assertIn(b"1 to 1024", run("analyze", "--help").stdout)


if __name__ == "__main__":
    unittest.main()
