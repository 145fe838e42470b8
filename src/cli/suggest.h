// « did you mean "analyze"? »: the nearest of the words lexfr knows to one
// it does not (a misspelt subcommand or option).
//
// In: the unknown word and the known ones. Out: the nearest known word
// within kMostTypos edits (a letter added, dropped, changed, or two
// neighbours swapped), or none: beyond that a guess helps less than the
// list of commands.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lexfr {

inline constexpr size_t kMostTypos = 2;

// The optimal string alignment distance (Damerau-Levenshtein without
// editing a substring twice), in bytes: "analize" -> "analyze" is 1,
// "anaylze" -> "analyze" is 1 (a swap).
size_t EditDistance(std::string_view a, std::string_view b);

// The known word nearest to `word`, the first one on a tie; none when the
// nearest is more than kMostTypos edits away, or is `word` itself.
std::optional<std::string> NearestWord(std::string_view word, const std::vector<std::string>& known);

}  // namespace lexfr
