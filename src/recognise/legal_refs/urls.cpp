// Addresses computed from a reference's key: the search forms of Légifrance
// and Judilibre, and EUR-Lex by ECLI.
#include "recognise/legal_refs/urls.h"

#include <array>
#include <initializer_list>

#include "recognise/legal_refs/identifiers.h"

namespace lexfr::legal_refs {
namespace {

constexpr std::string_view kLegifranceAll =
    "https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query=";
constexpr std::string_view kLegifranceCode =
    "https://www.legifrance.gouv.fr/search/code?tab_selection=code&searchField=ALL&query=";
constexpr std::string_view kLegifranceCnil =
    "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=";
constexpr std::string_view kLegifranceCetat =
    "https://www.legifrance.gouv.fr/search/cetat?tab_selection=cetat&searchField=ALL&query=";
constexpr std::string_view kSearchTail = "&page=1&init=true";
constexpr std::string_view kJudilibre = "https://www.courdecassation.fr/recherche-judilibre?search_api_fulltext=";
constexpr std::string_view kEurLexEcli = "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=ecli:";

// PercentEncode(s) after the bytes of `out`: written through a pointer into
// room made once, where a push_back per byte (its capacity check and length
// update) was most of the cost of a code article's address (issue 21).
void AppendPercentEncoded(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const size_t at = out->size();
  out->resize(at + 3 * s.size());  // %XX at most a byte
  char* const begin = out->data() + at;
  char* w = begin;
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.' ||
        b == '_' || b == '~') {
      *w++ = ch;
    } else {
      w[0] = '%';
      w[1] = kHex[b >> 4];
      w[2] = kHex[b & 15];
      w += 3;
    }
  }
  out->resize(at + static_cast<size_t>(w - begin));
}

// A search form's address for the query made of `pieces` one after the
// other (percent-encoding reads byte by byte, so the pieces are encoded
// one by one).
std::string Search(std::string_view base, std::initializer_list<std::string_view> pieces) {
  size_t room = base.size() + kSearchTail.size();
  for (const std::string_view piece : pieces) room += 3 * piece.size();  // %XX at most a byte
  std::string url;
  url.reserve(room);
  url += base;
  for (const std::string_view piece : pieces) AppendPercentEncoded(piece, &url);
  url += kSearchTail;
  return url;
}
std::string Search(std::string_view base, std::string_view query) { return Search(base, {query}); }

bool IsRomanNumeral(std::string_view s) {
  return !s.empty() && AllBytes(s, [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
}

// "1881-07-29" -> "29 juillet 1881"; empty unless an ISO date.
std::string FrenchDate(std::string_view iso) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
      "décembre"};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !IsAsciiDigits(iso.substr(0, 4)) ||
      !IsAsciiDigits(iso.substr(5, 2)) || !IsAsciiDigits(iso.substr(8, 2))) {
    return {};
  }
  const int month = (iso[5] - '0') * 10 + (iso[6] - '0');
  const int day = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  return (day == 1 ? std::string("1er") : std::to_string(day)) + " " + std::string(kMonths[month - 1]) + " " +
         std::string(iso.substr(0, 4));
}

// « loi n° 2004-575 », « loi du 29 juillet 1881 » for LOI:2004-575 and
// LOI:1881-07-29; empty when the id is neither.
std::string ActQuery(std::string_view kind, std::string_view id) {
  if (const std::string date = FrenchDate(id); !date.empty()) return std::string(kind) + " du " + date;
  const size_t dash = id.find('-');
  if (dash == std::string_view::npos || dash == 0 || !IsAsciiDigits(id.substr(0, dash)) ||
      !IsAsciiDigits(id.substr(dash + 1))) {
    return {};
  }
  return std::string(kind) + " n° " + std::string(id);
}

}  // namespace

std::string PercentEncode(std::string_view s) {
  std::string out;
  out.reserve(3 * s.size());
  AppendPercentEncoded(s, &out);
  return out;
}

std::string CodeArticleNumber(std::string_view article) {
  std::string out;
  size_t at = 0;
  while (at <= article.size()) {
    size_t dash = article.find('-', at);
    if (dash == std::string_view::npos) dash = article.size();
    const std::string_view part = article.substr(at, dash - at);
    // the number's own parts start with a digit (« L311-6 », « 119bis »);
    // « II », « a » are parts of the article named in it
    if (part.empty() || IsRomanNumeral(part) || (!out.empty() && !StartsWithDigit(part))) break;
    if (!out.empty()) out += '-';
    out += part;
    at = dash + 1;
  }
  // « 119bis » is written « 119 bis » in the codes
  for (std::string_view latin : {"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies"}) {
    if (out.size() > latin.size() && out.ends_with(latin) && out[out.size() - latin.size() - 1] >= '0' &&
        out[out.size() - latin.size() - 1] <= '9') {
      out.insert(out.size() - latin.size(), " ");
      break;
    }
  }
  return out;
}

std::string CodeUrl(std::string_view code_name, std::string_view article) {
  if (code_name.empty()) return {};
  const std::string number = CodeArticleNumber(article);
  if (number.empty()) return Search(kLegifranceCode, code_name);
  return Search(kLegifranceCode, {"article ", number, " ", code_name});
}

std::string UrlOfKey(std::string_view key) {
  const size_t colon = key.find(':');
  if (colon == std::string_view::npos) return {};
  const std::string_view prefix = key.substr(0, colon), id = key.substr(colon + 1);
  if (id.empty()) return {};
  if (prefix == "LOI" || prefix == "ORD" || prefix == "DECRET") {
    const std::string_view kind = prefix == "LOI" ? "loi" : prefix == "ORD" ? "ordonnance" : "décret";
    const std::string query = ActQuery(kind, id);
    return query.empty() ? std::string() : Search(kLegifranceAll, query);
  }
  if (prefix == "DELIB" || prefix == "DECISION") {
    // DELIB:CNIL:2023-146, DECISION:CNIL:SAN-2022-019; not by date: the
    // CNIL deliberates many times a day
    if (!id.starts_with("CNIL:")) return {};
    const std::string_view number = id.substr(5);
    if (number.empty() || FrenchDate(number).size() > 0) return {};
    return Search(kLegifranceCnil, number);
  }
  if (prefix == "CE") return Search(kLegifranceCetat, id);
  if (prefix == "CASS") return std::string(kJudilibre) + PercentEncode(id);
  // HUDOC searched for the application number, however the number was read
  // (« requête n° 12345/19 », « CEDH, …, n° 58170/13 »)
  if (prefix == "CEDH") return "https://hudoc.echr.coe.int/fre#{%22appno%22:[%22" + std::string(id) + "%22]}";
  if (prefix == "ECLI" && id.starts_with("EU:")) return std::string(kEurLexEcli) + std::string(key);
  return {};
}

}  // namespace lexfr::legal_refs
