// Finding the inputs: command-line arguments and --files-from lists -> the
// list of files a run analyses, in the order it writes them.
//
// In: a path as the user gave it (a file, a folder, "-"), globs, and the
// bytes of a path list. Out: BatchInputs; a folder expands to its selected
// files, walked recursively in byte order of the relative path (symlinks
// only when asked, then loop-safe). Walking only lists paths: nothing is
// read, so memory grows with the number of files only by their paths.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/status.h"

namespace lexfr {

// One file to analyse.
struct BatchInput {
  // What is opened and printed as source.path: the folder given joined with
  // `rel` ("corpus/a/b.txt"), or the argument exactly as given.
  std::string path;
  // The path relative to the folder given ("a/b.txt"); the argument itself
  // for files given explicitly. The shard key and the -o DIR name.
  std::string rel;
  bool walked = false;  // found by walking a folder, rather than given
  // Set when the walk could not reach it (a symlink loop, a folder that
  // cannot be opened): the input is then an error record, nothing is read.
  Status error;
};

struct WalkOptions {
  // fnmatch(3) globs (flags 0: `*` also matches `/`), each tried on the file
  // name and on the path relative to the folder given. A walked file is kept
  // when it matches an include and no exclude; an excluded folder is not
  // entered. Default include: {"*.txt", "*.html", "*.htm", "*.pdf", "*.docx", "*.odt"} (used
  // when `include` is empty).
  std::vector<std::string> include;
  std::vector<std::string> exclude;  // default: none
  // Follow symlinks met while walking (default false: they are skipped).
  // Arguments themselves are always followed. When following, a folder that
  // leads back to one of its ancestors (same device and inode) is reported
  // as an error input with code "symlink_loop" instead of being entered.
  bool follow_symlinks = false;
};

// True when `path` names a folder (following symlinks).
bool IsFolder(const std::string& path);

// True when a walked file at `rel` (relative to the folder given) is kept.
bool Selected(const WalkOptions& options, std::string_view rel);

// Appends to `out` the inputs `arg` stands for: a folder expands to its
// selected files, sorted by the bytes of their relative path; anything else
// ("-", a file, a missing path) is one input as given, whatever the globs, so
// that reading it reports what is wrong. When `*stop` turns true the walk
// ends early (the inputs found so far stay).
void ExpandInput(const std::string& arg, const WalkOptions& options, const std::atomic<bool>* stop,
                 std::vector<BatchInput>* out);

// The paths of a --files-from list: one per line, or NUL-separated when
// `nul` (-0). Empty entries are skipped; nothing else is trimmed.
std::vector<std::string> SplitPathList(std::string_view bytes, bool nul);

// Reads the list at `path` ("-": standard input) and splits it as
// SplitPathList does, chunk by chunk, so that only the paths are held: at
// most `most_bytes` are read ("too_large"), and a NUL byte in a list split
// on newlines is the error "nul_in_list" (a list meant for -0), found in
// the first chunk that holds one. Waits for a FIFO or a pipe like
// DiskReader ("interrupted").
Status ReadPathList(const std::string& path, bool nul, size_t most_bytes, std::vector<std::string>* out);

}  // namespace lexfr
