"""Mapper mode (issue 11): `lexfr analyze --input-jsonl -` reads JSON Lines
documents on stdin and writes one record a line, in input order, with
source.id; a bad line gives an error record on its line and the stream goes
on; memory stays flat however long the stream."""
import json
import os
import pathlib
import subprocess
import tempfile
import unittest

from lexfr_e2e import BIN, CORPUS, Case, parse_documents, run

TEXTS = sorted(CORPUS.glob("*.txt"))


def jsonl(*objects):
    return b"".join(json.dumps(o, ensure_ascii=False).encode("utf-8") + b"\n" for o in objects)


def mapper(stdin_bytes, *args):
    return run("analyze", "--input-jsonl", "-", *args, input_bytes=stdin_bytes)


def vm_hwm_kib(pid):
    """The peak RSS of a running process (VmHWM: of its own memory since
    exec), or 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss_kib(stdin_path, *args):
    """Exit code, output lines and peak RSS (KiB) of one mapper run reading a
    file on stdin. The peak is sampled from /proc while the output is read:
    the child's rusage would count the memory of the Python process it was
    forked from, before exec."""
    # Under AddressSanitizer (tests/check.sh runs the suite again so), freed
    # memory would wait in a quarantine of up to 256 MiB and look like growth.
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "quarantine_size_mb=0"]))
    peak = lines = 0
    with open(stdin_path, "rb") as stdin, \
            subprocess.Popen([BIN, "analyze", "--input-jsonl", "-", "-q", *args], stdin=stdin,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env) as proc:
        for _ in proc.stdout:
            lines += 1
            if lines % 1000 == 0:
                peak = max(peak, vm_hwm_kib(proc.pid))
        code = proc.wait()
    return code, lines, peak


class Mapper(Case):
    def test_one_record_a_line_in_input_order_with_ids(self):
        texts = [t.read_text(encoding="utf-8") for t in TEXTS]
        ids = ["doc-é", 0, 7, -3, 2.5, "", None, 12345678901234]
        lines = [{"id": ids[i % len(ids)], "text": texts[i % len(texts)]} for i in range(24)]
        r = mapper(jsonl(*lines))
        self.assertEqual(r.returncode, 0, r.stderr)
        docs = parse_documents(r.stdout)
        self.assertEqual(len(docs), len(lines))
        self.assertEqual(r.stdout.count(b"\n"), len(lines))
        for doc, line in zip(docs, lines):
            self.assertNotIn("error", doc)
            self.assertEqual(doc["source"]["id"], line["id"])
            self.assertIs(type(doc["source"]["id"]), type(line["id"]))
            self.assertEqual(doc["source"]["path"], "-")
            self.assertEqual(doc["source"]["bytes"], len(line["text"].encode("utf-8")))
        # The ids come out as given, byte for byte.
        self.assertIn(b'"id":12345678901234}', r.stdout)
        self.assertIn(b'"id":"doc-\xc3\xa9"}', r.stdout)

    def test_a_text_document_is_analysed_as_the_same_file_would_be(self):
        for text in TEXTS[:3]:
            whole = run("analyze", text)
            self.assertEqual(whole.returncode, 0)
            by_text = parse_documents(mapper(jsonl({"id": 1, "text": text.read_text(encoding="utf-8")})).stdout)[0]
            by_path = parse_documents(mapper(jsonl({"id": "p", "path": str(text)})).stdout)[0]
            alone = parse_documents(whole.stdout)[0]
            self.assertEqual(by_path["source"], {**alone["source"], "id": "p"})
            for doc in (by_text, by_path):
                self.assertEqual(doc["source"]["sha256"], alone["source"]["sha256"])
                for key in ("stats", "entities", "recourse", "quotes", "diagnostics"):
                    self.assertEqual(doc[key], alone[key], (text, key))

    def test_bad_lines_give_error_records_on_their_lines_and_the_stream_goes_on(self):
        good = TEXTS[0].read_text(encoding="utf-8")
        stream = b"".join([
            jsonl({"id": 1, "text": good}),
            b"this is not json\n",
            jsonl([1, 2]),
            b"\n",
            jsonl({"id": "no-text"}),
            jsonl({"id": 5, "text": 42}),
            jsonl({"id": 6, "path": "/nonexistent/file.txt"}),
            jsonl({"id": 7, "path": str(CORPUS)}),
            jsonl({"id": 8, "text": "\x00\x01\x02 binaire \x00"}),
            b'{"id": 9, "text": "\xff\xfe invalid utf-8"}\n',
            jsonl({"id": 10, "text": good, "path": str(TEXTS[0])}),
            jsonl({"id": {"nested": 1}, "text": good}),
            jsonl({"id": 12, "text": good}),
            b'{"id": 13, "text": "truncated',  # the last line, cut short
        ])
        r = mapper(stream)
        self.assertEqual(r.returncode, 65, r.stderr)  # as a batch: some input failed
        docs = parse_documents(r.stdout)
        self.assertEqual(r.stdout.count(b"\n"), 14)
        expected = [
            (1, None), (None, "not_json"), (None, "bad_line"), (None, "bad_line"), ("no-text", "bad_line"),
            (5, "bad_line"), (6, "not_found"), (7, "is_directory"), (8, "binary"), (None, "not_json"),
            (10, "bad_line"), (None, "bad_line"), (12, None), (None, "not_json"),
        ]
        self.assertEqual(len(docs), len(expected))
        for i, (doc, (id_, code)) in enumerate(zip(docs, expected)):
            self.assertEqual(doc["source"]["id"], id_, i)
            self.assertEqual(doc.get("error", {}).get("code"), code, (i, doc))
            if code is not None:
                self.assertEqual(set(doc), {"schema", "source", "error"})
        self.assertEqual(docs[6]["source"]["path"], "/nonexistent/file.txt")
        self.assertEqual(docs[1]["source"]["path"], "-")
        stderr = r.stderr.decode()
        self.assertIn("standard input, line 2: not JSON", stderr)
        self.assertIn("14 files: 2 analysed, 12 failed", stderr)

    def test_a_line_over_max_bytes_is_an_error_record_and_the_next_is_read(self):
        r = mapper(jsonl({"id": 1, "text": "x" * 5000}, {"id": 2, "text": "Le Conseil d'État."}), "--max-bytes", "1000")
        docs = parse_documents(r.stdout)
        self.assertEqual(docs[0]["error"]["code"], "too_large")
        self.assertEqual(docs[1]["source"]["id"], 2)
        self.assertNotIn("error", docs[1])

    def test_jobs_give_byte_identical_output(self):
        lines = []
        for i in range(300):
            if i % 17 == 5:
                lines.append(b"{broken\n")
            elif i % 3 == 0:
                lines.append(jsonl({"id": i, "path": str(TEXTS[i % len(TEXTS)])}))
            else:
                lines.append(jsonl({"id": f"t{i}", "text": TEXTS[i % len(TEXTS)].read_text(encoding="utf-8")}))
        stream = b"".join(lines)
        outputs = {jobs: mapper(stream, "--jobs", jobs) for jobs in (1, 2, 4)}
        for jobs, r in outputs.items():
            self.assertEqual(r.returncode, 65, (jobs, r.stderr))
            self.assertEqual(r.stdout, outputs[1].stdout, jobs)
        self.assertEqual(len(parse_documents(outputs[2].stdout)), 300)

    def test_a_file_instead_of_standard_input(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "docs.jsonl"
            stream = jsonl(*({"id": i, "path": str(t)} for i, t in enumerate(TEXTS)))
            path.write_bytes(stream)
            from_file = run("analyze", "--input-jsonl", path, "-o", pathlib.Path(tmp) / "out.jsonl")
            self.assertEqual(from_file.returncode, 0, from_file.stderr)
            self.assertEqual((pathlib.Path(tmp) / "out.jsonl").read_bytes(), mapper(stream).stdout)
            missing = run("analyze", "--input-jsonl", pathlib.Path(tmp) / "missing.jsonl")
            self.assertEqual(missing.returncode, 66)
            self.assertEqual(missing.stdout, b"")

    def test_chunks_concatenated_equal_the_whole_stream(self):
        # What a distributed run relies on: a record never depends on where
        # its line stands in the stream.
        stream = b"".join([jsonl({"id": i, "text": TEXTS[i % len(TEXTS)].read_text(encoding="utf-8")})
                           for i in range(20)] + [b"oops\n", b"\n"])
        lines = stream.splitlines(keepends=True)
        chunks = [b"".join(lines[i:i + 5]) for i in range(0, len(lines), 5)]
        self.assertEqual(b"".join(mapper(c).stdout for c in chunks), mapper(stream).stdout)

    def test_fail_on_and_summary_count_the_stream(self):
        with tempfile.TemporaryDirectory() as tmp:
            summary = pathlib.Path(tmp) / "summary.json"
            stream = jsonl(*({"id": i, "text": "rien à signaler"} for i in range(50)))
            r = mapper(stream, "--fail-on", "no-recourse", "--summary", summary)
            self.assertEqual(r.returncode, 1)
            counts = json.loads(summary.read_text())
            self.assertEqual((counts["planned"], counts["files"], counts["documents"]), (50, 50, 50))
            stderr = r.stderr.decode()
            self.assertIn("--fail-on no-recourse: standard input, line 1", stderr)
            self.assertIn("--fail-on no-recourse: and 30 more", stderr)  # 20 named, the rest counted

    def test_usage_errors(self):
        for args in (["--input-jsonl", "-", str(TEXTS[0])], ["--input-jsonl", "-", "--pretty"],
                     ["--input-jsonl", "-", "--shard", "1/2"], ["--input-jsonl", "-", "--format", "html"],
                     ["--input-jsonl", "-", "--files-from", "-"]):
            r = run("analyze", *args, input_bytes=b"")
            self.assertEqual(r.returncode, 64, args)

    def test_help_teaches_the_mode(self):
        out = run("analyze", "--help").stdout.decode()
        self.assertIn("--input-jsonl", out)
        self.assertIn('"path"', out)

    def test_an_empty_stream_is_no_output(self):
        r = mapper(b"")
        self.assertEqual((r.returncode, r.stdout), (0, b""))

    def test_answers_come_while_the_stream_stays_open(self):
        # A queue consumer writes a line and waits for its answer before the
        # next: the record must come out without the stream ending.
        with subprocess.Popen([BIN, "analyze", "--input-jsonl", "-", "--jobs", "2"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
            try:
                for i in range(3):
                    proc.stdin.write(jsonl({"id": i, "text": "Le Conseil d'État a statué."}))
                    proc.stdin.flush()
                    answer = json.loads(proc.stdout.readline())
                    self.assertEqual(answer["source"]["id"], i)
                proc.stdin.close()
                self.assertEqual(proc.stdout.read(), b"")
                self.assertEqual(proc.wait(timeout=30), 0)
            finally:
                proc.kill()

    def test_memory_stays_flat_over_100000_documents(self):
        with tempfile.TemporaryDirectory() as tmp:
            streams = {}
            for n in (10_000, 100_000):
                path = pathlib.Path(tmp) / f"{n}.jsonl"
                with open(path, "wb") as f:
                    for i in range(n):
                        text = f"Le Conseil d'État a annulé le décret n° {i} du 3 mars 2020 (article L. 521-2)."
                        f.write(jsonl({"id": i, "text": text}))
                streams[n] = path
            peaks = {}
            for n, path in streams.items():
                code, lines, peak = peak_rss_kib(path, "--jobs", "2")
                self.assertEqual((code, lines), (0, n))
                self.assertGreater(peak, 1000)  # it was measured
                peaks[n] = peak
            # Ten times the documents, about the same memory.
            print(f"peak RSS: 10,000 documents {peaks[10_000]} KiB, 100,000 documents {peaks[100_000]} KiB")
            self.assertLess(peaks[100_000], peaks[10_000] * 1.25 + 4096, peaks)


if __name__ == "__main__":
    unittest.main()
