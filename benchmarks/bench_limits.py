"""Inputs at and beyond the size limit: peak memory at the limit, and how fast the rest is
refused.

Run: python benchmarks/bench_limits.py [--size-mb 32] [--skip-extract]

Each command runs as the installed `reader` in a fresh child process, so its peak resident
memory (ru_maxrss) is its own. Targets from issue 15:
- at the limit (`--size-mb`, default the 32 MB default limit), `reader render` and
  `reader extract` peak under 10x the input + 200 MB;
- beyond it, a 1 GB file, endless standard input (`/dev/zero`), a FIFO and a device are
  refused with one line in well under a second (they used to grow by ~350 MB/s, or block).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READER = Path(sys.executable).parent / "reader"
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "with open(sys.argv[1], 'rb') as stdin:\n"
    "    done = subprocess.run(sys.argv[2:], stdin=stdin, stdout=subprocess.DEVNULL,\n"
    "                          stderr=subprocess.PIPE)\n"
    "seconds = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
    "print(done.returncode, f'{seconds:.2f}', f'{peak:.0f}', done.stderr.decode().strip()[:70])\n"
)


def measure(*args: str, stdin: str = os.devnull) -> tuple[int, float, float, str]:
    """(exit status, seconds, peak MB, first line of stderr) of one `reader` run."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, stdin, str(READER), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split(" ", 3)
    return int(out[0]), float(out[1]), float(out[2]), out[3].strip() if len(out) > 3 else ""


def article_of(size: int, directory: Path) -> Path:
    """The bundled sample repeated up to just under `size` bytes of UTF-8."""
    from reader.resources import sample_article

    unit = sample_article().read_bytes()
    path = directory / "at-the-limit.txt"
    path.write_bytes(unit * ((size - 1) // len(unit)))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=32.0)
    parser.add_argument("--skip-extract", action="store_true", help="extraction takes minutes")
    options = parser.parse_args()
    limit = int(options.size_mb * 1024 * 1024)
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        article = article_of(limit, directory)
        size_mb = article.stat().st_size / 1024 / 1024
        target = 10 * size_mb + 200
        print(f"{'run':<34}{'exit':>5}{'s':>8}{'peak MB':>9}{'target MB':>11}  message")
        runs = [("render at the limit", ["render", str(article)])]
        if not options.skip_extract:
            runs.append(("extract at the limit", ["extract", str(article)]))
        for name, args in runs:
            status, seconds, peak, message = measure(*args, "--max-size", str(limit))
            print(f"{name:<34}{status:>5}{seconds:>8.2f}{peak:>9.0f}{target:>11.0f}  {message}")
        huge = directory / "huge.txt"
        with huge.open("wb") as stream:
            stream.truncate(1 << 30)
        fifo = directory / "pipe.txt"
        os.mkfifo(fifo)
        refusals = [
            ("render a 1 GB file", ["render", str(huge)], os.devnull),
            ("render - < /dev/zero", ["render", "-"], "/dev/zero"),
            ("render /dev/zero", ["render", "/dev/zero"], os.devnull),
            ("render a FIFO", ["render", str(fifo)], os.devnull),
            ("extract a 1 GB file", ["extract", str(huge)], os.devnull),
        ]
        for name, args, stdin in refusals:
            start = time.perf_counter()
            status, seconds, peak, message = measure(*args, stdin=stdin)
            print(f"{name:<34}{status:>5}{seconds:>8.2f}{peak:>9.0f}{'':>11}  {message}")
            assert time.perf_counter() - start < 60


if __name__ == "__main__":
    main()
