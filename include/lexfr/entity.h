// What the recognisers find and what the linker makes of it.
//
// A Candidate is one span of tokens that a recogniser read as an entity, with
// the key that says which real-world thing it is (`canonical`). The linker
// (lexfr/link.h) groups candidates into Entities: one per distinct thing, with
// every mention. Both are plain values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lexfr {

enum class EntityType : uint8_t { kOrg, kPerson, kLoc, kLegalRef, kDate, kMoney };

const char* EntityTypeName(EntityType type);  // "ORG", "PERSON", ...

// The type-specific fields of the contract; empty strings are left out of the
// JSON.
struct EntityFields {
  std::string subtype;                   // ORG: court, regulator, ...; LOC: country, city, ...
  std::string title, role;               // PERSON: "Me", "avocate"
  std::string instrument, article, url;  // LEGAL_REF: "GDPR", "48"
  std::string value, precision;          // DATE: "2023-12-21", "day"
  double amount = 0;                     // MONEY
  std::string currency;                  // MONEY: ISO 4217
};

struct Candidate {
  EntityType type = EntityType::kOrg;
  uint32_t first_token = 0, end_token = 0;  // [first, end) into the tokens
  std::string canonical;                    // the grouping key and output name
  EntityFields fields;
  int priority = 0;  // breaks ties between overlapping spans of equal length
};

struct Mention {
  uint32_t first_token = 0, end_token = 0;
  uint32_t byte_start = 0, byte_end = 0;
  uint32_t start = 0, end = 0;  // code points
  uint32_t sentence = 0;
};

struct Entity {
  EntityType type = EntityType::kOrg;
  std::string canonical;
  EntityFields fields;
  std::vector<std::string> aliases;  // every surface form seen, first seen first
  std::vector<Mention> mentions;     // in text order
};

}  // namespace lexfr
