// Messages on stderr, escaped and never failing (cli/messages.h).
#include "cli/messages.h"

#include <fcntl.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/ansicolor_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>

namespace lexfr {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendByteEscape(uint8_t byte, std::string* out) {
  *out += "\\x";
  *out += kHex[byte >> 4];
  *out += kHex[byte & 0xf];
}

bool IsControlForTerminal(UChar32 c) {
  return (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

// spdlog's %v, escaped: the pattern "%*" prints the message this way.
class EscapedPayload : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    const std::string escaped = EscapeForTerminal(std::string_view(msg.payload.data(), msg.payload.size()));
    dest.append(escaped.data(), escaped.data() + escaped.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<EscapedPayload>(); }
};

}  // namespace

std::string EscapeForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length) {
    const uint8_t b = bytes[i];
    if (b >= 0x20 && b < 0x7f) {
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    if (b < 0x80) {
      if (b == '\n') {
        out += "\\n";
      } else if (b == '\r') {
        out += "\\r";
      } else if (b == '\t') {
        out += "\\t";
      } else {
        AppendByteEscape(b, &out);
      }
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      // Invalid: the bytes U8_NEXT consumed, one escape each.
      for (int32_t k = start; k < i; ++k) AppendByteEscape(bytes[k], &out);
    } else if (IsControlForTerminal(c)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(text.data() + start, static_cast<size_t>(i - start));
    }
  }
  return out;
}

void WriteToStderr(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(STDERR_FILENO, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // closed, full: the message is lost, the run is not
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

std::shared_ptr<spdlog::logger> MakeStderrLogger(bool color) {
  // Thread-safe sinks: a batch analyses on several threads, and a stage that
  // logs from one must not interleave with the main thread's lines.
  spdlog::sink_ptr sink;
  if (color) {
    // The caller decided (--color always, or a terminal): spdlog would look
    // at the terminal again.
    sink = std::make_shared<spdlog::sinks::ansicolor_stderr_sink_mt>(spdlog::color_mode::always);
  } else {
    sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  }
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  formatter->add_flag<EscapedPayload>('*').set_pattern(color ? "lexfr: %^%l%$: %*" : "lexfr: %l: %*");
  sink->set_formatter(std::move(formatter));
  auto logger = std::make_shared<spdlog::logger>("lexfr", std::move(sink));
  // The sinks ignore short writes already; this catches whatever a sink or
  // a formatter throws, which would otherwise be printed to stderr (again).
  logger->set_error_handler([](const std::string&) {});
  return logger;
}

void ReserveStandardFds() {
  // Each open() takes the lowest free fd, so in this order they land on 0,
  // then 1, then 2 when those are closed.
  const int modes[3] = {O_WRONLY, O_RDONLY, O_WRONLY};
  for (int fd = 0; fd < 3; ++fd) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // Inherited by child processes, which then find them as lexfr did.
    const int opened = open("/dev/null", modes[fd]);
    if (opened >= 0 && opened != fd) {
      dup2(opened, fd);
      close(opened);
    }
  }
}

}  // namespace lexfr
