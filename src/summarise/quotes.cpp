#include "summarise/quotes.h"

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <span>

#include "lexicon/lexicon.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

// The first token at or after a position that passes a test, among the
// tokens that may be quotation marks (QuoteMarkCandidates), for positions
// that never decrease: the search resumes where the last one stopped, so a
// text of opening marks that are never closed is read once, not 400 tokens
// from each mark (issue 15). The test is asked of candidates only.
template <class Test>
class NextToken {
 public:
  NextToken(std::span<const uint32_t> candidates, size_t size, Test test)
      : candidates_(candidates), size_(size), test_(test) {}
  size_t From(size_t from) {
    if (!found_ || at_ < from) {
      while (next_ < candidates_.size() && (candidates_[next_] < from || !test_(candidates_[next_]))) ++next_;
      at_ = next_ < candidates_.size() ? candidates_[next_] : size_;
      found_ = true;
    }
    return at_;
  }

 private:
  std::span<const uint32_t> candidates_;
  size_t size_;
  Test test_;
  size_t next_ = 0;  // the candidate of the last answer, when found_
  size_t at_ = 0;    // the answer to the last question, when found_
  bool found_ = false;
};

// The PERSON and ORG mentions, in text order (so by sentence too), and the
// entity whose mention starts at each token.
class Parties {
 public:
  Parties(const std::vector<Entity>& entities, size_t tokens) : starts_mention_(tokens, false) {
    // One sort of 8-byte keys, the first token then the mention's number in
    // entity order, gives both orders (a sort of the mentions, reading each
    // at every comparison, and a stable sort of the owners cost three times
    // as much): of two mentions starting at one token, the later entity
    // owns it, and both are in entity order (Link never makes two).
    std::vector<Owner> found;
    std::vector<const Mention*> found_mentions;
    std::vector<uint64_t> order;
    // counted first: each vector allocated once, not grown by doubling
    size_t count = 0;
    for (const Entity& e : entities) {
      if (e.type == EntityType::kPerson || e.type == EntityType::kOrg) count += e.mentions.size();
    }
    found.reserve(count);
    found_mentions.reserve(count);
    order.reserve(count);
    for (const Entity& e : entities) {
      if (e.type != EntityType::kPerson && e.type != EntityType::kOrg) continue;
      for (const Mention& m : e.mentions) {
        starts_mention_[m.first_token] = true;
        order.push_back(uint64_t{m.first_token} << 32 | found.size());
        found.push_back({m.first_token, &e});
        found_mentions.push_back(&m);
      }
    }
    std::sort(order.begin(), order.end());
    mentions_.reserve(order.size());
    owner_.reserve(order.size());
    for (const uint64_t key : order) {
      const auto k = static_cast<uint32_t>(key);
      mentions_.push_back(found_mentions[k]);
      owner_.push_back(found[k]);
    }
    ends_rise_ = std::is_sorted(mentions_.begin(), mentions_.end(),
                                [](const Mention* a, const Mention* b) { return a->end_token < b->end_token; });
  }

  const Entity* OwnerAt(size_t token) const {
    if (!starts_mention_[token]) return nullptr;  // most tokens: one bit read
    const auto after = std::upper_bound(owner_.begin(), owner_.end(), token,
                                        [](size_t t, const Owner& o) { return t < o.first_token; });
    return std::prev(after)->entity;  // the last of the token's owners
  }

  // The mentions that start before `token`, latest first: at most `count`.
  std::vector<const Mention*> Before(uint32_t token, size_t count) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), token,
                               [](const Mention* m, uint32_t t) { return m->first_token < t; });
    std::vector<const Mention*> out;
    while (it != mentions_.begin() && out.size() < count) out.push_back(*--it);
    return out;
  }

  // The first mention of `sentence` (in text order) that ends within two
  // tokens before `end`. PERSON and ORG mentions never overlap (Link keeps
  // one per token and family), so their ends rise with their starts and a
  // binary search finds it, instead of reading the sentence from its start
  // for every quote; mentions whose ends do not rise are read through.
  const Mention* EndingAt(uint32_t sentence, uint32_t end) const {
    const auto by_sentence = [](const Mention* m, uint32_t s) { return m->sentence < s; };
    const auto from = std::lower_bound(mentions_.begin(), mentions_.end(), sentence, by_sentence);
    const auto to = std::lower_bound(from, mentions_.end(), sentence + 1, by_sentence);
    return MentionEndingAt(std::span<const Mention* const>(from, to), ends_rise_, end);
  }

 private:
  static const Mention* MentionEndingAt(std::span<const Mention* const> list, bool ends_rise, uint32_t end);

  std::vector<const Mention*> mentions_;
  // The entity whose mention starts at a token: a bit per token, and the
  // owners of the few tokens whose bit is set (issue 21: a pointer per
  // token was this stage's share of a run's peak memory).
  // (a sorted vector, not a hash map: a node per mention cost more to
  // build and free than all the questions asked of it).
  std::vector<bool> starts_mention_;
  struct Owner {
    uint32_t first_token;
    const Entity* entity;
  };
  std::vector<Owner> owner_;  // by first token; several for a token, in the entities' order
  bool ends_rise_ = true;
};

const Mention* Parties::MentionEndingAt(std::span<const Mention* const> list, bool ends_rise, uint32_t end) {
  const auto fits = [&](const Mention* m) { return m->end_token <= end && m->end_token + 2 >= end; };
  if (!ends_rise) {
    const auto it = std::find_if(list.begin(), list.end(), fits);
    return it == list.end() ? nullptr : *it;
  }
  const auto it = std::lower_bound(list.begin(), list.end(), end,
                                   [](const Mention* m, uint32_t e) { return m->end_token + 2 < e; });
  return it != list.end() && fits(*it) ? *it : nullptr;
}

enum class Gender : uint8_t { kUnknown, kFeminine, kMasculine };

// What a person's title or role says of their gender (« Mme », « avocate »).
Gender GenderOf(const Entity& e) {
  if (e.type != EntityType::kPerson) return Gender::kUnknown;
  const std::string& title = e.fields.title();
  if (title == "Mme" || title == "Mlle" || title == "présidente" || title == "chancelière") return Gender::kFeminine;
  if (title == "M.") return Gender::kMasculine;
  const std::string role = Fold(e.fields.role().substr(0, e.fields.role().find(' ')));
  for (std::string_view ending : {"ice", "euse", "ee", "ate", "ente", "ere", "ienne", "eure", "esse"}) {
    if (role.size() > ending.size() + 2 && role.ends_with(ending)) return Gender::kFeminine;
  }
  return Gender::kUnknown;
}

// A verb of data/cues/speech_verbs.tsv with what is read around it: the
// auxiliary and « se » before (« s'est réjouie », « avait rappelé »), the
// clitic after (« poursuit-elle ») or inside (« a-t-il ajouté »).
struct VerbGroup {
  size_t first = 0, end = 0;
  Gender pronoun = Gender::kUnknown;
  bool has_pronoun = false;
};

bool IsAuxiliary(std::string_view w) {
  for (std::string_view a : {"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient"}) {
    if (w == a) return true;
  }
  return false;
}

bool IsPronominalAuxiliary(std::string_view w) {
  for (std::string_view a : {"est", "etait", "sera", "serait", "sont", "etaient"}) {
    if (w == a) return true;
  }
  return false;
}

bool IsReflexive(std::string_view w) { return w == "s'" || w == "se"; }

// « il », « elle » (and « -elle » when the segmenter keeps the hyphen).
Gender PronounGender(std::string_view w, bool* is_pronoun) {
  if (w.starts_with("-")) w.remove_prefix(1);
  *is_pronoun = w == "il" || w == "elle" || w == "ils" || w == "elles";
  if (!*is_pronoun) return Gender::kUnknown;
  return w.starts_with("e") ? Gender::kFeminine : Gender::kMasculine;
}

template <class Folded>
VerbGroup ReadVerbGroup(const CueHit& h, size_t size, const Folded& folded) {
  VerbGroup g{h.first_token, h.end_token};
  const size_t f = h.first_token;
  bool pronoun = false;
  // « a-t-il ajouté »: auxiliary, « -t- », pronoun, participle
  if (f >= 5 && IsAuxiliary(folded(f - 5)) && folded(f - 4) == "-" && folded(f - 3) == "t" &&
      folded(f - 2) == "-") {
    const Gender gender = PronounGender(folded(f - 1), &pronoun);
    if (pronoun) return {f - 5, g.end, gender, true};
  }
  if (f >= 1 && IsAuxiliary(folded(f - 1))) {
    g.first = f - 1;
  } else if (f >= 2 && IsPronominalAuxiliary(folded(f - 1)) && IsReflexive(folded(f - 2))) {
    g.first = f - 2;
  } else if (f >= 1 && IsReflexive(folded(f - 1))) {
    g.first = f - 1;
  }
  const size_t e = h.end_token;
  if (e < size && (folded(e) == "-elle" || folded(e) == "-il")) {
    g.pronoun = PronounGender(folded(e), &pronoun);
    g.end = e + 1;
  } else if (e + 3 < size && folded(e) == "-" && folded(e + 1) == "t" && folded(e + 2) == "-") {
    g.pronoun = PronounGender(folded(e + 3), &pronoun);
    if (pronoun) g.end = e + 4;
  } else if (e + 1 < size && folded(e) == "-") {
    g.pronoun = PronounGender(folded(e + 1), &pronoun);
    if (pronoun) g.end = e + 2;
  }
  g.has_pronoun = pronoun;
  return g;
}

// Words only a clause has: a subject pronoun, « est », « ne ». A constant
// array: a list written in the loop was rebuilt, each word's length
// counted, for every word of every quotation.
constexpr std::array<std::string_view, 25> kClauseWords{
    "je", "j'", "nous", "vous", "on", "c'", "il", "ils", "elle", "elles", "est", "sont", "a",
    "ont", "ne", "n'", "suis", "sommes", "va", "vont", "peut", "doit", "faut", "etait", "sera"};

// A word of at most seven bytes as one integer: its bytes, then its size in
// the last byte (so that « il » and « il\0 » differ); 0 for a longer one.
constexpr uint64_t PackedWord(std::string_view w) {
  if (w.size() > 7) return 0;
  uint64_t packed = uint64_t{w.size()} << 56;
  for (size_t i = 0; i < w.size(); ++i) packed |= uint64_t{static_cast<unsigned char>(w[i])} << (8 * i);
  return packed;
}

// kClauseWords packed: a word is compared with each in one comparison, not
// a call of string_view::compare for each of the same size (most of the
// cost of reading a quotation for LooksLikeTerm).
constexpr std::array<uint64_t, kClauseWords.size()> kPackedClauseWords = [] {
  std::array<uint64_t, kClauseWords.size()> packed{};
  for (size_t i = 0; i < kClauseWords.size(); ++i) packed[i] = PackedWord(kClauseWords[i]);
  return packed;
}();

bool IsClauseWord(std::string_view w) {
  const uint64_t packed = PackedWord(w);
  return packed != 0 && std::find(kPackedClauseWords.begin(), kPackedClauseWords.end(), packed) != kPackedClauseWords.end();
}

// A few words in guillemets that hold no sentence: no sentence mark and no
// word that only a clause has (kClauseWords).
bool LooksLikeTerm(std::string_view text, const Segmentation& seg, size_t first, size_t end,
                   const std::function<std::string_view(size_t)>& folded) {
  size_t words = 0;
  for (size_t k = first; k < end; ++k) {
    const std::string_view w = folded(k);
    // « à » and « A » fold to « a », the verb: only « a » as written is one
    if (w == "a" && TokenText(text, seg.tokens[k]) != "a") {
      ++words;
      continue;
    }
    if (w == "." || w == "!" || w == "?" || w == "..." || w == "…" || w == ";" || w == ":") return false;
    if (IsClauseWord(w)) return false;
    if (seg.tokens[k].kind == TokenKind::kWord) ++words;
  }
  return words <= 6;
}

// Whether a token may be a quotation mark, by its first byte: « » (C2),
// “ ” (E2), ". Every token is asked whether it opens or closes a
// quotation; this spares the others the full comparisons, which cost a
// fifth of the stage. The byte is read straight from the text: taking the
// token's text first cost more than the answer. The answer is a byte of a
// table (1 or 0), not three comparisons.
constexpr std::array<uint8_t, 256> kMayStartQuoteMark = [] {
  std::array<uint8_t, 256> table{};
  table['"'] = table[0xC2] = table[0xE2] = 1;
  return table;
}();
uint8_t MayBeQuoteMark(char first) { return kMayStartQuoteMark[static_cast<unsigned char>(first)]; }

// The tokens whose first byte may start a quotation mark, in text order:
// one tight pass, after which the searches for opening and closing marks
// read these few instead of every token once per kind of mark. Four tokens
// are asked at once and looked at one by one only when one of them may be
// a mark (rarely).
std::vector<uint32_t> QuoteMarkCandidates(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<uint32_t> out;
  const char* bytes = text.data();
  const Token* toks = tokens.data();
  const auto may_be_mark = [&](size_t i) { return MayBeQuoteMark(bytes[toks[i].byte_start]); };  // a token is never empty
  size_t i = 0;
  const size_t n = tokens.size();
  for (; i + 4 <= n; i += 4) {
    if ((may_be_mark(i) | may_be_mark(i + 1) | may_be_mark(i + 2) | may_be_mark(i + 3)) == 0) continue;
    for (size_t k = i; k < i + 4; ++k) {
      if (may_be_mark(k)) out.push_back(static_cast<uint32_t>(k));
    }
  }
  for (; i < n; ++i) {
    if (may_be_mark(i)) out.push_back(static_cast<uint32_t>(i));
  }
  return out;
}

}  // namespace

std::vector<Quote> FindQuotes(const TokenView& view, const DocumentCues& cues, const std::vector<Entity>& entities) {
  const std::string_view text = view.text();
  const Segmentation& seg = view.segmentation();
  std::vector<Quote> quotes;
  const std::vector<Token>& tokens = seg.tokens;
  if (tokens.empty()) return quotes;
  const std::function<std::string_view(size_t)> folded = [&](size_t k) { return FoldedText(seg, k); };
  const std::span<const CueHit> verbs = cues.Of(CueFile::kSpeechVerbs);
  const Parties parties(entities, tokens.size());
  const auto is_person = [](const Entity* e) { return e != nullptr && e->type == EntityType::kPerson; };
  // An ORG named as the complement of a noun (« avocate du cabinet Y »,
  // « secrétaire général de la CNIL »): the body of a speaker, not one.
  const auto complement = [&](const Mention& m) {
    size_t k = m.first_token;
    if (k >= 1 && (folded(k - 1) == "la" || folded(k - 1) == "l'")) --k;
    if (k == 0) return false;
    const std::string_view of = folded(k - 1);
    return of == "de" || of == "du" || of == "des" || of == "d'";
  };
  // The PERSON or ORG whose mention starts within [from, from + span); past
  // an ORG that is a complement, the PERSON that follows it in the sentence
  // (« a déclaré l'avocate du cabinet Y, Me X »).
  const auto entity_at = [&](uint32_t from, uint32_t span) -> const Entity* {
    for (uint32_t k = from; k < from + span && k < tokens.size(); ++k) {
      const Entity* e = parties.OwnerAt(k);
      if (e == nullptr) continue;
      if (e->type == EntityType::kOrg) {
        for (uint32_t p = k + 1; p < k + 12 && p < tokens.size() && tokens[p].sentence == tokens[k].sentence; ++p) {
          if (is_person(parties.OwnerAt(p))) return parties.OwnerAt(p);
        }
      }
      return e;
    }
    // « a déclaré l'avocate de l'association, Me X »: a person further on
    for (uint32_t k = from + span; k < from + 12 && k < tokens.size() && tokens[k].sentence == tokens[from].sentence;
         ++k) {
      if (IsOpeningQuote(TokenText(text, tokens[k]))) break;
      if (is_person(parties.OwnerAt(k))) return parties.OwnerAt(k);
    }
    return nullptr;
  };
  // The PERSON or ORG whose mention ends at most two tokens before `end`;
  // for an ORG complement, the PERSON whose apposition holds it (« Mathias
  // Moulin, secrétaire général adjoint de la CNIL, a déclaré »).
  const auto entity_ending_at = [&](uint32_t end, uint32_t sentence) -> const Entity* {
    const Mention* m = parties.EndingAt(sentence, end);
    if (m == nullptr) return nullptr;
    const Entity* e = parties.OwnerAt(m->first_token);
    if (e->type != EntityType::kOrg || !complement(*m)) return e;
    for (const Mention* before : parties.Before(m->first_token, 3)) {
      if (before->sentence != sentence || before->end_token + 12 < m->first_token) break;
      const Entity* p = parties.OwnerAt(before->first_token);
      if (is_person(p) && before->end_token < tokens.size() && folded(before->end_token) == ",") return p;
    }
    return e;
  };
  // The nearest earlier speaker a pronoun fits (« poursuit-elle »).
  std::vector<const Entity*> speakers;  // the last few, latest last
  const auto previous_speaker = [&](Gender pronoun) -> const Entity* {
    for (auto it = speakers.rbegin(); it != speakers.rend(); ++it) {
      const Gender g = GenderOf(**it);
      if (g == Gender::kUnknown || pronoun == Gender::kUnknown || g == pronoun) return *it;
    }
    return nullptr;
  };
  // Where each kind of opening mark is closed: by a closing mark (any, or
  // only " for "), or by the same opening mark glued to the word before it
  // (« un appel à l'aide« is a common typo).
  const auto text_is = [&](std::string_view mark) { return [&, mark](size_t k) { return view.TextIs(k, mark); }; };
  const auto glued = [&](std::string_view mark) {
    return [&, mark](size_t k) { return !tokens[k].space_before && view.TextIs(k, mark); };
  };
  const std::vector<uint32_t> candidates = QuoteMarkCandidates(text, tokens);
  NextToken any_closing(candidates, tokens.size(), [&](size_t k) { return IsClosingQuote(TokenText(text, tokens[k])); });
  NextToken straight(candidates, tokens.size(), text_is("\""));
  NextToken glued_guillemet(candidates, tokens.size(), glued("«"));
  NextToken glued_curly(candidates, tokens.size(), glued("“"));
  size_t next_verb = 0;  // verbs are in text order; quotes too
  size_t resume = 0;     // past the last quotation read
  for (const uint32_t i : candidates) {
    if (i < resume) continue;
    const std::string_view open = TokenText(text, tokens[i]);
    if (!IsOpeningQuote(open)) continue;
    // The closing mark, within 400 tokens.
    const size_t close = open == "\"" ? straight.From(i + 1)
                         : open == "«"  ? std::min(any_closing.From(i + 1), glued_guillemet.From(i + 1))
                                        : std::min(any_closing.From(i + 1), glued_curly.From(i + 1));
    if (close >= tokens.size() || close >= i + 400 || close == i + 1) continue;
    Quote q;
    const Token& first = tokens[i + 1];
    const Token& last = tokens[close - 1];
    q.text = std::string(text.substr(first.byte_start, last.byte_end - first.byte_start));
    q.start = CodePointStart(text, seg, first);
    q.end = CodePointEnd(text, seg, last);
    q.byte_start = first.byte_start;
    q.byte_end = last.byte_end;
    q.sentence = first.sentence;
    // Who speaks: « … », a déclaré X / poursuit-elle; X a estimé que « … ».
    const Entity* speaker = nullptr;
    while (next_verb < verbs.size() && verbs[next_verb].end_token + 12 < i) ++next_verb;
    // a verb group after the quote starts at most 2 tokens after it
    // (« », a-t-il ajouté »: the participle 7 tokens after)
    for (size_t v = next_verb; v < verbs.size() && verbs[v].first_token <= close + 8; ++v) {
      const CueHit& h = verbs[v];
      const std::string& side = h.cue->value;
      if (side == "verb") {
        const VerbGroup g = ReadVerbGroup(h, tokens.size(), folded);
        if (g.first > close && g.first <= close + 2) {  // « … », a déclaré X
          speaker = g.has_pronoun ? previous_speaker(g.pronoun) : entity_at(static_cast<uint32_t>(g.end), 4);
          if (speaker != nullptr) break;
        }
        size_t to = g.end;  // X a déclaré : « … » / X estime que « … »
        if (to < i && (folded(to) == ":" || folded(to) == "que" || folded(to) == "qu'" || folded(to) == ",")) ++to;
        if (to == i && g.end <= i) {
          bool subject_pronoun = false;
          const Gender gender = g.first > 0 ? PronounGender(folded(g.first - 1), &subject_pronoun) : Gender::kUnknown;
          speaker = g.has_pronoun || subject_pronoun
                        ? previous_speaker(g.has_pronoun ? g.pronoun : gender)
                        : entity_ending_at(static_cast<uint32_t>(g.first), h.sentence);
          if (speaker != nullptr) break;
        }
        continue;
      }
      if (side == "after" && h.first_token > close && h.first_token <= close + 2) {
        speaker = entity_at(h.end_token, 4);
        if (speaker != nullptr) break;
      }
      if (side == "intro" && h.end_token < i && h.end_token + 12 >= i && h.sentence == q.sentence) {
        speaker = entity_at(h.end_token, 3);
        if (speaker != nullptr) break;
      }
      if (side == "before" && h.end_token <= i && h.end_token + 2 >= i) {
        speaker = entity_ending_at(h.first_token, h.sentence);
        if (speaker != nullptr) break;
      }
    }
    if (speaker != nullptr) {
      q.speaker = speaker->canonical;
      q.speaker_type = EntityTypeName(speaker->type);
      std::erase(speakers, speaker);
      speakers.push_back(speaker);
      if (speakers.size() > 4) speakers.erase(speakers.begin());
    } else if (LooksLikeTerm(text, seg, i + 1, close, folded)) {
      q.kind = "term";
    }
    quotes.push_back(std::move(q));
    resume = close + 1;
  }
  return quotes;
}

}  // namespace lexfr
