#include "cli/generated_docs.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <set>
#include <sstream>
#include <utility>

namespace lexfr {
namespace {

// --- the option table, read back from CLI11 ------------------------------------------

struct OptionInfo {
  std::vector<std::string> names;    // "-o", "--output"
  std::string value;                 // its type name ("FILE"); empty for a flag
  std::vector<std::string> choices;  // from an IsMember check: "auto", "json", ...
  std::string help;
};

struct CommandInfo {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::string positional;  // "PATH", or empty: the first positional (files to complete)
  std::vector<std::pair<std::string, std::string>> positionals;  // every one, with its help (eval has two)
  std::vector<OptionInfo> options;
  std::string footer;
};

// "{auto,json,jsonl,html}", the description CLI11 gives an IsMember check,
// as its words; none for any other check.
std::vector<std::string> ChoicesOf(CLI::Option* opt) {
  std::string description;
  try {
    description = opt->get_validator()->get_description();
  } catch (const CLI::OptionNotFound&) {
    return {};  // no check at all
  }
  if (description.size() < 2 || description.front() != '{' || description.back() != '}') return {};
  std::vector<std::string> words;
  std::istringstream list(description.substr(1, description.size() - 2));
  for (std::string word; std::getline(list, word, ',');) words.push_back(word);
  return words;
}

std::vector<OptionInfo> OptionsOf(CLI::App* app) {
  std::vector<OptionInfo> out;
  for (CLI::Option* opt : app->get_options()) {
    // The global options a subcommand repeats for its --help (cli/cli.cpp)
    // are the app's own, listed once.
    if (!opt->nonpositional() || opt->get_group() == kGlobalGroup) continue;
    OptionInfo info;
    for (const std::string& s : opt->get_snames()) info.names.push_back("-" + s);
    for (const std::string& l : opt->get_lnames()) info.names.push_back("--" + l);
    if (opt->get_expected_max() != 0) {
      const std::string type = opt->get_type_name();
      info.value = type.substr(0, type.find(':'));  // without the checks CLI11 appends
    }
    info.choices = ChoicesOf(opt);
    info.help = opt->get_description();
    out.push_back(std::move(info));
  }
  return out;
}

CommandInfo CommandOf(CLI::App* app) {
  CommandInfo c{app->get_name(), app->get_aliases(), app->get_description(), "", {}, OptionsOf(app),
                app->get_footer()};
  for (CLI::Option* opt : app->get_options()) {
    if (opt->get_positional()) {
      if (c.positional.empty()) c.positional = opt->get_name();
      c.positionals.emplace_back(opt->get_name(), opt->get_description());
    }
  }
  return c;
}

// The subcommands --help lists (not the hidden manpage).
std::vector<CommandInfo> CommandsOf(CLI::App* app) {
  std::vector<CommandInfo> out;
  for (CLI::App* sub : app->get_subcommands([](CLI::App* s) { return !s->get_group().empty(); })) {
    out.push_back(CommandOf(sub));
  }
  return out;
}

std::string Join(const std::vector<std::string>& words, const std::string& separator) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

// The command and its aliases, as one pattern of a shell `case`.
std::string CasePattern(const CommandInfo& c) {
  std::vector<std::string> names{c.name};
  names.insert(names.end(), c.aliases.begin(), c.aliases.end());
  return Join(names, "|");
}

// A value that names a file or folder completes as a path.
bool IsPathValue(const std::string& value) { return value == "FILE" || value == "DIR" || value == "PATH"; }

// Help text within single quotes, on one line, at most `width` bytes cut
// at a word: zsh and fish show one line per option.
std::string ShortHelp(std::string help, size_t width = 70) {
  const size_t stop = help.find_first_of(":;(");
  if (stop != std::string::npos && stop > 10) help.erase(stop);
  if (help.size() > width) help.erase(help.rfind(' ', width));
  std::string out;
  for (char ch : help) {
    if (ch == '\'') {
      out += "'\\''";
    } else if (ch == '[' || ch == ']') {
      out += ch == '[' ? '(' : ')';  // zsh's option spec brackets
    } else {
      out += ch == '\n' ? ' ' : ch;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out;
}

// `options` but those named in `seen` (-h, --help).
std::vector<OptionInfo> Unseen(const std::vector<OptionInfo>& options, const std::vector<OptionInfo>& seen) {
  std::vector<OptionInfo> out;
  for (const OptionInfo& o : options) {
    const bool known = std::any_of(seen.begin(), seen.end(), [&](const OptionInfo& s) { return s.names == o.names; });
    if (!known) out.push_back(o);
  }
  return out;
}

// --- bash ---------------------------------------------------------------------------

std::string BashCompletion(const std::vector<OptionInfo>& globals, const std::vector<CommandInfo>& commands) {
  std::vector<std::string> command_names, global_names;
  for (const CommandInfo& c : commands) command_names.push_back(c.name);
  for (const OptionInfo& o : globals) global_names.insert(global_names.end(), o.names.begin(), o.names.end());
  // What follows an option that takes a value: its choices, a path, or
  // nothing to offer (a number). The same option has the same value in every
  // subcommand.
  std::set<std::string> seen;
  std::string values;
  auto add_values = [&](const std::vector<OptionInfo>& options) {
    for (const OptionInfo& o : options) {
      if (o.value.empty() || !seen.insert(Join(o.names, "|")).second) continue;
      std::string reply = "COMPREPLY=()";
      if (!o.choices.empty()) {
        reply = "COMPREPLY=($(compgen -W '" + Join(o.choices, " ") + "' -- \"$cur\"))";
      } else if (IsPathValue(o.value)) {
        reply = "COMPREPLY=($(compgen -f -- \"$cur\"))";
      }
      values += "    " + Join(o.names, "|") + ") " + reply + "; return ;;\n";
    }
  };
  add_values(globals);
  for (const CommandInfo& c : commands) add_values(c.options);

  // Per command: its options, and what its other words are (paths, or a
  // word from a list).
  std::string command_cases;
  std::string command_words;
  for (const CommandInfo& c : commands) {
    std::vector<std::string> words = global_names;
    for (const OptionInfo& o : Unseen(c.options, globals)) words.insert(words.end(), o.names.begin(), o.names.end());
    std::string args;
    if (c.name == "completions") args = Join(kCompletionShells, " ");
    if (c.name == "help") args = Join(command_names, " ");
    const bool paths = args.empty() && !c.positional.empty();
    command_cases += "    " + CasePattern(c) + ") options='" + Join(words, " ") + "' args='" + args + "' paths=" +
                     (paths ? "1" : "''") + " ;;\n";
    command_words += (command_words.empty() ? "" : "|") + CasePattern(c);
  }
  std::ostringstream out;
  out << "# bash completion for lexfr, written by `lexfr completions bash` from its option table.\n"
      << "_lexfr() {\n"
      << "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
      << "  local command='' options args paths i\n"
      << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      << "    case \"${COMP_WORDS[i]}\" in\n"
      << "      " << command_words << ") command=\"${COMP_WORDS[i]}\"; break ;;\n"
      << "    esac\n"
      << "  done\n"
      << "  case \"$prev\" in\n"
      << values << "  esac\n"
      << "  case \"$command\" in\n"
      << "    '') options='" << Join(global_names, " ") << "' args='" << Join(command_names, " ") << "' paths='' ;;\n"
      << command_cases << "  esac\n"
      << "  if [[ \"$cur\" == -* ]]; then\n"
      << "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
      << "  elif [[ -n \"$paths\" ]]; then\n"
      << "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      << "  else\n"
      << "    COMPREPLY=($(compgen -W \"$args\" -- \"$cur\"))\n"
      << "  fi\n"
      << "}\n"
      << "complete -o filenames -F _lexfr lexfr\n";
  return out.str();
}

// --- zsh ----------------------------------------------------------------------------

std::string ZshSpecs(const std::vector<OptionInfo>& options, const std::string& indent) {
  std::string out;
  for (const OptionInfo& o : options) {
    for (const std::string& name : o.names) {
      std::string spec = "'" + name + "[" + ShortHelp(o.help) + "]";
      if (!o.value.empty()) {
        spec += ":" + o.value + ":";
        if (!o.choices.empty()) {
          spec += "(" + Join(o.choices, " ") + ")";
        } else if (IsPathValue(o.value)) {
          spec += "_files";
        } else {
          spec += " ";
        }
      }
      out += indent + spec + "' \\\n";
    }
  }
  return out;
}

std::string ZshCompletion(const std::vector<OptionInfo>& globals, const std::vector<CommandInfo>& commands) {
  std::ostringstream out;
  out << "#compdef lexfr\n"
      << "# zsh completion for lexfr, written by `lexfr completions zsh` from its option table.\n"
      << "_lexfr() {\n"
      << "  local -a commands\n"
      << "  commands=(\n";
  for (const CommandInfo& c : commands) out << "    '" << c.name << ":" << ShortHelp(c.description) << "'\n";
  out << "  )\n"
      << "  local state\n"
      << "  _arguments -C \\\n"
      << ZshSpecs(globals, "    ") << "    '1: :->command' \\\n"
      << "    '*:: :->arguments'\n"
      << "  case $state in\n"
      << "    command) _describe 'command' commands ;;\n"
      << "    arguments)\n"
      << "      case $words[1] in\n";
  for (const CommandInfo& c : commands) {
    // The globals again (zsh reads each command's words apart), once each.
    out << "        " << CasePattern(c) << ")\n          _arguments \\\n" << ZshSpecs(globals, "            ")
        << ZshSpecs(Unseen(c.options, globals), "            ");
    if (c.name == "completions") {
      out << "            '1:shell:(" << Join(kCompletionShells, " ") << ")'\n";
    } else if (c.name == "help") {
      out << "            '1:command:(";
      for (const CommandInfo& h : commands) out << h.name << " ";
      out << ")'\n";
    } else if (!c.positional.empty()) {
      out << "            '*:" << c.positional << ":_files'\n";
    } else {
      out << "            '*: :'\n";
    }
    out << "          ;;\n";
  }
  out << "      esac ;;\n"
      << "  esac\n"
      << "}\n"
      << "_lexfr \"$@\"\n";
  return out.str();
}

// --- fish ---------------------------------------------------------------------------

std::string FishOption(const OptionInfo& o, const std::string& condition) {
  std::string line = "complete -c lexfr" + condition;
  for (const std::string& name : o.names) line += (name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1));
  if (!o.value.empty()) line += " -r";
  if (!o.choices.empty()) line += " -f -a '" + Join(o.choices, " ") + "'";
  if (!o.value.empty() && o.choices.empty() && IsPathValue(o.value)) line += " -F";
  return line + " -d '" + ShortHelp(o.help) + "'\n";
}

std::string FishCompletion(const std::vector<OptionInfo>& globals, const std::vector<CommandInfo>& commands) {
  std::string out =
      "# fish completion for lexfr, written by `lexfr completions fish` from its option table.\n"
      "complete -c lexfr -f\n";
  for (const CommandInfo& c : commands) {
    out += "complete -c lexfr -n __fish_use_subcommand -a " + c.name + " -d '" + ShortHelp(c.description) + "'\n";
  }
  for (const OptionInfo& o : globals) out += FishOption(o, "");
  for (const CommandInfo& c : commands) {
    std::string names = c.name;
    for (const std::string& a : c.aliases) names += " " + a;
    const std::string condition = " -n '__fish_seen_subcommand_from " + names + "'";
    for (const OptionInfo& o : Unseen(c.options, globals)) out += FishOption(o, condition);
    if (c.name == "completions") {
      out += "complete -c lexfr" + condition + " -a '" + Join(kCompletionShells, " ") + "'\n";
    } else if (!c.positional.empty()) {
      out += "complete -c lexfr" + condition + " -F\n";
    }
  }
  return out;
}

// --- the man page -------------------------------------------------------------------

// Text as roff: backslashes escaped, and a line that would start with '.'
// or '\'' protected, so that no help text is read as a request.
std::string Roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char ch : text) {
    if (line_start && (ch == '.' || ch == '\'')) out += "\\&";
    if (ch == '\\') {
      out += "\\e";
    } else if (ch == '-') {
      out += "\\-";
    } else {
      out += ch;
    }
    line_start = ch == '\n';
  }
  return out;
}

// Text kept as it is laid out (the tables and examples of --help), without
// its title line.
std::string RoffVerbatim(const std::string& text) {
  const size_t body = text.find('\n');
  return ".nf\n" + Roff(body == std::string::npos ? "" : text.substr(body + 1)) + "\n.fi\n";
}

std::string RoffOptions(const std::vector<OptionInfo>& options) {
  std::string out;
  for (const OptionInfo& o : options) {
    std::string names;
    for (const std::string& n : o.names) names += (names.empty() ? "" : ", ") + ("\\fB" + Roff(n) + "\\fR");
    if (!o.value.empty()) names += " \\fI" + Roff(o.value) + "\\fR";
    out += ".TP\n" + names + "\n" + Roff(o.help) + "\n";
  }
  return out;
}

// The footer's "Examples:" block, when it has one.
std::string ExamplesOf(const std::string& footer) {
  const size_t start = footer.find("Examples:");
  if (start == std::string::npos) return "";
  const size_t end = footer.find("\n\n", start);
  return footer.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

std::string Completions(CLI::App* app, const std::string& shell) {
  const std::vector<OptionInfo> globals = OptionsOf(app);
  const std::vector<CommandInfo> commands = CommandsOf(app);
  if (shell == "bash") return BashCompletion(globals, commands);
  if (shell == "zsh") return ZshCompletion(globals, commands);
  if (shell == "fish") return FishCompletion(globals, commands);
  return "";
}

std::string ManPage(CLI::App* app, const ManPageText& text) {
  std::ostringstream out;
  out << ".\\\" lexfr(1), written by `lexfr manpage` from the option table of --help: do not edit.\n"
      << ".TH LEXFR 1 \"\" \"lexfr " << text.version << "\" \"User Commands\"\n"
      << ".SH NAME\nlexfr \\- analyze French legal and news texts into JSON\n"
      << ".SH SYNOPSIS\n.B lexfr\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIPATH\\fR...]\n"
      << ".br\n.B lexfr help\n[\\fICOMMAND\\fR]\n"
      << ".SH DESCRIPTION\n" << Roff(app->get_description()) << "\n"
      << ".SH GLOBAL OPTIONS\n" << RoffOptions(OptionsOf(app)) << ".SH COMMANDS\n";
  for (const CommandInfo& c : CommandsOf(app)) {
    // One positional: any number of them (PATH...); several: the first, then the others optional.
    std::string synopsis;
    for (size_t i = 0; i < c.positionals.size(); ++i) {
      const std::string& name = c.positionals[i].first;
      synopsis += c.positionals.size() == 1 ? " [" + name + "...]" : i == 0 ? " " + name : " [" + name + "]";
    }
    out << ".SS \"lexfr " << c.name << " [OPTIONS]" << synopsis << "\"\n" << Roff(c.description) << ".\n";
    if (!c.aliases.empty()) out << "Also spelt \\fB" << Roff(Join(c.aliases, ", ")) << "\\fR.\n";
    for (const auto& [name, help] : c.positionals) out << ".TP\n\\fI" << Roff(name) << "\\fR\n" << Roff(help) << "\n";
    out << RoffOptions(c.options);
    if (const std::string examples = ExamplesOf(c.footer); !examples.empty()) {
      out << ".PP\n" << RoffVerbatim(examples);
    }
  }
  out << ".SH EXIT STATUS\n" << RoffVerbatim(text.exit_codes)
      << ".SH ENVIRONMENT\n"
      << ".TP\n.B NO_COLOR\nWhen set and not empty, log messages on stderr are not coloured "
         "(unless \\fB\\-\\-color always\\fR).\n"
      << ".TP\n.B LEXFR_PDF_MODULE\nThe path of the PDF module to load instead of the installed one "
         "(only that file is tried).\n"
      << ".SH FILES\n"
      << ".TP\n.I /usr/lib/lexfr/liblexfr_pdf.so\nThe PDF module (poppler), loaded the first time a PDF comes; "
         "looked for in \\fI../lib/lexfr/\\fR from the folder of the \\fBlexfr\\fR binary. Without it, PDF inputs "
         "fail with exit code 78; text and HTML still work.\n"
      << ".SH EXAMPLES\n" << RoffVerbatim(text.examples)
      << ".SH SEE ALSO\n\\fBjq\\fR(1)\n";
  return out.str();
}

}  // namespace lexfr
