// SHA-256 of a byte string, as 64 lower-case hex digits (FIPS 180-4).
// For source.sha256, so users can tell which exact bytes were analysed.
#pragma once

#include <string>
#include <string_view>

namespace lexfr {

enum class Sha256Engine {
  kBest,           // the CPU's SHA extensions when it has them, else portable code
  kPortable,       // plain C++ (for the tests, and CPUs without the extensions)
  kCpuExtensions,  // only where Sha256HasCpuExtensions()
};

std::string Sha256Hex(std::string_view bytes, Sha256Engine engine = Sha256Engine::kBest);

// Whether this CPU has the SHA extensions (and the SSSE3/SSE4.1 they go with).
bool Sha256HasCpuExtensions();

}  // namespace lexfr
