// Mapper mode (`analyze --input-jsonl`): JSON Lines documents in, one record
// a line out, in input order: the protocol of Spark's RDD.pipe, Hadoop
// Streaming and most queue consumers.
//
// In: lines `{"id": …, "text": "…"}` (the text itself) or `{"id": …,
// "path": "…"}` (a file to read). Out: for input line N, output line N: the
// document record with source.id, or an error record (same shape as a batch's)
// when the line is no such object or its document cannot be analysed. A text
// document's source.path is "-": like standard input, it has no file. A
// record depends only on its line, never on the line's number, so a stream
// split into chunks and the chunks' outputs concatenated give the output of
// the whole stream.
//
// The pieces:
//   LineReader       a file descriptor -> lines, at most --max-bytes each,
//                    read as they are asked for (memory: one line)
//   ParseMapperLine  one line -> what to analyse, or why not
//   ProcessLine      one line -> its FileResult (record, counts): the line
//                    as a Job, run by RunJob (run/job.h) as a batch's files are
//
// Thread-safety: LineReader is one reader's (RunOrderedPull calls it from one
// thread at a time); ParseMapperLine and ProcessLine are free functions that
// may run on many threads at once with the same reader and resources.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "io/files.h"
#include "lexfr/analyze.h"
#include "lexfr/status.h"
#include "run/job.h"

namespace lexfr {

// One line of the stream, without its '\n' (nor a '\r' before it).
struct RawLine {
  std::string bytes;
  bool too_long = false;  // longer than the limit: `bytes` is empty, the rest skipped
};

class LineReader {
 public:
  // Reads `fd` (closed at the end when `owned`); `name` is for messages.
  LineReader(int fd, bool owned, std::string name, size_t max_line);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // "-" is standard input; anything else is opened (kNoInput when it
  // cannot be, or is a folder). A FIFO opens at once, without its writer.
  static Status Open(const std::string& path, size_t max_line, std::unique_ptr<LineReader>* out);

  // The next line; false at the end of the input (a last line without '\n'
  // still counts), on a read error, or when a signal came while it waited
  // for bytes (run/interrupt.h): then status() says which ("interrupted"
  // for a signal). Never blocks past a signal.
  bool Next(RawLine* line);
  const Status& status() const { return status_; }
  const std::string& name() const { return name_; }
  // The file being read (a path document naming it is refused: the stream
  // itself); nullopt when fstat fails.
  std::optional<FileId> id() const;

 private:
  bool Fill();  // reads more into buffer_; false at the end or on error
  int fd_;
  bool owned_;
  std::string name_;
  size_t max_line_;
  std::string buffer_;
  size_t start_ = 0;  // where the unread bytes of buffer_ begin
  bool eof_ = false;
  Status status_;
};

// What one line asks for.
struct MapperDoc {
  // The line's "id" as JSON text: a string or a number as given (numbers
  // as nlohmann prints them back), "null" when absent or unreadable.
  std::string id = "null";
  bool has_path = false;  // a path document; else a text document
  std::string text;       // the text document's UTF-8 bytes
  std::string path;       // the file of a path document
  // Not OK: the line is no document (codes "not_json", "bad_line"); the
  // output is an error record.
  Status error;
};

// Reads one line: a JSON object with "text" (a string) or "path" (a non-empty
// string other than "-"), not both, and optionally "id" (a string, a number
// or null). Other members are ignored.
MapperDoc ParseMapperLine(std::string_view line);

struct LineOptions {
  size_t max_bytes = kDefaultMaxBytes;  // of a path document's file (the line's own limit is LineReader's)
  // Read the files of path documents (default true: --input-jsonl-paths
  // allow); when false each is the error "paths_denied", nothing is opened.
  bool allow_paths = true;
  // What a record is (never indented, never a page: one record a line, or a
  // table's rows); max_bytes above is the one that counts.
  RecordOptions record{};
};

// One line -> its record (with newline) and counts. A path document is read
// with `reader` (which decides what files it may read: see DiskReader's
// PathPolicy). Never throws: any exception while the line is read or
// analysed is its error record ("internal_error"), and the stream goes on.
FileResult ProcessLine(const RawLine& line, const FileReader& reader, const Resources& resources,
                       const AnalyzeOptions& analyze, const LineOptions& options);

}  // namespace lexfr
