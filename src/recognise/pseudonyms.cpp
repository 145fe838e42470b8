// Pseudonymised names (recognise/pseudonyms.h).
#include "recognise/pseudonyms.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <map>
#include <span>
#include <utility>

#include "text/segment.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

// « M. [I] [J]-[X] » has four parts; no published name has more.
constexpr size_t kMaxUnits = 4;
// « [Date naissance 1] »: the longest placeholder has three words.
constexpr size_t kMaxPlaceholderTokens = 4;
// « Mutuelles [Localité 8] assurances IARD »: an organisation's name holding
// a placeholder is short.
constexpr size_t kMaxOrgTokens = 8;
// « [O] [G] et [D] [I] » is thirteen tokens: four partners' placeholders
// and their joiners.
constexpr size_t kMaxPlaceholderNameTokens = 24;

// One placeholder: « [N] », « [5] », « B... », « E » (bare, after a title
// only), or a typed one « [Adresse 1] » that names nobody.
enum class UnitKind { kNone, kName, kBare, kTyped };

struct Unit {
  UnitKind kind = UnitKind::kNone;
  size_t end = 0;  // one past its last token
};

struct Reader {
  const TokenView& view;
  const Lexicon& lexicon;

  size_t size() const { return view.size(); }
  std::string_view Str(size_t i) const { return i < size() ? view.Text(i) : std::string_view(); }
  bool Word(size_t i) const { return i < size() && view.token(i).kind == TokenKind::kWord; }
  bool Glued(size_t i) const { return view.Has(i, kGlued); }
  // On the same line as the token before it: names never span a line break.
  bool SameLine(size_t i) const { return i < size() && !view.Has(i, kLineBreakBefore); }
  bool Determiner(size_t i) const { return lexicon.word(view.Id(i)).determiner; }
  std::string Span(size_t first, size_t end) const { return std::string(view.Span(first, end)); }
};


// Only dots (« ... », « . ») or an ellipsis (« … »).
bool IsDots(std::string_view s) {
  if (s.empty()) return false;
  if (s == "\xE2\x80\xA6") return true;
  for (const char c : s) {
    if (c != '.') return false;
  }
  return true;
}

// « [ … ] » from `i`: a name placeholder when it holds one token of capitals
// or digits (« [N] », « [5] »), typed when it holds words (« [Adresse 1] »).
Unit BracketAt(const Reader& r, size_t i) {
  if (r.Str(i) != "[") return {};
  size_t k = i + 1;
  while (k < r.size() && k <= i + kMaxPlaceholderTokens && r.SameLine(k) && r.Str(k) != "]") {
    if (r.view.token(k).kind == TokenKind::kPunct) return {};  // « [...] » cuts a quotation
    ++k;
  }
  if (r.Str(k) != "]" || k == i + 1) return {};
  const std::string_view inside = r.Str(i + 1);
  const bool name = k == i + 2 && (IsAllUpper(inside) || IsAsciiDigits(inside)) && CountCodePoints(inside) <= 3;
  return {name ? UnitKind::kName : UnitKind::kTyped, k + 1};
}

// « B... » / « B… » from `i` (however the segmenter cut the dots), or a bare
// capital « E » not followed by a period (« L. » is an initial, not a
// placeholder).
// Token j: a number of five digits or more, what the segmenter cuts off a
// signature (« Mme O C435178 »).
bool GluedDecisionNumber(const Reader& r, size_t j) {
  return j < r.size() && r.view.token(j).kind == TokenKind::kNumber && r.Str(j).size() >= kMinGluedNumberDigits && IsAsciiDigits(r.Str(j));
}

Unit InitialAt(const Reader& r, size_t i) {
  const std::string_view s = r.Str(i);
  if (s.empty()) return {};
  // the letter, then the dots the token itself kept (« B. » as an abbreviation);
  // an ASCII letter is told by its byte, without ICU
  size_t letter_end = 0;
  if (const auto first = static_cast<uint8_t>(s[0]); first < 0x80) {
    if (first < 'A' || first > 'Z') return {};
    letter_end = 1;
  } else {
    if (!IsUpperInitial(s)) return {};
    NextCodePoint(s, &letter_end);
    if (!IsAllUpper(s.substr(0, letter_end))) return {};
  }
  const std::string_view own_dots = s.substr(letter_end);
  if (!own_dots.empty() && !IsDots(own_dots)) return {};
  // the dots' bytes, own and glued after: only their count is read
  size_t dots = own_dots.size();
  size_t end = i + 1;
  while (end < r.size() && r.Glued(end) && IsDots(r.Str(end))) dots += r.Str(end++).size();
  if (dots == 0) {
    // A capital glued to the next word (« A380 ») is no initial, nor one
    // before a hyphen: « J-Y Ollier » is a given name cut short. The
    // segmenter cut « Mme E G433212 » (the decision's number glued to the
    // signature, text/segment.h) before the number: « G » is an initial.
    const TokenKind next = r.view.token(i + 1 < r.size() ? i + 1 : i).kind;
    const bool glued_on = r.Glued(i + 1) && ((next != TokenKind::kPunct && !GluedDecisionNumber(r, i + 1)) ||
                                            r.Str(i + 1) == "-");
    return glued_on ? Unit{} : Unit{UnitKind::kBare, i + 1};
  }
  if (dots >= 2) return {UnitKind::kName, end};  // « ... » is three bytes, « … » three too
  return {};
}

// Whether a placeholder may start at token i: « [ », or a token no longer
// than one letter (a code point is at most four bytes) and the dots
// InitialAt allows after it. A filter on bytes in front of UnitAt, which
// asks ICU of the letter: most capitalised words (« Conseil ») are longer,
// and an ASCII letter is one byte, so that « Le » or « CNIL » is told by its
// second.
bool MayStartUnit(const Reader& r, size_t i) {
  const std::string_view s = r.Str(i);
  // « [ », « B. »; dots start with « . » and an ellipsis with 0xE2, which
  // tells « Conseil » without a call
  if (!s.empty() && static_cast<uint8_t>(s[0]) < 0x80) {
    return s.size() == 1 || ((s[1] == '.' || s[1] == '\xE2') && IsDots(s.substr(1)));
  }
  if (s.size() <= 4) return true;  // « É », « É. »
  return std::all_of(s.begin() + 4, s.end(), [](char c) { return c == '.' || (static_cast<uint8_t>(c) & 0x80) != 0; });
}

Unit UnitAt(const Reader& r, size_t i) {
  if (i >= r.size()) return {};
  if (const Unit b = BracketAt(r, i); b.kind != UnitKind::kNone) return b;
  return InitialAt(r, i);
}

// The end of a person's name of placeholders from `s`: name placeholders
// (« [N] [U] », « [J]-[X] », « B... A... »), or, after a title only, one to
// three bare capitals (« E I »). Returns s when there is none; `units` gets
// their number.
size_t PersonEnd(const Reader& r, size_t s, bool titled, size_t* units) {
  *units = 0;
  size_t end = s;
  bool bare = false;
  while (*units < kMaxUnits && end < r.size() && (end == s || r.SameLine(end))) {
    size_t at = end;
    if (end > s && r.Str(end) == "-" && r.Glued(end) && r.Glued(end + 1)) at = end + 1;  // « [J]-[X] »
    const Unit u = UnitAt(r, at);
    if (u.kind == UnitKind::kName && !bare) {
      end = u.end;
    } else if (u.kind == UnitKind::kBare && titled && (*units == 0 || bare) && at == end) {
      bare = true;
      end = u.end;
    } else {
      break;
    }
    ++*units;
  }
  // bare capitals are the whole name: « M. A Bernard » is no placeholder
  if (bare && end < r.size() && r.SameLine(end) && IsUpperInitial(r.Str(end))) return s;
  if (bare && *units > 3) return s;
  return end;
}

// A name added to `out`, made in place: a Candidate is six strings, each
// moved one by one when a Candidate made apart was pushed.
Candidate& AddName(std::vector<Candidate>* out, EntityType type, size_t first, size_t end, std::string canonical) {
  Candidate& c = out->emplace_back();
  c.type = type;
  c.first_token = static_cast<uint32_t>(first);
  c.end_token = static_cast<uint32_t>(end);
  c.canonical = std::move(canonical);
  c.priority = priority::kPseudonym;
  return c;
}

// A person found: its candidate is `(*out)[candidate]`, written in place
// there, where a list of found persons holding their candidates moved each
// one's strings at every growth and once more into the output.
struct PersonFound {
  size_t candidate = 0;
  size_t units = 0;
  std::string last;  // the last placeholder as written: « [U] », « I »
};

// The first token at or after `from` that is capitalised or starts with
// « [ », or size(): a title (« M. », « Mme ») and an initial are
// capitalised, a placeholder opens with « [ ». Most tokens are neither, and
// are passed over in one tight loop of their flags; the text is read for
// « [ » only between two tokens where memchr found one, most texts having
// few or none (reading every token's first byte was half the stage).
class Openings {
 public:
  explicit Openings(const Reader& r) : r_(r), text_(r.view.text()), tokens_(r.view.tokens().data()) {
    capital_ = FirstCapital(0);
    bracket_ = std::min(text_.find('['), text_.size());
  }

  // Called with `from` never decreasing: each token's flags and each byte
  // are read once in all, whatever the calls.
  size_t Next(size_t from) {
    const size_t n = r_.size();
    if (from >= n) return n;
    if (capital_ < from) capital_ = FirstCapital(from);
    const size_t first_byte = tokens_[from].byte_start;
    const size_t last_byte = capital_ < n ? tokens_[capital_].byte_start : text_.size();
    if (bracket_ < first_byte) bracket_ = std::min(text_.find('[', first_byte), text_.size());
    if (bracket_ >= last_byte) return capital_;
    // a « [ » byte before the capital: at a token's start, or inside one
    for (size_t i = from; i < capital_; ++i) {
      if (text_[tokens_[i].byte_start] == '[') return i;
    }
    return capital_;
  }

 private:
  // Eight tokens' flags a round, read as one word, and the capital's place
  // in it told by its lowest bit: a capital comes every few tokens, too
  // often for rounds that test and then step one token at a time to pay,
  // and one token a round was a sixth of the stage.
  size_t FirstCapital(size_t from) const {
    const std::span<const uint8_t> flags = r_.view.flags();
    const size_t n = flags.size();
    if constexpr (std::endian::native == std::endian::little) {
      constexpr uint64_t kCapitalBits = 0x0101010101010101u * kCapitalised;
      for (; from + 8 <= n; from += 8) {
        uint64_t word;
        std::memcpy(&word, flags.data() + from, sizeof word);
        if (const uint64_t capitals = word & kCapitalBits; capitals != 0) {
          return from + static_cast<size_t>(std::countr_zero(capitals)) / 8;  // the first byte is the lowest
        }
      }
    }
    while (from < n && (flags[from] & kCapitalised) == 0) ++from;
    return from;
  }

  const Reader& r_;
  std::string_view text_;
  const Token* tokens_;
  // The first capitalised token at or after the last call's `from`, and
  // the first « [ » byte at or after the last search's start.
  size_t capital_ = 0;
  size_t bracket_ = 0;
};

// The persons, their candidates added to `candidates`.
std::vector<PersonFound> FindPersons(const Reader& r, std::vector<Candidate>* candidates) {
  const NameWords& names = r.lexicon.names();
  std::vector<PersonFound> out;
  Openings openings(r);
  for (size_t i = openings.Next(0); i < r.size(); i = openings.Next(i + 1)) {
    if (!r.view.Has(i, kCapitalised) && !r.view.TextIs(i, "[")) continue;  // « [… » is no « [ »
    const auto title = r.lexicon.word(r.view.Id(i)).title_folded ? names.titles.find(r.Str(i)) : names.titles.end();
    const bool titled = title != names.titles.end() && r.SameLine(i + 1);
    // Without a title a name opens with a placeholder (PersonEnd).
    if (!titled && !MayStartUnit(r, i)) continue;
    const size_t s = titled ? i + 1 : i;
    size_t units = 0;
    const size_t end = PersonEnd(r, s, titled, &units);
    if (end == s || (!titled && units < 2)) continue;
    size_t last = end - 1;  // the last placeholder's first token
    while (last > s && !(UnitAt(r, last).end == end)) --last;
    Candidate& c = AddName(candidates, EntityType::kPerson, s, end, r.Span(s, end));
    if (titled) c.fields.title() = title->second;
    out.push_back({candidates->size() - 1, units, r.Span(last, end)});
    i = end - 1;
  }
  return out;
}

// « M. [U] » after « M. [N] [U] »: one placeholder names the full name of
// the same title that ends with it, when exactly one does; failing that, the
// only full name of any title that ends with it.
// The tables hold views of the full names' titles and canonicals and of the
// persons' last placeholders, which neither grow nor change meanwhile (only
// the one-placeholder names' canonicals are written), where copies of them
// were most of the pass.
void LinkShortMentions(const std::vector<PersonFound>& persons, std::vector<Candidate>* candidates) {
  // (title, last) -> canonicals
  std::map<std::pair<std::string_view, std::string_view>, std::vector<std::string_view>> by_title;
  std::map<std::string_view, std::vector<std::string_view>> by_last;
  const auto add_unique = [](std::vector<std::string_view>* v, std::string_view s) {
    for (const std::string_view x : *v) {
      if (x == s) return;
    }
    v->push_back(s);
  };
  for (const PersonFound& p : persons) {
    if (p.units < 2) continue;
    const Candidate& c = (*candidates)[p.candidate];
    add_unique(&by_title[{c.fields.title(), p.last}], c.canonical);
    add_unique(&by_last[p.last], c.canonical);
  }
  for (const PersonFound& p : persons) {
    if (p.units != 1) continue;
    Candidate& c = (*candidates)[p.candidate];
    const auto t = by_title.find({std::string_view(c.fields.title()), std::string_view(p.last)});
    if (t != by_title.end() && t->second.size() == 1) {
      c.canonical = t->second.front();
    } else if (const auto l = by_last.find(p.last); t == by_title.end() && l != by_last.end() && l->second.size() == 1) {
      c.canonical = l->second.front();
    }
  }
}

// The cue word as the canonical writes it: singular (« les sociétés [O] »
// names each as « société [O] ») when the list holds the singular.
std::string CueWord(const Reader& r, size_t cue) {
  const std::string_view folded = r.view.Folded(cue);
  std::string written = ToLower(r.Str(cue));
  if (folded.size() > 1 && folded.ends_with('s') && r.lexicon.names().org_cues.contains(folded.substr(0, folded.size() - 1))) {
    written.pop_back();
  }
  return written;
}

// « la société [O] [G] et [D] [I] »: placeholders joined by « et », « - »,
// « & » from `s`. Returns s when `s` holds no name placeholder.
size_t PlaceholderNameEnd(const Reader& r, size_t s) {
  size_t end = s;
  while (end < r.size() && end < s + kMaxPlaceholderNameTokens && (end == s || r.SameLine(end))) {
    const Unit u = UnitAt(r, end);
    if (u.kind == UnitKind::kName) {
      end = u.end;
      continue;
    }
    const bool joiner = r.Str(end) == "-" || r.Str(end) == "&" || r.lexicon.word(r.view.Id(end)).connector;
    if (end > s && joiner && UnitAt(r, end + 1).kind == UnitKind::kName && r.SameLine(end + 1)) {
      end = UnitAt(r, end + 1).end;
      continue;
    }
    break;
  }
  return end;
}

// « la société Mutuelles [Localité 8] assurances IARD »: from a capitalised
// word, words and placeholders up to a punctuation, a determiner or the line's
// end, ending on a capitalised word or a placeholder, holding a placeholder.
// Returns s when there is none.
size_t WordedNameEnd(const Reader& r, size_t s) {
  if (!r.Word(s) || !IsUpperInitial(r.Str(s))) return s;
  size_t end = s, last_good = s;
  bool holds_placeholder = false;
  while (end < r.size() && end < s + kMaxOrgTokens && (end == s || r.SameLine(end))) {
    const Unit u = UnitAt(r, end);
    if (u.kind == UnitKind::kName || u.kind == UnitKind::kTyped) {
      holds_placeholder = true;
      end = last_good = u.end;
      continue;
    }
    if (!r.Word(end) || r.Determiner(end)) break;
    if (IsUpperInitial(r.Str(end))) last_good = end + 1;
    ++end;
  }
  return holds_placeholder ? last_good : s;
}

// The first token at or after `from` whose word is an organisation's cue,
// or ids.size(): the token's id says it before any text is read. Four
// tokens a round, their cue bits or'ed and tested once, as most rounds hold
// no cue.
size_t NextCue(const Lexicon& lexicon, std::span<const uint32_t> ids, size_t from) {
  const WordInfo* const words = lexicon.words();
  const size_t n = ids.size();
  while (from + 4 <= n && !(words[ids[from]].org_cue | words[ids[from + 1]].org_cue | words[ids[from + 2]].org_cue |
                            words[ids[from + 3]].org_cue)) {
    from += 4;
  }
  while (from < n && !words[ids[from]].org_cue) ++from;
  return from;
}

void FindOrganisations(const Reader& r, std::vector<Candidate>* out) {
  const NameWords& names = r.lexicon.names();
  for (size_t i = NextCue(r.lexicon, r.view.ids(), 0); i + 1 < r.size(); i = NextCue(r.lexicon, r.view.ids(), i + 1)) {
    if (!r.lexicon.word(r.view.Id(i)).org_cue || !r.Word(i) || IsUpperInitial(r.Str(i))) continue;
    size_t s = i + 1;
    if (r.Determiner(s) && r.SameLine(s + 1)) ++s;  // « la société les … »
    if (!r.SameLine(s)) continue;
    if (const size_t end = PlaceholderNameEnd(r, s); end > s) {
      AddName(out, EntityType::kOrg, i, end, CueWord(r, i) + " " + r.Span(s, end)).fields.subtype() =
          names.org_cues.find(r.view.Folded(i))->second;
      i = end - 1;
    } else if (const size_t worded = WordedNameEnd(r, s); worded > s) {
      AddName(out, EntityType::kOrg, s, worded, r.Span(s, worded)).fields.subtype() =
          names.org_cues.find(r.view.Folded(i))->second;
      i = worded - 1;
    }
  }
}

}  // namespace

std::vector<Candidate> FindPseudonyms(const TokenView& view, const Lexicon& lexicon) {
  const Reader r{view, lexicon};
  std::vector<Candidate> out;
  FindOrganisations(r, &out);
  const std::vector<PersonFound> persons = FindPersons(r, &out);
  LinkShortMentions(persons, &out);
  return out;
}

}  // namespace lexfr
