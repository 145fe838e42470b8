"""`lexfr tokens`: the segmentation a French reader expects, pinned."""
import json
import unittest

from lexfr_e2e import Case, run

TEXT = ("L’Internet Society saisit le Conseil d’État. M. Dupont cite l’art. L. 1111-8 du CSP. "
        "L’amende atteint 150 000 € selon la décision n° 444937.")


def tokens(text):
    r = run("tokens", "-", input_bytes=text.encode())
    assert r.returncode == 0, r.stderr
    return [json.loads(l) for l in r.stdout.decode().splitlines()]


class Tokens(Case):
    def test_tokens_and_sentences(self):
        got = [(t["text"], t["sentence"]) for t in tokens(TEXT)]
        expected = [
            ("L’", 0), ("Internet", 0), ("Society", 0), ("saisit", 0), ("le", 0), ("Conseil", 0), ("d’", 0),
            ("État", 0), (".", 0),
            ("M.", 1), ("Dupont", 1), ("cite", 1), ("l’", 1), ("art.", 1), ("L.", 1), ("1111", 1), ("-", 1),
            ("8", 1), ("du", 1), ("CSP", 1), (".", 1),
            ("L’", 2), ("amende", 2), ("atteint", 2), ("150 000", 2), ("€", 2), ("selon", 2), ("la", 2),
            ("décision", 2), ("n°", 2), ("444937", 2), (".", 2),
        ]
        self.assertEqual(got, expected)

    def test_kinds(self):
        kinds = {t["text"]: t["kind"] for t in tokens(TEXT)}
        self.assertEqual(kinds["150 000"], "number")
        self.assertEqual(kinds["€"], "symbol")
        self.assertEqual(kinds["."], "punct")
        self.assertEqual(kinds["Dupont"], "word")

    def test_offsets_are_code_points_and_bytes(self):
        raw = TEXT.encode()
        for t in tokens(TEXT):
            self.assertEqual(TEXT[t["start"]:t["end"]], t["text"])
            self.assertEqual(raw[t["byte_start"]:t["byte_end"]].decode(), t["text"])


if __name__ == "__main__":
    unittest.main()
