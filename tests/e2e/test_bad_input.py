"""The bad-input matrix: each input nobody cleaned has its exit code, its
diagnostic and a valid JSON document (or a one-line error)."""
import os
import pathlib
import subprocess
import tempfile
import threading
import unittest

from lexfr_e2e import BIN, SAMPLE, Case, parse_documents, run

FRENCH = "La Commission nationale de l'informatique et des libertés a sanctionné la société le 21 décembre 2023."


class BadInput(Case):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def write(self, name, data):
        path = pathlib.Path(self.dir.name) / name
        path.write_bytes(data)
        return path

    def ok(self, data, name="in.txt"):
        """Analyses `data`; exit 0, one valid document whose offsets index its text."""
        path = self.write(name, data)
        r = run("analyze", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        docs = parse_documents(r.stdout)
        self.assertEqual(len(docs), 1)
        return docs[0]

    def codes(self, doc):
        return [d["code"] for d in doc["diagnostics"]]

    def test_zero_bytes(self):
        doc = self.ok(b"")
        self.assertEqual((doc["stats"]["tokens"], doc["stats"]["sentences"]), (0, 0))

    def test_only_whitespace(self):
        doc = self.ok(b" \n\t\r\n  \xc2\xa0 \n")
        self.assertEqual(doc["stats"]["tokens"], 0)
        self.assertIsNone(doc["recourse"])

    def test_one_10mb_line_without_space(self):
        doc = self.ok(b"a" * 10_000_000)
        self.assertEqual(doc["stats"]["tokens"], 1)

    def test_1mb_of_guillemets(self):
        doc = self.ok("« ".encode() * 350_000)
        self.assertEqual(doc["quotes"], [])

    def test_1mb_of_digits(self):
        doc = self.ok(b"1" * 1_000_000)
        self.assertEqual([e["type"] for e in doc["entities"]], [])

    def test_emoji_and_mixed_scripts(self):
        text = "La CNIL 🇫🇷 a sanctionné 谷歌 (Google) 😀 : Ελλάδα, Россия, le 21 décembre 2023. 👨‍👩‍👧"
        doc = self.ok(text.encode())
        self.assertMentionsIndexText(doc, text)
        self.assertIn("2023-12-21", [e["canonical"] for e in doc["entities"]])

    def test_right_to_left_text(self):
        text = "قرار مجلس الدولة — le Conseil d'État a statué. עברית"
        doc = self.ok(text.encode())
        self.assertMentionsIndexText(doc, text)
        self.assertIn("Conseil d'État", [e["canonical"] for e in doc["entities"]])

    def test_zero_width_and_bidi_controls(self):
        text = "Le\u200b Conseil d'État\u200e a saisi \u202ela CNIL\u202c\ufeff le 21 décembre 2023."
        doc = self.ok(text.encode())
        self.assertMentionsIndexText(doc, text)

    def test_overlong_utf8(self):
        doc = self.ok(FRENCH.encode() + b" \xc0\xaf " + FRENCH.encode())
        self.assertEqual(doc["source"]["encoding"], "UTF-8")
        self.assertIn("invalid_utf8", self.codes(doc))

    def test_utf8_encoded_surrogates(self):
        doc = self.ok(FRENCH.encode() + b" \xed\xa0\x80 ")
        self.assertIn("invalid_utf8", self.codes(doc))

    def test_multibyte_sequence_cut_at_end_of_file(self):
        doc = self.ok(FRENCH.encode() + "é".encode()[:1])
        self.assertIn("invalid_utf8", self.codes(doc))

    def test_utf16_without_bom(self):
        doc = self.ok(FRENCH.encode("utf-16-le"))
        self.assertEqual(doc["source"]["encoding"], "UTF-16LE")
        self.assertIn("encoding_guessed", self.codes(doc))
        self.assertIn("CNIL", [e["canonical"] for e in doc["entities"]])

    def test_nul_bytes_late_in_a_file(self):
        doc = self.ok((FRENCH + " ") .encode() * 30 + b"\x00" + FRENCH.encode())
        self.assertIn("nul_bytes", self.codes(doc))

    def test_binary(self):
        path = self.write("a.bin", bytes(range(256)) * 8)
        r = run("analyze", path)
        self.assertEqual(r.returncode, 65)
        self.assertIn(b"binary", r.stderr)

    def test_fifo(self):
        fifo = pathlib.Path(self.dir.name) / "pipe.txt"
        os.mkfifo(fifo)

        def feed():
            with open(fifo, "wb") as f:
                f.write(FRENCH.encode())

        t = threading.Thread(target=feed)
        t.start()
        r = run("analyze", fifo)
        t.join()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertGreater(parse_documents(r.stdout)[0]["stats"]["tokens"], 10)

    def test_dev_zero_stops_at_the_default_limit(self):
        r = run("analyze", "/dev/zero")
        self.assertEqual(r.returncode, 65)
        self.assertIn(b"larger than --max-bytes (67108864 bytes)", r.stderr)

    def test_unreadable_file(self):
        # As root a chmod 000 file is still readable; /proc/self/mem is not
        # (read at offset 0 fails with EIO) and stands for an unreadable file.
        if os.geteuid() != 0:
            path = self.write("secret.txt", FRENCH.encode())
            path.chmod(0)
        else:
            path = "/proc/self/mem"
        r = run("analyze", path)
        self.assertEqual(r.returncode, 66, r.stderr)
        self.assertEqual(r.stdout, b"")

    def test_folder_alone_is_unreadable_as_a_file(self):
        r = run("tokens", self.dir.name)
        self.assertEqual(r.returncode, 66)
        self.assertIn(b"is a folder", r.stderr)

    def test_paths_with_space_newline_and_non_utf8_bytes(self):
        for name in (b"with space.txt", b"new\nline.txt", b"latin-\xe9t\xe9.txt"):
            path = os.path.join(self.dir.name.encode(), name)
            with open(path, "wb") as f:
                f.write(FRENCH.encode())
            r = subprocess.run([BIN.encode(), b"analyze", path], capture_output=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            doc = parse_documents(r.stdout)[0]  # valid UTF-8 JSON whatever the name
            self.assertTrue(doc["source"]["path"].endswith(".txt"))

    def test_every_output_is_valid_utf8_json_on_random_bytes(self):
        import random
        rng = random.Random(7)
        for i in range(30):
            data = bytes(rng.choice(b"\x00\x80\xc3\xa9\xe2\x82\xac abcCNIL\xab\xbb\n.\xff\xfe")
                         for _ in range(rng.randint(0, 3000)))
            path = self.write(f"r{i}.txt", data)
            r = run("analyze", path)
            self.assertIn(r.returncode, (0, 65), r.stderr)
            if r.returncode == 0:
                parse_documents(r.stdout)


if __name__ == "__main__":
    unittest.main()
