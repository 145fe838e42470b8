// Reading inputs: the file system behind a small interface, so tests can feed
// in-memory files, bad encodings and failures without touching the disk.
//
// In: a path as the user gave it ("-" is standard input). Out: its bytes, or
// a Status whose exit code says why not: kNoInput (missing, unreadable, a
// folder), kDataErr (over the size limit).
//
// Thread-safety: DiskReader is stateless and may be shared.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "lexfr/status.h"

namespace lexfr {

inline constexpr size_t kDefaultMaxBytes = size_t{64} << 20;  // 64 MiB

class FileReader {
 public:
  virtual ~FileReader() = default;
  // Reads at most `max_bytes`; a longer input is an error ("too_large"), so
  // endless inputs (/dev/zero, a FIFO that never closes its end) stop there.
  virtual Status Read(const std::string& path, size_t max_bytes, std::string* out) const = 0;
};

class DiskReader : public FileReader {
 public:
  Status Read(const std::string& path, size_t max_bytes, std::string* out) const override;
};

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

}  // namespace lexfr
