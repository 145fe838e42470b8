// The command line: subcommands from one table, options parsed with CLI11,
// logs on stderr through spdlog, exit codes from lexfr/status.h.
#pragma once

namespace lexfr {

// Runs lexfr with the process arguments; returns the exit code.
int RunCli(int argc, char** argv);

}  // namespace lexfr
