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
    def test_adversarial_inputs_scale_linearly(self):
        with tempfile.TemporaryDirectory() as d:
            empty = os.path.join(d, "empty.txt")
            open(empty, "w").close()
            startup = best_of(empty, runs=3)
            for name, piece in ADVERSARIAL.items():
                with self.subTest(input=name):
                    times = []
                    for scale in (1, 10):
                        path = os.path.join(d, f"{name}-{scale}.txt")
                        with open(path, "w", encoding="utf-8") as f:
                            f.write(piece * (BASE * scale // len(piece.encode())))
                        times.append(max(best_of(path, runs=2 if scale == 1 else 1) - startup, 5e-3))
                    ratio = times[1] / times[0]
                    print(f"{name:20} 1x {times[0]:.3f}s  10x {times[1]:.3f}s  ratio {ratio:.1f}")
                    self.assertLess(ratio, BOUND, f"{name}: 10x input costs {ratio:.1f}x")


if __name__ == "__main__":
    unittest.main()
