// Running in order: items worked on by N threads, their results handed back
// on the calling thread in input order, so that --jobs never changes a byte
// of the output.
//
// In: a count of items (RunOrdered) or a source read as the run goes
// (RunOrderedPull), a `work` function and an `emit` function. Out: emit(i,
// result) for i = 0, 1, ... in order. At most a window of 4 x jobs items is
// taken but not yet emitted, so memory does not grow with the number of
// items, and a stop flag (run/interrupt.h) ends the run on a prefix.
//
// Thread-safety: `work` runs on the worker threads, concurrently with itself
// and with `emit`; `next` and `emit` are each called by one thread at a
// time; `idle` and `tick` run on the calling thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace lexfr {

struct OrderedOptions {
  // Worker threads, 1 or more (the command line decides how many from
  // --jobs: cli/options.h); 0 is read as 1 rather than as no thread at all.
  unsigned jobs = 1;
  // Most items taken but not yet handed to emit (being worked on, or done
  // and waiting for an earlier one). 0 means 4 x jobs.
  size_t window = 0;
  // When it turns true no new item is taken; those already taken are still
  // worked on and emitted, so the results are always a prefix.
  const std::atomic<bool>* stop = nullptr;
  // Called on the calling thread while it waits: `idle` each time the next
  // result is not ready yet (flush the output there), `tick` about every
  // `tick_interval` (a progress line).
  std::function<void()> idle;
  std::function<void()> tick;
  std::chrono::milliseconds tick_interval{100};
};

// Runs work(i) for i = 0..count-1 on `jobs` threads and hands every result to
// emit(i, result) on the calling thread, in index order, whatever the thread
// count. Stops early when emit returns false or *stop turns true. Returns how
// many results were emitted (indices 0..n-1). `work` runs concurrently with
// itself and with `emit`; an exception from `work` stops the run and is
// rethrown here once every thread is joined. A single item runs on the
// calling thread.
template <class Result, class Work, class Emit>
size_t RunOrdered(size_t count, const OrderedOptions& options, Work work, Emit emit);

// The same over a source of unknown length, read as the run goes: next(&item)
// fills the next item and returns true, or returns false at the end; results
// are work(item), emitted in the order read. `next` is called by one worker at
// a time, never while the emitting thread waits on it, and only when the
// window has room: a stream of any length is read at the pace the results go
// out, and memory holds at most `window` items. (RunOrdered is this over the
// indices 0..count-1.) An exception from `next` ends the run like one from
// `work`.
template <class Item, class Result, class Next, class Work, class Emit>
size_t RunOrderedPull(const OrderedOptions& options, Next next, Work work, Emit emit);

// --- the implementation ----------------------------------------------------------

template <class Item, class Result, class Next, class Work, class Emit>
size_t RunOrderedPull(const OrderedOptions& options, Next next, Work work, Emit emit) {
  const unsigned jobs = options.jobs == 0 ? 1 : options.jobs;
  const size_t window = options.window == 0 ? size_t{4} * jobs : options.window;
  const auto stopped = [&] { return options.stop != nullptr && options.stop->load(); };

  std::mutex mu;
  // Held by the one worker pulling from `next`, apart from `mu`: a source
  // that blocks (a quiet pipe) must not keep the emitting thread from
  // handing out the results already done.
  std::mutex pull;
  std::condition_variable room;   // a worker may take the next item
  std::condition_variable ready;  // a result arrived, or the run is over
  // Item i waits in slot i % window: at most `window` items lie between
  // next_emit and next_take, so two of them never share a slot.
  std::vector<std::optional<Result>> slots(window);
  size_t next_take = 0, next_emit = 0, running = jobs;
  bool abort = false, ended = false;  // ended: `next` said there is no more
  std::exception_ptr failure;
  const auto fail = [&](std::exception_ptr error) {
    if (!failure) failure = error;
    abort = true;
    room.notify_all();
  };

  const auto worker = [&] {
    for (;;) {
      std::unique_lock pulling(pull);
      std::unique_lock lock(mu);
      room.wait(lock, [&] { return abort || stopped() || ended || next_take < next_emit + window; });
      if (abort || stopped() || ended) break;
      lock.unlock();
      // Only the holder of `pull` takes items, so the window checked above
      // still has room, and items get their indices in the order read.
      Item item{};
      bool got = false;
      std::exception_ptr error;
      try {
        got = next(&item);
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      if (error || !got) {
        if (error) fail(error);
        ended = true;
        room.notify_all();
        ready.notify_one();
        break;
      }
      const size_t i = next_take++;
      lock.unlock();
      pulling.unlock();
      std::optional<Result> result;
      try {
        result.emplace(work(item));
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      if (error) {
        fail(error);
      } else {
        slots[i % window] = std::move(result);
      }
      ready.notify_one();
    }
    std::lock_guard lock(mu);
    --running;
    ready.notify_one();
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

  // The tick goes by the clock, not by waits timing out: when results come
  // faster than the interval no wait ever times out.
  auto last_tick = std::chrono::steady_clock::now();
  const auto maybe_tick = [&](std::unique_lock<std::mutex>& lock) {
    if (!options.tick || std::chrono::steady_clock::now() - last_tick < options.tick_interval) return;
    last_tick = std::chrono::steady_clock::now();
    lock.unlock();
    options.tick();
    lock.lock();
  };
  {
    std::unique_lock lock(mu);
    while (!abort) {
      std::optional<Result>& slot = slots[next_emit % window];
      // Nothing more will come once no worker runs, or the source ended or a
      // stop came with no item in flight: every taken item has been emitted.
      const auto done = [&] { return running == 0 || ((ended || stopped()) && next_emit == next_take); };
      if (!slot && !done() && options.idle) {
        lock.unlock();
        options.idle();
        lock.lock();
      }
      while (!slot && !abort && !done()) {
        ready.wait_for(lock, options.tick_interval);
        maybe_tick(lock);
      }
      if (!slot || abort) break;
      Result result = std::move(*slot);
      slot.reset();
      lock.unlock();
      const bool go_on = emit(next_emit, result);
      lock.lock();
      ++next_emit;
      room.notify_all();
      if (!go_on) abort = true;
      maybe_tick(lock);
    }
    abort = true;
    room.notify_all();
  }
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  return next_emit;
}

template <class Result, class Work, class Emit>
size_t RunOrdered(size_t count, const OrderedOptions& options, Work work, Emit emit) {
  // One item (`lexfr analyze FILE`, the common case): worked on and emitted
  // on the calling thread, with nothing to overlap, so no thread and no 8 MiB
  // stack to map (issue 21: start-up). The same contract: nothing is taken
  // once a stop came, and an exception from `work` goes to the caller. (No
  // `tick` while it runs: a progress line of 0/1 says nothing.)
  if (count == 1) {
    if (options.stop != nullptr && options.stop->load()) return 0;
    Result result = work(size_t{0});
    emit(size_t{0}, result);
    return 1;
  }
  size_t pulled = 0;  // only touched by the one worker pulling
  return RunOrderedPull<size_t, Result>(
      options,
      [&](size_t* i) {
        if (pulled >= count) return false;
        *i = pulled++;
        return true;
      },
      [&](size_t& i) { return work(i); }, emit);
}

}  // namespace lexfr
