#include "io/files.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "run/interrupt.h"

namespace lexfr {
namespace {

Status TooLarge(const std::string& path, size_t max_bytes) {
  return Status::Error(ExitCode::kDataErr, "too_large",
                       path + ": larger than --max-bytes (" + std::to_string(max_bytes) + " bytes)");
}

Status Unreadable(const std::string& path, int err) {
  if (err == ENOENT || err == ENOTDIR) return Status::Error(ExitCode::kNoInput, "not_found", path + ": no such file");
  if (err == EISDIR) return Status::Error(ExitCode::kNoInput, "is_directory", path + ": is a folder");
  return Status::Error(ExitCode::kNoInput, "unreadable", path + ": " + std::strerror(err));
}

FileId IdOfStat(const struct stat& st) {
  return {static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino), S_ISREG(st.st_mode)};
}

const char* KindOf(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO or pipe";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// What `policy` and the size limit say of the file `st` describes.
Status Check(const std::string& path, const struct stat& st, const PathPolicy& policy, size_t max_bytes) {
  if (S_ISDIR(st.st_mode)) return Status::Error(ExitCode::kNoInput, "is_directory", path + ": is a folder");
  const FileId id = IdOfStat(st);
  for (const PathPolicy::Refused& r : policy.refused) {
    if (r.id == id) return Status::Error(ExitCode::kDataErr, r.code, path + ": " + r.why);
  }
  if (policy.regular_only && !S_ISREG(st.st_mode)) {
    return Status::Error(ExitCode::kDataErr, "not_regular",
                         path + ": " + KindOf(st.st_mode) + ", not a regular file: a stream's paths must name files");
  }
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes) return TooLarge(path, max_bytes);
  return Status::Ok();
}

// Opens what DiskReader reads: stat() and the policy first, then open()
// without blocking, then the policy again on what was opened. Not for "-".
Status Open(const std::string& path, const PathPolicy& policy, size_t max_bytes, int* fd, struct stat* st) {
  // stat() first: the policy refuses a FIFO or a device without opening it.
  if (stat(path.c_str(), st) != 0) return Unreadable(path, errno);
  if (Status s = Check(path, *st, policy, max_bytes); !s.ok()) return s;
  // O_NONBLOCK: a FIFO opens without waiting for its writer (reading then
  // waits in poll(), where a signal ends the wait); for a file it changes
  // nothing.
  *fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (*fd < 0) return Unreadable(path, errno);
  // Again on what was opened: the path may name another file by now.
  Status s = fstat(*fd, st) == 0 ? Check(path, *st, policy, max_bytes) : Unreadable(path, errno);
  if (!s.ok()) close(*fd);
  return s;
}

// --- writing one file --------------------------------------------------------------

Status WriteAll(int fd, const std::string& path, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Error(ExitCode::kIoErr, "write_error", path + ": " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

}  // namespace

std::optional<FileId> IdOf(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return std::nullopt;
  return IdOfStat(st);
}

std::optional<FileId> IdOfFd(int fd) {
  struct stat st {};
  if (fstat(fd, &st) != 0) return std::nullopt;
  return IdOfStat(st);
}

Status WaitReadable(int fd, const std::string& name) {
  pollfd fds[2] = {{fd, POLLIN, 0}, {InterruptFd(), POLLIN, 0}};  // a negative fd is ignored
  for (;;) {
    if (Interrupted()) break;
    const int n = poll(fds, 2, -1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Error(ExitCode::kNoInput, "unreadable", name + ": " + std::strerror(errno));
    if (fds[1].revents != 0) break;
    if (fds[0].revents != 0) return Status::Ok();  // data, its end or an error: read() tells which
  }
  return Status::Error(ExitCode::kInterrupted, "interrupted", name + ": interrupted while waiting for input");
}

Status ReadFdInChunks(int fd, const std::string& name, size_t max_bytes, const ChunkSink& sink) {
  struct stat st {};
  const bool wait = fstat(fd, &st) != 0 || !S_ISREG(st.st_mode);
  char buf[1 << 16];
  size_t total = 0;
  for (;;) {
    if (wait) {
      if (Status s = WaitReadable(fd, name); !s.ok()) return s;
    }
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n == 0) return Status::Ok();
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;  // O_NONBLOCK: nothing yet, wait again
      return Unreadable(name, errno);
    }
    // Up to one byte past the limit, so that the sink sees the excess;
    // total <= max_bytes here, and room + 1 is only taken when n > room.
    const size_t room = max_bytes - total;
    const size_t keep = static_cast<size_t>(n) <= room ? static_cast<size_t>(n) : room + 1;
    if (Status s = sink(std::string_view(buf, keep)); !s.ok()) return s;
    total += keep;
    if (total > max_bytes) return TooLarge(name, max_bytes);
  }
}

Status ReadFd(int fd, const std::string& name, size_t max_bytes, std::string* out) {
  out->clear();
  return ReadFdInChunks(fd, name, max_bytes, [out](std::string_view chunk) {
    out->append(chunk);
    return Status::Ok();
  });
}

Status ReadInChunks(const std::string& path, size_t max_bytes, const ChunkSink& sink) {
  if (path == "-") return ReadFdInChunks(STDIN_FILENO, "standard input", max_bytes, sink);
  int fd = -1;
  struct stat st {};
  if (Status s = Open(path, PathPolicy(), max_bytes, &fd, &st); !s.ok()) return s;
  Status s = ReadFdInChunks(fd, path, max_bytes, sink);
  close(fd);
  return s;
}

Status DiskReader::Read(const std::string& path, size_t max_bytes, std::string* out) const {
  if (path == "-") return ReadFd(STDIN_FILENO, "standard input", max_bytes, out);
  int fd = -1;
  struct stat st {};
  if (Status s = Open(path, policy_, max_bytes, &fd, &st); !s.ok()) return s;
  out->clear();
  if (S_ISREG(st.st_mode)) out->reserve(static_cast<size_t>(st.st_size));
  Status s = ReadFd(fd, path, max_bytes, out);
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

std::string JoinPath(const std::string& folder, const std::string& rel) {
  if (folder.empty()) return rel;
  return folder.back() == '/' ? folder + rel : folder + "/" + rel;
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

Status MakeFolders(const std::string& folder) {
  for (size_t i = 1; i <= folder.size(); ++i) {
    if (i < folder.size() && folder[i] != '/') continue;
    const std::string prefix = folder.substr(0, i);
    if (mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST) {
      return Status::Error(ExitCode::kCantCreate, "cannot_create", prefix + ": " + std::strerror(errno));
    }
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  const size_t slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  const std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
  // Hidden, and unique per writer, so that neither a reader of the folder nor
  // a concurrent run mistakes it for a result; at most 44 bytes, so that any
  // name that fits the folder has a temporary file that fits too.
  std::string pattern = ".";
  pattern.append(name, 0, 32);
  pattern += ".tmp-XXXXXX";
  std::string tmp = JoinPath(folder, pattern);
  int fd = mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    if (Status s = MakeFolders(folder); !s.ok()) return s;
    tmp = JoinPath(folder, pattern);
    fd = mkostemp(tmp.data(), O_CLOEXEC);
  }
  const auto cannot_create = [&](int err) {
    // Too long a name is this file's problem, not the run's (ProcessInput).
    return Status::Error(ExitCode::kCantCreate, err == ENAMETOOLONG ? "name_too_long" : "cannot_create",
                         path + ": " + std::strerror(err));
  };
  if (fd < 0) return cannot_create(errno);
  fchmod(fd, 0644);  // mkostemp makes it 0600; a result is as readable as -o FILE's
  Status s = WriteAll(fd, path, bytes);
  if (close(fd) != 0 && s.ok()) s = Status::Error(ExitCode::kIoErr, "write_error", path + ": " + std::strerror(errno));
  if (s.ok() && rename(tmp.c_str(), path.c_str()) != 0) s = cannot_create(errno);
  if (!s.ok()) unlink(tmp.c_str());
  return s;
}

}  // namespace lexfr
