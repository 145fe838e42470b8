// The subcommands, one function per row of the table in cli/cli.cpp, and
// what they share.
//
// In: the Options the command line parsed (cli/options.h), with the
// interrupt handlers installed and the logger set up (RunCli does both
// first). Out: the exit code (lexfr/status.h); documents on standard output
// or -o, messages on stderr.
//
// Thread-safety: each runs once per process, on the main thread; analyze
// starts its own workers (run/ordered.h).
#pragma once

#include <string>
#include <vector>

#include "cli/options.h"
#include "extract/extract.h"
#include "lexfr/status.h"

namespace lexfr {

int RunAnalyze(const Options& options);  // cli/analyze_command.cpp
int RunEmitText(const Options& options);  // analyze --emit-text
int RunTokens(const Options& options);
int RunSchema(const Options& options);
int RunEval(const Options& options);  // cli/eval_command.cpp

// --- what they share --------------------------------------------------------------

// Logs `s` (after `prefix`, as in "--input-jsonl ") and returns its exit code.
int Fail(const Status& s, const std::string& prefix = "");

// A write failure: a closed pipe ends quietly with 0, anything else is
// logged and is 74.
int WriteFailure(const Status& s);

// The PATHs; when none, standard input, but only when something is piped
// into it (else a usage error).
Status ResolveInputs(const Options& options, std::vector<std::string>* inputs);

// The bounds on HTML and PDF extraction: --timeout, and 4 x --max-bytes of
// text (the most a plain text of --max-bytes decodes to is 3x).
ExtractOptions ExtractOptionsOf(const Options& options);

// "path: message", unless the message names the path already (reading
// errors do, decoding errors do not).
std::string Named(const std::string& path, const std::string& message);

}  // namespace lexfr
