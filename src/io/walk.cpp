#include "io/walk.h"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "io/files.h"

namespace lexfr {
namespace {

const std::vector<std::string> kDefaultInclude = {"*.txt", "*.html", "*.htm", "*.pdf", "*.docx", "*.odt"};

bool MatchesAny(const std::vector<std::string>& globs, const std::string& name, const std::string& rel) {
  for (const std::string& g : globs) {
    if (fnmatch(g.c_str(), name.c_str(), 0) == 0 || fnmatch(g.c_str(), rel.c_str(), 0) == 0) return true;
  }
  return false;
}

struct FolderId {
  dev_t dev;
  ino_t ino;
  bool operator==(const FolderId&) const = default;
};

struct Entry {
  std::string key;  // the name, with a '/' after a folder's (see Sorted)
  std::string name;
  bool folder = false;
  FolderId id{};
};

// Sorting a folder's entries by name, with "/" appended to folder names, and
// walking depth-first, yields exactly the byte order of the full relative
// paths: "a-b" (0x2d) comes before "a/x" (0x2f), although "a" < "a-b".
void Sort(std::vector<Entry>* entries) {
  std::sort(entries->begin(), entries->end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
}

Status FolderError(const std::string& path, const char* code, const std::string& why) {
  return Status::Error(ExitCode::kNoInput, code, path + ": " + why);
}

class Walker {
 public:
  Walker(const std::string& root, const WalkOptions& options, const std::atomic<bool>* stop,
         std::vector<BatchInput>* out)
      : root_(root), options_(options), stop_(stop), out_(out) {}

  void Run(FolderId root_id) {
    ancestors_.push_back(root_id);
    Folder("");
  }

 private:
  void Folder(const std::string& rel) {
    if (stop_ != nullptr && stop_->load()) return;
    const std::string path = rel.empty() ? root_ : JoinPath(root_, rel);
    std::vector<Entry> entries;
    if (Status s = List(path, &entries); !s.ok()) {
      out_->push_back({path, rel, true, s});
      return;
    }
    Sort(&entries);
    for (Entry& e : entries) {
      const std::string child = rel.empty() ? e.name : rel + "/" + e.name;
      if (!e.folder) {
        if (Selected(options_, child)) out_->push_back({JoinPath(root_, child), child, true, Status::Ok()});
        continue;
      }
      if (MatchesAny(options_.exclude, e.name, child)) continue;
      if (std::find(ancestors_.begin(), ancestors_.end(), e.id) != ancestors_.end()) {
        const std::string p = JoinPath(root_, child);
        out_->push_back({p, child, true, FolderError(p, "symlink_loop", "symlink loop (leads back to a parent folder)")});
        continue;
      }
      ancestors_.push_back(e.id);
      Folder(child);
      ancestors_.pop_back();
    }
  }

  // The files and folders in `path`; symlinks resolved or dropped, special
  // files (FIFOs, sockets, devices) dropped since reading them may block.
  Status List(const std::string& path, std::vector<Entry>* entries) const {
    DIR* dir = opendir(path.c_str());
    if (dir == nullptr) return FolderError(path, "unreadable", std::strerror(errno));
    const int fd = dirfd(dir);
    int err = 0;
    for (;;) {
      errno = 0;
      const dirent* d = readdir(dir);
      if (d == nullptr) {
        err = errno;
        break;
      }
      const std::string name = d->d_name;
      if (name == "." || name == "..") continue;
      struct stat st {};
      // A file whose stat fails (gone meanwhile, dangling or looping link)
      // stays a file: reading it reports why.
      bool file = fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0;
      if (!file && S_ISLNK(st.st_mode)) {
        if (!options_.follow_symlinks) continue;
        file = fstatat(fd, name.c_str(), &st, 0) != 0;
      }
      if (file || S_ISREG(st.st_mode)) {
        entries->push_back({name, name, false, {}});
      } else if (S_ISDIR(st.st_mode)) {
        entries->push_back({name + "/", name, true, {st.st_dev, st.st_ino}});
      }
    }
    closedir(dir);
    if (err != 0) return FolderError(path, "unreadable", std::strerror(err));
    return Status::Ok();
  }

  const std::string& root_;
  const WalkOptions& options_;
  const std::atomic<bool>* stop_;
  std::vector<BatchInput>* out_;
  std::vector<FolderId> ancestors_;  // of the folder being listed, root first
};

}  // namespace

bool IsFolder(const std::string& path) {
  struct stat st {};
  return path != "-" && stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool Selected(const WalkOptions& options, std::string_view rel) {
  const std::string path(rel);
  const std::string name(BaseName(rel));
  const std::vector<std::string>& include = options.include.empty() ? kDefaultInclude : options.include;
  return MatchesAny(include, name, path) && !MatchesAny(options.exclude, name, path);
}

void ExpandInput(const std::string& arg, const WalkOptions& options, const std::atomic<bool>* stop,
                 std::vector<BatchInput>* out) {
  struct stat st {};
  if (arg == "-" || stat(arg.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    out->push_back({arg, arg, false, Status::Ok()});
    return;
  }
  Walker(arg, options, stop, out).Run({st.st_dev, st.st_ino});
}

std::vector<std::string> SplitPathList(std::string_view bytes, bool nul) {
  const char sep = nul ? '\0' : '\n';
  std::vector<std::string> paths;
  size_t start = 0;
  while (start <= bytes.size()) {
    size_t end = bytes.find(sep, start);
    if (end == std::string_view::npos) end = bytes.size();
    if (end > start) paths.emplace_back(bytes.substr(start, end - start));
    start = end + 1;
  }
  return paths;
}

Status ReadPathList(const std::string& path, bool nul, size_t most_bytes, std::vector<std::string>* out) {
  const char sep = nul ? '\0' : '\n';
  std::string entry;  // the entry cut by the end of a chunk
  size_t offset = 0;  // of the chunk in the list
  Status s = ReadInChunks(path, most_bytes, [&](std::string_view chunk) {
    if (const size_t zero = chunk.find('\0'); !nul && zero != std::string_view::npos) {
      return Status::Error(ExitCode::kDataErr, "nul_in_list",
                           path + ": NUL byte at offset " + std::to_string(offset + zero));
    }
    offset += chunk.size();
    for (;;) {
      if (entry.empty()) {  // empty entries, a run of separators, in one pass (-0 on /dev/zero)
        const size_t first = chunk.find_first_not_of(sep);
        chunk.remove_prefix(first == std::string_view::npos ? chunk.size() : first);
      }
      const size_t end = chunk.find(sep);
      if (end == std::string_view::npos) break;
      entry.append(chunk.substr(0, end));
      out->push_back(std::move(entry));
      entry.clear();
      chunk.remove_prefix(end + 1);
    }
    entry.append(chunk);
    return Status::Ok();
  });
  if (s.ok() && !entry.empty()) out->push_back(std::move(entry));
  return s;
}

}  // namespace lexfr
