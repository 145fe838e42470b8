// SHA-256 of a byte string, as 64 lower-case hex digits (FIPS 180-4).
// For source.sha256, so users can tell which exact bytes were analysed.
#pragma once

#include <string>
#include <string_view>

namespace lexfr {

std::string Sha256Hex(std::string_view bytes);

}  // namespace lexfr
