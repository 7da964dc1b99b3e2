"""malloc settings for the app's threads (glibc): one arena, and big blocks always mapped.

glibc's malloc gives each thread that allocates an arena of its own (up to eight per core),
and what one thread frees stays in its arena, out of the other threads' reach. The app's
threads take turns at big allocations: the extraction worker builds an article's entities, the
store's worker indexes its text, the event loop lays it out. With an arena each, a 10 MB
article peaked at 357 MB, at 300 MB with one (`benchmarks/bench_open.py`). Python threads run
one at a time under the GIL, so sharing one arena makes them wait on no lock worth measuring.

glibc also maps blocks over 128 KiB on their own, and gives them back whole when freed, but
each time one is freed it raises that threshold to the block's size (up to 32 MiB): once the
store's worker had freed the copies of a 10 MB article it indexed, blocks of up to that size
came from the heap, where what is freed mostly stays resident. Pinned at 128 KiB, the 10 MB
article peaked at 275 MB instead of 295.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3
"""glibc's mallopt parameter for the size from which a block is mapped on its own."""
M_ARENA_MAX = -8
"""glibc's mallopt parameter for the most arenas malloc makes (malloc.h)."""
MAP_FROM = 128 << 10
"""Bytes from which a block is mapped on its own: glibc's initial threshold, kept."""


def configure_malloc() -> bool:
    """One arena for every thread, blocks from MAP_FROM mapped; whether the C library took
    these (glibc does; elsewhere nothing changes). Call before any other thread starts: glibc
    sizes its arena limit once, when a thread first needs an arena."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the interpreter runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return mallopt(M_ARENA_MAX, 1) == 1 and mallopt(M_MMAP_THRESHOLD, MAP_FROM) == 1
