// Data files from data/ compiled into the binary (see CMakeLists.txt).
//
// In: nothing. Out: the bytes of each embedded file, by its path relative to
// the repository root ("data/gazetteers/organisations.tsv"), and their digest.
// Thread-safety: read-only static data.
#pragma once

#include <span>
#include <string_view>

namespace lexfr {

struct EmbeddedFile {
  std::string_view path;
  std::string_view bytes;
};

std::span<const EmbeddedFile> EmbeddedFiles();
// The SHA-256 of every embedded file's path and bytes, taken by CMake: what
// the Lexicon's snapshot (lexicon/snapshot.h) was made from.
std::string_view EmbeddedFilesDigest();

// The bytes of one embedded file, or an empty view when there is none.
std::string_view EmbeddedFileOrEmpty(std::string_view path);

}  // namespace lexfr
