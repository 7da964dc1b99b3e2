"""One malloc arena for all of the app's threads (glibc).

glibc's malloc gives each thread that allocates an arena of its own (up to eight per core),
and what one thread frees stays in its arena, out of the other threads' reach. The app's
threads take turns at big allocations: the extraction worker builds an article's entities, the
store's worker indexes its text, the event loop lays it out. With an arena each, a 10 MB
article peaked at 357 MB, at 300 MB with one (`benchmarks/bench_open.py`). Python threads run
one at a time under the GIL, so sharing one arena makes them wait on no lock worth measuring.
"""

from __future__ import annotations

import ctypes
import sys

M_ARENA_MAX = -8
"""glibc's mallopt parameter for the most arenas malloc makes (malloc.h)."""


def share_one_arena() -> bool:
    """Have every thread allocate from the main arena; whether the C library took it (glibc
    does; elsewhere nothing changes). Call before any other thread starts: glibc sizes its
    arena limit once, when a thread first needs an arena."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the interpreter runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return mallopt(M_ARENA_MAX, 1) == 1
