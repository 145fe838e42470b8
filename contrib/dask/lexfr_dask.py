#!/usr/bin/python3
"""Runs lexfr over a Dask distributed cluster and gathers its JSON Lines in
the order one machine would give them, byte for byte.

Three ways to hand out the work, each task one run of the lexfr binary on a
worker:

  FOLDER             every task runs `lexfr analyze FOLDER --shard K/N`; the
                     shards' outputs (each in path order) are merged by
                     source.path, which is lexfr's own order: the result is
                     `lexfr analyze FOLDER`. The outputs are held in memory
                     until all shards are done.
  --files-from LIST  contiguous chunks of the list, each run with
                     `lexfr analyze --files-from -`; written in chunk order as
                     they come: the result is `lexfr analyze --files-from LIST`.
  --input-jsonl FILE contiguous chunks of lines, each run in mapper mode
                     (`lexfr analyze --input-jsonl -`); written in chunk
                     order: the result is `lexfr analyze --input-jsonl FILE`.

The last two stream: at most --in-flight chunks are out at a time, so the
driver's memory does not grow with the corpus.

Every worker must see the lexfr binary at --lexfr and the files at the paths
the driver gives (a shared file system, mounted at the same place); tasks run
in the driver's working directory. Arguments after `--` go to every lexfr run
(--ref-date, --gazetteer, --include, --max-bytes...).

Exit code: as lexfr's in a batch: 65 when an input failed, else 1 when a
--fail-on condition was met, else 0; a task that exits otherwise (64 usage,
70...) gives its own code.
"""
import argparse
import collections
import heapq
import json
import os
import sys
import time


def run_lexfr(lexfr, args, stdin_bytes, cwd):
    """The task: one lexfr run on a worker. Self-contained (imports inside),
    so it pickles by value from a script."""
    import socket
    import subprocess

    try:
        proc = subprocess.run([lexfr, *args], input=stdin_bytes, capture_output=True, cwd=cwd)
    except OSError as e:  # no binary there, or no such folder: as a shell says it
        return 127, b"", f"lexfr_dask: on {socket.gethostname()}: {lexfr}: {e}\n".encode()
    return proc.returncode, proc.stdout, proc.stderr


def chunks_of_lines(stream, size):
    """Contiguous chunks of `size` lines (bytes, newlines kept) from a binary
    stream, read as they are asked for."""
    chunk = []
    for line in stream:
        if not line.endswith(b"\n"):
            line += b"\n"  # the last line: lexfr reads it the same without
        chunk.append(line)
        if len(chunk) == size:
            yield b"".join(chunk)
            chunk = []
    if chunk:
        yield b"".join(chunk)


def chunks_of_paths(data, nul, size):
    """Contiguous chunks of `size` entries of a --files-from list, in the
    list's own separator. Empty entries are dropped, as lexfr does."""
    sep = b"\0" if nul else b"\n"
    paths = [p for p in data.split(sep) if p]
    for i in range(0, len(paths), size):
        yield b"".join(p + sep for p in paths[i:i + size])


def merge_key(line):
    """Where a record stands in lexfr's walk: its source.path as UTF-8 bytes
    (whose order is the code point order, so lexfr's byte order of paths).
    The error record of a folder (a symlink loop, one that cannot be opened)
    stands where its files would: its path with a '/' after it."""
    record = json.loads(line)
    path = record["source"]["path"]
    code = record.get("error", {}).get("code")
    if code == "symlink_loop" or (code == "unreadable" and os.path.isdir(path)):
        path += "/"
    return path.encode("utf-8")


class Gatherer:
    """Collects the tasks' exit codes and stderr, and counts the records."""

    def __init__(self):
        self.codes = []
        self.records = 0

    def take(self, result):
        code, stdout, stderr = result
        self.codes.append(code)
        if stderr:
            sys.stderr.buffer.write(stderr)
            sys.stderr.flush()
        self.records += stdout.count(b"\n")
        return stdout

    def exit_code(self):
        others = [c for c in self.codes if c not in (0, 1, 65)]
        if others:
            return others[0]
        if 65 in self.codes:
            return 65
        return 1 if 1 in self.codes else 0


def run_in_order(client, task_args, chunks, in_flight, out, gatherer, lexfr, cwd):
    """Submits one task a chunk, at most `in_flight` out at a time, and
    writes their outputs in chunk order."""
    pending = collections.deque()
    for chunk in chunks:
        pending.append(client.submit(run_lexfr, lexfr, task_args, chunk, cwd, pure=False))
        if len(pending) >= in_flight:
            out.write(gatherer.take(pending.popleft().result()))
    while pending:
        out.write(gatherer.take(pending.popleft().result()))


def run_shards(client, folder, extra, tasks, out, gatherer, lexfr, cwd):
    """`lexfr analyze FOLDER --shard K/N` for K = 1..N, merged by source.path."""
    futures = [
        client.submit(run_lexfr, lexfr, ["analyze", "-q", folder, "--format", "jsonl", "--shard", f"{k}/{tasks}",
                                         *extra], None, cwd, pure=False)
        for k in range(1, tasks + 1)
    ]
    outputs = [gatherer.take(f.result()) for f in futures]
    for line in heapq.merge(*(o.splitlines(keepends=True) for o in outputs), key=merge_key):
        out.write(line)


def connect(args):
    from distributed import Client, LocalCluster

    if args.local:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    if args.scheduler_file:
        return Client(scheduler_file=args.scheduler_file), None
    return Client(args.scheduler), None


def parse_args(argv):
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    p = argparse.ArgumentParser(description="Run lexfr analyze over a Dask cluster; the output is the "
                                "single-machine output, byte for byte.",
                                epilog="Arguments after -- go to every lexfr run.")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDR", help="the scheduler, as tcp://host:8786")
    where.add_argument("--scheduler-file", metavar="FILE", help="the scheduler's --scheduler-file")
    where.add_argument("--local", type=int, metavar="N", help="start a local cluster of N one-thread workers")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("folder", nargs="?", metavar="FOLDER", help="a folder, walked as lexfr does")
    what.add_argument("--files-from", metavar="LIST", help="a list of paths, one a line ('-': stdin)")
    what.add_argument("--input-jsonl", metavar="FILE", help="JSON Lines documents ('-': stdin), mapper mode")
    p.add_argument("-0", "--null", action="store_true", help="--files-from is NUL-separated")
    p.add_argument("--lexfr", default="lexfr", help="the lexfr binary on the workers (default: lexfr on PATH)")
    p.add_argument("--chunk-size", type=int, default=500, metavar="N",
                   help="paths or lines a task (default 500)")
    p.add_argument("--tasks", type=int, default=0, metavar="N",
                   help="FOLDER: shards (default: 4 per worker)")
    p.add_argument("--in-flight", type=int, default=0, metavar="N",
                   help="chunks out at a time (default: 4 per worker)")
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="--jobs of each lexfr run (default: lexfr's, one per core of its worker)")
    p.add_argument("--wait-workers", type=int, default=1, metavar="N",
                   help="wait for N workers before starting (default 1)")
    p.add_argument("-o", "--output", default="-", metavar="FILE", help="write here instead of stdout")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    args = p.parse_args(argv)
    if args.chunk_size < 1:
        p.error("--chunk-size must be at least 1")
    return args, extra


def main(argv):
    args, extra = parse_args(argv)
    lexfr = os.path.abspath(args.lexfr) if os.sep in args.lexfr else args.lexfr
    cwd = os.getcwd()
    if args.jobs:
        extra = ["--jobs", str(args.jobs), *extra]
    start = time.monotonic()
    client, cluster = connect(args)
    try:
        client.wait_for_workers(args.wait_workers, timeout=120)
        workers = len(client.scheduler_info()["workers"])
        in_flight = args.in_flight or 4 * workers
        gatherer = Gatherer()
        out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
        try:
            if args.folder:
                run_shards(client, args.folder, extra, args.tasks or 4 * workers, out, gatherer, lexfr, cwd)
            elif args.input_jsonl:
                stream = sys.stdin.buffer if args.input_jsonl == "-" else open(args.input_jsonl, "rb")
                with stream:
                    run_in_order(client, ["analyze", "-q", "--input-jsonl", "-", *extra],
                                 chunks_of_lines(stream, args.chunk_size), in_flight, out, gatherer, lexfr, cwd)
            else:
                if args.files_from == "-":
                    data = sys.stdin.buffer.read()
                else:
                    with open(args.files_from, "rb") as f:
                        data = f.read()
                task_args = ["analyze", "-q", "--files-from", "-", *(["-0"] if args.null else []), *extra]
                run_in_order(client, task_args, chunks_of_paths(data, args.null, args.chunk_size), in_flight,
                             out, gatherer, lexfr, cwd)
        finally:
            if out is not sys.stdout.buffer:
                out.close()
            else:
                out.flush()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    seconds = time.monotonic() - start
    if not args.quiet:
        rate = gatherer.records / seconds if seconds > 0 else 0
        print(f"lexfr_dask: {gatherer.records} records, {len(gatherer.codes)} tasks on {workers} worker{'s' if workers != 1 else ''}, "
              f"{seconds:.1f} s ({rate:.0f} records/s)", file=sys.stderr)
    return gatherer.exit_code()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
