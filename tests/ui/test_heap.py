"""The app's threads share one malloc arena (reader.ui.heap), so what one frees another reuses
(issue 19: a 10 MB article peaked at 357 MB with an arena per thread, 300 MB with one)."""

import subprocess
import sys

PROGRAM = """
import ctypes, os, sys, tempfile, threading
from reader.ui.heap import share_one_arena

if sys.argv[1] == "shared":
    assert share_one_arena()
together = threading.Barrier(4)

def allocate():
    together.wait()
    kept = [bytes(4096) for _ in range(500)]  # beyond Python's small-object allocator
    together.wait()  # all alive at once, each with its memory

threads = [threading.Thread(target=allocate) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
libc = ctypes.CDLL(None)
libc.fdopen.restype = ctypes.c_void_p
libc.malloc_info.argtypes = (ctypes.c_int, ctypes.c_void_p)
libc.fclose.argtypes = (ctypes.c_void_p,)
with tempfile.TemporaryFile() as report:
    stream = libc.fdopen(os.dup(report.fileno()), b"w")
    libc.malloc_info(0, stream)
    libc.fclose(stream)
    report.seek(0)
    print(report.read().decode().count("<heap nr="))
"""


def arenas(mode: str) -> int:
    """How many arenas glibc reports after four threads allocated at once."""
    out = subprocess.run(
        [sys.executable, "-c", PROGRAM, mode], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def test_threads_allocate_from_one_arena() -> None:
    assert arenas("default") > 1  # what the threads do by themselves
    assert arenas("shared") == 1
