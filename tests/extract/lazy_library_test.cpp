#include "extract/lazy_library.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <string>

namespace lexfr {
namespace {

TEST_CASE("a library that cannot be opened is null with a reason naming it", "[lazy_library]") {
  std::string error;
  CHECK(OpenLibrary("liblexfr-no-such-library.so.0", &error) == nullptr);
  CHECK(error.find("liblexfr-no-such-library.so.0") != std::string::npos);
}

TEST_CASE("a library's functions are found by name, a missing one is not", "[lazy_library]") {
  std::string error;
  void* libc = OpenLibrary("libc.so.6", &error);
  REQUIRE(libc != nullptr);
  CHECK(error.empty());
  decltype(&::strlen) length = nullptr;
  REQUIRE(ResolveFunction(libc, "strlen", &length));
  CHECK(length("lexfr") == 5);
  CHECK_FALSE(ResolveFunction(libc, "lexfr_no_such_function", &length));
  CHECK(length == nullptr);
}

struct LengthApi {
  decltype(&::strlen) length = nullptr;
};
bool ResolveLength(void* library, LengthApi* api) { return ResolveFunction(library, "strlen", &api->length); }

TEST_CASE("a library's functions are loaded once, the same for every caller", "[lazy_library]") {
  std::string why;
  const LengthApi* api = LoadLibraryOnce("libc.so.6", ResolveLength, &why);
  REQUIRE(api != nullptr);
  CHECK(why.empty());
  CHECK(api->length("lexfr") == 5);
  CHECK(LoadLibraryOnce("libc.so.6", ResolveLength, &why) == api);
}

struct AbsentApi {
  void (*f)() = nullptr;
};
bool ResolveAbsent(void* library, AbsentApi* api) { return ResolveFunction(library, "f", &api->f); }

TEST_CASE("a library that cannot be loaded says why at every call", "[lazy_library]") {
  for (int call = 0; call < 2; ++call) {
    std::string why;
    CHECK(LoadLibraryOnce("liblexfr-no-such-library.so.0", ResolveAbsent, &why) == nullptr);
    CHECK(why.find("liblexfr-no-such-library.so.0") != std::string::npos);
  }
}

}  // namespace
}  // namespace lexfr
