// The forms of a speech verb, written by rule from its infinitive, so that
// data/cues/speech_verbs.tsv lists verbs (« déclarer », « se réjouir »)
// rather than every tense of each.
//
// In: an infinitive, with « se » for a pronominal verb, and for a verb not
// conjugated as « déclarer » its forms "present/participle/future
// stem[/imperfect stem]" (« dire »: "dit/dit/dir/dis"). Out: the one-word
// forms a quotation's incise or introduction uses: present (3rd person),
// imperfect, future and conditional, and the past participle in its four
// agreements. The auxiliaries (« a », « avait », « s'est »), « se » and the
// clitics (« -t-il ») are read around these by summarise/quotes.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lexfr {

// The forms of `infinitive`; empty when `forms` is malformed or the verb is
// not a regular -er verb and `forms` is "-" (the table checks report it).
std::vector<std::string> SpeechVerbForms(std::string_view infinitive, std::string_view forms);

// What is wrong with a row's (infinitive, forms), or "".
std::string CheckSpeechVerb(std::string_view infinitive, std::string_view forms);

}  // namespace lexfr
