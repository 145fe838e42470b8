// lexfr: analyse French legal and news texts into JSON.
// Everything happens in RunCli (src/cli/cli.cpp); the pipeline is lexfr/analyze.h.
#include "cli/cli.h"

#include <cstdint>
#include <cstdlib>

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#include <unistd.h>
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

// The block below the first huge page (HeapInHugePages), held for the whole
// run. Volatile: the compiler drops a malloc whose block is never read.
void* volatile g_below_huge_pages = nullptr;

// The Lexicon's tables, ~3.6 MB copied from the snapshot at start-up
// (lexicon/snapshot.h), are most of what an empty run allocates: touched
// 4 KiB at a time they cost ~600 page faults of ~1.2 us each, a fifth of the
// run (issue 21). The heap grows once by 8 MiB, and its whole 2 MiB pages
// are offered to transparent huge pages, so that the tables fault in two MiB
// at a time (where the kernel's THP mode is "madvise" or "always"; nothing
// changes where it is "never"). The pad stays: the heap grows by 8 MiB at a
// time, address space that costs no memory until it is touched.
void HeapInHugePages() {
#if defined(M_TOP_PAD) && defined(M_MMAP_MAX) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  constexpr size_t kPad = size_t{8} << 20;
  mallopt(M_TOP_PAD, kPad);
  void* block = std::malloc(120 << 10);  // under the mmap threshold: the heap grows, by the pad
  const auto low = reinterpret_cast<uintptr_t>(block);
  std::free(block);
  const auto top = reinterpret_cast<uintptr_t>(sbrk(0));
  // Not glibc's heap (a sanitizer's allocator): nothing to offer.
  if (block == nullptr || low >= top || top - low > 2 * kPad) return;
  const uintptr_t begin = (low + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t end = top & ~(kHugePage - 1);
  if (begin >= end) return;
  madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  // The heap below the first huge page is taken by a block never used nor
  // freed (address space only, never touched), so that the tables start on
  // a huge page instead of filling 4 KiB pages up to it (1 MiB of them on
  // average, as ASLR places the heap). From the heap, not mapped apart.
  constexpr size_t kChunkHeader = 64;
  if (begin - low > kChunkHeader) {
    mallopt(M_MMAP_MAX, 0);
    g_below_huge_pages = std::malloc(begin - low - kChunkHeader);
    mallopt(M_MMAP_MAX, 65536);  // glibc's default
  }
#endif
}

}  // namespace

int main(int argc, char** argv) {
  KeepLargeBlocksMapped();
  HeapInHugePages();
  return lexfr::RunCli(argc, argv);
}
