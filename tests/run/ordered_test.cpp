#include "run/ordered.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace lexfr {
namespace {

TEST_CASE("results come back in index order whatever the thread count", "[ordered]") {
  for (const unsigned jobs : {1u, 2u, 3u, 8u}) {
    std::mt19937 rng(jobs);
    std::vector<int> delays(200);
    for (int& ms : delays) ms = static_cast<int>(rng() % 3);
    std::vector<size_t> seen;
    OrderedOptions o;
    o.jobs = jobs;
    const size_t n = RunOrdered<size_t>(
        delays.size(), o,
        [&](size_t i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(delays[i]));
          return i * 10;
        },
        [&](size_t i, size_t& r) {
          CHECK(r == i * 10);
          seen.push_back(i);
          return true;
        });
    CHECK(n == delays.size());
    REQUIRE(seen.size() == delays.size());
    for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
  }
}

TEST_CASE("no more than `window` items are in flight or waiting", "[ordered]") {
  std::atomic<int> live{0}, peak{0};
  OrderedOptions o;
  o.jobs = 4;
  o.window = 6;
  RunOrdered<int>(
      300, o,
      [&](size_t i) {
        const int now = ++live;
        int p = peak.load();
        while (now > p && !peak.compare_exchange_weak(p, now)) {
        }
        // The first item is slow: everything after it must wait in the window.
        std::this_thread::sleep_for(std::chrono::milliseconds(i == 0 ? 30 : 0));
        return 0;
      },
      [&](size_t, int&) {
        --live;  // freed once emitted
        return true;
      });
  CHECK(peak.load() <= 6);
  CHECK(peak.load() >= 2);
}

TEST_CASE("a stop request leaves an emitted prefix", "[ordered]") {
  std::atomic<bool> stop{false};
  OrderedOptions o;
  o.jobs = 3;
  o.stop = &stop;
  std::vector<size_t> seen;
  const size_t n = RunOrdered<size_t>(
      1000, o,
      [&](size_t i) {
        if (i == 50) stop = true;
        return i;
      },
      [&](size_t i, size_t&) {
        seen.push_back(i);
        return true;
      });
  CHECK(n == seen.size());
  CHECK(n > 50);
  CHECK(n <= 51 + 4 * 3);  // what was already taken
  for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
}

TEST_CASE("emit returning false stops the run", "[ordered]") {
  OrderedOptions o;
  o.jobs = 2;
  const size_t n = RunOrdered<int>(
      100, o, [](size_t) { return 0; }, [](size_t i, int&) { return i < 9; });
  CHECK(n == 10);
}

TEST_CASE("an exception from work is rethrown after the threads end", "[ordered]") {
  OrderedOptions o;
  o.jobs = 3;
  const auto run = [&] {
    RunOrdered<int>(
        100, o,
        [](size_t i) {
          if (i == 17) throw std::runtime_error("boom");
          return 0;
        },
        [](size_t, int&) { return true; });
  };
  CHECK_THROWS_WITH(run(), "boom");
}

TEST_CASE("zero items is a run that emits nothing", "[ordered]") {
  CHECK(RunOrdered<int>(0, {}, [](size_t) { return 0; }, [](size_t, int&) { return true; }) == 0);
}

// One item runs on the calling thread (no thread to start: issue 21), under
// the contract the threaded run keeps for any count.
TEST_CASE("one item runs on the calling thread, under the same contract", "[ordered]") {
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<bool> stop{false};
  OrderedOptions o;
  o.jobs = 4;
  o.stop = &stop;
  std::vector<size_t> seen;
  const auto run = [&](auto work) {
    seen.clear();
    return RunOrdered<size_t>(1, o, work, [&](size_t i, size_t& r) {
      CHECK(std::this_thread::get_id() == caller);
      seen.push_back(i + r);
      return false;  // stopping after the last item changes nothing
    });
  };
  // Worked on and emitted once, here.
  CHECK(run([&](size_t i) {
          CHECK(std::this_thread::get_id() == caller);
          return i + 7;
        }) == 1);
  CHECK(seen == std::vector<size_t>{7});
  // A stop during the work: the item taken is still emitted (a prefix).
  CHECK(run([&](size_t) {
          stop = true;
          return size_t{0};
        }) == 1);
  CHECK(seen.size() == 1);
  // A stop before: nothing is taken.
  CHECK(run([](size_t) { return size_t{0}; }) == 0);
  CHECK(seen.empty());
  stop = false;
  // An exception from work reaches the caller, nothing emitted.
  CHECK_THROWS_WITH(run([](size_t) -> size_t { throw std::runtime_error("one"); }), "one");
  CHECK(seen.empty());
}

// --- running over a stream -----------------------------------------------------------

TEST_CASE("RunOrderedPull reads as the window allows and emits in order", "[ordered]") {
  for (const unsigned jobs : {1u, 2u, 4u}) {
    const size_t total = 500;
    size_t produced = 0;
    std::atomic<size_t> emitted{0};
    size_t most_ahead = 0;  // items read but not yet emitted, at most
    std::vector<size_t> seen;
    OrderedOptions o;
    o.jobs = jobs;
    const size_t n = RunOrderedPull<size_t, size_t>(
        o,
        [&](size_t* item) {
          if (produced == total) return false;
          most_ahead = std::max(most_ahead, produced - emitted.load());
          *item = produced++;
          return true;
        },
        [&](size_t& item) {
          std::this_thread::sleep_for(std::chrono::microseconds(item % 7 == 0 ? 300 : 0));
          return item * 2;
        },
        [&](size_t i, size_t& r) {
          CHECK(r == i * 2);
          seen.push_back(i);
          ++emitted;
          return true;
        });
    CHECK(n == total);
    REQUIRE(seen.size() == total);
    for (size_t i = 0; i < total; ++i) CHECK(seen[i] == i);
    CHECK(most_ahead <= 4 * jobs);
  }
}

TEST_CASE("RunOrderedPull emits what is done while the source blocks", "[ordered]") {
  // The source waits for the first result before giving its second item, as
  // a client that sends a line and waits for the answer does.
  std::atomic<bool> first_out{false};
  int given = 0;
  OrderedOptions o;
  o.jobs = 2;
  const size_t n = RunOrderedPull<int, int>(
      o,
      [&](int* item) {
        if (given == 1) {
          const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
          while (!first_out && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
          }
          if (!first_out) return false;  // would hang: the check below fails
        }
        if (given == 2) return false;
        *item = given++;
        return true;
      },
      [](int& item) { return item; },
      [&](size_t, int&) {
        first_out = true;
        return true;
      });
  CHECK(n == 2);
}

TEST_CASE("RunOrderedPull: an exception from the source is rethrown", "[ordered]") {
  OrderedOptions o;
  o.jobs = 2;
  int given = 0;
  const auto run = [&] {
    RunOrderedPull<int, int>(
        o,
        [&](int* item) {
          if (given == 5) throw std::runtime_error("read failed");
          *item = given++;
          return true;
        },
        [](int& item) { return item; }, [](size_t, int&) { return true; });
  };
  CHECK_THROWS_WITH(run(), "read failed");
}

}  // namespace
}  // namespace lexfr
