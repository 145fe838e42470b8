// Articles: "article 48 du RGPD", "articles 6, 9 et 48 du RGPD", "articles
// L. 1461-1 à L. 1461-3 du CSP", "art. 9, paragraphe 2, point a)", "l'article
// 5 dudit règlement", "section 702 FISA".
//
// Reads: an article head and its list of numbers (with their parts: § 2,
// point a), lists and ranges), then the instrument the list belongs to: one
// named after it, one named just before ("FISA section 702"), the one last
// named of a kind ("du même code"), or the one last named at all ("Article
// 45"). Gives: one LEGAL_REF per article, with the instrument's key.
#include "recognise/legal_refs/articles.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "recognise/legal_refs/acts.h"
#include "recognise/legal_refs/identifiers.h"
#include "text/text_util.h"

namespace lexfr::legal_refs {
namespace {

bool IsArticleHead(std::string_view f) {
  return f == "article" || f == "articles" || f == "art." || f == "arts" || f == "arts.";
}

// "L." "R." "D." "LO" before an article number of a code.
bool IsCodePrefix(const Tokens& t, uint32_t j) {
  const std::string_view raw = t.T(j);
  return raw == "L." || raw == "R." || raw == "D." || raw == "A." || raw == "L" || raw == "R" || raw == "D" ||
         raw == "LO" || raw == "L.O.";
}

// An article key numbered as codes number theirs: "L851-3", "R112-4".
bool IsCodeNumbered(std::string_view article) {
  return article.size() > 1 && (article[0] == 'L' || article[0] == 'R' || article[0] == 'D') && article[1] >= '0' &&
         article[1] <= '9';
}

// A point letter: "a", "b)" — not the verb "a" ("§ 2 a été").
bool IsPointLetter(const Tokens& t, uint32_t j) {
  const std::string_view raw = t.T(j);
  if (raw.size() != 1 || raw[0] < 'a' || raw[0] > 'z') return false;
  const std::string_view next = t.F(j + 1);
  return next == ")" || next.empty() || !t.SameSentence(j, j + 1) || t.K(j + 1) == TokenKind::kPunct || next == "du" ||
         next == "de" || next == "des" || next == "d'" || next == "et" || next == "ou";
}

// After ", 9" in a list: the item must end like an article number does,
// not "5, 3 ans plus tard".
bool ListItemEndsWell(const Tokens& t, uint32_t e, uint32_t head) {
  if (e >= t.size() || !t.SameSentence(e, head)) return true;
  if (t.K(e) == TokenKind::kPunct) return true;
  if (t.K(e) != TokenKind::kWord) return false;
  return t.W(e).list_link || IsUpperInitial(t.T(e));
}

// A bare kind word ("de la loi", "du code") ends there, not "du code de la
// route" or "de la loi relative à …", which name an instrument we do not know.
bool BareKindWordEnds(const Tokens& t, uint32_t e, uint32_t head) {
  if (e >= t.size() || !t.SameSentence(e, head)) return true;
  const std::string_view f = t.F(e);
  if (t.K(e) == TokenKind::kPunct) return f != "(" && !IsQuote(f);
  return t.W(e).kind_follower;
}

uint32_t SkipPrecite(const Tokens& t, uint32_t e) {
  return t.F(e).starts_with("precite") || t.F(e).starts_with("susvise") ? e + 1 : e;
}

// Past "article", "articles", "l'article" before the next number of a list.
uint32_t SkipArticleHead(const Tokens& t, uint32_t k) {
  if (t.F(k) == "l'" && IsArticleHead(t.F(k + 1))) return k + 2;
  if (IsArticleHead(t.F(k))) return k + 1;
  return k;
}

bool IsDegree(const Tokens& t, uint32_t j) { return t.F(j) == "°" && t.Glued(j); }

bool IsLowerLetter(std::string_view raw) { return raw.size() == 1 && raw[0] >= 'a' && raw[0] <= 'z'; }

// The part of an article written just before `e`, read backwards: "II",
// "4°", "a)", and a bare "2" after "le", "du", "au" (« du 2 de l'article 119
// bis »). Gives its text and its first token.
bool PartBefore(const Tokens& t, uint32_t e, uint32_t* first, std::string* part) {
  if (e < 2) return false;
  const uint32_t j = e - 1;
  if (t.IsPartRoman(j)) {
    *first = j;
  } else if (IsDegree(t, j) && t.IsNumber(j - 1) && IsAsciiDigits(t.T(j - 1))) {
    *first = j - 1;
  } else if (t.F(j) == ")" && t.Glued(j) && IsLowerLetter(t.T(j - 1))) {
    *first = j - 1;
  } else if (t.IsNumber(j) && IsAsciiDigits(t.T(j)) && t.T(j).size() <= 2 &&
             (t.F(j - 1) == "le" || t.F(j - 1) == "du" || t.F(j - 1) == "au")) {
    *first = j;
  } else {
    return false;
  }
  *part = std::string(t.T(*first));
  return true;
}

// « I de l'article 128 », « 4° du II de l'article L. 521-3 »: the parts
// named before the article head at i, innermost first, as the key writes
// them after the number ("-II-4"). Gives the first token of the outermost.
std::string PartsBefore(const Tokens& t, uint32_t i, uint32_t* first) {
  std::string parts;
  if (i < 3 || t.F(i - 1) != "l'" || t.F(i - 2) != "de") return parts;
  uint32_t e = i - 2;
  for (int depth = 0; depth < 3; ++depth) {
    uint32_t f = 0;
    std::string part;
    if (!PartBefore(t, e, &f, &part) || !t.SameSentence(f, i)) break;
    parts += "-" + part;
    *first = f;
    if (t.F(f - 1) != "du") break;
    e = f - 1;
  }
  return parts;
}

// « deuxième alinéa » after an article: where it ends, or `k`. Alinéas
// do not join the key.
uint32_t SkipOrdinalAlinea(const Tokens& t, uint32_t k) {
  const std::string_view f = t.F(k);
  const bool ordinal = f == "premier" || f == "dernier" || f == "avant-dernier" ||
                       (f.ends_with("ieme") && f.size() <= 10);
  return ordinal && (t.F(k + 1) == "alinea" || t.F(k + 1) == "phrase") ? k + 2 : k;
}

// « articles 12 à 14 »: the whole numbers strictly inside a range, each an
// article of its own, spanning the « à » that made it a range. Ranges of
// code numbers (« L. 821-5 à L. 821-7 ») keep their two ends: what lies
// between them is not a count.
void AddRangeInside(const std::string& low, const std::string& high, uint32_t connector,
                    std::vector<ArticleItem>* items) {
  constexpr size_t kMaxRangeInside = 30;
  if (!IsAsciiDigits(low) || !IsAsciiDigits(high) || low.size() > 6 || high.size() > 6) return;
  const unsigned lo = std::stoul(low), hi = std::stoul(high);
  if (hi <= lo || hi - lo > kMaxRangeInside) return;
  for (unsigned n = lo + 1; n < hi; ++n) {
    ArticleItem inside;
    inside.first = connector;
    inside.end = connector + 1;
    inside.article = std::to_string(n);
    inside.inside_range = true;
    inside.range = true;
    items->push_back(std::move(inside));
  }
}

// The article number at k and its parts.
bool ReadItem(const Tokens& t, uint32_t k, ArticleItem* item) {
  item->first = k;
  if (!ArticleNumber(t, k, &item->end, &item->article)) return false;
  SubParts(t, &item->end, &item->article);
  return true;
}

enum class Attach { kNone, kUnresolved, kFound };

// The instrument an article list at `pos` belongs to: "du RGPD", "de la
// loi n° 78-17", "du même règlement", "dudit code", "de la loi précitée",
// "702 FISA". kUnresolved when a complement names something unknown
// ("du contrat", "du code de la route"): then no reference is emitted.
Attach AttachedInstrument(const Context& c, const Memory& m, uint32_t pos, uint32_t head, Found* found) {
  const Tokens& t = c.tokens;
  uint32_t k = pos;
  bool connector = false, anaphoric = false;
  // "article 4, point 11), du RGPD"
  if (t.F(k) == "," && (t.F(k + 1) == "du" || t.F(k + 1) == "de" || t.F(k + 1) == "dudit")) ++k;
  const std::string_view f = t.F(k);
  if (!t.SameSentence(k, head)) return Attach::kNone;
  if (f == "du" || f == "d'") {
    connector = true;
    ++k;
  } else if (f == "dudit" || f == "desdits" || f == "desdites") {
    connector = anaphoric = true;
    ++k;
  } else if (f == "de" || f == "des") {
    connector = true;
    ++k;
    if (t.F(k) == "la" || t.F(k) == "l'") {
      ++k;
    } else if (t.F(k) == "ladite" || t.F(k) == "ce" || t.F(k) == "cette" || t.F(k) == "cet") {
      anaphoric = true;
      ++k;
    }
  }
  if (t.F(k) == "meme") {
    anaphoric = true;
    ++k;
  }
  if (t.F(k) == "present" || t.F(k) == "presente") return connector ? Attach::kUnresolved : Attach::kNone;
  if (!anaphoric) {
    if (std::optional<Found> named = ParseInstrument(c, k, true)) {
      *found = std::move(*named);
      found->end = SkipPrecite(t, found->end);
      return Attach::kFound;
    }
  }
  // "du même texte", "dudit texte", "de celle-ci": whatever was named last.
  const bool pronoun = (t.F(k) == "celle" || t.F(k) == "celui") && t.IsDash(k + 1) && t.F(k + 2) == "ci";
  if (pronoun && connector) {
    if (!m.last) return Attach::kUnresolved;
    found->end = k + 3;
    found->ref = *m.last;
    return Attach::kFound;
  }
  if (anaphoric && t.F(k) == "texte") {
    if (!m.last) return Attach::kUnresolved;
    found->end = SkipPrecite(t, k + 1);
    found->ref = *m.last;
    return Attach::kFound;
  }
  const Kind kind = KindOfWord(t.F(k));
  if (kind != Kind::kOther && (connector || anaphoric)) {
    const uint32_t e = SkipPrecite(t, k + 1);
    if (anaphoric || e > k + 1 || BareKindWordEnds(t, k + 1, head)) {
      const std::optional<Ref>& last = m.last_by_kind[static_cast<size_t>(kind)];
      if (!last) return Attach::kUnresolved;
      found->end = e;
      found->ref = *last;
      return Attach::kFound;
    }
  }
  return connector ? Attach::kUnresolved : Attach::kNone;
}

// "article L. 121-1 du code de la consommation, L. 420-1 du code de
// commerce": further articles, each with its own instrument.
uint32_t ChainedArticles(const Context& c, uint32_t pos, uint32_t head, Memory* m) {
  const Tokens& t = c.tokens;
  for (int guard = 0; guard < 20; ++guard) {
    uint32_t k = pos;
    if (t.F(k) == ",") ++k;
    if (t.F(k) == "et" || t.F(k) == "ou") ++k;
    if (k == pos || !t.SameSentence(k, head)) break;
    ArticleItem item;
    if (!ReadItem(t, SkipArticleHead(t, k), &item)) break;
    Found found;
    if (AttachedInstrument(c, *m, item.end, head, &found) != Attach::kFound) break;
    Remember(m, found.ref);
    Emit(m, item.first, found.end, found.ref, item.article);
    pos = found.end;
  }
  return pos;
}

}  // namespace

// One article number: "48", "1er", "L. 1111-8", "L1111-8", "R. 4127-1",
// "45 bis", "9.2" (-> "9-2").
bool ArticleNumber(const Tokens& t, uint32_t j, uint32_t* end, std::string* out) {
  std::string prefix;
  if (IsCodePrefix(t, j) && t.IsNumber(j + 1) && t.SameSentence(j, j + 1)) {
    for (char c : t.T(j)) {
      if (c != '.') prefix += c;
    }
    ++j;
  }
  const std::string_view f = t.F(j);
  if (f == "1er" || (f == "premier" && prefix.empty())) {
    *out = prefix + "1";
    *end = j + 1;
    return true;
  }
  if (!t.IsNumber(j)) return false;
  std::string_view raw = t.T(j);
  size_t letters = 0;
  while (letters < raw.size() && raw[letters] >= 'A' && raw[letters] <= 'Z') ++letters;
  if (letters > 0) {
    const std::string_view glued = raw.substr(0, letters);
    if (!prefix.empty() || !(glued == "L" || glued == "R" || glued == "D" || glued == "LO")) return false;
    prefix = std::string(glued);
    raw.remove_prefix(letters);
  }
  if (raw.empty() || !StartsWithDigit(raw)) return false;
  std::string num;
  for (char c : raw) {
    if (c >= '0' && c <= '9') {
      num += c;
    } else if (c == '.' && !num.empty() && num.back() != '-') {
      num += '-';  // "9.2": paragraph 2
    } else {
      return false;
    }
  }
  if (num.size() > 9) return false;
  ++j;
  // « L. 1111-8 », and « R. 571- 44 » as a line break or a slip writes it:
  // a hyphen glued to the number before it joins the next one
  while (t.IsDash(j) && t.Glued(j) && t.IsNumber(j + 1) && IsAsciiDigits(t.T(j + 1)) && t.SameSentence(j, j + 1)) {
    num += "-";
    num += t.T(j + 1);
    j += 2;
  }
  // « 119 bis » -> "119bis", as CONTRACT.md writes it (« 2 de l'article 119
  // bis » -> 119bis-2)
  if (t.W(j).latin_ordinal && t.SameSentence(j - 1, j)) {
    num += t.F(j);
    ++j;
  }
  // "L. 161-36-1 A": a capital letter that is part of the number.
  const std::string_view letter = t.T(j);
  if (letter.size() == 1 && letter[0] >= 'A' && letter[0] <= 'Z' && t.SameSentence(j - 1, j) &&
      (t.F(j + 1) == "du" || t.F(j + 1) == "de" || t.F(j + 1) == "," || t.F(j + 1) == "et")) {
    num += letter;
    ++j;
  }
  *out = prefix + num;
  *end = j;
  return true;
}

// ", paragraphe 2, point a)", "§ 2 a", "(2)(a)", ", alinéa 3" after an
// article number: paragraphs and points join the key ("9-2-a"); alinéas of
// French texts do not.
void SubParts(const Tokens& t, uint32_t* pos, std::string* out) {
  bool after_paragraph = false;
  for (int guard = 0; guard < 6; ++guard) {
    uint32_t k = *pos;
    if (!t.SameSentence(k, *pos - 1)) return;
    if (t.F(k) == ",") ++k;
    const std::string_view f = t.F(k);
    std::string part;
    uint32_t next = 0;
    if ((f == "paragraphe" || f == "par." || f == "para." || f == "§" || f == "paragraph") &&
        (t.IsNumber(k + 1) || t.F(k + 1) == "1er")) {
      part = t.F(k + 1) == "1er" ? "1" : std::string(t.T(k + 1));
      next = k + 2;
      if (!IsAsciiAlnum(part)) return;
      if (IsPointLetter(t, next)) {
        part += "-";
        part += t.T(next);
        ++next;
        if (t.F(next) == ")") ++next;
      }
      after_paragraph = true;
    } else if (after_paragraph && k > *pos && IsPointLetter(t, k) && t.F(k + 1) == ")") {
      // « article 5, paragraphe 1, c) du RGPD »: the point without its word
      part = std::string(t.T(k));
      next = k + 2;
    } else if ((f == "point" || f == "points" || f == "sous") &&
               (IsPointLetter(t, k + 1) || (t.IsNumber(k + 1) && IsAsciiAlnum(t.T(k + 1))))) {
      part = std::string(t.T(k + 1));
      next = k + 2;
      if (t.F(next) == ")") ++next;
    } else if (f == "(" && k == *pos && t.Glued(k) && IsAsciiAlnum(t.T(k + 1)) && t.T(k + 1).size() <= 3 &&
               t.F(k + 2) == ")") {
      part = std::string(t.T(k + 1));
      next = k + 3;
    } else if ((f == "alinea" || f == "al.") && (t.IsNumber(k + 1) || t.F(k + 1) == "1er" || t.F(k + 1) == "premier")) {
      *pos = k + 2;
      continue;
    } else if (k > *pos && SkipOrdinalAlinea(t, k) > k) {
      *pos = SkipOrdinalAlinea(t, k);
      continue;
    } else if (t.IsDash(k) && k == *pos && t.Glued(k) && t.Glued(k + 1) &&
               (t.IsPartRoman(k + 1) || (t.IsNumber(k + 1) && IsDegree(t, k + 2)))) {
      // « article 9-II-3° b) »
      part = std::string(t.T(k + 1));
      next = IsDegree(t, k + 2) ? k + 3 : k + 2;
      after_paragraph = true;
    } else if (t.IsPartRoman(k) && (k > *pos || IsDegree(t, *pos - 1) || t.Glued(k) == false) &&
               !IsUpperInitial(t.T(k + 1)) && t.F(k + 1) != "-") {
      // « article 17, II », « article 17 II de la loi »
      part = std::string(t.T(k));
      next = k + 1;
      after_paragraph = true;
    } else if (k > *pos && t.IsNumber(k) && IsDegree(t, k + 1) && IsAsciiDigits(t.T(k))) {
      // « article 17, II, 3° »
      part = std::string(t.T(k));
      next = k + 2;
      after_paragraph = true;
    } else if (f == "." && k == *pos && t.Glued(k) && t.Glued(k + 1) && IsPointLetter(t, k + 1)) {
      // « article 5.1.c du RGPD »
      part = std::string(t.T(k + 1));
      next = t.F(k + 2) == ")" ? k + 3 : k + 2;
    } else if (after_paragraph && k == *pos && IsPointLetter(t, k) && t.F(k + 1) == ")") {
      // « 3° b) »
      part = std::string(t.T(k));
      next = k + 2;
    } else {
      return;
    }
    if (part.empty() || part.size() > 6) return;
    *out += "-";
    *out += part;
    *pos = next;
  }
}

ArticleList ReadArticleList(const Tokens& t, uint32_t i) {
  ArticleList list;
  const std::string_view head = t.F(i);
  list.section = head == "section" || head == "sections";
  uint32_t j = i + 1;
  if (head == "art" && t.F(j) == "." && t.Glued(j))
    ++j;
  else if (!IsArticleHead(head) && !list.section)
    return list;

  ArticleItem first;
  if (!t.SameSentence(i, j) || !ReadItem(t, j, &first)) return list;
  first.first = i;  // the first reference spans its head
  list.items.push_back(std::move(first));
  uint32_t pos = list.items.back().end;
  for (int guard = 0; guard < 30; ++guard) {
    uint32_t k = pos;
    if (!t.SameSentence(k, i)) break;
    bool comma_only = false;
    const uint32_t connector = k;
    // each token's folded text read once: each F() goes through the view
    const std::string_view link = t.F(k);
    const bool range = (link == "a" && t.T(k) != "a") || link == "au";
    if (link == ",") {
      ++k;
      comma_only = true;
      const std::string_view after_comma = t.F(k);
      if (after_comma == "et" || after_comma == "ou") {
        ++k;
        comma_only = false;
      }
    } else if (link == "et" || link == "ou" || range) {
      ++k;
    } else {
      break;
    }
    const std::string_view next = t.F(k);
    if (next == "suivants" || next == "suiv." || next == "s.") {
      pos = k + 1;
      break;
    }
    if (next == "s" && t.F(k + 1) == "." && t.Glued(k + 1)) {
      pos = k + 2;
      break;
    }
    k = SkipArticleHead(t, k);
    ArticleItem item;
    if (!t.SameSentence(k, i) || !ReadItem(t, k, &item)) break;
    if (comma_only && !ListItemEndsWell(t, item.end, i)) break;
    pos = item.end;
    if (range) {
      list.items.back().range = item.range = true;
      AddRangeInside(list.items.back().article, item.article, connector, &list.items);
    }
    list.items.push_back(std::move(item));
  }
  list.end = pos;
  return list;
}

uint32_t ScanArticles(const Context& c, uint32_t i, Memory* m) {
  const Tokens& t = c.tokens;
  const ArticleList list = ReadArticleList(t, i);
  if (list.items.empty()) return 0;
  const uint32_t pos = list.end;
  Found found;
  uint32_t span_first = i;
  const Attach attach = AttachedInstrument(c, *m, pos, i, &found);
  if (attach == Attach::kUnresolved) return pos;
  if (attach == Attach::kNone) {
    // "Article 2 : La présente ordonnance sera notifiée": the document's
    // own article, not one of the instrument last named.
    // « qu'aux termes de l'article 20 : « … » » quotes an article of the
    // text last named; a heading « DE L'ARTICLE 2 : » is the document's own.
    const bool quoted_within_sentence = t.F(i - 1) == "l'" && t.T(i).starts_with("a");
    if (t.F(pos) == ":" && !quoted_within_sentence) return pos;
    // "FISA section 702", "RGPD, article 6": the instrument just before.
    const bool adjacent = m->bare_end != 0 && !m->out.empty() &&
                          (m->bare_end == i || (m->bare_end + 1 == i && t.F(m->bare_end) == ","));
    if (adjacent && t.SameSentence(m->bare_first, i)) {
      found.ref = m->bare_ref;
      span_first = m->bare_first;
      m->out.pop_back();
    } else if (!list.section && m->quote_end > i) {
      // An article a quoted provision cites without its instrument is one
      // of the provision's own instrument, not of the last one named.
      found.ref = m->quoted_ref;
    } else if (const auto known = m->code_of_article.find(list.items[0].article);
               !list.section && known != m->code_of_article.end()) {
      // « l'article L. 811-3 » after « L. 811-3 du code de la sécurité
      // intérieure »: the code the text gave it, even when another code was
      // named in between; the articles that follow bare are that code's.
      found.ref = RefOfKey(c.tables, known->second, "", true);
      Remember(m, found.ref);
    } else if (!list.section && m->last) {
      found.ref = *m->last;
      // « L. 851-3 » is numbered as a code numbers its articles: when a law
      // was named last, the article is still the last code's
      const std::optional<Ref>& code = m->last_by_kind[static_cast<size_t>(Kind::kCode)];
      if (found.ref.kind != Kind::kCode && code && IsCodeNumbered(list.items[0].article)) found.ref = *code;
    } else {
      return pos;
    }
    found.end = pos;
  } else {
    Remember(m, found.ref);
    if (found.ref.kind == Kind::kCode && c.tables.by_id.contains(found.ref.key)) {
      for (const ArticleItem& item : list.items) {
        if (!IsCodeNumbered(item.article)) continue;
        auto [it, added] = m->code_of_article.try_emplace(item.article, found.ref.key);
        if (!added && it->second != found.ref.key) it->second = found.ref.key;
      }
    }
  }
  uint32_t parts_first = span_first;
  const std::string parts_before = PartsBefore(t, i, &parts_first);
  for (size_t k = 0; k < list.items.size(); ++k) {
    const uint32_t first = k == 0 ? std::min(span_first, parts_first) : list.items[k].first;
    std::string article = list.items[k].article;
    if (k == 0) article += parts_before;
    const uint32_t end = k + 1 == list.items.size() ? found.end : list.items[k].end;
    Emit(m, first, end, found.ref, std::move(article), list.items[k].inside_range, list.items[k].range);
  }
  m->last_article_end = found.end;
  m->last_article_ref = std::move(found.ref);  // not read below: the chain starts from found.end
  return attach == Attach::kFound ? ChainedArticles(c, found.end, i, m) : found.end;
}

}  // namespace lexfr::legal_refs
