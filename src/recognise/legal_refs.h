// Stage 3d, recognise legal references: tokens -> LEGAL_REF candidates.
//
// In: the text, its segmentation, and the candidates already found (names,
// so "délibération de la CNIL" knows its author; dates, so "délibération du
// 21 décembre 2023" gets its key). Out: candidates with fields.instrument
// (the contract's keys: "GDPR", "CSP", "LOI:2004-575", "CE:444937", ...),
// fields.article ("48", "L1111-8", "9-2-a", or empty), fields.url when it can
// be built offline; canonical is "INSTRUMENT art. N" or "INSTRUMENT".
//
// Thread-safety: pure function of its inputs; the Lexicon is only read.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "lexicon/lexicon.h"
#include "text/token_view.h"

namespace lexfr {

std::vector<Candidate> FindLegalRefs(const TokenView& view, const Lexicon& lexicon, const std::vector<Candidate>& names,
                                     const std::vector<Candidate>& dates);

// The tables as text, for the test that holds the phrases cut at build time
// to those cut at run time (lexicon/lexicon_dump.h).
void DumpLegalTables(const LegalTables& legal, std::string* out);

// The folded words a legal reference may start with (the grammar's and the
// first words of the instruments' names), and those an authority's name
// may start with: the Lexicon marks them in its vocabulary
// (lexicon/words.h WordInfo::reference_start and authority_start), and the
// scanner skips every other token by its id.
std::vector<std::string> ReferenceStartWords(const LegalTables& legal);
std::vector<std::string> AuthorityStartWords(const LegalTables& legal);

// The instruments and case names (the bytes of their files, rows already
// checked by the Lexicon) and the institutions, compiled into the tries the
// scanner walks. Called once, by LoadLexicon; the tables' layout stays private to
// the scanner. `id_of` gives each word of the names its vocabulary id,
// adding it to the vocabulary, so that the tries are walked by the tokens'
// ids (PhraseTrie::Walk, lexicon/phrase_matcher.h IndexByIds): indexed
// before they are shared, as they are const after. Empty for a Lexicon
// never loaded, which has no names.
std::shared_ptr<const LegalTables> CompileLegalTables(std::string_view instruments, std::string_view case_names,
                                                      const Institutions& institutions, const PhraseCutter& cutter,
                                                      const std::function<uint32_t(const std::string&)>& id_of);

}  // namespace lexfr
