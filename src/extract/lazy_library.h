// Shared libraries opened on first need instead of linked.
//
// A library linked into lexfr is loaded and relocated by every run, whether
// the run needs it or not (issue 21: start-up). The few that only some inputs
// need (ICU's charset detector for text that is not UTF-8: extract/decode.cpp)
// are opened by soname the first time one comes, and their functions looked
// up by name (LoadLibraryOnce), once per process; the caller turns a failure
// into an error record naming the library.
//
// Thread-safety: OpenLibrary takes ForkLock() (extract/cage.h), so no parser
// server is forked while the loader is half-way through.
#pragma once

#include <dlfcn.h>

#include <string>

namespace lexfr {

// dlopen(soname) with RTLD_NOW | RTLD_LOCAL; null with *error set (dlerror's
// line, which names the file) when it cannot be opened.
void* OpenLibrary(const char* soname, std::string* error);

// Looks `name` up in `library` into *f; false when the library lacks it.
template <typename F>
bool ResolveFunction(void* library, const char* name, F* f) {
  *f = reinterpret_cast<F>(dlsym(library, name));
  return *f != nullptr;
}

// A struct of function pointers (`Api`) filled from `soname` by `resolve`
// (false when one is missing), once per process and per Api: the same
// pointer, or null with *why set, at every call after the first.
template <class Api>
const Api* LoadLibraryOnce(const char* soname, bool (*resolve)(void* library, Api* api), std::string* why) {
  static std::string error;
  static const Api* const api = [&]() -> const Api* {
    void* library = OpenLibrary(soname, &error);
    if (library == nullptr) return nullptr;
    static Api loaded;  // the library stays open: its functions stay valid
    if (!resolve(library, &loaded)) {
      error = std::string(soname) + " lacks a function lexfr calls";
      return nullptr;
    }
    return &loaded;
  }();
  if (api == nullptr) *why = error;
  return api;
}

}  // namespace lexfr
