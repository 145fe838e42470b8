// HTML -> readable text, with gumbo (see lexfr/extract.h for the contract).
//
// Every walk over the tree uses an explicit stack: the markup decides the
// depth, and recursion would let a page overflow the thread's stack.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>

#include "lexfr/extract.h"
#include "lexfr/text_util.h"

namespace lexfr {
namespace {

// gumbo checks scopes by scanning its stack of open elements, so deep markup
// costs depth x tags: 30,000 nested <div> take 20 s. Deeper than this, or
// more work than this (the depth summed over tags, about a second), and the
// page is refused before gumbo sees it. Real pages stay far below both.
constexpr size_t kMaxDepth = 512;
constexpr uint64_t kMaxWork = 40'000'000;

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Elements that never deepen gumbo's stack of open elements: void elements,
// and those a sibling start tag closes implicitly (<p>, <li>, <td>, ...).
bool Flat(std::string_view tag) {
  return OneOf(tag, {"area",   "base",     "br",       "col",     "embed", "hr",    "img",   "input", "link",
                     "meta",   "param",    "source",   "track",   "wbr",   "p",     "li",    "dt",    "dd",
                     "option", "optgroup", "tr",       "td",      "th",    "thead", "tbody", "tfoot", "rb",
                     "rt",     "rp",       "colgroup", "caption", "html",  "head",  "body"});
}

bool RawText(std::string_view tag) {
  return OneOf(tag, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

// Case-insensitive search for "</tag" from `from`.
size_t FindEndTag(std::string_view html, std::string_view tag, size_t from) {
  for (size_t at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2)) {
    if (AsciiLower(html.substr(at + 2, tag.size())) == tag) return at;
  }
  return std::string_view::npos;
}

// An estimate, in one pass, of the stack of open elements gumbo will build.
// An end tag closes the innermost open element of its name, as gumbo does,
// and one that matches nothing is ignored. The work counts what gumbo scans
// too: the stack, at every start tag and every end tag. Returns an error when
// the markup is too deep or too costly to parse.
Status CheckMarkupCost(std::string_view html) {
  std::vector<std::string> open;
  uint64_t work = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      const size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    const size_t name_start = i + (closing ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
    if (name_end == name_start || !IsAlpha(html[name_start])) {
      ++i;
      continue;
    }
    const std::string tag = AsciiLower(html.substr(name_start, name_end - name_start));
    const size_t gt = html.find('>', name_end);
    if (gt == std::string_view::npos) break;
    i = gt + 1;
    if (Flat(tag)) continue;
    work += open.size();
    if (closing) {
      const auto it = std::find(open.rbegin(), open.rend(), tag);
      if (it != open.rend()) open.erase(it.base() - 1, open.end());
    } else if (RawText(tag)) {
      i = FindEndTag(html, tag, i);
      if (i == std::string_view::npos) break;
      continue;
    } else {
      // "<div/>" counts too: outside SVG and MathML gumbo ignores the slash
      // and keeps the <div> open.
      open.push_back(tag);
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
// by a blank line, <br> is a line end.
class TextBuilder {
 public:
  void Text(std::string_view s, bool verbatim) {
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
  std::string out_;
  int breaks_ = 0;
  bool space_ = false;
};

std::string ReadableText(const GumboNode* root) {
  struct Frame {
    const GumboNode* node;
    bool exit;
    int content;  // <article>/<main>/<section> ancestors, the node included
    int pre;      // <pre> ancestors, the node included
  };
  TextBuilder text;
  const int root_content = IsContent(TagOf(root)) ? 1 : 0;
  std::vector<Frame> stack = {{root, false, root_content, 0}};
  while (!stack.empty()) {
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
  std::string out = text.Take();
  while (!out.empty() && IsAsciiSpace(out.back())) out.pop_back();
  return out;
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

struct GumboDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

}  // namespace

Status ExtractHtml(std::string_view bytes, Extracted* out) {
  *out = Extracted{};
  out->info.format = InputFormat::kHtml;
  if (Status s = Decode(bytes, &out->decoded); !s.ok()) return s;
  const std::string& html = out->decoded.text;
  if (Status s = CheckMarkupCost(html); !s.ok()) return s;

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 100;  // parse errors are not reported; do not keep thousands
  const std::unique_ptr<GumboOutput, GumboDeleter> output(gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!output) return Status::Error(ExitCode::kDataErr, "html_invalid", "the HTML parser gave up on this input");

  const PageParts parts = FindParts(output->document);
  if (parts.title != nullptr) out->info.title = Collapsed(parts.title);
  if (output->root != nullptr && output->root->type == GUMBO_NODE_ELEMENT) {
    out->info.lang = std::string(Attribute(output->root, "lang"));
  }
  out->info.published = !parts.published_meta.empty() ? parts.published_meta
                        : !parts.date_meta.empty()    ? parts.date_meta
                                                      : parts.time_datetime;

  // The article, when the page marks one (the longest, when it marks
  // several: the others are teasers); else <main>; else the whole body.
  std::string text;
  for (const GumboNode* article : parts.articles) {
    std::string t = ReadableText(article);
    if (t.size() > text.size()) text = std::move(t);
  }
  if (text.empty() && parts.main != nullptr) text = ReadableText(parts.main);
  if (text.empty() && parts.body != nullptr) text = ReadableText(parts.body);
  if (text.empty()) out->decoded.diagnostics.push_back({"no_text", "the HTML page has no readable text"});
  out->decoded.text = std::move(text);
  return Status::Ok();
}

}  // namespace lexfr
