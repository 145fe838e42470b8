#include "eval/score.h"

#include <spdlog/fmt/fmt.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/locid.h>

namespace lexfr::eval {
namespace {

// --- Python's view of JSON values ---------------------------------------------------

bool Truthy(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  if (v.is_string() || v.is_array() || v.is_object()) return !v.empty();
  return true;
}

// d.get(key), None (null) when d has no such key or is no dict.
const Json& Get(const Json& d, const std::string& key) {
  static const Json kNull;
  if (!d.is_object()) return kNull;
  const auto it = d.find(key);
  return it == d.end() ? kNull : *it;
}

bool Has(const Json& d, const std::string& key) { return d.is_object() && d.contains(key); }

// json.dumps(v, ensure_ascii=False): ", " and ": " between items.
std::string PyDumps(const Json& v) {
  if (v.is_array()) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + PyDumps(v[i]);
    return out + "]";
  }
  if (v.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, item] : v.items()) {
      out += (first ? "" : ", ") + Json(k).dump() + ": " + PyDumps(item);
      first = false;
    }
    return out + "}";
  }
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string PyFloat(double x) { return Json(x).dump(); }  // repr(): shortest round trip, "150.0"

// str(v): a string as it is, None, True, False, numbers as repr() writes them.
std::string PyStr(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "None";
  if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
  if (v.is_array() || v.is_object()) return PyDumps(v);
  return v.dump();
}

// Python's str.isspace(), which its regular expressions' \s follow.
bool IsPySpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

std::u32string ToU32(const icu::UnicodeString& u) {
  std::u32string out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(u.char32At(i)));
  return out;
}

std::string ToUtf8(const std::u32string& s) {
  icu::UnicodeString u;
  for (char32_t c : s) u.append(static_cast<UChar32>(c));
  std::string out;
  u.toUTF8String(out);
  return out;
}

void Strip(std::u32string& s, bool (*strip)(char32_t)) {
  size_t b = 0, e = s.size();
  while (b < e && strip(s[b])) ++b;
  while (e > b && strip(s[e - 1])) --e;
  s = s.substr(b, e - b);
}

bool IsEndPunct(char32_t c) { return c == ' ' || c == '.' || c == ',' || c == ';' || c == ':'; }

std::string Upper(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toUpper(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

// --- score.py, function by function ---------------------------------------------------

std::string FoldArticle(const Json& a) {
  if (a.is_null()) return "";
  std::u32string s = ToU32(icu::UnicodeString::fromUTF8(Upper(PyStr(a))));
  // ^(ARTICLES?|ART)\.?\s*
  size_t at = 0;
  const std::u32string article = U"ARTICLE";
  if (s.compare(0, article.size(), article) == 0) {
    at = article.size();
    if (at < s.size() && s[at] == 'S') ++at;
  } else if (s.compare(0, 3, U"ART") == 0) {
    at = 3;
  }
  if (at > 0) {
    if (at < s.size() && s[at] == '.') ++at;
    while (at < s.size() && IsPySpace(s[at])) ++at;
  }
  std::u32string out;
  for (size_t i = at; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (IsPySpace(c) || c == '.') continue;
    out.push_back(c == U'§' ? U'-' : c);
  }
  return ToUtf8(out);
}

using Names = std::set<std::string>;

Names NamesOf(const Json& ent) {
  Names out{Fold(Get(ent, "canonical"))};
  const Json& aliases = Get(ent, "aliases");
  if (aliases.is_array()) {
    for (const Json& a : aliases) out.insert(Fold(a));
  }
  const Json& mentions = Get(ent, "mentions");
  if (mentions.is_array()) {
    for (const Json& m : mentions) {
      if (m.is_object()) out.insert(Fold(Get(m, "text")));
    }
  }
  out.erase("");
  return out;
}

// key_of(): the comparison key of a typed entity (DATE, LEGAL_REF, MONEY)
// read as `type`; none for the name types. Its parts after the type are
// what describe() prints; nullopt parts are None.
struct Key {
  std::string type;
  std::vector<std::optional<std::string>> parts;
  bool operator==(const Key&) const = default;
};

std::optional<double> PyFloatOf(const Json& v) {
  if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
  if (v.is_number()) return v.get<double>();
  if (!v.is_string()) return std::nullopt;
  std::string s = v.get<std::string>();
  const size_t b = s.find_first_not_of(" \t\n\r\f\v");
  const size_t e = s.find_last_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) return std::nullopt;
  s = s.substr(b, e - b + 1);
  char* end = nullptr;
  const double x = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || s.find_first_of("xXpP") != std::string::npos) return std::nullopt;
  return x;
}

// round(x, 2): correctly rounded, as printf rounds.
double Round2(double x) {
  if (!std::isfinite(x)) return x;
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return std::strtod(buf, nullptr);
}

std::optional<Key> KeyOf(const Json& ent, const std::string& type) {
  if (type == "DATE") {
    const Json& value = Truthy(Get(ent, "value")) ? Get(ent, "value") : Get(ent, "canonical");
    return Key{type, {Truthy(value) ? PyStr(value) : std::string()}};
  }
  if (type == "LEGAL_REF") {
    const Json& instrument = Get(ent, "instrument");
    return Key{type, {Upper(Truthy(instrument) ? PyStr(instrument) : std::string()), FoldArticle(Get(ent, "article"))}};
  }
  if (type == "MONEY") {
    std::optional<std::string> amount;
    if (const std::optional<double> x = PyFloatOf(Get(ent, "amount"))) amount = PyFloat(Round2(*x));
    const Json& currency = Get(ent, "currency");
    return Key{type, {amount, Upper(Truthy(currency) ? PyStr(currency) : std::string())}};
  }
  return std::nullopt;
}

std::string TypeOf(const Json& ent) {
  const Json& t = Get(ent, "type");
  return t.is_string() ? t.get<std::string>() : std::string();
}

std::optional<Key> KeyOf(const Json& ent) { return KeyOf(ent, TypeOf(ent)); }

std::string Describe(const Json& e) {
  if (const std::optional<Key> k = KeyOf(e)) {
    std::string out;
    for (const std::optional<std::string>& part : k->parts) {
      if (!part || part->empty()) continue;
      out += (out.empty() ? "" : " ") + *part;
    }
    return out;
  }
  if (Truthy(Get(e, "canonical"))) return PyStr(Get(e, "canonical"));
  const Json& aliases = Get(e, "aliases");
  return Truthy(aliases) ? PyStr(aliases[0]) : "?";
}

bool HasType(const Json& g, const std::string& t) {
  if (TypeOf(g) == t) return true;
  const Json& alt = Get(g, "alt_types");
  if (!alt.is_array()) return false;
  for (const Json& a : alt) {
    if (a.is_string() && a.get<std::string>() == t) return true;
  }
  return false;
}

bool Intersect(const Names& a, const Names& b) {
  for (const std::string& n : a) {
    if (b.count(n) != 0) return true;
  }
  return false;
}

void MatchEntities(const std::string& stem, const Json& gold, const Json& pred, Report* report) {
  const std::vector<std::string>& types = ScoredTypes();
  const auto scored = [&](const std::string& t) { return std::find(types.begin(), types.end(), t) != types.end(); };
  std::map<size_t, std::string> used;  // gold index -> the predicted type that matched it
  std::map<std::string, std::vector<Miss>> by_type;  // misses in score.py's order: per type, missed then spurious
  std::vector<Names> gold_names;
  for (const Json& g : gold) gold_names.push_back(NamesOf(g));
  for (const Json& p : pred) {
    const std::string t = TypeOf(p);
    if (!scored(t)) continue;
    ++report->entities[t].predicted;
    std::optional<size_t> hit;
    const std::optional<Key> pk = KeyOf(p);
    std::optional<Names> pnames;
    for (size_t i = 0; i < gold.size(); ++i) {
      const Json& g = gold[i];
      if (used.count(i) != 0 || !HasType(g, t)) continue;
      if (KeyOf(g) || t == "DATE" || t == "LEGAL_REF" || t == "MONEY") {
        const std::optional<Key> gk = KeyOf(g, t);
        if (gk && gk == pk) {
          hit = i;
          break;
        }
      } else {
        if (!pnames) pnames = NamesOf(p);
        if (Intersect(gold_names[i], *pnames)) {
          hit = i;
          break;
        }
      }
    }
    if (!hit) {
      by_type[t].push_back({stem, t, "spurious", Describe(p)});
    } else {
      used[*hit] = t;
      ++report->entities[t].true_positives;
    }
  }
  std::map<std::string, std::vector<Miss>> missed;
  for (size_t i = 0; i < gold.size(); ++i) {
    const Json& g = gold[i];
    const auto u = used.find(i);
    const std::string t = u != used.end() ? u->second : TypeOf(g);
    if (!scored(t)) continue;
    if (Truthy(Get(g, "optional"))) {
      if (u != used.end()) {  // matched an optional entity: neither credit nor blame
        --report->entities[t].true_positives;
        --report->entities[t].predicted;
      }
      continue;
    }
    ++report->entities[t].gold;
    if (u == used.end()) missed[t].push_back({stem, t, "missed", Describe(g)});
  }
  for (const std::string& t : types) {
    for (Miss& m : missed[t]) report->misses.push_back(std::move(m));
    for (Miss& m : by_type[t]) report->misses.push_back(std::move(m));
  }
}

// resolver(): any folded alias of a gold name entity -> its folded canonical.
class Resolver {
 public:
  explicit Resolver(const Json& gold_entities) {
    if (!gold_entities.is_array()) return;
    for (const Json& g : gold_entities) {
      if (KeyOf(g)) continue;
      const std::string canon = Fold(Get(g, "canonical"));
      for (const std::string& n : NamesOf(g)) table_.emplace(n, canon);
    }
  }
  std::string operator()(const Json& s) const {
    std::string f = Fold(s);
    const auto it = table_.find(f);
    return it == table_.end() ? f : it->second;
  }

 private:
  std::map<std::string, std::string> table_;
};

double SetF1(const std::vector<std::string>& gold_list, const std::vector<std::string>& pred_list) {
  const std::set<std::string> gold(gold_list.begin(), gold_list.end()), pred(pred_list.begin(), pred_list.end());
  if (gold.empty() && pred.empty()) return 1.0;
  if (gold.empty() || pred.empty()) return 0.0;
  size_t tp = 0;
  for (const std::string& g : gold) tp += pred.count(g);
  return 2.0 * static_cast<double>(tp) / static_cast<double>(gold.size() + pred.size());
}

std::vector<std::string> NamesIn(const Json& value, const Resolver& resolve) {
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const Json& item : value) {
    if (!item.is_object()) {
      out.push_back(resolve(item));
      continue;
    }
    // A counsel may be named by person or by firm only.
    const Json* v = &Get(item, "name");
    if (!Truthy(*v)) v = &Get(item, "firm");
    if (!Truthy(*v)) v = &Get(item, "canonical");
    out.push_back(resolve(*v));
  }
  return out;
}

std::vector<std::string> Categories(const Json& grounds, bool gold) {
  std::vector<std::string> out;
  if (!grounds.is_array()) return out;
  for (const Json& g : grounds) {
    if (gold || g.is_object()) out.push_back(Get(g, "category").dump());
  }
  return out;
}

using Scores = std::vector<std::pair<std::string, double>>;

Scores ScoreRecourse(const Json& gold, const Json& pred_in, const Resolver& resolve) {
  if (gold.is_null()) return {{"detected", pred_in.is_null() ? 1.0 : 0.0}};
  Scores s{{"detected", 1.0}};
  static const Json kEmpty = Json::object();
  const Json& pred = pred_in.is_object() ? pred_in : kEmpty;
  if (!pred_in.is_object()) s[0].second = 0.0;  // every field the gold states is missed
  if (Has(gold, "kind")) s.emplace_back("kind", gold["kind"] == Get(pred, "kind"));
  if (Has(gold, "court")) s.emplace_back("court", resolve(gold["court"]) == resolve(Get(pred, "court")));
  for (const char* f : {"claimants", "respondents", "counsel"}) {
    if (Has(gold, f)) s.emplace_back(f, SetF1(NamesIn(gold[f], resolve), NamesIn(Get(pred, f), resolve)));
  }
  const Json& ga = Get(gold, "challenged_act");
  const Json& pa = Truthy(Get(pred, "challenged_act")) ? Get(pred, "challenged_act") : kEmpty;
  if (ga.is_object()) {
    for (const std::string f : {"type", "author", "date", "published", "reference"}) {
      if (Get(ga, f).is_null()) continue;
      const Json& gv = ga[f];
      const Json& pv = Get(pa, f);
      const bool same = f == "type" || f == "author" ? resolve(gv) == resolve(pv) : PyStr(gv) == PyStr(pv);
      s.emplace_back("act." + f, same ? 1.0 : 0.0);
    }
  }
  if (Has(gold, "grounds")) {
    s.emplace_back("grounds", SetF1(Categories(gold["grounds"], true), Categories(Get(pred, "grounds"), false)));
  }
  for (const char* f : {"status", "outcome"}) {
    if (Has(gold, f)) s.emplace_back(f, gold[f] == Get(pred, f));
  }
  return s;
}

std::string NormNumber(const Json& k) {
  std::u32string s = ToU32(icu::UnicodeString::fromUTF8(PyStr(k)));
  std::u32string out;
  for (char32_t c : s) {
    if (!IsPySpace(c)) out.push_back(c);
  }
  return Upper(ToUtf8(out));
}

Scores ScoreDocumentFields(const Json& gold, const Json& pred, const Resolver& resolve) {
  Scores s;
  if (Has(gold, "genre")) s.emplace_back("genre", gold["genre"] == Get(pred, "genre"));
  const Json& gd = Get(gold, "decision");
  const Json& pd_in = Get(pred, "decision");
  if (Has(gold, "decision") && gd.is_null()) s.emplace_back("decision.none", pd_in.is_null());
  if (gd.is_object()) {
    static const Json kEmpty = Json::object();
    const Json& pd = pd_in.is_object() ? pd_in : kEmpty;
    if (!Get(gd, "court").is_null()) {
      s.emplace_back("decision.court", resolve(gd["court"]) == resolve(Get(pd, "court")));
    }
    if (!Get(gd, "date").is_null()) s.emplace_back("decision.date", PyStr(gd["date"]) == PyStr(Get(pd, "date")));
    if (Truthy(Get(gd, "numbers"))) {
      std::vector<std::string> g, p;
      for (const Json& k : gd["numbers"]) g.push_back(NormNumber(k));
      if (Get(pd, "numbers").is_array()) {
        for (const Json& k : pd["numbers"]) p.push_back(NormNumber(k));
      }
      s.emplace_back("decision.numbers", SetF1(g, p));
    }
  }
  return s;
}

// field_values(): the gold and predicted values of a scored field.
Json FieldValue(const Json& d, const std::string& f) {
  if (!d.is_object()) return nullptr;
  const auto sub = [&](const char* key, size_t prefix) -> Json {
    const Json& a = Get(d, key);
    return a.is_object() ? Get(a, f.substr(prefix)) : Json();
  };
  if (f.rfind("act.", 0) == 0) return sub("challenged_act", 4);
  if (f.rfind("decision.", 0) == 0) return sub("decision", 9);
  if (f == "grounds") {
    Json out = Json::array();
    const Json& grounds = Get(d, "grounds");
    if (grounds.is_array()) {
      for (const Json& g : grounds) {
        if (g.is_object()) out.push_back(Get(g, "category"));
      }
    }
    return out;
  }
  return Get(d, f);
}

// round(v, 3), as repr() prints it.
std::string Round3(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return PyFloat(std::strtod(buf, nullptr));
}

void AddFieldMisses(const std::string& stem, const std::string& prefix, const Scores& scores, const Json& gold,
                    const Json& pred, bool skip_detected, std::map<std::string, std::vector<double>>* into,
                    Report* report) {
  for (const auto& [f, v] : scores) {
    (*into)[f].push_back(v);
    if (v >= 1 || (skip_detected && f == "detected")) continue;
    report->field_misses.push_back({stem, prefix + f, Round3(v),
                              "gold=" + PyDumps(FieldValue(gold, f)) + "\tpred=" + PyDumps(FieldValue(pred, f))});
  }
}

struct Prf {
  double p, r, f1;
};

Prf PrfOf(uint64_t tp, uint64_t ng, uint64_t np) {
  const double p = np ? static_cast<double>(tp) / static_cast<double>(np) : (ng == 0 ? 1.0 : 0.0);
  const double r = ng ? static_cast<double>(tp) / static_cast<double>(ng) : 1.0;
  return {p, r, p + r != 0 ? 2 * p * r / (p + r) : 0.0};
}

double Mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;  // left to right, as Python's sum()
  return sum / static_cast<double>(v.size());
}

}  // namespace

std::string Fold(const Json& value) {
  if (value.is_null()) return "";
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) return PyStr(value);
  icu::UnicodeString u = nfkd->normalize(icu::UnicodeString::fromUTF8(PyStr(value)), status);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (u_getCombiningClass(c) == 0) bare.append(c);
  }
  bare.foldCase(U_FOLD_CASE_DEFAULT);
  std::u32string s;
  bool in_space = false;
  for (char32_t c : ToU32(bare)) {
    if (c == U'\u2018' || c == U'\u2019' || c == U'\u02bc' || c == U'`' || c == U'\u00b4') c = '\'';
    if (c == U'\u00ab' || c == U'\u00bb' || c == U'\u201c' || c == U'\u201d' || c == U'"') c = ' ';
    if (IsPySpace(c)) {
      if (!in_space) s.push_back(' ');
      in_space = true;
      continue;
    }
    in_space = false;
    s.push_back(c);
  }
  Strip(s, IsEndPunct);
  for (const std::u32string article : {U"l'", U"le ", U"la ", U"les ", U"du ", U"de la ", U"des ", U"de l'", U"d'"}) {
    if (s.compare(0, article.size(), article) == 0) {
      s.erase(0, article.size());
      break;
    }
  }
  Strip(s, [](char32_t c) { return IsPySpace(c); });
  return ToUtf8(s);
}

const std::vector<std::string>& ScoredTypes() {
  static const std::vector<std::string> kTypes = {"ORG", "PERSON", "LOC", "LEGAL_REF", "DATE", "MONEY"};
  return kTypes;
}

std::string PredictionKey(const Json& record) {
  const Json& path = Get(Get(record, "source"), "path");
  if (!Truthy(path) || !path.is_string()) return "";
  std::string name = path.get<std::string>();
  while (name.size() > 1 && name.back() == '/') name.pop_back();
  if (const size_t slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
  const size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

void ScoreDocument(const std::string& stem, const Json& gold, const Json* pred_in, Report* report) {
  report->documents.push_back(stem);
  Json missing = {{"entities", Json::array()}, {"recourse", "missing"}};  // scores as wrong either way
  if (pred_in == nullptr) report->unmatched.push_back(stem);
  const Json& pred = pred_in != nullptr ? *pred_in : missing;
  for (const std::string& t : ScoredTypes()) report->entities[t];
  const Json& gold_entities = Get(gold, "entities");
  const Json& pred_entities = Get(pred, "entities");
  MatchEntities(stem, gold_entities.is_array() ? gold_entities : Json::array(),
                pred_entities.is_array() ? pred_entities : Json::array(), report);
  const Resolver resolve(gold_entities);
  const Json& gold_recourse = Get(gold, "recourse");
  const Json& pred_recourse = Get(pred, "recourse");
  AddFieldMisses(stem, "recourse.", ScoreRecourse(gold_recourse, pred_recourse, resolve), gold_recourse,
                 pred_recourse, true, &report->recourse, report);
  AddFieldMisses(stem, "", ScoreDocumentFields(gold, pred, resolve), gold, pred, false, &report->document, report);
}

Json ReportJson(const Report& report) {
  Json j;
  j["documents"] = report.documents.size();
  j["unmatched_documents"] = report.unmatched;
  Json entities = Json::object();
  uint64_t tp = 0, ng = 0, np = 0;
  for (const std::string& t : ScoredTypes()) {
    const TypeCounts c = report.entities.count(t) ? report.entities.at(t) : TypeCounts{};
    const Prf m = PrfOf(c.true_positives, c.gold, c.predicted);
    entities[t] = {{"precision", m.p}, {"recall", m.r}, {"f1", m.f1}, {"gold", c.gold}, {"predicted", c.predicted}};
    tp += c.true_positives, ng += c.gold, np += c.predicted;
  }
  j["entities"] = entities;
  const Prf micro = PrfOf(tp, ng, np);
  j["entities_micro"] = {{"precision", micro.p}, {"recall", micro.r}, {"f1", micro.f1}};
  Json recourse = Json::object();
  double sum = 0;
  for (const auto& [f, v] : report.recourse) {
    recourse[f] = Mean(v);
    sum += Mean(v);
  }
  j["recourse"] = recourse;
  j["recourse_mean"] = report.recourse.empty() ? 0.0 : sum / static_cast<double>(report.recourse.size());
  Json document = Json::object();
  for (const auto& [f, v] : report.document) document[f] = Mean(v);
  j["document"] = document;
  return j;
}

std::string ReportText(const Report& report, bool misses) {
  const Json j = ReportJson(report);
  std::string out = fmt::format("documents: {}   without a prediction: {}\n", report.documents.size(),
                                report.unmatched.size());
  out += fmt::format("{:<10} {:>5} {:>5} {:>6} {:>6} {:>6}\n", "type", "gold", "pred", "P", "R", "F1");
  uint64_t ng = 0, np = 0;
  for (const std::string& t : ScoredTypes()) {
    const Json& e = j["entities"][t];
    out += fmt::format("{:<10} {:>5} {:>5} {:6.3f} {:6.3f} {:6.3f}\n", t, e["gold"].get<uint64_t>(),
                       e["predicted"].get<uint64_t>(), e["precision"].get<double>(), e["recall"].get<double>(),
                       e["f1"].get<double>());
    ng += e["gold"].get<uint64_t>(), np += e["predicted"].get<uint64_t>();
  }
  const Json& m = j["entities_micro"];
  out += fmt::format("{:<10} {:>5} {:>5} {:6.3f} {:6.3f} {:6.3f}\n", "all", ng, np, m["precision"].get<double>(),
                     m["recall"].get<double>(), m["f1"].get<double>());
  out += "recourse fields:\n";
  for (const auto& [f, v] : j["recourse"].items()) out += fmt::format("  {:<14} {:6.3f}\n", f, v.get<double>());
  out += fmt::format("  {:<14} {:6.3f}\n", "mean", j["recourse_mean"].get<double>());
  if (!j["document"].empty()) {
    out += "document fields:\n";
    for (const auto& [f, v] : j["document"].items()) out += fmt::format("  {:<16} {:6.3f}\n", f, v.get<double>());
  }
  if (misses) {
    for (const std::vector<Miss>* list : {&report.misses, &report.field_misses}) {
      for (const Miss& miss : *list) out += miss.document + "\t" + miss.what + "\t" + miss.how + "\t" + miss.detail + "\n";
    }
  }
  return out;
}

}  // namespace lexfr::eval
