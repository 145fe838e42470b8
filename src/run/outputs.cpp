// Outputs that never destroy inputs (run/outputs.h).
#include "run/outputs.h"

#include <sys/stat.h>

#include <map>
#include <optional>
#include <set>
#include <unordered_set>

namespace lexfr {
namespace {

struct Stat {
  bool exists = false;
  struct stat st {};
};

Stat StatOf(const std::string& path) {
  Stat s;
  s.exists = stat(path.c_str(), &s.st) == 0;
  return s;
}

bool IsStream(const struct stat& st) { return S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode); }

std::string Id(const struct stat& st) { return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino); }

std::string Shown(const RunFile& f) { return f.option.empty() ? f.path : f.option + " " + f.path; }

// "a//b/./c" -> "a/b/c": the path a folder that does not exist yet would give.
std::string Lexical(const std::string& path) {
  std::string out;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    const std::string_view part(path.data() + i, j - i);
    if (part == "." || (part.empty() && i > 0)) {
      i = j + 1;
      continue;
    }
    if (!out.empty() && out.back() != '/') out += '/';
    out.append(part);
    if (part.empty()) out += '/';  // the root
    i = j + 1;
  }
  return out;
}

// Which file an output will be: its inode when it exists, else its name in
// its folder's inode, else (no folder yet) its path made lexical.
std::string WouldBe(const std::string& path, const Stat& s) {
  if (s.exists) return "id " + Id(s.st);
  const size_t slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  const Stat f = StatOf(folder);
  if (f.exists) return "in " + Id(f.st) + " " + path.substr(slash + 1);
  return "path " + Lexical(path);
}

Status Usage(const std::string& message) { return Status::Error(ExitCode::kUsage, "usage", message); }

}  // namespace

Status CheckRunFiles(const std::vector<RunFile>& reads, const std::vector<RunFile>& writes) {
  // Outputs: each is one file, no folder, and none of them twice.
  std::map<std::string, const RunFile*> written;  // WouldBe -> its output
  std::map<std::string, const RunFile*> existing;  // Id -> an output that is a regular file already
  for (const RunFile& w : writes) {
    if (w.path == "-") continue;
    const Stat s = StatOf(w.path);
    if (s.exists && S_ISDIR(s.st.st_mode)) return Usage(Shown(w) + " is a folder: give a file");
    if (s.exists && S_ISCHR(s.st.st_mode)) continue;  // /dev/null, /dev/full: nothing to destroy
    const auto [it, fresh] = written.emplace(WouldBe(w.path, s), &w);
    if (!fresh) {
      return Usage(Shown(*it->second) + " and " + Shown(w) + " are the same file: give each its own");
    }
    if (s.exists && S_ISREG(s.st.st_mode)) existing.emplace(Id(s.st), &w);
  }
  // Inputs: none of them an output, and no stream read twice.
  std::map<std::string, const RunFile*> streams;  // Id -> its first read
  const RunFile* stdin_read = nullptr;
  struct stat stdin_st {};
  const bool stdin_is_stream = fstat(0, &stdin_st) == 0 && IsStream(stdin_st);
  for (const RunFile& r : reads) {
    if (r.path == "-") {
      if (stdin_read != nullptr) {
        return Usage("standard input is read twice (" + Shown(*stdin_read) + " and " + Shown(r) +
                     "): the two would split its bytes; give it once");
      }
      stdin_read = &r;
      if (stdin_is_stream) streams.emplace(Id(stdin_st), &r);
      if (const auto out = existing.find(Id(stdin_st)); out != existing.end()) {  // lexfr - -o x < x
        return Usage(Shown(*out->second) + " is standard input" +
                     ": writing it would destroy it before it is read; give another output");
      }
      continue;
    }
    if (!r.maybe_stream && existing.empty()) continue;  // a walked file, and nothing to overwrite
    const Stat s = StatOf(r.path);
    if (!s.exists) continue;  // reading it will say why
    if (const auto out = existing.find(Id(s.st)); out != existing.end()) {
      return Usage(Shown(*out->second) + " is the input " + Shown(r) +
                   ": writing it would destroy it before it is read; give another output");
    }
    if (IsStream(s.st)) {
      const auto [it, fresh] = streams.emplace(Id(s.st), &r);
      if (!fresh) {
        return Usage(Shown(*it->second) + " and " + Shown(r) +
                     " are the same stream, read twice: the two would split its bytes; give it once");
      }
    }
  }
  return Status::Ok();
}

Status CheckOutputFolder(const std::vector<BatchInput>& inputs, const std::string& dir, std::string_view extension,
                         bool index) {
  const std::string where = "-o " + dir + ": ";
  const BatchInput* const kIndex = nullptr;  // stands for DIR/index.html
  const auto describe = [&](const BatchInput* in) {
    return in == kIndex ? "the index of the run (" + dir + (dir.back() == '/' ? "" : "/") + "index.html)"
                        : in->path + " (" + OutputPathFor(*in, dir, extension) + ")";
  };
  std::map<std::string, const BatchInput*> seen;  // name relative to dir -> its input
  if (index) seen.emplace("index.html", kIndex);
  for (const BatchInput& in : inputs) {
    if (!HasOutputFile(in)) continue;
    const auto [it, fresh] = seen.emplace(OutputNameFor(in, extension), &in);
    if (!fresh) {
      const std::string other = it->second == kIndex ? "the index of the run" : it->second->path;
      return Usage(where + other + " and " + in.path + " would both be written to " +
                   OutputPathFor(in, dir, extension) + "; give them in separate runs");
    }
  }
  // A file where another output needs a folder: "a.json" (from the file
  // "a") and "a.json/x.txt.json" (from the folder "a.json").
  for (const auto& [name, in] : seen) {
    for (size_t slash = name.find('/'); slash != std::string::npos; slash = name.find('/', slash + 1)) {
      const auto file = seen.find(name.substr(0, slash));
      if (file == seen.end()) continue;
      return Usage(where + "the file of " + describe(file->second) + " stands where " + describe(in) +
                   " needs a folder; give them in separate runs");
    }
  }
  return Status::Ok();
}

}  // namespace lexfr
