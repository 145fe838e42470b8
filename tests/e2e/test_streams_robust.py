"""Issue 15, streams, signals, outputs and options: each numbered case of the
issue that is about them, run on the real binary, with its exit code and its
output (records, messages, the summary).

Signals: no test decides on time. Each waits for a marker that says lexfr
has installed its handlers and is blocked where the test wants it (its first
record on stdout, the FIFO opened by a reader, the bytes written to its
standard input taken out of the pipe), then sends the signal, then reads
stdout to its end and asserts the exit code and what was written. Timeouts
only keep a broken build from hanging the suite.
"""
import array
import errno
import fcntl
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import termios
import time
import unittest

from lexfr_e2e import BIN, ROOT, SAMPLE, Case, parse_documents, run

FRENCH = "Le Conseil d'État a annulé la délibération de la CNIL du 21 décembre 2023."
IS_ROOT = os.geteuid() == 0


def jsonl(*objects):
    return b"".join(json.dumps(o, ensure_ascii=False).encode("utf-8") + b"\n" for o in objects)


def lines_of(data):
    return [l for l in data.split(b"\n") if l]


class TempCase(Case):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.base = pathlib.Path(self.tmp.name)

    def tearDown(self):
        for dirpath, dirnames, _ in os.walk(self.base):
            for d in dirnames:
                os.chmod(os.path.join(dirpath, d), 0o755)
        self.tmp.cleanup()

    def write(self, name, data=FRENCH):
        path = self.base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path

    def summary(self, path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)


# --- 5: every exception of a mapper line is that line's error record ----------------------------------------


class MapperLineExceptions(TempCase):
    def test_a_number_beyond_a_double_is_an_error_record_on_its_line(self):
        stream = (jsonl({"id": 1, "text": "a"}) + b'{"id":2,"text":"b","meta":{"score":-1e309}}\n' +
                  jsonl({"id": 3, "text": FRENCH}) + b'{"id":4,"text":"c","n":1e400}\n' + jsonl({"id": 5, "text": "d"}))
        for jobs in ("1", "2"):
            r = run("analyze", "--input-jsonl", "-", "--jobs", jobs, input_bytes=stream)
            self.assertEqual(r.returncode, 65, r.stderr)  # some line failed: as a batch
            docs = parse_documents(r.stdout)
            self.assertEqual([d["source"]["id"] for d in docs], [1, None, 3, None, 5])
            for i in (1, 3):
                self.assertEqual(docs[i]["error"]["code"], "bad_line")
                self.assertIn("number overflow", docs[i]["error"]["message"])
            self.assertNotIn("error", docs[2])
            self.assertIn(b"standard input, line 2: cannot be read: number overflow parsing '-1e309'", r.stderr)
            self.assertIn(b"5 files: 3 analysed, 2 failed (bad_line 2)", r.stderr)


# --- 6: -o and --summary never name an input, nor each other --------------------------------------------------


class OutputsNeverDestroyInputs(TempCase):
    def assertRefused(self, r, *words):
        self.assertEqual(r.returncode, 64, r.stderr)
        self.assertEqual(r.stdout, b"")
        for w in words:
            self.assertIn(w.encode(), r.stderr)

    def test_o_naming_the_input(self):
        a = self.write("a.txt")
        self.assertRefused(run("analyze", a, "-o", a), f"-o {a} is the input {a}", "destroy")
        self.assertEqual(a.read_text(), FRENCH)

    def test_o_naming_the_input_through_a_symlink_or_a_hard_link(self):
        a = self.write("a.txt")
        (self.base / "soft").symlink_to(a)
        os.link(a, self.base / "hard")
        for other in ("soft", "hard"):
            self.assertRefused(run("analyze", a, "-o", self.base / other), "is the input")
        self.assertEqual(a.read_text(), FRENCH)

    def test_o_naming_a_file_of_a_folder_given(self):
        corpus = self.base / "corpus"
        self.write("corpus/a.txt")
        self.write("corpus/b.txt")
        self.assertRefused(run("analyze", corpus, "-o", corpus / "b.txt"), "is the input")
        self.assertEqual((corpus / "b.txt").read_text(), FRENCH)

    def test_o_naming_standard_input_redirected_from_a_file(self):
        a = self.write("a.txt")
        with open(a, "rb") as stdin:
            self.assertRefused(run("analyze", "-", "-o", a, stdin=stdin), "is standard input")
        self.assertEqual(a.read_text(), FRENCH)

    def test_input_jsonl_file_as_o(self):
        stream = self.write("docs.jsonl", jsonl({"id": 1, "text": FRENCH}))
        before = stream.read_bytes()
        self.assertRefused(run("analyze", "--input-jsonl", stream, "-o", stream), "--input-jsonl")
        self.assertEqual(stream.read_bytes(), before)

    def test_files_from_list_and_gazetteer_as_outputs(self):
        a = self.write("a.txt")
        listing = self.write("list.txt", f"{a}\n")
        gaz = self.write("g.tsv", "Zorblax Avocats\tlaw_firm\tZorblax\t\n")
        self.assertRefused(run("analyze", "--files-from", listing, "-o", listing), "--files-from")
        self.assertRefused(run("analyze", a, "--gazetteer", gaz, "--summary", gaz), "--gazetteer")
        self.assertEqual(listing.read_text(), f"{a}\n")
        self.assertIn("Zorblax", gaz.read_text())

    def test_summary_naming_an_input(self):
        a = self.write("a.txt")
        self.assertRefused(run("analyze", a, "--summary", a), f"--summary {a} is the input")
        self.assertEqual(a.read_text(), FRENCH)

    def test_summary_and_o_naming_one_file_existing_or_not(self):
        a = self.write("a.txt")
        out = self.base / "out.jsonl"
        self.assertRefused(run("analyze", a, "-o", out, "--summary", self.base / "." / "out.jsonl"), "same file")
        self.assertFalse(out.exists())
        out.write_text("old")
        self.assertRefused(run("analyze", a, "-o", out, "--summary", out), "same file")

    def test_tokens_and_emit_text_refuse_it_too(self):
        a = self.write("a.txt")
        self.assertRefused(run("tokens", a, "-o", a), "is the input")
        self.assertRefused(run("analyze", "--emit-text", a, "-o", a), "is the input")
        self.assertEqual(a.read_text(), FRENCH)

    def test_devices_are_not_files_to_protect(self):
        r = run("analyze", "/dev/null", "-o", "/dev/null", "--summary", "/dev/null")
        self.assertEqual(r.returncode, 0, r.stderr)


# --- 7: -o DIR/ with long names ---------------------------------------------------------------------------


class LongOutputNames(TempCase):
    def test_a_name_that_fits_is_written_and_one_too_long_is_its_input_error(self):
        corpus = self.base / "corpus"
        fits = "a" * 246 + ".txt"  # 250 bytes: its .json is 255, the most ext4 and tmpfs allow
        too_long = "b" * 248 + ".txt"  # 252: its .json is 257
        for name in (fits, too_long, "c.txt"):
            self.write(f"corpus/{name}")
        out = self.base / "out"
        r = run("analyze", corpus, "-o", f"{out}/", "--summary", self.base / "s.json")
        self.assertEqual(r.returncode, 65, r.stderr)  # one input failed; the batch went on
        self.assertEqual(sorted(os.listdir(out)), [fits + ".json", "c.txt.json"])  # no temporary file left
        self.assertEqual(parse_documents((out / (fits + ".json")).read_bytes())[0]["source"]["path"], f"{corpus}/{fits}")
        self.assertIn(f"{too_long}.json: File name too long".encode(), r.stderr)
        s = self.summary(self.base / "s.json")
        self.assertEqual((s["files"], s["documents"], s["failures"]), (3, 2, {"name_too_long": 1}))


# --- 8, 10: paths in a stream are regular files, never the stream itself; --input-jsonl-paths -------------------


class StreamPaths(TempCase):
    def mapper(self, stream, *args, **kw):
        return run("analyze", "--input-jsonl", "-", *args, input_bytes=stream, **kw)

    def codes(self, r):
        return [(d["source"]["id"], d.get("error", {}).get("code")) for d in parse_documents(r.stdout)]

    def test_the_stream_itself_is_refused_and_every_line_gets_its_record(self):
        a = self.write("a.txt")
        stream = jsonl({"id": 1, "path": "/dev/stdin"}, {"id": 2, "text": "deux"}, {"id": 3, "path": "/dev/fd/0"},
                       {"id": 4, "path": "/proc/self/fd/0"}, {"id": 5, "path": str(a)})
        r = self.mapper(stream)
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertEqual(self.codes(r), [(1, "is_stream"), (2, None), (3, "is_stream"), (4, "is_stream"), (5, None)])
        self.assertIn(b"standard input, line 1: /dev/stdin: the stream being read", r.stderr)

    def test_the_stream_itself_when_it_is_a_file(self):
        lines = [{"id": 1, "path": "/dev/stdin"}, {"id": 2, "text": "deux"}, {"id": 3, "text": "trois"}]
        stream = self.write("docs.jsonl", jsonl(*lines))
        lines.append({"id": 4, "path": str(stream)})
        stream.write_bytes(jsonl(*lines))
        with open(stream, "rb") as stdin:
            r = run("analyze", "--input-jsonl", "-", stdin=stdin)
        self.assertEqual(self.codes(r), [(1, "is_stream"), (2, None), (3, None), (4, "is_stream")])
        # Read as --input-jsonl FILE: the file is the stream, /dev/stdin (/dev/null here) a device.
        r = run("analyze", "--input-jsonl", stream, stdin=subprocess.DEVNULL)
        self.assertEqual(self.codes(r), [(1, "not_regular"), (2, None), (3, None), (4, "is_stream")])

    def test_a_fifo_or_a_device_is_refused_without_opening_it(self):
        fifo = self.base / "fifo"
        os.mkfifo(fifo)  # no writer ever: opening it for reading would block
        r = self.mapper(jsonl({"id": 1, "path": str(fifo)}, {"id": 2, "path": "/dev/zero"}, {"id": 3, "text": "x"}))
        self.assertEqual(self.codes(r), [(1, "not_regular"), (2, "not_regular"), (3, None)])
        self.assertIn(b"a FIFO or pipe, not a regular file", r.stderr)

    def test_a_folder_is_still_is_directory(self):
        r = self.mapper(jsonl({"id": 1, "path": str(self.base)}))
        self.assertEqual(self.codes(r), [(1, "is_directory")])

    def test_the_output_being_written_is_refused(self):
        out = self.base / "out.jsonl"
        out.write_bytes(b"")
        r = self.mapper(jsonl({"id": 1, "text": FRENCH}, {"id": 2, "path": str(out)}), "-o", out)
        self.assertEqual(r.returncode, 65, r.stderr)
        docs = parse_documents(out.read_bytes())
        self.assertEqual(docs[1]["error"]["code"], "is_output")

    def test_deny_turns_every_path_line_into_an_error_record(self):
        a = self.write("a.txt")
        stream = jsonl({"id": 1, "path": str(a)}, {"id": 2, "text": FRENCH}, {"id": 3, "path": "/etc/passwd"})
        r = self.mapper(stream, "--input-jsonl-paths", "deny")
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertEqual(self.codes(r), [(1, "paths_denied"), (2, None), (3, "paths_denied")])
        self.assertNotIn(b"sha256", lines_of(r.stdout)[2])  # nothing of the file comes back
        self.assertEqual(self.codes(self.mapper(stream, "--input-jsonl-paths", "allow"))[0], (1, None))

    def test_the_paths_option_goes_with_input_jsonl_only(self):
        a = self.write("a.txt")
        self.assertEqual(self.mapper(b"", "--input-jsonl-paths", "deny").returncode, 0)
        self.assertEqual(run("analyze", a, "--input-jsonl-paths", "deny").returncode, 64)
        self.assertEqual(self.mapper(b"", "--input-jsonl-paths", "maybe").returncode, 64)



# --- 9: one SIGTERM or SIGINT ends with 130, whole lines and the summary, also while blocked -------------------


def fionread(fd):
    buf = array.array("i", [0])
    fcntl.ioctl(fd, termios.FIONREAD, buf)
    return buf[0]


class Signals(TempCase):
    """Markers, not clocks: see the module's docstring."""

    def start(self, *args, stdin=subprocess.DEVNULL):
        return subprocess.Popen([BIN, *map(str, args)], stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def finish(self, p, sig, head=b""):
        """Signals `p`, reads its outputs to their ends and returns (code,
        stdout, stderr). Standard input, when a pipe, stays open till the
        end: an end of input would end the run whole instead."""
        try:
            p.send_signal(sig)
            out, err = p.communicate(timeout=120)  # stdin is not ours to close: an fd, or /dev/null
            return p.returncode, head + out, err
        finally:
            if p.poll() is None:
                p.kill()
                p.communicate()

    def open_writer_when_read(self, fifo, p):
        """Opens `fifo` for writing as soon as `p` has it open for reading:
        the marker that `p` is past its start-up and waiting on the FIFO."""
        while p.poll() is None:
            try:
                return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as e:
                if e.errno != errno.ENXIO:
                    raise
                time.sleep(0.01)  # polls for the marker; decides nothing
        self.fail(f"lexfr ended before reading {fifo}: {p.stderr.read()!r}")

    def wait_drained(self, w, p):
        """Waits until `p` has taken from the pipe every byte written to `w`:
        it is then reading its standard input."""
        while fionread(w) > 0:
            self.assertIsNone(p.poll(), "lexfr ended before reading its input")
            time.sleep(0.01)

    def test_mapper_on_a_quiet_standard_input(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(sig=sig):
                summary = self.base / f"s-{sig}.json"
                r, w = os.pipe()
                p = self.start("analyze", "--input-jsonl", "-", "--jobs", "2", "--summary", summary, stdin=r)
                os.close(r)
                try:
                    os.write(w, jsonl({"id": 1, "text": FRENCH}))
                    head = p.stdout.readline()  # the marker: its record
                    code, out, err = self.finish(p, sig, head)
                finally:
                    os.close(w)
                self.assertEqual(code, 130, err)
                self.assertEqual([d["source"]["id"] for d in parse_documents(out)], [1])
                s = self.summary(summary)
                self.assertEqual((s["interrupted"], s["files"], s["documents"]), (True, 1, 1))
                self.assertIn(b"interrupted after 1", err)

    def test_a_fifo_without_writer_as_the_one_input(self):
        fifo = self.base / "fifo"
        os.mkfifo(fifo)
        summary = self.base / "s.json"
        p = self.start("analyze", fifo, "--summary", summary)
        w = self.open_writer_when_read(fifo, p)
        try:
            os.write(w, b"Le texte qui ne finit ")  # a slow writer: never closes
            code, out, err = self.finish(p, signal.SIGTERM)
        finally:
            os.close(w)
        self.assertEqual((code, out), (130, b""), err)
        s = self.summary(summary)
        self.assertEqual((s["interrupted"], s["planned"], s["files"]), (True, 1, 0))

    def test_a_slow_standard_input_as_the_one_input(self):
        r, w = os.pipe()
        p = self.start("analyze", "-", stdin=r)
        os.close(r)
        try:
            os.write(w, b"Le Conseil d'Etat a ")
            self.wait_drained(w, p)
            code, out, err = self.finish(p, signal.SIGINT)
        finally:
            os.close(w)
        self.assertEqual((code, out), (130, b""), err)

    def test_a_fifo_in_a_batch_keeps_the_lines_before_it(self):
        a, b = self.write("a.txt"), self.write("b.txt")
        fifo = self.base / "fifo"
        os.mkfifo(fifo)
        summary = self.base / "s.json"
        p = self.start("analyze", "--jobs", "1", a, fifo, b, "--summary", summary)
        w = self.open_writer_when_read(fifo, p)
        try:
            head = p.stdout.readline()  # a.txt's record: written while the FIFO holds the run
            code, out, err = self.finish(p, signal.SIGTERM, head)
        finally:
            os.close(w)
        self.assertEqual(code, 130, err)
        self.assertEqual([d["source"]["path"] for d in parse_documents(out)], [str(a)])
        s = self.summary(summary)
        self.assertEqual((s["interrupted"], s["planned"], s["files"]), (True, 3, 1))

    def test_an_input_jsonl_fifo(self):
        fifo = self.base / "docs.fifo"
        os.mkfifo(fifo)
        p = self.start("analyze", "--input-jsonl", fifo)
        w = self.open_writer_when_read(fifo, p)
        try:
            os.write(w, jsonl({"id": 1, "text": FRENCH}) + b'{"id": 2, "te')  # a line cut short: no record
            head = p.stdout.readline()
            code, out, err = self.finish(p, signal.SIGTERM, head)
        finally:
            os.close(w)
        self.assertEqual(code, 130, err)
        self.assertEqual([d["source"]["id"] for d in parse_documents(out)], [1])

    def test_a_files_from_list_on_a_quiet_standard_input(self):
        a = self.write("a.txt")
        summary = self.base / "s.json"
        r, w = os.pipe()
        p = self.start("analyze", "--files-from", "-", "--summary", summary, stdin=r)
        os.close(r)
        try:
            os.write(w, f"{a}\n".encode())
            self.wait_drained(w, p)
            code, out, err = self.finish(p, signal.SIGTERM)
        finally:
            os.close(w)
        self.assertEqual((code, out), (130, b""), err)
        self.assertTrue(self.summary(summary)["interrupted"])



# --- 11, 13: sizes and dates validated -------------------------------------------------------------------


class SizesAndDates(TempCase):
    def test_negative_and_overflowing_sizes_are_usage_errors(self):
        a = self.write("a.txt")
        for value in ("-1", "18446744073709551616", "99999999999999999999999", "1e6", "12x", "", "1099511627777", "2T"):
            with self.subTest(value=value):
                r = run("analyze", "--max-bytes", value, a)
                self.assertEqual((r.returncode, r.stdout), (64, b""), r.stderr)
                self.assertIn(b"--max-bytes: wants a size in bytes, with an optional K, M, G or T (64M, 1G), at most 1T",
                              r.stderr)
        self.assertEqual(run("analyze", "--max-bytes", "1099511627776", a).returncode, 0)
        self.assertEqual(run("analyze", "--max-bytes", "0", a).returncode, 65)  # too_large, as asked

    def test_impossible_reference_dates_are_usage_errors(self):
        a = self.write("a.txt")
        for value in ("abcd-ef-gh", "2024-02-30", "2023-02-29", "2024-13-01", "24-01-01", "2024-1-1", "0999-01-01"):
            with self.subTest(value=value):
                r = run("analyze", "--ref-date", value, a)
                self.assertEqual((r.returncode, r.stdout), (64, b""), r.stderr)
                self.assertIn(b"wants a real calendar date YYYY-MM-DD", r.stderr)

    def test_a_reference_date_is_honoured(self):
        hier = self.write("hier.txt", "Le Conseil d'État a statué hier.")
        def dates(*args):
            r = run("analyze", *args, hier)
            self.assertEqual(r.returncode, 0, r.stderr)
            return [e["value"] for e in parse_documents(r.stdout)[0]["entities"] if e["type"] == "DATE"]
        self.assertEqual(dates("--ref-date", "2024-03-01"), ["2024-02-29"])  # a leap year's last day of February
        self.assertEqual(dates("--ref-date", "2023-03-01"), ["2023-02-28"])
        self.assertEqual(dates(), [])  # no reference: left out, never guessed

# --- 14: a stream is read once ---------------------------------------------------------------------------


class StreamsReadOnce(TempCase):
    def test_standard_input_twice_is_a_usage_error(self):
        a = self.write("a.txt")
        for args in (["-", "-"], ["-", a, "-"], ["-", "/dev/stdin"], ["--files-from", "-", "-"], ["--jobs", "2", "-", "-"]):
            with self.subTest(args=args):
                r = run("analyze", *args, input_bytes=FRENCH.encode() * 100)
                self.assertEqual((r.returncode, r.stdout), (64, b""), r.stderr)
                self.assertIn(b"read twice", r.stderr)

    def test_a_fifo_twice_is_a_usage_error(self):
        fifo = self.base / "fifo"
        os.mkfifo(fifo)
        r = run("analyze", fifo, self.base / "." / "fifo")
        self.assertEqual(r.returncode, 64, r.stderr)
        self.assertIn(b"the same stream, read twice", r.stderr)

# --- 16: --files-from and --gazetteer are read with a bound -------------------------------------------------


class BoundedLists(TempCase):
    def test_files_from_dev_zero_fails_clearly(self):
        r = run("analyze", "--files-from", "/dev/zero")
        self.assertEqual((r.returncode, r.stdout), (64, b""))
        self.assertIn(b"--files-from /dev/zero: NUL byte at offset 0: a NUL-separated list", r.stderr)
        r = run("analyze", "--files-from", "/dev/zero", "-0")
        self.assertEqual((r.returncode, r.stdout), (64, b""))
        self.assertIn(b"longer than 268435456 bytes (256 MiB), the most a list may hold", r.stderr)

class BoundedGazetteers(TempCase):
    def test_gazetteer_dev_zero_fails_clearly(self):
        r = run("analyze", "--gazetteer", "/dev/zero", self.write("a.txt"))
        self.assertEqual((r.returncode, r.stdout), (78, b""))
        self.assertIn(b"/dev/zero: larger than 67108864 bytes (64 MiB), the most a gazetteer may hold", r.stderr)


# --- 12: a closed or full stderr never changes the exit status -----------------------------------------------


class Stderr(TempCase):
    def runs(self, *args):
        """The exit codes of one command with stderr a pipe, closed, and
        /dev/full, and the -o file of each run."""
        results = []
        for how in ("pipe", "closed", "full"):
            out = self.base / f"out-{how}.jsonl"
            kw = {"stdout": subprocess.DEVNULL}
            if how == "pipe":
                kw["stderr"] = subprocess.PIPE
            elif how == "closed":
                kw["stderr"] = subprocess.DEVNULL
                kw["preexec_fn"] = lambda: os.close(2)
            else:
                kw["stderr"] = open("/dev/full", "wb")
            p = subprocess.run([BIN, *map(str, args), "-o", out], timeout=120, **kw)
            results.append((p.returncode, out.read_bytes() if out.exists() else None))
        return results

    def test_exit_codes_stay_whatever_stderr_is(self):
        a = self.write("a.txt")
        for args, code in ((["analyze", a, a], 0), (["analyze", a, "/nonexistent.txt"], 65),
                           (["analyze", self.write("rien.txt", "rien à signaler"), "--fail-on", "no-entities"], 1), (["analyze", "/nonexistent.txt"], 66),
                           (["analyze", "-v", a, self.write("latin.txt", "soci\xe9t\xe9".encode("latin-1"))], 0)):
            with self.subTest(args=args):
                results = self.runs(*args)
                self.assertEqual([c for c, _ in results], [code] * 3)
                # A closed fd 2 is not handed to the output file: it holds JSON only.
                self.assertEqual(results[1][1], results[0][1])

    def test_usage_errors_too(self):
        for how in ("closed", "full"):
            kw = {"preexec_fn": lambda: os.close(2)} if how == "closed" else {"stderr": open("/dev/full", "wb")}
            p = subprocess.run([BIN, "analyze", "--no-such-option", "x"], stdout=subprocess.DEVNULL, timeout=60, **kw)
            self.assertEqual(p.returncode, 64)


# --- 15: `| head` with --summary FILE still writes the summary ----------------------------------------------


class ClosedPipeSummary(TempCase):
    def test_summary_is_written_when_the_reader_goes_away(self):
        corpus = self.base / "corpus"
        corpus.mkdir()
        for i in range(300):  # ~6 MB of records: far more than a pipe holds
            shutil.copy(SAMPLE, corpus / f"{i:03d}.txt")
        summary = self.base / "s.json"
        p = subprocess.Popen([BIN, "analyze", "--jobs", "1", corpus, "--summary", summary], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        p.stdout.read(100)
        p.stdout.close()
        err = p.stderr.read()
        self.assertEqual(p.wait(timeout=120), 0, err)  # a closed pipe is no failure
        s = self.summary(summary)
        self.assertEqual((s["planned"], s["interrupted"]), (300, False))
        self.assertGreaterEqual(s["files"], 1)
        self.assertLess(s["files"], 300)


# --- 17: -o DIR/ collisions found before the run; a folder's error is not a hidden file --------------------


class OutputFolder(TempCase):
    def test_a_file_named_index_would_take_index_html(self):
        self.write("corpus/index", FRENCH)
        self.write("corpus/a.txt", FRENCH)
        out = self.base / "out"
        r = run("analyze", "--format", "html", "--include", "*", self.base / "corpus", "-o", f"{out}/")
        self.assertEqual((r.returncode, r.stdout), (64, b""), r.stderr)
        self.assertIn(b"the index of the run and " + str(self.base / "corpus/index").encode() +
                      b" would both be written to " + str(out).encode() + b"/index.html", r.stderr)
        self.assertFalse(out.exists())  # refused before anything was made

    def test_a_file_beside_a_folder_of_its_output_name(self):
        self.write("corpus/a", "un")
        self.write("corpus/a.json/x.txt", "deux")
        out = self.base / "out"
        r = run("analyze", "--include", "*", self.base / "corpus", "-o", f"{out}/")
        self.assertEqual((r.returncode, r.stdout), (64, b""), r.stderr)
        self.assertIn(b"stands where", r.stderr)
        self.assertIn(b"needs a folder", r.stderr)
        self.assertFalse(out.exists())

    def test_two_inputs_for_one_output(self):
        a, b = self.write("x/a.txt"), self.write("y/a.txt")
        r = run("analyze", a, b, "-o", f"{self.base / 'out'}/")
        self.assertEqual(r.returncode, 64, r.stderr)
        self.assertIn(b"would both be written to", r.stderr)

    def test_a_folder_in_the_way_of_an_output_file(self):
        a = self.write("a.txt")
        (self.base / "out" / "a.txt.json").mkdir(parents=True)
        r = run("analyze", a, "-o", f"{self.base / 'out'}/")
        self.assertEqual(r.returncode, 64, r.stderr)
        self.assertIn(b"a.txt.json is a folder", r.stderr)

    @unittest.skipUnless(hasattr(os, "setuid"), "needs setuid")
    def test_an_unreadable_folder_argument_is_in_the_summary_and_on_stderr(self):
        # chmod 000 stops only a non-root reader: as root, run lexfr as nobody.
        os.chmod(self.base, 0o777)
        for name in ("locked-1", "locked-2"):
            (self.base / name).mkdir(mode=0o000)
        ok = self.write("ok.txt")
        os.chmod(ok, 0o644)
        out, summary = self.base / "out", self.base / "s.json"
        drop = (lambda: (os.setgid(65534), os.setuid(65534))) if IS_ROOT else None
        r = subprocess.run([BIN, "analyze", self.base / "locked-1", self.base / "locked-2", ok, "-o", f"{out}/",
                            "--summary", summary], capture_output=True, timeout=120, preexec_fn=drop)
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertEqual(sorted(os.listdir(out)), ["ok.txt.json"])  # no hidden out/.json
        for name in ("locked-1", "locked-2"):
            self.assertIn(f"{self.base / name}: Permission denied".encode(), r.stderr)
        s = self.summary(summary)
        self.assertEqual((s["files"], s["failed"], s["failures"]), (3, 2, {"unreadable": 2}))


# --- 18 (part): control characters in names are escaped on stderr ---------------------------------------


class Messages(TempCase):
    def test_escape_sequences_in_a_file_name_are_escaped_on_stderr(self):
        a = self.write("a.txt")
        evil = self.base / "evil\x1b]0;pwned\x07\x1b[2J\n\u202e.txt"
        r = run("analyze", a, os.fsdecode(os.fsencode(evil) + b"\xff"))
        self.assertEqual(r.returncode, 65)
        err = r.stderr
        for raw in (b"\x1b", b"\x07", "\u202e".encode(), b"\xff"):
            self.assertNotIn(raw, err)
        self.assertIn(b"evil\\x1b]0;pwned\\x07\\x1b[2J\\n\\u202e.txt\\xff: no such file", err)
        record = parse_documents(r.stdout)[1]
        self.assertTrue(record["source"]["path"].startswith(str(self.base / "evil\x1b]0;pwned\x07")))

    def test_escape_sequences_in_option_values_are_escaped(self):
        r = run("analyze", "--format", "\x1b[31mjson", "x")
        self.assertEqual(r.returncode, 64)
        self.assertNotIn(b"\x1b", r.stderr)
        self.assertIn(b"\\x1b[31m", r.stderr)




# --- the documentation: --help and the README say what the code does ----------------------------------------


class HelpAndReadme(Case):
    def test_help_documents_the_option_and_its_default(self):
        out = run("analyze", "--help").stdout.decode()
        self.assertIn("--input-jsonl-paths", out)
        self.assertIn("allow (default)", out)

    def test_help_documents_the_code(self):
        out = run("analyze", "--help").stdout.decode()
        self.assertIn("130 interrupted (SIGINT or SIGTERM", out)

    # Codes that never reach an error record or the summary: the run stops
    # with a message on stderr and the exit code the README documents.
    MESSAGE_ONLY_CODES = {"usage", "bad_gazetteer", "bad_data", "closed_pipe", "nul_in_list", "converter"}

    def test_every_error_code_is_documented_in_the_readme(self):
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        # Every code the source gives an error (Status::Error, the PDF and
        # HTML readers' own constructors), so that a new code cannot slip by.
        source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.cpp"))
        found = set(re.findall(r'(?:Status::Error\(\s*ExitCode::k\w+,|PdfError\(|IdError\(|DataError\()\s*"([a-z][a-z0-9_]*)"', source))
        self.assertGreater(len(found), 15, "the pattern no longer finds the codes in src/")
        listed = {"not_found", "unreadable", "is_directory", "binary", "too_large", "symlink_loop", "not_json",
                  "bad_line", "not_regular", "is_stream", "is_output", "paths_denied", "name_too_long",
                  "internal_error", "timeout", "html_too_complex", "pdf_too_complex", "cage_failed"}
        for code in sorted((found | listed) - self.MESSAGE_ONLY_CODES):
            self.assertTrue(f"`{code}`" in readme, code)


if __name__ == "__main__":
    unittest.main()
