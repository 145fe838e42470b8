// Running the real `lexfr` binary as a whole process, for what only a process
// shows: start-up time and peak resident memory.
//
// In: an argument vector (argv[0] is the binary). Out: the wall time from
// posix_spawn to the child's exit, its exit status and its peak RSS from
// wait4's rusage. Standard output and error go to /dev/null, so the figures
// include writing the JSON but not a terminal's speed.
//
// Thread-safety: call from one thread (it waits for its own child only).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lexfr_bench {

struct ProcessRun {
  bool started = false;    // posix_spawn succeeded
  bool timed_out = false;  // killed after the time limit
  int exit_code = -1;      // when it exited normally; -1 otherwise
  double seconds = 0;      // wall time, spawn to exit
  double cpu_seconds = 0;  // user + system time of the child
  uint64_t max_rss_bytes = 0;
  std::string error;  // why it did not start or did not finish
};

// Runs `argv` and waits at most `limit_seconds` (then kills it with SIGKILL).
ProcessRun RunProcess(const std::vector<std::string>& argv, double limit_seconds);

// The same for a peak-memory figure. Linux folds the peak RSS of the memory a
// process had before exec() into its ru_maxrss, and a child spawned by the
// bench starts out sharing the bench's (over a gigabyte of corpora and
// prepared inputs). So the bench re-executes itself as a small launcher
// (RunLauncher) that spawns `argv` from its own fresh memory and reports the
// child's ru_maxrss through `report_file`.
ProcessRun RunProcessForMemory(const std::string& self, const std::vector<std::string>& argv, double limit_seconds,
                               const std::string& report_file);

// The launcher's side: `argv` is {"--launch-and-report", report_file, command...}.
// Runs the command, writes "<exit code> <max rss KiB>" to report_file.
int RunLauncher(int argc, char** argv);
inline constexpr const char* kLauncherFlag = "--launch-and-report";

// CPU time of the calling thread, in seconds: what every in-process timing of
// the bench reads, so another job on the machine does not count.
double ThreadCpuSeconds();

// Writes `bytes` to `path`; false (and the reason in `error`) on failure.
bool WriteFile(const std::string& path, const std::string& bytes, std::string* error);

}  // namespace lexfr_bench
