// The phrases that name an act, an office, a party (summarise/reported_phrases.h).
#include "summarise/reported_phrases.h"

#include <algorithm>

#include "text/text_util.h"

namespace lexfr {
namespace {

// How far a reader walks: an act with its author and date, a place's name,
// a party's lower-case name. Longer phrases are not read (and the readers
// stay bounded, so linear in the text however often they are asked).
constexpr uint32_t kMaxNameTokens = 8;
constexpr uint32_t kMaxLowerNameTokens = 8;
constexpr uint32_t kMaxQuotedTokens = 10;
constexpr int kMaxActParts = 4;

bool InText(const PhraseReader& r, uint32_t i) { return i < r.view.size(); }

const CueHit* Word(const PhraseReader& r, uint32_t i, std::string_view role) {
  return InText(r, i) ? r.hits.At(i, "word", role) : nullptr;
}

// Past a determiner at `i`, if there is one.
uint32_t SkipDeterminer(const PhraseReader& r, uint32_t i) {
  const CueHit* det = Word(r, i, "det");
  return det != nullptr ? det->end_token : i;
}

// The hit of `field` that starts at `from` or past its determiner: the head
// word of an act, an office or a party (« la décision », « le maire »).
const CueHit* HeadWordAt(const PhraseReader& r, uint32_t from, std::string_view field) {
  const uint32_t i = SkipDeterminer(r, from);
  return InText(r, i) ? r.hits.At(i, field) : nullptr;
}

// The text of tokens [first, end), as written.
std::string Slice(const PhraseReader& r, uint32_t first, uint32_t end) {
  return std::string(r.view.Span(first, end));
}

// Pieces of text joined as the text joins them: a space unless the second
// is glued to what came before it (« d' » + « Orient »).
void Append(const PhraseReader& r, std::string* out, uint32_t first, uint32_t end) {
  if (first >= end) return;
  if (!out->empty() && r.view.token(first).space_before) out->push_back(' ');
  *out += Slice(r, first, end);
}

// A place's or a body's name from `i`: capitalised words, and what a hyphen
// glues into them (« Bras Panon », « Seine-Maritime », « Saint-Jean-de-Luz »).
uint32_t NameEnd(const PhraseReader& r, uint32_t i) {
  const uint32_t limit = i + kMaxNameTokens;
  uint32_t end = i;
  while (end < limit && InText(r, end)) {
    const bool glued_to_hyphen = end > i && r.view.Has(end, kGlued) &&
                                 (r.view.Text(end) == "-" || r.view.Text(end - 1) == "-");
    if (!r.view.Has(end, kCapitalised) && !glued_to_hyphen) break;
    ++end;
  }
  while (end > i && r.view.Text(end - 1) == "-") --end;  // a dangling hyphen
  return end;
}

// The name in quotes at `i` (« « Le Zinc » »): sets [*first, *end) to its
// words and returns past the closing quote, or returns `i`.
// Quotation marks are typography, not cue words (text/text_util.h): as cue
// hits, a text of quotes (« « « … ») made every token one.
uint32_t QuotedName(const PhraseReader& r, uint32_t i, uint32_t* first, uint32_t* end) {
  if (!InText(r, i) || !IsOpeningQuote(r.view.Text(i))) return i;
  const uint32_t open_end = i + 1;
  for (uint32_t k = open_end; k < open_end + kMaxQuotedTokens && InText(r, k); ++k) {
    if (IsClosingQuote(r.view.Text(k))) {
      if (k == open_end) return i;
      *first = open_end;
      *end = k;
      return k + 1;
    }
  }
  return i;
}

// An ORG or PERSON entity's mention at `i`: its canonical, *end past it.
std::string PartyEntityAt(const PhraseReader& r, uint32_t i, uint32_t* end) {
  const Entity* e = r.mention_at(i, EntityType::kOrg, end);
  if (e == nullptr) e = r.mention_at(i, EntityType::kPerson, end);
  return e != nullptr ? e->canonical : std::string();
}

std::string OfficeAt(const PhraseReader& r, uint32_t from, uint32_t* end, int depth);

// An author after an act (« du maire de X », « de la CNIL ») at `i`, the
// « de » already passed: an entity, else an office.
std::string AuthorAt(const PhraseReader& r, uint32_t i, uint32_t* end) {
  std::string author = PartyEntityAt(r, i, end);
  if (author.empty()) author = ReadOfficeAt(r, i, end);
  return author;
}

}  // namespace

// Match() reports hits by their first token, longest first at a token: the
// hits of a token are a slice of them.
HitsAtToken::HitsAtToken(size_t token_count, std::span<const CueHit> hits) : hits_(hits), token_count_(token_count) {
  auto first = std::make_shared<std::vector<uint32_t>>(token_count / kTokensPerBlock + 2,
                                                       static_cast<uint32_t>(hits.size()));
  size_t block = 0;  // the first block not given its first hit yet
  for (size_t k = 0; k < hits.size(); ++k) {
    for (const size_t of_hit = hits[k].first_token / kTokensPerBlock; block <= of_hit; ++block) {
      (*first)[block] = static_cast<uint32_t>(k);
    }
  }
  first_ = std::move(first);
}

HitsAtToken HitsAtToken::Within(const std::vector<bool>& read) const {
  HitsAtToken within = *this;
  within.read_ = &read;
  return within;
}

const CueHit* HitsAtToken::At(size_t i, std::string_view field, std::string_view value) const {
  if (i >= token_count_) return nullptr;
  uint32_t k = (*first_)[i / kTokensPerBlock];
  while (k < hits_.size() && hits_[k].first_token < i) ++k;  // the earlier tokens of i's block
  for (; k < hits_.size() && hits_[k].first_token == i; ++k) {
    // a hit's sentence is its first token's: every hit of token i is read, or none
    if (read_ != nullptr && !read_->empty() && !(*read_)[hits_[k].sentence]) return nullptr;
    const Cue& cue = *hits_[k].cue;
    if (cue.field == field && (value.empty() || cue.value == value)) return &hits_[k];
  }
  return nullptr;
}

std::string ReadOfficeAt(const PhraseReader& r, uint32_t from, uint32_t* end) { return OfficeAt(r, from, end, 0); }

namespace {

// An office of an office (« président du conseil régional X ») is read; an
// office of an office of an office is not (and the reader stays bounded).
constexpr int kMaxOfficeDepth = 1;

std::string OfficeAt(const PhraseReader& r, uint32_t from, uint32_t* end, int depth) {
  const CueHit* head = HeadWordAt(r, from, "office");
  if (head == nullptr) return {};
  std::string out = Slice(r, head->first_token, head->end_token);
  *end = head->end_token;
  uint32_t k = head->end_token;
  // « président du conseil régional X »: the office of an office
  const CueHit* of = Word(r, k, "of");
  if (of != nullptr) {
    uint32_t inner_end = 0;
    const std::string inner = depth < kMaxOfficeDepth ? OfficeAt(r, of->end_token, &inner_end, depth + 1) : "";
    if (!inner.empty()) {
      Append(r, &out, of->first_token, of->end_token);
      out += ' ';
      out += inner;
      *end = inner_end;
      return out;
    }
    // « maire de la commune de X »: the words between the office and its
    // place go, but the « de » that ends them
    const CueHit* filler = Word(r, k, "filler");
    const uint32_t name_from = filler != nullptr ? filler->end_token : of->end_token;
    const uint32_t name_end = NameEnd(r, name_from);
    if (name_end == name_from) return out;
    const uint32_t of_first = filler != nullptr ? filler->end_token - 1 : of->first_token;
    const uint32_t of_end = filler != nullptr ? filler->end_token : of->end_token;
    Append(r, &out, of_first, of_end);
    Append(r, &out, name_from, name_end);
    *end = name_end;
    return out;
  }
  // « le conseil régional Grand Est »: the name right after the office
  const uint32_t name_end = NameEnd(r, k);
  if (name_end > k) {
    Append(r, &out, k, name_end);
    *end = name_end;
  }
  return out;
}

}  // namespace

ReadAct ReadActAt(const PhraseReader& r, uint32_t from) {
  ReadAct act;
  const CueHit* word = HeadWordAt(r, from, "act");
  if (word == nullptr) return act;
  act.type = word->cue->value;
  act.act_token = word->first_token;
  uint32_t k = word->end_token;
  for (int part = 0; part < kMaxActParts && InText(r, k); ++part) {
    if (const CueHit* of = Word(r, k, "of")) {
      uint32_t end = 0;
      const Entity* e = r.mention_at(of->end_token, EntityType::kDate, &end);
      if (e != nullptr) {  // « du 3 mai 2024 »
        if (act.date.empty() && e->fields.precision() == "day") act.date = e->fields.value();
        k = end;
        continue;
      }
      if (act.author.empty()) {
        const std::string author = AuthorAt(r, of->end_token, &end);
        if (!author.empty()) {
          act.author = author;
          k = end;
          continue;
        }
      }
      break;
    }
    if (const CueHit* by = Word(r, k, "by_which")) {  // « par lequel le préfet de X »
      uint32_t end = 0;
      if (act.author.empty()) act.author = AuthorAt(r, SkipDeterminer(r, by->end_token), &end);
      break;
    }
    // « par une décision du 3 mai 2024, le maire de X a … »: a dated act and
    // its author, the subject of the clause after it
    if (r.view.Text(k) == "," && !act.date.empty() && act.author.empty()) {
      uint32_t end = 0;
      act.author = AuthorAt(r, SkipDeterminer(r, k + 1), &end);
    }
    break;
  }
  return act;
}

NamedParty ReadNamedPartyAt(const PhraseReader& r, uint32_t from) {
  const CueHit* kind = HeadWordAt(r, from, "party");
  if (kind == nullptr) return {};
  NamedParty party{.name = "", .subtype = kind->cue->value, .end = kind->end_token};
  // « la société dénommée … »: the name comes after its announcing word
  const CueHit* after = Word(r, kind->end_token, "name_after");
  uint32_t k = after != nullptr ? after->end_token : kind->end_token;
  // « la société exploitant « Le Zinc » »
  uint32_t first = 0, end = 0;
  const uint32_t past_quote = QuotedName(r, k, &first, &end);
  if (past_quote > k) {
    party.name = Slice(r, first, end);
    party.end = past_quote;
    return party;
  }
  // « le club Union Sportive Nord »
  const uint32_t name_end = NameEnd(r, k);
  if (name_end > k) {
    party.name = Slice(r, k, name_end);
    party.end = name_end;
    return party;
  }
  // « l'association des riverains du port »: its name in lower case, up to a
  // word that ends it, a punctuation mark or the end of the sentence
  if (Word(r, k, "of") == nullptr) return party;
  const uint32_t sentence = r.view.token(k).sentence;
  uint32_t last = k;
  while (last < k + kMaxLowerNameTokens && InText(r, last) && r.view.token(last).sentence == sentence &&
         r.view.token(last).kind != TokenKind::kPunct && !r.cues.Is(CueWord::kPartyEnd, r.view.Id(last))) {
    ++last;
  }
  while (last > k && Word(r, last - 1, "of") != nullptr) --last;  // « … des » cut short
  if (last > k + 1) {
    party.name = Slice(r, kind->first_token, last);
    party.end = last;
  }
  return party;
}

}  // namespace lexfr
