// Identifiers and numbers: shapes of court numbers, EU act numbers and their
// ELI, day numbers, and identifiers read from glued tokens.
#include "recognise/legal_refs/identifiers.h"

#include <algorithm>
#include <vector>

#include "text/text_util.h"

namespace lexfr::legal_refs {
bool MatchesShape(std::string_view s, std::string_view shape) {
  if (shape.empty()) return s.empty();
  if (shape[0] == '*') {
    for (size_t i = 0; i <= s.size(); ++i) {
      if (MatchesShape(s.substr(i), shape.substr(1))) return true;
    }
    return false;
  }
  if (s.empty()) return false;
  const char c = s[0];
  const bool ok = shape[0] == '#' ? (c >= '0' && c <= '9') : shape[0] == '@' ? (c >= 'A' && c <= 'Z') : c == shape[0];
  return ok && MatchesShape(s.substr(1), shape.substr(1));
}

bool IsCassationNumber(std::string_view id) { return MatchesShape(id, "##-##.###"); }

// Read in place, not split: every number of a text no word introduces is
// asked, and a vector of parts was an allocation each.
bool IsConstitutionalNumber(std::string_view id) {
  const size_t slash = id.find('/');
  const std::string_view number = id.substr(0, slash);
  if (slash != std::string_view::npos) {  // « 2015-713/714 »: one more number, no more
    const std::string_view joined = id.substr(slash + 1);
    if (joined.find('/') != std::string_view::npos || !IsAsciiDigits(joined)) return false;
  }
  return number.size() >= 6 && number[4] == '-' && IsAsciiDigits(number.substr(0, 4)) && IsAsciiDigits(number.substr(5));
}

std::string EuNumber(std::string_view id, const StringSet& suffixes) {
  const std::vector<std::string_view> parts = Split(id, '/');
  if (parts.size() < 2 || parts.size() > 3 || !IsAsciiDigits(parts[0]) || !IsAsciiDigits(parts[1])) return {};
  if (parts.size() == 3 && !suffixes.contains(parts[2])) return {};
  if (parts[0].size() > 4 || parts[1].size() > 4) return {};
  return std::string(parts[0]) + "/" + std::string(parts[1]);
}

// Numbers are year/number since 2015 and for directives and decisions,
// number/year for older regulations ("45/2001"); two-digit years are 19xx.
std::string EliUrl(std::string_view type, std::string_view number) {
  const std::vector<std::string_view> parts = Split(number, '/');
  if (parts.size() != 2) return {};
  std::string year(parts[0]), num(parts[1]);
  if (type.starts_with("reg") && parts[1].size() == 4 && parts[0].size() < 4) std::swap(year, num);
  if (year.size() == 2) year = "19" + year;
  if (year.size() != 4) return {};
  return "https://eur-lex.europa.eu/eli/" + std::string(type) + "/" + year + "/" + num + "/oj";
}

int DayNumber(std::string_view folded) {
  if (folded == "1er" || folded == "premier") return 1;
  if (!IsAsciiDigits(folded) || folded.size() > 2) return 0;
  const int d = std::stoi(std::string(folded));
  return d >= 1 && d <= 31 ? d : 0;
}

std::string ReadId(const Tokens& toks, uint32_t j, uint32_t* end) {
  std::string id;
  if (j >= toks.size()) return id;
  if (toks.K(j) == TokenKind::kWord && IsAsciiUpperWord(toks.T(j)) && toks.T(j).size() <= 4 &&
      toks.IsNumber(j + 1) && !toks.Glued(j + 1) && StartsWithDigit(toks.T(j + 1)) && toks.SameSentence(j, j + 1)) {
    id = std::string(toks.T(j)) + "-";
    ++j;
  } else if (!(toks.IsNumber(j) || (toks.K(j) == TokenKind::kWord && IsAsciiUpperWord(toks.T(j))))) {
    return {};
  }
  if (!IsAsciiAlnum(toks.T(j)) && !(toks.IsNumber(j) && toks.T(j).find('.') != std::string_view::npos)) return {};
  id += toks.T(j);
  ++j;
  for (int guard = 0; guard < 8 && j + 1 < toks.size() && toks.Glued(j) && toks.Glued(j + 1); ++guard) {
    const std::string_view sep = toks.F(j);
    if (sep != "-" && sep != "/" && sep != ".") break;
    const std::string_view next = toks.T(j + 1);
    if (!IsAsciiAlnum(next) && !(toks.IsNumber(j + 1) && next.find(' ') == std::string_view::npos)) break;
    id += sep;
    id += next;
    j += 2;
  }
  *end = j;
  return id;
}

bool MayReadConstitutionalNumber(const Tokens& toks, uint32_t j) {
  // ReadId's identifier starts with the number's text (a number is never the
  // capitals of « MED 2021-134 »), then a separator and a token at a time
  const std::string_view raw = toks.T(j);
  if (raw.size() < 4 || !IsAsciiDigits(raw.substr(0, 4))) return false;
  return raw.size() > 4 ? raw[4] == '-' : toks.F(j + 1) == "-";
}

}  // namespace lexfr::legal_refs
