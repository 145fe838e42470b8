// Errors as values, and the process exit codes they map to.
//
// Every stage returns a Status (or fills an out-parameter and returns one);
// exceptions from CLI11 and nlohmann are caught at the edges and turned into a
// Status there. The exit codes follow sysexits(3) so scripts can tell a usage
// mistake from a bad input file from a full disk.
//
// Thread-safety: plain values, copy freely.
#pragma once

#include <string>
#include <utility>

namespace lexfr {

enum class ExitCode : int {
  kOk = 0,
  kConditionMet = 1,   // --fail-on condition met (batch runs)
  kUsage = 64,         // bad command line
  kDataErr = 65,       // input undecodable or binary; a PDF or HTML page that cannot be extracted (extract/extract.h)
  kNoInput = 66,       // input missing, unreadable or a folder
  kSoftware = 70,      // internal error: a bug
  kCantCreate = 73,    // output file cannot be created
  kIoErr = 74,         // write error (disk full, ...)
  kConfig = 78,        // malformed user data file (--gazetteer); the PDF module missing
  kInterrupted = 130,  // SIGINT/SIGTERM
};

class Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  // `code` is a short stable machine-readable word ("binary", "not_found");
  // `message` is one human line without a trailing newline.
  static Status Error(ExitCode exit, std::string code, std::string message) {
    return Status(exit, std::move(code), std::move(message));
  }

  bool ok() const { return exit_ == ExitCode::kOk; }
  ExitCode exit_code() const { return exit_; }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const { return ok() ? "OK" : code_ + ": " + message_; }

 private:
  Status(ExitCode exit, std::string code, std::string message)
      : exit_(exit), code_(std::move(code)), message_(std::move(message)) {}
  ExitCode exit_ = ExitCode::kOk;
  std::string code_;
  std::string message_;
};

}  // namespace lexfr
