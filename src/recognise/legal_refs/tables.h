// What the legal-reference grammar knows before it reads a text: the kinds of
// texts, the instruments and case names it can name, the authorities and
// courts with the shapes of their numbers.
//
// Filled once by the loader in recognise/legal_refs.cpp from data/cues/*.tsv,
// then read-only: shared by every thread. Also here: the few words of the
// grammar that name a kind ("loi", "décret"…), and the Ref a key resolves to.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "recognise/legal_refs/phrase_trie.h"

namespace lexfr::legal_refs {

// Kinds of texts, as the words French texts use for them.
enum class Kind : uint8_t {
  kOther,
  kCode,
  kLoi,
  kReglement,
  kDirective,
  kDecision,
  kTraite,
  kCharte,
  kConvention,
  kConstitution,
  kDeclaration,
  kDecret,
  kOrdonnance,
  kArrete,
  kCirculaire,
  kDeliberation,
  kArret,
  kUsLaw,
  kCount
};

// Folded word -> kind. Grammar vocabulary, not data: the kinds the keys are
// built from (LOI:, DECRET:, EU_REG: …) are fixed by the contract.
inline constexpr std::pair<std::string_view, Kind> kKindWords[] = {
    {"code", Kind::kCode},
    {"loi", Kind::kLoi},
    {"reglement", Kind::kReglement},
    {"directive", Kind::kDirective},
    {"decision", Kind::kDecision},
    {"traite", Kind::kTraite},
    {"charte", Kind::kCharte},
    {"convention", Kind::kConvention},
    {"constitution", Kind::kConstitution},
    {"declaration", Kind::kDeclaration},
    {"decret", Kind::kDecret},
    {"ordonnance", Kind::kOrdonnance},
    {"arrete", Kind::kArrete},
    {"circulaire", Kind::kCirculaire},
    {"deliberation", Kind::kDeliberation},
    {"arret", Kind::kArret},
    {"us_law", Kind::kUsLaw},
};

// Inline: asked at every token a rule reads.
inline Kind KindOfWord(std::string_view folded) {
  for (const auto& [word, kind] : kKindWords) {
    if (folded == word) return kind;
  }
  return Kind::kOther;
}

// What a reference resolves to: the contract key and what the scanner needs
// to know about it.
struct Ref {
  std::string key;
  Kind kind = Kind::kOther;
  std::string url;
  std::string name;  // a code's name (« code de la santé publique »), for its URL
  // May be the instrument of a later bare "article 5". Court decisions,
  // deliberations and authorities' decisions are not.
  bool legislative = false;
};

// Capitalisation a name's token requires of the text's token.
enum Caps : uint8_t { kAnyCase, kUpperInitial, kAllUpper };

// One way of writing an instrument or an authority, as compiled in a trie.
struct Name {
  uint32_t target = 0;        // index of the Ref (or authority) it names
  std::vector<Caps> caps;     // one per token
  bool article_only = false;  // "+CSP": only inside an article citation
  bool bare_guard = false;    // "=Charte": not when followed by de/du/des/d'
};

struct Authority {
  std::string key;
  bool court = false;
  std::vector<std::string> numbers;  // shapes: # digit, @ capital, * anything
  std::vector<std::string> ecli;     // ECLI court code prefixes
};

struct Tables {
  std::vector<Ref> refs;
  std::vector<Name> ref_names;
  PhraseTrie ref_trie;
  std::unordered_map<std::string, uint32_t> by_id;  // "EU_REG:2016/679", "LOI:78-17" -> ref

  std::vector<Authority> authorities;
  std::vector<Name> authority_names;
  PhraseTrie authority_trie;
  std::unordered_map<std::string, uint32_t> authority_by_name;  // Fold(name) -> authority
  // The same names in file order, for the longest that starts an ORG's name
  // (« tribunal administratif de Paris » is the tribunal administratif).
  std::vector<std::pair<std::string, uint32_t>> authority_names_in_order;
  // The shapes with capitals that one court's numbers alone have (the CAA's
  // « ##@@##### »), and that court: such a number names its court.
  std::vector<std::pair<std::string, uint32_t>> court_only_shapes;
};

// The reference a key names: the table's (with its own URL when it has one)
// when the key or one of its ids is listed, else a new one of the kind its
// prefix says ("LOI:" a loi, "EU_DIR:" a directive…).
Ref RefOfKey(const Tables& tables, std::string key, std::string url, bool legislative);

}  // namespace lexfr::legal_refs
