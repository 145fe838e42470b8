// A parser in a child process with hard limits (extract/cage.h).
#include "extract/cage.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <new>

#include "run/interrupt.h"

#if defined(__SANITIZE_ADDRESS__)
#define LEXFR_CAGE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LEXFR_CAGE_ASAN 1
#endif
#endif

namespace lexfr {
namespace {

// How a server tells what stopped it, when not a signal.
constexpr int kExitOutOfMemory = 86;
constexpr int kExitException = 87;
constexpr int kExitOrphan = 88;

bool g_in_child = false;
using Clock = std::chrono::steady_clock;
// A server that neither uses CPU time nor answers for this long is stuck.
constexpr double kStallSeconds = 3;
std::atomic<uint64_t> g_generation{0};  // CageModulesChanged()

struct RequestHeader {
  uint64_t handler;  // a CageHandler of this program
  uint64_t cpu_milliseconds;
  uint64_t memory_bytes;  // 0: no limit
  uint64_t size;          // of the request that follows
};

struct AnswerHeader {
  uint64_t size;  // of the answer that follows
  uint64_t cpu_microseconds;  // the server's, all requests so far
  uint64_t retiring;          // the server exits after this answer
};

uint64_t SaturatingAdd(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

double CpuSeconds(const rusage& u) {
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

bool ReadExactly(int fd, void* data, size_t size) {
  auto* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// Sends `head` then `body`, in one system call when the socket takes them
// at once; no SIGPIPE when the other end is gone: false instead.
bool SendAll(int fd, std::string_view head, std::string_view body) {
  while (!head.empty() || !body.empty()) {
    iovec parts[2] = {{const_cast<char*>(head.data()), head.size()}, {const_cast<char*>(body.data()), body.size()}};
    msghdr message{};
    message.msg_iov = head.empty() ? parts + 1 : parts;
    message.msg_iovlen = head.empty() ? 1 : 2;
    const ssize_t n = sendmsg(fd, &message, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    const size_t from_head = std::min(head.size(), static_cast<size_t>(n));
    head.remove_prefix(from_head);
    body.remove_prefix(static_cast<size_t>(n) - from_head);
  }
  return true;
}

template <class T>
std::string_view BytesOf(const T& value) {
  return {reinterpret_cast<const char*>(&value), sizeof value};
}

// --- the server ------------------------------------------------------------------

// Every descriptor but `keep` (and 0-2) closed: a sibling server's socket
// inherited at the fork would otherwise keep that sibling alive after its
// thread closed it.
void CloseAllBut(int keep) {
  bool done = false;
#ifdef SYS_close_range
  done = (keep <= 3 || syscall(SYS_close_range, 3u, static_cast<unsigned>(keep - 1), 0u) == 0) &&
         syscall(SYS_close_range, static_cast<unsigned>(keep + 1), ~0u, 0u) == 0;
#endif
  if (done) return;
  rlimit files{};
  const rlim_t most = getrlimit(RLIMIT_NOFILE, &files) == 0 ? std::min<rlim_t>(files.rlim_cur, 65536) : 1024;
  for (int fd = 3; fd < static_cast<int>(most); ++fd) {
    if (fd != keep) close(fd);
  }
}

// What /proc/self/statm says, in bytes (0 when it cannot be read).
struct Memory {
  uint64_t address_space = 0;
  uint64_t resident = 0;
};

Memory ReadMemory() {
  Memory m;
  const int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return m;
  char buf[128];
  const ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  const auto page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  ssize_t i = 0;
  for (uint64_t* field : {&m.address_space, &m.resident}) {
    for (; i < n && buf[i] >= '0' && buf[i] <= '9'; ++i) *field = *field * 10 + static_cast<uint64_t>(buf[i] - '0');
    *field *= page;
    ++i;  // the space
  }
  return m;
}

// What a server's limits rest on, kept from one request to the next so that
// a request costs two setrlimit() calls and no more.
struct Usage {
  double cpu_seconds = 0;
  Memory memory;
  rlimit cpu_hard{}, as_hard{};
};

// The request's limits, on top of what the server has used and holds.
void SetRequestLimits(const RequestHeader& h, const Usage& u) {
  // SIGXCPU, whose default action ends the server, at the soft limit.
  rlimit cpu = u.cpu_hard;
  cpu.rlim_cur = static_cast<rlim_t>(std::ceil(u.cpu_seconds + static_cast<double>(h.cpu_milliseconds) / 1000));
  if (cpu.rlim_max != RLIM_INFINITY) cpu.rlim_cur = std::min(cpu.rlim_cur, cpu.rlim_max);
  setrlimit(RLIMIT_CPU, &cpu);
#ifndef LEXFR_CAGE_ASAN
  rlimit as = u.as_hard;
  const uint64_t now = u.memory.address_space;
  if (h.memory_bytes != 0 && now != 0) as.rlim_cur = static_cast<rlim_t>(SaturatingAdd(now, h.memory_bytes));
  if (as.rlim_max != RLIM_INFINITY) as.rlim_cur = std::min(as.rlim_cur, as.rlim_max);
  setrlimit(RLIMIT_AS, &as);
#endif
}

[[noreturn]] void Serve(int fd, pid_t parent) {
  g_in_child = true;
  for (int sig : {SIGINT, SIGTERM, SIGPIPE, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGXCPU}) signal(sig, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(kExitOrphan);  // the parent died before prctl
  if (const int null = open("/dev/null", O_RDWR | O_CLOEXEC); null >= 0) {
    dup2(null, STDIN_FILENO);
    dup2(null, STDOUT_FILENO);
  }
  CloseAllBut(fd);
  const rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  Usage usage;
  getrlimit(RLIMIT_CPU, &usage.cpu_hard);
  getrlimit(RLIMIT_AS, &usage.as_hard);
  usage.memory = ReadMemory();
  // The parent's memory at the fork stays in this process (copy-on-write)
  // until it exits: a server forked while large documents were in flight
  // retires after one request rather than hold them.
  const uint64_t inherited = usage.memory.resident;
  std::string request, answer;
  for (uint64_t served = 1;; ++served) {
    RequestHeader h{};
    if (!ReadExactly(fd, &h, sizeof h)) _exit(0);  // the thread closed its end
    SetRequestLimits(h, usage);
    try {
      request.resize(h.size);
      if (!ReadExactly(fd, request.data(), request.size())) _exit(0);
      answer = reinterpret_cast<CageHandler>(h.handler)(request);
    } catch (const std::bad_alloc&) {
      _exit(kExitOutOfMemory);
    } catch (...) {
      _exit(kExitException);
    }
    std::string().swap(request);
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    usage.cpu_seconds = CpuSeconds(self);
    usage.memory = ReadMemory();
    const uint64_t resident = usage.memory.resident;
    const bool retiring = served >= kServerRequests || inherited > kServerResident ||
                          (resident > inherited && resident - inherited > kServerResident);
    const AnswerHeader a{answer.size(), static_cast<uint64_t>(usage.cpu_seconds * 1e6), retiring ? 1u : 0u};
    if (!SendAll(fd, BytesOf(a), answer) || retiring) _exit(0);
    std::string().swap(answer);
  }
}

// --- the thread's side -------------------------------------------------------------

std::string SignalName(int sig) {
  if (const char* abbrev = sigabbrev_np(sig)) return std::string("SIG") + abbrev;
  return "signal " + std::to_string(sig);
}

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

// This thread's server: forked on demand, reaped when it fails or retires.
class Server {
 public:
  Server() = default;
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server() { Stop(false); }

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  int fd() const { return fd_; }
  uint64_t generation() const { return generation_; }
  double cpu_seconds() const { return cpu_seconds_; }
  void set_cpu_seconds(double s) { cpu_seconds_ = s; }

  bool Start(std::string* why) {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
      *why = Errno("socketpair");
      return false;
    }
    const pid_t parent = getpid();
    pid_t pid;
    {
      const std::shared_lock lock(ForkLock());
      generation_ = g_generation.load();
      pid = fork();
      if (pid == 0) {
        close(fds[0]);
        Serve(fds[1], parent);
      }
    }
    const int saved = errno;
    close(fds[1]);
    if (pid < 0) {
      close(fds[0]);
      errno = saved;
      *why = Errno("fork");
      return false;
    }
    pid_ = pid;
    fd_ = fds[0];
    cpu_seconds_ = 0;
    return true;
  }

  // Ends the server (SIGKILL first when `kill`), and reaps it: its wait
  // status, and its resource use in *usage.
  int Stop(bool kill_first, rusage* usage = nullptr) {
    if (!running()) return 0;
    if (kill_first) kill(pid_, SIGKILL);
    close(fd_);  // an idle server reads its end and exits
    int status = 0;
    rusage u{};
    while (wait4(pid_, &status, 0, &u) < 0 && errno == EINTR) {
    }
    if (usage != nullptr) *usage = u;
    pid_ = -1;
    fd_ = -1;
    return status;
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  uint64_t generation_ = 0;
  double cpu_seconds_ = 0;  // the server's CPU time at its last answer
};

thread_local Server t_server;

bool Send(const Server& server, const RequestHeader& h, std::string_view request) {
  return SendAll(server.fd(), BytesOf(h), request);
}

// Appends what the socket holds now, up to `want` bytes in all; false at
// its end.
bool Drain(int fd, size_t want, std::string* out) {
  char chunk[1 << 16];
  const size_t size = want > out->size() ? std::min(want - out->size(), sizeof chunk) : sizeof chunk;
  ssize_t n;
  do {
    n = recv(fd, chunk, size, MSG_DONTWAIT);
  } while (n < 0 && errno == EINTR);
  if (n > 0) out->append(chunk, static_cast<size_t>(n));
  if (n == 0) return false;
  return n > 0 || errno == EAGAIN || errno == EWOULDBLOCK;  // an error ends the reading like the end
}

// How the server's end reads, when this side did not end it.
void Classify(int status, CageResult* r) {
  if (WIFEXITED(status)) {
    const int code = WEXITSTATUS(status);
    r->end = code == kExitOutOfMemory ? CageEnd::kOutOfMemory : CageEnd::kCrashed;
    r->detail = code == kExitException ? "an exception" : "exit status " + std::to_string(code);
    return;
  }
  const int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  if (sig == SIGXCPU) {
    r->end = CageEnd::kTimedOut;
    r->detail = Seconds(r->cpu_seconds) + " of CPU";
    return;
  }
  r->end = CageEnd::kCrashed;
  r->detail = SignalName(sig);
}

// A server's CPU time so far, in clock ticks, from /proc/PID/stat; -1 when
// it cannot be read.
long long ProcessTicks(pid_t pid) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/stat", static_cast<int>(pid));
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char buf[512];
  const ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return -1;
  buf[n] = '\0';
  // "pid (name) state ppid ...": utime and stime are the 12th and 13th
  // fields after the name, which may hold spaces and parentheses.
  const char* p = std::strrchr(buf, ')');
  if (p == nullptr) return -1;
  long long ticks = 0;
  for (int field = 0; field < 13 && p != nullptr; ++field) {
    p = std::strchr(p + 1, ' ');
    if (p != nullptr && field >= 11) ticks += std::strtoll(p + 1, nullptr, 10);
  }
  return p == nullptr ? -1 : ticks;
}

enum class Wait { kAnswer, kClosed, kTimedOut, kStalled, kTooMuchOutput, kInterrupted };

// Reads the answer to the request just sent into `buffer` (its header into
// `a`), until it is whole or something else happens: the server closed its
// end (it died), the deadline passed, the server made no progress (no CPU
// time, no bytes) for kStallSeconds, the answer is too long, or a signal
// came.
Wait AwaitAnswer(const Server& server, const CageLimits& limits, Clock::time_point deadline, std::string* buffer,
                 AnswerHeader* a) {
  bool have_header = false;
  long long ticks = ProcessTicks(server.pid());
  auto progress = Clock::now();
  for (bool open = true;;) {
    if (!have_header && buffer->size() >= sizeof *a) {
      std::memcpy(a, buffer->data(), sizeof *a);
      have_header = true;
      if (a->size > limits.max_output) return Wait::kTooMuchOutput;
      buffer->reserve(sizeof *a + a->size);
    }
    if (have_header && buffer->size() >= sizeof *a + a->size) return Wait::kAnswer;
    if (!open) return Wait::kClosed;
    const auto now = Clock::now();
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count();
    if (left <= 0) return Wait::kTimedOut;
    pollfd watch[2] = {{server.fd(), POLLIN, 0}, {InterruptFd(), POLLIN, 0}};
    const int n = poll(watch, 2, static_cast<int>(std::min<long long>(left, 1000)));
    if (Interrupted()) return Wait::kInterrupted;
    if (n > 0 && watch[0].revents != 0) {
      const size_t before = buffer->size();
      open = Drain(server.fd(), have_header ? sizeof *a + a->size : sizeof *a, buffer);
      if (buffer->size() != before) progress = Clock::now();
    } else if (n == 0) {
      if (const long long t = ProcessTicks(server.pid()); t != ticks) {
        ticks = t;
        progress = Clock::now();
      } else if (Clock::now() - progress >= std::chrono::duration<double>(kStallSeconds)) {
        return Wait::kStalled;
      }
    } else if (n < 0 && errno != EINTR) {
      open = false;
    }
  }
}

}  // namespace

std::shared_mutex& ForkLock() {
  static std::shared_mutex lock;
  return lock;
}

void CageModulesChanged() { ++g_generation; }

bool InCagedChild() { return g_in_child; }

void ExitCagedOutOfMemory() { _exit(kExitOutOfMemory); }

CageResult RunCaged(CageHandler handler, std::string_view request, const CageLimits& limits) {
  CageResult r;
  if (Interrupted()) {
    r.end = CageEnd::kInterrupted;
    return r;
  }
  Server& server = t_server;
  if (server.running() && server.generation() != g_generation.load()) server.Stop(false);
  RequestHeader h{};
  h.handler = reinterpret_cast<uint64_t>(handler);
  h.cpu_milliseconds = static_cast<uint64_t>(std::ceil(std::max(0.001, limits.cpu_seconds) * 1000));
  // The request itself is held in the server too.
  h.memory_bytes = limits.memory_bytes == 0 ? 0 : SaturatingAdd(limits.memory_bytes, request.size());
  h.size = request.size();
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(std::max(0.0, limits.wall_seconds)));
  for (int attempt = 0;; ++attempt) {
    for (;;) {
      if (!server.running()) {
        if (!server.Start(&r.detail)) return r;
        r.fresh = true;
      }
      if (Send(server, h, request)) break;
      // Gone since its last answer (killed from outside): once more with a new one.
      server.Stop(true);
      if (r.fresh) {
        r.end = CageEnd::kCrashed;
        r.detail = "the server did not take the request";
        return r;
      }
    }
    std::string buffer;
    AnswerHeader a{};
    const Wait wait = AwaitAnswer(server, limits, deadline, &buffer, &a);
    if (wait == Wait::kAnswer) {
      r.end = CageEnd::kDone;
      r.output = buffer.substr(sizeof a, a.size);
      const double total = static_cast<double>(a.cpu_microseconds) / 1e6;
      r.cpu_seconds = total - server.cpu_seconds();
      server.set_cpu_seconds(total);
      if (a.retiring) server.Stop(false);
      return r;
    }
    const double before = server.cpu_seconds();
    rusage usage{};
    const int status = server.Stop(wait != Wait::kClosed, &usage);
    r.cpu_seconds = std::max(0.0, CpuSeconds(usage) - before);
    // A server that neither computes nor answers is stuck: a lock another
    // thread held at the fork (AddressSanitizer's allocator has no fork
    // handler), say. Once more, on a new server.
    if (wait == Wait::kStalled && attempt == 0) continue;
    switch (wait) {
      case Wait::kAnswer:
      case Wait::kClosed: Classify(status, &r); break;
      case Wait::kTimedOut:
        r.end = CageEnd::kTimedOut;
        r.detail = "still running after " + Seconds(limits.wall_seconds);
        break;
      case Wait::kStalled:
        r.end = CageEnd::kTimedOut;
        r.detail = "no progress for " + Seconds(kStallSeconds) + ", twice";
        break;
      case Wait::kTooMuchOutput: r.end = CageEnd::kTooMuchOutput; break;
      case Wait::kInterrupted: r.end = CageEnd::kInterrupted; break;
    }
    return r;
  }
}

void AppendNumber(std::string* message, uint64_t n) {
  char bytes[8];
  for (int k = 0; k < 8; ++k) bytes[k] = static_cast<char>((n >> (8 * k)) & 0xFF);
  message->append(bytes, 8);
}

void AppendField(std::string* message, std::string_view field) {
  AppendNumber(message, field.size());
  message->append(field);
}

bool ReadNumber(std::string_view* message, uint64_t* n) {
  if (message->size() < 8) return false;
  *n = 0;
  for (int k = 0; k < 8; ++k) *n |= static_cast<uint64_t>(static_cast<unsigned char>((*message)[k])) << (8 * k);
  message->remove_prefix(8);
  return true;
}

bool ReadField(std::string_view* message, std::string_view* field) {
  uint64_t size = 0;
  if (!ReadNumber(message, &size) || size > message->size()) return false;
  *field = message->substr(0, size);
  message->remove_prefix(size);
  return true;
}

}  // namespace lexfr
