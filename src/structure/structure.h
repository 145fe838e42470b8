// Stage 4, read the text's structure: entities -> genre, a decision's
// identity.
//
// In: the token view, the linked entities, the Lexicon's structure cues
// (data/cues/structure.tsv) and the document's hits of them (lexicon/cues.h
// DocumentCues). Out: what kind of text it is (`genre`),
// and for a decision of a court or an authority the decision's own identity
// (`decision`: the court that renders it, never one it cites; its date, its
// numbers as LEGAL_REF keys, ECLI, type, formation, publication marks).
//
// A decision names itself in its header, before its text begins (« Vu la
// procédure suivante », « a formé le pourvoi », « Le Conseil constitutionnel
// a été saisi »): numbers and dates there are its own, later ones may be
// those of the decisions it cites. Some layouts give no header (a Conseil
// d'État decision copied from its PDF starts with « Vu la procédure
// suivante »): their footer then says « Rendu le … » and the page furniture
// carries the number (« 431980- 5 - »).
//
// Thread-safety: a pure function of its inputs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "structure/judges.h"
#include "text/token_view.h"

namespace lexfr {

// The contract's genres (CONTRACT.md, "Genre, decision and zones").
enum class Genre { kDecision, kRegulatorDecision, kFiling, kPressRelease, kNews, kCommentary, kOther };
const char* GenreName(Genre genre);  // "decision", "regulator_decision", ...

struct DecisionIdentity {
  std::string court;        // canonical ORG name, or empty when unknown
  std::string formation;    // « Troisième chambre civile », « juge des référés »
  std::string type;         // « arrêt », « décision », « délibération », ...
  std::string date;         // ISO 8601
  std::vector<std::string> numbers;  // LEGAL_REF keys: "CE:444937", "CASS:23-15.672"
  std::string ecli;
  std::string publication;  // « Inédit au recueil Lebon », « FS-B+R »
  std::vector<Judge> judges;  // structure/judges.h
  // The kind of action it decides, as its first sentences state it (a
  // recourse kind: "cassation", "annulment", ...), and that sentence; empty
  // when they say nothing.
  std::string procedure;
  uint32_t procedure_sentence = 0;
  // The first sentence after the header: where the decision starts telling
  // what it is seized of.
  uint32_t body_sentence = 0;
};

// A part of a decision, named as the Cour de cassation's open data names
// them: introduction, expose, moyens, motivations, dispositif, annexes.
struct Zone {
  const char* name = "";
  uint32_t first_token = 0, end_token = 0;  // [first, end) into the tokens
  uint32_t start = 0, end = 0;              // code points
};

struct Structure {
  Genre genre = Genre::kOther;
  std::optional<DecisionIdentity> decision;  // for kDecision and kRegulatorDecision
  std::vector<Zone> zones;                   // a decision's parts, in order; empty for other genres
  // What the dispositif decides ("rejected", "granted", "partly_granted",
  // "dismissed"), and the sentence that says it; empty without a dispositif.
  std::string outcome;
  uint32_t outcome_sentence = 0;
};

// Reads genre, identity, zones and outcome, with the structure cues of the
// Lexicon (data/cues/structure.tsv).
Structure ReadStructure(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                        const std::vector<Entity>& entities);

}  // namespace lexfr
