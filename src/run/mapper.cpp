#include "run/mapper.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>


namespace lexfr {
namespace {

constexpr size_t kReadChunk = size_t{1} << 16;

Status BadLine(std::string message) { return Status::Error(ExitCode::kDataErr, "bad_line", std::move(message)); }

// nlohmann's message without its prefix ("[json.exception.parse_error.101]
// parse error at line 1, column 3: "), which repeats what the byte says.
std::string ParseErrorMessage(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  const size_t column = what.find("column ");
  const size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
  if (colon != std::string::npos) what.erase(0, colon + 2);
  // "; last read: '…'" quotes the input, which may be invalid UTF-8.
  if (const size_t last = what.find("; last read:"); last != std::string::npos) what.erase(last);
  return "not JSON (at byte " + std::to_string(e.byte) + "): " + what;
}

// nlohmann's message without its "[json.exception.out_of_range.406] ".
std::string WithoutPrefix(std::string what) {
  if (what.rfind("[json.exception.", 0) == 0) {
    if (const size_t end = what.find("] "); end != std::string::npos) what.erase(0, end + 2);
  }
  return what;
}

// "an object", "a string": the JSON type of `j` in a sentence.
std::string TypeOf(const nlohmann::json& j) {
  const std::string name = j.type_name();
  return (name[0] == 'a' || name[0] == 'o' ? "an " : "a ") + name;
}

Status PathsDenied(const std::string& path) {
  return Status::Error(ExitCode::kDataErr, "paths_denied",
                       path + ": \"path\" documents are refused (--input-jsonl-paths deny): give the text as \"text\"");
}

}  // namespace

LineReader::LineReader(int fd, bool owned, std::string name, size_t max_line)
    : fd_(fd), owned_(owned), name_(std::move(name)), max_line_(max_line) {}

LineReader::~LineReader() {
  if (owned_) close(fd_);
}

Status LineReader::Open(const std::string& path, size_t max_line, std::unique_ptr<LineReader>* out) {
  if (path == "-") {
    out->reset(new LineReader(STDIN_FILENO, false, "standard input", max_line));
    return Status::Ok();
  }
  // O_NONBLOCK: a FIFO opens without waiting for its writer; Fill() waits
  // in poll(), where a signal ends the wait.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) return Status::Error(ExitCode::kNoInput, "not_found", path + ": no such file");
    return Status::Error(ExitCode::kNoInput, "unreadable", path + ": " + std::strerror(err));
  }
  struct stat st {};
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    return Status::Error(ExitCode::kNoInput, "is_directory", path + ": is a folder");
  }
  out->reset(new LineReader(fd, true, path, max_line));
  return Status::Ok();
}

std::optional<FileId> LineReader::id() const { return IdOfFd(fd_); }

bool LineReader::Fill() {
  if (eof_ || !status_.ok()) return false;
  // Drop what has been handed out, so the buffer holds one line at most.
  buffer_.erase(0, start_);
  start_ = 0;
  const size_t old = buffer_.size();
  buffer_.resize(old + kReadChunk);
  ssize_t n = -1;
  while (status_.ok()) {
    // Not on a bare read(): a quiet writer would hold the run past a signal.
    status_ = WaitReadable(fd_, name_);
    if (!status_.ok()) break;
    n = read(fd_, buffer_.data() + old, kReadChunk);
    if (n >= 0) break;
    if (errno != EINTR && errno != EAGAIN) {
      status_ = Status::Error(ExitCode::kNoInput, "unreadable", name_ + ": " + std::strerror(errno));
    }
  }
  if (n == 0) eof_ = true;
  buffer_.resize(old + static_cast<size_t>(n > 0 ? n : 0));
  return n > 0;
}

bool LineReader::Next(RawLine* line) {
  line->bytes.clear();
  line->too_long = false;
  size_t scanned = start_;  // no '\n' in buffer_[start_, scanned)
  for (;;) {
    const size_t nl = buffer_.find('\n', scanned);
    const size_t end = nl == std::string::npos ? buffer_.size() : nl;
    if (end - start_ > max_line_) {
      // Too long: forget what was read of it, and skip to its end.
      line->too_long = true;
      start_ = end;
    }
    if (nl != std::string::npos) {
      if (!line->too_long) line->bytes.assign(buffer_, start_, nl - start_);
      start_ = nl + 1;
      if (!line->bytes.empty() && line->bytes.back() == '\r') line->bytes.pop_back();
      return true;
    }
    scanned = buffer_.size() - start_;  // offsets move: Fill() drops the first start_ bytes
    if (!Fill()) {
      // A line cut short by a read error or a signal is no line.
      if (!status_.ok()) return false;
      // The last line, without a '\n'.
      if (buffer_.size() == start_ && !line->too_long) return false;
      if (!line->too_long) line->bytes.assign(buffer_, start_, std::string::npos);
      start_ = buffer_.size();
      if (!line->bytes.empty() && line->bytes.back() == '\r') line->bytes.pop_back();
      return true;
    }
  }
}

MapperDoc ParseMapperLine(std::string_view line) {
  MapperDoc d;
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
    d.error = BadLine("empty line: each line is one JSON object");
    return d;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    d.error = Status::Error(ExitCode::kDataErr, "not_json", ParseErrorMessage(e));
    return d;
  } catch (const nlohmann::json::exception& e) {
    // JSON that nlohmann cannot hold: a number beyond a double (-1e309) is
    // out_of_range.406, anywhere in the line, even in a member ignored.
    d.error = BadLine("cannot be read: " + WithoutPrefix(e.what()));
    return d;
  }
  if (!j.is_object()) {
    d.error = BadLine(TypeOf(j) + ", not a JSON object {\"id\": …, \"text\": …}");
    return d;
  }
  // The id first, so that the error record of a line with one carries it.
  if (const auto id = j.find("id"); id != j.end()) {
    if (!id->is_string() && !id->is_number() && !id->is_null()) {
      d.error = BadLine("\"id\" is " + TypeOf(*id) + ": give a string or a number");
      return d;
    }
    d.id = id->dump();
  }
  const auto text = j.find("text");
  const auto path = j.find("path");
  if (text != j.end() && path != j.end()) {
    d.error = BadLine("both \"text\" and \"path\": give one");
  } else if (text != j.end()) {
    if (!text->is_string()) {
      d.error = BadLine("\"text\" is " + TypeOf(*text) + ", not a string");
    } else {
      d.text = std::move(text->get_ref<std::string&>());
    }
  } else if (path != j.end()) {
    d.has_path = true;
    if (!path->is_string() || path->get_ref<const std::string&>().empty()) {
      d.error = BadLine("\"path\" must be a non-empty string");
    } else if (path->get_ref<const std::string&>() == "-") {
      // Standard input may be the stream itself.
      d.error = BadLine("\"path\" cannot be \"-\": give the text as \"text\"");
    } else {
      d.path = std::move(path->get_ref<std::string&>());
    }
  } else {
    d.error = BadLine("no \"text\" and no \"path\"");
  }
  return d;
}

namespace {

// What a line asks for, as a job: its text, or its file when paths are
// allowed. A path document is printed with its path, anything else with "-".
Job JobOf(const RawLine& line, const LineOptions& options) {
  Job job;
  job.id = "null";
  if (line.too_long) {
    job.error = Status::Error(ExitCode::kDataErr, "too_large",
                              "line longer than --max-bytes (" + std::to_string(options.max_bytes) + " bytes)");
    return job;
  }
  MapperDoc d = ParseMapperLine(line.bytes);
  job.id = std::move(d.id);
  job.error = std::move(d.error);
  if (!d.has_path) {
    if (job.error.ok()) job.text = std::move(d.text);
  } else if (!d.path.empty()) {
    job.path = std::move(d.path);
    if (job.error.ok() && !options.allow_paths) job.error = PathsDenied(job.path);
  }
  return job;
}

}  // namespace

FileResult ProcessLine(const RawLine& line, const FileReader& reader, const Resources& resources,
                       const AnalyzeOptions& analyze, const LineOptions& options) {
  Job job;
  job.id = "null";
  try {
    job = JobOf(line, options);
  } catch (const std::exception& e) {
    // Whatever went wrong with this line is its record's error, never the
    // end of the stream (run/job.h, InternalError).
    job.error = InternalError(e);
  }
  RecordOptions record = options.record;
  record.max_bytes = options.max_bytes;
  return RunJob(std::move(job), reader, resources, analyze, record);
}

}  // namespace lexfr
