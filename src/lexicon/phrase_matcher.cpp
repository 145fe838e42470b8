#include "lexicon/phrase_matcher.h"

#include <functional>
#include <stdexcept>
#include <tuple>

#include "lexicon/lexicon_dump.h"

namespace lexfr {

void PhraseMatcher::Dump(std::string* out) const {
  std::vector<std::vector<std::pair<std::string_view, uint32_t>>> edges(nodes_.size());
  for (const Edge& e : edges_) {
    if (e.child != 0) edges[e.parent].emplace_back(TokenOf(e), e.child);
  }
  for (size_t n = 0; n < nodes_.size(); ++n) {
    std::sort(edges[n].begin(), edges[n].end());
    out->append("node ").append(std::to_string(n)).append(":");
    for (const auto& [token, child] : edges[n]) out->append(" ").append(token).append("->").append(std::to_string(child));
    out->append(" |");
    for (const uint32_t phrase : PhrasesAt(static_cast<uint32_t>(n))) out->append(" ").append(std::to_string(phrase));
    out->append("\n");
  }
  // the same edges by word id, once indexed
  std::vector<IdEdge> by_id;
  for (const IdEdge& e : id_edges_) {
    if (e.child != 0) by_id.push_back(e);
  }
  std::sort(by_id.begin(), by_id.end(), [](const IdEdge& a, const IdEdge& b) { return std::tie(a.parent, a.id) < std::tie(b.parent, b.id); });
  for (const IdEdge& e : by_id) {
    out->append("id ").append(std::to_string(e.parent)).append(" ").append(std::to_string(e.id)).append("->");
    out->append(std::to_string(e.child)).append("\n");
  }
  // The layout the walks read (the tables' slots, the filters), which the
  // lines above show as what they mean: as a digest of their bytes.
  std::string raw;
  const auto add = [&raw](const void* bytes, size_t n) { raw.append(static_cast<const char*>(bytes), n); };
  for (const Node& n : nodes_) raw += FirstBytesHex(n.child_first_bytes);
  add(edges_.data(), edges_.size() * sizeof(Edge));
  add(id_edges_.data(), id_edges_.size() * sizeof(IdEdge));
  add(first_ids_.data(), first_ids_.size() * sizeof(uint32_t));
  add(&first_words_, sizeof first_words_);
  static_assert(sizeof(Edge) == 16 && sizeof(IdEdge) == 12);  // no padding in the digest
  out->append("layout ").append(std::to_string(slot_bits_)).append(" ").append(std::to_string(edge_count_));
  out->append(" ").append(std::to_string(phrases_)).append(" ").append(std::to_string(id_slot_bits_));
  out->append(" ").append(std::to_string(std::hash<std::string>{}(raw))).append("\n");
}

void PhraseMatcher::Rehash(int slot_bits) {
  std::vector<Edge> old = std::move(edges_);
  slot_bits_ = slot_bits;
  edges_.assign(size_t{1} << slot_bits_, Edge{});
  const size_t mask = edges_.size() - 1;
  for (const Edge& e : old) {
    if (e.child == 0) continue;
    size_t i = Slot(e.parent, TokenOf(e), slot_bits_);
    while (edges_[i].child != 0) i = (i + 1) & mask;
    edges_[i] = e;
  }
}

void PhraseMatcher::Reserve(size_t tokens) {
  nodes_.reserve(nodes_.size() + tokens);
  token_bytes_.reserve(token_bytes_.size() + 8 * tokens);
  int bits = 10;
  while ((size_t{1} << bits) < 2 * (edge_count_ + tokens)) ++bits;
  if (bits > slot_bits_) Rehash(bits);
}

uint32_t PhraseMatcher::Child(uint32_t parent, const std::string& token) {
  // Room first, so that one probe finds the edge or the slot for it.
  if (2 * (edge_count_ + 1) > edges_.size()) Rehash(edges_.empty() ? 10 : slot_bits_ + 1);
  const size_t mask = edges_.size() - 1;
  size_t i = Slot(parent, token, slot_bits_);
  for (; edges_[i].child != 0; i = (i + 1) & mask) {
    if (IsEdge(edges_[i], parent, token)) return edges_[i].child;
  }
  const auto child = static_cast<uint32_t>(nodes_.size());
  edges_[i] = Edge{parent, child, static_cast<uint32_t>(token_bytes_.size()), static_cast<uint32_t>(token.size())};
  token_bytes_.append(token);
  ++edge_count_;
  nodes_[parent].child_first_bytes.Add(token);
  nodes_.emplace_back();
  return child;
}

void PhraseMatcher::IndexByIds(const std::function<uint32_t(const std::string&)>& id_of) {
  // One more bit than the first-step table can hold would be a node no walk reaches.
  if (nodes_.size() > kStartNode) throw std::length_error("too many phrase nodes to index by ids");
  int bits = 4;
  while ((size_t{1} << bits) < 2 * edge_count_ + 2) ++bits;
  id_slot_bits_ = bits;
  id_edges_.assign(size_t{1} << bits, IdEdge{});
  first_ids_.clear();
  const size_t mask = id_edges_.size() - 1;
  std::vector<uint8_t> first_node(nodes_.size(), 0), has_children(nodes_.size(), 0);
  for (const Edge& e : edges_) {
    if (e.child == 0) continue;
    has_children[e.parent] = 1;
    if (e.parent == kRoot) first_node[e.child] = 1;
  }
  const auto entry = [&](uint32_t id) -> uint32_t& {
    if (first_ids_.size() <= id) first_ids_.resize(id + 1, 0);
    return first_ids_[id];
  };
  for (const Edge& e : edges_) {
    if (e.child == 0) continue;
    const uint32_t id = id_of(std::string(TokenOf(e)));
    size_t i = IdSlot(e.parent, id, 64 - bits);
    while (id_edges_[i].child != 0) i = (i + 1) & mask;
    id_edges_[i] = IdEdge{e.parent, id, e.child};
    if (id == 0) continue;  // not a word: no token steps by it
    if (e.parent == kRoot) {
      entry(id) |= e.child | (nodes_[e.child].phrase_count > 0 ? kStartEnds : 0) | (has_children[e.child] != 0 ? kStartGoesOn : 0);
    } else if (first_node[e.parent] != 0) {
      entry(id) |= kSecondWord;
    }
  }
}

uint32_t PhraseMatcher::Add(const std::vector<std::string>& folded_tokens) {
  first_words_.Add(folded_tokens.front());
  uint32_t node = kRoot;
  for (const std::string& token : folded_tokens) node = Child(node, token);
  Node& end = nodes_[node];
  if (end.phrase_count == 0) {
    end.only_phrase = phrases_;
  } else {
    if (end.phrase_count == 1) end.phrases.push_back(end.only_phrase);
    end.phrases.push_back(phrases_);
  }
  ++end.phrase_count;
  return phrases_++;
}

}  // namespace lexfr
