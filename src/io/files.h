// Reading inputs: the file system behind a small interface, so tests can feed
// in-memory files, bad encodings and failures without touching the disk.
//
// In: a path as the user gave it ("-" is standard input). Out: its bytes, or
// a Status whose exit code says why not: kNoInput (missing, unreadable, a
// folder), kDataErr (over the size limit; refused by a PathPolicy),
// kInterrupted (a signal came while waiting for bytes: code "interrupted").
//
// Reading never outlasts a signal: a FIFO is opened without waiting for a
// writer, and whatever is not a regular file (standard input, a FIFO, a
// terminal) is read through poll() on it and on InterruptFd()
// (run/interrupt.h), so a quiet writer cannot hold the run.
//
// Thread-safety: DiskReader is immutable once built and may be shared; the
// free functions keep no state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexfr/status.h"

namespace lexfr {

inline constexpr size_t kDefaultMaxBytes = size_t{64} << 20;  // 64 MiB

// Which file a path names: its device and inode. Two paths, or a path and
// an open file descriptor, name the same file when these are equal
// (symlinks, hard links, /dev/stdin, /proc/self/fd/0 included).
struct FileId {
  uint64_t dev = 0;
  uint64_t ino = 0;
  bool regular = false;  // a regular file (not a FIFO, device, socket or folder)
  bool operator==(const FileId& o) const { return dev == o.dev && ino == o.ino; }
};

// The file `path` names, following symlinks; nullopt when it cannot be
// stat'ed (missing, no permission on a folder on the way).
std::optional<FileId> IdOf(const std::string& path);
// The file behind an open file descriptor.
std::optional<FileId> IdOfFd(int fd);

class FileReader {
 public:
  virtual ~FileReader() = default;
  // Reads at most `max_bytes`; a longer input is an error ("too_large"), so
  // endless inputs (/dev/zero, a FIFO that never closes its end) stop there.
  virtual Status Read(const std::string& path, size_t max_bytes, std::string* out) const = 0;
};

// What a DiskReader refuses, for paths that come from an input stream
// (--input-jsonl) rather than from the person running lexfr. The default
// refuses nothing: a FIFO or a device named on the command line is read.
struct PathPolicy {
  // Only regular files (default false): a FIFO, a device, a socket is the
  // error "not_regular" (a folder stays "is_directory"), found with stat()
  // before anything is opened, so that nothing blocks and no device is
  // touched.
  bool regular_only = false;
  // Files never read, with the error code and the reason their refusal
  // gives: the stream being read ("is_stream"), a file the run writes
  // ("is_output"). Checked before regular_only, so that /dev/stdin says it
  // is the stream.
  struct Refused {
    FileId id;
    std::string code;
    std::string why;
  };
  std::vector<Refused> refused;
};

class DiskReader : public FileReader {
 public:
  DiskReader() = default;
  explicit DiskReader(PathPolicy policy) : policy_(std::move(policy)) {}
  Status Read(const std::string& path, size_t max_bytes, std::string* out) const override;

 private:
  PathPolicy policy_;
};

// Reads `fd` to its end or to one byte past `max_bytes` ("too_large"),
// waiting in WaitReadable() unless it is a regular file. `name` is for
// messages ("standard input", a path).
Status ReadFd(int fd, const std::string& name, size_t max_bytes, std::string* out);

// The same, handing the bytes to `sink` as they come instead of keeping
// them: a sink's error ends the reading and is returned. At most
// `max_bytes` + 1 bytes reach the sink.
using ChunkSink = std::function<Status(std::string_view)>;
Status ReadFdInChunks(int fd, const std::string& name, size_t max_bytes, const ChunkSink& sink);
// ... of `path` ("-": standard input), opened as DiskReader opens it.
Status ReadInChunks(const std::string& path, size_t max_bytes, const ChunkSink& sink);

// Waits until `fd` has bytes to read, its end or an error, or until a
// signal came (InterruptFd() readable): then "interrupted" (kInterrupted).
// A regular file is always readable.
Status WaitReadable(int fd, const std::string& name);

// Files held in memory; a path mapped to a non-OK Status fails with it.
class MemoryReader : public FileReader {
 public:
  void Add(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }
  void Fail(const std::string& path, Status status) { failures_[path] = std::move(status); }
  Status Read(const std::string& path, size_t max_bytes, std::string* out) const override;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, Status> failures_;
};

// --- writing ---------------------------------------------------------------------

// mkdir -p: makes `folder` and its parents (kCantCreate). A folder that
// exists already, or is made meanwhile by another thread, is fine.
Status MakeFolders(const std::string& folder);

// Writes `bytes` to a temporary file beside `path` (creating the folders on
// the way), then renames it to `path`: a killed run leaves either the whole
// file or none. The temporary name is short (".<first 32 bytes of the
// name>.tmp-XXXXXX"), so it fits wherever `path` fits. kCantCreate (code
// "name_too_long" when a name is longer than the file system allows,
// "cannot_create" otherwise) or kIoErr.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// --- paths -----------------------------------------------------------------------

// `rel` under `folder`, with one '/' between them ("" folder: `rel`).
std::string JoinPath(const std::string& folder, const std::string& rel);

// The last part of a path ("a/b.txt" -> "b.txt").
std::string_view BaseName(std::string_view path);

}  // namespace lexfr
