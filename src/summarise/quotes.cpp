#include "summarise/quotes.h"

#include <algorithm>
#include <span>

#include "lexicon/lexicon.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

// The first token at or after a position that passes a test, for positions
// that never decrease: the search resumes where the last one stopped, so a
// text of opening marks that are never closed is read once, not 400 tokens
// from each mark (issue 15).
template <class Test>
class NextToken {
 public:
  NextToken(size_t size, Test test) : size_(size), test_(test) {}
  size_t From(size_t from) {
    if (!found_ || at_ < from) {
      at_ = std::max(at_, from);
      while (at_ < size_ && !test_(at_)) ++at_;
      found_ = true;
    }
    return at_;
  }

 private:
  size_t size_;
  Test test_;
  size_t at_ = 0;  // the answer to the last question, when found_
  bool found_ = false;
};

// The PERSON and ORG mentions, in text order (so by sentence too), and the
// entity whose mention starts at each token.
class Parties {
 public:
  Parties(const std::vector<Entity>& entities, size_t tokens) : owner_(tokens, nullptr) {
    for (const Entity& e : entities) {
      if (e.type != EntityType::kPerson && e.type != EntityType::kOrg) continue;
      for (const Mention& m : e.mentions) {
        mentions_.push_back(&m);
        owner_[m.first_token] = &e;
      }
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const Mention* a, const Mention* b) { return a->first_token < b->first_token; });
    ends_rise_ = std::is_sorted(mentions_.begin(), mentions_.end(),
                                [](const Mention* a, const Mention* b) { return a->end_token < b->end_token; });
  }

  const Entity* OwnerAt(size_t token) const { return owner_[token]; }

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
  std::vector<const Entity*> owner_;  // by first token
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

}  // namespace

std::vector<Quote> FindQuotes(const TokenView& view, const DocumentCues& cues, const std::vector<Entity>& entities) {
  const std::string_view text = view.text();
  const Segmentation& seg = view.segmentation();
  std::vector<Quote> quotes;
  const std::vector<Token>& tokens = seg.tokens;
  if (tokens.empty()) return quotes;
  const auto folded = [&](size_t k) { return FoldedText(seg, k); };
  const std::span<const CueHit> verbs = cues.Of(CueFile::kSpeechVerbs);
  const Parties parties(entities, tokens.size());
  // The PERSON or ORG whose mention starts within [from, from + span).
  const auto entity_at = [&](uint32_t from, uint32_t span) -> const Entity* {
    for (uint32_t k = from; k < from + span && k < tokens.size(); ++k) {
      if (parties.OwnerAt(k) != nullptr) return parties.OwnerAt(k);
    }
    return nullptr;
  };
  // The PERSON or ORG whose mention ends at most two tokens before `end`.
  const auto entity_ending_at = [&](uint32_t end, uint32_t sentence) -> const Entity* {
    const Mention* m = parties.EndingAt(sentence, end);
    return m != nullptr ? parties.OwnerAt(m->first_token) : nullptr;
  };
  // Where each kind of opening mark is closed: by a closing mark (any, or
  // only " for "), or by the same opening mark glued to the word before it
  // (« un appel à l'aide« is a common typo).
  const auto text_is = [&](std::string_view mark) {
    return [&, mark](size_t k) { return TokenText(text, tokens[k]) == mark; };
  };
  const auto glued = [&](std::string_view mark) {
    return [&, mark](size_t k) { return !tokens[k].space_before && TokenText(text, tokens[k]) == mark; };
  };
  NextToken any_closing(tokens.size(), [&](size_t k) { return IsClosingQuote(TokenText(text, tokens[k])); });
  NextToken straight(tokens.size(), text_is("\""));
  NextToken glued_guillemet(tokens.size(), glued("«"));
  NextToken glued_curly(tokens.size(), glued("“"));
  size_t next_verb = 0;  // verbs are in text order; quotes too
  const Entity* last_speaker = nullptr;
  for (size_t i = 0; i < tokens.size(); ++i) {
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
    q.start = first.start;
    q.end = last.end;
    q.byte_start = first.byte_start;
    q.byte_end = last.byte_end;
    q.sentence = first.sentence;
    // Who speaks: « … » réagit X / poursuit-elle; X estime que « … ».
    const Entity* speaker = nullptr;
    while (next_verb < verbs.size() && verbs[next_verb].end_token + 12 < i) ++next_verb;
    for (size_t v = next_verb; v < verbs.size() && verbs[v].first_token <= close + 2; ++v) {
      const CueHit& h = verbs[v];
      if (h.cue->value == "after" && h.first_token > close && h.first_token <= close + 2) {
        speaker = entity_at(h.end_token, 4);
        const bool pronoun = h.end_token + 1 < tokens.size() &&
                             (folded(h.end_token) == "-elle" || folded(h.end_token) == "-il" ||
                              folded(h.end_token + 1) == "elle" || folded(h.end_token + 1) == "il");
        if (speaker == nullptr && pronoun) speaker = last_speaker;
        if (speaker != nullptr) break;
      }
      if (h.cue->value == "intro" && h.end_token < i && h.end_token + 12 >= i && h.sentence == q.sentence) {
        speaker = entity_at(h.end_token, 3);
        if (speaker != nullptr) break;
      }
      if (h.cue->value == "before" && h.end_token <= i && h.end_token + 2 >= i) {
        speaker = entity_ending_at(h.first_token, h.sentence);
        if (speaker != nullptr) break;
      }
    }
    if (speaker != nullptr) {
      q.speaker = speaker->canonical;
      q.speaker_type = EntityTypeName(speaker->type);
      last_speaker = speaker;
    }
    quotes.push_back(std::move(q));
    i = close;
  }
  return quotes;
}

}  // namespace lexfr
