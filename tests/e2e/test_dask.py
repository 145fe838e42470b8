"""contrib/dask (issue 11): a real Dask scheduler and two worker processes
over loopback TCP run lexfr on a corpus; the driver's merged output equals the
single-machine output byte for byte, for a folder (shards), a file list
(chunks) and a JSON Lines stream (mapper mode).

CI installs python3-distributed (README's install command): without it this
test fails rather than skips."""
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

from lexfr_e2e import BIN, CORPUS, ROOT, SAMPLE, Case, parse_documents, run

DRIVER = ROOT / "contrib" / "dask" / "lexfr_dask.py"
TEXTS = sorted(CORPUS.glob("*.txt")) + [SAMPLE]
FOLDERS = ["", "a", "a/b", "a-b", "c d", "é", "z"]


def dask_command(role):
    """`dask scheduler` / `dask worker`: the command installed beside this
    Python (so that it runs the distributed this test imported), else the
    one on PATH, else the older dask-scheduler form."""
    beside = pathlib.Path(sys.executable).parent / "dask"
    if beside.exists():
        return [str(beside), role]
    if shutil.which("dask"):
        return ["dask", role]
    return [f"dask-{role}"]


def make_corpus(root, n):
    """n *.txt files from the dev texts under nested folders whose byte order
    differs from a naive one, plus a few that fail (binary, not UTF-8)."""
    for i in range(n):
        text = TEXTS[i % len(TEXTS)]
        path = root / FOLDERS[i % len(FOLDERS)] / f"{i:04d}-{text.stem[:16]}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.read_bytes()
        if i % 97 == 13:
            data = b"\x7fELF\x02\x01\x01\x00" * 30
        elif i % 89 == 7:
            data = data[:50] + b"\xff\xfe" + data[50:]
        path.write_bytes(data)


class DaskCluster(Case):
    @classmethod
    def setUpClass(cls):
        try:
            import distributed  # noqa: F401
        except ImportError as e:
            raise AssertionError(f"python3-distributed is not importable ({e}): apt-get install python3-distributed")
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="lexfr-dask-"))
        cls.procs = []
        cls.scheduler_file = cls.tmp / "scheduler.json"
        try:
            cls.start([*dask_command("scheduler"), "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                       "--scheduler-file", str(cls.scheduler_file)], "scheduler")
            deadline = time.monotonic() + 60
            while not cls.scheduler_file.exists():
                if time.monotonic() > deadline or cls.procs[0].poll() is not None:
                    raise AssertionError("the dask scheduler did not start: " + cls.log("scheduler"))
                time.sleep(0.1)
            for w in range(2):
                cls.start([*dask_command("worker"), "--scheduler-file", str(cls.scheduler_file), "--nworkers", "1",
                           "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{w}",
                           "--local-directory", str(cls.tmp / f"w{w}")], f"worker{w}")
            cls.corpus = cls.tmp / "corpus"
            make_corpus(cls.corpus, 300)
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def start(cls, command, name):
        log = open(cls.tmp / f"{name}.log", "wb")
        # A session of its own: tearDown ends the process and its children.
        cls.procs.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                          start_new_session=True, cwd=cls.tmp))
        log.close()

    @classmethod
    def log(cls, name):
        path = cls.tmp / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    @classmethod
    def tearDownClass(cls):
        for proc in reversed(cls.procs):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for proc in cls.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def driver(self, *args, stdin=None):
        r = subprocess.run([sys.executable, DRIVER, "--scheduler-file", self.scheduler_file, "--wait-workers", "2",
                            "--lexfr", BIN, *map(str, args)], input=stdin, capture_output=True, timeout=600,
                           cwd=self.tmp)
        self.assertIn(b"on 2 workers", r.stderr, r.stderr.decode(errors="replace") + self.log("scheduler"))
        return r

    def single(self, *args, stdin=None):
        return run(*args, input_bytes=stdin, cwd=self.tmp)

    def assertSameRun(self, distributed, single, records):
        self.assertEqual(distributed.returncode, single.returncode, distributed.stderr)
        self.assertEqual(distributed.stdout, single.stdout)
        docs = parse_documents(distributed.stdout)  # schema-valid, every record
        self.assertEqual(len(docs), records)
        return docs

    def test_a_folder_in_shards_merges_to_the_single_machine_output(self):
        single = self.single("analyze", "corpus")
        self.assertEqual(single.returncode, 65)  # the binary files
        docs = self.assertSameRun(self.driver("corpus", "--tasks", "7"), single, 300)
        self.assertTrue(any("error" in d for d in docs))
        paths = [d["source"]["path"].encode() for d in docs]
        self.assertEqual(paths, sorted(paths))  # lexfr's order: bytes of the path

    def test_a_file_list_in_chunks_concatenates_to_the_single_machine_output(self):
        paths = sorted(str(p.relative_to(self.tmp)) for p in self.corpus.rglob("*.txt"))
        paths = paths[::-1] + ["corpus/missing.txt"]  # any order, and one that fails
        listing = self.tmp / "list.txt"
        listing.write_text("\n".join(paths) + "\n")
        single = self.single("analyze", "--files-from", "list.txt")
        self.assertSameRun(self.driver("--files-from", "list.txt", "--chunk-size", "23"), single, 301)

    def test_a_jsonl_stream_in_chunks_concatenates_to_the_single_machine_output(self):
        lines = []
        for i in range(400):
            text = TEXTS[i % len(TEXTS)]
            if i % 50 == 49:
                lines.append(b"not json")
            elif i % 2:
                lines.append(json.dumps({"id": i, "path": str(text)}).encode())
            else:
                lines.append(json.dumps({"id": f"t-{i}", "text": text.read_text(encoding="utf-8")}).encode())
        stream = b"\n".join(lines) + b"\n"
        single = self.single("analyze", "--input-jsonl", "-", stdin=stream)
        docs = self.assertSameRun(self.driver("--input-jsonl", "-", "--chunk-size", "31", stdin=stream), single, 400)
        self.assertEqual([d["source"]["id"] for d in docs[:3]], ["t-0", 1, "t-2"])


if __name__ == "__main__":
    unittest.main()
