"""Helpers shared by the end-to-end tests: run the real binary, parse and
validate its JSON against the schema the binary prints."""
import json
import os
import pathlib
import subprocess
import unittest

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("LEXFR_BIN", str(ROOT / "build" / "lexfr"))
SAMPLE = ROOT / "data" / "samples" / "isoc-emc2-recours.txt"
CORPUS = ROOT / "tests" / "corpus" / "dev"


def run(*args, stdin=None, input_bytes=None, **kw):
    """Runs lexfr; returns CompletedProcess with bytes stdout/stderr."""
    return subprocess.run([BIN, *map(str, args)], input=input_bytes, stdin=stdin,
                          capture_output=True, timeout=120, **kw)


_validator = None


def validator():
    global _validator
    if _validator is None:
        schema = json.loads(run("schema").stdout)
        jsonschema.Draft202012Validator.check_schema(schema)
        _validator = jsonschema.Draft202012Validator(schema)
    return _validator


def parse_documents(stdout):
    """Every JSON value in stdout (one per line, or one pretty object), each
    validated against the schema."""
    text = stdout.decode("utf-8")  # raises if the output is not UTF-8
    docs = []
    decoder = json.JSONDecoder()
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        obj, i = decoder.raw_decode(text, i)
        validator().validate(obj)
        docs.append(obj)
    return docs


def analyze(*args, **kw):
    r = run("analyze", *args, **kw)
    if r.returncode != 0:
        raise AssertionError(f"lexfr analyze {args} exited {r.returncode}: {r.stderr.decode(errors='replace')}")
    docs = parse_documents(r.stdout)
    assert len(docs) == 1, docs
    return docs[0]


class Case(unittest.TestCase):
    maxDiff = None

    def assertMentionsIndexText(self, doc, text):
        """Every mention's code point and byte offsets give back its text."""
        raw = text.encode("utf-8")
        for e in doc["entities"]:
            for m in e["mentions"]:
                self.assertEqual(text[m["start"]:m["end"]], m["text"], e)
                self.assertEqual(raw[m["byte_start"]:m["byte_end"]].decode("utf-8"), m["text"], e)
