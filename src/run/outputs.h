// Outputs that never destroy inputs: the checks a run makes before it opens
// anything for writing.
//
// In: the files a run will read (inputs, --files-from, --gazetteer,
// --input-jsonl) and write (-o FILE, --summary FILE, the files of -o DIR/),
// as the user named them. Out: OK, or a usage error (kUsage) that names
// both files, when
//   - an output is an input (same device and inode: a symlink or a hard
//     link counts; `lexfr analyze a.txt -o a.txt` would empty a.txt before
//     reading it);
//   - two outputs are one file (same device and inode, or the same path in
//     the same folder when neither exists yet: `-o x --summary ./x`);
//   - a stream (standard input, a pipe, a FIFO, a socket) would be read
//     twice (`- -`, `- /dev/stdin`): its bytes would be split between the
//     two readers differently on every run;
//   - an output is a folder that exists (in -o DIR/, left by another run);
//   - in -o DIR/, two inputs map to one file, a file would stand where a
//     folder must (`a` -> `a.json` beside the folder `a.json/`), or an
//     input would take the name of DIR/index.html.
// A character device (`/dev/null`, `/dev/zero`) is neither destroyed by
// writing nor consumed by reading: it may appear anywhere, any number of
// times.
//
// Thread-safety: free functions, no state; they stat() the paths once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/walk.h"
#include "lexfr/status.h"
#include "run/batch.h"

namespace lexfr {

// A file of the run, as named on the command line.
struct RunFile {
  std::string option;  // for messages: "-o", "--summary", "--gazetteer", "" for an input
  std::string path;    // "-": standard input (reads) or output (writes)
  // False for a file found by walking a folder, which is a regular file
  // (io/walk.h): it is then stat'ed only when an output exists already.
  bool maybe_stream = true;
};

// All but the -o DIR/ name checks. `writes` holds every file the run
// writes, those of -o DIR/ included.
Status CheckRunFiles(const std::vector<RunFile>& reads, const std::vector<RunFile>& writes);

// The -o DIR/ name checks, on names alone: `inputs` as planned, each written to
// OutputPathFor(input, dir, extension) when it HasOutputFile(); `index`: DIR/index.html is written too (--format html).
Status CheckOutputFolder(const std::vector<BatchInput>& inputs, const std::string& dir, std::string_view extension,
                         bool index);

}  // namespace lexfr
