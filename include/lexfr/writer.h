// Stage 6, emit: Documents -> bytes on an output, through a Sink.
//
// A Sink receives analysed documents (or per-file errors) in order and writes
// them in one format; JSON (one object) and JSON Lines (one object a line)
// are the two here. Writers never print anything but the format itself.
//
// Wire format (one document, abridged; the JSON Schema is data/schema/):
//   {"schema":"lexfr/1",
//    "source":{"path":"a.txt","bytes":4351,"sha256":"…","encoding":"UTF-8","bom":false},
//    "language":"fr","stats":{"sentences":31,"tokens":742,"characters":4290,"entities":22},
//    "entities":[{"type":"ORG","canonical":"CNIL","subtype":"regulator","aliases":["Cnil"],
//                 "mentions":[{"text":"Cnil","start":140,"end":144,"byte_start":142,
//                              "byte_end":146,"sentence":1}]}],
//    "recourse":null,"quotes":[],"diagnostics":[]}
// An input that could not be analysed is one error record instead:
//   {"schema":"lexfr/1","source":{"path":"x.bin"},"error":{"code":"binary","message":"…"}}
//
// Thread-safety: one Sink and one Output per thread of writing.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "lexfr/analyze.h"
#include "lexfr/status.h"

namespace lexfr {

inline constexpr std::string_view kSchemaVersion = "lexfr/1";

// A file descriptor with a buffer and errors as values: a closed pipe gives
// code "closed_pipe" (callers end quietly), a full disk kIoErr.
class Output {
 public:
  // "-" is standard output. Fails with kCantCreate.
  static Status Open(const std::string& path, std::unique_ptr<Output>* out);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  Status Write(std::string_view bytes);
  Status Flush();
  bool is_terminal() const { return terminal_; }

 private:
  Output(int fd, bool owned, std::string path);
  int fd_;
  bool owned_;
  bool terminal_;
  std::string path_;
  std::string buffer_;
  Status failed_;
};

nlohmann::ordered_json DocumentToJson(const Document& doc);
nlohmann::ordered_json ErrorToJson(const std::string& path, const Status& status);
nlohmann::ordered_json RecourseToJson(const Recourse& recourse);

// Serialises without ever failing: invalid UTF-8 (only possible in paths) is
// replaced by U+FFFD.
std::string Dump(const nlohmann::ordered_json& j, bool pretty);

class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status Add(const Document& doc) = 0;
  virtual Status AddError(const std::string& path, const Status& error) = 0;
  virtual Status Finish() = 0;
};

// One JSON object per document, each followed by a newline; pretty-printed
// when `pretty`. With one document this is plain JSON; with several, JSON
// Lines (when not pretty).
std::unique_ptr<Sink> MakeJsonSink(Output* out, bool pretty);

// The tokens of one document as JSON Lines (the `tokens` subcommand).
Status WriteTokens(const Document& doc, Output* out);

}  // namespace lexfr
