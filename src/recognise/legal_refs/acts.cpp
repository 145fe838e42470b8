// Acts: French acts introduced by their kind word ("loi n° 2004-575 du 21
// juin 2004", "décret n° 2019-536", "arrêté du 5 mars 2020", "délibération
// n° 2023-146 de la CNIL", "décision n° 20-MC-01"), EU acts ("règlement (UE)
// 2016/679", "directive 95/46/CE", "décision d'exécution (UE) 2016/1250"),
// US executive orders, and instruments named in the tables ("RGPD", "loi
// Informatique et Libertés").
//
// Reads: the kind word and what follows it up to the act's number or date,
// and the authorities named around it. Gives: the act's contract key
// ("LOI:2004-575", "EU_REG:2022/868", "DELIB:CNIL:2023-146") and where its
// mention ends.
#include "recognise/legal_refs/acts.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "recognise/legal_refs/cases.h"
#include "recognise/legal_refs/identifiers.h"
#include "recognise/legal_refs/phrases.h"
#include "text/text_util.h"

namespace lexfr::legal_refs {
namespace {

// --- French acts ---------------------------------------------------------

// "de la formation restreinte", "du Premier ministre", "de la CNIL",
// "organique": words between a kind word and the act's number. Returns the
// position of "n°" or of the identifier, or `j` when there is none within a
// few words; sets *authority when an authority is named there.
uint32_t SkipModifiers(const Context& c, uint32_t j, int* authority) {
  const Tokens& t = c.tokens;
  if (!t.W(j).act_modifier) return j;
  for (uint32_t k = j; k < j + 10 && t.SameSentence(k, j); ++k) {
    const std::string_view f = t.F(k);  // read once: each F() goes through the view
    if (t.IsNumero(k)) {
      *authority = c.authorities.Within(j, k);
      return k;
    }
    if ((f == "du" || f == "le") && k > j) {
      uint32_t e = 0;
      if (c.act_dates.At(k + 1, &e)) {
        *authority = c.authorities.Within(j, k);
        return k;
      }
    }
    const bool word = t.K(k) == TokenKind::kWord;
    if (!(word || f == "(" || f == ")")) return j;
    if (k > j && KindOfWord(f) != Kind::kOther) return j;
    // An identifier right after the modifiers ("Délibération … SAN-2021-023").
    if (k > j && word && IsAsciiUpperWord(t.T(k)) && t.Glued(k + 1) && t.IsDash(k + 1)) {
      *authority = c.authorities.Within(j, k);
      return k;
    }
  }
  return j;
}

// The number after a kind word at i and its modifiers: "loi organique n°
// 2009-403", "décision de la formation restreinte n° MED 2021-134".
struct ActNumber {
  std::string id;       // as written (ReadId); empty when there is none
  uint32_t at = 0;      // where the number is or would be: past the modifiers and "n°"
  uint32_t end = 0;     // past the number when there is one
  bool numero = false;  // "n°" before it
  int authority = -1;   // an authority named among the modifiers, or -1
};

ActNumber ReadActNumber(const Context& c, uint32_t i) {
  ActNumber number;
  number.at = SkipModifiers(c, i + 1, &number.authority);
  number.numero = c.tokens.IsNumero(number.at);
  if (number.numero) ++number.at;
  number.id = ReadId(c.tokens, number.at, &number.end);
  return number;
}

const char* NumberedPrefix(Kind kind) {
  return kind == Kind::kLoi ? "LOI:" : kind == Kind::kDecret ? "DECRET:" : "ORD:";
}

// The act's number, when `number` is one: "78-17", "2004-575", a year of two
// or four digits, a dash, a number.
bool IsActNumber(const ActNumber& number, Kind kind) {
  const std::string& id = number.id;
  const size_t dash = id.find('-');
  if (dash == std::string::npos || (dash != 2 && dash != 4) || !IsAsciiDigits(id.substr(0, dash)) ||
      !IsAsciiDigits(id.substr(dash + 1))) {
    return false;
  }
  return !(kind == Kind::kOrdonnance && dash != 4 && !number.numero);
}

// Every numbered act of the text given with its date (Context's
// numbered_acts_by_date).
std::unordered_map<std::string, std::string> NumberedActsByDate(const Context& c) {
  std::unordered_map<std::string, std::string> acts;
  // The kind words start the grammar's rules (scanner.h GrammarStartWords):
  // only the start words are read (Context::reference_starts), each told by
  // its vocabulary id (by folded word), not by its text (issue 21). A kind
  // word is a start word, so it has an id (not 0).
  const Tokens& t = c.tokens;
  const uint32_t loi = t.IdOf("loi"), decret = t.IdOf("decret"), ordonnance = t.IdOf("ordonnance");
  for (const uint32_t i : c.reference_starts) {
    const uint32_t id = t.Id(i);
    const Kind kind = id == loi ? Kind::kLoi : id == decret ? Kind::kDecret
                      : id == ordonnance ? Kind::kOrdonnance : Kind::kOther;
    if (kind == Kind::kOther) continue;
    const ActNumber number = ReadActNumber(c, i);
    uint32_t date_end = 0;
    if (!IsActNumber(number, kind)) continue;
    const std::optional<std::string> iso = c.act_dates.After(number.end, &date_end);
    if (!iso) continue;
    const std::string key = NumberedPrefix(kind) + number.id;
    const auto [it, added] = acts.try_emplace(NumberedPrefix(kind) + *iso, key);
    if (!added && it->second != key) it->second.clear();  // two acts of one day: neither
  }
  return acts;
}

// "loi n° 78-17", "loi organique n° 2009-403", "décret n° 2019-536 du 29
// mai 2019", "ordonnance n° 2018-1125": numbers as written. « la loi du 12
// novembre 2013 », without its number, is the numbered law of that date the
// text names elsewhere, if it names one.
std::optional<Found> NumberedAct(const Context& c, uint32_t i, Kind kind) {
  const ActNumber number = ReadActNumber(c, i);
  uint32_t end = number.end;
  uint32_t date_end = 0;
  if (!IsActNumber(number, kind)) {
    if (!number.id.empty() || number.numero) return std::nullopt;
    const std::optional<std::string> iso = c.act_dates.After(number.at, &date_end);
    if (!iso) return std::nullopt;
    if (!c.numbered_acts_by_date) c.numbered_acts_by_date = NumberedActsByDate(c);
    const auto known = c.numbered_acts_by_date->find(NumberedPrefix(kind) + *iso);
    if (known == c.numbered_acts_by_date->end() || known->second.empty()) return std::nullopt;
    return Found{date_end, RefOfKey(c.tables, known->second, "", true)};
  }
  if (c.act_dates.After(end, &date_end)) end = date_end;
  return Found{end, RefOfKey(c.tables, NumberedPrefix(kind) + number.id, "", true)};
}

// "arrêté du 5 mars 2020" -> ARRETE:2020-03-05; "circulaire n° 6282-SG"
// -> CIRC:6282-SG, "circulaire du 5 juillet 2021" -> CIRC:2021-07-05.
std::optional<Found> DatedAct(const Context& c, uint32_t i, Kind kind) {
  const Tokens& t = c.tokens;
  int authority = -1;
  uint32_t j = SkipModifiers(c, i + 1, &authority);
  const char* prefix = kind == Kind::kArrete ? "ARRETE:" : "CIRC:";
  if (kind == Kind::kCirculaire && t.IsNumero(j)) {
    uint32_t end = 0;
    const std::string id = ReadId(t, j + 1, &end);
    if (id.empty()) return std::nullopt;
    uint32_t date_end = 0;
    if (c.act_dates.After(end, &date_end)) end = date_end;
    return Found{end, RefOfKey(c.tables, prefix + id, "", true)};
  }
  uint32_t end = 0;
  if (auto iso = c.act_dates.After(j, &end)) {
    // "circulaire du 5 juillet 2021 n° 6282-SG": the number is the key.
    if (kind == Kind::kCirculaire && t.IsNumero(end)) {
      uint32_t id_end = 0;
      const std::string id = ReadId(t, end + 1, &id_end);
      if (!id.empty()) return Found{id_end, RefOfKey(c.tables, prefix + id, "", true)};
    }
    return Found{end, RefOfKey(c.tables, prefix + *iso, "", true)};
  }
  return std::nullopt;
}

// "délibération n° 2023-146 du 21 décembre 2023", "Délibération de la
// formation restreinte n° SAN-2022-019", "délibération de la Cnil du 21
// décembre 2023" -> DELIB:<author>:<number or ISO date>.
std::optional<Found> Deliberation(const Context& c, uint32_t i) {
  const Tokens& t = c.tokens;
  const ActNumber number = ReadActNumber(c, i);
  const uint32_t j = number.at;
  uint32_t end = number.end;
  std::string id = number.id;
  if (!id.empty() && id.find('-') == std::string::npos) id.clear();
  std::string suffix = id;
  if (id.empty()) {
    auto iso = c.act_dates.After(j, &end);
    if (!iso) return std::nullopt;
    suffix = *iso;
    // "délibération de la CNIL du 21 décembre 2023 n° 2023-146"
    if (t.IsNumero(end)) {
      uint32_t id_end = 0;
      const std::string later = ReadId(t, end + 1, &id_end);
      if (later.find('-') != std::string::npos) {
        suffix = id = later;
        end = id_end;
      }
    }
  } else {
    uint32_t date_end = 0;
    if (c.act_dates.After(end, &date_end)) end = date_end;
  }
  const std::optional<std::string> author = c.authorities.AuthorOf(i, end, number.authority, id);
  if (!author) return std::nullopt;
  return Found{end, RefOfKey(c.tables, "DELIB:" + *author + ":" + suffix, "", false)};
}

// "décision n° 2021-817 DC" (Conseil constitutionnel), "Décision n° 492369"
// (a court, by the court named nearby), "décision n° MED 2021-134",
// "décision n° 20-MC-01 de l'Autorité de la concurrence".
// `i` is the last word of the kind ("décision", "demeure"), `first` its first.
std::optional<Found> NationalDecision(const Context& c, uint32_t i, uint32_t first) {
  const ActNumber number = ReadActNumber(c, i);
  const std::string& id = number.id;
  uint32_t end = number.end;
  if (id.empty()) return std::nullopt;
  if (auto cc = ConstitutionalDecision(c, id, end)) return cc;
  if (IsCassationNumber(id)) return Found{end, RefOfKey(c.tables, "CASS:" + id, "", false)};
  if (!number.numero && id.find('-') == std::string::npos) return std::nullopt;
  if (IsAsciiDigits(id)) {
    if (auto court = c.authorities.CourtOf(first, end, id)) {
      return Found{end, RefOfKey(c.tables, *court + ":" + id, "", false)};
    }
    return std::nullopt;
  }
  uint32_t date_end = 0;
  if (c.act_dates.After(end, &date_end)) end = date_end;
  const std::optional<std::string> author = c.authorities.AuthorOf(first, end, number.authority, id);
  if (!author) return std::nullopt;
  return Found{end, RefOfKey(c.tables, "DECISION:" + *author + ":" + id, "", false)};
}

// --- EU acts and others ---------------------------------------------------

// "(UE)", "(CE)", "(UE, Euratom)", "d'exécution", "délégué" between an EU
// act's kind word and its number.
uint32_t SkipEuModifiers(const Context& c, uint32_t j, bool* implementing, bool* delegated) {
  const Tokens& t = c.tokens;
  for (int guard = 0; guard < 4; ++guard) {
    if (t.F(j) == "d'" && t.F(j + 1) == "execution") {
      *implementing = true;
      j += 2;
    } else if (t.F(j) == "delegue" || t.F(j) == "deleguee") {
      *delegated = true;
      ++j;
    } else if ((t.T(j) == "UE" || t.T(j) == "CE") && t.IsNumber(j + 1)) {
      ++j;  // "règlement UE 2016/679"
    } else if (t.F(j) == "(" && (t.F(j + 1) == "ue" || t.F(j + 1) == "ce" || t.F(j + 1) == "cee")) {
      uint32_t k = j + 2;
      if (t.F(k) == "," && t.F(k + 1) == "euratom") k += 2;
      if (t.F(k) != ")") break;
      j = k + 1;
    } else {
      break;
    }
  }
  return j;
}

// "décision de la Commission du 26 juillet 2000 (2000/520/CE)": the
// number in parentheses after the author and date, with its suffix.
std::string EuNumberInParentheses(const Context& c, uint32_t i, uint32_t* end) {
  const Tokens& t = c.tokens;
  int authority = -1;
  uint32_t j = SkipModifiers(c, i + 1, &authority);
  if (j == i + 1) return {};
  uint32_t date_end = 0;
  if (!c.act_dates.After(j, &date_end) || t.F(date_end) != "(") return {};
  uint32_t id_end = 0;
  const std::string id = ReadId(t, date_end + 1, &id_end);
  if (std::count(id.begin(), id.end(), '/') != 2 || t.F(id_end) != ")") return {};
  *end = id_end + 1;
  return EuNumber(id, t.words().eu_act_suffixes);
}

std::optional<Found> EuAct(const Context& c, uint32_t i, Kind kind) {
  const Tokens& t = c.tokens;
  bool implementing = false, delegated = false;
  uint32_t j = SkipEuModifiers(c, i + 1, &implementing, &delegated);
  if (t.IsNumero(j)) ++j;
  uint32_t end = 0;
  std::string number = EuNumber(ReadId(t, j, &end), t.words().eu_act_suffixes);
  if (number.empty()) number = EuNumberInParentheses(c, i, &end);
  if (number.empty()) return std::nullopt;
  std::string type = kind == Kind::kReglement ? "reg" : kind == Kind::kDirective ? "dir" : "dec";
  if (implementing) type += "_impl";
  if (delegated) type += "_del";
  const std::string prefix = kind == Kind::kReglement ? "EU_REG:" : kind == Kind::kDirective ? "EU_DIR:" : "EU_DEC:";
  return Found{end, RefOfKey(c.tables, prefix + number, EliUrl(type, number), true)};
}

std::optional<Found> ExecutiveOrder(const Context& c, uint32_t i) {
  const Tokens& t = c.tokens;
  std::string key = "EXECUTIVE_ORDER_";
  for (char ch : t.T(i + 2)) {
    if (ch >= '0' && ch <= '9') {
      key += ch;
    } else if (key.back() != '_') {
      key += '_';  // "12 333": the space of the number as written
    }
  }
  return Found{i + 3, RefOfKey(c.tables, key, "", true)};
}

// An act introduced by its kind word at i: "loi n° 2004-575 du 21 juin
// 2004", "règlement (UE) 2016/679", "délibération de la CNIL du 21 décembre
// 2023", "décision n° 2021-817 DC", "Executive Order 12333"…
std::optional<Found> ParseAct(const Context& c, uint32_t i) {
  const Tokens& t = c.tokens;
  const std::string_view f = t.F(i);
  if (f == "executive" && t.F(i + 1) == "order" && t.IsNumber(i + 2)) return ExecutiveOrder(c, i);
  if (f == "pourvoi") {
    uint32_t j = i + 1 + (t.IsNumero(i + 1) ? 1 : 0), end = 0;
    const std::string id = ReadId(t, j, &end);
    if (IsCassationNumber(id)) return Found{end, RefOfKey(c.tables, "CASS:" + id, "", false)};
    return std::nullopt;
  }
  // "mise en demeure n° MED 2021-134": a decision of an authority.
  if (f == "mise" && t.F(i + 1) == "en" && t.F(i + 2) == "demeure") return NationalDecision(c, i + 2, i);
  const Kind kind = KindOfWord(f);
  switch (kind) {
    case Kind::kReglement:
    case Kind::kDirective:
    case Kind::kDecision:
      if (auto eu = EuAct(c, i, kind)) return eu;
      if (kind == Kind::kDecision) return NationalDecision(c, i, i);
      return std::nullopt;
    case Kind::kLoi:
    case Kind::kDecret:
    case Kind::kOrdonnance:
      return NumberedAct(c, i, kind);
    case Kind::kArrete:
    case Kind::kCirculaire:
      return DatedAct(c, i, kind);
    case Kind::kDeliberation:
      return Deliberation(c, i);
    default:
      return std::nullopt;
  }
}

// "loi informatique et Libertés n° 78-17 du 6 janvier 1978": the number
// and date after a law's name belong to the mention.
uint32_t ExtendNamedLaw(const Context& c, const Found& f) {
  const Tokens& t = c.tokens;
  uint32_t end = f.end;
  if (f.ref.kind != Kind::kLoi) return end;
  if (t.IsNumero(end)) {
    uint32_t id_end = 0;
    const std::string id = ReadId(t, end + 1, &id_end);
    if (id.find('-') != std::string::npos) end = id_end;
  }
  uint32_t date_end = 0;
  if (c.act_dates.After(end, &date_end)) end = date_end;
  return end;
}

}  // namespace

// A named instrument at i (trie) or an act introduced by its kind word,
// whichever is longer.
std::optional<Found> ParseInstrument(const Context& c, uint32_t i, bool in_article) {
  const Tokens& t = c.tokens;
  std::optional<Found> act = ParseAct(c, i);
  uint32_t end = 0;
  const int name = LongestName(t, c.tables.ref_trie, c.tables.ref_names, i, in_article, &end);
  if (name >= 0 && (!act || end > act->end)) {
    Found f{end, c.tables.refs[c.tables.ref_names[name].target]};
    f.end = ExtendNamedLaw(c, f);
    return f;
  }
  return act;
}

}  // namespace lexfr::legal_refs
