// Word (.docx) and LibreOffice (.odt) documents -> text (extract/extract.h).
//
// Both are ZIP archives of XML: libzip reads the archive from memory, pugixml
// parses each part. libzip is dlopen()ed on the first ZIP that comes, not
// linked: it pulls libcrypto, whose loading and relocation cost every run,
// office document or not, ~3 M instructions of start-up (issue 21). Read in this process, not in the cage: libzip reads a
// buffer with its sizes checked, pugixml parses without recursion and without
// DTDs (no entity expansion), and the walk below keeps its own stack; every
// part is inflated under the text bound (4 x --max-bytes), so a zip bomb
// stops at that bound instead of filling the memory.
//
// Reading order: the body's paragraphs and headings as they come, each table
// cell's paragraphs in row order, and each footnote or endnote right after
// the paragraph that calls it. One blank line between paragraphs, as for HTML.
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/cage.h"
#include "extract/extract.h"
#include "extract/lazy_library.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kOdtMime = "application/vnd.oasis.opendocument.text";
constexpr char kConvertHint[] =
    "; convert it to text first: `libreoffice --headless --convert-to txt FILE` or `pandoc -t plain FILE -o FILE.txt`";

Status DataError(const char* code, const std::string& message) {
  return Status::Error(ExitCode::kDataErr, code, message);
}

// The libzip functions read here, resolved from the library on first use.
struct ZipApi {
  decltype(&::zip_source_buffer_create) source_buffer_create = nullptr;
  decltype(&::zip_source_free) source_free = nullptr;
  decltype(&::zip_open_from_source) open_from_source = nullptr;
  decltype(&::zip_discard) discard = nullptr;
  decltype(&::zip_name_locate) name_locate = nullptr;
  decltype(&::zip_stat_init) stat_init = nullptr;
  decltype(&::zip_stat_index) stat_index = nullptr;
  decltype(&::zip_fopen_index) fopen_index = nullptr;
  decltype(&::zip_fread) fread = nullptr;
  decltype(&::zip_fclose) fclose = nullptr;
  decltype(&::zip_file_strerror) file_strerror = nullptr;
  decltype(&::zip_error_init) error_init = nullptr;
  decltype(&::zip_error_fini) error_fini = nullptr;
};

bool ResolveZip(void* library, ZipApi* zip) {
  return ResolveFunction(library, "zip_source_buffer_create", &zip->source_buffer_create) &&
         ResolveFunction(library, "zip_source_free", &zip->source_free) &&
         ResolveFunction(library, "zip_open_from_source", &zip->open_from_source) &&
         ResolveFunction(library, "zip_discard", &zip->discard) &&
         ResolveFunction(library, "zip_name_locate", &zip->name_locate) &&
         ResolveFunction(library, "zip_stat_init", &zip->stat_init) &&
         ResolveFunction(library, "zip_stat_index", &zip->stat_index) &&
         ResolveFunction(library, "zip_fopen_index", &zip->fopen_index) &&
         ResolveFunction(library, "zip_fread", &zip->fread) && ResolveFunction(library, "zip_fclose", &zip->fclose) &&
         ResolveFunction(library, "zip_file_strerror", &zip->file_strerror) &&
         ResolveFunction(library, "zip_error_init", &zip->error_init) &&
         ResolveFunction(library, "zip_error_fini", &zip->error_fini);
}

// libzip's functions, or null (with `why`) when the library cannot be loaded
// (extract/lazy_library.h).
const ZipApi* Libzip(std::string* why) { return LoadLibraryOnce(LEXFR_LIBZIP_SONAME, ResolveZip, why); }

// As for a missing PDF module: the installation lacks a part.
Status NoLibzip(const std::string& why) {
  return Status::Error(ExitCode::kConfig, "office_unsupported", "ZIP support (libzip) cannot be loaded: " + why);
}

struct ZipCloser {
  const ZipApi* zip;
  void operator()(zip_t* z) const { zip->discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

struct FileCloser {
  const ZipApi* zip;
  void operator()(zip_file_t* f) const { zip->fclose(f); }
};

// The archive in `bytes`, or null when it is not one libzip can read.
Zip OpenZip(const ZipApi& zip, std::string_view bytes) {
  zip_error_t error;
  zip.error_init(&error);
  zip_source_t* source = zip.source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip.error_fini(&error);
  if (source == nullptr) return Zip(nullptr, ZipCloser{&zip});
  zip.error_init(&error);
  zip_t* archive = zip.open_from_source(source, ZIP_RDONLY, &error);
  zip.error_fini(&error);
  if (archive == nullptr) zip.source_free(source);
  return Zip(archive, ZipCloser{&zip});
}

const ZipApi& Api(const Zip& zip) { return *zip.get_deleter().zip; }

bool HasEntry(const Zip& zip, const char* name) { return Api(zip).name_locate(zip.get(), name, 0) >= 0; }

// Reads entry `name` into `out`, at most `limit` bytes inflated; an absent
// entry is an empty `out` and Ok when `optional`.
Status ReadEntry(const Zip& zip, const char* name, size_t limit, bool optional, std::string* out) {
  out->clear();
  const ZipApi& api = Api(zip);
  const zip_int64_t index = api.name_locate(zip.get(), name, 0);
  if (index < 0) {
    return optional ? Status::Ok() : DataError("office_invalid", std::string("the archive has no ") + name);
  }
  zip_stat_t stat;
  api.stat_init(&stat);
  if (api.stat_index(zip.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    return DataError("office_invalid", std::string("cannot read ") + name + " in the archive");
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    return DataError("office_encrypted", std::string(name) + " is encrypted: save the document without a password");
  }
  const auto too_big = [&] {
    return DataError("office_too_complex", std::string(name) + " inflates to more than " + std::to_string(limit) +
                                               " bytes (4 x --max-bytes)");
  };
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limit) return too_big();
  std::unique_ptr<zip_file_t, FileCloser> file(api.fopen_index(zip.get(), static_cast<zip_uint64_t>(index), 0),
                                               FileCloser{&api});
  if (!file) return DataError("office_invalid", std::string("cannot open ") + name + " in the archive");
  // The declared size may lie: read in chunks and stop at the bound.
  char chunk[1 << 16];
  for (;;) {
    const zip_int64_t n = api.fread(file.get(), chunk, sizeof chunk);
    if (n < 0) return DataError("office_invalid", std::string(name) + " is damaged (" + api.file_strerror(file.get()) + ")");
    if (n == 0) break;
    if (out->size() + static_cast<size_t>(n) > limit) return too_big();
    out->append(chunk, static_cast<size_t>(n));
  }
  return Status::Ok();
}

Status ParseXml(const std::string& xml, const char* name, pugi::xml_document* doc) {
  // parse_ws_pcdata: a run of only spaces (<w:t xml:space="preserve"> </w:t>)
  // is text too. No parse_doctype: a DTD is skipped, its entities never expanded.
  const pugi::xml_parse_result r = doc->load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!r) return DataError("office_invalid", std::string(name) + " is not well-formed XML (" + r.description() + ")");
  return Status::Ok();
}

// The name after the namespace prefix: "w:p" -> "p". Word and LibreOffice
// always write their usual prefixes; matching local names does not rely on it.
std::string_view LocalName(pugi::xml_node n) {
  const std::string_view name = n.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Visits the elements and text under `root` in document order without
// recursion: enter(n) returns false to skip n's children; leave(n) after them.
template <class Enter, class Leave>
void Walk(pugi::xml_node root, Enter enter, Leave leave) {
  pugi::xml_node n = root.first_child();
  while (n) {
    if (enter(n) && n.first_child()) {
      n = n.first_child();
      continue;
    }
    for (;;) {
      leave(n);
      if (n.next_sibling()) {
        n = n.next_sibling();
        break;
      }
      n = n.parent();
      if (!n || n == root) return;
    }
  }
}

// The text being built: the current paragraph, and the paragraphs before it;
// where each page starts, when the document marks its page breaks.
struct TextBuilder {
  std::string text;
  std::string paragraph;
  size_t limit = 0;
  bool over = false;
  // Byte offsets into `text` where pages 2, 3… start.
  std::vector<uint32_t> page_starts;
  // Page breaks met in `paragraph`, at these of its bytes.
  std::vector<size_t> breaks;
  // A break met between paragraphs, or in one without text: the next
  // paragraph with text starts a page.
  bool break_before = false;

  void PageBreak() { breaks.push_back(paragraph.size()); }

  // Past the bound nothing more is kept: the caller reports it.
  bool Full() {
    if (text.size() + paragraph.size() > limit) over = true;
    return over;
  }
  void Append(std::string_view s) {
    if (!Full()) paragraph.append(s);
  }
  // ODF: a run of white space in the XML is one space (text:s for more).
  void AppendCollapsed(std::string_view s) {
    if (Full()) return;
    for (const char c : s) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space) {
        paragraph.push_back(c);
      } else if (!paragraph.empty() && paragraph.back() != ' ') {
        paragraph.push_back(' ');
      }
    }
  }
  void EndParagraph() {
    // Line breaks at a paragraph's edges (a page break's run) are no text.
    const size_t begin = paragraph.find_first_not_of(" \t\n");
    if (begin == std::string::npos) {
      break_before = break_before || !breaks.empty();
    } else {
      const size_t end = paragraph.find_last_not_of(" \t\n") + 1;
      if (!text.empty()) text += "\n\n";
      if (break_before) StartPage(text.size());
      for (const size_t at : breaks) StartPage(text.size() + std::min(std::max(at, begin), end) - begin);
      break_before = false;
      text.append(paragraph, begin, end - begin);
      if (text.size() > limit) over = true;
    }
    paragraph.clear();
    breaks.clear();
  }

  // A page at the start of the text or at the same place as the last is none.
  void StartPage(size_t offset) {
    if (offset == 0 || offset > UINT32_MAX || (!page_starts.empty() && page_starts.back() >= offset)) return;
    page_starts.push_back(static_cast<uint32_t>(offset));
  }
};

// --- Word ---------------------------------------------------------------------

using Notes = std::unordered_map<std::string, pugi::xml_node>;

// w:footnote / w:endnote by id, separators left out.
void CollectNotes(const pugi::xml_document& doc, Notes* notes) {
  for (pugi::xml_node note : doc.first_child().children()) {
    const std::string_view type = note.attribute("w:type").value();
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
    notes->emplace(note.attribute("w:id").value(), note);
  }
}

// The paragraphs under `root` (a body, a note), each called note after its paragraph.
void WordText(pugi::xml_node root, const Notes& footnotes, const Notes& endnotes, TextBuilder* out) {
  std::vector<pugi::xml_node> pending;  // notes called in the current paragraph
  const auto enter = [&](pugi::xml_node n) {
    if (n.type() == pugi::node_pcdata) {
      if (LocalName(n.parent()) == "t") out->Append(n.value());
      return false;
    }
    const std::string_view name = LocalName(n);
    if (name == "tab") out->Append("\t");
    if (name == "br" || name == "cr") out->Append("\n");
    // Where Word broke the page when it last laid the document out, and the
    // breaks the author put in.
    if (name == "lastRenderedPageBreak" || (name == "br" && std::string_view(n.attribute("w:type").value()) == "page")) {
      out->PageBreak();
    }
    if (name == "noBreakHyphen") out->Append("-");
    if (name == "footnoteReference" || name == "endnoteReference") {
      const Notes& notes = name == "footnoteReference" ? footnotes : endnotes;
      const auto it = notes.find(n.attribute("w:id").value());
      if (it != notes.end()) pending.push_back(it->second);
      return false;
    }
    // mc:Fallback repeats mc:Choice (a text box for older readers); the
    // properties hold no text but their own w:tab (tab stops); a deleted
    // run's text is w:delText and a field's code w:instrText, never read.
    return name != "Fallback" && name != "pPr" && name != "rPr";
  };
  const auto leave = [&](pugi::xml_node n) {
    if (n.type() != pugi::node_element) return;
    const std::string_view name = LocalName(n);
    if (name == "p" || name == "tc") {
      out->EndParagraph();
      // Notes hold paragraphs of their own and call no further notes.
      std::vector<pugi::xml_node> notes;
      notes.swap(pending);
      for (pugi::xml_node note : notes) WordText(note, {}, {}, out);
    }
  };
  Walk(root, enter, leave);
  out->EndParagraph();
}

Status ExtractDocx(const Zip& zip, size_t limit, TextBuilder* out) {
  std::string xml;
  pugi::xml_document body, footnotes_xml, endnotes_xml;
  Notes footnotes, endnotes;
  Status s = ReadEntry(zip, "word/footnotes.xml", limit, true, &xml);
  if (s.ok() && !xml.empty()) s = ParseXml(xml, "word/footnotes.xml", &footnotes_xml);
  if (s.ok()) CollectNotes(footnotes_xml, &footnotes);
  if (s.ok()) s = ReadEntry(zip, "word/endnotes.xml", limit, true, &xml);
  if (s.ok() && !xml.empty()) s = ParseXml(xml, "word/endnotes.xml", &endnotes_xml);
  if (s.ok()) CollectNotes(endnotes_xml, &endnotes);
  if (s.ok()) s = ReadEntry(zip, "word/document.xml", limit, false, &xml);
  if (s.ok()) s = ParseXml(xml, "word/document.xml", &body);
  if (!s.ok()) return s;
  const pugi::xml_node root = body.first_child().find_child([](pugi::xml_node n) { return LocalName(n) == "body"; });
  if (!root) return DataError("office_invalid", "word/document.xml has no body");
  WordText(root, footnotes, endnotes, out);
  return Status::Ok();
}

// --- LibreOffice ----------------------------------------------------------------

// text:s c="N": N spaces (1 when c is absent), at most 64 Ki at once so
// that a crafted count stays within what TextBuilder bounds.
size_t SpaceCount(pugi::xml_node n) {
  const pugi::xml_attribute c = n.attribute("text:c");
  const unsigned long long count = c ? c.as_ullong(1) : 1;
  return static_cast<size_t>(std::min<unsigned long long>(count, 1 << 16));
}

// `in_note`: a note inside a note is not read (LibreOffice makes none), so
// the recursion is one level deep whatever the XML.
void OdfText(pugi::xml_node root, bool in_note, TextBuilder* out) {
  std::vector<pugi::xml_node> pending;  // note bodies called in the current paragraph
  const auto enter = [&](pugi::xml_node n) {
    if (n.type() == pugi::node_pcdata) {
      out->AppendCollapsed(n.value());
      return false;
    }
    const std::string_view name = LocalName(n);
    if (name == "s") out->Append(std::string(SpaceCount(n), ' '));
    if (name == "tab") out->Append("\t");
    if (name == "line-break") out->Append("\n");
    if (name == "soft-page-break") out->PageBreak();  // where LibreOffice broke the page
    if (name == "note") {
      const pugi::xml_node body = n.find_child([](pugi::xml_node c) { return LocalName(c) == "note-body"; });
      if (body && !in_note) pending.push_back(body);
      return false;
    }
    // Deleted text kept for change tracking, comments, and the shapes' names
    // are not the document's text.
    return name != "tracked-changes" && name != "annotation" && name != "sequence-decls";
  };
  const auto leave = [&](pugi::xml_node n) {
    if (n.type() != pugi::node_element) return;
    const std::string_view name = LocalName(n);
    if (name == "p" || name == "h" || name == "table-cell") {
      out->EndParagraph();
      std::vector<pugi::xml_node> notes;
      notes.swap(pending);
      for (pugi::xml_node note : notes) OdfText(note, true, out);
    }
  };
  Walk(root, enter, leave);
  out->EndParagraph();
}

Status ExtractOdt(const Zip& zip, size_t limit, TextBuilder* out) {
  std::string xml;
  pugi::xml_document content;
  Status s = ReadEntry(zip, "META-INF/manifest.xml", limit, true, &xml);
  // An encrypted ODF part is listed with its <manifest:encryption-data>.
  if (s.ok() && xml.find("encryption-data") != std::string::npos) {
    return DataError("office_encrypted", "the document is password-protected: save it without a password");
  }
  if (s.ok()) s = ReadEntry(zip, "content.xml", limit, false, &xml);
  if (s.ok()) s = ParseXml(xml, "content.xml", &content);
  if (!s.ok()) return s;
  pugi::xml_node text;
  for (pugi::xml_node body : content.first_child().children()) {
    if (LocalName(body) != "body") continue;
    text = body.find_child([](pugi::xml_node n) { return LocalName(n) == "text"; });
  }
  if (!text) return DataError("office_unsupported", std::string("content.xml holds no text document") + kConvertHint);
  OdfText(text, false, out);
  return Status::Ok();
}

// The "mimetype" entry of an ODF package, or "" when absent or unreadable.
std::string OdfMimeType(const Zip& zip) {
  std::string mime;
  if (!ReadEntry(zip, "mimetype", 256, true, &mime).ok()) return "";
  return mime;
}

Status TooMuchText(const ExtractOptions& options) {
  return DataError("office_too_complex", "the document gives more text than " +
                                             std::to_string(options.max_text_bytes) + " bytes (4 x --max-bytes)");
}

}  // namespace

OfficeKind SniffOffice(std::string_view bytes) {
  if (bytes.starts_with(kOleMagic)) return OfficeKind::kOle;
  if (bytes.starts_with("{\\rtf")) return OfficeKind::kRtf;
  if (!bytes.starts_with(kZipMagic)) return OfficeKind::kNone;
  std::string why;
  const ZipApi* api = Libzip(&why);
  if (api == nullptr) return OfficeKind::kDamagedZip;
  Zip zip = OpenZip(*api, bytes);
  if (!zip) return OfficeKind::kDamagedZip;
  if (HasEntry(zip, "word/document.xml")) return OfficeKind::kDocx;
  const std::string mime = OdfMimeType(zip);
  if (mime == kOdtMime || (mime.empty() && HasEntry(zip, "content.xml"))) return OfficeKind::kOdt;
  return OfficeKind::kOtherZip;
}

Status RefuseOffice(std::string_view bytes, OfficeKind kind) {
  switch (kind) {
    case OfficeKind::kOle: {
      // An encrypted .docx is an OLE container holding an "EncryptedPackage"
      // stream (named in UTF-16LE in its directory).
      static constexpr char kEncrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
      if (bytes.find(std::string_view(kEncrypted, sizeof kEncrypted - 1)) != std::string_view::npos) {
        return DataError("office_encrypted",
                         "a password-protected Office document: open it, remove the password, save it as .docx");
      }
      return DataError("office_unsupported", std::string("a Word 97-2003 (.doc) or other OLE file, not read") +
                                                 kConvertHint);
    }
    case OfficeKind::kRtf: return DataError("office_unsupported", std::string("an RTF document, not read") + kConvertHint);
    case OfficeKind::kOtherZip:
      return DataError("office_unsupported",
                       std::string("a ZIP archive that is neither a .docx nor an .odt text (a spreadsheet, a "
                                   "presentation, a damaged file?)") +
                           kConvertHint);
    case OfficeKind::kDamagedZip:
      if (std::string why; Libzip(&why) == nullptr) return NoLibzip(why);
      return DataError("office_invalid", "a damaged ZIP archive (cut short?): if it is a .docx or an .odt, save it "
                                         "again from its editor");
    case OfficeKind::kNone:
    case OfficeKind::kDocx:
    case OfficeKind::kOdt: break;
  }
  return Status::Ok();
}

Status ExtractOffice(std::string_view bytes, InputFormat format, const ExtractOptions& options, Extracted* out) {
  out->info.format = format;
  const char* what = format == InputFormat::kDocx ? "a .docx" : "an .odt";
  if (!bytes.starts_with(kZipMagic)) return DataError("office_invalid", std::string("not ") + what + " (no ZIP header)");
  std::string why;
  const ZipApi* api = Libzip(&why);
  if (api == nullptr) return NoLibzip(why);
  Zip zip = OpenZip(*api, bytes);
  if (!zip) return DataError("office_invalid", std::string("not ") + what + ": the ZIP archive is damaged");
  TextBuilder text;
  text.limit = options.max_text_bytes;
  Status s = format == InputFormat::kDocx ? ExtractDocx(zip, options.max_text_bytes, &text)
                                                : ExtractOdt(zip, options.max_text_bytes, &text);
  if (!s.ok()) return s;
  if (text.over || text.text.size() > options.max_text_bytes) return TooMuchText(options);
  if (text.text.empty()) return DataError("office_no_text", std::string(what) + " without text");
  // Pages only when the document marks its breaks (Word's rendered ones,
  // LibreOffice's soft ones): then each mention has its page, as in a PDF.
  if (!text.page_starts.empty()) {
    out->info.page_starts = {0};
    out->info.page_starts.insert(out->info.page_starts.end(), text.page_starts.begin(), text.page_starts.end());
  }
  // The XML is UTF-8 by the format's rules; Decode checks it and repairs
  // what is not (each bad byte U+FFFD: the text may grow past the bound, and
  // the page starts no longer fall where they were counted).
  const size_t built = text.text.size();
  s = Decode(std::move(text.text), &out->decoded);
  if (s.ok() && out->decoded.text.size() > options.max_text_bytes) return TooMuchText(options);
  if (out->decoded.text.size() != built) out->info.page_starts.clear();
  return s;
}

}  // namespace lexfr
