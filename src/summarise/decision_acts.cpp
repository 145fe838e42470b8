// The act a decision decides on, and its earlier stages
// (summarise/decision_acts.h).
#include "summarise/decision_acts.h"

#include <algorithm>
#include <cctype>
#include <span>
#include <unordered_map>

#include "summarise/placed.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

// The challenged act is named in the sentence that says what the decision is
// seized of or in the few after it (« … demandent au Conseil d'État : » /
// « 1°) d'annuler cet arrêt ; »).
constexpr uint32_t kActSentences = 4;
// The act's word follows its challenge cue within a few words (« d'annuler
// pour excès de pouvoir la décision »).
constexpr uint32_t kChallengeReach = 8;
// An act's clause (its number, date, author) is at most this long; it also
// bounds the work per act in a pathological sentence.
constexpr uint32_t kMostClauseTokens = 40;
// « (Cour nationale de l'incapacité et de la tarification …, 6 octobre 2022) »
constexpr uint32_t kMostParenthesisTokens = 30;
// The history of a decision without a filing sentence: its first sentences.
constexpr uint32_t kHistorySentences = 8;
// « cet arrêt »: how far back the history's arrêt is looked for.
constexpr size_t kMostActsBack = 50;
// An author read from its head: « ministre de l'économie, des finances et
// de la souveraineté industrielle et numérique » is 14 tokens.
constexpr uint32_t kMostAuthorTokens = 16;
// An act's number: « 17VE01107 », « 2023-146 », « 21/01234 ».
constexpr uint32_t kMostNumberTokens = 8;

// Who can make an act a decision decides on: a court, an authority, a
// government, a public body (never a party that is a company or a person).
bool CanAuthor(const Entity& e) {
  if (e.type != EntityType::kOrg) return false;
  const std::string& s = e.fields.subtype();
  return s == "court" || s == "regulator" || s == "government" || s == "public_body" || s == "eu_body";
}


// An act read from its clause.
struct Act {
  ChallengedAct act;
  uint32_t first_token = 0, sentence = 0;
  std::string number;                // as written, when the clause gives one
  const Mention* author = nullptr;   // the author's mention, when an entity
  bool by_court = false;             // its author is a court
  bool Described() const { return !act.date.empty() || !number.empty() || !act.reference.empty(); }
};

class Reader {
 public:
  Reader(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues, const std::vector<Placed>& mentions,
         const DecisionIdentity& decision)
      : v_(view), institutions_(lexicon.institutions()), act_cues_(lexicon.act_cues()), decision_(decision),
        cues_(cues), hits_(cues.ByField(CueFile::kActs)), mentions_(mentions) {
    // act words, longest first at a position (« décision implicite » over
    // « décision »), one per position
    for (const char* field : {"act", "implicit"}) {
      for (const CueHit* h : hits_.Of(field)) acts_.push_back(h);
    }
    std::sort(acts_.begin(), acts_.end(), [](const CueHit* a, const CueHit* b) {
      if (a->first_token != b->first_token) return a->first_token < b->first_token;
      return a->end_token > b->end_token;
    });
    acts_.erase(std::unique(acts_.begin(), acts_.end(),
                            [](const CueHit* a, const CueHit* b) { return a->first_token == b->first_token; }),
                acts_.end());
    act_start_.assign(v_.size() + 1, false);
    for (const CueHit* h : acts_) act_start_[h->first_token] = true;
    date_stop_at_.assign(v_.size() + 1, false);
    date_start_.assign(v_.size() + 2, false);
    for (const CueHit* h : hits_.Of("date_stop")) date_stop_at_[h->first_token] = true;
    for (const Placed& p : mentions_) {
      if (p.entity->type == EntityType::kDate) date_start_[p.mention->first_token] = true;
    }
    for (const CueHit* h : hits_.Of("number")) number_at_.emplace(h->first_token, h);
    for (const CueHit* h : hits_.Of("seat_court")) seat_at_.emplace(h->first_token, h);
    for (const CueHit* h : hits_.Of("appeal_court")) appeal_at_.emplace(h->first_token, h);
  }

  DecisionActs Read() {
    DecisionActs out;
    std::optional<Act> act = ChallengedActOfDecision();
    if (act) {
      out.challenged_act = act->act;
      out.act_sentences.push_back(act->sentence);
    }
    out.related = History();
    if (out.related.empty() && act && act->by_court) out.related.push_back(StageOf(*act, AppealKindOr(*act, "")));
    return out;
  }

 private:
  // --- reading one act ------------------------------------------------------

  std::span<const Placed> MentionsFrom(uint32_t token) const {
    const auto from = std::lower_bound(mentions_.begin(), mentions_.end(), token,
                                       [](const Placed& p, uint32_t t) { return p.mention->first_token < t; });
    return {from, mentions_.end()};
  }

  // An act's clause ends at ";", at its sentence's end, or where another act
  // is named (« … rejetant sa demande tendant à l'abrogation de l'arrêté du
  // 3 juin 2015 »: the date is the arrêté's, not the refusal's).
  uint32_t ClauseEnd(uint32_t from) const {
    if (from >= v_.size()) return from;
    const Sentence& s = v_.segmentation().sentences[v_.token(from).sentence];
    const uint32_t end = std::min<uint32_t>(s.end_token, from + kMostClauseTokens);
    uint32_t i = from;
    while (i < end && v_.Text(i) != ";" && !act_start_[i]) ++i;
    return i;
  }

  // « n° 17VE01107 », « nos 1402524, 1602826 » (the first), « n° 2023-146 »:
  // the glued tokens after a number cue at `i`, starting with a digit.
  std::string NumberAt(uint32_t i) const {
    const auto cue = number_at_.find(i);
    if (cue == number_at_.end()) return {};
    const uint32_t j = cue->second->end_token;
    if (j >= v_.size() || !StartsWithDigit(v_.Text(j))) return {};
    std::string number(v_.Text(j));
    for (uint32_t k = j + 1; k < v_.size() && k < j + kMostNumberTokens && (v_.Flags(k) & kGlued); ++k) {
      const std::string_view t = v_.Text(k);
      const bool part = AllBytes(t, [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '.' ||
               c == '/';
      });
      if (!part) break;
      number += t;
    }
    while (!number.empty() && (number.back() == '.' || number.back() == '-')) number.pop_back();
    return number;
  }

  static bool StartsWithDigit(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

  // The act whose word is the hit `h`, read from its clause: its number,
  // the first day, the first court or authority named, its LEGAL_REF key.
  Act Describe(const CueHit* h) const {
    Act a;
    a.first_token = h->first_token;
    a.sentence = h->sentence;
    a.act.type = h->cue->value;
    const uint32_t end = ClauseEnd(h->end_token);
    if (h->cue->field == "implicit") {
      for (const CueHit* r : HitsIn("refused", h->end_token, end)) {
        a.act.type = r->cue->value;
        break;
      }
    }
    a.number = NumberAt(h->end_token);
    uint32_t scanned = h->end_token;  // the clause's tokens read for a date_stop so far
    bool dates_closed = false;         // past a date_stop: the dates are another event's
    for (const Placed& p : MentionsFrom(h->first_token)) {
      const Mention& m = *p.mention;
      if (m.first_token >= end) break;
      for (; scanned < m.first_token; ++scanned) dates_closed = dates_closed || date_stop_at_[scanned];
      const Entity& e = *p.entity;
      if (e.type == EntityType::kLegalRef && a.act.reference.empty() && m.first_token <= h->end_token &&
          e.fields.article().empty()) {
        a.act.reference = e.canonical;  // the act itself: « décret n° 2021-1062 »
      } else if (e.type == EntityType::kDate && a.act.date.empty() && !dates_closed &&
                 e.fields.precision() == "day") {
        a.act.date = e.fields.value();
      } else if (CanAuthor(e) && a.author == nullptr && m.first_token >= h->end_token &&
                 e.canonical != decision_.court) {
        a.act.author = e.canonical;
        a.author = &m;
        a.by_court = IsCourt(e);
      }
    }
    if (a.author == nullptr) a.act.author = AuthorFromHead(h->end_token, end);
    if (a.act.reference.empty() && !a.number.empty() && a.by_court) {
      const std::string key = institutions_.KeyOfCourt(a.act.author);
      if (!key.empty()) a.act.reference = key + ":" + a.number;
    }
    // « DELIB:CNIL:2023-146 »: the key names its author
    const std::vector<std::string_view> parts = Split(a.act.reference, ':');
    if (a.act.author.empty() && parts.size() == 3) a.act.author = std::string(parts[1]);
    return a;
  }

  // « du ministre de l'action et des comptes publics rejetant … »: from the
  // first authority head in [from, end) to the word that ends its name.
  std::string AuthorFromHead(uint32_t from, uint32_t end) const {
    const std::span<const CueHit* const> heads = HitsIn("authority", from, end);
    if (heads.empty()) return {};
    const uint32_t first = heads.front()->first_token;
    uint32_t k = heads.front()->end_token;
    while (k < end && k < first + kMostAuthorTokens && !cues_.Is(CueWord::kAuthorStop, v_.Id(k)) && !date_start_[k] &&
           !date_start_[k + 1] && !IsPunctuation(v_.Text(k)) && !IsParticiple(k)) {
      ++k;
    }
    return SpacedText(first, k);
  }

  static bool IsPunctuation(std::string_view t) {
    if (t == "\u00AB" || t == "\u00BB") return true;  // « »
    const unsigned char c = static_cast<unsigned char>(t.empty() ? ' ' : t[0]);
    return c < 0x80 && !std::isalnum(c) && c != '\'' && c != '-';
  }

  // A verb's present participle ends a name (« rejetant », « autorisant »):
  // a lower-case word of at least 5 letters ending in -ant.
  bool IsParticiple(uint32_t k) const {
    const std::string_view t = v_.Text(k);
    return !v_.Has(k, kCapitalised) && t.size() >= 5 && t.ends_with("ant");
  }

  // The hits of `field` starting in [from, end), in text order.
  std::span<const CueHit* const> HitsIn(std::string_view field, uint32_t from, uint32_t end) const {
    const std::span<const CueHit* const> all = hits_.Of(field);
    const auto first = std::lower_bound(all.begin(), all.end(), from,
                                        [](const CueHit* h, uint32_t t) { return h->first_token < t; });
    auto last = first;
    while (last != all.end() && (*last)->first_token < end) ++last;
    return {first, last};
  }

  // The act word right at or after `token` in acts_, as an index; npos if none.
  size_t ActFrom(uint32_t token) const {
    const auto it = std::lower_bound(acts_.begin(), acts_.end(), token,
                                     [](const CueHit* h, uint32_t t) { return h->first_token < t; });
    return it == acts_.end() ? std::string::npos : static_cast<size_t>(it - acts_.begin());
  }

  // --- the act the decision decides on ----------------------------------------

  // The first sentence of the window: the one the procedure was read from,
  // else the first of the body.
  uint32_t WindowStart() const {
    return decision_.procedure.empty() ? decision_.body_sentence : decision_.procedure_sentence;
  }

  std::optional<Act> ChallengedActOfDecision() const {
    const uint32_t start = WindowStart();
    std::optional<Act> act;
    // a QPC decides on provisions: the act of the case it arose in is not it
    if (decision_.procedure == "qpc") act = NamedAct(start);
    if (!act) act = AfterChallenge(start);
    if (!act) act = NamedAct(start);
    const std::optional<Act> attacked = AttackedWithSeat();
    if (!act) return attacked;
    if (attacked && attacked->act.type == act->act.type) {  // the same act, told twice
      // the seat construction writes a court's full name where the entity
      // is its start (« Cour nationale de l'incapacité et de la tarification … »)
      const bool fuller = attacked->act.author.size() > act->act.author.size() &&
                          Fold(attacked->act.author).starts_with(Fold(act->act.author));
      if (act->act.author.empty() || fuller) act->act.author = attacked->act.author, act->by_court = attacked->by_court;
      if (act->act.date.empty()) act->act.date = attacked->act.date;
    }
    return act;
  }

  // « contre l'arrêt rendu le … par … », « d'annuler la délibération n° … »,
  // « d'annuler cet arrêt » (the history's last arrêt).
  std::optional<Act> AfterChallenge(uint32_t start) const {
    for (const CueHit* c : hits_.Of("challenge")) {
      if (c->sentence < start) continue;
      if (c->sentence >= start + kActSentences) break;
      const size_t k = ActFrom(c->end_token);
      if (k == std::string::npos) continue;
      const CueHit* word = acts_[k];
      if (word->sentence != c->sentence || word->first_token > c->end_token + kChallengeReach) continue;
      if (ClauseEnd(c->end_token) < word->first_token) continue;  // a ";" between
      if (IsDemonstrative(word->first_token)) {
        for (size_t back = k; back > 0 && k - back < kMostActsBack; --back) {
          const CueHit* earlier = acts_[back - 1];
          if (earlier->cue->value != word->cue->value || IsDemonstrative(earlier->first_token)) continue;
          Act a = Describe(earlier);
          if (a.Described()) return a;
        }
      }
      return Describe(word);
    }
    return std::nullopt;
  }

  bool IsDemonstrative(uint32_t act_token) const {
    for (const CueHit* h : HitsIn("this", act_token > 0 ? act_token - 1 : 0, act_token)) {
      if (h->end_token == act_token) return true;
    }
    return false;
  }

  // A phrase that names the act by itself: a QPC's provisions, a DC
  // decision's law.
  std::optional<Act> NamedAct(uint32_t start) const {
    for (const CueHit* h : hits_.Of("named_act")) {
      if (h->sentence < start) continue;
      if (h->sentence >= start + kActSentences) break;
      Act a;
      a.act.type = h->cue->value;
      a.first_token = h->first_token;
      a.sentence = h->sentence;
      return a;
    }
    return std::nullopt;
  }

  // « Selon l'arrêt attaqué (Paris, 18 avril 2023) », « l'arrêt attaqué
  // (Cour nationale de …, 6 octobre 2022) »: the court, or the seat of the
  // court the seat_court cue names, and the date.
  std::optional<Act> AttackedWithSeat() const {
    for (const CueHit* attacked : hits_.Of("attacked")) {
      const size_t k = ActFrom(attacked->first_token > 0 ? attacked->first_token - 1 : 0);
      if (k == std::string::npos || acts_[k]->end_token != attacked->first_token) continue;
      const uint32_t open = attacked->end_token;
      if (open >= v_.size() || v_.Text(open) != "(") continue;
      const uint32_t sentence_end = v_.segmentation().sentences[attacked->sentence].end_token;
      uint32_t close = open + 1;
      while (close < sentence_end && close < open + kMostParenthesisTokens && v_.Text(close) != ")") ++close;
      if (close >= sentence_end || v_.Text(close) != ")") continue;
      Act a;
      a.act.type = acts_[k]->cue->value;
      a.first_token = acts_[k]->first_token;
      a.sentence = attacked->sentence;
      uint32_t seat_end = close;
      const Placed* court = nullptr;
      for (const Placed& p : MentionsFrom(open + 1)) {
        if (p.mention->first_token >= close) break;
        if (p.entity->type == EntityType::kDate && p.entity->fields.precision() == "day" && a.act.date.empty()) {
          a.act.date = p.entity->fields.value();
          seat_end = p.mention->first_token;
        }
        if (IsCourt(*p.entity) && court == nullptr && p.mention->first_token == open + 1) court = &p;
      }
      while (seat_end > open + 1 && v_.Text(seat_end - 1) == ",") --seat_end;
      if (seat_end <= open + 1) return a;
      const auto seat_court = seat_at_.find(a.first_token);
      if (court != nullptr && court->mention->end_token == seat_end) {
        a.act.author = court->entity->canonical;
      } else if (seat_court != seat_at_.end() && IsSeatOnly(open + 1, seat_end)) {
        a.act.author = seat_court->second->cue->value + " " + SpacedText(open + 1, seat_end);
      } else {
        a.act.author = SpacedText(open + 1, seat_end);
      }
      a.by_court = true;
      return a;
    }
    return std::nullopt;
  }

  // A city's name: capitalised words, small words only inside a hyphenated
  // name (« Fort-de-France »), no other words (« Cour nationale de … »).
  bool IsSeatOnly(uint32_t first, uint32_t end) const {
    for (uint32_t k = first; k < end; ++k) {
      if (!v_.Has(k, kCapitalised) && !(v_.Flags(k) & kGlued) && k != first) return false;
      if (!v_.Has(k, kCapitalised) && k == first) return false;
    }
    return true;
  }

  std::string SpacedText(uint32_t first, uint32_t end) const {
    std::string out;
    for (uint32_t k = first; k < end; ++k) {
      if (k > first && (v_.token(k).space_before || v_.token(k).newline_before)) out += ' ';
      out += v_.Text(k);
    }
    return out;
  }

  // --- the earlier stages -------------------------------------------------------

  // "appeal" when the act's author is a court of appeal, else `otherwise`.
  std::string AppealKindOr(const Act& a, std::string otherwise) const {
    if (a.author != nullptr && appeal_at_.count(a.author->first_token)) return "appeal";
    if (a.author == nullptr && a.by_court) {  // a court named by its seat
      const std::string folded = Fold(a.act.author);
      for (const Cue& cue : act_cues_.cues()) {
        if (cue.field != "appeal_court") continue;
        std::string phrase;
        for (const std::string& t : cue.tokens) {
          if (!phrase.empty() && phrase.back() != '\'') phrase += ' ';
          phrase += t;
        }
        if (folded.starts_with(phrase)) return "appeal";
      }
    }
    return otherwise.empty() ? "other" : otherwise;
  }

  Recourse StageOf(const Act& a, std::string kind) const {
    Recourse r;
    r.kind = std::move(kind);
    r.court = a.act.author;
    r.date = a.act.date;
    r.reference = a.act.reference;
    r.status = "decided";
    r.evidence["court"] = {a.sentence};
    return r;
  }

  // « Par un jugement n° … du …, le tribunal administratif de X a rejeté sa
  // demande. Par un arrêt n° … du …, la cour administrative d'appel de Y a
  // annulé ce jugement. »: each sentence that opens with a history cue and
  // an act word, before the filing with the deciding court.
  std::vector<Recourse> History() const {
    std::vector<Recourse> out;
    const uint32_t first = decision_.body_sentence;
    const uint32_t end = !decision_.procedure.empty() && decision_.procedure_sentence > first
                             ? decision_.procedure_sentence
                             : first + kHistorySentences;
    std::optional<ChallengedAct> previous;  // the stage before: the act the next one challenged
    for (const CueHit* h : hits_.Of("history")) {
      if (h->sentence < first) continue;
      if (h->sentence >= end) break;
      const Sentence& s = v_.segmentation().sentences[h->sentence];
      if (h->first_token != s.first_token) continue;
      const size_t k = ActFrom(h->end_token);
      if (k == std::string::npos || acts_[k]->first_token != h->end_token) continue;
      Act a = Describe(acts_[k]);
      // « le tribunal administratif a rejeté sa demande »: the court the
      // demand was brought before
      if (a.author == nullptr && out.empty() && a.Described()) DemandCourt(first, h->sentence, &a);
      if (!a.by_court) continue;
      std::string demand;
      if (out.empty()) demand = DemandKind(first, h->sentence);
      Recourse r = StageOf(a, AppealKindOr(a, demand));
      r.outcome = OutcomeIn(h->sentence);
      if (!r.outcome.empty()) r.evidence["outcome"] = {h->sentence};
      r.challenged_act = previous;
      previous = a.act;
      out.push_back(std::move(r));
      if (out.size() >= kHistorySentences) break;
    }
    return out;
  }

  // The first court other than the deciding one named in the sentences
  // [first, end): the court a first demand was brought before.
  void DemandCourt(uint32_t first, uint32_t end, Act* a) const {
    if (first >= end) return;
    const uint32_t from = v_.segmentation().sentences[first].first_token;
    for (const Placed& p : MentionsFrom(from)) {
      if (p.mention->sentence >= end) break;
      if (IsCourt(*p.entity) && p.entity->canonical != decision_.court) {
        a->act.author = p.entity->canonical;
        a->author = p.mention;
        a->by_court = true;
        if (a->act.reference.empty() && !a->number.empty()) {
          const std::string key = institutions_.KeyOfCourt(a->act.author);
          if (!key.empty()) a->act.reference = key + ":" + a->number;
        }
        return;
      }
    }
  }

  // The kind of the first demand (« ont demandé au tribunal … d'annuler pour
  // excès de pouvoir »): the demand_kind cue of highest weight in the
  // sentences [first, end).
  std::string DemandKind(uint32_t first, uint32_t end) const {
    const CueHit* best = nullptr;
    for (const CueHit* h : hits_.Of("demand_kind")) {
      if (h->sentence < first) continue;
      if (h->sentence >= end) break;
      if (best == nullptr || h->cue->weight > best->cue->weight) best = h;
    }
    return best ? best->cue->value : std::string();
  }

  // What a stage decided: the history_outcome cue of highest weight in its
  // sentence, the first of them on a tie.
  std::string OutcomeIn(uint32_t sentence) const {
    const Sentence& s = v_.segmentation().sentences[sentence];
    const CueHit* best = nullptr;
    for (const CueHit* h : HitsIn("history_outcome", s.first_token, s.end_token)) {
      if (best == nullptr || h->cue->weight > best->cue->weight) best = h;
    }
    return best ? best->cue->value : std::string();
  }

  const TokenView& v_;
  const Institutions& institutions_;
  const CueSet& act_cues_;
  const DecisionIdentity& decision_;
  const DocumentCues& cues_;
  const CueHitsByField& hits_;
  const std::vector<Placed>& mentions_;
  std::vector<const CueHit*> acts_;  // act and implicit words, in text order
  std::vector<bool> act_start_;      // token -> an act word starts there
  std::vector<bool> date_stop_at_;  // token -> such a cue starts there
  std::vector<bool> date_start_;     // token -> a DATE mention starts there
  std::unordered_map<uint32_t, const CueHit*> number_at_, seat_at_, appeal_at_;  // by first token
};

}  // namespace

DecisionActs ReadDecisionActs(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                              const std::vector<Entity>& entities, const DecisionIdentity& decision) {
  if (view.size() == 0) return {};
  return ReadDecisionActs(view, lexicon, cues, MentionsInTextOrder(entities), decision);
}

DecisionActs ReadDecisionActs(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                              const std::vector<Placed>& mentions, const DecisionIdentity& decision) {
  if (view.size() == 0) return {};
  return Reader(view, lexicon, cues, mentions, decision).Read();
}

}  // namespace lexfr
