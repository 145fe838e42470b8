// Where a legal reference can be read, computed from its key alone.
//
// Reads: a contract key ("CE:444937", "LOI:2004-575", "CSP" with the code's
// name), and the article when there is one. Gives: a stable address, or
// empty when the key has none (README.md, "Legal reference keys and their
// URLs", lists which keys get which). A URL the instrument table gives
// (data/cues/instruments.tsv) is used instead, and is never recomputed here.
// Pure functions of their arguments.
#pragma once

#include <string>
#include <string_view>

namespace lexfr::legal_refs {

// The bytes of `s` outside A-Z a-z 0-9 - . _ ~ written %XX (UTF-8 bytes
// one by one): "santé publique" -> "sant%C3%A9%20publique".
std::string PercentEncode(std::string_view s);

// The article a code article's key part names, without the parts named in
// it: "L311-6-II-2" -> "L311-6", "128-I" -> "128", "119bis" -> "119 bis".
std::string CodeArticleNumber(std::string_view article);

// Légifrance's search of the codes for « article N <code name> », or for
// the code alone when `article` is empty.
std::string CodeUrl(std::string_view code_name, std::string_view article);

// The address of a key no table row gives one: lois, ordonnances and
// décrets by number or date (Légifrance search), CNIL deliberations and
// decisions by number (Légifrance, CNIL collection), Conseil d'État
// decisions (Légifrance, administrative case law), Cour de cassation
// decisions (Judilibre), EU case law by ECLI (EUR-Lex). Empty for others.
std::string UrlOfKey(std::string_view key);

}  // namespace lexfr::legal_refs
