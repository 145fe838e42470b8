"""No super-linear input: adversarial texts at 1x and 10x their size must
cost about 10x the CPU time, not 100x. The bound is loose (a linear run is
10x; quadratic would be 100x) so a loaded machine cannot make it flake; CPU
time of the child process is measured, not wall time."""
import os
import resource
import subprocess
import tempfile
import unittest

from lexfr_e2e import BIN

BASE = 100_000  # bytes at 1x; 10x is 1 MB
MAX_BASE = BASE * 16  # how far a too-cheap 1x input grows (x4 at a time)
MIN_MEASURABLE = 0.05  # seconds of CPU above start-up a 1x run must cost
BOUND = 30.0

# Each generator repeats a piece that provokes one recogniser to look ahead.
ADVERSARIAL = {
    "article_article": "article ",
    "articles_lists": "articles 1, 2, 3 et ",
    "du_du": "du ",
    "digits": "1 2 3 4 5 6 7 8 9 ",
    "digit_run": "1234567890",
    "guillemets": "« ",
    "unclosed_quotes": "« Il dit ",
    "titles": "M. Me Mme ",
    "given_names": "Jean Pierre Marie ",
    "capitals": "Conseil Autorité Commission ",
    "acronym_parens": "(CNIL (Commission ",
    "numero": "n° n° ",
    "dates_no_year": "le 1er et le 2 et ",
    "money_words": "millions de milliards d' ",
    "elisions": "l'l'l'd'qu' ",
    "cue_phrases": "demande demande saisit contre ",
    "one_long_sentence": "la société Zorblax, ",
    "hyphen_chain": "Jean-",
    "initials": "L. ",
    "ellipsis_initials": "B... ",
    "dotted_words": "Rapid.Space.",
}


def cpu_seconds(path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run([BIN, "analyze", "--max-bytes", "100000000", path], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert r.returncode == 0, r.stderr
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def best_of(path, runs=2):
    return min(cpu_seconds(path) for _ in range(runs))


class Linearity(unittest.TestCase):
    @staticmethod
    def net_seconds(folder, name, piece, size, startup, runs):
        path = os.path.join(folder, f"{name}-{size}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(piece * (size // len(piece.encode())))
        return max(best_of(path, runs=runs) - startup, 5e-3)

    def test_adversarial_inputs_scale_linearly(self):
        with tempfile.TemporaryDirectory() as d:
            empty = os.path.join(d, "empty.txt")
            open(empty, "w").close()
            startup = best_of(empty, runs=3)
            for name, piece in ADVERSARIAL.items():
                with self.subTest(input=name):
                    # The 1x run must cost well above the start-up subtracted
                    # from it, or timer jitter makes the ratio: an input that
                    # lexfr reads in a few ms is made bigger until it is not.
                    base = BASE
                    while True:
                        one = self.net_seconds(d, name, piece, base, startup, runs=2)
                        if one >= MIN_MEASURABLE or base >= MAX_BASE:
                            break
                        base *= 4
                    ten = self.net_seconds(d, name, piece, base * 10, startup, runs=1)
                    ratio = ten / one
                    print(f"{name:20} {base // 1000:>5} kB {one:.3f}s  x10 {ten:.3f}s  ratio {ratio:.1f}")
                    self.assertLess(ratio, BOUND, f"{name}: 10x input costs {ratio:.1f}x")


if __name__ == "__main__":
    unittest.main()
