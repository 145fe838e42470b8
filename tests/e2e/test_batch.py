"""Batch runs (issue 6): folders walked in path order, one line per file, bad
files as error records, --jobs, --shard, -o DIR, --files-from, --fail-on,
--summary, interruption, and GNU parallel over shards.

Most tests share one generated folder of 1,000 *.txt entries (see
make_corpus). Unreadable files: chmod 000 stops only a non-root reader, and CI
runs as root, so the folder also holds symlinks to /proc/self/mem, which no
one can read from offset 0 (EIO); they are reached with --follow-symlinks.
"""
import errno
import json
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import unittest

from lexfr_e2e import BIN, CORPUS, SAMPLE, Case, parse_documents, run

TEXTS = sorted(CORPUS.glob("*.txt")) + [SAMPLE]
FOLDERS = ["", "a", "a/b", "a-b", "c d", "é", "z/y/x"]
IS_ROOT = os.geteuid() == 0


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def make_corpus(root):
    """Writes 1,000 *.txt entries under root; returns {rel: kind}.

    kinds: doc (a dev text), latin1 (cp1252), invalid (bad UTF-8 bytes),
    binary, empty, locked (chmod 000), mem (symlink to /proc/self/mem), gone
    (dangling symlink), loop (symlink to an ancestor folder). Besides them:
    files the default --include skips, and a FIFO the walker must not open."""
    kinds = {}
    plan = ["doc"] * 700 + ["latin1"] * 100 + ["invalid"] * 80 + ["binary"] * 60 + ["empty"] * 50 + ["locked"] * 5
    for i, kind in enumerate(plan):
        text = TEXTS[i % len(TEXTS)]
        rel = os.path.join(FOLDERS[i % len(FOLDERS)], f"{i:04d}-{text.stem[:12]}-{kind}.txt")
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = text.read_bytes()
        data = {
            "doc": raw,
            "latin1": text.read_text(encoding="utf-8").encode("cp1252", errors="replace"),
            "invalid": raw[:40] + b"\xff\xfe\xfd" + raw[40:],
            "binary": b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20,
            "empty": b"",
            "locked": raw,
        }[kind]
        path.write_bytes(data)
        if kind == "locked":
            path.chmod(0)
        kinds[rel] = kind
    for rel, target, kind in [("a/mem-1.txt", "/proc/self/mem", "mem"), ("c d/mem-2.txt", "/proc/self/mem", "mem"),
                              ("z/mem-3.txt", "/proc/self/mem", "mem"), ("a-b/gone.txt", "nowhere.txt", "gone"),
                              ("a/b/loop", "../..", "loop")]:
        os.symlink(target, root / rel)
        kinds[rel] = kind
    assert len(kinds) == 1000
    (root / "a" / "notes.md").write_text("pas un .txt")
    (root / "z" / "y" / "data.json").write_text("{}")
    os.mkfifo(root / "a" / "pipe.txt")  # opening it would block: the walk skips it
    return kinds


def walk_key(rel, kind):
    # A folder's record sits where its files would: its name with "/".
    return (rel + "/" if kind == "loop" else rel).encode()


def expected_rels(kinds, follow=True):
    rels = [r for r, k in kinds.items() if follow or k not in ("mem", "gone", "loop")]
    return sorted(rels, key=lambda r: walk_key(r, kinds[r]))


def lines_of(stdout):
    assert stdout == b"" or stdout.endswith(b"\n"), stdout[-200:]
    return stdout.split(b"\n")[:-1]


class BatchCase(Case):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="lexfr-batch-")
        cls.base = pathlib.Path(cls.tmp.name)
        cls.root = cls.base / "corpus"
        cls.kinds = make_corpus(cls.root)
        cls.full = run("analyze", "--follow-symlinks", "--jobs", "2", cls.root)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path_of(self, rel):
        return f"{self.root}/{rel}"

    def small_folder(self, files):
        """A fresh folder holding {name: bytes}."""
        folder = pathlib.Path(tempfile.mkdtemp(dir=self.base))
        for name, data in files.items():
            (folder / name).write_bytes(data)
        return folder


class Walk(BatchCase):
    def test_one_line_per_file_in_path_order_with_error_records(self):
        r = self.full
        self.assertEqual(r.returncode, 65, r.stderr[-2000:])
        docs = parse_documents(r.stdout)
        rels = expected_rels(self.kinds)
        self.assertEqual(len(lines_of(r.stdout)), 1000)
        self.assertEqual([d["source"]["path"] for d in docs], [self.path_of(x) for x in rels])
        for rel, doc in zip(rels, docs):
            kind = self.kinds[rel]
            error = doc.get("error", {}).get("code")
            diags = [d["code"] for d in doc.get("diagnostics", [])]
            with self.subTest(rel=rel, kind=kind):
                if kind in ("doc", "locked") and not (kind == "locked" and not IS_ROOT):
                    self.assertIsNone(error)
                    self.assertNotIn("encoding_guessed", diags)
                    self.assertNotIn("invalid_utf8", diags)
                    self.assertGreater(doc["stats"]["tokens"], 100)
                elif kind == "locked":
                    self.assertEqual(error, "unreadable")
                elif kind == "latin1":
                    self.assertIn("encoding_guessed", diags)
                elif kind == "invalid":
                    self.assertIn("invalid_utf8", diags)
                elif kind == "empty":
                    self.assertEqual(doc["stats"]["tokens"], 0)
                else:
                    want = {"binary": "binary", "mem": "unreadable", "gone": "not_found", "loop": "symlink_loop"}
                    self.assertEqual(error, want[kind])
                    self.assertEqual(set(doc), {"schema", "source", "error"})
                    self.assertTrue(doc["error"]["message"])

    def test_failures_are_named_on_stderr_and_summed_up_in_one_line(self):
        err = self.full.stderr.decode()
        self.assertIn(f"{self.root}/a/b/loop: symlink loop", err)
        self.assertIn(f"{self.root}/a-b/gone.txt: no such file", err)
        last = err.splitlines()[-1]
        self.assertRegex(last, r"^lexfr: 1000 files: \d+ analysed, \d+ failed \(binary 60, not_found 1, "
                               r"symlink_loop 1, unreadable \d+\); .* MB/s\)$")

    def test_symlinks_are_skipped_unless_followed(self):
        r = run("analyze", "--jobs", "2", self.root)
        self.assertEqual(r.returncode, 65)
        paths = [d["source"]["path"] for d in parse_documents(r.stdout)]
        self.assertEqual(paths, [self.path_of(x) for x in expected_rels(self.kinds, follow=False)])

    def test_jobs_do_not_change_a_byte(self):
        one = run("analyze", "--follow-symlinks", "--jobs", "1", self.root)
        self.assertEqual(one.returncode, 65)
        self.assertEqual(one.stdout, self.full.stdout)

    def test_include_and_exclude(self):
        r = run("analyze", "--include", "*.md", "--include", "*.json", self.root)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([d["source"]["path"] for d in parse_documents(r.stdout)],
                         [self.path_of("a/notes.md"), self.path_of("z/y/data.json")])
        r = run("analyze", "--follow-symlinks", "--exclude", "a", "--exclude", "*-binary.txt", "--exclude", "z/*",
                self.root)
        rels = [x for x in expected_rels(self.kinds)
                if not x.startswith(("a/", "z/")) and self.kinds[x] != "binary"]
        self.assertEqual([l["source"]["path"] for l in parse_documents(r.stdout)], [self.path_of(x) for x in rels])

    def test_explicit_files_are_always_analysed_in_order_and_folders_expand_in_place(self):
        folder = self.small_folder({"b.txt": SAMPLE.read_bytes(), "a.txt": b"Texte.", "skip.md": b"x"})
        md = folder / "skip.md"
        r = run("analyze", md, folder, folder / "a.txt")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([d["source"]["path"] for d in parse_documents(r.stdout)],
                         [str(md), f"{folder}/a.txt", f"{folder}/b.txt", str(folder / "a.txt")])

    def test_an_empty_folder_is_a_warning_and_exit_0(self):
        folder = self.small_folder({"x.md": b"x"})
        r = run("analyze", folder)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, b"")
        self.assertIn(b"no file matches --include", r.stderr)


class Shards(BatchCase):
    def test_shards_are_disjoint_cover_the_run_and_keep_its_order(self):
        whole = lines_of(self.full.stdout)
        position = {line: i for i, line in enumerate(whole)}
        seen = []
        for k in (1, 2, 3):
            r = run("analyze", "--follow-symlinks", "--shard", f"{k}/3", self.root)
            part = lines_of(r.stdout)
            self.assertGreater(len(part), 250)
            indices = [position[line] for line in part]
            self.assertEqual(indices, sorted(indices))  # a subsequence of the whole run
            # The shard is chosen by FNV-1a 64 of the path relative to the folder given.
            for line in part:
                rel = json.loads(line)["source"]["path"][len(str(self.root)) + 1:]
                self.assertEqual(fnv1a64(rel.encode()) % 3, k - 1, rel)
            seen += part
        self.assertEqual(len(seen), len(set(seen)))
        self.assertEqual(sorted(seen), sorted(whole))

    def test_bad_shard_is_a_usage_error(self):
        for bad in ("0/3", "4/3", "x"):
            self.assertEqual(run("analyze", "--shard", bad, self.root).returncode, 64)

    @unittest.skipUnless(shutil.which("parallel"), "GNU parallel is not installed (apt-get install parallel)")
    def test_gnu_parallel_runs_the_shards_and_sort_merges_the_parts(self):
        # The README recipe: one lexfr per shard, then a merge of the parts,
        # each already in path order, by the path that starts every line.
        parts = self.base / "parts"
        parts.mkdir()
        joblog = self.base / "joblog"
        script = (f"parallel --will-cite --joblog {joblog} '{BIN} analyze -q --jobs 1 --follow-symlinks "
                  f"\"{self.root}\" --shard {{}}/3 > {parts}/part-{{}}.jsonl' ::: 1 2 3 ; "
                  f"LC_ALL=C sort -m {parts}/part-*.jsonl")
        r = subprocess.run(["bash", "-c", script], capture_output=True, timeout=300)
        self.assertEqual(r.stdout, self.full.stdout)
        # Every shard holds binary files: each lexfr exited 65, as one run does.
        rows = [l.split("\t") for l in joblog.read_text().splitlines()[1:]]
        self.assertEqual(sorted(row[6] for row in rows), ["65", "65", "65"])


class OutputFolder(BatchCase):
    def test_output_folder_mirrors_the_tree_with_no_temporary_file_left(self):
        out = self.base / "out"
        r = run("analyze", "--follow-symlinks", "--jobs", "2", self.root, "-o", f"{out}/")
        self.assertEqual(r.returncode, 65)
        self.assertEqual(r.stdout, b"")
        rels = expected_rels(self.kinds)
        written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if not p.is_dir())
        self.assertEqual(written, sorted(x + ".json" for x in rels))
        # Each file holds the line the stream run gives for that input.
        for rel, line in zip(rels, lines_of(self.full.stdout)):
            self.assertEqual((out / (rel + ".json")).read_bytes(), line + b"\n")

    def test_an_existing_folder_is_an_output_folder_even_for_one_file(self):
        out = self.base / "out-one"
        out.mkdir()
        r = run("analyze", SAMPLE, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([p.name for p in out.iterdir()], [SAMPLE.name + ".json"])
        self.assertEqual(parse_documents((out / (SAMPLE.name + ".json")).read_bytes())[0]["schema"], "lexfr/1")

    def test_two_inputs_for_one_output_file_is_a_usage_error(self):
        one = self.small_folder({"x.txt": b"un"})
        two = self.small_folder({"x.txt": b"deux"})
        out = self.base / "out-clash"
        r = run("analyze", one / "x.txt", two / "x.txt", "-o", f"{out}/")
        self.assertEqual(r.returncode, 64)
        self.assertIn(b"would both be written", r.stderr)


class FilesFrom(BatchCase):
    def test_nul_separated_list_from_stdin_in_the_order_given(self):
        folder = self.small_folder({"new\nline.txt": SAMPLE.read_bytes(), "b.txt": b"Texte b.", "c.md": b"x"})
        sub = self.small_folder({"z.txt": b"z", "y.txt": b"y"})
        listed = [folder / "new\nline.txt", folder / "c.md", sub, folder / "b.txt"]
        stdin = b"\0".join(bytes(p) for p in listed) + b"\0"
        r = run("analyze", "--files-from", "-", "-0", input_bytes=stdin)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([d["source"]["path"] for d in parse_documents(r.stdout)],
                         [str(listed[0]), str(listed[1]), f"{sub}/y.txt", f"{sub}/z.txt", str(listed[3])])

    def test_newline_separated_list_after_the_paths(self):
        listing = self.base / "list.txt"
        listing.write_text(f"{TEXTS[1]}\n\n{TEXTS[0]}\n")
        r = run("analyze", "--files-from", listing, SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([d["source"]["path"] for d in parse_documents(r.stdout)],
                         [str(SAMPLE), str(TEXTS[1]), str(TEXTS[0])])

    def test_a_missing_list_is_a_usage_error(self):
        self.assertEqual(run("analyze", "--files-from", self.base / "nope.txt").returncode, 64)

    def test_one_listed_file_is_still_a_batch(self):
        listing = self.base / "one.txt"
        listing.write_text("/nonexistent.txt\n")
        r = run("analyze", "--files-from", listing)
        self.assertEqual(r.returncode, 65)
        self.assertEqual(parse_documents(r.stdout)[0]["error"]["code"], "not_found")


class FailOn(BatchCase):
    def fail_on(self, folder, conditions):
        r = run("analyze", "--fail-on", conditions, folder)
        err = r.stderr.decode()
        named = {}
        for line in err.splitlines():
            if "--fail-on " in line:
                condition, path = line.split("--fail-on ", 1)[1].split(": ", 1)
                named.setdefault(condition, []).append(path)
        return r, named

    def test_diagnostic(self):
        text = SAMPLE.read_text(encoding="utf-8")
        folder = self.small_folder({"clean.txt": text.encode(), "latin.txt": text.encode("cp1252", errors="replace")})
        r, named = self.fail_on(folder, "diagnostic")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(named, {"diagnostic": [f"{folder}/latin.txt"]})
        self.assertEqual(len(parse_documents(r.stdout)), 2)  # the output is whole all the same
        (folder / "latin.txt").unlink()
        self.assertEqual(self.fail_on(folder, "diagnostic")[0].returncode, 0)

    def test_no_entities(self):
        folder = self.small_folder({"a.txt": SAMPLE.read_bytes(), "empty.txt": b""})
        r, named = self.fail_on(folder, "no-entities")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(named, {"no-entities": [f"{folder}/empty.txt"]})

    def test_no_recourse_names_exactly_the_documents_with_recourse_null(self):
        files = {t.name: t.read_bytes() for t in TEXTS}
        files["empty.txt"] = b""
        folder = self.small_folder(files)
        r, named = self.fail_on(folder, "no-recourse")
        without = [d["source"]["path"] for d in parse_documents(r.stdout) if d["recourse"] is None]
        self.assertIn(f"{folder}/empty.txt", without)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(named, {"no-recourse": without})

    def test_error_and_several_conditions(self):
        folder = self.small_folder({"a.txt": SAMPLE.read_bytes(), "bin.txt": b"\0" * 64, "empty.txt": b""})
        r, named = self.fail_on(folder, "error,no-entities")
        # A failed input outranks the condition: 65, as without --fail-on.
        self.assertEqual(r.returncode, 65)
        self.assertEqual(named, {"error": [f"{folder}/bin.txt"], "no-entities": [f"{folder}/empty.txt"]})
        self.assertEqual(run("analyze", folder).returncode, 65)

    def test_nothing_met_is_0_and_unknown_condition_is_64(self):
        folder = self.small_folder({"a.txt": SAMPLE.read_bytes()})
        self.assertEqual(self.fail_on(folder, "error,no-entities,diagnostic")[0].returncode, 0)
        self.assertEqual(run("analyze", "--fail-on", "nope", folder).returncode, 64)

    def test_single_file_keeps_its_exit_codes(self):
        r = run("analyze", "--fail-on", "no-entities", "/nonexistent.txt")
        self.assertEqual(r.returncode, 66)
        with tempfile.NamedTemporaryFile(suffix=".txt") as f:
            self.assertEqual(run("analyze", "--fail-on", "no-entities", f.name).returncode, 1)


class Summary(BatchCase):
    def test_summary_counts_what_the_lines_say(self):
        summary_path = self.base / "summary.json"
        r = run("analyze", "-q", "--follow-symlinks", "--summary", summary_path, self.root)
        self.assertEqual(r.stdout, self.full.stdout)
        s = json.loads(summary_path.read_text())
        docs = parse_documents(r.stdout)
        ok = [d for d in docs if "error" not in d]

        def count(values):
            out = {}
            for v in values:
                out[v] = out.get(v, 0) + 1
            return out

        self.assertEqual(s["schema"], "lexfr-summary/1")
        self.assertEqual((s["planned"], s["files"], s["documents"], s["failed"]), (1000, 1000, len(ok), 1000 - len(ok)))
        self.assertEqual(s["bytes"], sum(d["source"]["bytes"] for d in ok))
        self.assertFalse(s["interrupted"])
        self.assertEqual(s["failures"], count(d["error"]["code"] for d in docs if "error" in d))
        self.assertEqual(s["entities"], count(e["type"] for d in ok for e in d["entities"]))
        self.assertEqual(s["recourses"], count(d["recourse"]["kind"] for d in ok if d["recourse"]))
        self.assertEqual(s["diagnostics"], count(x["code"] for d in ok for x in d["diagnostics"]))
        self.assertEqual(s["documents_without_entities"], sum(1 for d in ok if not d["entities"]))
        self.assertEqual(s["documents_without_recourse"], sum(1 for d in ok if d["recourse"] is None))
        self.assertEqual(s["documents_with_diagnostics"], sum(1 for d in ok if d["diagnostics"]))
        self.assertEqual(s["failures"]["binary"], 60)
        # -q: the failures only, no summary line
        self.assertNotIn(b"files:", r.stderr)

    def test_no_progress_line_when_stderr_is_not_a_terminal(self):
        self.assertNotIn(b"\r", self.full.stderr)
        self.assertNotIn(b"ETA", self.full.stderr)


class Interrupt(BatchCase):
    """A FIFO given between two folders holds the run until the test has sent
    the signal, so the run cannot end first however fast the machine."""

    def interrupt(self, signum):
        first = self.small_folder({f"{i:03d}.txt": TEXTS[i % len(TEXTS)].read_bytes() for i in range(200)})
        second = self.small_folder({f"{i:03d}.txt": TEXTS[i % len(TEXTS)].read_bytes() for i in range(300)})
        fifo = self.base / f"fifo-{signum}"
        os.mkfifo(fifo)
        # Unbuffered: communicate() reads the pipe itself, past any buffer.
        p = subprocess.Popen([BIN, "analyze", "--jobs", "2", first, fifo, second],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
        def feed_fifo():
            # Opens the FIFO once a worker waits on it (it then finishes that
            # file), or gives up when the run has ended without it.
            while p.poll() is None:
                try:
                    fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                except OSError as e:
                    if e.errno != errno.ENXIO:
                        raise
                    time.sleep(0.01)
                    continue
                os.write(fd, b"Texte du tube.")
                os.close(fd)
                return

        try:
            head = p.stdout.readline()
            p.send_signal(signum)
            feeder = threading.Thread(target=feed_fifo)
            feeder.start()
            rest, err = p.communicate(timeout=60)  # drains stdout while the feeder waits
            feeder.join()
        finally:
            if p.poll() is None:
                p.kill()
        self.assertEqual(p.returncode, 130, err)
        lines = lines_of(head + rest)
        self.assertGreaterEqual(len(lines), 1)
        self.assertLess(len(lines), 501)
        docs = [json.loads(l) for l in lines]  # every line whole
        for d in docs:
            self.validator_check(d)
        full = [f"{first}/{i:03d}.txt" for i in range(200)] + [str(fifo)] + [f"{second}/{i:03d}.txt" for i in range(300)]
        self.assertEqual([d["source"]["path"] for d in docs], full[:len(docs)])
        self.assertIn(b"interrupted after", err)

    def validator_check(self, doc):
        from lexfr_e2e import validator
        validator().validate(doc)

    def test_sigint_leaves_complete_lines_and_exits_130(self):
        self.interrupt(signal.SIGINT)

    def test_sigterm_too(self):
        self.interrupt(signal.SIGTERM)


if __name__ == "__main__":
    unittest.main()
