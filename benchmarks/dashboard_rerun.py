"""Measure how long a dashboard page takes to rerun after a filter change on the bundled sample (AppTest, in-process).

Run: python benchmarks/dashboard_rerun.py [--repeats 5]. Prints per page the median and worst rerun time of the
script (the server-side cost of a filter change; the browser adds drawing time on top).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from analysis.store import load_results  # noqa: E402
from dashboard import corpus  # noqa: E402

PAGES = ("overview", "actors", "sentiment", "stance", "quotes", "network", "articles", "data")


def prepare_sample() -> str:
    """Analyse the sample once into the cache folder (so timings measure filtering only); return its top actor."""
    choice = corpus.make_sample_choice()
    results_dir = corpus.analyse_corpus(choice, content_hash=corpus.hash_corpus(choice))
    return str(load_results(results_dir).mentions["actor_id"].value_counts().index[0])


def time_filter_changes(page: str, *, actor_id: str, repeats: int) -> list[float]:
    """Return the seconds of each rerun of a page after alternately choosing one actor and clearing the choice."""
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    app.switch_page(f"dashboard/pages/{page}.py").run()
    timings = []
    for index in range(repeats):
        app.multiselect(key="flt_actors").set_value([actor_id] if index % 2 == 0 else [])
        started = time.perf_counter()
        app.run()
        timings.append(time.perf_counter() - started)
        if app.exception:
            raise RuntimeError(f"{page}: {app.exception[0].value}")
    return timings


def main() -> None:
    """Print the rerun times of every page."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=6)
    args = parser.parse_args()
    os.environ.setdefault(corpus.CACHE_ENV, tempfile.mkdtemp(prefix="actorlens-bench-"))
    started = time.perf_counter()
    actor_id = prepare_sample()
    print(f"sample analysed (or found in cache) in {time.perf_counter() - started:.1f} s")
    print(f"{'page':<10} {'median s':>9} {'worst s':>8}")
    for page in PAGES:
        timings = time_filter_changes(page, actor_id=actor_id, repeats=args.repeats)
        print(f"{page:<10} {statistics.median(timings):>9.3f} {max(timings):>8.3f}")


if __name__ == "__main__":
    main()
