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

// PERSON and ORG mentions of each sentence, in text order.
std::vector<std::vector<const Mention*>> PartiesBySentence(const std::vector<Entity>& entities, size_t sentences,
                                                           std::vector<const Entity*>* owner_of_first_token,
                                                           size_t tokens) {
  std::vector<std::vector<const Mention*>> out(sentences);
  owner_of_first_token->assign(tokens, nullptr);
  for (const Entity& e : entities) {
    if (e.type != EntityType::kPerson && e.type != EntityType::kOrg) continue;
    for (const Mention& m : e.mentions) {
      out[m.sentence].push_back(&m);
      (*owner_of_first_token)[m.first_token] = &e;
    }
  }
  for (auto& list : out) {
    std::sort(list.begin(), list.end(), [](const Mention* a, const Mention* b) { return a->first_token < b->first_token; });
  }
  return out;
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const Segmentation& seg, const std::vector<Entity>& entities) {
  std::vector<Quote> quotes;
  const std::vector<Token>& tokens = seg.tokens;
  if (tokens.empty()) return quotes;
  const auto folded = [&](size_t k) { return FoldedText(seg, k); };
  const std::vector<CueHit> verbs = SpeechVerbs().Match(seg);
  std::vector<const Entity*> owner;  // the entity whose mention starts at a token
  const auto parties = PartiesBySentence(entities, seg.sentences.size(), &owner, tokens.size());
  // The PERSON or ORG whose mention starts within [from, from + span).
  const auto entity_at = [&](uint32_t from, uint32_t span) -> const Entity* {
    for (uint32_t k = from; k < from + span && k < tokens.size(); ++k) {
      if (owner[k] != nullptr) return owner[k];
    }
    return nullptr;
  };
  // The PERSON or ORG whose mention ends at most two tokens before `end`.
  const auto entity_ending_at = [&](uint32_t end, uint32_t sentence) -> const Entity* {
    for (const Mention* m : parties[sentence]) {
      if (m->end_token <= end && m->end_token + 2 >= end) return owner[m->first_token];
    }
    return nullptr;
  };
  size_t next_verb = 0;  // verbs are in text order; quotes too
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
