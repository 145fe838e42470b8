#include "io/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <thread>

#include "io/walk.h"
#include "run/interrupt.h"
#include "test_support.h"

namespace lexfr {
namespace {

namespace fs = std::filesystem;

// Raises the interrupt flag for one test, and lowers it at the end.
struct Interrupt {
  Interrupt() {
    InstallInterruptHandlers();
    RequestInterruptForTesting(15);
  }
  ~Interrupt() { ResetInterruptForTesting(); }
};

}  // namespace

TEST_CASE("FileId: one file through a symlink, a hard link and an open fd", "[files]") {
  TempDir d;
  const std::string a = d.File("a.txt");
  REQUIRE(symlink(a.c_str(), (d / "soft").c_str()) == 0);
  REQUIRE(link(a.c_str(), (d / "hard").c_str()) == 0);
  const auto id = IdOf(a);
  REQUIRE(id);
  CHECK(id->regular);
  CHECK(IdOf(d / "soft") == id);
  CHECK(IdOf(d / "hard") == id);
  CHECK(!(IdOf(d.File("b.txt")) == id));
  const int fd = open(a.c_str(), O_RDONLY);
  CHECK(IdOfFd(fd) == id);
  close(fd);
  CHECK(!IdOf(d / "missing"));
}

TEST_CASE("a PathPolicy refuses devices, FIFOs and named files before opening them", "[files]") {
  TempDir d;
  const std::string a = d.File("a.txt", "Le texte.");
  const std::string fifo = d / "fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);  // no writer: opening it for reading would block
  PathPolicy policy;
  policy.regular_only = true;
  policy.refused.push_back({*IdOf(d.File("out.jsonl")), "is_output", "the output being written"});
  const DiskReader reader(policy);
  std::string bytes;
  CHECK(reader.Read(a, 100, &bytes).ok());
  CHECK(bytes == "Le texte.");
  const Status f = reader.Read(fifo, 100, &bytes);
  CHECK(f.code() == "not_regular");
  CHECK(f.message() == fifo + ": a FIFO or pipe, not a regular file: a stream's paths must name files");
  CHECK(reader.Read("/dev/zero", 100, &bytes).code() == "not_regular");
  CHECK(reader.Read(d / "out.jsonl", 100, &bytes).code() == "is_output");
  CHECK(reader.Read(d / ".", 100, &bytes).code() == "is_directory");
  CHECK(reader.Read(d / "missing", 100, &bytes).code() == "not_found");
  // Without a policy, devices are read as before.
  CHECK(DiskReader().Read("/dev/zero", 100, &bytes).code() == "too_large");
}

TEST_CASE("a FIFO is opened without waiting for its writer, and read to its writer's end", "[files]") {
  TempDir d;
  const std::string fifo = d / "fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer([&] {
    // Opening for writing blocks until the reader has the FIFO open.
    std::ofstream(fifo, std::ios::binary) << "Le texte du tube.";
  });
  std::string bytes;
  const Status s = DiskReader().Read(fifo, 100, &bytes);
  writer.join();
  CHECK(s.ok());
  CHECK(bytes == "Le texte du tube.");
}

TEST_CASE("a signal ends a read that waits for bytes", "[files][interrupt]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "du texte", 8) == 8);  // some bytes, and a writer that never ends
  std::string bytes;
  {
    const Interrupt interrupt;
    const Status s = ReadFd(fds[0], "standard input", 100, &bytes);
    CHECK(s.code() == "interrupted");
    CHECK(s.exit_code() == ExitCode::kInterrupted);
    CHECK(s.message() == "standard input: interrupted while waiting for input");
    CHECK(WaitReadable(fds[0], "x").code() == "interrupted");
  }
  // Once lowered, the same pipe reads again.
  REQUIRE(WaitReadable(fds[0], "x").ok());
  close(fds[1]);
  CHECK(ReadFd(fds[0], "standard input", 100, &bytes).ok());
  CHECK(bytes == "du texte");
  close(fds[0]);
}

TEST_CASE("ReadFdInChunks hands at most max_bytes + 1 bytes to its sink", "[files]") {
  const int fd = open("/dev/zero", O_RDONLY);
  size_t seen = 0;
  const Status s = ReadFdInChunks(fd, "/dev/zero", 100000, [&](std::string_view chunk) {
    seen += chunk.size();
    return Status::Ok();
  });
  close(fd);
  CHECK(s.code() == "too_large");
  CHECK(seen == 100001);

  // No limit at all (SIZE_MAX) is no overflow.
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "abc", 3) == 3);
  close(fds[1]);
  std::string bytes;
  CHECK(ReadFd(fds[0], "pipe", SIZE_MAX, &bytes).ok());
  CHECK(bytes == "abc");
  close(fds[0]);
}

TEST_CASE("ReadPathList splits as it reads, bounded, and refuses NULs without -0", "[files][batch]") {
  TempDir d;
  // Entries that straddle the 64 KiB read chunks.
  std::string list;
  std::vector<std::string> expected;
  for (int i = 0; list.size() < 200000; ++i) {
    expected.push_back("corpus/" + std::string(static_cast<size_t>(i % 97), 'a') + std::to_string(i) + ".txt");
    list += expected.back() + (i % 5 == 0 ? "\n\n" : "\n");
  }
  std::vector<std::string> paths;
  REQUIRE(ReadPathList(d.File("list", list + "last"), false, 1 << 20, &paths).ok());
  expected.push_back("last");
  CHECK(paths == expected);
  CHECK(paths == SplitPathList(list + "last", false));

  paths.clear();
  const Status nul = ReadPathList(d.File("nul", std::string("a.txt\0b.txt\0", 12)), false, 1 << 20, &paths);
  CHECK(nul.code() == "nul_in_list");
  CHECK(nul.message() == d / "nul" + ": NUL byte at offset 5");
  paths.clear();
  REQUIRE(ReadPathList(d / "nul", true, 1 << 20, &paths).ok());
  CHECK(paths == std::vector<std::string>{"a.txt", "b.txt"});

  paths.clear();
  CHECK(ReadPathList("/dev/zero", true, 1 << 20, &paths).code() == "too_large");
  CHECK(paths.empty());  // NULs only: empty entries, nothing held
  CHECK(ReadPathList("/dev/zero", false, 1 << 20, &paths).code() == "nul_in_list");
}

TEST_CASE("files are written whole or not at all", "[files]") {
  TempDir d;
  REQUIRE(WriteFileAtomically(d / "deep/er/r.json", "{}\n").ok());
  REQUIRE(WriteFileAtomically(d / "deep/er/r.json", "{\"v\":2}\n").ok());  // replaces
  std::ifstream in(d / "deep/er/r.json");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(content == "{\"v\":2}\n");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(d / "deep/er")) names.push_back(e.path().filename().string());
  CHECK(names == std::vector<std::string>{"r.json"});  // no temporary file left
  CHECK((fs::status(d / "deep/er/r.json").permissions() & fs::perms::others_read) != fs::perms::none);
  CHECK(WriteFileAtomically("/proc/lexfr-cannot/x.json", "{}").exit_code() == ExitCode::kCantCreate);
}

TEST_CASE("long output names: short temporary names, and too long is name_too_long", "[files]") {
  TempDir d;
  const std::string fits(255, 'a');  // NAME_MAX of ext4, tmpfs, xfs, btrfs
  REQUIRE(WriteFileAtomically(d / fits, "{}\n").ok());
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(d.path())) names.push_back(e.path().filename().string());
  CHECK(names == std::vector<std::string>{fits});
  const Status too_long = WriteFileAtomically(d / std::string(256, 'b'), "{}\n");
  CHECK(too_long.code() == "name_too_long");
  CHECK(too_long.exit_code() == ExitCode::kCantCreate);
}

}  // namespace lexfr
