// The cage: an untrusted parser (gumbo for HTML, poppler for PDF) run in a
// child process with hard limits, so that whatever a document does to it — a
// crash, a stack overflow, an endless or quadratic loop, a runaway allocation
// — ends as a value the caller turns into an error record, and the run goes on.
//
// In: a handler (a plain function of this program), the request bytes it
// reads, and the limits. Out: the answer the handler returned, or why there
// is none (CageEnd), with the CPU time the request used.
//
// How: each thread that calls RunCaged has its own child process, a "parser
// server", forked on the first call and kept for the next ones: fork() costs
// milliseconds on a large process (7 ms for lexfr's 15 MB on the VMs we run
// on, 10x the analysis of a small page), a request over a socket microseconds.
// At its fork the server resets SIGINT, SIGTERM, SIGPIPE and the fatal
// signals to their defaults (a crash there is an outcome, not a report), dies
// with the thread that forked it, closes every inherited descriptor but its
// socket, points standard input and output at /dev/null and sets RLIMIT_CORE
// to 0. For each request it sets RLIMIT_CPU to what it has used plus the
// request's CPU time and — outside AddressSanitizer builds, whose shadow
// memory counts as address space — RLIMIT_AS to what it has plus the
// request's memory, runs the handler and writes the answer back. The caller
// waits with poll(), also waking on InterruptFd() (run/interrupt.h) and at
// a wall-clock deadline; on a deadline, an interrupt or too long an answer it
// kills the server with SIGKILL. A server that neither uses CPU time nor
// answers for 3 s is stuck — on a lock another thread held at the fork (the
// sanitizers' allocator has no fork handler), say —: it is killed and the
// request sent once more to a new one. A server that died, was killed, ran out of
// memory, served kServerRequests requests or grew by kServerResident bytes is
// reaped, and the next request forks a new one; so is, after one request, a
// server that inherited more than kServerResident bytes at its fork (it holds
// the parent's memory of then, copy-on-write, as long as it lives). So one request can take a
// server down, never the run; what a request leaves behind in the server
// (gumbo and poppler keep no state between documents) lasts a few hundred
// requests at most.
//
// What a handler may do: only the forking thread exists in the server, so it
// must not take a lock another thread of the parent could have held at the
// fork: no spdlog, no ICU, no mutex of the parent's. Allocating is fine
// (glibc's malloc is fork-safe). Decode, load modules and take what the
// handler needs before calling RunCaged, and pass it in the request.
//
// Thread-safety: RunCaged may run on many threads at once, each with its own
// server. Code that must not overlap a fork (dlopen) holds ForkLock()
// uniquely; code that loads a module a handler will use calls
// CageModulesChanged() afterwards, so that servers forked before it are
// replaced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <shared_mutex>
#include <string>
#include <string_view>

namespace lexfr {

struct CageLimits {
  double cpu_seconds = 60;    // CPU time of the request (RLIMIT_CPU, in whole seconds, rounded up)
  double wall_seconds = 120;  // from the request: a server still busy is killed (a stall)
  // Bytes of address space the request may add to what the server has; 0: no
  // limit. Not applied under AddressSanitizer.
  size_t memory_bytes = 0;
  size_t max_output = SIZE_MAX;  // a longer answer is not read: the server is killed
};

enum class CageEnd {
  kDone,           // the handler returned: `output` is its answer
  kCrashed,        // the server was killed by a signal (SIGSEGV, SIGABRT, ...) or exited
  kOutOfMemory,    // the request hit its memory limit (std::bad_alloc, or ExitCagedOutOfMemory())
  kTimedOut,       // the request used its CPU time (SIGXCPU) or outlived the wall-clock deadline
  kTooMuchOutput,  // the answer was longer than max_output
  kInterrupted,    // SIGINT or SIGTERM reached this process meanwhile
  kNoChild,        // no server could be started (socketpair, fork): `detail` says why
};

struct CageResult {
  CageEnd end = CageEnd::kNoChild;
  std::string output;
  std::string detail;      // "SIGSEGV", "exit status 1", "fork: Resource temporarily unavailable"
  double cpu_seconds = 0;  // CPU time the request used, when known
  bool fresh = false;      // the request forked a new server
};

// A handler reads its request and returns its answer. It runs in the server.
using CageHandler = std::string (*)(std::string_view request);

// Runs handler(request) in this thread's server, within `limits`.
CageResult RunCaged(CageHandler handler, std::string_view request, const CageLimits& limits);

// A server retires after this many requests, or once it has grown by this
// much memory (after one request when it inherited more than that).
inline constexpr uint64_t kServerRequests = 500;
inline constexpr uint64_t kServerResident = uint64_t{256} << 20;

// True in a server: an allocator that runs out there calls
// ExitCagedOutOfMemory() instead of aborting.
bool InCagedChild();
[[noreturn]] void ExitCagedOutOfMemory();

// Held shared around every fork(); hold it uniquely around what a server
// must not inherit half-done (dlopen of the PDF module).
std::shared_mutex& ForkLock();

// After loading a module a handler uses (with ForkLock() held uniquely):
// servers forked before are replaced at their next request.
void CageModulesChanged();

// The framing of requests and answers: length-prefixed fields appended to a
// message, and read back in order. Reading is false when the message is cut
// short.
void AppendField(std::string* message, std::string_view field);
void AppendNumber(std::string* message, uint64_t n);
bool ReadField(std::string_view* message, std::string_view* field);
bool ReadNumber(std::string_view* message, uint64_t* n);

}  // namespace lexfr
