"""Worker processes for --jobs: one way to start them, shared by reading the files and analysing the articles."""

from __future__ import annotations

import multiprocessing
from multiprocessing.pool import Pool


def worker_pool(processes: int) -> Pool:
    """A pool of `processes` workers. fork hands them the parent's loaded modules and resources at once;
    where fork is missing (Windows), spawn starts them afresh and they rebuild what they need."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method).Pool(processes)
