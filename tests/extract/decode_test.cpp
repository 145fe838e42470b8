#include <catch2/catch.hpp>

#include "extract/decode.h"

namespace lexfr {
namespace {

DecodedText MustDecode(std::string_view bytes) {
  DecodedText d;
  const Status s = Decode(bytes, &d);
  INFO(s.ToString());
  REQUIRE(s.ok());
  REQUIRE(IsValidUtf8(d.text));
  return d;
}

bool HasDiagnostic(const DecodedText& d, std::string_view code) {
  for (const Diagnostic& x : d.diagnostics) {
    if (x.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("valid UTF-8 is taken as it is", "[decode]") {
  const DecodedText d = MustDecode("Le Conseil d’État a été saisi.");
  CHECK(d.text == "Le Conseil d’État a été saisi.");
  CHECK(d.encoding == "UTF-8");
  CHECK_FALSE(d.had_bom);
  CHECK(d.diagnostics.empty());
}

TEST_CASE("a UTF-8 BOM is dropped", "[decode]") {
  const DecodedText d = MustDecode("\xEF\xBB\xBFLa CNIL");
  CHECK(d.text == "La CNIL");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.had_bom);
}

TEST_CASE("UTF-16 with a BOM is decoded, both byte orders", "[decode]") {
  const std::string le("\xFF\xFE" "C\0N\0I\0L\0 \0\xE9\0", 14);
  const std::string be("\xFE\xFF" "\0C\0N\0I\0L\0 \0\xE9", 14);
  CHECK(MustDecode(le).text == "CNIL é");
  CHECK(MustDecode(le).encoding == "UTF-16LE");
  CHECK(MustDecode(be).text == "CNIL é");
  CHECK(MustDecode(be).encoding == "UTF-16BE");
}

TEST_CASE("UTF-16 without a BOM is guessed from its NUL pattern", "[decode]") {
  const std::string le("L\0a\0 \0C\0N\0I\0L\0 \0s\0a\0n\0c\0t\0i\0o\0n\0n\0e\0", 36);
  const DecodedText d = MustDecode(le);
  CHECK(d.text == "La CNIL sanctionne");
  CHECK(d.encoding == "UTF-16LE");
  CHECK(HasDiagnostic(d, "encoding_guessed"));
}

TEST_CASE("Windows-1252 and Latin-1 are detected and decoded", "[decode]") {
  // "Le Conseil d'État a jugé que la délibération…" in windows-1252, with a
  // curly apostrophe (0x92) that only windows-1252 has.
  const DecodedText d = MustDecode("Le Conseil d\x92\xC9tat a jug\xE9 que la d\xE9lib\xE9ration est l\xE9gale.");
  CHECK(d.text == "Le Conseil d’État a jugé que la délibération est légale.");
  CHECK(d.encoding == "windows-1252");
  CHECK(HasDiagnostic(d, "encoding_guessed"));

  const DecodedText latin1 = MustDecode("La soci\xE9t\xE9 a \xE9t\xE9 sanctionn\xE9" "e par la CNIL en d\xE9" "cembre.");
  CHECK(latin1.text == "La société a été sanctionnée par la CNIL en décembre.");
  CHECK((latin1.encoding == "ISO-8859-1" || latin1.encoding == "windows-1252"));
}

TEST_CASE("mostly valid UTF-8 keeps UTF-8 and replaces invalid sequences", "[decode]") {
  const DecodedText d = MustDecode("été \xFF à l’été");
  CHECK(d.text == "été \xEF\xBF\xBD à l’été");
  CHECK(d.encoding == "UTF-8");
  REQUIRE(HasDiagnostic(d, "invalid_utf8"));
  CHECK(d.diagnostics[0].message.find("1 invalid") != std::string::npos);
  CHECK(d.diagnostics[0].message.find("byte 6") != std::string::npos);
}

TEST_CASE("an invalid byte is found wherever it falls in a run of ASCII", "[decode]") {
  // The census reads ASCII eight bytes at a time: the bad byte at every
  // offset of a block, and a block cut by the end, must still be seen.
  for (size_t at = 0; at < 40; ++at) {
    std::string bytes = "Le Conseil d'Etat a rendu sa decision le 5 mars, en été.";
    bytes.insert(at, "\xFF");
    INFO("invalid byte at " << at);
    const DecodedText d = MustDecode(bytes);
    REQUIRE(HasDiagnostic(d, "invalid_utf8"));
    CHECK(d.diagnostics[0].message.find("1 invalid") != std::string::npos);
    CHECK(d.diagnostics[0].message.find("byte " + std::to_string(at)) != std::string::npos);
  }
  // a sequence cut right after a block of eight (« été » keeps it UTF-8)
  CHECK(MustDecode("\xC3\xA9t\xC3\xA9 abcdefgh\xC3").text == "\xC3\xA9t\xC3\xA9 abcdefgh\xEF\xBF\xBD");
}

TEST_CASE("NUL bytes past the first KiB are counted, the first one located", "[decode]") {
  std::string bytes(2000, 'a');
  bytes[1500] = bytes[1600] = bytes[1601] = '\0';
  const DecodedText d = MustDecode(bytes);
  REQUIRE(HasDiagnostic(d, "nul_bytes"));
  const std::string message = d.diagnostics.back().message;
  CHECK(message.find("3 NUL") != std::string::npos);
  CHECK(message.find("at byte 1500 ") != std::string::npos);
  CHECK(d.text.size() == 2006);
}

TEST_CASE("overlongs, surrogates and truncated sequences are invalid", "[decode]") {
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));      // UTF-8-encoded surrogate
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(IsValidUtf8("abc\xE2\x82"));       // cut at the end
  CHECK(IsValidUtf8("€ 𝄞 é"));
  // A sequence cut at end of file becomes one U+FFFD.
  const DecodedText d = MustDecode("prix : 5 € et \xE2\x82");
  CHECK(d.text == "prix : 5 € et \xEF\xBF\xBD");
}

TEST_CASE("NUL bytes in the first KiB make the input binary", "[decode]") {
  DecodedText d;
  const Status s = Decode(std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20), &d);
  CHECK_FALSE(s.ok());
  CHECK(s.exit_code() == ExitCode::kDataErr);
  CHECK(s.code() == "binary");
}

TEST_CASE("NUL bytes after the first KiB become U+FFFD with a diagnostic", "[decode]") {
  std::string bytes(2000, 'a');
  bytes[1500] = '\0';
  const DecodedText d = MustDecode(bytes);
  CHECK(d.text.size() == 2002);
  CHECK(d.text.substr(1500, 3) == "\xEF\xBF\xBD");
  CHECK(HasDiagnostic(d, "nul_bytes"));
}

TEST_CASE("CRLF and lone CR are kept as they are", "[decode]") {
  CHECK(MustDecode("a\r\nb\rc").text == "a\r\nb\rc");
}

TEST_CASE("empty input is an empty UTF-8 text", "[decode]") {
  const DecodedText d = MustDecode("");
  CHECK(d.text.empty());
  CHECK(d.encoding == "UTF-8");
}

TEST_CASE("a UTF-32 BOM selects UTF-32", "[decode]") {
  const DecodedText le = MustDecode(std::string("\xFF\xFE\0\0L\0\0\0\xE9\0\0\0", 12));
  CHECK(le.text == "Lé");
  CHECK(le.encoding == "UTF-32LE");
  CHECK(le.had_bom);
  const DecodedText be = MustDecode(std::string("\0\0\xFE\xFF\0\0\0L\0\0\0\xE9", 12));
  CHECK(be.text == "Lé");
  CHECK(be.encoding == "UTF-32BE");
}

TEST_CASE("the head of a text is sniffable ASCII whatever its encoding", "[decode]") {
  CHECK(SniffHead("\xEF\xBB\xBF<p>x", 100) == "<p>x");
  CHECK(SniffHead(std::string("\xFF\xFE<\0p\0>\0\xE9\0", 10), 100) == "<p>\x80");
  CHECK(SniffHead(std::string("\xFE\xFF\0<\0p", 6), 100) == "<p");
  CHECK(SniffHead(std::string("<\0p\0>\0x\0", 8), 100) == "<p>x");  // UTF-16LE without BOM
  CHECK(SniffHead("<p>abcdef", 3) == "<p>");
  CHECK(SniffHead(std::string("\xFF\xFE<\0p\0>\0", 8), 2) == "<p");
}

TEST_CASE("a declared charset is followed unless the bytes contradict it", "[decode]") {
  DecodedText d;
  REQUIRE(DecodeDeclared("20 000 \xA4", "ISO-8859-15", &d).ok());
  CHECK(d.text == "20 000 €");
  CHECK(d.encoding == "ISO-8859-15");
  CHECK(d.diagnostics.empty());

  REQUIRE(DecodeDeclared("caf\xE9", " Latin1 ", &d).ok());  // WHATWG: windows-1252
  CHECK(d.text == "café");
  CHECK(d.encoding == "windows-1252");

  REQUIRE(DecodeDeclared("plain ASCII", "windows-1252", &d).ok());
  CHECK(d.text == "plain ASCII");
  CHECK(d.diagnostics.empty());

  REQUIRE(DecodeDeclared("caf\xC3\xA9", "windows-1252", &d).ok());
  CHECK(d.text == "café");
  CHECK(d.encoding == "UTF-8");
  CHECK(HasDiagnostic(d, "charset_mismatch"));

  REQUIRE(DecodeDeclared("caf\xE9 cr\xE8me br\xFBl\xE9\x65", "utf-8", &d).ok());
  CHECK(d.text == "café crème brûlée");
  CHECK(HasDiagnostic(d, "charset_mismatch"));
  CHECK_FALSE(HasDiagnostic(d, "encoding_guessed"));

  REQUIRE(DecodeDeclared("caf\xC3\xA9", "UTF-16", &d).ok());  // cannot be: read as UTF-8
  CHECK(d.text == "café");
  CHECK(d.diagnostics.empty());

  REQUIRE(DecodeDeclared("\xEF\xBB\xBF" "caf\xC3\xA9", "windows-1252", &d).ok());  // the BOM wins
  CHECK(d.text == "café");
  CHECK(HasDiagnostic(d, "charset_mismatch"));

  REQUIRE(DecodeDeclared("\x8F\xB0", "Shift_JIS", &d).ok());  // any charset ICU knows
  CHECK(d.encoding == "Shift_JIS");
  CHECK(IsValidUtf8(d.text));

  REQUIRE(DecodeDeclared("La CNIL", "x-martian", &d).ok());
  CHECK(d.text == "La CNIL");
  CHECK(HasDiagnostic(d, "unknown_charset"));

  // Charsets that do not keep ASCII: the page cannot be in them.
  for (const char* charset : {"IBM037", "UTF-7", "ucs-4le"}) {
    INFO(charset);
    REQUIRE(DecodeDeclared("+ADw-script+AD4- La CNIL", charset, &d).ok());
    CHECK(d.text == "+ADw-script+AD4- La CNIL");
  }

  CHECK(DecodeDeclared(std::string("\x01\x02\0\0\x03", 5), "utf-8", &d).code() == "binary");
}

}  // namespace lexfr
