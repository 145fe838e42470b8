// The encoding a page declares for itself (extract/extract.h, DeclaredCharset):
// the XML declaration, else the HTML standard's prescan for <meta>.
#include <string>
#include <string_view>

#include "extract/extract.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view prefix) {
  return at + prefix.size() <= s.size() && AsciiLower(s.substr(at, prefix.size())) == prefix;
}

bool IsSpaceOrSlash(char c) { return IsAsciiSpace(c) || c == '/'; }

struct Attribute {
  std::string name;  // lowercased
  std::string value;
};

// The standard's "get an attribute" from `at` inside a tag; false at the
// tag's '>' (then `at` is past it) or at the end of the head.
bool NextAttribute(std::string_view s, size_t* at, Attribute* a) {
  size_t i = *at;
  while (i < s.size() && IsSpaceOrSlash(s[i])) ++i;
  if (i >= s.size() || s[i] == '>') {
    *at = i + 1;
    return false;
  }
  a->name.clear();
  a->value.clear();
  do {
    a->name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
  } while (i < s.size() && s[i] != '=' && s[i] != '>' && !IsSpaceOrSlash(s[i]));
  while (i < s.size() && IsAsciiSpace(s[i])) ++i;
  if (i < s.size() && s[i] == '=') {
    ++i;
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      const char quote = s[i++];
      const size_t end = s.find(quote, i);
      a->value = s.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
      i = end == std::string_view::npos ? s.size() : end + 1;
    } else {
      while (i < s.size() && !IsAsciiSpace(s[i]) && s[i] != '>') a->value += s[i++];
    }
  }
  *at = i;
  return true;
}

// The standard's "extract a character encoding from a meta element":
// "text/html; charset=iso-8859-15" -> "iso-8859-15".
std::string CharsetOfContent(std::string_view content) {
  const std::string lower = AsciiLower(content);
  for (size_t at = 0; (at = lower.find("charset", at)) != std::string::npos;) {
    size_t i = at + 7;
    while (i < content.size() && IsAsciiSpace(content[i])) ++i;
    if (i >= content.size() || content[i] != '=') {
      at = i;
      continue;
    }
    ++i;
    while (i < content.size() && IsAsciiSpace(content[i])) ++i;
    if (i < content.size() && (content[i] == '"' || content[i] == '\'')) {
      const size_t end = content.find(content[i], i + 1);
      return end == std::string_view::npos ? "" : std::string(content.substr(i + 1, end - i - 1));
    }
    size_t end = i;
    while (end < content.size() && !IsAsciiSpace(content[end]) && content[end] != ';') ++end;
    return std::string(content.substr(i, end - i));
  }
  return "";
}

// <?xml version="1.0" encoding="ISO-8859-1"?> at the very start.
std::string XmlDeclaredEncoding(std::string_view head) {
  size_t i = 0;
  while (i < head.size() && IsAsciiSpace(head[i])) ++i;
  if (!head.substr(i).starts_with("<?xml")) return "";
  const size_t end = head.find("?>", i);
  if (end == std::string_view::npos) return "";
  const std::string_view decl = head.substr(i + 5, end - i - 5);
  const size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  size_t k = at + 8;
  while (k < decl.size() && IsAsciiSpace(decl[k])) ++k;
  if (k >= decl.size() || decl[k] != '=') return "";
  ++k;
  while (k < decl.size() && IsAsciiSpace(decl[k])) ++k;
  if (k >= decl.size() || (decl[k] != '"' && decl[k] != '\'')) return "";
  const size_t close = decl.find(decl[k], k + 1);
  return close == std::string_view::npos ? "" : std::string(decl.substr(k + 1, close - k - 1));
}

// The charset a <meta> names, its attributes read from `at`; empty when none.
std::string MetaCharset(std::string_view head, size_t* at) {
  Attribute a;
  bool content_type = false;
  std::string from_content, charset;
  while (NextAttribute(head, at, &a)) {
    if (a.name == "http-equiv") content_type = AsciiLower(a.value) == "content-type";
    if (a.name == "content" && from_content.empty()) from_content = CharsetOfContent(a.value);
    if (a.name == "charset" && charset.empty()) charset = a.value;
  }
  if (!charset.empty()) return charset;
  return content_type ? from_content : "";
}

// Past the tag that starts at `at` (its attributes read, quotes respected).
size_t SkipTag(std::string_view head, size_t at) {
  size_t i = at + 1;
  if (i < head.size() && head[i] == '/') ++i;
  while (i < head.size() && !IsAsciiSpace(head[i]) && head[i] != '>') ++i;
  Attribute a;
  while (NextAttribute(head, &i, &a)) {
  }
  return i;
}

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

}  // namespace

std::string DeclaredCharset(std::string_view head) {
  if (std::string xml = XmlDeclaredEncoding(head); !xml.empty()) return xml;
  size_t i = 0;
  while ((i = head.find('<', i)) != std::string_view::npos) {
    if (head.substr(i).starts_with("<!--")) {
      // The "--" of "<!--" may end it too: "<!-->" is a whole comment.
      const size_t end = head.find("-->", i + 2);
      if (end == std::string_view::npos) return "";
      i = end + 3;
    } else if (StartsWithNoCase(head, i, "<meta") && i + 5 < head.size() && IsSpaceOrSlash(head[i + 5])) {
      size_t at = i + 5;
      if (std::string charset = MetaCharset(head, &at); !charset.empty()) return charset;
      i = at;
    } else if (i + 1 < head.size() && (IsAsciiAlpha(head[i + 1]) ||
                                       (head[i + 1] == '/' && i + 2 < head.size() && IsAsciiAlpha(head[i + 2])))) {
      i = SkipTag(head, i);
    } else if (i + 1 < head.size() && (head[i + 1] == '!' || head[i + 1] == '/' || head[i + 1] == '?')) {
      const size_t end = head.find('>', i);
      if (end == std::string_view::npos) return "";
      i = end + 1;
    } else {
      ++i;
    }
  }
  return "";
}

}  // namespace lexfr
