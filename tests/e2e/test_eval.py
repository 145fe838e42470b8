"""lexfr eval agrees with tests/score.py, the project's scorer, figure for
figure: on the dev corpus (lexfr's own predictions, and saved ones in every
form analyze writes) and on a gold folder made to reach its corners."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from lexfr_e2e import CORPUS, ROOT, Case, run

SCORE_PY = ROOT / "tests" / "score.py"


def score_py(gold_dir, pred, *flags):
    r = subprocess.run([sys.executable, str(SCORE_PY), str(gold_dir), str(pred), *flags],
                       capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout.decode("utf-8")


def figures(report, prefix=""):
    """Every number of a --json report, by its path, rounded to 3 decimals."""
    out = {}
    if isinstance(report, dict):
        for k, v in report.items():
            out.update(figures(v, f"{prefix}/{k}"))
    elif isinstance(report, list):
        out[prefix] = sorted(map(str, report))
    elif isinstance(report, (int, float)):
        out[prefix] = round(report, 3)
    return out


class Eval(Case):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lexfr-eval-")
        cls.jsonl = os.path.join(cls.tmp, "pred.jsonl")
        with open(cls.jsonl, "wb") as f:
            for t in sorted(CORPUS.glob("*.txt")):
                f.write(run("analyze", t).stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def eval(self, *args):
        r = run("eval", *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.decode("utf-8")

    def assertSameFigures(self, gold_dir, pred, *eval_args):
        want = figures(json.loads(score_py(gold_dir, pred, "--json")))
        got = figures(json.loads(self.eval(gold_dir, *eval_args, "--json")))
        self.assertEqual(got, want)
        self.assertGreater(len(want), 40)

    def test_lexfr_on_the_dev_corpus_scores_as_score_py_scores_it(self):
        self.assertSameFigures(CORPUS, self.jsonl)  # eval analyses the texts itself

    def test_saved_predictions_in_every_form_score_the_same(self):
        self.assertSameFigures(CORPUS, self.jsonl, self.jsonl)
        array = os.path.join(self.tmp, "pred.json")
        with open(array, "wb") as f:
            f.write(run("analyze", "-q", "--format", "json", CORPUS).stdout)
        self.assertSameFigures(CORPUS, self.jsonl, array)
        folder = os.path.join(self.tmp, "out") + "/"
        run("analyze", "-q", CORPUS, "-o", folder)
        self.assertSameFigures(CORPUS, self.jsonl, folder)

    def test_the_table_and_the_misses_are_score_py_s_to_the_byte(self):
        self.assertEqual(self.eval(CORPUS, self.jsonl), score_py(CORPUS, self.jsonl))
        self.assertEqual(self.eval(CORPUS, self.jsonl, "--misses"), score_py(CORPUS, self.jsonl, "--misses"))

    def test_a_gold_folder_of_corners(self):
        gold = os.path.join(self.tmp, "corners")
        os.mkdir(gold)
        docs = {
            "a": ({"entities": [
                {"type": "ORG", "canonical": "Commission nationale de l'informatique et des libertés",
                 "aliases": ["CNIL", "la Cnil"]},
                {"type": "ORG", "canonical": "Union européenne", "alt_types": ["LOC"], "aliases": []},
                {"type": "PERSON", "canonical": "Jean Dupont", "aliases": [], "optional": True},
                {"type": "MONEY", "amount": 150000000, "currency": "eur", "aliases": []},
                {"type": "LEGAL_REF", "instrument": "gdpr", "article": "Art. 4 § 2", "aliases": []},
                {"type": "DATE", "value": "2023-12-21", "aliases": []}],
                "recourse": {"kind": "annulment", "court": "CNIL", "claimants": ["Jean Dupont"],
                             "challenged_act": {"type": "délibération", "date": "2023-12-21", "author": None},
                             "grounds": [{"category": "violation_of_law"}], "status": "filed"},
                "genre": "news", "decision": None},
                {"source": {"path": "x/a.txt"}, "genre": "news", "decision": {"court": "X"},
                 "entities": [
                     {"type": "ORG", "canonical": "Cnil", "aliases": ["CNIL"]},
                     {"type": "LOC", "canonical": "l’Union Européenne"},
                     {"type": "PERSON", "canonical": "Jean Dupont"},
                     {"type": "MONEY", "amount": 150000000.004, "currency": "EUR"},
                     {"type": "LEGAL_REF", "instrument": "GDPR", "article": "4-2"},
                     {"type": "DATE", "canonical": "2023-12-21"},
                     {"type": "DATE", "value": "2024-01-01"}],
                 "recourse": {"kind": "annulment", "court": "Commission nationale de l’informatique et des libertés",
                              "claimants": [{"name": None, "firm": "Jean  Dupont"}],
                              "challenged_act": {"type": "Délibération", "date": None},
                              "grounds": [{"category": "violation_of_law"}, "x"], "status": "decided"}}),
            "b": ({"entities": [], "recourse": None, "decision": {"court": "Cour de cassation", "date": "2024-01-02",
                                                                   "numbers": ["23-15.672", "n° 24 83 069"]}},
                  {"source": {"path": "b.html"}, "entities": [], "recourse": {"kind": "appeal"},
                   "decision": {"court": "cour de Cassation", "date": "2024-01-02", "numbers": ["23-15.672"]}}),
            "c": ({"entities": [{"type": "DATE", "value": "2020"}], "recourse": {"kind": "appeal"}}, None),
        }
        preds = []
        for stem, (g, p) in docs.items():
            with open(os.path.join(gold, stem + ".gold.json"), "w", encoding="utf-8") as f:
                json.dump(g, f, ensure_ascii=False)
            if p is not None:
                preds.append(json.dumps(p, ensure_ascii=False))
        pred = os.path.join(self.tmp, "corners.jsonl")
        with open(pred, "w", encoding="utf-8") as f:
            f.write("\n".join(preds) + "\n")
        self.assertSameFigures(gold, pred, pred)
        self.assertEqual(self.eval(gold, pred, "--misses"), score_py(gold, pred, "--misses"))
        self.assertEqual(self.eval(gold, pred, "--json"), score_py(gold, pred, "--json"))

    def test_usage_and_data_errors(self):
        r = run("eval", "/nonexistent-gold")
        self.assertEqual(r.returncode, 64)
        self.assertIn(b"not a folder", r.stderr)
        r = run("eval", self.tmp)  # a folder without gold files
        self.assertEqual(r.returncode, 66)
        bad = os.path.join(self.tmp, "bad.jsonl")
        with open(bad, "w") as f:
            f.write('{"source": {"path": "a.txt"}}\nnot json\n')
        r = run("eval", CORPUS, bad)
        self.assertEqual(r.returncode, 65)
        self.assertIn(b"line 2", r.stderr)


if __name__ == "__main__":
    unittest.main()
