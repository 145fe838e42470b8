// lexfr: analyse French legal and news texts into JSON.
// Everything happens in RunCli (src/cli.cpp); the pipeline is lexfr/analyze.h.
#include "cli.h"

int main(int argc, char** argv) { return lexfr::RunCli(argc, argv); }
