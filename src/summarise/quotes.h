// Stage 5b, quotes: text -> every quotation with its speaker.
//
// In: the token view, the document's hits of data/cues/speech_verbs.tsv
// (lexicon/cues.h DocumentCues) and the linked entities. Out: each quotation
// between « » or “ ” with its offsets and, where the text says who speaks,
// the speaker's canonical name: a speech verb in any tense on either side
// (« … », a déclaré X / s'est réjouie X; X a estimé que « … »), « selon X »,
// an incise with a clitic (« poursuit-elle », « a-t-il ajouté ») read as
// the nearest earlier speaker the pronoun fits. The speaker is the person
// speaking, not the firm or body of their apposition (« Me X, avocate du
// cabinet Y, a déclaré » → X).
//
// A quotation is of kind "quote" (speech) or "term": a few words in
// guillemets that nobody is said to speak and that hold no sentence
// (« cavaliers législatifs », a name), kept with their kind so that a
// filter on kind "quote" lists only what was said.
//
// Thread-safety: pure function of its inputs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "text/token_view.h"

namespace lexfr {

struct Quote {
  std::string text;  // without the quotation marks
  uint32_t start = 0, end = 0, byte_start = 0, byte_end = 0;  // the inner text
  uint32_t sentence = 0;
  std::string speaker;       // canonical name, empty when unknown
  std::string speaker_type;  // "PERSON" or "ORG"
  std::string kind = "quote";  // "quote" or "term"
};

std::vector<Quote> FindQuotes(const TokenView& view, const DocumentCues& cues, const std::vector<Entity>& entities);

}  // namespace lexfr
