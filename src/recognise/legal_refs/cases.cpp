// Court decisions by their numbers: ECLI, CJEU case numbers, a court and its
// number, bare "n°" numbers read through the courts nearby, Conseil
// constitutionnel numbers.
#include "recognise/legal_refs/cases.h"

#include <algorithm>
#include <string>

#include "recognise/legal_refs/identifiers.h"
#include "text/text_util.h"

namespace lexfr::legal_refs {

std::optional<Found> ConstitutionalDecision(const Context& c, std::string_view id, uint32_t end) {
  if (!IsConstitutionalNumber(id)) return std::nullopt;
  const std::string_view suffix = c.tokens.T(end);
  if (!c.tokens.words().decision_suffixes.contains(suffix)) return std::nullopt;
  // « 2019-778 DC » lives at …/decision/2019/2019778DC.htm on the Council's site
  std::string page(id.substr(0, 4));
  page += "/";
  for (char ch : id) {
    if (ch != '-') page += ch;
  }
  page += suffix;
  // decisions joined under one number (« 2015-713/714 ») have no page of that name
  const std::string url =
      id.find('/') == std::string_view::npos ? "https://www.conseil-constitutionnel.fr/decision/" + page + ".htm" : "";
  return Found{end + 1, RefOfKey(c.tables, "CC_DEC:" + std::string(id), url, false)};
}

// « requête n° 12345/19 »: an application to the European Court of Human
// Rights, a serial number and the year's two digits.
bool IsEchrApplication(std::string_view id) {
  const size_t slash = id.find('/');
  return slash != std::string_view::npos && slash >= 1 && slash <= 6 && id.size() == slash + 3 &&
         IsAsciiDigits(id.substr(0, slash)) && IsAsciiDigits(id.substr(slash + 1));
}

std::optional<Found> ReadEcli(const Context& c, uint32_t i) {
  const Tokens& t = c.tokens;
  if (t.F(i) != "ecli" || t.F(i + 1) != ":" || !t.Glued(i + 1)) return std::nullopt;
  std::string key = "ECLI";
  uint32_t j = i + 1, colons = 0;
  while (j + 1 < t.size() && t.Glued(j) && t.Glued(j + 1) && (t.F(j) == ":" || t.F(j) == ".")) {
    if (t.F(j) == ":") ++colons;
    key += t.T(j);
    key += t.T(j + 1);
    j += 2;
  }
  if (colons < 4) return std::nullopt;
  return Found{j, RefOfKey(c.tables, key, "", false)};
}

std::optional<Found> ReadCjeuCase(const Context& c, uint32_t i) {
  const Tokens& t = c.tokens;
  // Only « affaire(s) », « arrêt », « aff. » and the courts C, T, F start
  // one: one byte rules out almost every token.
  const std::string_view head = t.F(i);
  if (head.empty() || (head[0] != 'a' && head[0] != 'c' && head[0] != 't' && head[0] != 'f')) return std::nullopt;
  uint32_t j = i;
  if (t.F(j) == "affaire" || t.F(j) == "affaires" || t.F(j) == "arret") {
    ++j;
  } else if (t.F(j) == "aff" && t.F(j + 1) == ".") {
    j += 2;
  } else if (t.F(j) == "aff.") {
    ++j;
  }
  const std::string_view court = t.T(j);
  if (!(court == "C" || court == "T" || court == "F")) return std::nullopt;
  // « C-623/17 », and « C 623/17 » after « affaire » or « arrêt », as some
  // texts write it
  uint32_t n = 0;
  if (t.IsDash(j + 1) && t.Glued(j + 1) && t.Glued(j + 2)) {
    n = j + 2;
  } else if (j > i && !t.Glued(j + 1)) {
    n = j + 1;
  }
  if (n == 0 || !t.IsNumber(n) || t.F(n + 1) != "/" || !t.Glued(n + 1) || !t.Glued(n + 2) || !t.IsNumber(n + 2)) {
    return std::nullopt;
  }
  j = n - 2;  // the number's offsets below count from the « C- » form
  const std::string_view number = t.T(j + 2), year = t.T(j + 4);
  if (!IsAsciiDigits(number) || number.size() > 4 || !IsAsciiDigits(year) || year.size() != 2) return std::nullopt;
  const std::string id = std::string(court) + "-" + std::string(number) + "/" + std::string(year);
  return Found{j + 5, RefOfKey(c.tables, "CJEU:" + id, "https://curia.europa.eu/juris/liste.jsf?num=" + id, false)};
}

std::optional<Found> ReadCourtAndNumber(const Context& c, uint32_t i, size_t* mention_cursor) {
  const std::vector<AuthorityMention>& mentions = c.authorities.list();
  for (size_t m = c.authorities.FirstFrom(i, mention_cursor); m < mentions.size() && mentions[m].first == i; ++m) {
    const Authority& a = c.tables.authorities[mentions[m].authority];
    if (!a.court) continue;
    const uint32_t j = mentions[m].end;
    uint32_t end = 0;
    const std::string id = ReadId(c.tokens, j, &end);
    if (id.empty() || !c.tokens.SameSentence(i, j)) continue;
    for (const std::string& shape : a.numbers) {
      if (MatchesShape(id, shape)) return Found{end, RefOfKey(c.tables, a.key + ":" + id, "", false)};
    }
  }
  return std::nullopt;
}

std::optional<Found> ReadNumero(const Context& c, uint32_t i) {
  const Tokens& t = c.tokens;
  const bool rg = t.T(i) == "RG";
  uint32_t j = rg ? (t.IsNumero(i + 1) ? i + 2 : i + 1) : i + 1;
  if (!rg && !t.IsNumero(i)) return std::nullopt;
  if (t.F(j) == "s" && t.Glued(j) && t.IsNumber(j + 1)) ++j;  // « n°s 1402524 et 1602826 »
  uint32_t end = 0;
  const std::string id = ReadId(t, j, &end);
  if (id.empty()) return std::nullopt;
  if (IsCassationNumber(id)) return Found{end, RefOfKey(c.tables, "CASS:" + id, "", false)};
  if (t.F(i - 1).starts_with("requete") && IsEchrApplication(id)) {
    return Found{end, RefOfKey(c.tables, "CEDH:" + id, "", false)};  // its URL: UrlOfKey
  }
  if (auto cc = ConstitutionalDecision(c, id, end)) return cc;
  if (auto court = c.authorities.CourtOf(i, end, id)) {
    return Found{end, RefOfKey(c.tables, *court + ":" + id, "", false)};
  }
  if (rg && MatchesShape(id, "##/#####")) return Found{end, RefOfKey(c.tables, "CA:" + id, "", false)};
  return std::nullopt;
}

namespace {

// « 1402524 » -> « ####### », « 18LY04640 » -> « ##@@##### »: what two
// numbers of one court share.
std::string ShapeOf(std::string_view id) {
  std::string shape(id);
  for (char& ch : shape) {
    if (ch >= '0' && ch <= '9') ch = '#';
    else if (ch >= 'A' && ch <= 'Z') ch = '@';
  }
  return shape;
}

}  // namespace

std::optional<Found> ReadJoinedNumber(const Context& c, const Ref& first, uint32_t i) {
  const Tokens& t = c.tokens;
  const size_t colon = first.key.find(':');
  if (colon == std::string::npos || first.key.starts_with("ECLI") || first.key.starts_with("CJEU")) return std::nullopt;
  const std::string shape = ShapeOf(std::string_view(first.key).substr(colon + 1));
  uint32_t j = i;
  if (t.F(j) == ",") ++j;
  if (t.F(j) == "et" || t.F(j) == "ou") ++j;
  // « n° 18LY04640 18LY04663 »: a number with capitals may follow with no
  // word between
  const bool lettered = shape.find('@') != std::string::npos;
  if ((j == i && !lettered) || !t.SameSentence(i, j) || !StartsWithDigit(t.T(j))) return std::nullopt;
  uint32_t end = 0;
  const std::string id = ReadId(t, j, &end);
  if (id.empty()) return std::nullopt;
  const std::string_view prefix = std::string_view(first.key).substr(0, colon);
  if (prefix == "CC_DEC") return ConstitutionalDecision(c, id, end);
  if (ShapeOf(id) != shape) return std::nullopt;
  return Found{end, RefOfKey(c.tables, std::string(prefix) + ":" + id, "", false)};
}

std::optional<Found> ReadConstitutionalNumber(const Context& c, uint32_t i) {
  if (!c.tokens.IsNumber(i) || c.tokens.Glued(i) || !MayReadConstitutionalNumber(c.tokens, i)) return std::nullopt;
  uint32_t end = 0;
  const std::string id = ReadId(c.tokens, i, &end);
  return ConstitutionalDecision(c, id, end);
}

}  // namespace lexfr::legal_refs
