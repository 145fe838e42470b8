"""--format html: the page rendered in headless Chromium, its DOM read back
after the page's script ran, compared with the JSON of the same input."""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

from lexfr_e2e import SAMPLE, Case, analyze, run

CHROMIUM = "/usr/bin/chromium"
# Put first in <head> by the test (not by lexfr): records any error the page
# raises, including a syntax error in its own script, into the DOM.
ERROR_PROBE = ("<script>window.addEventListener('error',function(e){var h=document.documentElement;"
               "h.setAttribute('data-js-errors',(h.getAttribute('data-js-errors')||'')+e.message+';');});</script>")


def ensure_chromium():
    """Chromium's path, installing the Debian package when root; None if impossible."""
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
                       capture_output=True, timeout=600)
    return CHROMIUM if os.path.exists(CHROMIUM) else None


def chromium(page, *args):
    """Runs headless Chromium on `page` with a fresh profile; returns CompletedProcess (text)."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-quic", "--enable-logging=stderr", "--v=0", f"--user-data-dir={profile}",
               *args, pathlib.Path(page).resolve().as_uri()]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def mention_ids(dom):
    return set(re.findall(r'data-mention="(m-\d+-\d+)"', dom))


class HtmlTest(Case):
    @classmethod
    def setUpClass(cls):
        if ensure_chromium() is None:
            raise unittest.SkipTest(f"{CHROMIUM} is missing and could not be installed "
                                    "(apt-get install -y --no-install-recommends chromium, as root)")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = pathlib.Path(cls.tmp.name)
        build = os.environ.get("LEXFR_BUILD_DIR")
        cls.shots = pathlib.Path(build) if build else cls.dir

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def render(self, source, name, after="", args=()):
        """Writes lexfr's page for `source` (with the error probe, and the script `after` run once the
        page's own script ran) and returns it with its DOM after JS ran."""
        r = run("analyze", "--format", "html", *args, source)
        self.assertEqual(r.returncode, 0, r.stderr)
        html = r.stdout.decode("utf-8")
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        page = self.dir / name
        html = html.replace("<head>", "<head>" + ERROR_PROBE, 1)
        if after:
            html = html.replace("</body>", f"<script>{after}</script></body>", 1)
        page.write_text(html, encoding="utf-8")
        got = chromium(page, "--dump-dom")
        self.assertEqual(got.returncode, 0, got.stderr[-2000:])
        dom = got.stdout
        self.assertIn('data-ready="1"', dom, "the page's script did not run to its end")
        errors = re.search(r'<html[^>]*data-js-errors="([^"]*)"', dom)
        self.assertIsNone(errors, errors and errors.group(1))
        self.assertNotRegex(got.stderr, r"Uncaught|ERROR:CONSOLE")
        return page, dom

    def test_sample_page_matches_json(self):
        doc = analyze(SAMPLE)
        page, dom = self.render(SAMPLE, "sample.html")
        expected = {f"m-{i}-{j}" for i, e in enumerate(doc["entities"]) for j in range(len(e["mentions"]))}
        self.assertEqual(mention_ids(dom), expected)
        # Each mention's first segment is the one focusable element with its id.
        self.assertEqual(len(re.findall(r'<mark class="m m-[A-Z_]+" id="m-\d+-\d+" tabindex="0"', dom)),
                         len(expected))
        card = dom[dom.index('id="recourse"'):dom.index('id="text"')]
        self.assertIn("Conseil d'État", card.replace("&#39;", "'"))
        self.assertEqual(len(re.findall(r'id="s-\d+"', dom)), doc["stats"]["sentences"])

        shot = self.shots / "isoc-emc2-recours.png"
        got = chromium(page, f"--screenshot={shot}", "--window-size=1100,1300", "--hide-scrollbars")
        self.assertEqual(got.returncode, 0, got.stderr[-2000:])
        self.assertTrue(shot.exists() and shot.stat().st_size > 10_000, shot)

    def test_focusing_a_legal_ref_shows_its_link(self):
        doc = analyze(SAMPLE)
        i = next(i for i, e in enumerate(doc["entities"]) if e["type"] == "LEGAL_REF" and e.get("url"))
        url = doc["entities"][i]["url"]
        _, dom = self.render(SAMPLE, "focus.html", f"document.getElementById('m-{i}-0').focus();")
        tip = re.search(r'<div id="tip"([^>]*)>(.*?)</div></div>', dom, re.S)
        self.assertIsNotNone(tip, "no tooltip element")
        self.assertNotIn("hidden", tip.group(1))
        self.assertIn(doc["entities"][i]["canonical"], tip.group(2))
        self.assertIn(f'href="{url}"', tip.group(2))

    def test_script_in_input_is_text(self):
        src = self.dir / "evil.txt"
        src.write_text("Le Conseil d'État a reçu <script>document.title='pwned';alert(1)</script> "
                       "et <img src=x onerror=\"document.title='img'\"> hier.\n", encoding="utf-8")
        _, dom = self.render(src, "evil.html")
        self.assertIn("&lt;script&gt;document.title='pwned';alert(1)&lt;/script&gt;", dom)
        self.assertNotIn("<img", dom)
        title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
        self.assertNotIn("pwned", title)
        self.assertNotIn("img", title)
        # Two scripts: the test's probe and the page's own.
        self.assertEqual(len(re.findall(r"<script\b", dom)), 2)

    def test_folder_gives_pages_and_index(self):
        src = self.dir / "in"
        (src / "sub").mkdir(parents=True)
        shutil.copy(SAMPLE, src / "sub" / "a b.txt")
        out = self.dir / "out"
        r = run("analyze", "--format", "html", "-q", src, self.dir / "missing.txt", "-o", f"{out}/")
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertTrue((out / "sub" / "a b.txt.html").exists())
        index = (out / "index.html").read_text(encoding="utf-8")
        self.assertIn('href="sub/a%20b.txt.html"', index)
        self.assertIn("recours en annulation", index)
        self.assertNotIn("annulment", index)
        # The summary in words, each row its format and page count.
        self.assertIn("1 document analysé sur 2, 1 en échec", index)
        self.assertRegex(index, r"\d+ organisations")
        self.assertNotRegex(index, r"<dt>(planned|interrupted|documents_without_entities)</dt>")
        self.assertIn("<td>texte</td><td class=\"num\">—</td>", index)
        self.assertRegex(index, r'class="error"[^>]*>[^<]*missing\.txt')
        self.assertTrue((out / "missing.txt.html").exists())

    def test_the_page_speaks_french_by_default_and_english_on_request(self):
        _, dom = self.render(SAMPLE, "fr.html")
        self.assertRegex(dom, r'<html lang="fr"')
        card = dom[dom.index('id="recourse"'):dom.index('id="text"')]
        for words in ("<h2>Recours</h2>", "<dt>Juridiction</dt>", "<dt>Requérants</dt>", "recours en annulation",
                      "<dt>État</dt>"):
            self.assertIn(words, card)
        for english in ("Recourse", "Court", "Claimants", ">annulment<", "violation_of_law"):
            self.assertNotIn(english, card)
        self.assertIn("<h2>Entités (", dom)
        self.assertIn("organisation</span>", dom)  # the legend and the table
        self.assertRegex(dom, r"\d+ octets · texte · UTF-8 · \d+ phrases · \d+ entités")
        _, dom = self.render(SAMPLE, "en.html", args=("--lang", "en"))
        self.assertRegex(dom, r'<html lang="en"')
        card = dom[dom.index('id="recourse"'):dom.index('id="text"')]
        for words in ("<h2>Recourse</h2>", "<dt>Court</dt>", ">annulment<"):
            self.assertIn(words, card)
        self.assertEqual(run("analyze", "--format", "html", "--lang", "de", SAMPLE).returncode, 64)

    def test_every_type_has_its_own_colour_and_its_own_underline(self):
        # Chromium's computed style of each type's legend swatch: no two
        # types share a colour, nor an underline (what a greyscale print keeps).
        probe = ("var out=[];document.querySelectorAll('.legend > span[class^=m-]').forEach(function(s){"
                 "var c=getComputedStyle(s.querySelector('.swatch'));"
                 "out.push(s.className+'|'+c.textDecorationColor+'|'+c.textDecorationStyle+' '+c.textDecorationLine);});"
                 "document.documentElement.setAttribute('data-styles',out.join(';'));")
        _, dom = self.render(SAMPLE, "palette.html", probe)
        styles = re.search(r'data-styles="([^"]*)"', dom).group(1).split(";")
        by_type = {k: (colour, line) for k, colour, line in (s.split("|") for s in styles)}
        by_type.pop("m-DURATION")  # drawn as a DATE, on purpose
        self.assertEqual(len(by_type), 6, by_type)
        self.assertEqual(len({c for c, _ in by_type.values()}), 6, by_type)
        self.assertEqual(len({u for _, u in by_type.values()}), 6, by_type)

    def test_several_inputs_to_stdout_is_a_usage_error(self):
        r = run("analyze", "--format", "html", SAMPLE, SAMPLE)
        self.assertEqual(r.returncode, 64)
        self.assertIn(b"-o DIR/", r.stderr)


if __name__ == "__main__":
    unittest.main()
