// Telling and refusing office documents by content (extract/office_text.cpp);
// real .docx/.odt archives are written and read in tests/e2e/test_office.py.
#include <catch2/catch.hpp>
#include <string>

#include "extract/extract.h"

namespace lexfr {
namespace {

const std::string kOle("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

std::string Utf16(std::string_view ascii) {
  std::string out;
  for (const char c : ascii) out += std::string{c, '\0'};
  return out;
}

TEST_CASE("office kinds are told by their first bytes") {
  CHECK(SniffOffice("La CNIL sanctionne Google.") == OfficeKind::kNone);
  CHECK(SniffOffice(kOle + std::string(504, '\0')) == OfficeKind::kOle);
  CHECK(SniffOffice("{\\rtf1\\ansi La CNIL}") == OfficeKind::kRtf);
  CHECK(SniffOffice(std::string("PK\x03\x04", 4) + "cut short") == OfficeKind::kDamagedZip);
  CHECK(DetectFormat(kOle, "decision.docx") == InputFormat::kText);  // refused by Extract, not read as Word
}

TEST_CASE("a .doc, an RTF and an encrypted .docx are refused, naming a converter or the password") {
  const Status doc = RefuseOffice(kOle + Utf16("WordDocument"), OfficeKind::kOle);
  CHECK(doc.code() == "office_unsupported");
  CHECK(doc.message().find("libreoffice --headless --convert-to txt") != std::string::npos);
  CHECK(doc.message().find("pandoc") != std::string::npos);
  CHECK(RefuseOffice("{\\rtf1}", OfficeKind::kRtf).code() == "office_unsupported");
  const Status encrypted = RefuseOffice(kOle + Utf16("EncryptedPackage"), OfficeKind::kOle);
  CHECK(encrypted.code() == "office_encrypted");
  CHECK(RefuseOffice("PK\x03\x04", OfficeKind::kDamagedZip).code() == "office_invalid");
  CHECK(RefuseOffice("text", OfficeKind::kNone).ok());

  Extracted out;
  const Status refused = Extract(kOle + Utf16("WordDocument"), "decision.doc", InputFormat::kAuto, &out);
  CHECK(refused.code() == "office_unsupported");
  CHECK(static_cast<int>(refused.exit_code()) == 65);
  CHECK(ExtractOffice("La CNIL", InputFormat::kDocx, {}, &out).code() == "office_invalid");
}

}  // namespace
}  // namespace lexfr
