#!/usr/bin/env bash
# Every check CI runs, after the packages are installed (README, second
# command): the release build and its tests, its Debian package installed
# and run, the fuzzers for a minute each,
# then the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer,
# and last the release suite's summary so CI logs end on a ctest line.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"

echo "== release build and tests"
cmake -S . -B build
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== the Debian package: built, installed with apt-get, run, purged"
# Installing into /usr needs root and apt-get, as CI has (.ci/run); elsewhere
# the install tree is still checked by tests/e2e/test_install.py.
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "skipped: installing lexfr_*.deb needs root and apt-get"
else
  rm -f build/lexfr_*.deb
  (cd build && cpack -G DEB | tail -n 1)
  apt-get install -y --no-install-recommends ./build/lexfr_*_amd64.deb >/dev/null
  /usr/bin/lexfr --version
  /usr/bin/lexfr analyze data/samples/isoc-emc2-recours.txt | jq -e '.entities | length > 10' >/dev/null
  /usr/bin/lexfr analyze tests/fixtures/two-pages.pdf | jq -e '.source.format == "pdf" and .source.pages == 2' >/dev/null
  man -w lexfr
  bash -c 'source /usr/share/bash-completion/completions/lexfr && complete -p lexfr &&
           COMP_WORDS=(lexfr ana) COMP_CWORD=1 && _lexfr && [ "${COMPREPLY[*]}" = analyze ]'
  apt-get purge -y lexfr >/dev/null
  if command -v lexfr >/dev/null; then echo "lexfr is still installed after apt-get purge"; exit 1; fi
  echo "lexfr_*.deb: installed, ran on text and PDF, man page and bash completion found, purged"
fi

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
