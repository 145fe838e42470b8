#include "io/sha256.h"

// Our own SHA-256 rather than OpenSSL's: libcrypto (and its 1 200 symbol
// relocations) cost every run ~1.5 M instructions of dynamic loading before
// main, for one function (issue 21). The compression runs on the CPU's SHA
// extensions when it has them, as OpenSSL's assembly did (portable code was
// 5 % of a run's instructions, issue 7), and in portable C++ otherwise.

#include <cpuid.h>
#include <immintrin.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace lexfr {
namespace {

constexpr size_t kBlock = 64;

alignas(16) constexpr std::array<uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

using State = std::array<uint32_t, 8>;
using Compress = void (*)(State* state, const unsigned char* blocks, size_t count);

uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

uint32_t BigEndian32(const unsigned char* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | uint32_t{p[3]};
}

// One round; the callers rotate the names instead of the values, eight
// rounds a loop, which saves the eight moves a round of the textbook loop.
inline void Round(uint32_t a, uint32_t b, uint32_t c, uint32_t& d, uint32_t e, uint32_t f, uint32_t g, uint32_t& h,
                  uint32_t k_plus_w) {
  const uint32_t t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + (g ^ (e & (f ^ g))) + k_plus_w;
  d += t1;
  h = t1 + (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) | (c & (a | b)));
}

void CompressPortable(State* state, const unsigned char* blocks, size_t count) {
  for (; count > 0; --count, blocks += kBlock) {
    std::array<uint32_t, 64> w;
    for (int t = 0; t < 16; ++t) w[t] = BigEndian32(blocks + 4 * t);
    for (int t = 16; t < 64; ++t) {
      const uint32_t s0 = Rotr(w[t - 15], 7) ^ Rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
      const uint32_t s1 = Rotr(w[t - 2], 17) ^ Rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    auto [a, b, c, d, e, f, g, h] = *state;
    for (int t = 0; t < 64; t += 8) {
      Round(a, b, c, d, e, f, g, h, kRound[t] + w[t]);
      Round(h, a, b, c, d, e, f, g, kRound[t + 1] + w[t + 1]);
      Round(g, h, a, b, c, d, e, f, kRound[t + 2] + w[t + 2]);
      Round(f, g, h, a, b, c, d, e, kRound[t + 3] + w[t + 3]);
      Round(e, f, g, h, a, b, c, d, kRound[t + 4] + w[t + 4]);
      Round(d, e, f, g, h, a, b, c, kRound[t + 5] + w[t + 5]);
      Round(c, d, e, f, g, h, a, b, kRound[t + 6] + w[t + 6]);
      Round(b, c, d, e, f, g, h, a, kRound[t + 7] + w[t + 7]);
    }
    const State v = {a, b, c, d, e, f, g, h};
    for (int i = 0; i < 8; ++i) (*state)[i] += v[i];
  }
}

// Intel's SHA extensions keep the state as the two vectors ABEF and CDGH and
// run two rounds an instruction; the message schedule is sha256msg1/msg2.
__attribute__((target("sha,sse4.1,ssse3"))) void CompressShaExtensions(State* state, const unsigned char* blocks,
                                                                          size_t count) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state->data()));
  __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state->data() + 4));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
  for (; count > 0; --count, blocks += kBlock) {
    const __m128i abef_before = abef;
    const __m128i cdgh_before = cdgh;
    __m128i w[4];  // the schedule's last 16 words, four to a vector, w[g % 4] for group g
#pragma GCC unroll 16  // unrolled, w[] stays in registers
    for (int g = 0; g < 16; ++g) {
      __m128i& words = w[g % 4];
      if (g < 4) {
        words = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(blocks + 16 * g)), byte_swap);
      } else {
        // W[t-16] + s0(W[t-15]), + W[t-7], then + s1(W[t-2]).
        const __m128i minus7 = _mm_alignr_epi8(w[(g - 1) % 4], w[(g - 2) % 4], 4);
        words = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(words, w[(g - 3) % 4]), minus7),
                                     w[(g - 1) % 4]);
      }
      __m128i k_plus_w =
          _mm_add_epi32(words, _mm_load_si128(reinterpret_cast<const __m128i*>(kRound.data() + 4 * g)));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k_plus_w);
      k_plus_w = _mm_shuffle_epi32(k_plus_w, 0x0E);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, k_plus_w);
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }
  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  dcba = _mm_blend_epi16(feba, dchg, 0xF0);
  hgfe = _mm_alignr_epi8(dchg, feba, 8);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state->data()), dcba);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state->data() + 4), hgfe);
}

bool CpuHasShaExtensions() {
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0) return false;
  const bool ssse3 = (ecx & bit_SSSE3) != 0;
  const bool sse41 = (ecx & bit_SSE4_1) != 0;
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 0) return false;
  return ssse3 && sse41 && (ebx & bit_SHA) != 0;
}

std::string Digest(std::string_view bytes, Compress compress) {
  State state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t whole = bytes.size() / kBlock;
  compress(&state, data, whole);
  // The tail, 0x80, zeros, and the length in bits (big-endian): one or two blocks.
  unsigned char tail[2 * kBlock] = {};
  const size_t rest = bytes.size() % kBlock;
  if (rest > 0) std::memcpy(tail, data + whole * kBlock, rest);
  tail[rest] = 0x80;
  const size_t tail_blocks = rest + 1 + 8 <= kBlock ? 1 : 2;
  const uint64_t bits = uint64_t{bytes.size()} * 8;
  for (int i = 0; i < 8; ++i) tail[tail_blocks * kBlock - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  compress(&state, tail, tail_blocks);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (const uint32_t word : state) {
    for (int shift = 28; shift >= 0; shift -= 4) hex += kHex[(word >> shift) & 0xF];
  }
  return hex;
}

}  // namespace

bool Sha256HasCpuExtensions() {
  static const bool has = CpuHasShaExtensions();
  return has;
}

std::string Sha256Hex(std::string_view bytes, Sha256Engine engine) {
  const bool fast = engine == Sha256Engine::kCpuExtensions ||
                    (engine == Sha256Engine::kBest && Sha256HasCpuExtensions());
  return Digest(bytes, fast ? CompressShaExtensions : CompressPortable);
}

}  // namespace lexfr
