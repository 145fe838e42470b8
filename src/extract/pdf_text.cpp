// PDF -> text, with poppler (see extract/extract.h for the contract).
#include <dlfcn.h>
#include <unistd.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <map>
#include <memory>
#include <mutex>

#include "extract/extract_cage.h"
#include "extract/cage.h"
#include "extract/extract.h"
#include "extract/pdf_module.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

// A header or footer spans at most this many lines at each end of a page.
constexpr int kMaxRunningLines = 3;

std::vector<std::string> Lines(std::string_view page) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= page.size()) {
    size_t end = page.find('\n', start);
    if (end == std::string_view::npos) end = page.size();
    lines.emplace_back(Trim(page.substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}

// What makes a header the same from page to page: its text without digits
// (page numbers, "Page 3 / 12") and without spaces.
std::string RunningKey(std::string_view line) {
  std::string key;
  for (char c : line) {
    if (!IsAsciiSpace(c) && !(c >= '0' && c <= '9')) key += c;
  }
  return key;
}

// Index of the first (from_top) or last non-empty line, or -1.
ptrdiff_t EdgeLine(const std::vector<std::string>& lines, bool from_top) {
  for (size_t k = 0; k < lines.size(); ++k) {
    const size_t i = from_top ? k : lines.size() - 1 - k;
    if (!lines[i].empty()) return static_cast<ptrdiff_t>(i);
  }
  return -1;
}

// Drops, line by line from the top (then the bottom) of every page, the line
// that repeats, digits aside, at that edge of more than half of the pages
// (and at least two).
void DropRunningLines(std::vector<std::vector<std::string>>* pages, bool from_top) {
  const size_t n = pages->size();
  if (n < 2) return;
  for (int round = 0; round < kMaxRunningLines; ++round) {
    std::map<std::string, size_t> counts;
    for (const auto& lines : *pages) {
      const ptrdiff_t i = EdgeLine(lines, from_top);
      if (i >= 0) ++counts[RunningKey(lines[static_cast<size_t>(i)])];
    }
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best == counts.end() || best->second < 2 || best->second * 2 <= n) return;
    for (auto& lines : *pages) {
      const ptrdiff_t i = EdgeLine(lines, from_top);
      if (i >= 0 && RunningKey(lines[static_cast<size_t>(i)]) == best->first) lines[static_cast<size_t>(i)].clear();
    }
  }
}

// The code point before byte `end` of `s`, and the first one of `s`.
UChar32 LastCodePoint(std::string_view s, size_t end) {
  if (end == 0) return U_SENTINEL;
  int32_t i = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return U_SENTINEL;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

// A line at least this long, relative to the page's longest, was wrapped by
// the typesetter: the paragraph goes on in the next line.
constexpr double kFullLine = 0.8;
constexpr size_t kMinWrapWidth = 40;  // shorter pages are lists or titles

// Joins the lines of one page back into paragraphs, separated by a blank line
// as in the plain texts (recognisers do not read across line ends, so a date
// wrapped as "21 décembre" / "2023" must be one line again).
//  - A line ending in a hyphen after a letter or a digit is glued to the next
//    when that one starts with a letter or a digit: the hyphen goes when it
//    splits a word ("commu-" + "nication"), that is when a letter precedes it
//    and a lowercase letter follows; it stays otherwise ("Jean-" + "Pierre",
//    "2019-" + "536"). A soft hyphen at a line end always goes. Known loss: a
//    compound broken at its own hyphen before a lowercase word ("porte-" +
//    "monnaie") loses its hyphen.
//  - Otherwise a full line (kFullLine) goes on after a space; a shorter one
//    ends its paragraph, as does a blank line.
std::string JoinLines(const std::vector<std::string>& lines) {
  size_t widest = 0;
  for (const std::string& line : lines) widest = std::max(widest, CountCodePoints(line));
  std::string out;
  const char* separator = "";  // what goes before the next non-empty line
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view line = lines[k];
    if (line.empty()) {
      if (!out.empty()) separator = "\n\n";
      continue;
    }
    out += separator;
    const std::string_view next = k + 1 < lines.size() ? std::string_view(lines[k + 1]) : std::string_view();
    const UChar32 after = FirstCodePoint(next);
    const bool next_word = after >= 0 && (u_isalpha(after) || u_isdigit(after));
    if (next_word && line.ends_with("\xC2\xAD")) {  // soft hyphen
      out.append(line.substr(0, line.size() - 2));
      separator = "";
      continue;
    }
    if (next_word && line.size() >= 2 && line.back() == '-') {
      const UChar32 before = LastCodePoint(line, line.size() - 1);
      if (before >= 0 && (u_isalpha(before) || u_isdigit(before))) {
        const bool splits_word = u_isalpha(before) && u_islower(after);
        out.append(splits_word ? line.substr(0, line.size() - 1) : line);
        separator = "";
        continue;
      }
    }
    out.append(line);
    const bool full = widest >= kMinWrapWidth && static_cast<double>(CountCodePoints(line)) >= kFullLine * widest;
    separator = full ? " " : "\n\n";
  }
  return out;
}

// The folder of the running executable, with its trailing '/'; empty when
// /proc is not mounted.
std::string ExecutableFolder() {
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return "";
  std::string dir(exe, static_cast<size_t>(n));
  dir.erase(dir.rfind('/') + 1);
  return dir;
}

// Where the module may be, in order: installed, <prefix>/lib/lexfr/ beside
// <prefix>/bin/lexfr; then beside the executable (the build tree's lexfr);
// then the build folder, but only for executables inside it (the tests and
// fuzzers in its sub-folders). A lexfr copied or installed elsewhere never
// falls back on the build machine's module: a broken install must fail its
// smoke test, not pass it on the machine that built it.
std::vector<std::string> PdfModuleCandidates(const std::string& exe_dir) {
  std::vector<std::string> candidates;
  if (exe_dir.empty()) return candidates;
  candidates.push_back(exe_dir + "../lib/lexfr/" + kPdfModuleFile);
  candidates.push_back(exe_dir + kPdfModuleFile);
#ifdef LEXFR_BUILD_DIR
  if (exe_dir.starts_with(LEXFR_BUILD_DIR "/")) candidates.emplace_back(LEXFR_BUILD_DIR "/" + std::string(kPdfModuleFile));
#endif
  return candidates;
}

// The poppler module (extract/pdf_module.h), loaded once; null with `why` set
// when it cannot be.
PdfPagesFunction LoadPdfModule(std::string* why) {
  static std::string error;
  static const PdfPagesFunction entry = [] {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("LEXFR_PDF_MODULE"); env != nullptr && *env != '\0') {
      candidates.emplace_back(env);  // the user's choice, and only it
    } else {
      candidates = PdfModuleCandidates(ExecutableFolder());
    }
    // A parser server forked while the loader is half-way through would
    // inherit its lock: no fork meanwhile (extract/cage.h).
    const std::unique_lock no_fork(ForkLock());
    for (const std::string& path : candidates) {
      if (access(path.c_str(), R_OK) != 0) continue;
      void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) {
        error = dlerror();
        continue;
      }
      if (void* f = dlsym(handle, kPdfModuleEntry)) {
        CageModulesChanged();  // servers forked before do not have it
        return reinterpret_cast<PdfPagesFunction>(f);
      }
      error = path + ": no " + kPdfModuleEntry;
    }
    if (error.empty()) error = "no readable " + (candidates.empty() ? std::string(kPdfModuleFile) : candidates.front());
    return PdfPagesFunction{nullptr};
  }();
  if (entry == nullptr) *why = error;
  return entry;
}

// Control bytes other than tab and line end would only confuse the stages
// after; poppler's UTF-8 is checked once more, since offsets rest on it.
std::string CleanPageText(std::string_view raw) {
  std::string text;
  text.reserve(raw.size());
  for (char c : raw) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 && c != '\n' && c != '\t') {
      if (c == '\r' || c == '\f') text += '\n';
      continue;
    }
    text += c;
  }
  if (IsValidUtf8(text)) return text;
  DecodedText repaired;
  return Decode(text, &repaired).ok() ? repaired.text : std::string();
}

Status PdfError(const char* code, const std::string& message) {
  return Status::Error(ExitCode::kDataErr, code, message);
}

// The server's answer: the outcome, the page count, then each page's text.
std::string PagesMessage(const PdfPages& read) {
  std::string m;
  AppendNumber(&m, read.outcome);
  AppendNumber(&m, read.page_count);
  AppendNumber(&m, read.pages.size());
  for (const std::string& page : read.pages) AppendField(&m, page);
  return m;
}

bool ReadPagesMessage(std::string_view m, PdfPages* read) {
  uint64_t outcome = 0, count = 0, pages = 0;
  if (!ReadNumber(&m, &outcome) || !ReadNumber(&m, &count) || !ReadNumber(&m, &pages)) return false;
  if (outcome > PdfPages::kTooMuchText || pages > m.size() / 8) return false;
  read->outcome = static_cast<PdfPages::Outcome>(outcome);
  read->page_count = static_cast<uint32_t>(count);
  read->pages.resize(pages);
  for (std::string& page : read->pages) {
    std::string_view field;
    if (!ReadField(&m, &field)) return false;
    page = field;
  }
  return true;
}

// poppler in the cage's server (extract/cage.h), which its form XObjects and
// shared content streams cannot hang or exhaust. Several PDFs may be read at
// once, each by its thread's server. The request: the module's entry point
// (the server was forked after the module was loaded: CageModulesChanged),
// the page and text bounds, then the PDF.
std::string ReadPagesHandler(std::string_view request) {
  uint64_t entry = 0, max_pages = 0, max_text = 0;
  if (!ReadNumber(&request, &entry) || !ReadNumber(&request, &max_pages) || !ReadNumber(&request, &max_text)) {
    return "";
  }
  const PdfLimits limits{static_cast<uint32_t>(max_pages), static_cast<size_t>(max_text)};
  PdfPages read;
  reinterpret_cast<PdfPagesFunction>(entry)(request.data(), request.size(), &limits, &read);
  return PagesMessage(read);
}

Status ReadPagesCaged(PdfPagesFunction read_pages, std::string_view bytes, const PdfLimits& limits,
                      const ExtractOptions& options, PdfPages* read) {
  std::string request;
  request.reserve(24 + bytes.size());
  AppendNumber(&request, reinterpret_cast<uint64_t>(read_pages));
  AppendNumber(&request, limits.max_pages);
  AppendNumber(&request, limits.max_text);
  request.append(bytes);
  const CageResult r = RunCaged(&ReadPagesHandler, request, CageLimitsFor(options, bytes.size()));
  if (r.end != CageEnd::kDone) return CageError(r, options, "the PDF reader", "pdf_too_complex");
  if (!ReadPagesMessage(r.output, read)) {
    return Status::Error(ExitCode::kSoftware, "cage_failed", "the PDF reader's process gave a truncated answer");
  }
  return Status::Ok();
}

}  // namespace

std::string JoinPdfPages(const std::vector<std::string>& pages, std::vector<uint32_t>* page_starts) {
  std::vector<std::vector<std::string>> lines;
  lines.reserve(pages.size());
  for (const std::string& p : pages) lines.push_back(Lines(p));
  DropRunningLines(&lines, true);
  DropRunningLines(&lines, false);
  std::string out;
  page_starts->clear();
  for (const auto& page : lines) {
    const std::string text = JoinLines(page);
    if (!text.empty() && !out.empty()) out += "\n\n";
    page_starts->push_back(static_cast<uint32_t>(out.size()));
    out += text;
  }
  return out;
}

Status ExtractPdf(std::string_view bytes, const ExtractOptions& options, Extracted* out) {
  *out = Extracted{};
  out->info.format = InputFormat::kPdf;
  out->decoded.encoding = "UTF-8";  // of the text poppler gives
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return PdfError("pdf_invalid", "PDF larger than 2 GiB");
  std::string why;
  const PdfPagesFunction read_pages = LoadPdfModule(&why);
  if (read_pages == nullptr) {
    return Status::Error(ExitCode::kConfig, "pdf_unsupported", "PDF support is not installed: " + why);
  }
  const PdfLimits limits{options.max_pages, options.max_text_bytes};
  PdfPages read;
  if (options.isolate) {
    if (Status s = ReadPagesCaged(read_pages, bytes, limits, options, &read); !s.ok()) return s;
  } else {
    // poppler keeps process-wide state (its global parameters, font caches):
    // one PDF at a time in this process (each parser server has its own).
    static std::mutex poppler_mutex;
    const std::lock_guard lock(poppler_mutex);
    read_pages(bytes.data(), bytes.size(), &limits, &read);
  }
  switch (read.outcome) {
    case PdfPages::kOk: break;
    case PdfPages::kUnreadable: {
      const bool magic = bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
      return PdfError("pdf_invalid",
                      magic ? "the PDF is damaged or truncated: poppler cannot read it" : "not a PDF: no %PDF- header");
    }
    case PdfPages::kEncrypted: return PdfError("pdf_encrypted", "the PDF is encrypted and needs a password");
    case PdfPages::kNoPages: return PdfError("pdf_invalid", "the PDF has no pages");
    case PdfPages::kTooManyPages:
      return PdfError("pdf_too_complex", "the PDF has " + std::to_string(read.page_count) + " pages, more than the " +
                                             std::to_string(limits.max_pages) + " lexfr reads");
    case PdfPages::kTooMuchText:
      return PdfError("pdf_too_complex", "the PDF's text is longer than " + std::to_string(limits.max_text) +
                                             " bytes (4 x --max-bytes) by page " + std::to_string(read.pages.size()) +
                                             " of " + std::to_string(read.page_count));
  }
  const size_t count = read.pages.size();
  std::vector<std::string> pages;
  pages.reserve(count);
  bool any_text = false;
  for (const std::string& raw : read.pages) {
    std::string text = CleanPageText(raw);
    any_text = any_text || text.find_first_not_of(" \t\n") != std::string::npos;
    pages.push_back(std::move(text));
  }
  if (!any_text) {
    return PdfError("no_text_layer", "the PDF has " + std::to_string(count) +
                                         " page(s) but no text layer (a scan?): run OCR on it first, e.g. ocrmypdf");
  }
  out->decoded.text = JoinPdfPages(pages, &out->info.page_starts);
  // poppler rebuilds what it can of a cut file; say that some may be missing.
  const size_t tail = bytes.size() > 1024 ? bytes.size() - 1024 : 0;
  if (bytes.find("%%EOF", tail) == std::string_view::npos) {
    out->decoded.diagnostics.push_back(
        {"pdf_truncated", "no %%EOF at the end of the PDF: the file may be cut short and text missing"});
  }
  return Status::Ok();
}

}  // namespace lexfr
