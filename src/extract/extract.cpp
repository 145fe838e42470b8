#include "extract/extract.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <signal.h>

#include "extract/extract_cage.h"
#include "run/interrupt.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

constexpr size_t kSniffBytes = 1024;

std::string_view SkipSpace(std::string_view bytes) {
  while (!bytes.empty() && IsAsciiSpace(bytes.front())) bytes.remove_prefix(1);
  return bytes;
}

// "<p" must be a tag, not "<pre" or "<param": the next byte ends the name.
bool HasTag(std::string_view head, std::string_view open) {
  for (size_t at = head.find(open); at != std::string_view::npos; at = head.find(open, at + 1)) {
    const size_t next = at + open.size();
    if (next >= head.size() || head[next] == '>' || IsAsciiSpace(head[next]) || head[next] == '/') return true;
  }
  return false;
}

// `sniffed`: SniffHead() of the input, a BOM read.
bool LooksLikeMarkup(std::string_view sniffed) {
  const std::string_view start = SkipSpace(sniffed);
  if (!start.starts_with('<')) return false;
  const std::string head = AsciiLower(start.substr(0, kSniffBytes));
  constexpr std::array<std::string_view, 4> kTags = {"<html", "<head", "<body", "<p"};
  return head.find("<!doctype html") != std::string::npos ||
         std::any_of(kTags.begin(), kTags.end(), [&](std::string_view tag) { return HasTag(head, tag); });
}

bool EndsWith(std::string_view path, std::string_view extension) {
  return path.size() >= extension.size() && AsciiLower(path.substr(path.size() - extension.size())) == extension;
}

}  // namespace

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kPdf: return "pdf";
    case InputFormat::kDocx: return "docx";
    case InputFormat::kOdt: return "odt";
  }
  return "text";
}

bool ParseInputFormat(std::string_view name, InputFormat* out) {
  for (InputFormat f : {InputFormat::kAuto, InputFormat::kText, InputFormat::kHtml, InputFormat::kPdf,
                        InputFormat::kDocx, InputFormat::kOdt}) {
    if (name == InputFormatName(f)) {
      *out = f;
      return true;
    }
  }
  return false;
}

InputFormat DetectFormat(std::string_view bytes, std::string_view path) {
  // A BOM of any kind first: a UTF-16 page is markup whatever its name.
  const std::string head = SniffHead(bytes, 2 * kSniffBytes);
  if (SkipSpace(std::string_view(head).substr(0, kSniffBytes)).starts_with("%PDF-")) return InputFormat::kPdf;
  if (LooksLikeMarkup(head)) return InputFormat::kHtml;
  switch (SniffOffice(bytes)) {
    case OfficeKind::kDocx: return InputFormat::kDocx;
    case OfficeKind::kOdt: return InputFormat::kOdt;
    default: break;
  }
  // The content said nothing: the extension may. A ".pdf" without the magic
  // then fails as an invalid PDF, which says more than "binary".
  if (EndsWith(path, ".html") || EndsWith(path, ".htm")) return InputFormat::kHtml;
  if (EndsWith(path, ".pdf")) return InputFormat::kPdf;
  return InputFormat::kText;
}

Status Extract(std::string_view bytes, std::string_view path, InputFormat format, const ExtractOptions& options,
               Extracted* out) {
  *out = Extracted{};
  if (format == InputFormat::kAuto) {
    format = DetectFormat(bytes, path);
    // A .doc, an RTF or a spreadsheet would otherwise be read as text (or
    // refused as binary) without a word on what to do.
    if (format == InputFormat::kText) {
      Status refused = RefuseOffice(bytes, SniffOffice(bytes));
      if (!refused.ok()) return refused;
    }
  }
  out->info.format = format;
  switch (format) {
    case InputFormat::kHtml: return ExtractHtml(bytes, options, out);
    case InputFormat::kPdf: return ExtractPdf(bytes, options, out);
    case InputFormat::kDocx:
    case InputFormat::kOdt: return ExtractOffice(bytes, format, options, out);
    case InputFormat::kAuto:
    case InputFormat::kText: break;
  }
  return Decode(bytes, &out->decoded);
}

Status Extract(std::string&& bytes, std::string_view path, InputFormat format, const ExtractOptions& options,
               Extracted* out) {
  const InputFormat detected = format == InputFormat::kAuto ? DetectFormat(bytes, path) : format;
  const bool refusable = format == InputFormat::kAuto && SniffOffice(bytes) != OfficeKind::kNone;
  if (detected != InputFormat::kText || refusable) return Extract(std::string_view(bytes), path, format, options, out);
  *out = Extracted{};
  return Decode(std::move(bytes), &out->decoded);  // plain text: no copy (extract/decode.h)
}

Status Extract(std::string_view bytes, std::string_view path, InputFormat format, Extracted* out) {
  return Extract(bytes, path, format, ExtractOptions{}, out);
}

CageLimits CageLimitsFor(const ExtractOptions& options, size_t input_bytes) {
  CageLimits limits;
  limits.cpu_seconds = options.timeout_seconds;
  limits.wall_seconds = 2 * options.timeout_seconds;
  const size_t per_byte = options.memory_per_input_byte;
  const size_t proportional = input_bytes > SIZE_MAX / std::max<size_t>(per_byte, 1) ? SIZE_MAX : input_bytes * per_byte;
  limits.memory_bytes = options.memory_base_bytes > SIZE_MAX - proportional ? SIZE_MAX : options.memory_base_bytes + proportional;
  const size_t text = options.max_text_bytes;
  limits.max_output = text > SIZE_MAX / 2 ? SIZE_MAX : text + text / 2 + (size_t{1} << 20);
  return limits;
}

namespace {

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g s", s);
  return buf;
}

}  // namespace

Status CageError(const CageResult& r, const ExtractOptions& options, std::string_view what, const char* too_complex) {
  const std::string parser(what);
  const auto error = [&](const char* code, const std::string& message) {
    return Status::Error(ExitCode::kDataErr, code, message);
  };
  switch (r.end) {
    case CageEnd::kDone: break;
    case CageEnd::kTimedOut:
      return error("timeout", parser + " was stopped at --timeout " + Seconds(options.timeout_seconds) + " (" +
                                  r.detail + ")");
    case CageEnd::kCrashed: return error(too_complex, parser + " crashed on this input (" + r.detail + ")");
    case CageEnd::kOutOfMemory:
      return error(too_complex, parser + " ran out of memory (its limit: " +
                                    std::to_string(options.memory_base_bytes >> 20) + " MiB plus " +
                                    std::to_string(options.memory_per_input_byte) + " bytes per input byte)");
    case CageEnd::kTooMuchOutput:
      return error(too_complex, parser + " gave more text than " + std::to_string(options.max_text_bytes) +
                                    " bytes (4 x --max-bytes)");
    case CageEnd::kInterrupted: {
      const char* name = InterruptSignal() == SIGINT ? "SIGINT" : InterruptSignal() == SIGTERM ? "SIGTERM" : "a signal";
      return Status::Error(ExitCode::kInterrupted, "interrupted", parser + " was stopped by " + name);
    }
    case CageEnd::kNoChild:
      return Status::Error(ExitCode::kSoftware, "cage_failed",
                           "cannot start a process for " + parser + ": " + r.detail);
  }
  return Status::Error(ExitCode::kSoftware, "cage_failed", parser + " ended without an answer");
}

uint32_t PageAt(const std::vector<uint32_t>& page_starts, uint32_t offset) {
  if (page_starts.empty()) return 0;
  const auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return static_cast<uint32_t>(std::max<ptrdiff_t>(1, it - page_starts.begin()));
}

}  // namespace lexfr
