// source.sha256 must be the SHA-256 users get from sha256sum, whichever of
// the two compressions (CPU extensions, portable) runs.
#include <catch2/catch.hpp>

#include <string>

#include "io/sha256.h"

namespace lexfr {
namespace {

void CheckVectors(Sha256Engine engine) {
  CHECK(Sha256Hex("", engine) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc", engine) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", engine) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrst"
                  "nopqrstu",
                  engine) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(Sha256Hex(std::string(1000000, 'a'), engine) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("Sha256Hex gives the FIPS 180-4 test vectors", "[sha256]") {
  CheckVectors(Sha256Engine::kBest);
  CheckVectors(Sha256Engine::kPortable);
  if (Sha256HasCpuExtensions()) CheckVectors(Sha256Engine::kCpuExtensions);
}

TEST_CASE("Sha256Hex pads every tail length alike in both engines", "[sha256]") {
  // 55, 56 and 64 bytes are where the length moves to a second padding block.
  if (!Sha256HasCpuExtensions()) return;
  for (size_t n = 0; n <= 200; ++n) {
    const std::string bytes(n, static_cast<char>('a' + n % 26));
    CHECK(Sha256Hex(bytes, Sha256Engine::kCpuExtensions) == Sha256Hex(bytes, Sha256Engine::kPortable));
  }
}

}  // namespace
}  // namespace lexfr
