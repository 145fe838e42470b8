// Mentions placed in the text: what the summarisers walk.
//
// In: the linked entities. Out: every mention with its entity, in text
// order (by first token; std::sort, so mentions starting at one token keep
// no particular order), and the questions every summariser asks of an
// entity. Header-only; pure functions.
#pragma once

#include <algorithm>
#include <vector>

#include "lexfr/entity.h"

namespace lexfr {

struct Placed {  // one mention of one entity
  const Entity* entity;
  const Mention* mention;
};

inline std::vector<Placed> MentionsInTextOrder(const std::vector<Entity>& entities) {
  size_t count = 0;  // counted first: one allocation, not one per doubling
  for (const Entity& e : entities) count += e.mentions.size();
  std::vector<Placed> out;
  out.reserve(count);
  for (const Entity& e : entities) {
    for (const Mention& m : e.mentions) out.push_back({&e, &m});
  }
  std::sort(out.begin(), out.end(),
            [](const Placed& a, const Placed& b) { return a.mention->first_token < b.mention->first_token; });
  return out;
}

inline bool IsCourt(const Entity& e) { return e.type == EntityType::kOrg && e.fields.subtype() == "court"; }

}  // namespace lexfr
