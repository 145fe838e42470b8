// lexfr_adversarial: writes the worst-case inputs of adversarial_inputs.h to
// files, for tests that run the real binary on them.
//
//   lexfr_adversarial list                    one line per input: name, stage, html (0/1), what
//   lexfr_adversarial write NAME BYTES FILE   the input NAME, about BYTES bytes, to FILE
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "adversarial_inputs.h"

int main(int argc, char** argv) {
  using lexfr_bench::AdversarialInput;
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "list" && argc == 2) {
    for (const AdversarialInput& in : lexfr_bench::AdversarialInputs()) {
      std::printf("%s\t%s\t%d\t%s\n", in.name.c_str(), in.stage.c_str(), in.html ? 1 : 0, in.what.c_str());
    }
    return 0;
  }
  if (command == "write" && argc == 5) {
    const AdversarialInput* in = lexfr_bench::FindAdversarialInput(argv[2]);
    if (in == nullptr) {
      std::fprintf(stderr, "lexfr_adversarial: no input called %s (see: lexfr_adversarial list)\n", argv[2]);
      return 64;
    }
    const std::string text = in->make(std::strtoull(argv[3], nullptr, 10));
    std::ofstream out(argv[4], std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out.flush()) {
      std::fprintf(stderr, "lexfr_adversarial: cannot write %s\n", argv[4]);
      return 73;
    }
    return 0;
  }
  std::fprintf(stderr, "usage: lexfr_adversarial list | lexfr_adversarial write NAME BYTES FILE\n");
  return 64;
}
