"""`cmake --install` lays out the Debian tree (issue 22), and the installed
lexfr reads PDFs through its own lib/lexfr/ module, never the build
tree's: an install missing the module must fail, not pass its smoke test on
the machine that built it."""
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest

from lexfr_e2e import ROOT, SAMPLE, Case

BUILD = pathlib.Path(os.environ.get("LEXFR_BUILD_DIR", ROOT / "build"))
PDF = ROOT / "tests" / "fixtures" / "two-pages.pdf"
INSTALLED = ("bin/lexfr", "lib/lexfr/liblexfr_pdf.so", "share/man/man1/lexfr.1",
             "share/bash-completion/completions/lexfr", "share/zsh/vendor-completions/_lexfr",
             "share/fish/vendor_completions.d/lexfr.fish", "share/doc/lexfr/README.md", "share/doc/lexfr/LICENSE")


class Install(Case):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        # Installed once, then copied elsewhere: the copy has never been near
        # the build folder, as on a user's machine.
        staged = pathlib.Path(cls.tmp.name) / "staged"
        r = subprocess.run(["cmake", "--install", str(BUILD), "--prefix", str(staged)], capture_output=True,
                           timeout=300)
        if r.returncode != 0:
            raise AssertionError(r.stderr.decode(errors="replace"))
        cls.prefix = pathlib.Path(cls.tmp.name) / "usr"
        shutil.copytree(staged, cls.prefix, symlinks=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def lexfr(self, *args, prefix=None):
        env = {k: v for k, v in os.environ.items() if k != "LEXFR_PDF_MODULE"}
        return subprocess.run([str((prefix or self.prefix) / "bin" / "lexfr"), *map(str, args)], capture_output=True,
                              timeout=120, env=env)

    def test_every_file_is_installed(self):
        for rel in INSTALLED:
            with self.subTest(file=rel):
                self.assertTrue((self.prefix / rel).is_file())
        self.assertTrue(os.access(self.prefix / "bin" / "lexfr", os.X_OK))

    def test_installed_lexfr_reads_text_and_pdf(self):
        self.assertEqual(self.lexfr("analyze", SAMPLE).returncode, 0)
        r = self.lexfr("analyze", PDF)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b'"format":"pdf"', r.stdout)

    def test_without_its_module_the_install_fails_on_pdf_not_the_build_tree_s(self):
        bare = pathlib.Path(self.tmp.name) / "bare"
        shutil.copytree(self.prefix, bare, symlinks=True, dirs_exist_ok=True)
        shutil.rmtree(bare / "lib")
        r = self.lexfr("analyze", PDF, prefix=bare)
        self.assertEqual(r.returncode, 78, r.stderr)
        self.assertIn(b"PDF support is not installed", r.stderr)
        self.assertNotIn(str(BUILD).encode(), r.stderr)
        self.assertEqual(self.lexfr("analyze", SAMPLE, prefix=bare).returncode, 0)  # text needs no module

    def test_installed_completions_and_man_page_are_what_lexfr_prints(self):
        for rel, args in (("share/bash-completion/completions/lexfr", ("completions", "bash")),
                          ("share/zsh/vendor-completions/_lexfr", ("completions", "zsh")),
                          ("share/fish/vendor_completions.d/lexfr.fish", ("completions", "fish")),
                          ("share/man/man1/lexfr.1", ("manpage",))):
            with self.subTest(file=rel):
                self.assertEqual((self.prefix / rel).read_bytes(), self.lexfr(*args).stdout)


if __name__ == "__main__":
    unittest.main()
