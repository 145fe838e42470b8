// The command line: subcommands from one table, options parsed with CLI11,
// logs on stderr through spdlog, exit codes from lexfr/status.h.
#pragma once

namespace lexfr {

// Runs lexfr with the process arguments; returns the exit code.
int RunCli(int argc, char** argv);

// The commit lexfr was built from, "-dirty" after it when tracked files had
// changed, or "unknown" outside a git clone; written at every build
// (src/cli/commit_stamp.cmake).
const char* BuiltCommit();

}  // namespace lexfr
