#include "run/batch.h"

#include <charconv>

namespace lexfr {

Status ParseShard(std::string_view text, Shard* out) {
  const auto bad = [&] {
    return Status::Error(ExitCode::kUsage, "usage",
                         "wants K/N with 1 <= K <= N (as in 2/3), not '" + std::string(text) + "'");
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

FileResult ProcessInput(const BatchInput& input, const FileReader& reader, const Resources& resources,
                        const AnalyzeOptions& analyze, const ProcessOptions& options) {
  Job job;
  job.path = input.path;
  job.error = input.error;
  FileResult r = RunJob(std::move(job), reader, resources, analyze, options.record);
  if (options.output_dir.empty()) return r;
  if (!HasOutputFile(input)) {  // its error goes to stderr and the summary
    r.record.clear();
    return r;
  }
  const std::string_view extension = RecordExtension(options.record);
  r.write = WriteFileAtomically(OutputPathFor(input, options.output_dir, extension), r.record);
  r.record.clear();
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
  return JoinPath(dir, OutputNameFor(input, extension));
}

}  // namespace lexfr
