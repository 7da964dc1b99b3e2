"""The app's malloc settings (reader.ui.heap): its threads share one arena, so what one frees
another reuses, and big blocks are mapped on their own whatever was freed before (issue 19:
a 10 MB article peaked at 357 MB with an arena per thread, 300 MB with one, 275 MB with both
settings)."""

import subprocess
import sys

SETUP = """
import ctypes, os, sys, tempfile, threading
from reader.ui.heap import configure_malloc

if sys.argv[1] == "configured":
    assert configure_malloc()
libc = ctypes.CDLL(None)
"""

ARENAS = """
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

MAPPED = """
FIELDS = "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost"

class Info(ctypes.Structure):  # struct mallinfo2, returned whole
    _fields_ = [(name, ctypes.c_size_t) for name in FIELDS.split()]

libc.mallinfo2.restype = Info
freed = bytes(8 << 20)
del freed  # glibc would now take blocks under 8 MiB from the heap
before = libc.mallinfo2().hblks
kept = bytes(1 << 20)
print(libc.mallinfo2().hblks - before)
"""


def run(program: str, mode: str) -> int:
    out = subprocess.run(
        [sys.executable, "-c", SETUP + program, mode], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def test_threads_allocate_from_one_arena() -> None:
    assert run(ARENAS, "default") > 1  # what four threads allocating at once get by default
    assert run(ARENAS, "configured") == 1


def test_big_blocks_stay_mapped_after_a_bigger_one_is_freed() -> None:
    assert run(MAPPED, "default") == 0  # from the heap, by glibc's moving threshold
    assert run(MAPPED, "configured") == 1
