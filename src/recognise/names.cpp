#include "recognise/names.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <span>
#include <utility>

#include "lexicon/lexicon.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

// No organisation or person name runs longer than this many tokens; the
// bound keeps a text of nothing but capitalised words linear.
constexpr size_t kMaxNameTokens = 12;

// The first of tokens [from, n) that starts at or after byte `byte`, or n;
// every token before `from` starts before it. Galloping from `from`: the
// steps are as many as the log of the tokens passed, so that finding every
// « ( » of a text stays linear however close they fall.
size_t FirstTokenFrom(const Token* toks, size_t n, size_t from, uint32_t byte) {
  size_t hi = from;
  for (size_t step = 1; hi < n && toks[hi].byte_start < byte; step *= 2) {
    from = hi + 1;
    hi += step;
  }
  const Token* const first = std::lower_bound(toks + from, toks + std::min(hi, n), byte,
                                              [](const Token& t, uint32_t b) { return t.byte_start < b; });
  return static_cast<size_t>(first - toks);
}

// Writes the tokens whose `flags` have kCapitalised to `out`, in order, and
// returns their number. Eight tokens' flags a word, each capital's place
// told by its word's lowest bit: most words hold one or two, where a list
// written branch-free, a token a round, cost a third of the start lists.
size_t CapitalisedTokens(std::span<const uint8_t> flags, uint32_t* out) {
  const size_t n = flags.size();
  size_t count = 0, i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t kCapitalBits = 0x0101010101010101u * kCapitalised;
    for (; i + 8 <= n; i += 8) {
      uint64_t word;
      std::memcpy(&word, flags.data() + i, sizeof word);
      for (uint64_t capitals = word & kCapitalBits; capitals != 0; capitals &= capitals - 1) {
        out[count++] = static_cast<uint32_t>(i + static_cast<size_t>(std::countr_zero(capitals)) / 8);
      }
    }
  }
  for (; i < n; ++i) {
    out[count] = static_cast<uint32_t>(i);
    count += (flags[i] & kCapitalised) != 0;
  }
  return count;
}

// The token view and the name lists, with the questions the rules ask in
// the words they use.
struct View {
  const TokenView& view;
  std::string_view text;
  const std::vector<Token>& tokens;
  const Lexicon& lexicon;
  const NameWords& lex;

  // The tokens the rules start from, found in one pass over the tokens
  // where each rule made its own (issue 21: seven passes were a third of
  // the stage). Each list is in token order, and a superset: a rule still
  // asks its own question of every position it is given.
  std::span<const uint32_t> openers;      // a word OpensName() holds
  std::span<const uint32_t> parentheses;  // "(", by its first byte
  std::span<const uint32_t> capitalised;  // kCapitalised, whatever the kind
  // The first bytes of the legal forms (« SA », « GmbH »), as written: the
  // folded word that may start one is most often « sa » or « se ».
  std::array<bool, 256> company_form_first{};
  // The adjective endings (« al », « ique ») by their last two bytes: bit e
  // of ending_by_last[b] when adjective_endings[e] ends with byte b, of
  // ending_by_before_last[b] when its byte before the last is b or it has
  // none. A word is tried against the few endings both its bytes allow,
  // where trying all 32 was most of the rule's cost on a word. Only when
  // the endings are 32 or fewer (`endings_by_bytes`): each has its bit.
  std::array<uint32_t, 256> ending_by_last{}, ending_by_before_last{};
  bool endings_by_bytes = false;

  View(const TokenView& v, const Lexicon& l)
      : view(v), text(v.text()), tokens(v.tokens()), lexicon(l), lex(l.names()) {
    FindStarts();
  }
  size_t size() const { return tokens.size(); }
  // A name rule may open at a word with one of these: an organisation's cue
  // or head, a legal form, a person's title or given name, a kind of place
  // body: the one flag the Lexicon sets from those (lexicon/words.h).
  static bool OpensName(const WordInfo& w) { return w.opens_name; }
  // The openers whose word passes `has`, in token order; `has` must hold
  // of no word that OpensName() does not. A rule asks for the next one at
  // or after a token, never going back: a cursor, where a binary search
  // of the openers a call was a tenth of the rules' instructions.
  template <class Test>
  class Openers {
   public:
    Openers(const View& v, Test has) : v_(v), has_(has) {}
    // The first at or after token `from`, or size(); `from` never decreases.
    size_t Next(size_t from) {
      const std::span<const uint32_t> openers = v_.openers;
      while (at_ < openers.size() && openers[at_] < from) ++at_;
      for (; at_ < openers.size(); ++at_) {
        if (has_(v_.Info(openers[at_]))) return openers[at_];
      }
      return v_.size();
    }

   private:
    const View& v_;
    Test has_;
    size_t at_ = 0;  // into openers: those before it are before the last `from`
  };
  std::string_view Folded(size_t i) const { return view.Folded(i); }  // i < size()
  // What word i is in the lists; every answer false past the last token.
  const WordInfo& Info(size_t i) const { return lexicon.word(view.Id(i)); }
  // Empty past the last token, so look-ahead needs no bounds check.
  std::string_view Str(size_t i) const { return i < size() ? TokenText(text, tokens[i]) : std::string_view(); }
  bool Word(size_t i) const { return i < size() && tokens[i].kind == TokenKind::kWord; }
  bool Cap(size_t i) const { return Word(i) && view.Has(i, kCapitalised); }
  bool Is(size_t i, std::string_view folded_word) const { return i < size() && Folded(i) == folded_word; }
  bool SameSentence(size_t a, size_t b) const {
    return a < size() && b < size() && tokens[a].sentence == tokens[b].sentence;
  }
  // Whether token i is the one byte `sign` (« ( », « , »): its size and
  // byte, where comparing its text as a string cost a call a sign.
  bool IsSign(size_t i, char sign) const {
    return i < size() && tokens[i].byte_end - tokens[i].byte_start == 1 && text[tokens[i].byte_start] == sign;
  }
  // Adjacent without space, as in "Rhônes-Alpes" or "Rapid.Space".
  bool Glued(size_t i) const { return view.Has(i, kGlued); }
  std::string Span(size_t first, size_t end) const { return std::string(view.Span(first, end)); }
  // Whether [first, end) is between the parentheses of an act's number:
  // « règlement (UE) 2016/679 », whose UE is not the Union. No name is
  // found there.
  bool InActNumber(size_t first, size_t end) const {
    return first >= 2 && end < size() && Str(first - 1) == "(" && Str(end) == ")" && Info(first - 2).act_word;
  }

 private:
  void FindStarts() {
    endings_by_bytes = lex.adjective_endings.size() <= 32;
    for (size_t e = 0; e < lex.adjective_endings.size() && endings_by_bytes; ++e) {
      const std::string& ending = lex.adjective_endings[e];
      const uint32_t bit = uint32_t{1} << e;
      if (ending.empty()) {  // an empty ending ends every word
        for (uint32_t& mask : ending_by_last) mask |= bit;
      } else {
        ending_by_last[static_cast<uint8_t>(ending.back())] |= bit;
      }
      if (ending.size() < 2) {
        for (uint32_t& mask : ending_by_before_last) mask |= bit;
      } else {
        ending_by_before_last[static_cast<uint8_t>(ending[ending.size() - 2])] |= bit;
      }
    }
    for (const NameWords::CompanyForm& form : lex.company_forms) {
      if (form.tokens.empty() || form.tokens.front().empty()) {
        company_form_first.fill(true);  // a form of no bytes would start anywhere
      } else {
        company_form_first[static_cast<uint8_t>(form.tokens.front().front())] = true;
      }
    }
    const std::span<const uint32_t> ids = view.ids();
    const Token* const toks = tokens.data();
    const char* const bytes = text.data();
    const size_t n = tokens.size();
    // Room for every token in each list, left unwritten: each position is
    // written at the list's end and counted only when it belongs, with no
    // branch and no growth (push_back was a third of the pass).
    starts_ = std::make_unique_for_overwrite<uint32_t[]>(3 * n);
    uint32_t* const open = starts_.get();
    uint32_t* const paren = open + n;
    uint32_t* const cap = paren + n;
    size_t opens = 0, parens = 0, caps = 0;
    // Four tokens a round: the loop's own count and test, paid for each
    // token, were as many instructions as the list's writes.
    size_t i = 0;
    const auto note_opener = [&](size_t at) {
      open[opens] = static_cast<uint32_t>(at);
      opens += OpensName(lexicon.word(ids[at]));  // id 0's word opens nothing
    };
    for (; i + 4 <= n; i += 4) {
      note_opener(i);
      note_opener(i + 1);
      note_opener(i + 2);
      note_opener(i + 3);
    }
    for (; i < n; ++i) note_opener(i);
    caps = CapitalisedTokens(view.flags(), cap);
    // The parentheses from the text's bytes, not from every token's first
    // byte: a « ( » is a few tokens in a thousand, and memchr passes the
    // bytes between them many at a time (reading each token's first byte
    // was a fifth of the pass).
    size_t from = 0;  // the tokens before it start before the last « ( » found
    for (const char* p = static_cast<const char*>(std::memchr(bytes, '(', text.size())); p != nullptr;
         p = static_cast<const char*>(std::memchr(p + 1, '(', static_cast<size_t>(bytes + text.size() - (p + 1))))) {
      const auto byte = static_cast<uint32_t>(p - bytes);
      from = FirstTokenFrom(toks, n, from, byte);
      if (from == n) break;
      if (toks[from].byte_start == byte) paren[parens++] = static_cast<uint32_t>(from);
    }
    openers = std::span<const uint32_t>(open, opens);
    parentheses = std::span<const uint32_t>(paren, parens);
    capitalised = std::span<const uint32_t>(cap, caps);
  }
  std::unique_ptr<uint32_t[]> starts_;  // what openers, parentheses and capitalised view
};

// "à" folds to "a", which is also the verb: only the accented word joins.
bool IsConnector(const View& v, size_t i) {
  return i < v.size() && v.Info(i).connector && v.Str(i) != "a" && v.Str(i) != "A";
}

bool LooksAdjective(const View& v, size_t i) {
  if (!v.Word(i) || v.Cap(i) || v.Info(i).not_in_name) return false;
  const std::string_view f = v.Folded(i);
  if (v.Info(i).adjective) return true;
  // data/cues/name_words.tsv, adjective_ending: "nationAL", "européENNE"
  if (f.size() < 4) return false;
  if (!v.endings_by_bytes) return EndsWithOneOf(f, v.lex.adjective_endings);
  for (uint32_t maybe = v.ending_by_last[static_cast<uint8_t>(f.back())] &
                        v.ending_by_before_last[static_cast<uint8_t>(f[f.size() - 2])];
       maybe != 0; maybe &= maybe - 1) {
    if (f.ends_with(v.lex.adjective_endings[static_cast<size_t>(std::countr_zero(maybe))])) return true;
  }
  return false;
}

std::string UpperFirst(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

// "LINDEN" -> "Linden", "JEAN-YVES" -> "Jean-Yves"; mixed case is kept.
// Appended to `out`.
void AppendNameCase(std::string_view word, std::string* out) {
  if (!IsAllUpper(word) || CountCodePoints(word) < 2) {
    out->append(word);
    return;
  }
  // ASCII (most names): ICU's case mappings are A-Z's, done here without
  // a string per letter.
  if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<uint8_t>(c) < 0x80; })) {
    bool upper_next = true;
    for (const char c : word) {
      const bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
      *out += upper_next && lower ? static_cast<char>(c - 32) : !upper_next && upper ? static_cast<char>(c + 32) : c;
      upper_next = c == '-';
    }
    return;
  }
  std::string lower = ToLower(word);
  bool upper_next = true;
  for (size_t i = 0; i < lower.size();) {
    const size_t from = i;
    const char32_t c = NextCodePoint(lower, &i);
    if (upper_next) {
      *out += ToUpper(std::string_view(lower).substr(from, i - from));
    } else {
      out->append(std::string_view(lower).substr(from, i - from));
    }
    upper_next = c == U'-';
  }
}

// A name added to `out`, made in place: a Candidate is six strings, each
// moved one by one when a Candidate made apart was pushed (issue 21).
Candidate& AddName(std::vector<Candidate>* out, EntityType type, size_t first, size_t end, std::string canonical,
                   std::string_view subtype, int priority) {
  Candidate& c = out->emplace_back();
  c.type = type;
  c.first_token = static_cast<uint32_t>(first);
  c.end_token = static_cast<uint32_t>(end);
  c.canonical = std::move(canonical);
  if (type != EntityType::kPerson) c.fields.subtype() = subtype;  // a person's slot 0 is its title
  c.priority = priority;
  return c;
}

// Where the organisation rules put their names: `out`, but for a name that
// starts where a listed name does (a rule never stretches a listed name:
// « Conseil d'État statuant … » stays « Conseil d'État »). Dropped as it
// is found, where a list of the rules' names moved into `out` afterwards
// moved each name twice.
class RuleNames {
 public:
  // listed_start[i]: 1 when a listed place starts at token i, 2 another
  // listed name, 0 none; a name is dropped where it is `hiding` or more.
  // Nor is a name added in an act's number (View::InActNumber).
  RuleNames(const View& v, std::vector<Candidate>* out, const std::vector<uint8_t>& listed_start, uint8_t hiding)
      : v_(v), out_(out), listed_start_(listed_start), hiding_(hiding) {}
  void Add(EntityType type, size_t first, size_t end, std::string canonical, std::string_view subtype, int priority) {
    if (listed_start_[first] >= hiding_ || v_.InActNumber(first, end)) return;
    AddName(out_, type, first, end, std::move(canonical), subtype, priority);
  }

 private:
  const View& v_;
  std::vector<Candidate>* out_;
  const std::vector<uint8_t>& listed_start_;
  uint8_t hiding_;
};

// ---- acronym definitions ---------------------------------------------------

// The letters of an acronym written in [first, end), folded: "UGICT-CGT" ->
// "ugictcgt"; empty unless every word is upper-case.
std::string AcronymLetters(const View& v, size_t first, size_t end) {
  std::string letters;
  for (size_t i = first; i < end; ++i) {
    if (v.Word(i) && IsAllUpper(v.Str(i))) {
      letters += v.Folded(i);
    } else if (v.Str(i) != "-") {
      return {};
    }
  }
  return letters.size() >= 2 ? letters : std::string();
}

// Words that count in initials: not connectors, not signs.
bool IsContentWord(const View& v, size_t i) { return v.Word(i) && !v.Info(i).connector; }

// What content word i gives to initials: all its letters when upper-case
// ("CGT"), else its first letter.
std::string_view InitialOf(const View& v, size_t i) {
  if (IsAllUpper(v.Str(i)) && CountCodePoints(v.Str(i)) >= 2) return v.Folded(i);
  return v.Folded(i).substr(0, 1);
}

// Initials of the content words of [first, end).
std::string Initials(const View& v, size_t first, size_t end) {
  std::string out;
  for (size_t i = first; i < end; ++i) {
    if (IsContentWord(v, i)) out += InitialOf(v, i);
  }
  return out;
}

// The second word of a hyphenated compound (« télévision » of
// « radio-télévision »), which some acronyms skip: UER, « Union européenne de
// radio-télévision ».
bool IsCompoundTail(const View& v, size_t i) {
  return i >= 2 && v.Str(i - 1) == "-" && v.Glued(i - 1) && v.Glued(i) && v.Word(i - 2);
}

// The start of the long form ending at `end` whose initials spell `letters`,
// or `end` when none does. Looks back at most 16 tokens in the sentence; the
// initials grow by one token at each step back instead of being read again.
// Both ways of counting are tried: every word (PACA, « Provence-Alpes-Côte
// d'Azur ») and compounds as one word (UER).
size_t LongFormStart(const View& v, size_t end, const std::string& letters) {
  std::string initials;     // Initials(v, s, end)
  std::string by_compound;  // the same, without compound tails
  for (size_t back = 1; back <= 16 && back <= end; ++back) {
    const size_t s = end - back;
    if (!v.SameSentence(s, end - 1) || v.Str(s) == "(" || v.Str(s) == ")" || v.Str(s) == ";") break;
    if (!IsContentWord(v, s)) continue;
    const std::string_view initial = InitialOf(v, s);
    initials.insert(0, initial);
    if (!IsCompoundTail(v, s)) by_compound.insert(0, initial);
    if (initials == letters || by_compound == letters) return s;
    if (initials.size() > letters.size() && by_compound.size() > letters.size()) break;
  }
  return end;
}

bool LooksLikeOrganisationName(const View& v, size_t first) {
  const NameWords& lex = v.lex;
  const std::string head = UpperFirst(std::string(v.Str(first)));
  return lex.org_heads.contains(head) || lex.org_cues.contains(v.Folded(first));
}

struct AcronymDefinition {
  size_t long_first, long_end, acr_first, acr_end;
};

std::vector<AcronymDefinition> FindAcronymDefinitions(const View& v) {
  std::vector<AcronymDefinition> out;
  for (const size_t i : v.parentheses) {
    if (i + 2 >= v.size()) break;
    if (!v.IsSign(i, '(')) continue;
    size_t close = i + 1;
    while (close < v.size() && close < i + 12 && v.Str(close) != ")" && v.SameSentence(i, close)) ++close;
    if (close >= v.size() || v.Str(close) != ")") continue;
    // "Long Name (ACR)"
    if (const std::string letters = AcronymLetters(v, i + 1, close); !letters.empty() && i > 0) {
      const size_t s = LongFormStart(v, i, letters);
      if (s < i) out.push_back({s, i, i + 1, close});
      continue;
    }
    // "ACR (Long Name)"
    if (i > 0 && v.Word(i - 1)) {
      const std::string letters = AcronymLetters(v, i - 1, i);
      if (!letters.empty() && Initials(v, i + 1, close) == letters) out.push_back({i + 1, close, i - 1, i});
    }
  }
  return out;
}

// ---- organisations by cue and by head ---------------------------------------

// « Ras-le-Scoot », « Saint-Rémy-de-Provence »: a lower-case word between
// two hyphens, all glued, and a capitalised word after.
bool HyphenatedParticle(const View& v, size_t at) {
  return v.Str(at) == "-" && v.Glued(at) && v.Word(at + 1) && !v.Cap(at + 1) && v.Glued(at + 1) &&
         v.Str(at + 2) == "-" && v.Glued(at + 2) && v.Cap(at + 3) && v.Glued(at + 3);
}

// End of a run of capitalised words from `i` (with connectors, hyphens and
// dots between capitalised words): "Ploss Rhônes-Alpes", "Rapid.Space
// International", "Les Licornes Célestes", "Ras-le-Scoot". In a list
// (`in_list`: « les associations Respire et Ras-le-Scoot »), « et » and « ou »
// end the name.
size_t CapitalisedRunEnd(const View& v, size_t i, bool in_list = false) {
  size_t end = i;
  while (end < v.size() && end < i + kMaxNameTokens && v.SameSentence(i, end)) {
    if (v.Cap(end) || (end > i && v.tokens[end].kind == TokenKind::kNumber && v.Glued(end))) {
      ++end;
    } else if (end > i && (v.Str(end) == "-" || v.Str(end) == "." || v.Str(end) == "&") && v.Glued(end) &&
               v.Cap(end + 1) && v.Glued(end + 1)) {
      end += 2;
    } else if (end > i && HyphenatedParticle(v, end)) {
      end += 4;
    } else if (end > i && IsConnector(v, end) && !(in_list && (v.Is(end, "et") || v.Is(end, "ou"))) &&
               v.Cap(end + 1) &&
               !v.lex.stops.contains(v.Str(end + 1)) && !v.lex.titles.contains(v.Str(end + 1))) {
      // « la société X et M. Y »: a title opens another party, not more of X
      end += 2;
    } else {
      break;
    }
  }
  return end;
}

// A complement coordinated with the one before it, from `at`: « et
// d'ouvrages » (« Association des sociétés d'autoroutes et d'ouvrages à
// péage »), or a list's « , des transports » followed by « , » or « et »
// (« Direction générale des infrastructures, des transports et des
// mobilités »). Its word is lower-case: « et de la CGT » opens another name.
// Returns its end, or `at` when there is none.
size_t CoordinatedComplementEnd(const View& v, size_t head, size_t at) {
  const bool and_word = v.Folded(at) == "et";
  if (!and_word && v.Str(at) != ",") return at;
  if (!IsConnector(v, at + 1) || v.Folded(at + 1) == "et") return at;
  size_t k = at + 2;
  if (k < v.size() && v.Info(k).determiner) ++k;
  if (!v.Word(k) || v.Cap(k) || !v.SameSentence(head, k) || v.Info(k).connector) return at;
  if (!and_word && !(v.Str(k + 1) == "," || v.Folded(k + 1) == "et")) return at;  // a list goes on
  return k + 1;
}

// « prononcer », « statuer »: a lower-case word of the first group's
// infinitive form, which follows « de » in a clause (« il appartient à la
// Commission de prononcer ») and never in a name. Short words (« fer »,
// « mer ») are nouns too.
bool IsInfinitive(const View& v, size_t i) {
  constexpr size_t kMinBytes = 6;
  const std::string_view f = v.Folded(i);
  return !v.Cap(i) && f.size() >= kMinBytes && f.ends_with("er");
}

// After a head word ("Conseil", "Syndicat"): adjectives and "de/du/des/pour …"
// complements. Returns the end of the name, or `head + 1` when nothing follows.
size_t HeadedNameEnd(const View& v, size_t head) {
  size_t end = head + 1;
  bool after_complement = false;
  while (end < v.size() && end < head + kMaxNameTokens && v.SameSentence(head, end)) {
    if (v.Cap(end) && !v.lex.stops.contains(v.Str(end))) {
      ++end;
    } else if (LooksAdjective(v, end)) {
      ++end;
    } else if ((IsConnector(v, end) && v.Folded(end) != "et") || (end == head + 1 && v.Info(end).head_connector)) {
      // « Syndicat de la médecine », « Ligue contre la violence routière »
      size_t k = end + 1;
      if (k < v.size() && v.Info(k).determiner) ++k;  // "de la médecine", "pour une"
      if (k < v.size() && (v.Folded(k) == "une" || v.Folded(k) == "un")) ++k;
      if (!v.Word(k) || !v.SameSentence(head, k) || v.Info(k).connector || v.Info(k).not_in_name) break;
      if (k == end + 1 && IsInfinitive(v, k)) break;  // « la Commission de prononcer une amende »
      end = k + 1;
      after_complement = true;
    } else if (after_complement && v.Word(end) && !v.Cap(end) && LooksAdjective(v, end)) {
      ++end;
    } else if (const size_t next = CoordinatedComplementEnd(v, head, end); after_complement && next > end) {
      end = next;
    } else {
      break;
    }
  }
  return end;
}

// The words that carry an association's name on in lower case: « Droit au
// logement », « Sauvons les abeilles », « Vivre à la campagne ».
bool IsTailLink(const View& v, size_t i) {
  if (i >= v.size()) return false;
  const std::string_view f = v.Folded(i);
  return f == "de" || f == "du" || f == "des" || f == "d'" || f == "au" || f == "aux" || v.Str(i) == "à" ||
         f == "la" || f == "le" || f == "les" || f == "l'";
}

// « l'association Droit au logement », « le collectif Sauvons les abeilles »:
// after its capitalised start, an association's name goes on in lower case
// by a link word (« au », « les », « de la ») and the one word it brings, at
// most kMaxTailTokens tokens. Anything else ends it: punctuation, a verb
// (« Droit au logement conteste »), « qui », « contre », « devant », « pour ».
// Returns the new end, or `end`.
size_t LowercaseTailEnd(const View& v, size_t first, size_t end) {
  constexpr size_t kMaxTailTokens = 6;
  if (end - first > 2 || IsAllUpper(v.Str(first))) return end;  // « le syndicat CGT des cheminots »
  size_t tail_end = end;
  size_t k = end;
  while (k < end + kMaxTailTokens && v.SameSentence(first, k)) {
    size_t w = k;
    while (w < k + 2 && IsTailLink(v, w)) ++w;
    if (w == k || !v.Word(w) || v.Cap(w) || !v.SameSentence(first, w) || IsTailLink(v, w)) break;
    const WordInfo& info = v.Info(w);
    if (info.connector || info.determiner || info.not_in_name || w >= end + kMaxTailTokens) break;
    tail_end = k = w + 1;
    // « Sauvegarde du patrimoine rural », « Stop aux violences policières »
    if (k < end + kMaxTailTokens && v.SameSentence(first, k) && LooksAdjective(v, k)) tail_end = ++k;
  }
  return tail_end;
}

// Past the « , », « et » or « , et » that joins two names of a list at
// `end` (« ou » too when `or_too`); `end` when nothing joins there.
size_t NextListItem(const View& v, size_t end, bool or_too) {
  size_t next = end;
  if (v.Str(next) == ",") ++next;
  if (v.Is(next, "et") || (or_too && v.Is(next, "ou"))) ++next;
  return next;
}

// « associations », « sociétés »: a cue whose singular is a cue too.
bool IsPluralCue(const View& v, size_t i) {
  const std::string_view f = v.Folded(i);
  return f.size() > 1 && f.back() == 's' && v.lex.org_cues.contains(f.substr(0, f.size() - 1));
}

// The names of a list after a plural cue, from `s`: « les associations
// Respire et Ras-le-Scoot », « les sociétés Alpha, Beta et Gamma ». Each is
// a capitalised run; « , », « et », « ou » between two of them.
void AddListedNames(const View& v, size_t s, const std::string& subtype, RuleNames* out) {
  constexpr int kMaxListed = 20;
  for (int listed = 0; listed < kMaxListed && v.Cap(s) && v.SameSentence(s - 1, s); ++listed) {
    const size_t end = CapitalisedRunEnd(v, s, true);
    if (end <= s) return;
    out->Add(EntityType::kOrg, s, end, UpperFirst(v.Span(s, end)), subtype, priority::kOrgCue);
    const size_t next = NextListItem(v, end, true);
    if (next == end) return;
    s = next;
  }
}

// After « association » at i: « de », « des », « du » or « pour (la) » and
// a lower-case word (« l'association des riverains », « l'association pour
// la défense des … »). « l'association de la commune » is the commune's.
bool LowercaseNameFollows(const View& v, size_t i) {
  const size_t k = i + 1;
  const bool pour = v.Is(k, "pour");
  if (!(v.Is(k, "de") || v.Is(k, "des") || v.Is(k, "du") || v.Is(k, "d'") || pour)) return false;
  const size_t w = pour && k + 1 < v.size() && v.Info(k + 1).determiner ? k + 2 : k + 1;
  return v.SameSentence(i, w) && v.Word(w) && !v.Cap(w) && !v.Info(w).determiner && !v.Info(w).connector &&
         !v.Info(w).not_in_name;
}

// The end of a name in lower case from its cue word at `head`: words and
// the complements « de », « des », « pour la » bring, up to a verb — a word
// followed by a determiner (« … boulevards demande la suspension »), an
// auxiliary or « qui » (not_in_name) — or « et », punctuation, a title.
size_t LowercaseNameEnd(const View& v, size_t head) {
  size_t end = head + 1;
  size_t k = head + 1;
  while (k < v.size() && k < head + kMaxNameTokens && v.SameSentence(head, k)) {
    if (IsConnector(v, k) && !v.Is(k, "et") && !v.Is(k, "ou")) {
      size_t w = k + 1;
      if (w < v.size() && v.Info(w).determiner) ++w;
      if (!v.Word(w) || !v.SameSentence(head, w)) break;
      k = w;
      continue;
    }
    const WordInfo& info = v.Info(k);
    if (!v.Word(k) || info.not_in_name || info.connector || info.determiner || v.lex.titles.contains(v.Str(k))) break;
    if (k + 1 < v.size() && v.Info(k + 1).determiner) break;
    end = ++k;
  }
  return end;
}

void FindCuedOrganisations(const View& v, RuleNames* out) {
  const NameWords& lex = v.lex;
  const auto org_cue = [](const WordInfo& w) { return w.org_cue; };
  View::Openers cues(v, org_cue);
  for (size_t i = cues.Next(0); i + 1 < v.size(); i = cues.Next(i + 1)) {
    if (!v.Info(i).org_cue || !v.Word(i) || v.Cap(i)) continue;  // cues are common nouns: "l'association"
    auto cue = lex.org_cues.find(v.Folded(i));
    if (cue == lex.org_cues.end()) continue;
    size_t s = i + 1;
    if (v.Is(s, "d'") && (v.Is(s + 1, "avocats") || v.Is(s + 1, "avocat"))) s += 2;  // cabinet d'avocats X
    if (s < v.size() && v.Info(s).determiner && !(v.Is(s, "les") && v.Cap(s + 1))) ++s;
    if (!v.SameSentence(i, s)) continue;
    size_t end = 0;
    if (v.Is(s, "les") && v.Cap(s + 1)) {
      end = CapitalisedRunEnd(v, s + 1);  // "l'association les Actupiennes"
      if (cue->second == "association") end = LowercaseTailEnd(v, s, end);
    } else if (!v.Cap(s)) {
      // « l'association de défense des libertés constitutionnelles »: a name
      // all in lower case, that the cue word opens
      if (cue->second == "association" && v.Is(i, "association") && LowercaseNameFollows(v, i)) {
        const size_t name_end = LowercaseNameEnd(v, i);
        // as written, as the place bodies are (« conseil municipal de … »)
        out->Add(EntityType::kOrg, i, name_end, v.Span(i, name_end), cue->second, priority::kOrgCue);
        i = name_end - 1;
      }
      continue;
    } else if (lex.org_heads.contains(v.Str(s))) {
      end = HeadedNameEnd(v, s);
    } else if (IsPluralCue(v, i)) {
      AddListedNames(v, s, cue->second, out);  // « les sociétés X, Y et Z »
      continue;
    } else {
      end = CapitalisedRunEnd(v, s);
      if (end > s && cue->second == "association") end = LowercaseTailEnd(v, s, end);
    }
    if (end <= s) continue;
    out->Add(EntityType::kOrg, s, end, UpperFirst(v.Span(s, end)), cue->second, priority::kOrgCue);
  }
}

// "Dolmen, société de marketing": a capitalised name followed by a cue in
// apposition.
void FindAppositions(const View& v, RuleNames* out) {
  const NameWords& lex = v.lex;
  // From the cue after the comma: cues are rarer than commas.
  const auto org_cue = [](const WordInfo& w) { return w.org_cue; };
  View::Openers cues(v, org_cue);
  for (size_t j = cues.Next(2); j + 1 < v.size(); j = cues.Next(j + 1)) {
    const size_t i = j - 1;  // the comma
    if (!v.IsSign(i, ',') || !v.SameSentence(i, j)) continue;
    auto cue = lex.org_cues.find(v.Folded(i + 1));
    if (cue == lex.org_cues.end() || v.Cap(i + 1)) continue;
    size_t s = i;
    while (s > 0 && v.SameSentence(s - 1, i) && v.Cap(s - 1) && i - s < kMaxNameTokens) --s;
    if (s == i || v.lex.stops.contains(v.Str(s))) continue;
    out->Add(EntityType::kOrg, s, i, UpperFirst(v.Span(s, i)), cue->second, priority::kOrgCue);
  }
}

void FindHeadedOrganisations(const View& v, RuleNames* out) {
  const NameWords& lex = v.lex;
  const auto may_head = [](const WordInfo& w) { return w.org_head_folded; };
  View::Openers heads(v, may_head);
  for (size_t i = heads.Next(0); i < v.size(); i = heads.Next(i + 1)) {
    if (!v.Cap(i)) continue;
    auto head = lex.org_heads.find(v.Str(i));
    if (head == lex.org_heads.end()) continue;
    const size_t end = HeadedNameEnd(v, i);
    if (end <= i + 1) continue;
    out->Add(EntityType::kOrg, i, end, v.Span(i, end), head->second, priority::kOrgHead);
    i = end - 1;  // a head inside this name does not start another
  }
}

// A kind of court or body and its place: « tribunal de police de Nanterre »,
// « commune de Lapeyrouse-Mornay », « caisse primaire d'assurance maladie
// des Côtes d'Armor ». The kind is the longest listed one at `i`; the place
// is the capitalised words after « de / d' / du / des » and a determiner.
void FindPlaceBodies(const View& v, std::vector<Candidate>* out) {
  const PhraseMatcher& kinds = v.lex.place_bodies;
  // A kind starts at a word place_body_start marks: the openers hold them,
  // where a scan of every token's id was most of the rule's instructions.
  const auto kind_start = [](const WordInfo& w) { return w.place_body_start; };
  View::Openers kind_starts(v, kind_start);
  for (size_t i = kind_starts.Next(0); i + 2 < v.size(); i = kind_starts.Next(i + 1)) {
    uint32_t node = PhraseMatcher::kRoot;
    size_t kind_end = 0;
    uint32_t kind = 0;
    for (size_t k = i; k < v.size() && k < i + kMaxNameTokens && v.SameSentence(i, k); ++k) {
      node = kinds.IndexedByIds() ? kinds.NextById(node, v.view.Id(k)) : kinds.Next(node, v.Folded(k));
      if (node == PhraseMatcher::kNoNode) break;
      if (!kinds.PhrasesAt(node).empty()) kind_end = k + 1, kind = kinds.PhrasesAt(node).front();
    }
    if (kind_end == 0) continue;
    // « dans le département de l'Aude »: a place, not the body
    const size_t before = i > 0 && v.Info(i - 1).determiner ? i - 1 : i;
    if (before > 0 && v.Info(before - 1).place_preposition) continue;
    size_t place = kind_end;
    const std::string_view of = v.Folded(place);
    if (!(of == "de" || of == "d'" || of == "du" || of == "des")) continue;
    ++place;
    if (of == "de" && v.Info(place).determiner) ++place;  // « de la Loire-Atlantique », « de l'Isère »
    if (!v.SameSentence(i, place) || !v.Cap(place) || v.lex.stops.contains(v.Str(place))) continue;
    const size_t end = CapitalisedRunEnd(v, place);
    // as written: « le conseil municipal de Plouzané » is the author of an act in running text
    if (!v.InActNumber(i, end)) {
      AddName(out, EntityType::kOrg, i, end, v.Span(i, end), v.lex.place_body_subtypes[kind], priority::kOrgCue);
    }
    i = end - 1;
  }
}

// The end of the legal form that starts at `i` (« S.R.L. », « GmbH »), as
// written, and whether it comes before the name; 0 when none does.
size_t CompanyFormEnd(const View& v, size_t i, bool* before) {
  if (!v.Info(i).company_form_start || !v.company_form_first[static_cast<uint8_t>(v.Str(i).front())]) return 0;
  const char first = v.Str(i).front();
  for (const NameWords::CompanyForm& form : v.lex.company_forms) {
    // most forms start with another byte: passed without comparing strings
    if (!form.tokens.empty() && !form.tokens.front().empty() && form.tokens.front().front() != first) continue;
    size_t k = 0;
    while (k < form.tokens.size() && i + k < v.size() && v.Str(i + k) == form.tokens[k] &&
           (k == 0 || v.Glued(i + k))) {
      ++k;
    }
    if (k == form.tokens.size() && v.SameSentence(i, i + k - 1)) {
      *before = form.before;
      return i + k;
    }
  }
  return 0;
}

// A company's name by its legal form: the capitalised words before « SA »,
// « GmbH », « S.R.L. » (« Sofina SA », « CITYSCOOT ITALIA S.R.L. »), or
// after « GIE » (« GIE COMUTITRES »).
void FindCompanyForms(const View& v, std::vector<Candidate>* out) {
  const auto form_start = [](const WordInfo& w) { return w.company_form_start; };
  View::Openers forms(v, form_start);
  for (size_t j = forms.Next(1); j < v.size(); j = forms.Next(j + 1)) {
    bool before = false;
    const size_t form_end = CompanyFormEnd(v, j, &before);
    if (form_end == 0) continue;
    size_t first = j, end = form_end;
    if (before) {
      end = CapitalisedRunEnd(v, form_end);
      if (end == form_end || !v.SameSentence(j, form_end)) continue;
    } else {
      // « L’Internet Society France »: the article is not the name's
      while (first > 0 && j - first < kMaxNameTokens && v.SameSentence(first - 1, j) && v.Cap(first - 1) &&
             !v.lex.stops.contains(v.Str(first - 1)) && !v.lex.titles.contains(v.Str(first - 1)) &&
             !v.Info(first - 1).determiner) {
        --first;
      }
      // « Eva Sas »: a given name opens a person's name, not a company's
      if (first == j || v.Info(first).given_name) continue;
    }
    if (!v.InActNumber(first, end)) AddName(out, EntityType::kOrg, first, end, v.Span(first, end), "company", priority::kOrgCue);
    j = end - 1;
  }
}

// ---- persons -----------------------------------------------------------------

// A surname token: capitalised, two letters or more, not a sentence word.
bool IsSurname(const View& v, size_t i) {
  if (!v.Cap(i) || v.Str(i).ends_with(".") || v.lex.stops.contains(v.Str(i))) return false;
  return CountCodePoints(v.Str(i)) >= 2;  // "B..." in anonymised decisions is not a name
}

// [first, end) of a person's name starting at `i`: given names, particles
// and surnames ("Jean-Yves Ollier", "Bertrand du MARAIS"). Returns i when
// there is none.
// Past the particles at k (« de la », « van der », « d' ») when a surname
// follows them; k when none does.
size_t ParticlesEnd(const View& v, size_t k) {
  size_t j = k;
  while (j < k + 3 && j < v.size() && (v.Info(j).particle || (j > k && (v.Folded(j) == "la" || v.Folded(j) == "l'")))) ++j;
  return j > k && IsSurname(v, j) && v.SameSentence(k, j) ? j : k;
}

// « M. Le Cotty », « Mme La Fontaine »: after a title, a capitalised article
// opens the surname it is glued to in speech.
bool IsArticleSurnameStart(const View& v, size_t i) {
  const std::string_view f = v.Folded(i);
  return v.Cap(i) && (f == "le" || f == "la") && IsSurname(v, i + 1) && !v.lex.titles.contains(v.Str(i + 1));
}

// Whether a titled person's name starts at i: a surname, or particles then
// one (« M. d'Ornano », « le général de Gaulle »), or « Le Cotty ».
// After a rank or an office written in lower case (« le président »), only
// « de » opens a name: « le président du Sénat », « la présidente de la
// Commission » name an institution.
bool TitledNameStarts(const View& v, size_t i) {
  if (i >= v.size()) return false;  // a title that ends the text (« X, président »)
  if (v.lex.titles.contains(v.Str(i))) return false;  // « la présidente Mme X »: the second title opens it
  if (IsSurname(v, i)) return true;
  const bool office = i > 0 && !IsUpperInitial(v.Str(i - 1));
  if (office) return (v.Folded(i) == "de" || v.Folded(i) == "d'") && IsSurname(v, i + 1);
  return ParticlesEnd(v, i) > i || IsArticleSurnameStart(v, i);
}

size_t PersonNameEnd(const View& v, size_t i, bool titled) {
  size_t end = i;
  if (titled && IsArticleSurnameStart(v, i)) ++end;
  if (titled) end = ParticlesEnd(v, end);
  while (end < v.size() && end < i + kMaxNameTokens && v.SameSentence(i, end)) {
    if (IsSurname(v, end)) {
      ++end;
      // "Jean-Yves", "Philippe-Pierre", "Morel-A-L'Huissier"
      while (end < i + kMaxNameTokens && v.Str(end) == "-" && v.Glued(end) && v.Glued(end + 1)) {
        if (IsSurname(v, end + 1)) {
          end += 2;
        } else if ((v.Folded(end + 1) == "l'" || v.Folded(end + 1) == "d'") && IsSurname(v, end + 2) &&
                   v.Glued(end + 2)) {
          end += 3;
        } else if (v.Cap(end + 1) && CountCodePoints(v.Str(end + 1)) == 1 && v.Str(end + 2) == "-" &&
                   v.Glued(end + 2)) {
          end += 2;  // the « A » (à) of « Morel-A-L'Huissier », a hyphen on each side
        } else {
          break;
        }
      }
    } else if (end > i && ParticlesEnd(v, end) > end) {
      end = ParticlesEnd(v, end);
    } else {
      break;
    }
  }
  return end;
}

std::string PersonCanonical(const View& v, size_t first, size_t end) {
  std::string out;
  for (size_t i = first; i < end; ++i) {
    if (i > first && v.tokens[i].space_before) out += ' ';
    // « Bertrand DU MARAIS » is Bertrand du Marais: a particle in capitals is
    // the signature's typography
    const bool capital_particle = i > first && v.Info(i).particle && IsAllUpper(v.Str(i)) && IsSurname(v, i + 1);
    if (capital_particle) {
      out += ToLower(v.Str(i));
    } else {
      AppendNameCase(v.Str(i), &out);
    }
  }
  return out;
}

// Whether the folded words `first` and `second` are a role of two words
// (« secrétaire général »), keyed in the list by the words and one space.
// The key is put together on the stack: a std::string per probe allocated
// for most pairs of words, and every token before and after a name is
// probed.
bool IsTwoWordRole(const View& v, std::string_view first, std::string_view second) {
  std::array<char, 64> key;
  if (first.size() + 1 + second.size() > key.size()) {  // longer than any role: the list decides all the same
    return v.lex.roles.contains(std::string(first) + " " + std::string(second));
  }
  std::copy(first.begin(), first.end(), key.begin());
  key[first.size()] = ' ';
  std::copy(second.begin(), second.end(), key.begin() + first.size() + 1);
  return v.lex.roles.contains(std::string_view(key.data(), first.size() + 1 + second.size()));
}

// A role head of data/cues/person_roles.tsv at k (« avocate », « secrétaire
// général »): the end of its words, or k when none starts there.
size_t RoleHeadEnd(const View& v, size_t k) {
  if (k + 1 < v.size() && IsTwoWordRole(v, v.Folded(k), v.Folded(k + 1))) return k + 2;
  return k < v.size() && v.Word(k) && v.lex.roles.contains(v.Folded(k)) ? k + 1 : k;
}

// Where a role's complement stops: a mark, a clause word, another name.
bool EndsRole(const View& v, size_t k) {
  const std::string_view s = v.Str(k);
  if (v.tokens[k].kind == TokenKind::kPunct && s != "'" && s != "-" && s != "&") return true;
  const std::string_view f = v.Folded(k);
  return f == "et" || f == "qui" || f == "a" || f == "est" || f == "dont" || f == "que" || f == "qu'" ||
         v.lex.titles.contains(s);
}

// The role from `k` as written: its head, the roles that qualify it
// (« secrétaire général adjoint », « avocate associée ») and its
// complement (« de la CNIL », « du cabinet Y », « au barreau de Paris »), at most 8 tokens of it up
// to a comma or a clause word, else the head alone. Empty when no role
// starts at k.
std::string RoleFrom(const View& v, size_t k) {
  size_t end = RoleHeadEnd(v, k);
  if (end == k) return {};
  for (size_t next = RoleHeadEnd(v, end); next > end && next < k + 6; next = RoleHeadEnd(v, end)) end = next;
  const std::string_view of = end < v.size() ? v.Folded(end) : std::string_view();
  if (end < v.size() && v.SameSentence(k, end) && (of == "de" || of == "du" || of == "des" || of == "d'" || of == "au" || of == "aux")) {
    size_t c = end + 1;
    while (c < v.size() && c < end + 9 && v.SameSentence(k, c) && !EndsRole(v, c)) ++c;
    if (c > end + 1 && c < end + 9 && (c >= v.size() || !v.SameSentence(k, c) || EndsRole(v, c))) end = c;
  }
  return v.Span(k, end);
}

// "X, avocate associée" / "X, président du Conseil constitutionnel": the
// role right after the name.
std::string RoleAfter(const View& v, size_t end) {
  if (end + 1 >= v.size() || v.Str(end) != ",") return {};
  size_t k = end + 1;
  if (v.Info(k).determiner) ++k;
  return RoleFrom(v, k);
}

// « le ministre de l'Intérieur, Gérald Darmanin », « l'avocate France
// Charruyer »: the role right before the name (or its title) at `first`,
// after a determiner, at most 10 tokens back in the sentence.
std::string RoleBefore(const View& v, size_t first) {
  if (first == 0) return {};
  const size_t stop = first >= 11 ? first - 11 : 0;
  const size_t before = v.Str(first - 1) == "," ? first - 1 : first;  // the comma of the apposition
  for (size_t k = before; k-- > stop;) {
    if (!v.SameSentence(k, first) || EndsRole(v, k)) break;
    // a role before a name is a common noun: « Bruno LE MAIRE, Alain X » is a list of names
    if (k == 0 || !v.Info(k - 1).determiner || v.Cap(k) || RoleHeadEnd(v, k) == k) continue;
    // the role must reach the name: nothing between them but the comma
    if (std::string role = RoleFrom(v, k); !role.empty() && role == v.Span(k, before)) return role;
  }
  return {};
}

// « Bertrand du Marais », « Jean de La Fontaine »: a given name, particles
// and a surname, without a title. Not « Marie de Lyon », where the place a
// list holds is no surname.
bool ParticleSurnameFollows(const View& v, size_t after_given, const std::vector<bool>& place_at) {
  const size_t surname = ParticlesEnd(v, after_given);  // past « de », « du », « de la »
  return surname > after_given && surname < place_at.size() && !place_at[surname];
}

// « MM. », « Mmes », « Mes »: a title for several persons (written other than
// the title it stands for, and in the plural).
bool IsPluralTitle(std::string_view written, std::string_view title) {
  return written == "MM." || (written != title && written.ends_with('s'));
}

// The names listed after a plural title and its first name, from `at`:
// « Mmes Antoine, Poinseaux, Dard, conseillers », « MM. Duval et
// Buat-Ménard ». Each is a person with that title; « , » or « et » between
// two; a lower-case word (the role) or another title ends the list. Returns
// the list's end.
size_t AddTitledList(const View& v, size_t at, const std::string& title, std::vector<Candidate>* out) {
  constexpr int kMaxListed = 30;
  size_t end = at;
  for (int listed = 0; listed < kMaxListed; ++listed) {
    const size_t s = NextListItem(v, end, false);
    if (s == end || !v.SameSentence(at - 1, s) || !v.Cap(s) || !TitledNameStarts(v, s)) break;
    const size_t name_end = PersonNameEnd(v, s, true);
    if (name_end <= s) break;
    AddName(out, EntityType::kPerson, s, name_end, PersonCanonical(v, s, name_end), "", priority::kPerson).fields.title() =
        title;
    end = name_end;
  }
  return end;
}

void FindPersons(const View& v, std::vector<Candidate>* out) {
  const NameWords& lex = v.lex;
  std::vector<bool> place_at(v.size(), false);  // a listed place starts at this token
  for (const Candidate& c : *out) {
    if (c.type == EntityType::kLoc && c.first_token < v.size()) place_at[c.first_token] = true;
  }
  // A name opens with a title or a given name: the other tokens are skipped by their ids.
  const auto may_open = [](const WordInfo& w) { return w.title_folded || w.given_name; };
  View::Openers openings(v, may_open);
  for (size_t i = openings.Next(0); i < v.size(); i = openings.Next(i + 1)) {
    std::string title;
    size_t s = i;
    // titles are kept as written; only a word one folds to can be one
    const auto t = v.Info(i).title_folded ? lex.titles.find(v.Str(i)) : lex.titles.end();
    const bool titled = t != lex.titles.end() && TitledNameStarts(v, i + 1);
    // "Marie-Laure Denis": a compound given name is one name.
    size_t after_given = i;
    if (v.Cap(i) && v.Info(i).given_name) {  // Gazetteer::IsGivenName, by the token's id
      after_given = i + 1;
      while (after_given < i + kMaxNameTokens && v.Str(after_given) == "-" && v.Glued(after_given) &&
             v.Cap(after_given + 1) && v.Glued(after_given + 1)) {
        after_given += 2;
      }
    }
    const bool given = after_given > i && (IsSurname(v, after_given) || ParticleSurnameFollows(v, after_given, place_at));
    if (!titled && !given) continue;
    if (titled) {
      title = t->second;
      s = i + 1;
    }
    if (!v.SameSentence(i, s)) continue;
    const size_t end = PersonNameEnd(v, s, titled);
    // A title needs one name; without a title, a given name and a surname.
    if (end <= s || (title.empty() && end < s + 2)) continue;
    Candidate& c = AddName(out, EntityType::kPerson, s, end, PersonCanonical(v, s, end), "", priority::kPerson);
    c.fields.title() = title;
    c.fields.role() = RoleAfter(v, end);
    if (c.fields.role().empty()) c.fields.role() = RoleBefore(v, i);
    const size_t list_end = titled && IsPluralTitle(v.Str(i), title) ? AddTitledList(v, end, title, out) : end;
    i = list_end - 1;
  }
}

// Later mentions by surname alone (« Charruyer ») or with another title
// (« Mme Charruyer » after « Me France Charruyer ») join the full name.
// A surname two full names share (« Anne Roux », « Paul Roux ») joins
// neither: which one « Roux » or « Mme Roux » is, is not read.
void FindSurnameMentions(const View& v, std::vector<Candidate>* out) {
  StringMap<std::string> by_surname;  // folded surname -> canonical, "" when two names share it
  std::vector<bool> in_full_name(v.size(), false);
  for (const Candidate& c : *out) {
    if (c.type != EntityType::kPerson || c.end_token - c.first_token < 2) continue;
    // looked up before a node is made: most full names come again
    auto it = by_surname.find(v.Folded(c.end_token - 1));
    if (it == by_surname.end()) {
      by_surname.emplace(v.Folded(c.end_token - 1), c.canonical);
    } else if (!it->second.empty() && it->second != c.canonical && Fold(it->second) != Fold(c.canonical)) {
      // the same name again (most repeats) is folded the same without folding it
      it->second.clear();
    }
    std::fill(in_full_name.begin() + c.first_token, in_full_name.begin() + c.end_token, true);
  }
  if (by_surname.empty()) return;
  KeyShapes surnames;
  for (const auto& [surname, canonical] : by_surname) surnames.Add(surname);
  // « Mme Charruyer »: a titled surname takes the full name's canonical
  for (Candidate& c : *out) {
    if (c.type != EntityType::kPerson || c.end_token - c.first_token != 1 || c.fields.title().empty()) continue;
    auto it = by_surname.find(v.Folded(c.first_token));
    if (it != by_surname.end() && !it->second.empty()) c.canonical = it->second;
  }
  for (const size_t i : v.capitalised) {
    // Cap(i), of a token the list holds as kCapitalised
    if (v.tokens[i].kind != TokenKind::kWord || !surnames.MayBe(v.Folded(i))) continue;
    auto it = by_surname.find(v.Folded(i));
    if (it == by_surname.end() || it->second.empty()) continue;
    if (in_full_name[i]) continue;
    AddName(out, EntityType::kPerson, i, i + 1, it->second, "", priority::kSurname).fields.role() =
        RoleAfter(v, i + 1);  // « Charruyer, avocate »
  }
}

}  // namespace

std::vector<Candidate> FindNames(const TokenView& view, const Lexicon& lexicon) {
  const View v(view, lexicon);
  const Gazetteer& gazetteer = lexicon.gazetteer();
  // The names in an act's number (View::InActNumber) are found, and read
  // as the others until the rules have run (a listed one names an acronym,
  // any hides a rule's start), but kept apart in `aside`: dropped from
  // `out` at the end, they moved every name after them (issue 21).
  std::vector<Candidate> aside;
  std::vector<Candidate> out =
      gazetteer.Match(view, [&](uint32_t first, uint32_t end) { return v.InActNumber(first, end); }, &aside);
  const auto list_for = [&](size_t first, size_t end) -> std::vector<Candidate>* {
    return v.InActNumber(first, end) ? &aside : &out;
  };

  // Acronym definitions make one entity of both names, and teach the
  // acronym for its later mentions.
  StringMap<Candidate> defined;  // acronym as written -> template
  bool capitalised_acronyms = true;  // every acronym's first token kCapitalised
  // The listed names are out[0, listed_end) and aside[0, aside_end): Match()
  // gives one at most a start, in token order, so that a name is found by
  // its start without a map.
  const size_t listed_end = out.size(), aside_end = aside.size();
  const auto listed_at = [&](size_t first) -> const Candidate* {
    const auto by_start = [](const Candidate& c, size_t f) { return c.first_token < f; };
    for (const auto& [list, end] : {std::pair(&out, listed_end), std::pair(&aside, aside_end)}) {
      const auto last = list->begin() + static_cast<ptrdiff_t>(end);
      const auto at = std::lower_bound(list->begin(), last, first, by_start);
      if (at != last && at->first_token == first) return &*at;
    }
    return nullptr;
  };
  for (const AcronymDefinition& d : FindAcronymDefinitions(v)) {
    std::string canonical, subtype;
    EntityType type = EntityType::kOrg;
    for (const auto& [first, end] : {std::pair(d.long_first, d.long_end), std::pair(d.acr_first, d.acr_end)}) {
      // a listed name on either side names the entity
      if (const Candidate* listed = listed_at(first); listed != nullptr && listed->end_token == end) {
        canonical = listed->canonical;
        subtype = listed->fields.subtype();
        type = listed->type;
      }
    }
    if (canonical.empty()) {
      // Unlisted: only an organisation when its long form says so
      // ("syndicat national des journalistes (SNJ)"), not "intelligence
      // artificielle (IA)".
      // or a place then more words: « Union européenne de radio-télévision
      // (UER) », « Lyon Métropole Habitat (LMH) », or a capitalised one that
      // names a place: « Métropole européenne de Lille (MEL) »
      bool place_led = false, names_place = false;
      for (size_t k = d.long_first; k < d.long_end; ++k) {
        const Candidate* place = listed_at(k);
        if (place == nullptr || place->type != EntityType::kLoc || place->end_token > d.long_end) continue;
        if (k == d.long_first && place->end_token < d.long_end) place_led = true;
        if (k > d.long_first) names_place = true;
      }
      names_place = names_place && v.Cap(d.long_first) && !v.Info(d.long_first).act_word &&
                    !v.lex.stops.contains(v.Str(d.long_first));
      if (!LooksLikeOrganisationName(v, d.long_first) && !place_led && !names_place) continue;
      canonical = UpperFirst(v.Span(d.long_first, d.long_end));
    }
    AddName(list_for(d.long_first, d.long_end), type, d.long_first, d.long_end, canonical, subtype,
            priority::kDefinedAcronym);
    const Candidate& acronym = AddName(list_for(d.acr_first, d.acr_end), type, d.acr_first, d.acr_end,
                                       std::move(canonical), subtype, priority::kDefinedAcronym);
    defined.try_emplace(v.Span(d.acr_first, d.acr_end), acronym);  // the first definition holds
    capitalised_acronyms = capitalised_acronyms && v.view.Has(d.acr_first, kCapitalised);
  }
  KeyShapes acronyms;
  for (const auto& [acronym, name] : defined) acronyms.Add(acronym);
  const auto add_mention = [&](size_t i) {
    if (!acronyms.MayBe(v.Str(i))) return;
    auto it = defined.find(v.Str(i));
    if (it == defined.end()) return;
    Candidate& c = list_for(i, i + 1)->emplace_back(it->second);  // copied in place, not copied then moved
    c.first_token = static_cast<uint32_t>(i);
    c.end_token = static_cast<uint32_t>(i + 1);
  };
  // A token written as an acronym is, its first code point the same, as
  // kCapitalised as the acronym: only the capitalised ones are read then.
  if (!defined.empty() && capitalised_acronyms) {
    for (const size_t i : v.capitalised) add_mention(i);
  } else if (!defined.empty()) {
    for (size_t i = 0; i < v.size(); ++i) add_mention(i);
  }

  // The listed names and the acronyms are all the names of kListed or
  // more: the starts the rules below may not take.
  std::vector<uint8_t> listed_start(v.size(), 0);  // 1: a listed place starts there; 2: another listed name
  for (const std::vector<Candidate>* list : {&out, &aside}) {
    for (const Candidate& g : *list) {
      if (g.priority >= priority::kListed) {
        listed_start[g.first_token] =
            std::max<uint8_t>(listed_start[g.first_token], g.type == EntityType::kLoc ? 1 : 2);
      }
    }
  }
  // A listed kind (« Tribunal administratif ») does not hide its place.
  FindPlaceBodies(v, &out);
  FindCompanyForms(v, &out);
  // A rule never stretches a listed name: "Conseil d'État statuant …" stays
  // "Conseil d'État". A name after its cue may start with a listed place:
  // « l'association Paris Sans Voiture ».
  RuleNames cued(v, &out, listed_start, 2);
  FindCuedOrganisations(v, &cued);
  RuleNames others(v, &out, listed_start, 1);
  FindHeadedOrganisations(v, &others);
  FindAppositions(v, &others);
  FindPersons(v, &out);
  FindSurnameMentions(v, &out);
  return out;
}

}  // namespace lexfr
