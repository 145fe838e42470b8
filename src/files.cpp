#include "lexfr/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lexfr {
namespace {

Status TooLarge(const std::string& path, size_t max_bytes) {
  return Status::Error(ExitCode::kDataErr, "too_large",
                       path + ": larger than --max-bytes (" + std::to_string(max_bytes) + " bytes)");
}

// Reads `fd` to its end or to one byte past the limit.
Status ReadAll(int fd, const std::string& path, size_t max_bytes, std::string* out) {
  out->clear();
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n == 0) return Status::Ok();
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EISDIR) return Status::Error(ExitCode::kNoInput, "is_directory", path + ": is a folder");
      return Status::Error(ExitCode::kNoInput, "unreadable", path + ": " + std::strerror(errno));
    }
    out->append(buf, static_cast<size_t>(n));
    if (out->size() > max_bytes) return TooLarge(path, max_bytes);
  }
}

}  // namespace

Status DiskReader::Read(const std::string& path, size_t max_bytes, std::string* out) const {
  if (path == "-") return ReadAll(STDIN_FILENO, "standard input", max_bytes, out);
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) {
      return Status::Error(ExitCode::kNoInput, "not_found", path + ": no such file");
    }
    return Status::Error(ExitCode::kNoInput, "unreadable", path + ": " + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) return Status::Error(ExitCode::kNoInput, "is_directory", path + ": is a folder");
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes) return TooLarge(path, max_bytes);
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::Error(ExitCode::kNoInput, "unreadable", path + ": " + std::strerror(errno));
  }
  if (S_ISREG(st.st_mode)) out->reserve(static_cast<size_t>(st.st_size));
  Status s = ReadAll(fd, path, max_bytes, out);
  close(fd);
  return s;
}

Status MemoryReader::Read(const std::string& path, size_t max_bytes, std::string* out) const {
  if (auto f = failures_.find(path); f != failures_.end()) return f->second;
  auto it = files_.find(path);
  if (it == files_.end()) return Status::Error(ExitCode::kNoInput, "not_found", path + ": no such file");
  if (it->second.size() > max_bytes) return TooLarge(path, max_bytes);
  *out = it->second;
  return Status::Ok();
}

}  // namespace lexfr
