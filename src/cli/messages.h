// Messages on stderr: what lexfr tells the person running it, apart from
// the data on standard output.
//
// In: message text, which may quote file names and input lines as they came
// (any bytes: an escape sequence in a file name, invalid UTF-8). Out: bytes
// on stderr that a terminal can only show as text, and never an effect on
// the exit status: a closed or full stderr (`2>&-`, `2>/dev/full`) loses
// the message, nothing else.
//
//   EscapeForTerminal()     control characters, terminal escape sequences,
//                           bidirectional overrides and invalid UTF-8 ->
//                           visible escapes (`\x1b`, `\n`, `\u202e`)
//   WriteToStderr()         write(2) to fd 2, errors ignored
//   MakeStderrLogger()      the spdlog logger: every message escaped, sink
//                           errors swallowed
//   ReserveStandardFds()    a closed fd 0, 1 or 2 gets /dev/null, so that no
//                           file lexfr opens later lands on it (and receives
//                           the logs)
//
// Thread-safety: all may be called from any thread; WriteToStderr writes a
// message with as few write(2) calls as the kernel allows.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace lexfr {

// `text` with every byte a terminal would act on made visible: C0 controls
// and DEL as `\n`, `\r`, `\t` or `\xNN`, C1 controls (U+0080-U+009F) and the
// bidirectional controls (U+202A-U+202E, U+2066-U+2069) as `\uNNNN`, and
// bytes that are not UTF-8 as `\xNN`. Printable text, accents included, is
// unchanged.
std::string EscapeForTerminal(std::string_view text);

// Writes `bytes` to fd 2 as they are; a failure (closed, full) is ignored.
void WriteToStderr(std::string_view bytes);

// A logger named "lexfr" writing "lexfr: LEVEL: message\n" to stderr,
// coloured when `color`, with every message passed through
// EscapeForTerminal and write errors ignored.
std::shared_ptr<spdlog::logger> MakeStderrLogger(bool color);

// Opens /dev/null on each of the fds 0, 1, 2 that is closed: read-only on
// 1 and write-only on 0, so that using them still fails as a closed fd
// would (the same exit codes), and write-only on 2, so that messages
// vanish. Call before anything opens a file.
void ReserveStandardFds();

}  // namespace lexfr
