// lexfr: analyse French legal and news texts into JSON.
// Everything happens in RunCli (src/cli/cli.cpp); the pipeline is lexfr/analyze.h.
#include "cli/cli.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace {

// glibc raises its mmap threshold to the size of each large block freed (up
// to 32 MiB): after the first per-token table of a document is freed, the
// next ones come from the heap, whose freed middle is never given back, and
// a document's peak RSS held ~50 MB on 20 MiB that no stage used any more
// (issue 21). A fixed threshold keeps every large table in a mapping of its
// own, returned when freed.
void KeepLargeBlocksMapped() {
#if defined(M_MMAP_THRESHOLD)  // glibc's
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // glibc's default, without its dynamic raise
#endif
}

}  // namespace

int main(int argc, char** argv) {
  KeepLargeBlocksMapped();
  return lexfr::RunCli(argc, argv);
}
