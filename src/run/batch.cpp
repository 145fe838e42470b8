#include "run/batch.h"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <spdlog/fmt/fmt.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>

#include "emit/json_record.h"

namespace lexfr {
namespace {

// --- walking ---------------------------------------------------------------------

const std::vector<std::string> kDefaultInclude = {"*.txt", "*.html", "*.htm", "*.pdf"};

std::string Join(const std::string& folder, const std::string& rel) {
  if (folder.empty()) return rel;
  return folder.back() == '/' ? folder + rel : folder + "/" + rel;
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

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
    const std::string path = rel.empty() ? root_ : Join(root_, rel);
    std::vector<Entry> entries;
    if (Status s = List(path, &entries); !s.ok()) {
      out_->push_back({path, rel, true, s});
      return;
    }
    Sort(&entries);
    for (Entry& e : entries) {
      const std::string child = rel.empty() ? e.name : rel + "/" + e.name;
      if (!e.folder) {
        if (Selected(options_, child)) out_->push_back({Join(root_, child), child, true, Status::Ok()});
        continue;
      }
      if (MatchesAny(options_.exclude, e.name, child)) continue;
      if (std::find(ancestors_.begin(), ancestors_.end(), e.id) != ancestors_.end()) {
        const std::string p = Join(root_, child);
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

// --- numbers for people ------------------------------------------------------------

std::string HumanBytes(uint64_t bytes) {
  const auto b = static_cast<double>(bytes);
  if (bytes < 1000) return fmt::format("{} B", bytes);
  if (bytes < 1000'000) return fmt::format("{:.1f} kB", b / 1e3);
  if (bytes < 1000'000'000) return fmt::format("{:.1f} MB", b / 1e6);
  return fmt::format("{:.2f} GB", b / 1e9);
}

std::string Duration(double seconds) {
  const auto s = static_cast<uint64_t>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

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

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : bytes) {
    h ^= static_cast<uint8_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}

Status ParseShard(std::string_view text, Shard* out) {
  const auto bad = [&] {
    return Status::Error(ExitCode::kUsage, "usage",
                         "--shard wants K/N with 1 <= K <= N (as in 2/3), not '" + std::string(text) + "'");
  };
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return bad();
  const auto number = [](std::string_view s, uint64_t* n) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *n);
    return !s.empty() && ec == std::errc() && end == s.data() + s.size();
  };
  Shard shard;
  if (!number(text.substr(0, slash), &shard.index) || !number(text.substr(slash + 1), &shard.count)) return bad();
  if (shard.index < 1 || shard.index > shard.count) return bad();
  *out = shard;
  return Status::Ok();
}

void Tally(const Document& doc, FileResult* r) {
  r->bytes = doc.bytes;
  r->entities = doc.entities.size();
  for (const Entity& e : doc.entities) ++r->entity_types[EntityTypeName(e.type)];
  if (doc.recourse) {
    r->recourse = doc.recourse->kind;
    r->court = doc.recourse->court;
    r->recourse_status = doc.recourse->status;
  }
  r->diagnostics = doc.diagnostics;
}

Status InternalError(const std::exception& e) {
  return Status::Error(ExitCode::kSoftware, "internal_error",
                       std::string("internal error (please report it): ") + e.what());
}

FileResult ProcessInput(const BatchInput& input, const FileReader& reader, const Resources& resources,
                        const AnalyzeOptions& analyze, const ProcessOptions& options) {
  FileResult r;
  std::string record;
  r.status = input.error;
  if (r.status.ok()) {
    try {
      std::string bytes;
      Document doc;
      r.status = reader.Read(input.path, options.max_bytes, &bytes);
      if (r.status.ok()) r.status = Analyze(std::move(bytes), input.path, resources, analyze, &doc);
      if (r.status.ok()) {
        Tally(doc, &r);
        if (options.html) {
          record = RenderHtmlPage(doc);
        } else {
          AppendDocumentJson(doc, options.pretty, &record);
        }
      }
    } catch (const std::exception& e) {
      r = FileResult();
      r.status = InternalError(e);
    }
  }
  if (!r.status.ok()) {
    record.clear();
    if (options.html) {
      record = RenderHtmlErrorPage(input.path, r.status);
    } else {
      AppendErrorJson(input.path, r.status, options.pretty, &record);
    }
  }
  if (!options.html) record += '\n';
  if (options.output_dir.empty()) {
    r.record = std::move(record);
    return r;
  }
  if (!HasOutputFile(input)) return r;  // its error goes to stderr and the summary
  r.write = WriteFileAtomically(OutputPathFor(input, options.output_dir, options.html ? ".html" : ".json"), record);
  r.has_file = r.write.ok();
  if (r.write.code() == "name_too_long") {
    // The file system's limit on one name: this input's error, the run goes on.
    const Status too_long = r.write;
    r = FileResult();
    r.status = too_long;
  }
  return r;
}

std::string OutputNameFor(const BatchInput& input, std::string_view extension) {
  const std::string name = input.walked ? input.rel : input.path == "-" ? "stdin" : std::string(BaseName(input.path));
  return name + std::string(extension);
}

std::string OutputPathFor(const BatchInput& input, const std::string& dir, std::string_view extension) {
  return Join(dir, OutputNameFor(input, extension));
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
  std::string tmp = Join(folder, pattern);
  int fd = mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    if (Status s = MakeFolders(folder); !s.ok()) return s;
    tmp = Join(folder, pattern);
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

Status ParseFailOn(const std::vector<std::string>& words, FailOn* out) {
  FailOn f;
  for (const std::string& w : words) {
    if (w == "error") {
      f.error = true;
    } else if (w == "diagnostic") {
      f.diagnostic = true;
    } else if (w == "no-entities") {
      f.no_entities = true;
    } else if (w == "no-recourse") {
      f.no_recourse = true;
    } else {
      return Status::Error(ExitCode::kUsage, "usage",
                           "--fail-on: unknown condition '" + w + "' (error, diagnostic, no-entities, no-recourse)");
    }
  }
  *out = f;
  return Status::Ok();
}

std::vector<std::string> ConditionsMet(const FailOn& fail_on, const FileResult& r) {
  std::vector<std::string> met;
  if (!r.status.ok()) {
    if (fail_on.error) met.emplace_back("error");
    return met;
  }
  if (fail_on.diagnostic && !r.diagnostics.empty()) met.emplace_back("diagnostic");
  if (fail_on.no_entities && r.entities == 0) met.emplace_back("no-entities");
  if (fail_on.no_recourse && !r.recourse) met.emplace_back("no-recourse");
  return met;
}

void BatchSummary::Add(const FileResult& r) {
  ++files;
  if (!r.status.ok()) {
    ++failed;
    ++failures[r.status.code()];
    return;
  }
  ++documents;
  bytes += r.bytes;
  for (const auto& [type, n] : r.entity_types) entities[type] += n;
  if (r.recourse) {
    ++recourses[*r.recourse];
  } else {
    ++no_recourse;
  }
  if (r.entities == 0) ++no_entities;
  if (!r.diagnostics.empty()) ++with_diagnostics;
  for (const Diagnostic& d : r.diagnostics) ++diagnostics[d.code];
}

nlohmann::ordered_json BatchSummary::ToJson() const {
  const auto object = [](const std::map<std::string, uint64_t>& m) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [k, v] : m) j[k] = v;
    return j;
  };
  nlohmann::ordered_json j;
  j["schema"] = "lexfr-summary/1";
  j["planned"] = planned;
  j["files"] = files;
  j["documents"] = documents;
  j["failed"] = failed;
  j["bytes"] = bytes;
  j["interrupted"] = interrupted;
  j["failures"] = object(failures);
  j["entities"] = object(entities);
  j["recourses"] = object(recourses);
  j["documents_without_entities"] = no_entities;
  j["documents_without_recourse"] = no_recourse;
  j["documents_with_diagnostics"] = with_diagnostics;
  j["diagnostics"] = object(diagnostics);
  return j;
}

std::string BatchSummary::OneLine(double seconds) const {
  std::string line = interrupted ? fmt::format("interrupted after {} of {} files: ", files, planned)
                                 : fmt::format("{} files: ", files);
  line += fmt::format("{} analysed, {} failed", documents, failed);
  if (!failures.empty()) {
    std::string why;
    for (const auto& [code, n] : failures) why += fmt::format("{}{} {}", why.empty() ? "" : ", ", code, n);
    line += " (" + why + ")";
  }
  const double rate = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
  line += fmt::format("; {} in {:.1f} s ({:.1f} MB/s)", HumanBytes(bytes), seconds, rate);
  return line;
}

std::string FormatProgress(uint64_t done, uint64_t total, uint64_t bytes, double seconds) {
  const double rate = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
  const std::string eta =
      done > 0 && seconds > 0 ? Duration(seconds / static_cast<double>(done) * static_cast<double>(total - done))
                              : "-:--";
  return fmt::format("{:>{}}/{} files  {:.1f} MB/s  ETA {}", done, std::to_string(total).size(), total, rate, eta);
}

}  // namespace lexfr
