// The HTML view of an analysis: one self-contained page per document.
//
// Page layout, top to bottom (abridged):
//   <header><h1>lexfr — a.txt</h1><p class="source">4351 bytes · UTF-8 · …</p></header>
//   <section id="recourse" class="card">kind, court, parties, counsel, act,
//     grounds (each <a href="#s-12">), status, outcome</section>
//   <section id="text"><div class="legend">…</div><div class="doc">
//     <span class="s" id="s-0">… <mark class="m m-ORG" id="m-0-0" data-mention="m-0-0"
//       tabindex="0" data-type="ORG" data-canonical="CNIL" title="…">Cnil</mark> …</span>
//   </div></section>
//   <section id="entities"><table>…<a href="#m-0-0">…</table></section>
//   <section id="quotes">…</section>
// Words: French by default, English with --lang en, every label and value
// from data/labels/html.tsv (emit/html_labels.h); data-type and the CSS
// classes keep the JSON's keys (ORG, PERSON…) for scripts and tests.
// Palette: six Okabe–Ito colours, none of them twice (ORG blue, PERSON
// vermillion, LOC bluish green, LEGAL_REF reddish purple, DATE and DURATION
// orange, MONEY black), told apart under the common colour-blindnesses; and
// each type its own underline (ORG solid, PERSON double, LOC dashed,
// LEGAL_REF dotted, DATE wavy, MONEY under- and overlined), so that a
// greyscale print tells them apart too. Every mark also carries its type as
// text for print and screen readers.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "emit/html_labels.h"
#include "emit/json_record.h"
#include "extract/extract.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

constexpr std::string_view kCss = R"css(
:root{--org:#0072B2;--person:#D55E00;--loc:#009E73;--ref:#CC79A7;--date:#E69F00;--money:#000000;--ink:#1a1a1a;--muted:#555}
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fafafa;margin:0;padding:1.5rem;max-width:72rem;margin-inline:auto}
h1{font-size:1.4rem;margin:0 0 .2rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
.source{color:var(--muted);font-size:.85rem;margin:0;word-break:break-all}
.card{background:#fff;border:1px solid #ccc;border-left:6px solid var(--org);border-radius:6px;padding:1rem 1.2rem;margin-top:1rem}
.card h2{margin-top:0}
.card dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
.card dt{font-weight:600;color:var(--muted)}.card dd{margin:0}
.card ol{margin:.2rem 0;padding-left:1.2rem}
.badge{display:inline-block;padding:0 .45rem;border-radius:.8rem;background:#eee;font-size:.85rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.85rem;margin-bottom:.5rem}
.doc{background:#fff;border:1px solid #ccc;border-radius:6px;padding:1rem 1.2rem;white-space:pre-wrap;overflow-wrap:anywhere}
.s:target{background:#fff3b0;outline:2px solid #E69F00}
mark.m,.swatch{background:color-mix(in srgb,var(--c) 18%,transparent);text-decoration-line:var(--line,underline);text-decoration-style:var(--u);text-decoration-color:var(--c);text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-skip-ink:none}
mark.m{color:inherit;padding:0 1px;border-radius:2px;cursor:help}
mark.m mark.m{background:color-mix(in srgb,var(--c) 30%,transparent);text-underline-offset:6px}
mark.m:focus{outline:3px solid #000;outline-offset:1px}
mark.m:target{outline:3px dashed #000}
.m-ORG{--c:var(--org);--u:solid}.m-PERSON{--c:var(--person);--u:double}.m-LOC{--c:var(--loc);--u:dashed}.m-LEGAL_REF{--c:var(--ref);--u:dotted}.m-DATE,.m-DURATION{--c:var(--date);--u:wavy}.m-MONEY{--c:var(--money);--u:solid;--line:underline overline}
.swatch{display:inline-block;padding:0 .2em;margin-right:.3em;font-size:.8em}
table{border-collapse:collapse;background:#fff;width:100%;font-size:.92rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f0f0f0}
td.num{text-align:right}
blockquote{background:#fff;border-left:4px solid #999;margin:.5rem 0;padding:.4rem .8rem}
.error{color:#a00;font-weight:600}
a:focus{outline:3px solid #000}
#tip{position:absolute;z-index:10;max-width:28rem;background:#222;color:#fff;border-radius:4px;padding:.4rem .6rem;font-size:.85rem;line-height:1.35;box-shadow:0 2px 8px #0005}
#tip[hidden]{display:none}#tip b{color:#ffd27a}#tip a{color:#9cd3ff}
@media print{
 body{background:#fff;padding:0;max-width:none}#tip{display:none!important}
 .card,.doc{border:0;padding:0}
 mark.m{background:none}
 mark.m::after{content:"\2009[" attr(data-label) "]";font-size:.65em;vertical-align:super;color:#444}
 mark.m.cont::after{content:none}
 a{color:inherit}
}
)css";

// The tooltip: built with textContent only, so no data from the input can
// become markup; a link only for http(s) URLs.
constexpr std::string_view kJs = R"js(
(function(){
  var tip=document.createElement('div');tip.id='tip';tip.hidden=true;tip.setAttribute('role','tooltip');
  document.body.appendChild(tip);
  var hideTimer=null;
  function line(label,value){if(!value)return;var d=document.createElement('div');var b=document.createElement('b');
    b.textContent=label+': ';d.appendChild(b);d.appendChild(document.createTextNode(value));tip.appendChild(d);}
  function show(m){
    clearTimeout(hideTimer);tip.textContent='';
    var words=document.documentElement.dataset;
    line(m.dataset.label,m.dataset.canonical);line(words.valueLabel,m.dataset.value);line(words.subtypeLabel,m.dataset.subtype);
    var url=m.dataset.url;
    if(url&&/^https?:\/\//.test(url)){var a=document.createElement('a');a.href=url;a.textContent=url;
      a.target='_blank';a.rel='noopener';var d=document.createElement('div');d.appendChild(a);tip.appendChild(d);}
    tip.hidden=false;
    var r=m.getBoundingClientRect();
    tip.style.left=Math.max(4,Math.min(window.scrollX+r.left,window.scrollX+document.documentElement.clientWidth-tip.offsetWidth-4))+'px';
    tip.style.top=(window.scrollY+r.bottom+6)+'px';
    m.setAttribute('aria-describedby','tip');
  }
  function hideSoon(){clearTimeout(hideTimer);hideTimer=setTimeout(function(){tip.hidden=true;},250);}
  function markOf(t){return t&&t.closest?t.closest('mark.m'):null;}
  document.addEventListener('mouseover',function(e){var m=markOf(e.target);if(m)show(m);});
  document.addEventListener('mouseout',function(e){if(markOf(e.target))hideSoon();});
  document.addEventListener('focusin',function(e){var m=markOf(e.target);if(m)show(m);else if(!tip.contains(e.target))tip.hidden=true;});
  document.addEventListener('keydown',function(e){if(e.key==='Escape')tip.hidden=true;});
  tip.addEventListener('mouseover',function(){clearTimeout(hideTimer);});
  tip.addEventListener('mouseout',hideSoon);
  document.documentElement.setAttribute('data-ready','1');
})();
)js";

// Text and attribute values alike: the five characters that can end either.
void AppendEscaped(std::string_view s, std::string* out) {
  for (const char c : s) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&#39;"); break;
      case '\0': out->append("\xEF\xBF\xBD"); break;  // HTML parsers drop or replace NUL anyway
      default: out->push_back(c);
    }
  }
}

std::string Esc(std::string_view s) {
  std::string out;
  AppendEscaped(s, &out);
  return out;
}

// Relative links to pages named after input paths: '#', '?', '%' and spaces
// must not be read as URL syntax.
std::string EscapeUrlPath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string OrDash(const std::string& s) { return s.empty() ? "—" : Esc(s); }

std::string JoinEscaped(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + Esc(s);
  return out.empty() ? "—" : out;
}

// The page's language is the reader's (--lang); the tooltip's words come
// from the root element, so the script holds none.
std::string Head(std::string_view title, const HtmlLabels& L) {
  std::string out = std::string("<!DOCTYPE html>\n<html lang=\"") + HtmlLangName(L.lang()) + "\" data-value-label=\"" +
                    Esc(L.Get("ui.value")) + "\" data-subtype-label=\"" + Esc(L.Get("ui.subtype")) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // No network, ever: the page must not fetch anything, even if a future
  // change or a crafted input tried to.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n";
  out += "<title>lexfr — " + Esc(title) + "</title>\n<style>" + std::string(kCss) + "</style>\n</head>\n<body>\n";
  return out;
}

std::string Tail(bool with_script) {
  return with_script ? "<script>" + std::string(kJs) + "</script>\n</body>\n</html>\n" : "</body>\n</html>\n";
}

// --- the text with its mentions ---------------------------------------------

// One element to wrap around a byte range of the text: a sentence or a mention.
struct Span {
  uint32_t begin = 0, end = 0;
  bool sentence = false;
  uint32_t index = 0;    // sentence index, or entity index
  uint32_t mention = 0;  // mention index within the entity
};

// "150000.0 EUR": the amount as the JSON prints it.
std::string AmountText(const EntityFields& f) { return nlohmann::json(f.amount).dump() + " " + f.currency(); }

std::string MentionId(const Span& s) {
  return "m-" + std::to_string(s.index) + "-" + std::to_string(s.mention);
}

// The opening tag; `first` is false for the continuation of a split span,
// which carries no id so ids stay unique, and is not a tab stop.
std::string OpenTag(const Span& span, bool first, const std::vector<Entity>& entities, const HtmlLabels& L) {
  if (span.sentence) {
    return first ? "<span class=\"s\" id=\"s-" + std::to_string(span.index) + "\">" : "<span class=\"s\">";
  }
  const Entity& e = entities[span.index];
  const EntityFields& f = e.fields;
  const std::string type = EntityTypeName(e.type);
  const std::string label(L.Form("type." + type, 1));
  const std::string id = MentionId(span);
  const bool named = e.type == EntityType::kOrg || e.type == EntityType::kLoc;
  std::string value = e.type == EntityType::kDate || e.type == EntityType::kDuration ? f.value() : "";
  if (e.type == EntityType::kMoney) value = AmountText(f);
  std::string tag = "<mark class=\"m m-" + type + (first ? "" : " cont") + "\"";
  tag += first ? " id=\"" + id + "\" tabindex=\"0\"" : " tabindex=\"-1\"";
  tag += " data-mention=\"" + id + "\" data-type=\"" + type + "\" data-label=\"" + Esc(label) +
         "\" data-canonical=\"" + Esc(e.canonical) + "\"";
  if (!value.empty()) tag += " data-value=\"" + Esc(value) + "\"";
  const std::string subtype(named ? L.Value("subtype", f.subtype())
                                  : e.type == EntityType::kDate ? L.Value("precision", f.precision()) : "");
  if (!subtype.empty()) tag += " data-subtype=\"" + Esc(subtype) + "\"";
  if (!f.url.empty()) tag += " data-url=\"" + Esc(f.url) + "\"";
  std::string title = label + " : " + e.canonical;
  if (!value.empty() && value != e.canonical) title += " = " + value;
  if (!subtype.empty()) title += " (" + subtype + ")";
  if (!f.url.empty()) title += " " + f.url;
  return tag + " title=\"" + Esc(title) + "\">";
}

const char* CloseTag(const Span& span) { return span.sentence ? "</span>" : "</mark>"; }

std::vector<Span> CollectSpans(const Document& doc) {
  std::vector<Span> spans;
  const auto& sentences = doc.segmentation.sentences;
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    spans.push_back({sentences[i].byte_start, sentences[i].byte_end, true, i, 0});
  }
  for (uint32_t i = 0; i < doc.entities.size(); ++i) {
    const auto& mentions = doc.entities[i].mentions;
    for (uint32_t j = 0; j < mentions.size(); ++j) {
      spans.push_back({mentions[j].byte_start, mentions[j].byte_end, false, i, j});
    }
  }
  // Outer first: earlier start, then longer, then sentences around mentions.
  std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.sentence && !b.sentence;
  });
  return spans;
}

// The text, HTML-escaped, each sentence and mention wrapped in its element.
std::string RenderMarkedText(const Document& doc, const HtmlLabels& L) {
  const std::string_view text = doc.decoded.text;
  const std::vector<Span> spans = CollectSpans(doc);
  std::vector<uint32_t> cuts = {0, static_cast<uint32_t>(text.size())};
  for (const Span& s : spans) {
    cuts.push_back(std::min<uint32_t>(s.begin, text.size()));
    cuts.push_back(std::min<uint32_t>(s.end, text.size()));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::string out;
  std::vector<const Span*> open;  // the element stack, outermost first
  size_t next = 0;
  for (size_t c = 0; c < cuts.size(); ++c) {
    const uint32_t at = cuts[c];
    // Close what ends here. A span still running above one that ends is
    // closed too and reopened as a continuation: the markup stays a tree.
    const auto ends = std::find_if(open.begin(), open.end(), [&](const Span* s) { return s->end <= at; });
    if (ends != open.end()) {
      std::vector<const Span*> reopen;
      while (open.end() != ends) {
        out += CloseTag(*open.back());
        if (open.back()->end > at) reopen.push_back(open.back());
        open.pop_back();
      }
      for (auto it = reopen.rbegin(); it != reopen.rend(); ++it) {
        out += OpenTag(**it, false, doc.entities, L);
        open.push_back(*it);
      }
    }
    while (next < spans.size() && spans[next].begin <= at) {
      const Span& s = spans[next++];
      out += OpenTag(s, true, doc.entities, L);
      if (s.end <= at) {
        out += CloseTag(s);  // empty span: still one element
      } else {
        open.push_back(&s);
      }
    }
    if (c + 1 < cuts.size()) AppendEscaped(text.substr(at, cuts[c + 1] - at), &out);
  }
  for (auto it = open.rbegin(); it != open.rend(); ++it) out += CloseTag(**it);
  return out;
}

// --- the sections of a page ---------------------------------------------------

std::string SentenceLink(uint32_t sentence, std::string_view label) {
  return "<a href=\"#s-" + std::to_string(sentence) + "\">" + std::string(label) + "</a>";
}

std::string Row(std::string_view label, const std::string& html) {
  return "<dt>" + std::string(label) + "</dt><dd>" + html + "</dd>\n";
}

std::string ActHtml(const std::optional<ChallengedAct>& act, const HtmlLabels& L) {
  if (!act) return "—";
  std::string out = OrDash(act->type);
  if (!act->author.empty()) out += " — " + Esc(act->author);
  if (!act->date.empty()) out += ", " + Esc(act->date);
  if (!act->published.empty()) out += " (" + Esc(L.Get("ui.published")) + " " + Esc(act->published) + ")";
  if (!act->reference.empty()) out += " <code>" + Esc(act->reference) + "</code>";
  return out;
}

std::string GroundsHtml(const std::vector<Ground>& grounds, const HtmlLabels& L) {
  if (grounds.empty()) return "—";
  std::string out = "<ol>";
  for (const Ground& g : grounds) {
    out += "<li><span class=\"badge\">" + Esc(L.Value("category", g.category)) + "</span> " +
           SentenceLink(g.sentence, Esc(g.text));
    if (!g.refs.empty()) out += " <small>(" + JoinEscaped(g.refs) + ")</small>";
    out += "</li>";
  }
  return out + "</ol>";
}

// A badge holding the label of a value the JSON prints, the key in its title.
std::string Badge(const HtmlLabels& L, std::string_view field, const std::string& value) {
  return "<span class=\"badge\" title=\"" + Esc(value) + "\">" + Esc(L.Value(field, value)) + "</span>";
}

std::string Label(const HtmlLabels& L, std::string_view key) { return Esc(L.Get(key)); }

std::string RecourseCard(const std::optional<Recourse>& recourse, const HtmlLabels& L) {
  std::string out = "<section id=\"recourse\" class=\"card\" aria-label=\"" + Label(L, "ui.recourse") + "\">\n<h2>" +
                    Label(L, "ui.recourse") + "</h2>\n";
  if (!recourse) return out + "<p>" + Label(L, "ui.no_recourse") + "</p>\n</section>\n";
  const Recourse& r = *recourse;
  std::string counsel;
  for (const Counsel& c : r.counsel) {
    std::string one = c.name.empty() ? Esc(c.firm) : Esc(c.name) + (c.firm.empty() ? "" : " (" + Esc(c.firm) + ")");
    counsel += (counsel.empty() ? "" : ", ") + one;
  }
  out += "<dl>\n";
  out += Row(Label(L, "ui.kind"), Badge(L, "kind", r.kind));
  out += Row(Label(L, "ui.court"), OrDash(r.court));
  out += Row(Label(L, "ui.claimants"), JoinEscaped(r.claimants));
  out += Row(Label(L, "ui.respondents"), JoinEscaped(r.respondents));
  out += Row(Label(L, "ui.counsel"), counsel.empty() ? "—" : counsel);
  out += Row(Label(L, "ui.challenged_act"), ActHtml(r.challenged_act, L));
  out += Row(Label(L, "ui.grounds"), GroundsHtml(r.grounds, L));
  out += Row(Label(L, "ui.status"), Badge(L, "status", r.status));
  out += Row(Label(L, "ui.outcome"), r.outcome.empty() ? "—" : Badge(L, "outcome", r.outcome));
  for (const Recourse& other : r.related) {
    out += Row(Label(L, "ui.related"), Esc(L.Value("kind", other.kind)) +
                                           (other.court.empty() ? "" : " — " + Esc(other.court)) + ", " +
                                           Esc(L.Value("status", other.status)));
  }
  return out + "</dl>\n</section>\n";
}

constexpr EntityType kTypes[] = {EntityType::kOrg,  EntityType::kPerson, EntityType::kLoc,     EntityType::kLegalRef,
                                 EntityType::kDate, EntityType::kMoney,  EntityType::kDuration};

// A type's swatch: its colour and underline on « Abc », then its name.
std::string TypeCell(EntityType t, const HtmlLabels& L) {
  const std::string name = EntityTypeName(t);
  return "<span class=\"m-" + name + "\"><span class=\"swatch\" aria-hidden=\"true\">Abc</span>" +
         Esc(L.Form("type." + name, 1)) + "</span>";
}

std::string Legend(const HtmlLabels& L) {
  std::string out = "<div class=\"legend\" aria-label=\"" + Label(L, "ui.legend") + "\">";
  for (const EntityType t : kTypes) out += TypeCell(t, L);
  return out + "<span>" + Label(L, "ui.legend_help") + "</span></div>\n";
}

std::string EntityDetails(const Entity& e, const HtmlLabels& L) {
  const EntityFields& f = e.fields;
  std::string out;
  const auto add = [&](const std::string& s) {
    if (!s.empty()) out += (out.empty() ? "" : " · ") + s;
  };
  if (e.type == EntityType::kOrg || e.type == EntityType::kLoc) add(Esc(L.Value("subtype", f.subtype())));
  if (e.type == EntityType::kPerson) {
    add(Esc(f.title().empty() ? f.role() : f.title() + (f.role().empty() ? "" : ", " + f.role())));
  }
  if (e.type == EntityType::kDate) {
    add(Esc(f.value()) + " (" + Esc(L.Value("precision", f.precision())) + ")");
    if (!f.period().empty()) add(Label(L, "ui.period") + " " + Esc(f.period()));
    if (!f.resolved_against.empty()) add(Label(L, "ui.from") + " " + Esc(f.resolved_against));
  }
  if (e.type == EntityType::kDuration) {
    add(Esc(f.value()) + (f.from().empty() ? "" : " " + Label(L, "ui.from") + " " + Esc(f.from())));
  }
  if (e.type == EntityType::kMoney) add(Esc(AmountText(f)));
  const bool web = f.url.rfind("https://", 0) == 0 || f.url.rfind("http://", 0) == 0;
  if (web) add("<a href=\"" + Esc(f.url) + "\" rel=\"noopener\">" + Esc(f.url) + "</a>");
  return out;
}

std::string EntityTable(const std::vector<Entity>& entities, const HtmlLabels& L) {
  std::string out = "<section id=\"entities\">\n<h2>" + Label(L, "ui.entities") + " (" +
                    std::to_string(entities.size()) + ")</h2>\n";
  out += "<table>\n<thead><tr><th>" + Label(L, "ui.type") + "</th><th>" + Label(L, "ui.canonical") + "</th><th>" +
         Label(L, "ui.details") + "</th><th>" + Label(L, "ui.mentions") + "</th></tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    out += "<tr><td>" + TypeCell(e.type, L) + "</td><td>";
    out += e.mentions.empty() ? Esc(e.canonical)
                              : "<a href=\"#m-" + std::to_string(i) + "-0\">" + Esc(e.canonical) + "</a>";
    out += "</td><td>" + EntityDetails(e, L) + "</td><td class=\"num\">" + std::to_string(e.mentions.size()) +
           "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string QuoteList(const std::vector<Quote>& quotes, const HtmlLabels& L) {
  std::string out = "<section id=\"quotes\">\n<h2>" + Label(L, "ui.quotes") + " (" + std::to_string(quotes.size()) +
                    ")</h2>\n";
  for (const Quote& q : quotes) {
    const std::string speaker = q.speaker.empty() ? "<i>" + Label(L, "ui.unknown_speaker") + "</i>" : Esc(q.speaker);
    out += "<blockquote>« " + Esc(q.text) + " » — " + speaker + " " + SentenceLink(q.sentence, "↗") + "</blockquote>\n";
  }
  return out + "</section>\n";
}

std::string DiagnosticList(const std::vector<Diagnostic>& diagnostics, const HtmlLabels& L) {
  if (diagnostics.empty()) return "";
  std::string out = "<section id=\"diagnostics\">\n<h2>" + Label(L, "ui.diagnostics") + "</h2>\n<ul>\n";
  for (const Diagnostic& d : diagnostics) out += "<li><code>" + Esc(d.code) + "</code> " + Esc(d.message) + "</li>\n";
  return out + "</ul>\n</section>\n";
}

// "1 234 octets · Word (.docx) · 3 pages · UTF-8 · 40 phrases · 12 entités".
std::string SourceLine(const Document& doc, const HtmlLabels& L) {
  std::string out = L.Count("ui.bytes", doc.bytes) + " · " + Esc(L.Value("format", InputFormatName(doc.source.format)));
  if (!doc.source.page_starts.empty()) out += " · " + L.Count("ui.page_count", doc.source.page_starts.size());
  return out + " · " + Esc(doc.decoded.encoding) + " · " + L.Count("ui.sentences", doc.segmentation.sentences.size()) +
         " · " + L.Count("ui.entity_count", doc.entities.size()) + " · sha256 " + Esc(doc.sha256);
}

// "12 organisations, 3 lieux": counts by type in the order of the legend,
// the types counted only.
std::string TypeCounts(const std::map<std::string, uint64_t>& counts, const HtmlLabels& L) {
  std::string out;
  for (const EntityType t : kTypes) {
    const auto it = counts.find(EntityTypeName(t));
    if (it == counts.end() || it->second == 0) continue;
    out += (out.empty() ? "" : ", ") + Esc(L.Count(std::string("type.") + EntityTypeName(t), it->second));
  }
  return out.empty() ? Label(L, "ui.none") : out;
}

// "recours en annulation : 2, plainte : 1": a summary's map of keys, each
// key's label when `field` names a kind of value.
std::string KeyCounts(const nlohmann::ordered_json& counts, std::string_view field, const HtmlLabels& L) {
  std::string out;
  if (!counts.is_object()) return Label(L, "ui.none");
  for (const auto& [key, n] : counts.items()) {
    const std::string_view label = field.empty() ? std::string_view(key) : L.Value(field, key);
    out += (out.empty() ? "" : ", ") + Esc(label) + (L.lang() == HtmlLang::kFr ? " : " : ": ") + n.dump();
  }
  return out.empty() ? Label(L, "ui.none") : out;
}

uint64_t Number(const nlohmann::ordered_json& summary, const char* key) {
  const auto it = summary.find(key);
  return it != summary.end() && it->is_number_integer() && *it >= 0 ? it->get<uint64_t>() : 0;
}

// The batch summary (BatchSummary::ToJson) in sentences.
std::string SummaryCard(const nlohmann::ordered_json& summary, const HtmlLabels& L) {
  static const nlohmann::ordered_json kEmpty = nlohmann::ordered_json::object();
  const auto object = [&](const char* key) -> const nlohmann::ordered_json& {
    const auto it = summary.find(key);
    return it == summary.end() || !it->is_object() ? kEmpty : *it;
  };
  std::string out = "<section class=\"card\" id=\"summary\" aria-label=\"" + Label(L, "ui.summary") + "\">\n<dl>\n";
  std::string line = Esc(L.Count("ui.analysed", Number(summary, "documents"), Number(summary, "planned")));
  if (Number(summary, "failed") > 0) line += ", " + Esc(L.Count("ui.failed", Number(summary, "failed")));
  if (summary.value("interrupted", false)) line += ". " + Label(L, "ui.interrupted");
  out += Row(Label(L, "ui.documents"), line);
  std::map<std::string, uint64_t> types;
  for (const auto& [type, n] : object("entities").items()) types[type] = n.get<uint64_t>();
  out += Row(Label(L, "ui.found"), TypeCounts(types, L));
  out += Row(Label(L, "ui.recourses"), KeyCounts(object("recourses"), "kind", L));
  if (Number(summary, "failed") > 0) out += Row(Label(L, "ui.failures"), KeyCounts(object("failures"), "", L));
  std::string notes;
  constexpr std::pair<const char*, const char*> kNotes[] = {{"documents_without_entities", "ui.without_entities"},
                                                            {"documents_without_recourse", "ui.without_recourse"},
                                                            {"documents_with_diagnostics", "ui.with_diagnostics"}};
  for (const auto& [key, label] : kNotes) {
    const uint64_t n = Number(summary, key);
    if (n > 0) notes += (notes.empty() ? "" : ", ") + Esc(L.Count(label, n));
  }
  if (!notes.empty()) out += Row("", notes);
  if (!object("diagnostics").empty()) out += Row(Label(L, "ui.diagnostics"), KeyCounts(object("diagnostics"), "", L));
  return out + "</dl>\n</section>\n";
}

}  // namespace

std::string RenderHtmlPage(const Document& doc, HtmlLang lang) {
  const HtmlLabels& L = HtmlLabels::For(lang);
  std::string out = Head(doc.path, L);
  out += "<header><h1>lexfr — " + Esc(doc.path) + "</h1>\n<p class=\"source\">" + SourceLine(doc, L) +
         "</p></header>\n<main>\n";
  out += RecourseCard(doc.recourse, L);
  out += "<section id=\"text\">\n<h2>" + Label(L, "ui.text") + "</h2>\n" + Legend(L) + "<div class=\"doc\">" +
         RenderMarkedText(doc, L) + "</div>\n</section>\n";
  out += EntityTable(doc.entities, L);
  out += QuoteList(doc.quotes, L);
  out += DiagnosticList(doc.decoded.diagnostics, L);
  return out + "</main>\n" + Tail(true);
}

std::string RenderHtmlErrorPage(const std::string& path, const Status& error, HtmlLang lang) {
  return Head(path, HtmlLabels::For(lang)) + "<h1>lexfr — " + Esc(path) + "</h1>\n<p class=\"error\">" +
         Esc(error.code()) + ": " + Esc(error.message()) + "</p>\n" + Tail(false);
}

std::string RenderHtmlIndex(const nlohmann::ordered_json& summary, const std::vector<HtmlIndexRow>& rows,
                            HtmlLang lang) {
  const HtmlLabels& L = HtmlLabels::For(lang);
  std::string out = Head("index", L);
  out += "<h1>lexfr — " + Esc(L.Count("ui.inputs", rows.size())) + "</h1>\n" + SummaryCard(summary, L);
  out += "<h2>" + Label(L, "ui.documents") + "</h2>\n<table>\n<thead><tr><th>" + Label(L, "ui.document") + "</th><th>" +
         Label(L, "ui.format") + "</th><th>" + Label(L, "ui.pages") + "</th><th>" + Label(L, "ui.court") + "</th><th>" +
         Label(L, "ui.kind") + "</th><th>" + Label(L, "ui.status") + "</th><th>" + Label(L, "ui.entities") + "</th>";
  for (const EntityType t : kTypes) {
    out += "<th>" + Esc(L.Form(std::string("type.") + EntityTypeName(t), 2)) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const HtmlIndexRow& r : rows) {
    if (r.link.empty()) {  // an input without a page (a folder that could not be read)
      out += "<tr><td>" + Esc(r.path) + "</td>";
    } else {
      out += "<tr><td><a href=\"" + Esc(EscapeUrlPath(r.link)) + "\">" + Esc(r.path) + "</a></td>";
    }
    if (!r.error.empty()) {
      out += "<td class=\"error\" colspan=\"" + std::to_string(6 + std::size(kTypes)) + "\">" + Esc(r.error) +
             "</td></tr>\n";
      continue;
    }
    out += "<td>" + (r.format.empty() ? "—" : Esc(L.Value("format", r.format))) + "</td><td class=\"num\">" +
           (r.pages == 0 ? "—" : std::to_string(r.pages)) + "</td>";
    out += "<td>" + OrDash(r.court) + "</td><td>" + (r.kind.empty() ? "—" : Esc(L.Value("kind", r.kind))) +
           "</td><td>" + (r.status.empty() ? "—" : Esc(L.Value("status", r.status))) + "</td><td class=\"num\">" +
           std::to_string(r.entities) + "</td>";
    for (const EntityType t : kTypes) {
      const auto it = r.entity_types.find(EntityTypeName(t));
      out += "<td class=\"num\">" + std::to_string(it == r.entity_types.end() ? 0 : it->second) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n" + Tail(false);
}

}  // namespace lexfr
