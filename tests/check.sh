#!/usr/bin/env bash
# Every check CI runs, after the packages are installed (README, second
# command): the release build and its tests, the fuzzers for a minute each,
# then the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer,
# and last the release suite's summary so CI logs end on a ctest line.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"

echo "== release build and tests"
cmake -S . -B build
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== fuzzers, about one minute each (clang, libFuzzer)"
CXX=clang++ cmake -S . -B build-fuzz -DLEXFR_BUILD_FUZZERS=ON -DLEXFR_BUILD_TESTS=OFF
cmake --build build-fuzz -j"$jobs" --target decode_fuzzer analyze_fuzzer extract_fuzzer
for harness in decode_fuzzer analyze_fuzzer extract_fuzzer; do
  mkdir -p "build-fuzz/corpus-$harness"
  "build-fuzz/tests/fuzz/$harness" -max_total_time=60 -max_len=4096 -timeout=10 \
    -artifact_prefix="build-fuzz/" "build-fuzz/corpus-$harness" tests/fuzz/seeds 2>&1 | tail -n 3
done

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEXFR_SANITIZE=ON
cmake --build build-asan -j"$jobs"
ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== release tests, once more for the summary"
ctest --test-dir build -j"$jobs"
