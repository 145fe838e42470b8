"""The README's two commands are the ones CI runs."""
import re
import unittest

from lexfr_e2e import ROOT


def readme_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.*?)\n```", text, re.S)[:2]


class Readme(unittest.TestCase):
    def test_ci_runs_the_second_readme_command_verbatim(self):
        ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
        self.assertEqual(readme_commands()[1].strip(), ci.strip())

    def test_first_command_runs_the_bundled_sample(self):
        first = readme_commands()[0]
        self.assertIn("data/samples/", first)
        sample = re.search(r"(data/samples/\S+)", first).group(1)
        self.assertTrue((ROOT / sample).is_file())


if __name__ == "__main__":
    unittest.main()
