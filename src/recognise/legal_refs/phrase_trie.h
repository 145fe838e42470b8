// Phrase trie over folded tokens: the names of instruments and authorities,
// compiled once (by the Lexicon, lexicon/phrase_matcher.h), matched at any
// token.
//
// Reads: a token sequence (anything with size(), Sentence(j) and F(j), see
// tokens.h). Gives: every phrase that starts at a token, with the tokens it
// matched. Built once by CompileLegalTables (recognise/legal_refs.cpp), then
// read-only: it may be shared between threads.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/phrase_matcher.h"
#include "text/text_util.h"

namespace lexfr::legal_refs {

// Quotes that may stand inside a name as written: « loi « Informatique et
// Libertés » ».
inline bool IsQuote(std::string_view folded) {
  return folded == "\"" || folded == "[" || folded == "]" || folded == "\u2039" || folded == "\u203A";
}

// The names of the tables over the Lexicon's one phrase matcher: what the
// grammar adds is the walk (quotes skipped inside a name, stopping at a
// sentence end) and the name each phrase stands for.
class PhraseTrie {
 public:
  void Add(const std::vector<std::string>& folded_tokens, uint32_t name) {
    phrases_.Add(folded_tokens);  // its id is the index in names_
    names_.push_back(name);
  }

  // Walks the tokens from `first`, calling on_match(end, name, path, quoted)
  // for every phrase that ends there; `path` holds the indices of the tokens
  // matched (quotes inside a phrase are skipped: « loi « Informatique et
  // Libertés » »). Stops at a sentence end.
  // The trie and the name of each phrase, as text (lexicon/lexicon_dump.h).
  void Dump(std::string* out) const {
    phrases_.Dump(out);
    for (const uint32_t name : names_) *out += "name " + std::to_string(name) + "\n";
  }

  // The words a phrase starts with (lexicon/phrase_matcher.h).
  std::vector<std::string> FirstWords() const { return phrases_.FirstWords(); }

  // By the tokens' vocabulary ids (lexicon/phrase_matcher.h IndexByIds):
  // every word of a name then has one, and Walk steps by an integer hash.
  void IndexByIds(const std::function<uint32_t(const std::string&)>& id_of) { phrases_.IndexByIds(id_of); }

  template <class Tokens, class F>
  void Walk(const Tokens& toks, uint32_t first, F&& on_match) const {
    if (phrases_.IndexedByIds()) {
      const PhraseMatcher::Walker walker(phrases_);
      // Most tokens: no phrase starts with their id, one read.
      if (PhraseMatcher::Walker::FirstNode(walker.FirstStep(toks.Id(first))) == PhraseMatcher::kNoNode) return;
      WalkFrom(toks, first, [&](uint32_t node, uint32_t j) { return walker.Next(node, toks.Id(j)); }, on_match);
      return;
    }
    // Most tokens: no phrase starts with them. Asked first, before the path
    // is set up (zeroing it at every token was a third of the walk's cost).
    if (!phrases_.MayStart(toks.F(first))) return;
    WalkFrom(toks, first, [&](uint32_t node, uint32_t j) { return phrases_.Next(node, toks.F(j)); }, on_match);
  }

 private:
  // The walk, `next(node, j)` giving the node token j leads to from `node`.
  template <class Tokens, class Next, class F>
  void WalkFrom(const Tokens& toks, uint32_t first, const Next& next, F& on_match) const {
    std::array<uint32_t, 32> path;  // only [0, depth) is read
    size_t depth = 0;
    uint32_t node = PhraseMatcher::kRoot;
    bool quoted = false;
    const uint32_t sentence = toks.Sentence(first);
    for (uint32_t j = first; j < toks.size() && depth < path.size() && toks.Sentence(j) == sentence; ++j) {
      const uint32_t child = next(node, j);
      if (child == PhraseMatcher::kNoNode) {
        if (j > first && IsQuote(toks.F(j))) {
          quoted = true;
          continue;
        }
        return;
      }
      node = child;
      path[depth++] = j;
      for (uint32_t phrase : phrases_.PhrasesAt(node)) {
        on_match(j + 1, names_[phrase], std::span(path.data(), depth), quoted);
      }
    }
  }

  friend struct lexfr::SnapshotAccess;  // lexicon/snapshot_archive.h: writes and reads the tables
  PhraseMatcher phrases_;        // lexicon/phrase_matcher.h
  std::vector<uint32_t> names_;  // by phrase id
};

}  // namespace lexfr::legal_refs
