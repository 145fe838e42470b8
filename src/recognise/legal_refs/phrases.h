// Names of instruments and authorities in the text: "RGPD", "loi
// Informatique et Libertés", "Conseil d'État", through a phrase trie.
//
// Reads: the tokens at a position and one of the tries of tables.h. Gives:
// the longest name that starts there and whose capitals, context and guards
// fit ("TUE" is not "tue", "Charte de déontologie" is not the Charte).
#pragma once

#include <cstdint>
#include <vector>

#include "recognise/legal_refs/tables.h"
#include "recognise/legal_refs/tokens.h"

namespace lexfr::legal_refs {

// Index into `names` of the longest name starting at token i, and *end past
// it (and past a closing quote); -1 when none. Names marked article-only
// count only when `in_article`.
int LongestName(const Tokens& toks, const PhraseTrie& trie, const std::vector<Name>& names, uint32_t i,
                bool in_article, uint32_t* end);

}  // namespace lexfr::legal_refs
