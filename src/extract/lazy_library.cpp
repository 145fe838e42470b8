#include "extract/lazy_library.h"

#include <mutex>
#include <shared_mutex>

#include "extract/cage.h"

namespace lexfr {

void* OpenLibrary(const char* soname, std::string* error) {
  // No fork while the loader is half-way through (extract/cage.h).
  const std::unique_lock no_fork(ForkLock());
  void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* why = dlerror();
    *error = why != nullptr ? why : std::string(soname) + ": cannot be opened";
  }
  return library;
}

}  // namespace lexfr
