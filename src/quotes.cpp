#include "lexfr/quotes.h"

#include <algorithm>

#include "lexfr/cues.h"
#include "lexfr/embedded.h"
#include "lexfr/text_util.h"

namespace lexfr {
namespace {

const CueSet& SpeechVerbs() {
  static const CueSet* cues = new CueSet(EmbeddedFileOrEmpty("data/cues/speech_verbs.tsv"));
  return *cues;
}

bool IsOpening(std::string_view s) { return s == "«" || s == "“" || s == "\""; }
bool IsClosing(std::string_view s) { return s == "»" || s == "”" || s == "\""; }

struct Speaker {
  const Entity* entity = nullptr;
};

// The PERSON or ORG whose mention starts within [from, from + span) in the
// sentence.
const Entity* EntityAt(const std::vector<Entity>& entities, uint32_t from, uint32_t span, uint32_t sentence) {
  for (const Entity& e : entities) {
    if (e.type != EntityType::kPerson && e.type != EntityType::kOrg) continue;
    for (const Mention& m : e.mentions) {
      if (m.sentence == sentence && m.first_token >= from && m.first_token < from + span) return &e;
    }
  }
  return nullptr;
}

// The PERSON or ORG whose mention ends right before `end` in the sentence.
const Entity* EntityEndingAt(const std::vector<Entity>& entities, uint32_t end, uint32_t sentence) {
  for (const Entity& e : entities) {
    if (e.type != EntityType::kPerson && e.type != EntityType::kOrg) continue;
    for (const Mention& m : e.mentions) {
      if (m.sentence == sentence && m.end_token <= end && m.end_token + 2 >= end) return &e;
    }
  }
  return nullptr;
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const Segmentation& seg, const std::vector<Entity>& entities) {
  std::vector<Quote> quotes;
  const std::vector<Token>& tokens = seg.tokens;
  if (tokens.empty()) return quotes;
  const std::vector<std::string> folded = FoldedTokens(text, seg);
  const std::vector<CueHit> verbs = SpeechVerbs().Match(folded, seg);
  const Entity* last_speaker = nullptr;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view open = TokenText(text, tokens[i]);
    if (!IsOpening(open)) continue;
    // The closing mark: the matching one, or a second opening mark glued to
    // the word before it (« un appel à l'aide« is a common typo).
    size_t close = i + 1;
    for (; close < tokens.size() && close < i + 400; ++close) {
      const std::string_view t = TokenText(text, tokens[close]);
      if (IsClosing(t) && (open != "\"" || t == "\"")) break;
      if (t == open && !tokens[close].space_before) break;
    }
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
    for (const CueHit& h : verbs) {
      if (h.cue->value == "after" && h.first_token > close && h.first_token <= close + 2) {
        speaker = EntityAt(entities, h.end_token, 4, h.sentence);
        const bool pronoun = h.end_token + 1 < tokens.size() &&
                             (folded[h.end_token] == "-elle" || folded[h.end_token] == "-il" ||
                              folded[h.end_token + 1] == "elle" || folded[h.end_token + 1] == "il");
        if (speaker == nullptr && pronoun) speaker = last_speaker;
        if (speaker != nullptr) break;
      }
      if (h.cue->value == "before" && h.end_token <= i && h.end_token + 2 >= i) {
        speaker = EntityEndingAt(entities, h.first_token, h.sentence);
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
