#include "cli/messages.h"

#include <catch2/catch.hpp>

namespace lexfr {

TEST_CASE("EscapeForTerminal makes every control visible and keeps text", "[messages]") {
  CHECK(EscapeForTerminal("corpus/décision n° 2024-1.txt") == "corpus/décision n° 2024-1.txt");
  CHECK(EscapeForTerminal("a\x1b[2Jb") == "a\\x1b[2Jb");
  CHECK(EscapeForTerminal("t\x1b]0;title\x07") == "t\\x1b]0;title\\x07");
  CHECK(EscapeForTerminal("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(EscapeForTerminal(std::string("nul\0del\x7f", 8)) == "nul\\x00del\\x7f");
  CHECK(EscapeForTerminal("c1 \xc2\x9b" "31m") == "c1 \\u009b31m");             // 8-bit CSI, as UTF-8
  CHECK(EscapeForTerminal("bidi \xe2\x80\xae txt") == "bidi \\u202e txt");     // RIGHT-TO-LEFT OVERRIDE
  CHECK(EscapeForTerminal("bad \xff\xfe \x9b end") == "bad \\xff\\xfe \\x9b end");  // not UTF-8
  CHECK(EscapeForTerminal("cut \xc3") == "cut \\xc3");
  CHECK(EscapeForTerminal("") == "");
}

}  // namespace lexfr
