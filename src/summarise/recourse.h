// Stage 5, summarise: entities and sentences -> the legal action described.
//
// In: the token view, the Lexicon (its institutions), the document's hits of
// data/cues/recourse.tsv (lexicon/cues.h DocumentCues) and the linked
// entities. Out: the recourse the text is mainly about (kind, court,
// parties, counsel, challenged act, grounds, status, outcome, the fine it
// imposes or seeks, and the sentences each came from) with the other
// actions the text reports in `related`, or nothing when the text describes
// no legal action. Cue words come from data/cues/.
//
// Thread-safety: pure function of its inputs.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "summarise/placed.h"
#include "text/token_view.h"

namespace lexfr {

struct Counsel {
  std::string name;  // PERSON canonical, may be empty when only a firm is named
  std::string firm;  // law firm canonical, may be empty
};

struct ChallengedAct {  // empty strings are null in the JSON
  std::string type;       // "délibération", "décret", ...
  std::string author;     // ORG canonical
  std::string date;       // ISO
  std::string published;  // ISO date of publication
  std::string reference;  // LEGAL_REF instrument key
};

struct Ground {
  std::string category;  // incompetence, procedure, violation_of_law, ...
  std::string text;
  uint32_t start = 0, end = 0;  // code points
  uint32_t sentence = 0;
  std::vector<std::string> refs;  // LEGAL_REF canonicals
};

// The fine imposed or sought, from the MONEY mention that names it.
struct Penalty {
  double amount = 0;
  std::string currency;         // ISO 4217
  uint32_t start = 0, end = 0;  // the MONEY mention, code points
  uint32_t sentence = 0;
};

struct Recourse {
  std::string kind;  // annulment, suspension, ..., other
  std::string court;
  std::vector<std::string> claimants, respondents;
  std::vector<Counsel> counsel;
  std::optional<ChallengedAct> challenged_act;
  std::vector<Ground> grounds;
  std::string status = "unknown";  // announced, filed, pending, decided, unknown
  std::string outcome;             // rejected, granted, partly_granted, dismissed, or empty
  std::map<std::string, std::vector<uint32_t>> evidence;  // field -> sentence indices
  std::optional<Penalty> penalty;  // a sanction's fine, or none
  std::vector<Recourse> related;   // the other actions the text reports, or a decision's earlier stages
  // For an earlier stage in `related`: its decision's date (ISO) and number
  // (a LEGAL_REF key); empty when unknown.
  std::string date, reference;
};

// `reports_others`: the text may report several actions (news, press
// releases, commentary, filings): the one it is about is the recourse, each
// other one an entry of `related` that lends it none of its parties. A
// decision's earlier stages are read from its own structure instead
// (decision_acts.h), so a decision is read whole.
std::optional<Recourse> Summarise(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                                  const std::vector<Entity>& entities, bool reports_others = true);
// The same, given `mentions`, MentionsInTextOrder(entities): the caller
// sorts them once for every summariser of the document (issue 21).
std::optional<Recourse> Summarise(const TokenView& view, const Lexicon& lexicon, const DocumentCues& cues,
                                  const std::vector<Entity>& entities, const std::vector<Placed>& mentions,
                                  bool reports_others);

}  // namespace lexfr
