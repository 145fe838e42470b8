#!/usr/bin/env bash
# Batch throughput and memory of `lexfr analyze DIR`: a measurement, not a
# test (nothing here fails on a slow machine).
#
# Makes folders of 2,000 and 10,000 small files (copies of tests/corpus/dev
# and data/samples, 50 to a subfolder), runs `lexfr analyze DIR --jobs 1` and
# `--jobs 2` on each under /usr/bin/time -v, checks that both give the same
# bytes, and prints files/s, MB/s (input bytes), the speed-up and the peak
# RSS; then, as a control, two `--jobs 1` processes at once on the two halves
# of the folder: the speed-up this machine gives two threads that share
# nothing, which `--jobs 2` cannot beat. Peak RSS should not grow with the number of files: only paths are held
# for the whole run, texts and documents go through a window of 4 x jobs.
#
# Usage: tests/bench/batch_bench.sh [LEXFR_BINARY]   (default: build/lexfr)
# Needs: bash, coreutils, findutils, /usr/bin/time (Debian package `time`).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$(realpath "${1:-$root/build/lexfr}")"
[[ -x "$bin" ]] || { echo "no lexfr binary at $bin (build first, or give its path)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sources=("$root"/tests/corpus/dev/*.txt "$root"/data/samples/*.txt)

# make_folder N DIR: file i is a copy of source i mod S, in DIR/dI/50. One tee
# per source writes all its copies, so no process per file is started.
make_folder() {
  local n=$1 dir=$2 j i
  for ((j = 0; j < ${#sources[@]}; j++)); do
    : > "$tmp/names"
    for ((i = j; i < n; i += ${#sources[@]})); do
      mkdir -p "$dir/d$((i / 50))"
      printf '%s\n' "$dir/d$((i / 50))/f$i.txt" >> "$tmp/names"
    done
    xargs -d '\n' -a "$tmp/names" tee < "${sources[j]}" > /dev/null
  done
}

# measure DIR JOBS: prints "seconds peak_kib md5" of one run.
measure() {
  local dir=$1 jobs=$2 md5
  md5=$(/usr/bin/time -v -o "$tmp/time" "$bin" analyze -q --jobs "$jobs" "$dir" | md5sum | cut -c1-32)
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time" |
         awk -F: '{ s = 0; for (k = 1; k <= NF; k++) s = s * 60 + $k; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")
  echo "$wall $rss $md5"
}

# measure_halves DIR: seconds until two `--jobs 1` processes, started
# together on the first and the second half of DIR's subfolders, both end.
measure_halves() {
  local dir=$1 subs first second
  mapfile -t subs < <(find "$dir" -mindepth 1 -maxdepth 1 -type d | sort)
  first=("${subs[@]:0:${#subs[@]}/2}")
  second=("${subs[@]:${#subs[@]}/2}")
  local start end
  start=$(date +%s.%N)
  "$bin" analyze -q --jobs 1 "${first[@]}" > /dev/null &
  local pid=$!
  "$bin" analyze -q --jobs 1 "${second[@]}" > /dev/null
  wait "$pid"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { print e - s }'
}

echo "lexfr batch benchmark: $(nproc) cores, $("$bin" --version)"
printf '%7s %5s %9s %9s %7s %10s\n' files jobs seconds files/s MB/s "peak RSS"
for n in 2000 10000; do
  dir="$tmp/corpus-$n"
  make_folder "$n" "$dir"
  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
  declare -A secs=()
  md5s=()
  for jobs in 1 2; do
    read -r wall rss md5 < <(measure "$dir" "$jobs")
    secs[$jobs]=$wall
    md5s+=("$md5")
    awk -v n="$n" -v j="$jobs" -v s="$wall" -v b="$bytes" -v r="$rss" 'BEGIN {
      printf "%7d %5d %9.2f %9.0f %7.2f %7.1f MiB\n", n, j, s, n / s, b / 1e6 / s, r / 1024 }'
  done
  [[ "${md5s[0]}" == "${md5s[1]}" ]] || { echo "--jobs 1 and --jobs 2 gave different output" >&2; exit 1; }
  # The machine's own ceiling, measured in the same minutes: the folder's two
  # halves each given to a separate `--jobs 1` process, both at once. Two
  # processes share nothing in lexfr, so what they lose against 2x is the
  # machine's (clock under load of both cores, shared cache, the kernel), and
  # `--jobs 2` is judged against it as well as against 2x.
  halves=$(measure_halves "$dir")
  awk -v a="${secs[1]}" -v b="${secs[2]}" -v h="$halves" -v n="$n" 'BEGIN {
    printf "%7d files: --jobs 2 is %.2fx --jobs 1 (same bytes out); two --jobs 1 processes on the halves: %.2fx (the machine ceiling); --jobs 2 reaches %.0f%% of it\n",
           n, a / b, a / h, 100 * (a / b) / (a / h) }'
  rm -rf "$dir"
done
