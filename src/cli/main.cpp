// lexfr: analyse French legal and news texts into JSON.
// Everything happens in RunCli (src/cli/cli.cpp); the pipeline is lexfr/analyze.h.
#include "cli/cli.h"

int main(int argc, char** argv) { return lexfr::RunCli(argc, argv); }
