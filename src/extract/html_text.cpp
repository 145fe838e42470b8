// HTML -> readable text, with gumbo (see extract/extract.h for the contract).
//
// Here: finding the declared charset, decoding (ICU) and the one-pass markup
// check. In the cage's parser server (extract/cage.h), or here when not
// isolated: gumbo's parse, in an arena, and the walks over its tree. Every
// walk uses an explicit stack: the markup decides the depth, and recursion
// would let a page overflow the thread's stack.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "extract/extract_cage.h"
#include "extract/cage.h"
#include "extract/extract.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

// gumbo checks scopes by scanning its stack of open elements, so deep markup
// costs depth x tags: 30,000 nested <div> take 20 s. Deeper than this, or
// more work than this (the depth summed over tags, about a second), and the
// page is refused before gumbo sees it. Real pages stay far below both.
constexpr size_t kMaxDepth = 512;
constexpr uint64_t kMaxWork = 40'000'000;

// Where a page may declare its encoding (the standard says 1 KiB; pages put
// scripts and comments first).
constexpr size_t kDeclarationBytes = 4096;

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Elements that never deepen gumbo's stack of open elements: void elements,
// and those a sibling start tag closes implicitly (<p>, <li>, <td>, ...).
// <rb>, <rt>, <rp> and <rtc> only inside a <ruby>, <optgroup> only inside a
// <select>: elsewhere they nest.
bool Flat(std::string_view tag) {
  return OneOf(tag, {"area",  "base",  "br",    "col",   "embed", "hr",       "img",     "input", "link",
                     "meta",  "param", "source", "track", "wbr",   "p",        "li",      "dt",    "dd",
                     "option", "tr",   "td",    "th",    "thead", "tbody",    "tfoot",   "colgroup",
                     "caption", "html", "head", "body"});
}

bool RawText(std::string_view tag) {
  return OneOf(tag, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

// Case-insensitive search for the end tag "</tag" from `from`.
size_t FindEndTag(std::string_view html, std::string_view tag, size_t from) {
  for (size_t at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2)) {
    if (AsciiLower(html.substr(at + 2, tag.size())) == tag) return at;
  }
  return std::string_view::npos;
}

// Where the comment that starts at html[i] ("<!--") ends, or npos when it
// runs to the end. As the tokenizer reads it: "<!-->" and "<!--->" are whole
// (empty) comments, and "--!>" ends one as "-->" does.
size_t CommentEnd(std::string_view html, size_t i) {
  if (html.substr(i + 4, 1) == ">") return i + 5;
  if (html.substr(i + 4, 2) == "->") return i + 6;
  const size_t dashes = html.find("-->", i + 4);
  const size_t bang = html.find("--!>", i + 4);
  if (dashes == std::string_view::npos && bang == std::string_view::npos) return std::string_view::npos;
  return dashes <= bang ? dashes + 3 : bang + 4;
}

// What the one-pass check keeps of a tag's attributes.
struct TagAttributes {
  bool self_closing = false;
  bool html_encoding = false;  // encoding="text/html" or "application/xhtml+xml" (<annotation-xml>)
  bool font_style = false;     // color, face or size (a <font> that leaves SVG and MathML)
};

// The '>' that ends the tag whose attributes start at html[i], or npos. As
// the tokenizer reads them, a '>' inside a quoted value does not end the tag.
size_t TagEnd(std::string_view html, size_t i, TagAttributes* attrs) {
  *attrs = TagAttributes{};
  while (i < html.size()) {
    const char c = html[i];
    if (c == '>') return i;
    if (c == '/' || IsAsciiSpace(c)) {
      attrs->self_closing = c == '/' && html.substr(i + 1, 1) == ">";
      ++i;
      continue;
    }
    const size_t name_start = i++;  // a first '=' belongs to the name
    while (i < html.size() && !IsAsciiSpace(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
    const std::string name = AsciiLower(html.substr(name_start, i - name_start));
    while (i < html.size() && IsAsciiSpace(html[i])) ++i;
    if (i >= html.size() || html[i] != '=') continue;
    ++i;
    while (i < html.size() && IsAsciiSpace(html[i])) ++i;
    size_t value_start = i, value_end;
    if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
      value_start = i + 1;
      value_end = html.find(html[i], value_start);
      if (value_end == std::string_view::npos) return std::string_view::npos;
      i = value_end + 1;
    } else {
      while (i < html.size() && !IsAsciiSpace(html[i]) && html[i] != '>') ++i;
      value_end = i;
    }
    attrs->font_style = attrs->font_style || OneOf(name, {"color", "face", "size"});
    if (name == "encoding") {
      const std::string value = AsciiLower(html.substr(value_start, value_end - value_start));
      attrs->html_encoding = value == "text/html" || value == "application/xhtml+xml";
    }
  }
  return std::string_view::npos;
}

enum class Namespace : uint8_t { kHtml, kSvg, kMath };

struct OpenElement {
  std::string tag;
  Namespace ns;
  bool integration;  // an SVG or MathML element whose content is parsed as HTML
};

// HTML start tags that close SVG and MathML (the standard's "breakout" list).
bool BreaksOut(std::string_view tag, const TagAttributes& attrs) {
  if (tag == "font") return attrs.font_style;
  return OneOf(tag, {"b",  "big",    "blockquote", "body", "br",    "center", "code",   "dd",     "div", "dl",
                     "dt", "em",     "embed",      "h1",   "h2",    "h3",     "h4",     "h5",     "h6",  "head",
                     "hr", "i",      "img",        "li",   "listing", "menu", "meta",   "nobr",   "ol",  "p",
                     "pre", "ruby",  "s",          "small", "span", "strong", "strike", "sub",    "sup", "table",
                     "tt", "u",      "ul",         "var"});
}

bool IntegrationPoint(Namespace ns, std::string_view tag, const TagAttributes& attrs) {
  if (ns == Namespace::kSvg) return OneOf(tag, {"foreignobject", "desc", "title"});
  return OneOf(tag, {"mi", "mo", "mn", "ms", "mtext"}) || (tag == "annotation-xml" && attrs.html_encoding);
}

bool Open(const std::vector<OpenElement>& open, std::string_view tag) {
  return std::any_of(open.begin(), open.end(), [&](const OpenElement& e) { return e.tag == tag; });
}

// An estimate, in one pass, of the stack of open elements gumbo will build,
// reading the markup as gumbo's tokenizer does: comments in all their forms,
// quoted attribute values, tag names up to a space, '/' or '>', raw text
// (<script>, <style>, <title>, ...) only for HTML elements, not inside SVG
// and MathML, where tags self-close and HTML start tags break out. An end tag
// closes the innermost open element of its name, and one that matches
// nothing is ignored. The work counts what gumbo scans too: the stack, at
// every start tag and every end tag. Returns an error when the markup is too
// deep or too costly to parse. What it misses (gumbo's rules for misnested
// end tags and formatting elements are not modelled) the cage bounds.
Status CheckMarkupCost(std::string_view html) {
  std::vector<OpenElement> open;
  uint64_t work = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const std::string_view rest = html.substr(i);
    const bool foreign = !open.empty() && open.back().ns != Namespace::kHtml && !open.back().integration;
    if (rest.starts_with("<!--")) {
      i = CommentEnd(html, i);
      if (i == std::string_view::npos) break;
      continue;
    }
    if (foreign && rest.starts_with("<![CDATA[")) {
      i = html.find("]]>", i);
      if (i == std::string_view::npos) break;
      continue;
    }
    const bool closing = rest.size() > 1 && rest[1] == '/';
    const size_t name_start = i + (closing ? 2 : 1);
    if (name_start >= html.size() || !IsAlpha(html[name_start])) {
      // "<!doctype>", "<?xml>", "</ x>": up to the next '>'; a lone '<' is text.
      if (rest.starts_with("<!") || rest.starts_with("<?") || closing) {
        i = html.find('>', i + 1);
        if (i == std::string_view::npos) break;
      }
      ++i;
      continue;
    }
    size_t name_end = name_start;
    while (name_end < html.size() && !IsAsciiSpace(html[name_end]) && html[name_end] != '/' && html[name_end] != '>') {
      ++name_end;
    }
    const std::string tag = AsciiLower(html.substr(name_start, name_end - name_start));
    TagAttributes attrs;
    const size_t gt = TagEnd(html, name_end, &attrs);
    if (gt == std::string_view::npos) break;
    i = gt + 1;
    const bool html_rules = !foreign || (!closing && BreaksOut(tag, attrs));
    if (foreign && html_rules) {
      while (!open.empty() && open.back().ns != Namespace::kHtml && !open.back().integration) open.pop_back();
    }
    if (closing) {
      if (Flat(tag)) continue;
      work += open.size();
      const auto it = std::find_if(open.rbegin(), open.rend(), [&](const OpenElement& e) { return e.tag == tag; });
      if (it != open.rend()) open.erase(it.base() - 1, open.end());
    } else if (!html_rules) {
      // Inside SVG or MathML: "<g/>" closes itself, and raw text does not exist.
      work += open.size();
      if (!attrs.self_closing) open.push_back({tag, open.back().ns, IntegrationPoint(open.back().ns, tag, attrs)});
    } else if (tag == "svg" || tag == "math") {
      work += open.size();
      if (!attrs.self_closing) open.push_back({tag, tag == "svg" ? Namespace::kSvg : Namespace::kMath, false});
    } else if (tag == "plaintext") {
      break;  // the rest of the page is text
    } else if (RawText(tag)) {
      i = FindEndTag(html, tag, i);
      if (i == std::string_view::npos) break;
      continue;
    } else if (Flat(tag) || (OneOf(tag, {"rb", "rt", "rp", "rtc"}) && Open(open, "ruby")) ||
               (tag == "optgroup" && Open(open, "select"))) {
      continue;
    } else {
      // "<div/>" counts too: outside SVG and MathML gumbo ignores the slash
      // and keeps the <div> open.
      work += open.size();
      open.push_back({tag, Namespace::kHtml, false});
    }
    if (open.size() > kMaxDepth || work > kMaxWork) {
      return Status::Error(ExitCode::kDataErr, "html_too_deep",
                           "HTML nested too deep to parse (more than " + std::to_string(kMaxDepth) +
                               " open elements, or too many deeply nested ones), near byte " + std::to_string(gt));
    }
  }
  return Status::Ok();
}

// --- reading the tree ----------------------------------------------------------

std::string_view Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool IsElement(const GumboNode* node) { return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE; }

GumboTag TagOf(const GumboNode* node) { return IsElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

// Cookie and consent banners, as far as their names tell: the usual words,
// and the consent managers common on French sites.
bool NamesABanner(std::string_view names) {
  const std::string n = AsciiLower(names);
  const auto has = [&](std::string_view w) { return n.find(w) != std::string::npos; };
  if (has("cookie") || has("consent") || has("tarteaucitron") || has("didomi") || has("onetrust") || has("axeptio")) {
    return true;
  }
  // "rgpd" alone may be a tag on an article about the RGPD.
  return (has("gdpr") || has("rgpd")) &&
         (has("banner") || has("bandeau") || has("notice") || has("popup") || has("modal") || has("overlay"));
}

bool HiddenByStyle(std::string_view style) {
  std::string s;
  for (char c : style) {
    if (!IsAsciiSpace(c)) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// True when an element and all it holds are not part of the readable text.
// `in_content`: inside <article>, <main> or <section>, where <header> and
// <footer> belong to the text (an article's headline) rather than the page.
bool Dropped(const GumboNode* node, bool in_content) {
  if (node->type == GUMBO_NODE_TEMPLATE) return true;
  switch (TagOf(node)) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_HEAD: return true;
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: return !in_content;
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ARTICLE: return false;  // their classes often name the banner they carry ("has-cookie-banner")
    default: break;
  }
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) return true;
  if (AsciiLower(Attribute(node, "aria-hidden")) == "true") return true;
  if (HiddenByStyle(Attribute(node, "style"))) return true;
  const std::string role = AsciiLower(Attribute(node, "role"));
  if (OneOf(role, {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"})) {
    return true;
  }
  std::string names(Attribute(node, "id"));
  names += ' ';
  names += Attribute(node, "class");
  names += ' ';
  names += Attribute(node, "aria-label");
  return NamesABanner(names);
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: return true;
    default: return false;
  }
}

bool IsContent(GumboTag tag) { return tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_SECTION; }

// Builds the text: runs of whitespace become one space, blocks are separated
// by a blank line, <br> is a line end. Past `limit` bytes it stops and says so.
class TextBuilder {
 public:
  explicit TextBuilder(size_t limit = SIZE_MAX) : limit_(limit) {}
  void Text(std::string_view s, bool verbatim) {
    if (out_.size() > limit_) return;
    for (char c : s) {
      if (!verbatim && IsAsciiSpace(c)) {
        space_ = true;
        continue;
      }
      Flush();
      out_ += c;
    }
  }
  void Break(int newlines) {
    breaks_ = std::max(breaks_, newlines);
    space_ = false;
  }
  void LineBreak() {
    Break(0);
    if (!out_.empty()) out_ += '\n';
  }
  void Space() { space_ = true; }
  bool over_limit() const { return out_.size() > limit_; }
  std::string Take() { return std::move(out_); }

 private:
  void Flush() {
    if (!out_.empty() && breaks_ > 0) {
      int have = 0;
      for (auto it = out_.rbegin(); it != out_.rend() && *it == '\n' && have < breaks_; ++it) ++have;
      out_.append(static_cast<size_t>(breaks_ - have), '\n');
    } else if (space_ && !out_.empty() && out_.back() != '\n') {
      out_ += ' ';
    }
    breaks_ = 0;
    space_ = false;
  }
  size_t limit_;
  std::string out_;
  int breaks_ = 0;
  bool space_ = false;
};

// The readable text under `root`; false when it would pass `limit` bytes.
bool ReadableText(const GumboNode* root, size_t limit, std::string* out) {
  struct Frame {
    const GumboNode* node;
    bool exit;
    int content;  // <article>/<main>/<section> ancestors, the node included
    int pre;      // <pre> ancestors, the node included
  };
  TextBuilder text(limit);
  const int root_content = IsContent(TagOf(root)) ? 1 : 0;
  std::vector<Frame> stack = {{root, false, root_content, 0}};
  while (!stack.empty() && !text.over_limit()) {
    const Frame f = stack.back();
    stack.pop_back();
    const GumboNode* node = f.node;
    if (f.exit) {
      if (IsBlock(TagOf(node))) text.Break(2);
      if (TagOf(node) == GUMBO_TAG_TD || TagOf(node) == GUMBO_TAG_TH) text.Space();
      continue;
    }
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE: text.Text(node->v.text.text, f.pre > 0); continue;
      case GUMBO_NODE_ELEMENT: break;
      default: continue;  // comments, templates, the document
    }
    if (node != root && Dropped(node, f.content > 0)) continue;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BR) {
      text.LineBreak();
      continue;
    }
    if (IsBlock(tag)) text.Break(2);
    const int content = f.content + (IsContent(tag) ? 1 : 0);
    const int pre = f.pre + (tag == GUMBO_TAG_PRE ? 1 : 0);
    stack.push_back({node, true, content, pre});
    const GumboVector& children = node->v.element.children;
    for (unsigned k = children.length; k-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(children.data[k]), false, content, pre});
    }
  }
  if (text.over_limit()) return false;
  *out = text.Take();
  while (!out->empty() && IsAsciiSpace(out->back())) out->pop_back();
  return true;
}

// "2024-01-31T08:00:00+01:00" -> "2024-01-31"; empty unless it starts with a
// plausible day.
std::string IsoDay(std::string_view value) {
  while (!value.empty() && IsAsciiSpace(value.front())) value.remove_prefix(1);
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return "";
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(value[k]))) return "";
  }
  return std::string(value.substr(0, 10));
}

// What one pass over the whole tree finds.
struct PageParts {
  const GumboNode* title = nullptr;
  std::string published_meta, date_meta, time_datetime;
  std::vector<const GumboNode*> articles;  // outermost, outside dropped parts
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
};

PageParts FindParts(const GumboNode* document) {
  struct Frame {
    const GumboNode* node;
    bool dropped;
    bool in_article;
    bool in_content;
  };
  PageParts parts;
  std::vector<Frame> stack = {{document, false, false, false}};
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    const GumboNode* node = f.node;
    const GumboVector* children = nullptr;
    Frame next = f;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    } else if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      // <head> is dropped from the text but holds the title and the metas.
      next.dropped = f.dropped || (tag != GUMBO_TAG_HEAD && Dropped(node, f.in_content));
      next.in_content = f.in_content || IsContent(tag);
      if (tag == GUMBO_TAG_TITLE && parts.title == nullptr && !f.in_content) parts.title = node;
      if (tag == GUMBO_TAG_META) {
        const std::string key =
            AsciiLower(Attribute(node, "property").empty() ? Attribute(node, "name") : Attribute(node, "property"));
        const std::string day = IsoDay(Attribute(node, "content"));
        if (key == "article:published_time" && parts.published_meta.empty()) parts.published_meta = day;
        if (OneOf(key, {"date", "dc.date", "dcterms.date", "dcterms.created", "pubdate"}) && parts.date_meta.empty()) {
          parts.date_meta = day;
        }
      }
      if (tag == GUMBO_TAG_TIME && !next.dropped && parts.time_datetime.empty()) {
        parts.time_datetime = IsoDay(Attribute(node, "datetime"));
      }
      if (!next.dropped) {
        if (tag == GUMBO_TAG_ARTICLE && !f.in_article) parts.articles.push_back(node);
        if (tag == GUMBO_TAG_MAIN && parts.main == nullptr) parts.main = node;
        if (tag == GUMBO_TAG_BODY && parts.body == nullptr) parts.body = node;
      }
      next.in_article = f.in_article || tag == GUMBO_TAG_ARTICLE;
      children = &node->v.element.children;
    }
    if (children == nullptr) continue;
    for (unsigned k = children->length; k-- > 0;) {
      stack.push_back(
          {static_cast<const GumboNode*>(children->data[k]), next.dropped, next.in_article, next.in_content});
    }
  }
  return parts;
}

std::string Collapsed(const GumboNode* node) {
  TextBuilder text;
  const GumboVector& children = node->v.element.children;
  for (unsigned k = 0; k < children.length; ++k) {
    const auto* child = static_cast<const GumboNode*>(children.data[k]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) text.Text(child->v.text.text, false);
  }
  return text.Take();
}

// gumbo's memory: one bump allocator per parse, freed at once. gumbo frees
// its tree recursively, node by node, which overflows the stack on a deep
// tree; with frees that do nothing and no gumbo_destroy_output(), that
// recursion is gone (<frameset> still destroys the <body> it replaces; the
// cage catches that). The cost is the temporaries gumbo would have freed,
// a few bytes per input byte.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (char* chunk : chunks_) std::free(chunk);
  }

  static void* Allocate(void* self, size_t size) { return static_cast<Arena*>(self)->Take(size); }
  static void Free(void*, void*) {}

 private:
  static constexpr size_t kFirstChunk = size_t{64} << 10;
  static constexpr size_t kLargestChunk = size_t{16} << 20;

  void* Take(size_t size) {
    size = (std::max<size_t>(size, 1) + 15) & ~size_t{15};
    if (size > left_) {
      if (size > next_chunk_ / 4) return NewChunk(size);  // a chunk of its own: keep the current one
      next_ = NewChunk(next_chunk_);
      left_ = next_chunk_;
      next_chunk_ = std::min(next_chunk_ * 2, kLargestChunk);
    }
    char* p = next_;
    next_ += size;
    left_ -= size;
    return p;
  }

  char* NewChunk(size_t size) {
    auto* chunk = static_cast<char*>(std::malloc(size));
    // gumbo does not check what its allocator returns: stop here instead.
    if (chunk == nullptr) InCagedChild() ? ExitCagedOutOfMemory() : std::abort();
    chunks_.push_back(chunk);
    return chunk;
  }

  std::vector<char*> chunks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t next_chunk_ = kFirstChunk;
};

// What the parse gives: the text and what the page says of itself.
struct PageText {
  std::string text, title, lang, published;
};

// Parses the UTF-8 `html` with gumbo and reads the tree. What runs in the
// cage: no ICU, no logging, no locks.
Status ParsePage(std::string_view html, size_t max_text, PageText* out) {
  Arena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::Allocate;
  options.deallocator = &Arena::Free;
  options.userdata = &arena;
  options.max_errors = 100;  // parse errors are not reported; do not keep thousands
  const GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  if (output == nullptr) return Status::Error(ExitCode::kDataErr, "html_invalid", "the HTML parser gave up on this input");

  const PageParts parts = FindParts(output->document);
  if (parts.title != nullptr) out->title = Collapsed(parts.title);
  if (output->root != nullptr && output->root->type == GUMBO_NODE_ELEMENT) {
    out->lang = std::string(Attribute(output->root, "lang"));
  }
  out->published = !parts.published_meta.empty() ? parts.published_meta
                   : !parts.date_meta.empty()    ? parts.date_meta
                                                 : parts.time_datetime;

  // The article, when the page marks one (the longest, when it marks
  // several: the others are teasers); else <main>; else the whole body.
  bool within = true;
  std::string text;
  for (const GumboNode* article : parts.articles) {
    std::string t;
    within = within && ReadableText(article, max_text, &t);
    if (t.size() > text.size()) text = std::move(t);
  }
  if (within && text.empty() && parts.main != nullptr) within = ReadableText(parts.main, max_text, &text);
  if (within && text.empty() && parts.body != nullptr) within = ReadableText(parts.body, max_text, &text);
  if (!within) {
    return Status::Error(ExitCode::kDataErr, "html_too_complex",
                         "the page's text is longer than " + std::to_string(max_text) +
                             " bytes (4 x --max-bytes)");
  }
  out->text = std::move(text);
  return Status::Ok();
}

// The server's answer: the status, then the page's parts.
std::string PageMessage(const Status& s, const PageText& page) {
  std::string m;
  AppendNumber(&m, static_cast<uint64_t>(s.exit_code()));
  AppendField(&m, s.code());
  AppendField(&m, s.message());
  for (const std::string* field : {&page.text, &page.title, &page.lang, &page.published}) AppendField(&m, *field);
  return m;
}

Status ReadPageMessage(std::string_view m, PageText* page) {
  uint64_t exit = 0;
  std::string_view code, message, text, title, lang, published;
  if (!ReadNumber(&m, &exit) || !ReadField(&m, &code) || !ReadField(&m, &message) || !ReadField(&m, &text) ||
      !ReadField(&m, &title) || !ReadField(&m, &lang) || !ReadField(&m, &published)) {
    return Status::Error(ExitCode::kSoftware, "cage_failed", "the HTML parser's process gave a truncated answer");
  }
  if (exit != 0) return Status::Error(static_cast<ExitCode>(exit), std::string(code), std::string(message));
  page->text = text;
  page->title = title;
  page->lang = lang;
  page->published = published;
  return Status::Ok();
}

// ParsePage in the cage's server (extract/cage.h). The request: the text
// bound, then the page.
std::string ParsePageHandler(std::string_view request) {
  uint64_t max_text = 0;
  PageText page;
  if (!ReadNumber(&request, &max_text)) return "";
  const Status s = ParsePage(request, max_text, &page);
  return PageMessage(s, page);
}

Status ParsePageCaged(std::string_view html, const ExtractOptions& options, PageText* page) {
  std::string request;
  request.reserve(8 + html.size());
  AppendNumber(&request, options.max_text_bytes);
  request.append(html);
  const CageResult r = RunCaged(&ParsePageHandler, request, CageLimitsFor(options, html.size()));
  if (r.end != CageEnd::kDone) return CageError(r, options, "the HTML parser", "html_too_complex");
  return ReadPageMessage(r.output, page);
}

}  // namespace

Status ExtractHtml(std::string_view bytes, const ExtractOptions& options, Extracted* out) {
  *out = Extracted{};
  out->info.format = InputFormat::kHtml;
  const std::string declared = DeclaredCharset(SniffHead(bytes, kDeclarationBytes));
  if (Status s = DecodeDeclared(bytes, declared, &out->decoded); !s.ok()) return s;
  const std::string& html = out->decoded.text;
  if (Status s = CheckMarkupCost(html); !s.ok()) return s;

  PageText page;
  const Status s = options.isolate ? ParsePageCaged(html, options, &page)
                                   : ParsePage(html, options.max_text_bytes, &page);
  if (!s.ok()) return s;
  out->info.title = std::move(page.title);
  out->info.lang = std::move(page.lang);
  out->info.published = std::move(page.published);
  if (page.text.empty()) out->decoded.diagnostics.push_back({"no_text", "the HTML page has no readable text"});
  out->decoded.text = std::move(page.text);
  return Status::Ok();
}

}  // namespace lexfr
