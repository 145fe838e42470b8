// SIGINT/SIGTERM -> a flag and a readable self-pipe (run/interrupt.h).
#include "run/interrupt.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include <mutex>

namespace lexfr {
namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signal{0};
std::atomic<int> g_read_fd{-1};
std::atomic<int> g_write_fd{-1};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free ints");

void Raise(int signal_number) {
  int expected = 0;
  g_signal.compare_exchange_strong(expected, signal_number);
  g_interrupted.store(true);
  const int fd = g_write_fd.load();
  if (fd >= 0) {
    const char byte = 1;
    // Non-blocking: one byte is enough to wake every poll(); a full pipe is fine.
    [[maybe_unused]] ssize_t n = write(fd, &byte, 1);
  }
}

void OnSignal(int signal_number) {
  const int saved = errno;
  Raise(signal_number);
  errno = saved;
}

}  // namespace

void InstallInterruptHandlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
      g_read_fd.store(fds[0]);
      g_write_fd.store(fds[1]);
    }
    struct sigaction sa {};
    sa.sa_handler = OnSignal;
    sigemptyset(&sa.sa_mask);
    // SA_RESTART: a read in flight is not cut short with EINTR (it would
    // become a bogus error record); code that must wake up polls InterruptFd().
    // SA_RESETHAND: a second signal kills.
    sa.sa_flags = SA_RESTART | SA_RESETHAND;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
  });
}

bool Interrupted() { return g_interrupted.load(); }
const std::atomic<bool>* InterruptFlag() { return &g_interrupted; }
int InterruptSignal() { return g_signal.load(); }
int InterruptFd() { return g_read_fd.load(); }
void RequestInterruptForTesting(int signal_number) { Raise(signal_number); }

void ResetInterruptForTesting() {
  char buf[64];
  while (g_read_fd.load() >= 0 && read(g_read_fd.load(), buf, sizeof buf) > 0) {
  }
  g_signal.store(0);
  g_interrupted.store(false);
}

}  // namespace lexfr
