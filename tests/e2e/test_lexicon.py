"""The data files and the user's --gazetteer files are checked row by row:
a malformed row stops the run with exit 78 (EX_CONFIG) naming file:line."""
import pathlib
import tempfile
import unittest

from lexfr_e2e import Case, run, parse_documents

TEXT = "La Fondation Exemple a saisi le Conseil d'État le 3 mars 2024.\n"


class UserGazetteer(Case):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = pathlib.Path(self._tmp.name)
        self.text = self.tmp / "a.txt"
        self.text.write_text(TEXT, encoding="utf-8")

    def tearDown(self):
        self._tmp.cleanup()

    def gazetteer(self, body):
        path = self.tmp / "mine.tsv"
        path.write_text(body, encoding="utf-8")
        return path

    def assertRefusedAt(self, body, where, what):
        gaz = self.gazetteer(body)
        r = run("analyze", "--gazetteer", gaz, self.text)
        self.assertEqual((r.returncode, r.stdout), (78, b""), r.stderr)
        self.assertIn(f"{gaz}:{where}: ".encode(), r.stderr)
        self.assertIn(what.encode(), r.stderr)

    def test_a_good_row_is_used(self):
        gaz = self.gazetteer("# canonical\tsubtype\taliases\tnotes\nFondation Exemple\tassociation\t\t\n")
        r = run("analyze", "--gazetteer", gaz, self.text)
        self.assertEqual(r.returncode, 0, r.stderr)
        names = {e["canonical"]: e.get("subtype") for e in parse_documents(r.stdout)[0]["entities"]}
        self.assertEqual(names.get("Fondation Exemple"), "association")

    def test_a_row_without_tabs_names_its_line(self):
        self.assertRefusedAt("# canonical\tsubtype\taliases\tnotes\nFondation Exemple\tassociation\t\t\n"
                             "\nFondation Autre association\n", 4, "tab-separated columns")

    def test_an_unknown_subtype_names_its_line(self):
        self.assertRefusedAt("Fondation Exemple\tfoundation\t\t\n", 1, "unknown subtype 'foundation'")


if __name__ == "__main__":
    unittest.main()
