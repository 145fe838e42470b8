"""Issue 23: output people can use without a script — tables (CSV, TSV),
one JSON array for several inputs, --sentences, --types, --no-mentions, and
tidy values (aliases with plain spaces, integral amounts as integers)."""
import csv
import errno
import io
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import unittest

from lexfr_e2e import BIN, CORPUS, SAMPLE, Case, parse_documents, run, validator

# Written for these tests: a no-break space in one date and not the other, a
# fine in millions, a quote, a comma and a line break inside one sentence.
PROBE = ("Le 21\u00a0décembre 2023, la CNIL a infligé à la société Exemple une amende de "
         "150 millions d’euros, « pour des cookies », en application de l’article 82 de la loi "
         "Informatique et Libertés.\nLe 21 décembre 2023 encore,\r\nla CNIL a publié sa décision.\n")

COLUMNS = ["path", "type", "canonical", "subtype", "instrument", "article", "value", "amount", "currency",
           "mentions", "text", "start", "end", "byte_start", "byte_end", "sentence", "sentence_text", "page", "id"]


def read_tsv(text):
    """TSV as lexfr writes it: tabs between cells, \\t \\n \\r \\\\ escaped."""
    def unescape(cell):
        out, i = [], 0
        while i < len(cell):
            if cell[i] == "\\" and i + 1 < len(cell):
                out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[cell[i + 1]])
                i += 2
            else:
                out.append(cell[i])
                i += 1
        return "".join(out)
    return [[unescape(c) for c in line.split("\t")] for line in text.split("\n") if line]


class Tables(Case):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lexfr-tables-")
        cls.probe = os.path.join(cls.tmp, "probe.txt")
        with open(cls.probe, "w", encoding="utf-8", newline="") as f:
            f.write(PROBE)
        cls.doc = parse_documents(run("analyze", cls.probe).stdout)[0]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def table(self, *args, fmt="csv"):
        r = run("analyze", "-q", "--format", fmt, *args)
        text = r.stdout.decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline=""))) if fmt == "csv" else read_tsv(text)
        return r, rows

    def expected_rows(self, doc, per_mention=False):
        """The rows the JSON says there should be, as strings."""
        sentences = parse_documents(run("analyze", "--sentences", doc["source"]["path"]).stdout)[0]["sentences"]
        rows = []
        for e in doc["entities"]:
            for m in (e["mentions"] if per_mention else e["mentions"][:1]):
                amount = e.get("amount")
                rows.append({
                    "path": doc["source"]["path"], "type": e["type"], "canonical": e["canonical"],
                    "subtype": e.get("subtype", "") if e["type"] in ("ORG", "LOC") else "",
                    "instrument": e.get("instrument", ""), "article": e.get("article") or "",
                    "value": e.get("value", ""), "amount": "" if amount is None else json.dumps(amount),
                    "currency": e.get("currency", ""), "mentions": str(len(e["mentions"])),
                    "text": m["text"], "start": str(m["start"]), "end": str(m["end"]),
                    "byte_start": str(m["byte_start"]), "byte_end": str(m["byte_end"]),
                    "sentence": str(m["sentence"]), "sentence_text": sentences[m["sentence"]]["text"],
                    "page": str(m.get("page", "")), "id": ""})
        return rows

    def test_csv_read_back_with_the_csv_module_is_the_json(self):
        r, rows = self.table(self.probe)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.endswith(b"\r\n"), "RFC 4180 lines end with CRLF")
        self.assertEqual(rows[0], COLUMNS)
        got = [dict(zip(COLUMNS, row)) for row in rows[1:]]
        self.assertEqual(got, self.expected_rows(self.doc))
        # the probe's sentence holds a comma, quotes and a line break: quoted, given back whole
        self.assertTrue(any("\n" in row["sentence_text"] or "," in row["sentence_text"] for row in got))

    def test_tsv_per_mention_read_back_is_the_json(self):
        r, rows = self.table("--rows", "mentions", self.probe, fmt="tsv")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(rows[0], COLUMNS)
        self.assertNotIn(b"\r\n", r.stdout)
        got = [dict(zip(COLUMNS, row)) for row in rows[1:]]
        self.assertEqual(got, self.expected_rows(self.doc, per_mention=True))
        self.assertGreater(len(got), len(self.doc["entities"]))

    def test_a_folder_gives_one_header_then_every_file_and_an_error_row(self):
        bad = os.path.join(self.tmp, "missing.txt")
        r, rows = self.table(CORPUS, self.probe, bad)
        self.assertEqual(r.returncode, 65)
        self.assertEqual(rows.count(COLUMNS), 1)
        self.assertEqual(rows[0], COLUMNS)
        paths = {row[0] for row in rows[1:]}
        self.assertEqual(len([p for p in paths if p.endswith(".txt") and "dev" in p]),
                         len(list(CORPUS.glob("*.txt"))))
        errors = [dict(zip(COLUMNS, row)) for row in rows if row[1] == "ERROR"]
        self.assertEqual(len(errors), 1)
        self.assertEqual((errors[0]["path"], errors[0]["subtype"]), (bad, "not_found"))
        # input order, as the JSON Lines of the same run
        jsonl = parse_documents(run("analyze", "-q", CORPUS, self.probe, bad).stdout)
        order = list(dict.fromkeys(d["source"]["path"] for d in jsonl if d.get("entities") or d.get("error")))
        self.assertEqual(list(dict.fromkeys(row[0] for row in rows[1:])), order)

    def test_types_filter_rows_and_mapper_mode_fills_id(self):
        line = json.dumps({"id": "d-1", "text": PROBE}, ensure_ascii=False) + "\n" + '{"id": 2}\n'
        r = run("analyze", "-q", "--input-jsonl", "-", "--format", "csv", "--types", "money,LEGAL_REF",
                input_bytes=line.encode("utf-8"))
        rows = [dict(zip(COLUMNS, row)) for row in csv.reader(io.StringIO(r.stdout.decode(), newline=""))][1:]
        self.assertEqual([row["type"] for row in rows], ["MONEY", "LEGAL_REF", "ERROR"])
        self.assertEqual([row["id"] for row in rows], ["d-1", "d-1", "2"])
        self.assertEqual(rows[0]["amount"], "150000000")

    def test_a_document_without_entities_gives_the_header_alone(self):
        r = run("analyze", "--format", "csv", "-", input_bytes=b"rien\n")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.decode(), ",".join(COLUMNS) + "\r\n")

    def test_rows_without_a_table_is_a_usage_error(self):
        r = run("analyze", "--rows", "mentions", self.probe)
        self.assertEqual(r.returncode, 64)
        self.assertIn(b"--format csv or tsv", r.stderr)
        self.assertEqual(r.stdout, b"")

    def test_folder_output_gives_one_table_per_input_each_with_its_header(self):
        out = os.path.join(self.tmp, "out") + "/"
        r = run("analyze", "-q", "--format", "tsv", self.probe, SAMPLE, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        for name in ("probe.txt.tsv", SAMPLE.name + ".tsv"):
            with open(out + name, encoding="utf-8") as f:
                rows = read_tsv(f.read())
            self.assertEqual(rows[0], COLUMNS)
            self.assertGreater(len(rows), 1)


class JsonMeansJson(Case):
    def test_several_inputs_in_json_are_one_array_pretty_or_not(self):
        files = sorted(CORPUS.glob("*.txt"))[:3]
        lines = parse_documents(run("analyze", "-q", *files).stdout)
        for extra in ([], ["--pretty"]):
            r = run("analyze", "-q", "--format", "json", *extra, *files, "/nonexistent/x.txt")
            self.assertEqual(r.returncode, 65)
            array = json.loads(r.stdout)  # one JSON value, which json.load reads
            self.assertIsInstance(array, list)
            for record in array:
                validator().validate(record)
            self.assertEqual(array[:3], lines)
            self.assertEqual(array[3]["error"]["code"], "not_found")

    def test_pretty_over_several_inputs_is_an_indented_array(self):
        r = run("analyze", "-q", "--pretty", SAMPLE, SAMPLE)
        self.assertTrue(r.stdout.startswith(b"[\n{\n  \"schema\""))
        self.assertEqual([d["source"]["path"] for d in json.loads(r.stdout)], [str(SAMPLE)] * 2)

    def test_a_folder_in_json_is_an_array_and_nothing_is_an_empty_one(self):
        r = run("analyze", "-q", "--format", "json", CORPUS)
        self.assertEqual(len(json.loads(r.stdout)), len(list(CORPUS.glob("*.txt"))))
        empty = tempfile.mkdtemp(prefix="lexfr-empty-")
        try:
            r = run("analyze", "-q", "--format", "json", empty)
            self.assertEqual(json.loads(r.stdout), [])
        finally:
            shutil.rmtree(empty)

    def test_one_input_in_json_is_one_object_and_jsonl_stays_lines(self):
        self.assertIsInstance(json.loads(run("analyze", "--format", "json", SAMPLE).stdout), dict)
        r = run("analyze", "-q", "--format", "jsonl", SAMPLE, SAMPLE)
        self.assertEqual([json.loads(l)["source"]["path"] for l in r.stdout.splitlines()], [str(SAMPLE)] * 2)

    @staticmethod
    def close_fifo_when_read(p, fifo):
        """Opens the FIFO once lexfr reads it (it then sees its end), or gives up when the run ended first."""
        while p.poll() is None:
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
                return
            except OSError as e:
                if e.errno != errno.ENXIO:
                    raise
                time.sleep(0.01)

    def test_a_signal_still_closes_the_array(self):
        tmp = tempfile.mkdtemp(prefix="lexfr-sigint-")
        try:
            fifo = os.path.join(tmp, "fifo")
            os.mkfifo(fifo)
            files = sorted(CORPUS.glob("*.txt"))[:2]
            # The run blocks on the FIFO after the first records: the signal comes then.
            p = subprocess.Popen([BIN, "analyze", "-q", "--format", "json", "--jobs", "1", *files, fifo, *files],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
            try:
                head = p.stdout.readline()
                p.send_signal(signal.SIGINT)
                feeder = threading.Thread(target=self.close_fifo_when_read, args=(p, fifo))
                feeder.start()
                rest, err = p.communicate(timeout=60)
                feeder.join()
            finally:
                if p.poll() is None:
                    p.kill()
            self.assertEqual(p.returncode, 130, err)
            array = json.loads(head + rest)
            self.assertGreaterEqual(len(array), 1)
            self.assertLess(len(array), 5)
            self.assertEqual([d["source"]["path"] for d in array], [str(f) for f in files][:len(array)])
        finally:
            shutil.rmtree(tmp)

    def test_a_closed_pipe_ends_quietly(self):
        p = subprocess.run(f"'{BIN}' analyze -q --format json '{CORPUS}' | head -c 11", shell=True,
                           capture_output=True, timeout=120)
        self.assertEqual(p.stdout, b"[\n{\"schema\"")


class Shapes(Case):
    @classmethod
    def setUpClass(cls):
        cls.full = parse_documents(run("analyze", SAMPLE).stdout)[0]

    def test_sentences_resolve_mentions_and_evidence_with_jq_alone(self):
        doc = parse_documents(run("analyze", "--sentences", SAMPLE).stdout)[0]
        text = SAMPLE.read_text(encoding="utf-8")
        sentences = doc["sentences"]
        self.assertEqual(len(sentences), doc["stats"]["sentences"])
        for s in sentences:
            self.assertEqual(text[s["start"]:s["end"]], s["text"])
        for e in doc["entities"]:
            for m in e["mentions"]:
                s = sentences[m["sentence"]]
                self.assertTrue(s["start"] <= m["start"] and m["end"] <= s["end"], (m, s))
        for field, indices in doc["recourse"]["evidence"].items():
            for i in indices:
                self.assertLess(i, len(sentences), field)
        for g in doc["recourse"]["grounds"]:
            self.assertIn(g["text"], text[g["start"]:g["end"]] + g["text"])
        # everything else is the default output, byte for byte
        del doc["sentences"]
        self.assertEqual(doc, self.full)
        # the README's recipe
        p = subprocess.run(f"'{BIN}' analyze --sentences '{SAMPLE}' | jq -r '.sentences[.entities[0].mentions[0].sentence].text'",
                           shell=True, capture_output=True, timeout=120)
        m = self.full["entities"][0]["mentions"][0]
        self.assertIn(m["text"], p.stdout.decode())

    def test_types_keep_those_types_and_no_mentions_drops_the_lists(self):
        doc = parse_documents(run("analyze", "--types", "LEGAL_REF,date", "--no-mentions", SAMPLE).stdout)[0]
        want = [e for e in self.full["entities"] if e["type"] in ("LEGAL_REF", "DATE")]
        for e in want:
            del e["mentions"]
        self.assertTrue(want)
        self.assertEqual(doc["entities"], want)
        self.assertEqual(doc["stats"], self.full["stats"])
        self.assertLess(len(run("analyze", "--no-mentions", SAMPLE).stdout), len(run("analyze", SAMPLE).stdout) * 0.7)

    def test_an_unknown_type_is_a_usage_error(self):
        r = run("analyze", "--types", "ORG,FIRM", SAMPLE)
        self.assertEqual(r.returncode, 64)
        self.assertIn(b"FIRM", r.stderr)


class TidyValues(Case):
    def test_aliases_differing_by_a_no_break_space_are_one_with_plain_spaces(self):
        text = "Le 21\u00a0décembre 2023 puis le 21 décembre 2023 et le 21\u202fdécembre 2023.\n"
        doc = parse_documents(run("analyze", "-", input_bytes=text.encode()).stdout)[0]
        date = [e for e in doc["entities"] if e["type"] == "DATE"][0]
        self.assertEqual(date["aliases"], ["21 décembre 2023"])
        self.assertEqual([m["text"] for m in date["mentions"]],
                         ["21\u00a0décembre 2023", "21 décembre 2023", "21\u202fdécembre 2023"])
        self.assertMentionsIndexText(doc, text)

    def test_the_readme_jq_merge_gives_back_the_same_bytes(self):
        # `jq -s -c 'sort_by(.source.path)[]'` rewrote 150000000.0 as 150000000: the merge was not exact.
        batch = run("analyze", "-q", CORPUS).stdout
        self.assertIn(b'"amount":150000000,', batch)
        merged = subprocess.run(["jq", "-s", "-c", "sort_by(.source.path)[]"], input=batch, capture_output=True,
                                timeout=120).stdout
        self.assertEqual(merged, batch)

    def test_integral_amounts_are_integers_and_others_keep_their_decimals(self):
        text = "Une amende de 150 millions d’euros, puis une autre de 1 234,56 euros.\n"
        r = run("analyze", "-", input_bytes=text.encode())
        amounts = [e["amount"] for e in json.loads(r.stdout)["entities"] if e["type"] == "MONEY"]
        self.assertEqual(amounts, [150000000, 1234.56])
        self.assertIn(b'"amount":150000000,', r.stdout)


if __name__ == "__main__":
    unittest.main()
