// Interruption: SIGINT and SIGTERM, seen by every part of a run.
//
// In: the signals, once InstallInterruptHandlers() has run (first thing in
// main). Out: a flag any thread may test, the signal's number, and the read
// end of a self-pipe that becomes readable at the first signal, so that code
// blocked in poll() (standard input, a FIFO, a child parser's pipe) wakes up
// instead of waiting for data that may never come.
//
// The first signal only asks: no new input is taken, work in flight is ended
// at its next wait, the output stays a valid prefix and the run exits 130
// (lexfr/status.h). A second signal of the same kind kills (SA_RESETHAND).
//
// Thread-safety: everything here is async-signal-safe or lock-free.
#pragma once

#include <atomic>

namespace lexfr {

// Installs the handlers and creates the self-pipe. Idempotent.
void InstallInterruptHandlers();

// True once SIGINT or SIGTERM has arrived.
bool Interrupted();

// The flag itself, for code that takes a `const std::atomic<bool>*` stop.
const std::atomic<bool>* InterruptFlag();

// The first signal's number (SIGINT, SIGTERM), 0 before any.
int InterruptSignal();

// The self-pipe's read end: readable (POLLIN) once interrupted, and then
// forever (nothing ever reads it). -1 before InstallInterruptHandlers().
int InterruptFd();

// For tests: raise the flag as a signal would (without a signal).
void RequestInterruptForTesting(int signal_number);
// For tests: lower it again and empty the self-pipe, so that the tests
// after one that interrupted run as before it.
void ResetInterruptForTesting();

}  // namespace lexfr
