#include "recognise/link.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "text/text_util.h"

namespace lexfr {
namespace {

int FamilyOf(EntityType t) {
  switch (t) {
    case EntityType::kOrg:
    case EntityType::kPerson:
    case EntityType::kLoc: return 0;
    case EntityType::kLegalRef: return 1;
    case EntityType::kDate:
    case EntityType::kDuration: return 2;  // one span is a date or a duration, never both
    case EntityType::kMoney: return 3;
  }
  return 0;
}

// The order in which candidates claim their tokens: longest first, then
// highest priority, then leftmost, then first found. Each candidate's place
// in that order is packed into two integers compared as one 128-bit number
// (a five-field comparator was a quarter of Link), and the sort moves these
// 16-byte keys rather than the (large, scattered) candidates, whose cache
// misses made Link super-linear.
struct ClaimKey {
  uint64_t high;  // ~length, then ~priority (as an unsigned in signed order)
  uint64_t low;   // first token, then the candidate's number in `found`
  bool operator<(const ClaimKey& o) const { return high != o.high ? high < o.high : low < o.low; }
};

ClaimKey MakeClaimKey(uint32_t length, int32_t priority, uint32_t first_token, uint32_t found) {
  const uint32_t priority_order = static_cast<uint32_t>(priority) ^ 0x80000000u;  // INT32_MIN -> 0
  return {uint64_t{~length} << 32 | ~priority_order, uint64_t{first_token} << 32 | found};
}

struct Kept {
  uint64_t position;  // first token and family, packed: text order
  uint64_t at;        // list, then index: a range's inside articles, in their order
  uint32_t list() const { return static_cast<uint32_t>(at >> 32); }
  uint32_t index() const { return static_cast<uint32_t>(at); }
  bool operator<(const Kept& o) const { return position != o.position ? position < o.position : at < o.at; }
};

// The tokens a family's kept candidates hold: a bit per token, read and set
// a word at a time (a candidate spans a few tokens; a bit at a time, through
// vector<bool>'s iterators, was most of the claims' cost).
class TokenBits {
 public:
  explicit TokenBits(size_t tokens) : words_((tokens + 63) / 64, 0) {}
  bool AnyIn(size_t from, size_t to) const {
    for (size_t w = from / 64; w <= (to - 1) / 64; ++w) {
      if ((words_[w] & Mask(w, from, to)) != 0) return true;
    }
    return false;
  }
  void SetIn(size_t from, size_t to) {
    for (size_t w = from / 64; w <= (to - 1) / 64; ++w) words_[w] |= Mask(w, from, to);
  }

 private:
  // The bits of word w within [from, to) (to > from).
  static uint64_t Mask(size_t w, size_t from, size_t to) {
    const size_t lo = std::max(from, w * 64) - w * 64, hi = std::min(to, w * 64 + 64) - w * 64;  // 0 <= lo < hi <= 64
    const uint64_t below_hi = hi == 64 ? ~uint64_t{0} : (uint64_t{1} << hi) - 1;
    return below_hi & ~((uint64_t{1} << lo) - 1);
  }
  std::vector<uint64_t> words_;
};

// Fewer items than this (a short document's candidates) are merge-sorted
// by the same key, to the same order: a radix pass clears and sums its 2,048
// counts whatever the items, which made Link cost a short decision more
// than std::sort had.
inline constexpr size_t kFewToSort = 512;

// Sorts `items` stably by key_of(item), at most `last`: a least-significant-
// digit radix sort, 11 bits a pass (two passes for 2^20 tokens), where
// std::sort's comparisons and moves were half of ResolveOverlaps.
// `other`: scratch, reused from sort to sort.
template <class T, class KeyOf>
void SortStably(std::vector<T>& items, uint64_t last, KeyOf key_of, std::vector<T>& other) {
  if (items.size() < kFewToSort) {
    std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) { return key_of(a) < key_of(b); });
    return;
  }
  constexpr int kBits = 11;
  constexpr uint64_t kDigit = (uint64_t{1} << kBits) - 1;
  other.resize(items.size());
  std::vector<uint32_t> starts(kDigit + 1);
  for (int shift = 0; shift < 64 && (shift == 0 || (last >> shift) != 0); shift += kBits) {
    std::fill(starts.begin(), starts.end(), 0);
    for (const T& item : items) ++starts[(key_of(item) >> shift) & kDigit];
    uint32_t sum = 0;
    for (uint32_t& start : starts) sum += std::exchange(start, sum);
    for (const T& item : items) other[starts[(key_of(item) >> shift) & kDigit]++] = item;
    items.swap(other);
  }
}

// Sorts claim keys made in the order of their last field (`found`), as
// std::sort would: stably by first token, then by length and priority, as
// one number (their distances from the smallest: a few values, one pass).
void SortClaims(std::vector<ClaimKey>& order) {
  if (order.empty()) return;
  const auto first_token = [](const ClaimKey& k) { return k.low >> 32; };
  const auto priority = [](const ClaimKey& k) { return k.high & 0xFFFFFFFFu; };
  const auto length = [](const ClaimKey& k) { return k.high >> 32; };
  uint64_t last_token = 0, least_priority = UINT64_MAX, most_priority = 0, least_length = UINT64_MAX,
           most_length = 0;
  for (const ClaimKey& k : order) {
    last_token = std::max(last_token, first_token(k));
    least_priority = std::min(least_priority, priority(k));
    most_priority = std::max(most_priority, priority(k));
    least_length = std::min(least_length, length(k));
    most_length = std::max(most_length, length(k));
  }
  const uint64_t priorities = most_priority - least_priority + 1;  // each below 2^32: no overflow below
  const auto length_then_priority = [&](const ClaimKey& k) {
    return (length(k) - least_length) * priorities + (priority(k) - least_priority);
  };
  std::vector<ClaimKey> other;
  SortStably(order, last_token, first_token, other);
  SortStably(order, (most_length - least_length) * priorities + priorities - 1, length_then_priority, other);
}

// The candidates kept, in text order: per family, the longest then
// highest-priority candidates that do not overlap one already kept.
std::vector<Kept> ResolveOverlaps(const std::vector<std::vector<Candidate>>& lists, size_t token_count) {
  size_t candidates = 0;
  for (const std::vector<Candidate>& list : lists) candidates += list.size();
  // found[k]: the list and index of the k-th candidate, in list then index
  // order, which is also the order of their keys' last field.
  std::vector<uint64_t> found;
  std::vector<ClaimKey> order;
  found.reserve(candidates);
  order.reserve(candidates);
  for (uint32_t l = 0; l < lists.size(); ++l) {
    for (uint32_t i = 0; i < lists[l].size(); ++i) {
      const Candidate& c = lists[l][i];
      if (c.end_token <= c.first_token || c.end_token > token_count) continue;
      order.push_back(MakeClaimKey(c.end_token - c.first_token, c.priority, c.first_token,
                                   static_cast<uint32_t>(found.size())));
      found.push_back(uint64_t{l} << 32 | i);
    }
  }
  SortClaims(order);  // in found order: ties on the other fields stay so
  std::vector<TokenBits> taken(4, TokenBits(token_count));
  std::vector<uint8_t> claimed(found.size(), 0);  // by number in `found`
  size_t kept_count = 0;
  for (const ClaimKey& key : order) {
    const auto k = static_cast<uint32_t>(key.low);
    const Candidate& c = lists[found[k] >> 32][static_cast<uint32_t>(found[k])];
    TokenBits& used = taken[FamilyOf(c.type)];
    if (used.AnyIn(c.first_token, c.end_token)) continue;
    // A range's inside articles share their tokens (« à ») and take none.
    if (!c.inside_range) used.SetIn(c.first_token, c.end_token);
    claimed[k] = 1;
    ++kept_count;
  }
  // Text order: the kept in list and index order, then stably by position.
  // A family keeps one candidate per first token, but for a range's inside
  // articles, which stay in list and index order.
  std::vector<Kept> kept;
  kept.reserve(kept_count);
  uint64_t last_position = 0;
  for (size_t k = 0; k < found.size(); ++k) {
    if (claimed[k] == 0) continue;
    const Candidate& c = lists[found[k] >> 32][static_cast<uint32_t>(found[k])];
    kept.push_back({uint64_t{c.first_token} << 2 | FamilyOf(c.type), found[k]});
    last_position = std::max(last_position, kept.back().position);
  }
  std::vector<ClaimKey>().swap(order);  // its memory, for the sort's scratch
  std::vector<Kept> other;
  SortStably(kept, last_position, [](const Kept& k) { return k.position; }, other);
  return kept;
}

// What makes two names one entity: « Tribunal de Commerce du MANS » and
// « Tribunal de commerce du Mans », « académie d'Aix Marseille » and
// « académie d'Aix-Marseille » are written two ways, not two things. Case,
// accents and hyphens between words do not count for names; the other types'
// canonical forms are keys already (an ISO date, « GDPR art. 48 »).
// The key starts with the type's byte: one table holds every type's keys.
std::string GroupingKey(const Candidate& c) {
  std::string key(1, static_cast<char>(c.type));
  if (c.type != EntityType::kOrg && c.type != EntityType::kPerson && c.type != EntityType::kLoc) {
    return key.append(c.canonical);
  }
  FoldAppend(c.canonical, &key);
  std::replace(key.begin() + 1, key.end(), '-', ' ');
  return key;
}

bool IsName(EntityType t) { return t == EntityType::kOrg || t == EntityType::kPerson || t == EntityType::kLoc; }

// The entity a candidate belongs to, by its GroupingKey. Hashed: it is only
// looked up, never walked, so its order cannot reach the output (entities
// go by first mention). A name's key is its canonical form folded, which
// cost more than the rest of Link's work on a mention; mentions of one
// entity mostly repeat one canonical form, so the form as it is (and its
// type) is looked up first, and folded only the first time it is seen.
// Both kinds of key are in one table (a table of its own for the folded
// ones was its buckets' allocations again in every document): a folded
// key's first byte has its high bit set, which no type's byte has.
class EntityIndex {
 public:
  // The candidate's entity, and whether it is new: numbered `next`.
  std::pair<size_t, bool> Find(const Candidate& c, size_t next) {
    exact_.assign(1, static_cast<char>(c.type)).append(c.canonical);
    if (const auto known = by_key_.find(std::string_view(exact_)); known != by_key_.end()) {
      return {known->second, false};
    }
    std::pair<size_t, bool> found{next, true};
    if (IsName(c.type)) {  // for the other types, the exact form is the key
      std::string folded = GroupingKey(c);
      folded.front() = static_cast<char>(folded.front() | kFolded);
      const auto [it, inserted] = by_key_.try_emplace(std::move(folded), next);
      found = {it->second, inserted};
    }
    by_key_.emplace(exact_, found.first);
    return found;
  }

 private:
  static constexpr char kFolded = static_cast<char>(0x80);
  std::string exact_;         // the type's byte, then the canonical form
  StringMap<size_t> by_key_;  // such keys, and names' GroupingKey (marked) -> entity
};

// The code points before `byte_end`, given those before `byte_start`
// (`start`, at or before it): a mention's bytes are counted when they are
// fewer than CodePointOffset would count from the start of byte_end's block
// (code points are counted by their first bytes, so the two counts add up).
uint32_t CodePointEndAfter(std::string_view text, const Segmentation& seg, uint32_t byte_start, uint32_t start,
                           uint32_t byte_end) {
  if (byte_end - byte_start < byte_end % kCodePointBlock) {
    return start + static_cast<uint32_t>(CountCodePoints(text.substr(byte_start, byte_end - byte_start)));
  }
  return CodePointOffset(text, seg, byte_end);
}

}  // namespace

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kOrg: return "ORG";
    case EntityType::kPerson: return "PERSON";
    case EntityType::kLoc: return "LOC";
    case EntityType::kLegalRef: return "LEGAL_REF";
    case EntityType::kDate: return "DATE";
    case EntityType::kMoney: return "MONEY";
    case EntityType::kDuration: return "DURATION";
  }
  return "ORG";
}

namespace {

// U+00A0 (no-break space) and U+202F (narrow no-break space), in UTF-8: French
// typography puts them in dates and amounts (« 21\u00A0décembre »), where a
// reader sees a space.
constexpr std::string_view kNoBreakSpaces[] = {"\xC2\xA0", "\xE2\x80\xAF"};

bool HasNoBreakSpace(std::string_view s) {
  return std::any_of(std::begin(kNoBreakSpaces), std::end(kNoBreakSpaces),
                     [s](std::string_view nbsp) { return s.find(nbsp) != std::string_view::npos; });
}

std::string WithPlainSpaces(std::string_view s) {
  std::string out(s);
  for (std::string_view nbsp : kNoBreakSpaces) {
    for (size_t at = out.find(nbsp); at != std::string::npos; at = out.find(nbsp, at + 1)) out.replace(at, nbsp.size(), " ");
  }
  return out;
}

// Aliases are what a reader sees: two spellings that differ only by a
// no-break space are one alias, written with plain spaces, in the order
// first seen. Offsets are untouched (mentions keep the bytes of the text).
void TidyAliases(Entity& e) {
  if (std::none_of(e.aliases.begin(), e.aliases.end(), HasNoBreakSpace)) return;
  std::vector<std::string> tidy;
  std::unordered_set<std::string> seen;
  for (const std::string& a : e.aliases) {
    std::string plain = HasNoBreakSpace(a) ? WithPlainSpaces(a) : a;
    if (seen.insert(plain).second) tidy.push_back(std::move(plain));
  }
  e.aliases = std::move(tidy);
}

}  // namespace

std::vector<Entity> Link(std::string_view text, const Segmentation& seg, std::vector<std::vector<Candidate>> lists) {
  const std::vector<Kept> kept = ResolveOverlaps(lists, seg.tokens.size());
  // The entities first, then their mentions: each entity's mentions are
  // counted and reserved, not grown by doubling (a reallocation and a copy
  // per doubling of every entity's mentions were most of Link's allocations).
  std::vector<Entity> entities;
  std::vector<uint32_t> entity_of_kept(kept.size());
  std::vector<uint32_t> mention_count;
  {
    EntityIndex entity_of;
    for (size_t k = 0; k < kept.size(); ++k) {
      Candidate& c = lists[kept[k].list()][kept[k].index()];
      const auto [entity, inserted] = entity_of.Find(c, entities.size());
      if (inserted) {
        Entity e;
        e.type = c.type;
        e.canonical = std::move(c.canonical);
        e.fields = std::move(c.fields);
        entities.push_back(std::move(e));
        mention_count.push_back(0);
      } else if (Entity& e = entities[entity]; e.type == EntityType::kPerson) {
        // A person's title or role may come with a later mention
        // (« Charruyer, avocate »): the first one said is kept.
        if (e.fields.title().empty()) e.fields.title() = c.fields.title();
        if (e.fields.role().empty()) e.fields.role() = c.fields.role();
      }
      entity_of_kept[k] = static_cast<uint32_t>(entity);
      ++mention_count[entity];
    }
  }
  for (size_t i = 0; i < entities.size(); ++i) entities[i].mentions.reserve(mention_count[i]);
  // An entity's aliases are searched one by one while they are few (almost
  // always); past kFewAliases they are hashed, so that a name written in
  // thousands of ways (« CNIL », « cnIL », « cNil » …) is not compared with
  // every earlier way for every mention (issue 15). The views point into
  // `text`, at the mention that brought each alias.
  constexpr size_t kFewAliases = 8;
  std::unordered_map<size_t, std::unordered_set<std::string_view>> many_aliases;  // entity -> its aliases
  for (size_t k = 0; k < kept.size(); ++k) {
    const Candidate& c = lists[kept[k].list()][kept[k].index()];
    const Token& first = seg.tokens[c.first_token];
    const Token& last = seg.tokens[c.end_token - 1];
    const uint32_t start = CodePointStart(text, seg, first);
    const Mention m{c.first_token,
                    c.end_token,
                    first.byte_start,
                    last.byte_end,
                    start,
                    CodePointEndAfter(text, seg, first.byte_start, start, last.byte_end),
                    first.sentence,
                    c.from_range};
    const size_t entity = entity_of_kept[k];
    Entity& e = entities[entity];
    const std::string_view surface = text.substr(m.byte_start, m.byte_end - m.byte_start);
    e.mentions.push_back(m);
    if (e.aliases.size() < kFewAliases) {
      if (std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end()) e.aliases.emplace_back(surface);
      continue;
    }
    auto [hashed, first_time] = many_aliases.try_emplace(entity);
    if (first_time) {
      for (const Mention& earlier : e.mentions) {
        hashed->second.insert(text.substr(earlier.byte_start, earlier.byte_end - earlier.byte_start));
      }
      if (hashed->second.size() > e.aliases.size()) e.aliases.emplace_back(surface);  // this mention's is new
    } else if (hashed->second.insert(surface).second) {
      e.aliases.emplace_back(surface);
    }
  }
  for (Entity& e : entities) TidyAliases(e);
  return entities;  // candidates came sorted by start, so entities are by first mention
}

}  // namespace lexfr
