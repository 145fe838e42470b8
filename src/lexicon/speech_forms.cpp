#include "lexicon/speech_forms.h"

namespace lexfr {
namespace {

struct Stems {
  std::string present, participle, future, imperfect;  // imperfect may be empty
};

// « se réjouir » -> « réjouir », « s'inquiéter » -> « inquiéter ».
std::string_view WithoutSe(std::string_view infinitive) {
  if (infinitive.starts_with("se ")) return infinitive.substr(3);
  if (infinitive.starts_with("s'") || infinitive.starts_with("s\u2019")) {
    return infinitive.substr(infinitive.find_first_of("'\x99") + 1);
  }
  return infinitive;
}

bool ReadStems(std::string_view infinitive, std::string_view forms, Stems* out) {
  const std::string_view verb = WithoutSe(infinitive);
  if (verb.empty() || verb.find(' ') != std::string_view::npos) return false;
  if (forms == "-") {  // conjugated as « déclarer »
    if (!verb.ends_with("er") || verb.size() < 4) return false;
    const std::string stem(verb.substr(0, verb.size() - 2));
    *out = {stem + "e", stem + "\u00e9", std::string(verb), stem};
    return true;
  }
  std::vector<std::string> parts;
  size_t from = 0;
  for (size_t at = forms.find('/'); ; at = forms.find('/', from)) {
    parts.emplace_back(forms.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (at == std::string_view::npos) break;
    from = at + 1;
  }
  if (parts.size() < 3 || parts.size() > 4) return false;
  for (const std::string& p : parts) {
    if (p.empty() || p.find(' ') != std::string::npos) return false;
  }
  *out = {parts[0], parts[1], parts[2], parts.size() == 4 ? parts[3] : std::string()};
  return true;
}

}  // namespace

std::vector<std::string> SpeechVerbForms(std::string_view infinitive, std::string_view forms) {
  Stems s;
  if (!ReadStems(infinitive, forms, &s)) return {};
  std::vector<std::string> out = {s.present, s.future + "a", s.future + "ait", s.participle};
  if (!s.imperfect.empty()) out.push_back(s.imperfect + "ait");
  // « réjouie », « réjouis », « réjouies »; « dit » gives « dite », « dits ».
  const bool ends_s = s.participle.ends_with("s");
  out.push_back(s.participle + "e");
  out.push_back(s.participle + "es");
  if (!ends_s) out.push_back(s.participle + "s");
  return out;
}

std::string CheckSpeechVerb(std::string_view infinitive, std::string_view forms) {
  Stems s;
  if (ReadStems(infinitive, forms, &s)) return {};
  if (forms == "-") return "a verb with forms \"-\" must be an -er verb conjugated as « déclarer »";
  return "forms must be \"-\" or \"present/participle/future stem[/imperfect stem]\"";
}

}  // namespace lexfr
