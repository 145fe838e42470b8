// Identifiers and numbers as legal texts write them.
//
// Reads: single strings ("19-21.234", "95/46/CE", "1er"), and glued tokens
// for ReadId. Gives: whether an identifier has a court's shape, an EU act's
// number and its EUR-Lex address, a day number, and the identifier spelled
// as written ("SAN-2022-019", "MED 2021-134" -> "MED-2021-134"). Pure
// functions of their arguments.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "recognise/legal_refs/tokens.h"
#include "text/text_util.h"

namespace lexfr::legal_refs {

// ASCII letters and digits only, at least one.
inline bool IsAsciiAlnum(std::string_view s) {
  return AllBytes(s, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// ASCII capitals only, at least one: "SAN", "MED", "RG".
inline bool IsAsciiUpperWord(std::string_view s) {
  return AllBytes(s, [](char c) { return c >= 'A' && c <= 'Z'; });
}

inline bool StartsWithDigit(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

// Matches `s` against a shape: # a digit, @ an ASCII capital, * any run,
// anything else itself. Shapes come from data/cues/institutions.tsv.
bool MatchesShape(std::string_view s, std::string_view shape);

// "19-21.234": a Cour de cassation appeal number.
bool IsCassationNumber(std::string_view id);

// "2021-817", "2010-14/22": a Conseil constitutionnel number without its
// suffix (a year, a dash, a number, maybe "/number").
bool IsConstitutionalNumber(std::string_view id);

// "A/B" of an EU act number as written ("2016/679", "95/46/CE" -> "95/46",
// "45/2001"), or empty; `suffixes` are those that may close it ("CE", "JAI":
// data/cues/reference_words.tsv).
std::string EuNumber(std::string_view id, const StringSet& suffixes);

// EUR-Lex ELI of an EU act ("reg", "dir_impl"…, and what EuNumber gives):
// https://eur-lex.europa.eu/eli/reg/2016/679/oj; empty when the number has
// no year.
std::string EliUrl(std::string_view type, std::string_view number);

// "1", "31", "1er", "premier" -> day number; 0 otherwise.
int DayNumber(std::string_view folded);

// An identifier as written, from glued tokens at j: "2023-146",
// "SAN-2022-019", "19-21.234", "2010-14/22", "6282-SG", "95/46/CE"; an
// all-caps prefix before a space joins with a dash ("MED 2021-134" ->
// "MED-2021-134"). Empty when there is none; else *end is past it.
std::string ReadId(const Tokens& toks, uint32_t j, uint32_t* end);

// Whether the identifier ReadId reads at a number j may be a Conseil
// constitutionnel number: it starts with four digits and a dash, in the
// number's own text or as the glued token after it. Asked of every number
// no word introduces, before ReadId builds its string: most are not.
bool MayReadConstitutionalNumber(const Tokens& toks, uint32_t j);

}  // namespace lexfr::legal_refs
