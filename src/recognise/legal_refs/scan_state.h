// What the legal-reference scan reads and what it remembers as it goes.
//
// Context: everything known about the text before the scan starts (tokens,
// tables, dates, authorities), read-only, passed to every rule. Memory: what
// the rules that emit share (the references emitted, the instrument last
// named for "Article 45" and per kind for "du même code", the last bare
// instrument for "FISA section 702"). Both live for one text.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lexfr/entity.h"
#include "recognise/legal_refs/act_dates.h"
#include "recognise/legal_refs/authorities.h"
#include "recognise/legal_refs/tables.h"
#include "recognise/legal_refs/tokens.h"

namespace lexfr::legal_refs {

struct Context {
  // `view`, `tables`, `lexicon`, `names` and `dates` must outlive the context.
  Context(const TokenView& view, const Tables& tables_in, const Lexicon& lexicon, const std::vector<Candidate>& names,
          const std::vector<Candidate>& dates)
      : tokens(view, lexicon),
        tables(tables_in),
        act_dates(tokens, dates, lexicon),
        authorities(tokens, tables_in, names, &reference_starts) {}

  Tokens tokens;
  const Tables& tables;
  ActDates act_dates;
  // Every token whose word may start a reference rule, in order
  // (WordInfo::reference_start), gathered by the authorities' pass.
  std::vector<uint32_t> reference_starts;
  AuthorityMentions authorities;
  // The numbered acts the text names with their date, by kind and date
  // (« LOI:2013-11-12 » -> « LOI:2013-1005 »), for « la loi du 12 novembre
  // 2013 » later on; "" for a date two acts of a kind share. Read on first
  // use (acts.cpp NumberedActOfDate): most texts never ask.
  mutable std::optional<std::unordered_map<std::string, std::string>> numbered_acts_by_date;
};

// An instrument found at some position: where its tokens end and what it is.
struct Found {
  uint32_t end = 0;
  Ref ref;
};

// An address computed from a reference's key (urls.h) and what it was
// computed from besides the canonical key it is remembered by.
struct ComputedUrl {
  Kind kind = Kind::kOther;
  size_t key_size = 0;  // where the key ends in the canonical key
  std::string code_name;
  std::string url;
};

struct Memory {
  std::vector<Candidate> out;
  // The addresses of the references emitted without one of their own, by
  // canonical key: a text cites the same few articles again and again, and
  // building a Légifrance address (a code's name percent-encoded) was most
  // of an emit's cost (issue 21).
  std::unordered_map<std::string, ComputedUrl> computed_urls;
  std::optional<Ref> last;  // the legislative instrument last named
  std::array<std::optional<Ref>, static_cast<size_t>(Kind::kCount)> last_by_kind;
  // The last bare instrument emitted ("FISA" before "section 702"); bare_end
  // is 0 once anything else is emitted.
  uint32_t bare_first = 0, bare_end = 0;
  Ref bare_ref;
  size_t mention_cursor = 0;  // the first authority mention not before the scan's token
  // The code each code-numbered article was cited with, by article key
  // (« L811-3 » -> code de la sécurité intérieure): an article cited again
  // without its code is the same article, whatever code was named since.
  // The code's key (a key of the tables' refs): no Ref copied per article.
  std::unordered_map<std::string, std::string> code_of_article;
  // The instrument of the last article emitted, and the token after it: a
  // quotation opened just after it quotes that article.
  Ref last_article_ref;
  uint32_t last_article_end = 0;
  // Inside a quoted provision (« l'article R. 151-23 du même code précise
  // que " … les articles L. 151-11 … " »): its instrument, and its closing
  // mark's token; 0 outside one.
  Ref quoted_ref;
  uint32_t quote_end = 0;
  uint32_t quote_search_failed_until = 0;  // a search for a closing mark from before here found none
};

// Emits a LEGAL_REF candidate for [first, end): `ref`, and `article` when
// not empty.
void Emit(Memory* memory, uint32_t first, uint32_t end, const Ref& ref, std::string article, bool inside_range = false,
          bool range = false);

// Keeps a legislative `ref` for the articles that name no instrument and for
// "du même <kind>".
void Remember(Memory* memory, const Ref& ref);

}  // namespace lexfr::legal_refs
