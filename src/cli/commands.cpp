// tokens, schema, analyze --emit-text, and what the subcommands share
// (cli/commands.h). analyze itself is cli/analyze_command.cpp.
#include "cli/commands.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <memory>

#include "emit/json_record.h"
#include "io/files.h"
#include "io/walk.h"
#include "lexfr/analyze.h"
#include "lexicon/embedded.h"
#include "run/outputs.h"

namespace lexfr {

int Fail(const Status& s, const std::string& prefix) {
  spdlog::error("{}{}", prefix, s.message());
  return static_cast<int>(s.exit_code());
}

int WriteFailure(const Status& s) {
  if (s.code() == "closed_pipe") {
    spdlog::debug("{}", s.message());
    return 0;
  }
  return Fail(s);
}

Status ResolveInputs(const Options& options, std::vector<std::string>* inputs) {
  *inputs = options.inputs;
  if (inputs->empty()) {
    if (isatty(STDIN_FILENO)) {
      return Status::Error(ExitCode::kUsage, "usage", "no input: give a PATH, or '-' to read standard input");
    }
    inputs->push_back("-");
  }
  return Status::Ok();
}

ExtractOptions ExtractOptionsOf(const Options& options) {
  ExtractOptions extract;
  extract.timeout_seconds = options.timeout;
  extract.max_text_bytes = options.max_bytes > SIZE_MAX / 4 ? SIZE_MAX : 4 * options.max_bytes;
  return extract;
}

std::string Named(const std::string& path, const std::string& message) {
  return message.rfind(path + ": ", 0) == 0 ? message : path + ": " + message;
}

namespace {

// The one input of tokens and --emit-text, read and extracted: the text that
// analyze reads (a page's text, not its markup).
Status ExtractOne(const Options& options, const std::string& path, Extracted* out) {
  std::string bytes;
  Status s = CheckRunFiles({{"", path}}, {{"-o", options.output}});
  if (s.ok()) s = DiskReader().Read(path, options.max_bytes, &bytes);
  if (s.ok()) s = Extract(bytes, path, options.input_format, ExtractOptionsOf(options), out);
  return s;
}

// Writes `bytes` whole to -o (standard output by default).
int WriteOutput(const Options& options, std::string_view bytes) {
  std::unique_ptr<Output> out;
  if (Status s = Output::Open(options.output, &out); !s.ok()) return Fail(s);
  Status s = out->Write(bytes);
  if (s.ok()) s = out->Flush();
  return s.ok() ? 0 : WriteFailure(s);
}

}  // namespace

int RunEmitText(const Options& options) {
  std::vector<std::string> inputs;
  if (Status s = ResolveInputs(options, &inputs); !s.ok()) return Fail(s);
  if (inputs.size() != 1 || IsFolder(inputs[0])) {
    spdlog::error("--emit-text takes one file");
    return static_cast<int>(ExitCode::kUsage);
  }
  Extracted extracted;
  if (Status s = ExtractOne(options, inputs[0], &extracted); !s.ok()) {
    return Fail(Status::Error(s.exit_code(), s.code(), Named(inputs[0], s.message())));
  }
  return WriteOutput(options, extracted.decoded.text);
}

int RunTokens(const Options& options) {
  std::vector<std::string> inputs;
  if (Status s = ResolveInputs(options, &inputs); !s.ok()) return Fail(s);
  Document doc;
  doc.path = inputs[0];
  Extracted extracted;
  if (Status s = ExtractOne(options, doc.path, &extracted); !s.ok()) return Fail(s);
  doc.decoded = std::move(extracted.decoded);
  for (const Diagnostic& d : doc.decoded.diagnostics) spdlog::warn("{}: {}: {}", doc.path, d.code, d.message);
  Lexicon lexicon;  // the segmenter's abbreviations
  if (Status s = LoadLexicon(EmbeddedFiles(), {}, &lexicon); !s.ok()) return Fail(s);
  doc.segmentation = Segment(doc.decoded.text, lexicon.abbreviations());
  std::unique_ptr<Output> out;
  if (Status s = Output::Open(options.output, &out); !s.ok()) return Fail(s);
  if (Status s = WriteTokens(doc, out.get()); !s.ok()) return WriteFailure(s);
  return 0;
}

int RunSchema(const Options& options) {
  return WriteOutput(options, EmbeddedFileOrEmpty("data/schema/lexfr.schema.json"));
}

}  // namespace lexfr
