"""The command line as users of rg, fd, jq and coreutils expect it (issue 22):
usage errors as one line `lexfr: error: <what> — <what to do>` with exit 64,
« did you mean », `lexfr help`, `-V`, size suffixes, examples on every
--help, completions sourced by bash, and a man page that says what --help says."""
import os
import re
import subprocess
import tempfile
import unittest

from lexfr_e2e import BIN, SAMPLE, Case, run

TEXT = "Le Conseil d'État a statué.\n".encode()
COMMANDS = ("analyze", "tokens", "schema", "completions", "help")


class UsageErrors(Case):
    def usage_error(self, *args):
        """Runs lexfr, checks the error is one line, exit 64, nothing on stdout; returns the line."""
        r = run(*args, input_bytes=TEXT)
        self.assertEqual((r.returncode, r.stdout), (64, b""), r.stderr)
        err = r.stderr.decode()
        self.assertEqual(err.count("\n"), 1, err)
        self.assertRegex(err, r"^lexfr: error: .+ — .+\n$")
        return err

    def test_jobs_0_says_the_range_in_words(self):
        err = self.usage_error("analyze", "--jobs", "0", "-")
        self.assertIn("--jobs: wants a number of files at a time from 1 to 1024, not '0'", err)
        self.assertLess(len(err), 200)  # not CLI11's 300-digit range

    def test_timeout_0_says_the_range_in_words(self):
        err = self.usage_error("analyze", "--timeout", "0", "-")
        self.assertIn("--timeout: wants a number of seconds from 0.001 to 1000000", err)

    def test_bad_size_says_the_suffixes(self):
        err = self.usage_error("analyze", "--max-bytes", "12x", "-")
        self.assertIn("--max-bytes: wants a size in bytes, with an optional K, M, G or T (64M, 1G)", err)

    def test_misspelt_command_gets_the_nearest(self):
        for typo in ("analize", "anaylze", "tokns", "shema"):
            with self.subTest(typo=typo):
                err = self.usage_error(typo, "x")
                self.assertIn(f"unknown command '{typo}'", err)
                self.assertIn('did you mean "', err)
        self.assertIn('did you mean "analyze"?', self.usage_error("analize", "x"))

    def test_unknown_command_far_from_any_lists_them(self):
        err = self.usage_error("frobnicate")
        for c in ("analyze", "tokens", "schema"):
            self.assertIn(c, err)

    def test_a_file_name_as_command_says_how_to_analyze_it(self):
        self.assertIn(f"lexfr analyze {SAMPLE}", self.usage_error(str(SAMPLE)))

    def test_misspelt_option_gets_the_nearest(self):
        self.assertIn('unknown option \'--prety\' — did you mean "--pretty"?', self.usage_error("analyze", "--prety", "-"))
        self.assertIn('did you mean "--max-bytes"?', self.usage_error("analyze", "--max-byte=5", "-"))
        self.assertIn("'lexfr analyze --help'", self.usage_error("analyze", "--no-such-flag", "-"))

    def test_no_command(self):
        self.assertIn("no command given", self.usage_error())
        self.assertIn("no command given", self.usage_error("-v"))

    def test_tokens_takes_one_input(self):
        self.assertIn("tokens reads one text, not several", self.usage_error("tokens", SAMPLE, SAMPLE))

    def test_input_jsonl_with_paths_says_why(self):
        self.assertIn("--input-jsonl reads its documents from the stream", self.usage_error("analyze", "--input-jsonl", "-", SAMPLE))

    def test_bad_choice_names_the_choices(self):
        err = self.usage_error("analyze", "--format", "xml", "-")
        self.assertIn("auto,json,jsonl,csv,tsv,html", err)
        self.assertIn("--color: never2 not in {auto,always,never}", self.usage_error("--color", "never2", "schema"))


class Accepted(Case):
    def test_analyse_is_analyze(self):
        a, b = run("analyse", SAMPLE), run("analyze", SAMPLE)
        self.assertEqual((a.returncode, a.stdout), (0, b.stdout), a.stderr)

    def test_size_suffixes(self):
        for size in ("5k", "64M", "1G", "64MiB", "1T"):
            with self.subTest(size=size):
                self.assertEqual(run("analyze", "--max-bytes", size, SAMPLE).returncode, 0)
        # the sample is 4351 bytes: over 4k (4096), under 5k
        self.assertEqual(run("analyze", "--max-bytes", "4k", SAMPLE).returncode, 65)

    def test_global_options_after_the_command(self):
        r = run("analyze", "-q", "/nonexistent.txt")
        self.assertEqual(r.returncode, 66)
        r = run("analyze", "-v", SAMPLE)
        self.assertIn(b"lexfr: info:", r.stderr)

    def test_verbose_says_what_each_input_was(self):
        err = run("-v", "analyze", SAMPLE).stderr.decode()
        self.assertRegex(err, r"isoc-emc2-recours\.txt: text, UTF-8, 4351 bytes, \d+ sentences, \d+ entities "
                              r"\(DATE \d+, .*ORG \d+.*\), \d+\.\d+ s")
        self.assertNotIn("recognisers", err)
        self.assertRegex(run("-vv", "analyze", SAMPLE).stderr.decode(), r"recognisers: names \d+, .*money \d+")

    def test_color(self):
        def err(*args, **env):
            return run(*args, "analyze", "/nonexistent.txt", env={**os.environ, **env}).stderr
        self.assertIn(b"\x1b[", err("--color", "always"))
        self.assertIn(b"\x1b[", err("--color", "always", NO_COLOR="1"))  # asked for
        self.assertNotIn(b"\x1b[", err("--color", "never"))
        self.assertNotIn(b"\x1b[", err("--color", "auto"))  # not a terminal


class Help(Case):
    def out(self, *args):
        r = run(*args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.decode()

    def test_help_command_is_help(self):
        self.assertEqual(self.out("help"), self.out("--help"))
        for c in ("analyze", "tokens", "schema"):
            with self.subTest(command=c):
                self.assertEqual(self.out("help", c), self.out(c, "--help"))

    def test_help_of_an_unknown_command(self):
        r = run("help", "analize")
        self.assertEqual(r.returncode, 64)
        self.assertIn(b'did you mean "analyze"?', r.stderr)

    def test_version_short_and_long(self):
        v = self.out("-V")
        self.assertEqual(v, self.out("--version"))
        self.assertRegex(v, r"^lexfr \d+\.\d+\.\d+\ncommit ([0-9a-f]{7,}(-dirty)?|unknown), ICU \d+\.\d+, poppler \d+\.\d+")

    def test_every_command_has_examples_and_the_global_options(self):
        for c in COMMANDS:
            with self.subTest(command=c):
                out = self.out(c, "--help")
                self.assertIn("Examples:\n  ", out)
                self.assertIn("lexfr " + ("analyze" if c == "analyze" else c), out.split("Examples:")[1])
                for option in ("-q,--quiet", "-v,--verbose", "--color WHEN"):
                    self.assertIn(option, out)

    def test_no_cli11_noise(self):
        for c in COMMANDS:
            with self.subTest(command=c):
                out = self.out(c, "--help")
                for noise in ("Excludes", "Needs", "TEXT", ":{", "FLOAT", "in [", "VALUE"):
                    self.assertNotIn(noise, out)

    def test_exit_codes_only_where_they_apply(self):
        self.assertIn("130 interrupted", self.out("analyze", "--help"))
        self.assertIn("--fail-on condition", self.out("analyze", "--help"))
        self.assertNotIn("--fail-on condition", self.out("tokens", "--help"))
        self.assertIn("Exit codes", self.out("tokens", "--help"))
        self.assertNotIn("Exit codes", self.out("schema", "--help"))

    def test_output_help_tells_the_folder_mode(self):
        self.assertRegex(self.out("analyze", "--help"), r"-o,--output FILE +Write to FILE .*DIR/")


class Completions(Case):
    def bash(self, script):
        r = subprocess.run(["bash", "-c", f"source <('{BIN}' completions bash)\n{script}"], capture_output=True,
                           timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.decode()

    def complete(self, *words):
        """COMPREPLY for the command line `lexfr WORDS`, the last word being completed."""
        words = " ".join(f"'{w}'" for w in ("lexfr", *words))
        return self.bash(f"COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); _lexfr; "
                         "printf '%s\\n' \"${COMPREPLY[@]}\"").split()

    def test_bash_registers_the_function(self):
        self.assertIn("complete -o filenames -F _lexfr lexfr", self.bash("complete -p lexfr"))

    def test_bash_completes_commands_options_and_values(self):
        self.assertEqual(self.complete("ana"), ["analyze"])
        self.assertEqual(self.complete("analyze", "--pre"), ["--pretty"])
        self.assertEqual(self.complete("analyze", "--format", "j"), ["json", "jsonl"])
        self.assertEqual(self.complete("tokens", "--form"), [])  # analyze's, not tokens'
        self.assertEqual(self.complete("completions", "z"), ["zsh"])
        self.assertIn("--verbose", self.complete("schema", "--v"))

    def test_every_option_of_help_is_completed(self):
        script = run("completions", "bash").stdout.decode()
        for c in ("analyze", "tokens"):
            for option in re.findall(r"^  (?:-\w,)?(--[\w-]+)", run(c, "--help").stdout.decode(), re.M):
                with self.subTest(command=c, option=option):
                    self.assertIn(option, script)

    def test_zsh_and_fish_scripts_name_the_same_options(self):
        for shell, mark in (("zsh", "#compdef lexfr"), ("fish", "complete -c lexfr")):
            with self.subTest(shell=shell):
                script = run("completions", shell).stdout.decode()
                self.assertIn(mark, script)
                self.assertIn("input-jsonl-paths", script)
                self.assertIn("auto json jsonl csv tsv html", script)

    def test_unknown_shell(self):
        r = run("completions", "tcsh")
        self.assertEqual(r.returncode, 64)
        self.assertIn(b"tcsh not in {bash,zsh,fish}", r.stderr)


class ManPage(Case):
    """lexfr(1) is rendered from the option table of --help: every option of every command is in it."""

    def test_every_option_and_example_of_help_is_in_the_man_page(self):
        page = run("manpage").stdout.decode().replace("\\-", "-")
        for c in ("analyze", "tokens", "schema", "completions"):
            self.assertIn(f'.SS "lexfr {c}', page)
            help_text = run(c, "--help").stdout.decode()
            for option in re.findall(r"^  (?:-\w,)?(--[\w-]+)", help_text, re.M):
                with self.subTest(command=c, option=option):
                    self.assertIn(f"\\fB{option}\\fR", page)
        for section in ("NAME", "SYNOPSIS", "GLOBAL OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES",
                        "EXAMPLES"):
            self.assertIn(f".SH {section}", page)
        for word in ("NO_COLOR", "LEXFR_PDF_MODULE", "lib/lexfr/liblexfr_pdf.so", "130 interrupted"):
            self.assertIn(word, page)

    def test_man_renders_it(self):
        with tempfile.NamedTemporaryFile(suffix=".1") as f:
            f.write(run("manpage").stdout)
            f.flush()
            r = subprocess.run(["man", "-l", f.name], capture_output=True, timeout=60,
                               env={**os.environ, "MANPAGER": "cat", "MANWIDTH": "80"})
            if r.returncode != 0 and b"not found" in r.stderr:
                self.skipTest("no man")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(b"--input-jsonl-paths", r.stdout.replace(b"\xe2\x80\x90", b"-"))


if __name__ == "__main__":
    unittest.main()
