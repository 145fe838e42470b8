#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "extract/cage.h"

#if defined(__SANITIZE_ADDRESS__)
#define CAGE_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CAGE_TEST_ASAN 1
#endif
#endif

namespace lexfr {
namespace {

CageLimits Quick() {
  CageLimits limits;
  limits.cpu_seconds = 1;
  limits.wall_seconds = 20;
  return limits;
}

double SecondsOf(const std::function<void()>& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::atomic<uint64_t> g_sink{0};  // work the optimiser cannot drop

std::string Echo(std::string_view request) {
  std::string answer = "<";
  answer.append(request);
  answer += '>';
  return answer;
}
std::string Pid(std::string_view) { return std::to_string(getpid()); }
std::string Segv(std::string_view) {
  raise(SIGSEGV);
  return "";
}
std::string Abort(std::string_view) { std::abort(); }
std::string Throw(std::string_view) { throw std::runtime_error("boom"); }
std::string Spin(std::string_view) {
  for (;;) g_sink.fetch_add(1, std::memory_order_relaxed);
}
std::string Sleep(std::string_view) {
  pause();
  return "";
}
// Stuck (no CPU, no answer) the first time, as a server that inherited a
// held lock would be; the request names a file that says it happened.
std::string StuckOnce(std::string_view request) {
  const std::string marker(request);
  if (access(marker.c_str(), F_OK) != 0) {
    close(open(marker.c_str(), O_CREAT | O_WRONLY, 0600));
    pause();
  }
  return "unstuck";
}
std::string Big(std::string_view) { return std::string(size_t{1} << 20, 'x'); }
std::string Vector(std::string_view) {
  std::vector<char> v(size_t{1} << 30, 'x');  // std::bad_alloc under the limit
  return std::string(1, v[12345]);
}
std::string Malloc(std::string_view) {
  if (std::malloc(size_t{1} << 30) == nullptr) ExitCagedOutOfMemory();  // what a C allocator hook does
  return "";
}

}  // namespace

TEST_CASE("the cage hands back the handler's answer, from one server for many requests", "[cage]") {
  const CageResult r = RunCaged(&Echo, "bonjour", Quick());
  CHECK(r.end == CageEnd::kDone);
  CHECK(r.output == "<bonjour>");

  // More than a socket holds, both ways.
  const std::string big(5 << 20, 'x');
  const CageResult large = RunCaged(&Echo, big, Quick());
  CHECK(large.end == CageEnd::kDone);
  CHECK(large.output == "<" + big + ">");

  const CageResult first = RunCaged(&Pid, "", Quick());
  const CageResult second = RunCaged(&Pid, "", Quick());
  CHECK(first.output == second.output);
  CHECK_FALSE(second.fresh);
  CHECK(first.output != std::to_string(getpid()));
}

TEST_CASE("a crash in the cage is an outcome, and the next request gets a new server", "[cage]") {
  const CageResult before = RunCaged(&Pid, "", Quick());
  const CageResult segv = RunCaged(&Segv, "", Quick());
  CHECK(segv.end == CageEnd::kCrashed);
  CHECK(segv.detail == "SIGSEGV");
  CHECK(segv.output.empty());
  const CageResult after = RunCaged(&Pid, "", Quick());
  CHECK(after.end == CageEnd::kDone);
  CHECK(after.fresh);
  CHECK(after.output != before.output);

  const CageResult abrt = RunCaged(&Abort, "", Quick());
  CHECK(abrt.end == CageEnd::kCrashed);
  CHECK(abrt.detail == "SIGABRT");

  const CageResult thrown = RunCaged(&Throw, "", Quick());
  CHECK(thrown.end == CageEnd::kCrashed);
  CHECK(thrown.detail == "an exception");
  CHECK(RunCaged(&Echo, "x", Quick()).output == "<x>");
}

TEST_CASE("the cage stops a request at its CPU time and at its wall-clock deadline", "[cage]") {
  RunCaged(&Echo, "", Quick());  // a server that has some CPU time already
  // Stopped by its CPU time (SIGXCPU), not by the wall-clock deadline: the
  // detail says which, whatever the load of the machine (a bound on the wall
  // time it took failed on a machine busy with other builds).
  const CageResult busy = RunCaged(&Spin, "", Quick());
  CHECK(busy.end == CageEnd::kTimedOut);
  CHECK(busy.cpu_seconds >= 0.9);
  CHECK(busy.detail.find("of CPU") != std::string::npos);

  CageLimits stall = Quick();
  stall.wall_seconds = 0.3;
  CageResult asleep;
  const double asleep_seconds = SecondsOf([&] { asleep = RunCaged(&Sleep, "", stall); });
  CHECK(asleep.end == CageEnd::kTimedOut);
  CHECK(asleep.detail.find("still running") != std::string::npos);
  CHECK(asleep_seconds < 10);
  CHECK(RunCaged(&Echo, "x", Quick()).output == "<x>");
}

TEST_CASE("a server forked while this process holds much memory retires after one request", "[cage]") {
  // It would hold that memory, copy-on-write, as long as it lives.
  const std::vector<char> held(size_t{300} << 20, 'x');
  CageResult first, second;
  std::thread([&] {
    first = RunCaged(&Pid, "", Quick());
    second = RunCaged(&Pid, "", Quick());
  }).join();
  CHECK(first.fresh);
  CHECK(second.fresh);
  CHECK(first.output != second.output);
  CHECK(held[12345] == 'x');
}

TEST_CASE("a stuck server is replaced and the request tried once more", "[cage]") {
  char marker[] = "/tmp/lexfr-cage-test-XXXXXX";
  close(mkstemp(marker));
  unlink(marker);
  CageLimits limits = Quick();
  limits.wall_seconds = 60;
  CageResult r;
  const double once = SecondsOf([&] { r = RunCaged(&StuckOnce, marker, limits); });
  unlink(marker);
  CHECK(r.end == CageEnd::kDone);
  CHECK(r.output == "unstuck");
  CHECK(once >= 2.5);
  CHECK(once < 30);

  const double twice = SecondsOf([&] { r = RunCaged(&Sleep, "", limits); });
  CHECK(r.end == CageEnd::kTimedOut);
  CHECK(r.detail.find("no progress") != std::string::npos);
  CHECK(twice < 40);
}

TEST_CASE("the cage does not read an answer longer than allowed", "[cage]") {
  CageLimits limits = Quick();
  limits.max_output = 1000;
  const CageResult r = RunCaged(&Big, "", limits);
  CHECK(r.end == CageEnd::kTooMuchOutput);
  CHECK(r.output.empty());
  CHECK(RunCaged(&Echo, "x", Quick()).output == "<x>");
}

#ifndef CAGE_TEST_ASAN
TEST_CASE("the cage's memory limit ends a runaway allocation", "[cage]") {
  CageLimits limits = Quick();
  limits.memory_bytes = size_t{64} << 20;
  CHECK(RunCaged(&Vector, "", limits).end == CageEnd::kOutOfMemory);
  CHECK(RunCaged(&Malloc, "", limits).end == CageEnd::kOutOfMemory);
  // The limit is the request's, and counts the request on top: the next one
  // may be larger than the last one's limit.
  CHECK(RunCaged(&Pid, std::string(size_t{100} << 20, 'x'), limits).end == CageEnd::kDone);
}
#endif

TEST_CASE("threads have their own servers and each request ends on time", "[cage]") {
  // A server inherits its siblings' sockets at the fork and closes them at
  // once: otherwise a sibling would outlive its thread's end of the socket.
  std::vector<std::thread> threads;
  std::atomic<int> done{0}, wrong{0};
  const double seconds = SecondsOf([&] {
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int k = 0; k < 20; ++k) {
          const std::string request = std::to_string(t * 100 + k);
          const CageResult r = RunCaged(k == 5 && t == 0 ? &Segv : &Echo, request, Quick());
          const bool ok = k == 5 && t == 0 ? r.end == CageEnd::kCrashed : r.output == "<" + request + ">";
          (ok ? done : wrong)++;
        }
      });
    }
    for (std::thread& th : threads) th.join();
  });
  CHECK(done == 80);
  CHECK(wrong == 0);
  CHECK(seconds < 20);
}

TEST_CASE("the cage's requests and answers are length-prefixed fields", "[cage]") {
  std::string m;
  AppendNumber(&m, 65);
  AppendField(&m, "html_too_complex");
  AppendField(&m, std::string("a\0b", 3));
  AppendField(&m, "");
  std::string_view in = m;
  uint64_t n = 0;
  std::string_view a, b, c, d;
  REQUIRE(ReadNumber(&in, &n));
  CHECK(n == 65);
  REQUIRE(ReadField(&in, &a));
  REQUIRE(ReadField(&in, &b));
  REQUIRE(ReadField(&in, &c));
  CHECK(a == "html_too_complex");
  CHECK(b == std::string_view("a\0b", 3));
  CHECK(c.empty());
  CHECK(in.empty());
  CHECK_FALSE(ReadField(&in, &d));

  std::string_view cut = std::string_view(m).substr(0, m.size() - 5 - 8);
  REQUIRE(ReadNumber(&cut, &n));
  REQUIRE(ReadField(&cut, &a));
  CHECK_FALSE(ReadField(&cut, &b));
}

}  // namespace lexfr
