#include "summarise/recourse.h"

#include <algorithm>
#include <array>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "lexicon/lexicon.h"
#include "summarise/placed.h"
#include "summarise/reported_phrases.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

// Which tokens sit inside « … » (or “ … ”), by one pass over the
// sentences that hold a cue: a quotation ends with its sentence at the
// latest, so a sentence's answer is the same whichever action reads it.
std::vector<bool> InsideQuotes(std::string_view text, const Segmentation& seg, std::span<const CueHit> hits) {
  std::vector<bool> inside(seg.tokens.size(), false);
  uint32_t last_sentence = UINT32_MAX;
  for (const CueHit& h : hits) {  // the sentences that hold a cue, each once
    if (h.sentence == last_sentence) continue;
    last_sentence = h.sentence;
    const Sentence& s = seg.sentences[h.sentence];
    bool open = false;
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      const std::string_view t = TokenText(text, seg.tokens[i]);
      if (t == "\"") {
        open = !open;
      } else if (IsOpeningQuote(t)) {
        open = true;
      } else if (IsClosingQuote(t)) {
        open = false;
      } else {
        inside[i] = open;
      }
    }
  }
  return inside;
}

// What the reading of every action a text reports shares: a text is read
// once per action (SplitActions below), and sorting its mentions and
// indexing its cues by token for each action cost more than the rules
// (issue 21: a news text with eight related actions read its tokens nine
// times over). Built once per document.
class DocumentIndexes {
 public:
  DocumentIndexes(const TokenView& view, const DocumentCues& cues, const std::vector<Placed>& mentions)
      : mentions(mentions),
        hits_at(view.segmentation().tokens.size(), cues.Of(CueFile::kRecourse)),
        view_(view),
        hits_(cues.Of(CueFile::kRecourse)) {}

  const std::vector<Placed>& mentions;  // every mention, in text order
  HitsAtToken hits_at;           // every hit of data/cues/recourse.tsv, by the token it starts at

  // Which tokens of the sentences that hold a cue sit inside quotation
  // marks (InsideQuotes). Only a sanction's grounds ask: read the first
  // time, then kept for the other actions.
  const std::vector<bool>& Quoted() const {
    if (!quoted_read_) {
      quoted_ = InsideQuotes(view_.text(), view_.segmentation(), hits_);
      quoted_read_ = true;
    }
    return quoted_;
  }

 private:
  const TokenView& view_;
  std::span<const CueHit> hits_;
  mutable std::vector<bool> quoted_;
  mutable bool quoted_read_ = false;
};

// The sentences one action is read from, with their cue hits and mentions.
struct ActionSentences {
  const std::vector<bool>& read;    // by sentence; empty: every sentence of the text
  std::span<const CueHit> hits;     // data/cues/recourse.tsv's hits in them that rules read by field, in text order
  std::span<const Placed> mentions;  // the mentions in them, in text order
};

// What every field's rule reads: tokens, cue hits, mentions in text order.
struct Context {
  std::string_view text;
  const Segmentation& seg;
  const Institutions& institutions;
  const DocumentIndexes& shared;
  // data/cues/recourse.tsv's hits in the sentences read, in text order: a
  // text that reports several actions is read once per action (Split below).
  // The rules read these by field (`hits_at` answers by token): an action
  // among others has no `word` hits here (PartsByAction).
  std::span<const CueHit> hits;
  std::span<const Placed> mentions;  // in the sentences read, in text order, so by sentence too
  CueHitsByField own_by_field;     // the hits by field, when some sentences are left out
  const CueHitsByField& by_field;  // the hits by field
  HitsAtToken hits_at;             // the hits by the token they start at
  PhraseReader reader;             // acts, offices and parties named in words
  // The first of `mentions` in sentence s or after, for every s and one past
  // the last: a sentence's mentions are a slice of `mentions` (a vector per
  // sentence cost more than the rules on a text of short sentences, and a
  // binary search for every slice missed the cache on long texts).
  std::vector<uint32_t> sentence_start;

  std::string_view Folded(size_t i) const { return FoldedText(seg, i); }

  // `action` and `shared` must outlive the Context.
  Context(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues, const DocumentIndexes& shared,
          const ActionSentences& action)
      : text(view.text()),
        seg(view.segmentation()),
        institutions(lexicon.institutions()),
        shared(shared),
        hits(action.hits),
        mentions(action.mentions),
        own_by_field(action.read.empty() ? CueHitsByField() : CueHitsByField(hits)),
        by_field(action.read.empty() ? cues.ByField(CueFile::kRecourse) : own_by_field),
        hits_at(shared.hits_at.Within(action.read)),
        reader{view, hits_at, cues, [this](uint32_t token, EntityType type, uint32_t* end) {
                 return MentionAt(token, type, end);
               }},
        sentence_start(SentenceStarts(seg.sentences.size(), mentions)) {}

  // `sentence_start` for `mentions`. Only the sentences from the first
  // mention's to the last's are walked, the others filled: an action among
  // others is a few sentences of a long text, and walking every sentence
  // for each cost more than reading it.
  static std::vector<uint32_t> SentenceStarts(size_t sentences, std::span<const Placed> mentions) {
    std::vector<uint32_t> start(sentences + 1, 0);
    if (mentions.empty()) return start;
    const uint32_t first = mentions.front().mention->sentence, last = mentions.back().mention->sentence;
    for (uint32_t sentence = first, k = 0; sentence <= last; ++sentence) {
      while (k < mentions.size() && mentions[k].mention->sentence < sentence) ++k;
      start[sentence] = k;
    }
    std::fill(start.begin() + last + 1, start.end(), static_cast<uint32_t>(mentions.size()));
    return start;
  }

  // Every lookup below goes through these indexes, so the stage stays linear
  // in the text however many cues and mentions it holds: a rule reads the
  // mentions near a cue from a binary search, never a sentence from its
  // start, and a rule whose answer is the same for every cue of a sentence
  // runs once per sentence (issue 15: one long sentence of cues and
  // mentions made each of them quadratic).
  std::span<const CueHit* const> HitsOf(std::string_view field) const { return by_field.Of(field); }
  // Every Placed the rules see is one of `mentions`: its index there.
  size_t IndexOf(const Placed& p) const { return static_cast<size_t>(&p - mentions.data()); }
  // The mentions of `sentence`, in text order.
  std::span<const Placed> In(uint32_t sentence) const {
    return {mentions.begin() + sentence_start[sentence], mentions.begin() + sentence_start[sentence + 1]};
  }
  // The mentions of `sentence` from the first that starts at or after
  // `token`, in text order.
  std::span<const Placed> InFrom(uint32_t sentence, uint32_t token) const {
    const std::span<const Placed> in = In(sentence);
    const auto from = std::lower_bound(in.begin(), in.end(), token,
                                       [](const Placed& p, uint32_t t) { return p.mention->first_token < t; });
    return {from, in.end()};
  }
  std::string_view Str(size_t i) const { return TokenText(text, seg.tokens[i]); }
  // The entity of `type` whose mention starts at `token`, *end past it.
  const Entity* MentionAt(uint32_t token, EntityType type, uint32_t* end) const {
    if (token >= seg.tokens.size()) return nullptr;
    for (const Placed& p : InFrom(seg.tokens[token].sentence, token)) {
      if (p.mention->first_token != token) break;
      if (p.entity->type == type) {
        *end = p.mention->end_token;
        return p.entity;
      }
    }
    return nullptr;
  }
};

bool IsParty(const Entity& e) {
  return (e.type == EntityType::kOrg && e.fields.subtype() != "court" && e.fields.subtype() != "law_firm") ||
         (e.type == EntityType::kPerson && e.fields.title() != "Me" && e.fields.role().find("avocat") == std::string::npos);
}

// « … par l'intermédiaire de deux filiales, X ITALIA S.R.L. et X ESPANA SL »:
// a company named after a subsidiary cue of its sentence is the target's
// subsidiary. Each sentence's earliest cue end is kept: asking every cue
// of the text for every company of a sanction's sentences was quadratic in
// a text of many of both.
class SubsidiaryCues {
 public:
  explicit SubsidiaryCues(const Context& c) {
    for (const CueHit* h : c.HitsOf("subsidiary")) {  // in text order, so by sentence
      if (earliest_end_.empty() || earliest_end_.back().first != h->sentence) {
        earliest_end_.emplace_back(h->sentence, h->end_token);
      } else {
        earliest_end_.back().second = std::min(earliest_end_.back().second, h->end_token);
      }
    }
  }
  // Whether a subsidiary cue of the mention's sentence ends where it starts or before.
  bool Before(const Mention& m) const {
    const auto it = std::lower_bound(earliest_end_.begin(), earliest_end_.end(), m.sentence,
                                     [](const std::pair<uint32_t, uint32_t>& e, uint32_t s) { return e.first < s; });
    return it != earliest_end_.end() && it->first == m.sentence && it->second <= m.first_token;
  }

 private:
  std::vector<std::pair<uint32_t, uint32_t>> earliest_end_;  // (sentence, its cues' earliest end), by sentence
};


// A news item's title (or first sentence): what the text is about.
constexpr uint32_t kLeadSentences = 1;

// A summary lists at most this many parties, grounds or refs: enough for any
// real action, and it keeps a pathological input linear.
constexpr size_t kMaxListed = 100;

void AddUnique(std::vector<std::string>* list, const std::string& name) {
  if (list->size() < kMaxListed && std::find(list->begin(), list->end(), name) == list->end()) {
    list->push_back(name);
  }
}

// Sorted and deduplicated at the end of Summarise.
void AddEvidence(Recourse* r, const std::string& field, uint32_t sentence) {
  std::vector<uint32_t>& v = r->evidence[field];
  if (v.empty() || v.back() != sentence) v.push_back(sentence);
}

// The value with the highest summed weight among the hits of `field`, and
// the sentences it came from; empty when no hit reaches `min_weight`. Hits
// in the first `lead` sentences count twice: a title and its lead say what
// the text is about, the rest may tell of other stages.
std::string BestValue(const Context& c, std::string_view field, int min_weight, std::vector<uint32_t>* sentences,
                      uint32_t lead = 0) {
  std::map<std::string, int, std::less<>> score;
  std::vector<std::string_view> order;  // the values in the order the text first says them
  for (const CueHit* h : c.HitsOf(field)) {
    auto [it, inserted] = score.try_emplace(h->cue->value, 0);
    if (inserted) order.push_back(h->cue->value);
    it->second += h->cue->weight * (h->sentence < lead ? 2 : 1);
  }
  // a tie goes to the value said first
  std::string best;
  int best_score = min_weight - 1;
  for (std::string_view value : order) {
    const int s = score.find(value)->second;
    if (s > best_score) {
      best = std::string(value);
      best_score = s;
    }
  }
  for (const CueHit* h : c.HitsOf(field)) {
    if (h->cue->value == best) sentences->push_back(h->sentence);
  }
  return best;
}

// A référé is told by the CJA article it is brought under.
std::string KindFromLegalBasis(const Context& c, std::vector<uint32_t>* sentences) {
  for (const Placed& p : c.mentions) {
    if (p.entity->type != EntityType::kLegalRef || p.entity->fields.instrument() != "CJA") continue;
    const std::string& art = p.entity->fields.article();
    if (art == "L521-2") {
      sentences->push_back(p.mention->sentence);
      return "liberty_injunction";
    }
    if (art == "L521-1") {
      sentences->push_back(p.mention->sentence);
      return "suspension";
    }
  }
  return {};
}

// The court seized: the court named right after a seizing cue, else the one
// named most (titles count double).
// `elsewhere`: the courts of the other actions the text reports; one of
// them judges this action only when the text says it is seized of it.
std::string FindCourt(const Context& c, const std::string& kind, const std::set<std::string>& elsewhere,
                      std::vector<uint32_t>* sentences) {
  if (kind == "preliminary_ruling") {  // the Court of Justice answers every question referred
    const Institution* cjeu = c.institutions.OfKey("CJEU");
    return cjeu != nullptr ? cjeu->organisation : std::string();
  }
  if (kind == "sanction") {
    for (const Placed& p : c.mentions) {
      if (p.entity->type == EntityType::kOrg && p.entity->fields.subtype() == "regulator") {
        sentences->push_back(p.mention->sentence);
        return p.entity->canonical;
      }
    }
  }
  // A complaint goes to a regulator as often as to a court.
  const bool regulator_judges = kind == "complaint";
  const auto judges = [&](const Entity& e) {
    return IsCourt(e) || (regulator_judges && e.type == EntityType::kOrg && e.fields.subtype() == "regulator");
  };
  std::vector<bool> after_seize(c.seg.tokens.size() + 3, false);
  for (const CueHit* h : c.HitsOf("seize")) {
    for (uint32_t k = h->end_token; k <= h->end_token + 2; ++k) after_seize[k] = true;
  }
  // A court named where the text tells of an appeal (« confirmée par le
  // Conseil d'État », « un appel peut être formé devant … ») judged or may
  // judge another stage, unless that stage is the action.
  std::vector<bool> other_stage(c.seg.sentences.size(), false);
  if (kind != "appeal" && kind != "cassation") {
    for (const CueHit* h : c.HitsOf("other_stage")) other_stage[h->sentence] = true;
  }
  std::map<const Entity*, int> score;
  for (const Placed& p : c.mentions) {
    if (!judges(*p.entity) || other_stage[p.mention->sentence]) continue;
    if (elsewhere.count(p.entity->canonical) && !after_seize[p.mention->first_token]) continue;
    score[p.entity] += p.mention->sentence < 3 ? 2 : 1;
    if (after_seize[p.mention->first_token]) score[p.entity] += 4;
  }
  const Entity* best = nullptr;
  int best_score = 0;
  for (const Placed& p : c.mentions) {  // text order breaks ties
    if (judges(*p.entity) && score.count(p.entity) && score[p.entity] > best_score) {
      best = p.entity;
      best_score = score[p.entity];
    }
  }
  if (best == nullptr) return {};
  for (const Placed& p : c.mentions) {
    if (p.entity == best) sentences->push_back(p.mention->sentence);
  }
  return best->canonical;
}

// A mention read as the genitive of something else ("la délibération de la
// Cnil") is not the subject of the sentence.
bool IsGenitive(const Context& c, const Mention& m) {
  if (m.first_token == 0) return false;
  const std::string_view prev = c.Folded(m.first_token - 1);
  if (prev == "du" || prev == "des" || prev == "d'" || prev == "de" || prev == "par") return true;
  return m.first_token >= 2 && (prev == "la" || prev == "l'") && c.Folded(m.first_token - 2) == "de";
}

// The first party whose mention starts within `span` tokens after `from`.
const Placed* PartyAfter(const Context& c, uint32_t from, uint32_t span, uint32_t sentence, const Recourse& r) {
  for (const Placed& p : c.InFrom(sentence, from)) {
    if (p.mention->first_token > from + span) break;
    if (IsParty(*p.entity) && p.entity->canonical != r.court) return &p;
  }
  return nullptr;
}

// The parties listed from `from` on: "par la LDH et par l'association X,
// la société Y …", each within a few tokens of the one before. What follows
// a party in such a list does not depend on where the list was entered, so
// a list stops at a party that `listed` marks (an earlier cue's list went on
// from there already), and marks the ones it takes: « par X, par Y, par Z … »
// reads each party once, not once per « par » before it.
std::vector<const Placed*> PartiesListedAfter(const Context& c, uint32_t from, uint32_t sentence, const Recourse& r,
                                              std::vector<bool>* listed) {
  std::vector<const Placed*> out;
  uint32_t reach = from + 3;
  for (const Placed& p : c.InFrom(sentence, from)) {
    if (p.mention->first_token > reach) break;
    if (!IsParty(*p.entity) || p.entity->canonical == r.court) continue;
    out.push_back(&p);
    if ((*listed)[c.IndexOf(p)]) break;
    (*listed)[c.IndexOf(p)] = true;
    reach = p.mention->end_token + 4;
  }
  return out;
}

// The claimants of "[parties] demandent au juge…" in one sentence: the
// parties whose mention ends before the verb, handed out once each as the
// verbs of the sentence come, in text order. A verb's claimants are those
// of the verb before it and the parties ending in between, so each party is
// read once however many verbs the sentence holds.
class PartiesBefore {
 public:
  PartiesBefore(const Context& c, uint32_t sentence, const Recourse& r) : sentence_(sentence) {
    for (const Placed& p : c.In(sentence)) {
      if (IsParty(*p.entity) && p.entity->canonical != r.court && !IsGenitive(c, *p.mention)) by_end_.push_back(&p);
    }
    std::stable_sort(by_end_.begin(), by_end_.end(), [](const Placed* a, const Placed* b) {
      return a->mention->end_token < b->mention->end_token;
    });
  }
  // The parties ending at or before `token` that no earlier call returned,
  // in text order; `token` must not decrease from one call to the next.
  // Sets *any when some party ends at or before `token`.
  std::vector<const Placed*> Until(uint32_t token, bool* any) {
    const size_t from = next_;
    while (next_ < by_end_.size() && by_end_[next_]->mention->end_token <= token) ++next_;
    std::vector<const Placed*> out(by_end_.begin() + from, by_end_.begin() + next_);
    std::sort(out.begin(), out.end());  // pointers into Context::mentions: text order
    *any = next_ > 0;
    return out;
  }
  uint32_t sentence() const { return sentence_; }

 private:
  uint32_t sentence_;
  std::vector<const Placed*> by_end_;
  size_t next_ = 0;
};

// Whether a party's mention in `sentence` ends right at `token`, for the
// cues of a sentence in turn: the sentence's party ends are sorted once.
class PartyEnds {
 public:
  bool At(const Context& c, uint32_t sentence, uint32_t token, const Recourse& r) {
    if (sentence != sentence_) {
      sentence_ = sentence;
      ends_.clear();
      for (const Placed& p : c.In(sentence)) {
        if (IsParty(*p.entity) && p.entity->canonical != r.court) ends_.push_back(p.mention->end_token);
      }
      std::sort(ends_.begin(), ends_.end());
    }
    return std::binary_search(ends_.begin(), ends_.end(), token);
  }

 private:
  uint32_t sentence_ = UINT32_MAX;
  std::vector<uint32_t> ends_;
};

// The organisation « l'association » or « la société » alone refers to: the
// last one of that subtype named before the sentence. Asked for sentences
// in text order, it reads the mentions once.
class LastNamedOfSubtype {
 public:
  const std::string* Before(const Context& c, uint32_t sentence, std::string_view subtype) {
    while (next_ < c.sentence_start[sentence]) {
      const Entity& e = *c.mentions[next_++].entity;
      if (e.type == EntityType::kOrg && IsParty(e)) last_[e.fields.subtype()] = &e.canonical;
    }
    const auto it = last_.find(subtype);
    return it == last_.end() ? nullptr : it->second;
  }

 private:
  size_t next_ = 0;
  std::map<std::string, const std::string*, std::less<>> last_;  // by subtype; asked with a string_view
};

// A claimant no entity names, read from the words at `token`: « saisi par
// l'association des riverains du port », « La société exploitant « Le
// Zinc » a contesté … », « L'association a saisi … » (the last association
// named before). Empty when none is.
std::string ClaimantInWords(const Context& c, uint32_t token, uint32_t sentence, LastNamedOfSubtype* last) {
  const NamedParty party = ReadNamedPartyAt(c.reader, token);
  if (!party.name.empty() || party.subtype.empty()) return party.name;
  const std::string* named = last->Before(c, sentence, party.subtype);
  return named != nullptr ? *named : std::string();
}

// A list of parties after « saisi par » holds at most this many: past it,
// the entities' list (PartiesListedAfter) reads on.
constexpr int kMaxListedInWords = 8;

// The words that join the items of a list of parties.
bool JoinsList(std::string_view folded) {
  return folded == "," || folded == "et" || folded == "par" || folded == "ainsi" || folded == "que";
}

// The articles a list item's entity may follow. Not SkipDeterminer's
// determiners (reported_phrases.cpp): those also step past « son »,
// « une », « cette », which changes the parties such a list gives (in a
// trial, « … et par son président, M. Jean Dupont » gave « président »).
bool IsDefiniteArticle(std::string_view folded) {
  return folded == "la" || folded == "le" || folded == "l'" || folded == "les";
}

// « saisi par la Première ministre, par le président de l'Assemblée
// nationale et par plus de soixante députés »: the parties a list names,
// as offices, as entities or by their kind (ClaimantInWords), in text
// order. Each item's reader walks a bounded number of tokens.
std::vector<std::string> ListedInWords(const Context& c, uint32_t token, uint32_t sentence, const Recourse& r,
                                       LastNamedOfSubtype* last) {
  std::vector<std::string> out;
  const uint32_t end = c.seg.sentences[sentence].end_token;
  uint32_t k = token;
  for (int item = 0; item < kMaxListedInWords && k < end; ++item) {
    for (int skipped = 0; skipped < 4 && k < end && JoinsList(c.Folded(k)); ++skipped) ++k;
    if (k >= end) break;
    uint32_t past = 0;
    if (std::string office = ReadOfficeAt(c.reader, k, &past); !office.empty() && past > k) {
      out.push_back(std::move(office));
      k = past;
      continue;
    }
    const uint32_t at = IsDefiniteArticle(c.Folded(k)) ? k + 1 : k;
    // the entity named there, or right after its kind (« l'association
    // Droit au logement »): the whole entity, not the words' reading of it
    const Entity* named = nullptr;
    for (uint32_t i = at; i <= at + 1 && i < end && named == nullptr; ++i) {
      named = c.MentionAt(i, EntityType::kOrg, &past);
      if (named == nullptr) named = c.MentionAt(i, EntityType::kPerson, &past);
      if (i == at && named == nullptr && c.reader.hits.At(i, "party") == nullptr) break;
    }
    if (named != nullptr) {
      if (IsParty(*named) && named->canonical != r.court) out.push_back(named->canonical);
      k = past;
      continue;
    }
    const NamedParty party = ReadNamedPartyAt(c.reader, k);
    if (party.subtype.empty()) break;
    if (!party.name.empty()) {
      out.push_back(party.name);
    } else if (const std::string* before = last->Before(c, sentence, party.subtype)) {
      out.push_back(*before);
    }
    if (party.end <= k) break;
    k = party.end;
  }
  return out;
}

void FindParties(const Context& c, Recourse* r) {
  const auto party = [&](const Placed& p) { return IsParty(*p.entity) && p.entity->canonical != r->court; };
  // "X / Y", "X contre Y" with a party on both sides (a case's title): the
  // whole sentence splits into claimants and respondents.
  PartyEnds party_ends;
  for (const CueHit* h : c.HitsOf("claim")) {
    if (h->cue->value != "against") continue;
    const bool before = party_ends.At(c, h->sentence, h->first_token, *r);
    if (!before || PartyAfter(c, h->end_token, 2, h->sentence, *r) == nullptr) continue;
    for (const Placed& p : c.In(h->sentence)) {
      if (party(p)) AddUnique(p.mention->end_token <= h->first_token ? &r->claimants : &r->respondents, p.entity->canonical);
    }
    AddEvidence(r, "claimants", h->sentence);
    AddEvidence(r, "respondents", h->sentence);
    return;
  }
  if (r->kind == "sanction") {
    // The authority acts of its own motion; the parties are the companies it
    // targets, named as subject or object of the sanction. Every cue of a
    // sentence finds the same ones, and cues come in text order: each
    // sentence is read once (reading one again would add nothing).
    uint32_t last_read = UINT32_MAX;
    const SubsidiaryCues subsidiary(c);
    for (const CueHit* h : c.HitsOf("sanction")) {
      if (h->sentence == last_read) continue;
      last_read = h->sentence;
      for (const Placed& p : c.In(h->sentence)) {
        if (IsGenitive(c, *p.mention)) continue;
        if (p.entity->type != EntityType::kOrg || p.entity->fields.subtype() != "company") continue;
        if (subsidiary.Before(*p.mention)) continue;
        AddUnique(&r->respondents, p.entity->canonical);
        AddEvidence(r, "respondents", h->sentence);
      }
    }
    // "Google" and "Google LLC" both named: the sanctioned ones are the
    // companies, not the group.
    const std::vector<std::string> all = r->respondents;
    std::erase_if(r->respondents, [&](const std::string& name) {
      return std::any_of(all.begin(), all.end(), [&](const std::string& other) {
        return other.size() > name.size() + 1 && other.starts_with(name) && other[name.size()] == ' ';
      });
    });
    return;
  }
  std::vector<bool> listed_by(c.mentions.size(), false), listed_against(c.mentions.size(), false);
  // The claim verbs' parties, for the sentence of the last verb: cues come
  // in text order, so each sentence's are handed out once (were one to come
  // back, a fresh list would only hand out parties already added again).
  std::optional<PartiesBefore> before;
  LastNamedOfSubtype last_named;
  uint32_t subject_read = UINT32_MAX;  // the sentence whose subject was read in words
  for (const CueHit* h : c.HitsOf("claim")) {
    if (h->cue->value == "by") {
      // "saisi par M. X", "le pourvoi formé par la société Y et par Z"
      const std::vector<const Placed*> listed = PartiesListedAfter(c, h->end_token, h->sentence, *r, &listed_by);
      for (const Placed* p : listed) {
        AddUnique(&r->claimants, p->entity->canonical);
        AddEvidence(r, "claimants", h->sentence);
      }
      for (const std::string& name : ListedInWords(c, h->end_token, h->sentence, *r, &last_named)) {
        AddUnique(&r->claimants, name);
        AddEvidence(r, "claimants", h->sentence);
      }
    } else if (h->cue->value == "against" || h->cue->value == "target") {
      // "une plainte contre la société Criteo", « a condamné la société X »,
      // « à l'encontre de M. Y »
      for (const Placed* p : PartiesListedAfter(c, h->end_token, h->sentence, *r, &listed_against)) {
        AddUnique(&r->respondents, p->entity->canonical);
        AddEvidence(r, "respondents", h->sentence);
      }
    } else if (h->cue->value == "verb") {
      // "[parties] demandent au juge…": the parties before the verb are the
      // claimants (those before an earlier verb of the sentence are already
      // in); a party right after "demande au/à la" is asked, so a respondent.
      if (!before || before->sentence() != h->sentence) before.emplace(c, h->sentence, *r);
      bool found = false;
      for (const Placed* p : before->Until(h->first_token, &found)) {
        AddUnique(&r->claimants, p->entity->canonical);
      }
      for (const Placed& p : c.InFrom(h->sentence, h->end_token)) {
        if (p.mention->first_token > h->end_token + 2) break;
        if (party(p) && (c.Folded(p.mention->first_token - 1) == "au" || c.Folded(p.mention->first_token - 1) == "a")) {
          AddUnique(&r->respondents, p.entity->canonical);
          AddEvidence(r, "respondents", h->sentence);
        }
      }
      if (!found && h->sentence != subject_read) {
        // no party named before the verb: the sentence's subject, in words
        subject_read = h->sentence;
        const uint32_t first = c.seg.sentences[h->sentence].first_token;
        const std::string name = ClaimantInWords(c, first, h->sentence, &last_named);
        if (!name.empty()) {
          AddUnique(&r->claimants, name);
          found = true;
        }
      }
      if (found) AddEvidence(r, "claimants", h->sentence);
    }
  }
  // Whoever brings the action is not also its target.
  std::erase_if(r->respondents, [&](const std::string& name) {
    return std::find(r->claimants.begin(), r->claimants.end(), name) != r->claimants.end();
  });
}

void FindCounsel(const Context& c, Recourse* r) {
  std::unordered_set<std::string_view> named;  // the counsel's names so far
  std::unordered_map<uint32_t, const std::string*> firm_of;  // sentence -> its first law firm, or null
  for (const Placed& p : c.mentions) {
    const Entity& e = *p.entity;
    if (e.type != EntityType::kPerson) continue;
    if (e.fields.title() != "Me" && e.fields.role().find("avocat") == std::string::npos) continue;
    if (!named.insert(e.canonical).second) continue;
    auto [firm, inserted] = firm_of.try_emplace(p.mention->sentence, nullptr);
    if (inserted) {
      for (const Placed& q : c.In(p.mention->sentence)) {
        if (q.entity->type == EntityType::kOrg && q.entity->fields.subtype() == "law_firm") {
          firm->second = &q.entity->canonical;
          break;
        }
      }
    }
    Counsel counsel{e.canonical, firm->second != nullptr ? *firm->second : std::string()};
    r->counsel.push_back(counsel);
    AddEvidence(r, "counsel", p.mention->sentence);
  }
}

std::string ActType(std::string_view instrument) {
  if (instrument.starts_with("DELIB:")) return "délibération";
  if (instrument.starts_with("DECRET:")) return "décret";
  if (instrument.starts_with("ARRETE:")) return "arrêté";
  if (instrument.starts_with("DECISION:") || instrument.starts_with("EU_DEC:")) return "décision";
  if (instrument.starts_with("ORD:")) return "ordonnance";
  if (instrument.starts_with("CIRC:")) return "circulaire";
  return {};
}

bool IsIsoDate(std::string_view s) {
  return s.size() == 10 && IsAsciiDigits(s.substr(0, 4)) && s[4] == '-' && s[7] == '-';
}

// The first DATE mention from `from` within `span` tokens, same sentence.
const Entity* DateNear(const Context& c, uint32_t from, uint32_t span, uint32_t sentence) {
  for (const Placed& p : c.InFrom(sentence, from)) {
    if (p.mention->first_token > from + span) break;
    if (p.entity->type == EntityType::kDate) return p.entity;
  }
  return nullptr;
}

// The act the action attacks as the words that attack it name it: the
// first act read right after a word of `annul` (« suspend la décision du
// maire de X », « contre l'arrêté du 3 mai 2024 par lequel le préfet … »).
// Empty type when no such act is named.
ReadAct AttackedAct(const Context& c) {
  for (const CueHit* h : c.HitsOf("annul")) {
    ReadAct act = ReadActAt(c.reader, h->end_token);
    if (!act.type.empty()) return act;
  }
  return {};
}

// A text names the attacked act, then dates it where it tells what the act
// did (« Par une décision du 3 mai 2024, le maire de X a interdit … »): the
// date of a mention of the same act by the same author.
std::string DateOfSameAct(const Context& c, const ReadAct& act) {
  if (act.author.empty()) return {};
  for (const CueHit* h : c.HitsOf("act")) {
    if (h->cue->value != act.type) continue;
    const ReadAct other = ReadActAt(c.reader, h->first_token);
    if (!other.date.empty() && other.author == act.author) return other.date;
  }
  return {};
}

// The act a LEGAL_REF names: its type, key, and the author and date the key
// holds or the text puts right after it.
ChallengedAct ActOfReference(const Context& c, const Placed& ref) {
  const std::string& key = ref.entity->fields.instrument();
  ChallengedAct act;
  act.type = ActType(key);
  act.reference = key;
  const std::vector<std::string_view> parts = Split(key, ':');
  // DELIB:CNIL:…, DECISION:ADLC:…: the key names the authority
  if (const Institution* in = c.institutions.OfDecisionKey(key); in != nullptr && !in->court) {
    act.author = in->organisation;
  }
  if (IsIsoDate(parts.back())) {
    act.date = std::string(parts.back());
  } else if (const Entity* d = DateNear(c, ref.mention->first_token,
                                        ref.mention->end_token - ref.mention->first_token + 3, ref.mention->sentence)) {
    if (d->fields.precision() == "day") act.date = d->fields.value();
  }
  // « l'arrêté du maire de X du 3 mai 2024 »: the words name the author the key leaves out
  const ReadAct read = ReadActAt(c.reader, ref.mention->first_token);
  if (act.author.empty()) act.author = read.author;
  if (act.date.empty()) act.date = read.date;
  return act;
}

// The act read from the words alone, completed by a dated mention of it.
ChallengedAct ActOfWords(const Context& c, const ReadAct& read) {
  ChallengedAct act;
  act.type = read.type;
  act.author = read.author;
  act.date = read.date.empty() ? DateOfSameAct(c, read) : read.date;
  return act;
}

// The act attacked: a legal reference to an act in a sentence that attacks
// (« demande l'annulation du décret n° … »), else the act the words after
// an attacking word name (« suspend la décision du maire de X »), else the
// first act referred to.
constexpr std::string_view kConstitutionalCouncil = "Conseil constitutionnel";

// The first « loi » the text names as an act.
const CueHit* FirstLaw(const Context& c) {
  for (const CueHit* h : c.HitsOf("act")) {
    if (h->cue->value == "loi") return h;
  }
  return nullptr;
}

void FindChallengedAct(const Context& c, Recourse* r) {
  if (r->kind == "sanction" || r->kind == "preliminary_ruling") return;
  std::set<uint32_t> action_sentences;  // where the act is attacked
  for (const CueHit* h : c.HitsOf("annul")) action_sentences.insert(h->sentence);
  for (const CueHit* h : c.HitsOf("kind")) action_sentences.insert(h->sentence);
  // The Conseil constitutionnel reviews laws: there a law is the act, where
  // elsewhere a law cited is the text a ground relies on.
  const bool reviews_laws = r->court == kConstitutionalCouncil;
  const auto names_act = [&](const std::string& key) {
    return !ActType(key).empty() || (reviews_laws && key.starts_with("LOI:"));
  };
  const Placed* in_action = nullptr;
  const Placed* first = nullptr;
  for (const Placed& p : c.mentions) {
    if (p.entity->type != EntityType::kLegalRef || !names_act(p.entity->fields.instrument())) continue;
    if (first == nullptr) first = &p;
    if (action_sentences.count(p.mention->sentence)) {
      in_action = &p;
      break;
    }
  }
  ChallengedAct act;
  uint32_t sentence = 0;
  const ReadAct read = in_action == nullptr ? AttackedAct(c) : ReadAct{};
  if (in_action != nullptr) {
    act = ActOfReference(c, *in_action);
    sentence = in_action->mention->sentence;
  } else if (!read.type.empty()) {
    act = ActOfWords(c, read);
    sentence = c.seg.tokens[read.act_token].sentence;
  } else if (first != nullptr) {
    act = ActOfReference(c, *first);
    sentence = first->mention->sentence;
  } else if (const CueHit* law = reviews_laws ? FirstLaw(c) : nullptr) {
    // « saisi … de la loi relative aux jeux Olympiques »: a law no key names
    act.type = law->cue->value;
    sentence = law->sentence;
  } else {
    return;
  }
  if (act.type.empty() && act.reference.starts_with("LOI:")) act.type = "loi";
  for (const CueHit* h : c.HitsOf("published")) {
    if (const Entity* d = DateNear(c, h->end_token, 3, h->sentence)) {
      act.published = d->fields.value();
      AddEvidence(r, "challenged_act", h->sentence);
      break;
    }
  }
  AddEvidence(r, "challenged_act", sentence);
  r->challenged_act = act;
}

// A clause ends at ";" or at the end of its sentence. Asked for the cues of
// a long sentence in text order, the answer for one holds for every cue
// before it: the clause is read once, not from every cue to its end.
class ClauseEnds {
 public:
  explicit ClauseEnds(const Context& c) : c_(c) {}
  uint32_t operator()(uint32_t from) {
    if (from >= from_ && from < end_) return end_;
    const Sentence& s = c_.seg.sentences[c_.seg.tokens[from].sentence];
    uint32_t i = from;
    while (i < s.end_token && c_.Str(i) != ";") ++i;
    from_ = from;
    end_ = i;
    return i;
  }

 private:
  const Context& c_;
  uint32_t from_ = 0, end_ = 0;  // the last answer: [from_, end_) holds no ";" and no sentence end
};

// The signs a ground's span does not end with: a clause's comma, a full
// stop, an opening guillemet, a closing one the span does not open.
bool StraySign(const Context& c, uint32_t first, uint32_t end) {
  const std::string_view last = c.Str(end - 1);
  if (last == "." || last == "," || last == ";" || last == ":" || IsOpeningQuote(last) || last == "(") return true;
  if (!IsClosingQuote(last)) return false;
  for (uint32_t i = first; i + 1 < end; ++i) {
    if (IsOpeningQuote(c.Str(i))) return false;
  }
  return true;
}

void FindGrounds(const Context& c, Recourse* r) {
  // In a sanction the grounds are the authority's findings: words in
  // quotation marks are a party's (« la sanction est disproportionnée »,
  // says the company), not a ground of the action.
  static const std::vector<bool> kNoneQuoted;
  const std::vector<bool>& quoted = r->kind == "sanction" ? c.shared.Quoted() : kNoneQuoted;
  const std::span<const CueHit* const> grounds = c.HitsOf("ground");
  const std::span<const CueHit* const> unreferenced = c.HitsOf("ground_unreferenced");
  std::vector<const CueHit*> hits(grounds.begin(), grounds.end());
  hits.insert(hits.end(), unreferenced.begin(), unreferenced.end());
  if (r->kind == "sanction") {
    const std::span<const CueHit* const> basis = c.HitsOf("basis");
    hits.insert(hits.end(), basis.begin(), basis.end());
  }
  // in text order, the longest first where two start together
  std::sort(hits.begin(), hits.end(), [](const CueHit* a, const CueHit* b) {
    return a->first_token != b->first_token ? a->first_token < b->first_token : a->end_token > b->end_token;
  });
  ClauseEnds clause_end(c);
  for (size_t k = 0; k < hits.size() && r->grounds.size() < kMaxListed; ++k) {
    const CueHit* h = hits[k];
    if (k > 0 && hits[k - 1]->end_token > h->first_token) continue;  // inside the previous cue
    uint32_t end = clause_end(h->first_token);
    size_t next = k + 1;
    while (next < hits.size() && hits[next]->first_token < h->end_token) ++next;  // cues inside this one
    if (next < hits.size() && hits[next]->first_token < end) {
      end = hits[next]->first_token;  // the next ground starts here
      // "… et sur l'atteinte", « … », et pour la violation »: leave the
      // joining words and the signs between the two out
      const auto joins = [&](uint32_t i) {
        const std::string_view w = c.Folded(i);
        return w == "sur" || w == "et" || w == "l'" || w == "la" || w == "le" || w == "," || w == "une" ||
               w == "d'" || w == "de" || w == "existence" || w == "pour" || w == "par";
      };
      while (end > h->end_token && (joins(end - 1) || StraySign(c, h->first_token, end))) --end;
    }
    if (!quoted.empty() && quoted[h->first_token]) continue;
    while (end > h->end_token && StraySign(c, h->first_token, end)) --end;
    Ground g;
    g.category = h->cue->value;
    for (const Placed& p : c.InFrom(h->sentence, h->first_token)) {
      if (p.mention->first_token >= end) break;  // then it ends after `end` too
      if (p.entity->type == EntityType::kLegalRef && p.mention->end_token <= end) AddUnique(&g.refs, p.entity->canonical);
    }
    // A "violation" with no legal text named is a data breach, not a ground
    // (unless its cue names a ground that needs none: ground_unreferenced).
    if (g.category == "violation_of_law" && g.refs.empty() && h->cue->field != "ground_unreferenced") continue;
    const Token& first = c.seg.tokens[h->first_token];
    const Token& last = c.seg.tokens[end - 1];
    g.text = std::string(c.text.substr(first.byte_start, last.byte_end - first.byte_start));
    g.start = CodePointStart(c.text, c.seg, first);
    g.end = CodePointEnd(c.text, c.seg, last);
    g.sentence = first.sentence;
    AddEvidence(r, "grounds", g.sentence);
    // A heading that announces a ground the text then develops is one ground:
    // same category, same legal texts cited; the fuller wording stays.
    auto same = std::find_if(r->grounds.begin(), r->grounds.end(),
                             [&](const Ground& o) { return o.category == g.category && o.refs == g.refs; });
    if (same == r->grounds.end()) {
      r->grounds.push_back(std::move(g));
    } else if (g.text.size() > same->text.size()) {
      *same = std::move(g);
    }
  }
}

// The fine imposed or sought: the MONEY named right after a `penalty` cue
// (« une amende de 32 millions d'euros », « requiert une amende de ») or
// right before one (« 32 millions d'euros d'amende »). Damages, costs and
// astreintes are not in the cues: they compensate or compel, they do not
// punish, and a text names them beside the fine.
void FindPenalty(const Context& c, Recourse* r) {
  for (const CueHit* h : c.HitsOf("penalty")) {
    const Placed* money = nullptr;
    if (h->cue->value == "after") {
      for (const Placed& p : c.InFrom(h->sentence, h->end_token)) {
        if (p.mention->first_token > h->end_token + 2) break;
        if (p.entity->type == EntityType::kMoney) {
          money = &p;
          break;
        }
      }
    } else {  // "before": the money ends where the cue starts
      // a MONEY mention is a dozen tokens at most: look no further back
      const uint32_t from = h->first_token > 12 ? h->first_token - 12 : 0;
      for (const Placed& p : c.InFrom(h->sentence, from)) {
        if (p.mention->first_token >= h->first_token) break;
        if (p.entity->type == EntityType::kMoney && p.mention->end_token == h->first_token) money = &p;
      }
    }
    if (money == nullptr) continue;
    r->penalty = Penalty{money->entity->fields.amount, money->entity->fields.currency(), money->mention->start,
                         money->mention->end, money->mention->sentence};
    AddEvidence(r, "penalty", h->sentence);
    return;
  }
}

// Which action each sentence tells of. A text reports the action it is
// about (its title, its first paragraphs) and may recall others: a past
// sanction (« En 2022, la CNIL avait déjà sanctionné … »), an earlier stage
// (« en première instance »). Those are read apart, into `related`, so they
// lend the main action none of their parties.
struct ActionSplit {
  std::vector<uint32_t> group;  // by sentence: 0 the main action, k > 0 the k-th related one
  uint32_t groups = 0;
  // by group: an appeal announced against the main action's decision, by
  // the main action's parties (« nous allons faire appel », says their lawyer)
  std::vector<bool> next{false};
};

// A text recalls at most this many other actions; past it, the sentences
// join the last one (each is read once more, so the stage stays linear).
constexpr uint32_t kMaxRelated = 8;

// A date as a comparable number: 2024-03-12 as 20240312, a year alone as
// its first day; 0 when the value is no date.
uint32_t DayNumber(std::string_view v) {
  if (v.size() < 4 || !IsAsciiDigits(v.substr(0, 4))) return 0;
  uint32_t n = std::stoul(std::string(v.substr(0, 4))) * 10000;
  if (v.size() >= 7 && IsAsciiDigits(v.substr(5, 2))) n += std::stoul(std::string(v.substr(5, 2))) * 100;
  if (v.size() >= 10 && IsAsciiDigits(v.substr(8, 2))) n += std::stoul(std::string(v.substr(8, 2)));
  return n;
}

// The dates sentences are told at: the first DATE of each sentence, and
// whether it opens it (« En 2022, », « Le 3 mai 2021, », « Dans sa décision
// du 18 mai 2010, ») rather than dates an act named further on.
struct SentenceDates {
  std::vector<uint32_t> first;    // by sentence, 0 when none
  std::vector<uint8_t> opening;   // the first date is within the sentence's first words
  std::vector<uint8_t> day;       // the first date has a day
};

SentenceDates DatesOf(const Segmentation& seg, const std::vector<Entity>& entities) {
  constexpr uint32_t kOpeningWords = 6;
  const size_t n = seg.sentences.size();
  SentenceDates d{std::vector<uint32_t>(n, 0), std::vector<uint8_t>(n, 0), std::vector<uint8_t>(n, 0)};
  std::vector<uint32_t> first_token(n, UINT32_MAX);
  for (const Entity& e : entities) {
    if (e.type != EntityType::kDate) continue;
    const uint32_t number = DayNumber(e.fields.value());
    if (number == 0) continue;
    for (const Mention& m : e.mentions) {
      if (m.first_token >= first_token[m.sentence]) continue;
      first_token[m.sentence] = m.first_token;
      d.first[m.sentence] = number;
      d.opening[m.sentence] = m.first_token <= seg.sentences[m.sentence].first_token + kOpeningWords;
      d.day[m.sentence] = number % 100 != 0;
    }
  }
  return d;
}

// Whether date `a` is before `b`: by day when both have one, else by year.
bool Before(uint32_t a, bool a_day, uint32_t b, bool b_day) {
  return a_day && b_day ? a < b : a / 10000 < b / 10000;
}

// The cue fields that tell of an action.
constexpr std::array<std::string_view, 5> kActionFields{"kind", "status", "outcome", "claim", "sanction"};

ActionSplit SplitActions(const TokenView& view, const DocumentCues& cues, const std::vector<Entity>& entities) {
  const Segmentation& seg = view.segmentation();
  const size_t n = seg.sentences.size();
  ActionSplit split;
  split.group.assign(n, 0);
  // by sentence: tells of an action; recalls another one; tells of a decision.
  // Read field by field: comparing every hit's field with each name was
  // most of the split.
  std::vector<uint8_t> action(n, 0), recalled(n, 0), decision(n, 0), next(n, 0);
  const CueHitsByField& by_field = cues.ByField(CueFile::kRecourse);
  for (const CueHit* h : by_field.Of("other_action")) {
    recalled[h->sentence] = 1;
    if (h->cue->value == "next") next[h->sentence] = 1;
  }
  for (std::string_view field : kActionFields) {
    for (const CueHit* h : by_field.Of(field)) action[h->sentence] = 1;
  }
  for (const CueHit* h : by_field.Of("status")) {
    if (h->cue->value == "decided") decision[h->sentence] = 1;
  }
  for (const CueHit* h : by_field.Of("outcome")) decision[h->sentence] = 1;
  const SentenceDates dates = DatesOf(seg, entities);
  // The main action's date: the first of its first sentences that has one.
  uint32_t main_date = 0;
  bool main_day = false;
  size_t first_action = n;
  for (size_t s = 0, seen = 0; s < n && seen < 3; ++s) {
    if (!action[s] || recalled[s]) continue;
    if (first_action == n) first_action = s;
    ++seen;
    if (dates.first[s] != 0) {
      main_date = dates.first[s];
      main_day = dates.day[s];
      break;
    }
  }
  uint32_t current = 0;  // the group the sentence before belongs to
  for (size_t s = 0; s < n; ++s) {
    const Sentence& sentence = seg.sentences[s];
    const bool same_paragraph = s > 0 && sentence.first_token < seg.tokens.size() &&
                                !seg.tokens[sentence.first_token].newline_before;
    // A decision told at an earlier date is another one (an earlier stage,
    // a past sanction); a filing told at an earlier date is how the main
    // action began.
    const bool earlier = main_date != 0 && decision[s] && dates.opening[s] &&
                         Before(dates.first[s], dates.day[s], main_date, main_day);
    const bool starts = s != first_action && s > 0 && action[s] && (recalled[s] || earlier);
    if (starts) {
      if (current == 0 || !same_paragraph) {
        if (split.groups < kMaxRelated) {
          ++split.groups;
          split.next.push_back(next[s]);
        }
        current = split.groups;
      }
    } else if (current != 0 && (!same_paragraph || (action[s] && !recalled[s]))) {
      current = 0;  // back to the main action
    }
    split.group[s] = current;
  }
  return split;
}

// The action told by the sentences of `action`.
std::optional<Recourse> SummariseIn(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                                    const DocumentIndexes& shared, const ActionSentences& action,
                                    const std::set<std::string>& elsewhere = {}, bool among_others = false) {
  const Context c(view, lexicon, cues, shared, action);
  Recourse r;
  std::vector<uint32_t> kind_sentences, status_sentences, court_sentences;
  r.kind = KindFromLegalBasis(c, &kind_sentences);
  if (r.kind.empty()) r.kind = BestValue(c, "kind", 3, &kind_sentences);
  r.status = BestValue(c, "status", 3, &status_sentences);
  if (r.status.empty()) r.status = "unknown";
  // Decided beats filed: a decision text also names the request it decides.
  int decided = 0;
  for (const CueHit* h : c.HitsOf("status")) decided += h->cue->value == "decided" ? h->cue->weight : 0;
  if (decided >= 4 && r.status != "announced") {
    r.status = "decided";
    status_sentences.clear();
    for (const CueHit* h : c.HitsOf("status")) {
      if (h->cue->value == "decided") status_sentences.push_back(h->sentence);
    }
  }
  r.court = FindCourt(c, r.kind, elsewhere, &court_sentences);
  // Without a kind, only a court's decision or a filed case is a recourse;
  // among other actions, a decision or a filing is one even when the text
  // leaves its court unnamed (« la requête … a été rejetée »).
  if (r.kind.empty()) {
    if ((r.court.empty() && !among_others) || (r.status != "decided" && r.status != "filed" && r.status != "pending")) {
      return std::nullopt;
    }
    r.kind = "other";
  }
  for (uint32_t s : kind_sentences) AddEvidence(&r, "kind", s);
  for (uint32_t s : status_sentences) AddEvidence(&r, "status", s);
  for (uint32_t s : court_sentences) AddEvidence(&r, "court", s);
  if (r.status == "decided") {
    std::vector<uint32_t> outcome_sentences;
    r.outcome = BestValue(c, "outcome", 4, &outcome_sentences, kLeadSentences);
    // A sanction pronounced is the authority's proceeding succeeding: the
    // contract's outcome is the action's, and here the authority brings it.
    if (r.outcome.empty() && r.kind == "sanction") {
      r.outcome = "granted";
      outcome_sentences = r.evidence["status"];
    }
    for (uint32_t s : outcome_sentences) AddEvidence(&r, "outcome", s);
  }
  FindPenalty(c, &r);
  FindParties(c, &r);
  FindCounsel(c, &r);
  FindChallengedAct(c, &r);
  // An act is attacked in the person of its author when no one else is named.
  if (r.respondents.empty() && r.challenged_act && !r.challenged_act->author.empty()) {
    r.respondents.push_back(r.challenged_act->author);
    for (uint32_t s : r.evidence["challenged_act"]) AddEvidence(&r, "respondents", s);
  }
  FindGrounds(c, &r);
  for (auto& [field, sentences] : r.evidence) {
    std::sort(sentences.begin(), sentences.end());
    sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());
  }
  return r;
}

// Each action's cue hits and mentions, in text order: split in one pass
// over each, not filtered again for every action.
struct ActionParts {
  std::vector<std::vector<CueHit>> hits;    // by group (ActionSplit::group), but for the `word` field's
  std::vector<std::vector<Placed>> mentions;  // by group
};

// The field of data/cues/recourse.tsv whose hits are only read by the
// token they start at (reported_phrases.cpp: determiners, « de », …),
// through the document's HitsAtToken, never by field: the most frequent
// words of a text, so most of its hits.
constexpr std::string_view kReadByTokenOnly = "word";

ActionParts PartsByAction(const ActionSplit& split, const DocumentCues& cues, std::span<const Placed> mentions) {
  ActionParts parts{std::vector<std::vector<CueHit>>(split.groups + 1),
                    std::vector<std::vector<Placed>>(split.groups + 1)};
  const std::span<const CueHit* const> by_token = cues.ByField(CueFile::kRecourse).Of(kReadByTokenOnly);
  const uint32_t by_token_field = by_token.empty() ? UINT32_MAX : by_token.front()->cue->field_index;
  for (const CueHit& h : cues.Of(CueFile::kRecourse)) {
    if (h.cue->field_index != by_token_field) parts.hits[split.group[h.sentence]].push_back(h);
  }
  for (const Placed& p : mentions) parts.mentions[split.group[p.mention->sentence]].push_back(p);
  return parts;
}

// A related action's date: the date its first sentence opens with; its
// reference: the first decision number it names.
struct DateAndReference {
  std::string date, reference;
};

// Every related group's, in one pass over the mentions (one pass per group
// read every mention of the text again for each). The main action (group
// 0) has none: its decision key lookups cost more than the pass.
std::vector<DateAndReference> DatesAndReferences(const Lexicon& lexicon, const std::vector<Entity>& entities,
                                                 const ActionSplit& split) {
  std::vector<DateAndReference> out(split.groups + 1);
  std::vector<uint32_t> first_date_token(split.groups + 1, UINT32_MAX), first_ref_token(split.groups + 1, UINT32_MAX);
  for (const Entity& e : entities) {
    if (e.type != EntityType::kDate && e.type != EntityType::kLegalRef) continue;
    for (const Mention& m : e.mentions) {
      const uint32_t group = split.group[m.sentence];
      if (group == 0) continue;
      if (e.type == EntityType::kDate && m.first_token < first_date_token[group] && e.fields.value().size() >= 4 &&
          IsAsciiDigits(std::string_view(e.fields.value()).substr(0, 4))) {
        first_date_token[group] = m.first_token;
        out[group].date = e.fields.value();
      }
      if (e.type == EntityType::kLegalRef && m.first_token < first_ref_token[group] &&
          lexicon.institutions().OfDecisionKey(e.fields.instrument()) != nullptr) {
        first_ref_token[group] = m.first_token;
        out[group].reference = e.fields.instrument();
      }
    }
  }
  return out;
}

}  // namespace

std::optional<Recourse> Summarise(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                                  const std::vector<Entity>& entities, bool reports_others) {
  if (view.size() == 0) return std::nullopt;
  return Summarise(view, lexicon, cues, entities, MentionsInTextOrder(entities), reports_others);
}

std::optional<Recourse> Summarise(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                                  const std::vector<Entity>& entities, const std::vector<Placed>& mentions,
                                  bool reports_others) {
  if (view.size() == 0) return std::nullopt;
  const DocumentIndexes shared(view, cues, mentions);
  const std::vector<bool> every_sentence;  // empty: every one
  const ActionSentences whole{every_sentence, cues.Of(CueFile::kRecourse), shared.mentions};
  if (!reports_others) return SummariseIn(view, lexicon, cues, shared, whole);
  const ActionSplit split = SplitActions(view, cues, entities);
  if (split.groups == 0) return SummariseIn(view, lexicon, cues, shared, whole);
  const ActionParts parts = PartsByAction(split, cues, shared.mentions);
  const std::vector<DateAndReference> dated = DatesAndReferences(lexicon, entities, split);
  // The other actions first: their courts judge the main one only where
  // the text says it seizes them.
  std::vector<bool> read(split.group.size());
  std::vector<Recourse> related;
  std::vector<uint32_t> other_group;  // each related one's group
  std::set<std::string> their_courts;
  for (uint32_t g = 1; g <= split.groups; ++g) {
    for (size_t s = 0; s < read.size(); ++s) read[s] = split.group[s] == g;
    std::optional<Recourse> other =
        SummariseIn(view, lexicon, cues, shared, {read, parts.hits[g], parts.mentions[g]}, {}, true);
    if (!other) continue;
    other->date = dated[g].date;
    other->reference = dated[g].reference;
    if (!other->court.empty()) their_courts.insert(other->court);
    related.push_back(std::move(*other));
    other_group.push_back(g);
  }
  for (size_t s = 0; s < read.size(); ++s) read[s] = split.group[s] == 0;
  std::optional<Recourse> main =
      SummariseIn(view, lexicon, cues, shared, {read, parts.hits[0], parts.mentions[0]}, their_courts, !related.empty());
  // The recalled actions are all the text tells of: read it whole, as before.
  if (!main) return SummariseIn(view, lexicon, cues, shared, whole);
  // The lawyers who announce an appeal act for the main action's parties.
  for (const Recourse& other : related) {
    if (!split.next[other_group[&other - related.data()]]) continue;
    for (const Counsel& counsel : other.counsel) {
      const bool known = std::any_of(main->counsel.begin(), main->counsel.end(),
                                     [&](const Counsel& c) { return c.name == counsel.name && c.firm == counsel.firm; });
      if (!known) main->counsel.push_back(counsel);
    }
  }
  main->related = std::move(related);
  return main;
}

}  // namespace lexfr
