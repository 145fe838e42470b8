// What the recognisers find and what the linker makes of it.
//
// A Candidate is one span of tokens that a recogniser read as an entity, with
// the key that says which real-world thing it is (`canonical`). The linker
// (recognise/link.h) groups candidates into Entities: one per distinct thing, with
// every mention. Both are plain values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lexfr {

enum class EntityType : uint8_t { kOrg, kPerson, kLoc, kLegalRef, kDate, kMoney, kDuration };

const char* EntityTypeName(EntityType type);  // "ORG", "PERSON", ...

// The type-specific fields of the contract; empty strings are left out of the
// JSON. An entity has one type, so the fields of different types share two
// string slots: ten strings per candidate were once most of a run's peak
// memory (issue 7). Read and write a field only on an entity of its type.
struct EntityFields {
  // slot 0: ORG/LOC subtype ("court", "regulator", "country", "city", ...),
  // PERSON title ("Me"), LEGAL_REF instrument ("GDPR"), DATE value
  // ("2023-12-21"), MONEY currency (ISO 4217), DURATION value ("P2M").
  std::string& subtype() { return slot0_; }
  std::string& title() { return slot0_; }
  std::string& instrument() { return slot0_; }
  std::string& value() { return slot0_; }
  std::string& currency() { return slot0_; }
  const std::string& subtype() const { return slot0_; }
  const std::string& title() const { return slot0_; }
  const std::string& instrument() const { return slot0_; }
  const std::string& value() const { return slot0_; }
  const std::string& currency() const { return slot0_; }
  // slot 1: PERSON role ("avocate"), LEGAL_REF article ("48"), DATE
  // precision ("day", "month", "year").
  std::string& role() { return slot1_; }
  std::string& article() { return slot1_; }
  std::string& precision() { return slot1_; }
  const std::string& role() const { return slot1_; }
  const std::string& article() const { return slot1_; }
  const std::string& precision() const { return slot1_; }

  // slot 2: DATE period, the ISO 8601 interval the date bounds or names
  // ("2024-03-01/2024-03-15"); DURATION from, what it runs from as written
  // ("la notification").
  std::string& period() { return slot2_; }
  std::string& from() { return slot2_; }
  const std::string& period() const { return slot2_; }
  const std::string& from() const { return slot2_; }
  // DATE of a relative mention ("hier", "le lendemain", "le 15 mars"): the
  // day it was resolved against, and whether that day is the reference date
  // or a date the text gave.
  std::string resolved_against;
  enum class Anchor : uint8_t { kNone, kReference, kText };
  Anchor anchor = Anchor::kNone;

  std::string url;  // LEGAL_REF, when it can be built offline
  double amount = 0;  // MONEY

 private:
  std::string slot0_, slot1_, slot2_;
};

// Which of two overlapping candidates of equal length link keeps
// (recognise/link.h): the higher. One scale for every recogniser, so that
// their order can be read in one place.
namespace priority {
constexpr int kGrammar = 1;         // read by a rule of grammar: a legal reference, a law firm
constexpr int kSurname = 4;         // a surname alone, named in full elsewhere in the text
constexpr int kOrgHead = 6;         // an unlisted name from its head word (« Conseil national de … »)
constexpr int kPerson = 7;          // a person's name after a title or given name
constexpr int kOrgCue = 8;          // a name after its cue (« l'association X »)
// a name a decision publishes in place of one (« M. [X] »): a placeholder
// is never an ordinary word, so it beats any rule that read the same tokens
constexpr int kPseudonym = 9;
constexpr int kListed = 10;         // a name the gazetteer lists
constexpr int kDefinedAcronym = 20;  // an acronym the text defines (« … (UER) ») and its long form
}  // namespace priority

struct Candidate {
  EntityType type = EntityType::kOrg;
  uint32_t first_token = 0, end_token = 0;  // [first, end) into the tokens
  std::string canonical;                    // the grouping key and output name
  EntityFields fields;
  int priority = 0;  // breaks ties between overlapping spans of equal length
  // An article inside a range (« articles 12 à 14 » → 13), spanning the « à »:
  // kept beside the others of its range rather than competing with them.
  bool inside_range = false;
  // Any article of a range, its ends included: the mention says so.
  bool from_range = false;
};

struct Mention {
  uint32_t first_token = 0, end_token = 0;
  uint32_t byte_start = 0, byte_end = 0;
  uint32_t start = 0, end = 0;  // code points
  uint32_t sentence = 0;
  bool range = false;  // an article of « articles 12 à 14 » (LEGAL_REF only)
};

struct Entity {
  EntityType type = EntityType::kOrg;
  std::string canonical;
  EntityFields fields;
  std::vector<std::string> aliases;  // every surface form seen, first seen first
  std::vector<Mention> mentions;     // in text order
};

}  // namespace lexfr
