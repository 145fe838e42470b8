"""Byte-for-byte regression: lexfr's whole output on the dev corpus and on
every line of the case tables must equal the snapshots in tests/snapshots/.

A refactor must leave them unchanged. A change that means to change output
(a fixed bug, a better rule) regenerates them and commits the diff, which
the review then reads:

    LEXFR_UPDATE_SNAPSHOTS=1 python3 -m unittest test_snapshots   (in tests/e2e)
"""
import difflib
import json
import os
import subprocess
import unittest

from lexfr_e2e import BIN, ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots"
UPDATE = os.environ.get("LEXFR_UPDATE_SNAPSHOTS") == "1"


def corpus_output():
    # A relative folder from ROOT, so that source.path does not depend on
    # where the clone is.
    r = subprocess.run([BIN, "analyze", "--jobs", "2", "tests/corpus/dev"], cwd=ROOT,
                       capture_output=True, timeout=600)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    return r.stdout


def case_lines():
    """Every case of tests/cases/*.tsv as one mapper line: {"id": "file:line", "text": ...}."""
    lines = []
    for table in sorted((ROOT / "tests" / "cases").glob("*.tsv")):
        for number, row in enumerate(table.read_text(encoding="utf-8").splitlines(), 1):
            if not row or row.startswith("#"):
                continue
            fields = row.split("\t")
            if len(fields) < 2:
                continue
            lines.append(json.dumps({"id": f"{table.name}:{number}", "text": fields[1]}, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


def cases_output():
    r = subprocess.run([BIN, "analyze", "--ref-date", "2024-06-15", "--input-jsonl", "-"], cwd=ROOT,
                       input=case_lines(), capture_output=True, timeout=600)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    return r.stdout


class Snapshots(unittest.TestCase):
    maxDiff = None

    def check(self, name, actual):
        path = SNAPSHOTS / name
        if UPDATE:
            path.write_bytes(actual)
            return
        expected = path.read_bytes()
        if actual == expected:
            return
        diff = difflib.unified_diff(expected.decode().splitlines(), actual.decode().splitlines(),
                                    f"snapshot/{name}", "now", lineterm="", n=0)
        shown = "\n".join(line[:400] for line in list(diff)[:40])
        self.fail(f"{name} differs from the snapshot (regenerate with LEXFR_UPDATE_SNAPSHOTS=1 if meant):\n{shown}")

    def test_dev_corpus_output_is_unchanged(self):
        self.check("dev_corpus.jsonl", corpus_output())

    def test_case_tables_output_is_unchanged(self):
        self.check("cases.jsonl", cases_output())


if __name__ == "__main__":
    unittest.main()
