// The Lexicon's snapshot: its finished tables as bytes, written at build
// time by the step that loads the data files (lexfr_compile_lexicon) and
// embedded in lexfr, so that start-up copies the tables back instead of
// reading, checking and compiling every file of data/ again (issue 21: the
// load was four fifths of an empty run's instructions).
//
// In: a loaded Lexicon (WriteLexiconSnapshot); a snapshot's bytes and the
// digest of the data files the reader expects (ReadLexiconSnapshot).
// Out: the bytes; a Lexicon equal to the one written, table for table
// (lexicon/lexicon_dump.h DumpLexicon says equal; the tests hold it).
//
// The bytes start with a header: a magic, the format version, the sizes of
// the structs copied whole, the digest of the data files the Lexicon was
// loaded from (lexicon/embedded.h EmbeddedFilesDigest), the payload's size
// and its checksum. A snapshot whose header does not match (stale, another
// layout, truncated, damaged) is refused (CheckLexiconSnapshot) before any
// Lexicon is touched; LoadLexicon then reads the data files, with a warning.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "lexfr/status.h"

namespace lexfr {

class Lexicon;

// Raised whenever the archive's fields or their order change.
inline constexpr uint32_t kSnapshotVersion = 4;

std::string WriteLexiconSnapshot(const Lexicon& lexicon, std::string_view files_digest);
// Whether the snapshot may be read: its header, size and checksum match
// this build and `files_digest`; else kConfig "bad_data" saying why.
Status CheckLexiconSnapshot(std::string_view snapshot, std::string_view files_digest);
// Fills an empty `out`: CheckLexiconSnapshot's error (kConfig) with `out` untouched;
// or kSoftware "internal_error" when the payload matched its checksum yet
// did not read back (a bug of the archive), `out` then half filled.
Status ReadLexiconSnapshot(std::string_view snapshot, std::string_view files_digest, Lexicon* out);

// For the test that DumpLexicon shows every field written: each field's
// path ("lexicon/dates/phrases/edges") -> the offset in the snapshot and the
// size of the first value written for it.
std::map<std::string, std::pair<size_t, size_t>> LexiconSnapshotFields(const Lexicon& lexicon,
                                                                        std::string_view files_digest);
// Whether a snapshot's payload matches its checksum (the tests alter a
// payload and mend its checksum, to reach the reader behind it).
std::string WithMendedChecksum(std::string snapshot);

// The snapshot embedded in lexfr (CMakeLists.txt); empty in the build step
// that writes it.
std::string_view BuiltSnapshot();

}  // namespace lexfr
