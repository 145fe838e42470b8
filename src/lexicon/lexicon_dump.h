// A loaded Lexicon as text: every table, in a canonical order.
//
// In: a Lexicon. Out: one line per entry of every table (hash tables
// sorted, tries node by node), so that two loads that must agree — the
// phrases cut at build time (lexicon/phrase_cut.h) and the same phrases cut
// at run time — can be compared whole, and a difference read.
// Thread-safety: reads the Lexicon only.
#pragma once

#include <string>

#include "lexicon/lexicon.h"

namespace lexfr {

std::string DumpLexicon(const Lexicon& lexicon);

// The bits of a FirstBytes, in hex: the filters are part of the tables
// (the snapshot copies them), so the dump shows them too.
std::string FirstBytesHex(const FirstBytes& first_bytes);

}  // namespace lexfr
