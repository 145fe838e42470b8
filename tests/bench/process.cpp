#include "process.h"

#include <time.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>

extern char** environ;

namespace lexfr_bench {

ProcessRun RunProcess(const std::vector<std::string>& argv, double limit_seconds) {
  ProcessRun run;
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);

  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int err = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0) {
    run.error = argv[0] + ": " + std::strerror(err);
    return run;
  }
  run.started = true;

  // A watchdog kills a runaway child; the main thread blocks in waitid so the
  // exit is seen at once (polling would round a 5 ms start-up up to the poll
  // interval). WNOWAIT leaves the child unreaped until the watchdog is
  // stopped, so the watchdog can never signal a recycled pid.
  std::mutex mu;
  std::condition_variable cv;
  bool exited = false;
  std::thread watchdog([&] {
    std::unique_lock<std::mutex> lock(mu);
    if (!cv.wait_for(lock, std::chrono::duration<double>(limit_seconds), [&] { return exited; })) {
      kill(pid, SIGKILL);
      run.timed_out = true;
    }
  });
  siginfo_t info{};
  while (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR) {
  }
  const auto end = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(mu);
    exited = true;
  }
  cv.notify_one();
  watchdog.join();
  int status = 0;
  struct rusage usage {};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  if (run.timed_out) run.error = "killed after " + std::to_string(static_cast<int>(limit_seconds)) + " s";
  run.seconds = std::chrono::duration<double>(end - start).count();
  run.max_rss_bytes = static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
  const auto secs = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  run.cpu_seconds = secs(usage.ru_utime) + secs(usage.ru_stime);
  if (WIFEXITED(status)) {
    run.exit_code = WEXITSTATUS(status);
  } else if (run.error.empty()) {
    run.error = "killed by signal " + std::to_string(WTERMSIG(status));
  }
  return run;
}

ProcessRun RunProcessForMemory(const std::string& self, const std::vector<std::string>& argv, double limit_seconds,
                               const std::string& report_file) {
  std::vector<std::string> launcher = {self, kLauncherFlag, report_file};
  launcher.insert(launcher.end(), argv.begin(), argv.end());
  ProcessRun run = RunProcess(launcher, limit_seconds);
  if (!run.error.empty()) return run;
  std::FILE* f = std::fopen(report_file.c_str(), "r");
  int exit_code = -1;
  unsigned long long rss_kib = 0;
  if (f == nullptr || std::fscanf(f, "%d %llu", &exit_code, &rss_kib) != 2) {
    run.error = report_file + ": no report from the launcher";
  }
  if (f != nullptr) std::fclose(f);
  run.exit_code = exit_code;
  run.max_rss_bytes = rss_kib * 1024;
  return run;
}

int RunLauncher(int argc, char** argv) {
  if (argc < 4) return 64;
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[3], nullptr, nullptr, argv + 3, environ) != 0) return 127;
  int status = 0;
  struct rusage usage {};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  std::FILE* f = std::fopen(argv[2], "w");
  if (f == nullptr) return 73;
  std::fprintf(f, "%d %ld\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1, usage.ru_maxrss);
  return std::fclose(f) == 0 ? 0 : 74;
}

bool WriteFile(const std::string& path, const std::string& bytes, std::string* error) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed) *error = path + ": write failed";
  return ok && closed;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace lexfr_bench
