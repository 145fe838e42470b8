// Phrase trie over folded tokens: the names of instruments and authorities,
// compiled once, matched at any token.
//
// Reads: a token sequence (anything with size(), Sentence(j) and F(j), see
// tokens.h). Gives: every phrase that starts at a token, with the tokens it
// matched. Built once by the table loader (recognise/legal_refs.cpp), then
// read-only: it may be shared between threads.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_util.h"

namespace lexfr::legal_refs {

// Quotes that may stand inside a name as written: « loi « Informatique et
// Libertés » ».
inline bool IsQuote(std::string_view folded) {
  return folded == "\"" || folded == "[" || folded == "]" || folded == "\u2039" || folded == "\u203A";
}

class PhraseTrie {
 public:
  void Add(const std::vector<std::string>& folded_tokens, uint32_t name) {
    root_first_bytes_.Add(folded_tokens.front());
    uint32_t node = 0;
    for (const std::string& t : folded_tokens) {
      auto it = nodes_[node].next.find(t);
      if (it == nodes_[node].next.end()) {
        nodes_.emplace_back();
        it = nodes_[node].next.emplace(t, static_cast<uint32_t>(nodes_.size() - 1)).first;
      }
      node = it->second;
    }
    nodes_[node].names.push_back(name);
  }

  // Walks the tokens from `first`, calling on_match(end, name, path, quoted)
  // for every phrase that ends there; `path` holds the indices of the tokens
  // matched (quotes inside a phrase are skipped: « loi « Informatique et
  // Libertés » »). Stops at a sentence end.
  template <class Tokens, class F>
  void Walk(const Tokens& toks, uint32_t first, F&& on_match) const {
    std::array<uint32_t, 32> path{};
    size_t depth = 0;
    uint32_t node = 0;
    bool quoted = false;
    if (!root_first_bytes_.MayStart(toks.F(first))) return;  // most tokens: no phrase starts with them
    const uint32_t sentence = toks.Sentence(first);
    for (uint32_t j = first; j < toks.size() && depth < path.size() && toks.Sentence(j) == sentence; ++j) {
      const std::string_view f = toks.F(j);
      auto it = nodes_[node].next.find(f);
      if (it == nodes_[node].next.end()) {
        if (j > first && IsQuote(f)) {
          quoted = true;
          continue;
        }
        return;
      }
      node = it->second;
      path[depth++] = j;
      for (uint32_t name : nodes_[node].names) on_match(j + 1, name, std::span(path.data(), depth), quoted);
    }
  }

 private:
  struct Node {
    StringMap<uint32_t> next;  // hashed: Walk starts at every token, and most fail at the root
    std::vector<uint32_t> names;
  };
  std::vector<Node> nodes_{1};
  FirstBytes root_first_bytes_;  // of the first tokens of the phrases
};

}  // namespace lexfr::legal_refs
