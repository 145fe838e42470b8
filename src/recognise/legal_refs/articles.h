// Articles of instruments: "article 48 du RGPD", lists ("articles 6, 9 et
// 48"), ranges ("articles L. 1461-1 à L. 1461-3"), parts ("art. 9,
// paragraphe 2, point a)" -> "9-2-a"), and the instrument they belong to
// ("du même code", "dudit règlement", the one last named).
//
// Reads: the tokens from an article head, and the scan's memory of the
// instruments named so far. Gives: one LEGAL_REF per article, emitted into
// the memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "recognise/legal_refs/scan_state.h"
#include "recognise/legal_refs/tokens.h"

namespace lexfr::legal_refs {

// One article number at j: "48", "1er", "L. 1111-8", "L1111-8", "R. 4127-1",
// "45 bis", "9.2" (-> "9-2"), "L. 161-36-1 A". False when there is none;
// else *out is the number as keys spell it and *end is past it.
bool ArticleNumber(const Tokens& t, uint32_t j, uint32_t* end, std::string* out);

// ", paragraphe 2, point a)", "§ 2 a", "(2)(a)", ", alinéa 3" after an
// article number at *pos: paragraphs and points join the number ("9-2-a");
// alinéas of French texts are read past but do not.
void SubParts(const Tokens& t, uint32_t* pos, std::string* out);

struct ArticleItem {
  uint32_t first = 0, end = 0;  // tokens
  std::string article;          // "L1461-1", "9-2-a"
  bool inside_range = false;    // « 13 » of « articles 12 à 14 », spanning the « à »
  bool range = false;           // 12, 13 and 14 of « articles 12 à 14 »
};

struct ArticleList {
  std::vector<ArticleItem> items;  // empty when no article citation starts here
  uint32_t end = 0;                // past the list ("et suivants" included)
  bool section = false;            // "section 702": US law, never the last instrument named
};

// The article numbers cited from a head at i ("article", "art.", "articles",
// "section"): one item per number of a list or a range's ends.
ArticleList ReadArticleList(const Tokens& t, uint32_t i);

// The articles cited at i and their instrument, emitted into `memory`.
// Returns where the scan goes on, or 0 when no article citation starts at i.
uint32_t ScanArticles(const Context& c, uint32_t i, Memory* memory);

}  // namespace lexfr::legal_refs
