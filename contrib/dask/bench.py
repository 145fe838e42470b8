#!/usr/bin/python3
"""Speed-up of two Dask workers over one: builds a corpus of --files *.txt
files from tests/corpus/dev (2,000 by default), starts a local cluster of
real worker processes (one thread each, over loopback TCP), runs the driver
on it with 1 worker and then 2, and prints files/s and the speed-up. Each
lexfr run gets --jobs 1, so a worker is one core's worth of work. The times
are the fastest of --repeat runs, each the driver's whole run (start-up,
connecting, gathering). Every run's
output is checked against `lexfr analyze` on one machine, byte for byte.

  contrib/dask/bench.py --lexfr build/lexfr [--files 2000] [--mode folder|files]
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
DRIVER = ROOT / "contrib" / "dask" / "lexfr_dask.py"


def make_corpus(root, n):
    texts = sorted((ROOT / "tests" / "corpus" / "dev").glob("*.txt"))
    for i in range(n):
        text = texts[i % len(texts)]
        path = root / f"{i % 20:02d}" / f"{i:05d}-{text.name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.read_bytes())


def timed(command, cwd):
    start = time.monotonic()
    r = subprocess.run(command, capture_output=True, cwd=cwd)
    seconds = time.monotonic() - start
    if r.returncode != 0:
        sys.exit(f"{command[:3]} exited {r.returncode}: {r.stderr.decode(errors='replace')}")
    return seconds, r.stdout


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--lexfr", default=str(ROOT / "build" / "lexfr"))
    p.add_argument("--files", type=int, default=2000)
    p.add_argument("--mode", choices=["folder", "files"], default="files")
    p.add_argument("--chunk-size", type=int, default=200)
    p.add_argument("--repeat", type=int, default=3, help="runs of each setting; the fastest counts (default 3)")
    args = p.parse_args()
    from distributed import LocalCluster

    lexfr = str(pathlib.Path(args.lexfr).resolve())
    with tempfile.TemporaryDirectory(prefix="lexfr-dask-bench-") as tmp:
        tmp = pathlib.Path(tmp)
        make_corpus(tmp / "corpus", args.files)
        listing = sorted(str(p.relative_to(tmp)) for p in (tmp / "corpus").rglob("*.txt"))
        (tmp / "list.txt").write_text("\n".join(listing) + "\n")
        if args.mode == "folder":
            single_args, driver_args = ["corpus"], ["corpus"]
        else:
            single_args, driver_args = ["--files-from", "list.txt"], ["--files-from", "list.txt",
                                                                    "--chunk-size", str(args.chunk_size)]
        print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before the runs")
        seconds, expected = min((timed([lexfr, "analyze", "-q", "--jobs", "1", *single_args], tmp)
                                 for _ in range(args.repeat)), key=lambda run: run[0])
        print(f"one machine, lexfr --jobs 1: {args.files} files in {seconds:.2f} s "
              f"({args.files / seconds:.0f} files/s)")
        rates = {}
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                              host="127.0.0.1") as cluster:
                command = [sys.executable, str(DRIVER), "--scheduler", cluster.scheduler_address, "--wait-workers",
                           str(workers), "--lexfr", lexfr, "--jobs", "1", "-q", *driver_args]
                timed(command, tmp)  # warm-up: imports, page cache
                runs = [timed(command, tmp) for _ in range(args.repeat)]
                seconds, out = min(runs, key=lambda run: run[0])
            if out != expected:
                sys.exit(f"{workers} workers: the output differs from one machine's")
            rates[workers] = args.files / seconds
            print(f"dask, {workers} worker{'s' if workers > 1 else ''}: {args.files} files in {seconds:.2f} s "
                  f"({rates[workers]:.0f} files/s), output identical to one machine's")
        print(f"speed-up of 2 workers over 1: {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
