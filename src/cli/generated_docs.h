// What lexfr writes about itself besides --help: the shell completions
// (`lexfr completions bash|zsh|fish`) and the man page lexfr(1) (`lexfr
// manpage`, run at build time, CMakeLists.txt). All are rendered from the
// CLI11 option table that --help prints, so none can drift from it.
//
// In: the configured CLI::App (its subcommands, options, help texts, type
// names and IsMember choices) and the texts of the help footers. Out: a
// bash, zsh or fish script, or roff.
//
// Thread-safety: pure functions of the app.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace lexfr {

// The group of the global options each subcommand repeats (-v, -q, ...).
inline constexpr const char* kGlobalGroup = "Global options";

// The shells `lexfr completions` writes for; "" when `shell` is none of them.
inline const std::vector<std::string> kCompletionShells = {"bash", "zsh", "fish"};
std::string Completions(CLI::App* app, const std::string& shell);

// The man page's sections that are not in the option table.
struct ManPageText {
  std::string version;     // "0.1.0"
  std::string exit_codes;  // the "Exit codes:" table of --help
  std::string examples;    // the "Examples:" of --help
};

// lexfr(1) in roff: NAME, SYNOPSIS, DESCRIPTION, GLOBAL OPTIONS, one
// subsection per (visible) subcommand with its options and examples, EXIT
// STATUS, ENVIRONMENT, FILES, EXAMPLES, SEE ALSO.
std::string ManPage(CLI::App* app, const ManPageText& text);

}  // namespace lexfr
