"""Measure end-to-end throughput of `python -m analysis run` on a real corpus and list the top actors.

Usage:
    python benchmarks/throughput.py ../shared/eval/russia_ukraine_news/ --jobs 1 2

Each run starts from an empty results folder (no reuse), so the figure covers reading, cleaning,
de-duplication, sentence splitting, actor matching and every later stage, plus writing Parquet.
Each --jobs value runs --repeat times (default 3) after one warm-up run that is not counted; the median is
reported, both end to end (with Python start-up and imports, about a second) and inside the run as the CLI
times itself, as articles/s, words/s and words/s per core; then the 20 most mentioned actors.
`--extra --stages actors` times the actor pipeline alone.

The runs use Python's bytecode cache as a user's machine does after the first run: PYTHONDONTWRITEBYTECODE,
which some sandboxes set, is cleared for them, so that start-up does not include compiling ActorLens's own
modules again every time (about 0.2 s).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.store import load_results  # noqa: E402
from analysis.summaries import count_mentions_by_actor  # noqa: E402


def run_once(inputs: list[Path], jobs: int, extra: list[str]) -> tuple[float, float, Path]:
    """Run the CLI once into a fresh folder; return the wall time, the words/s the CLI reports for its own
    time after imports (exact, where its seconds are rounded), and the folder."""
    out_dir = Path(tempfile.mkdtemp(prefix="actorlens-bench-")) / "out"
    command = [sys.executable, "-m", "analysis", "run", *map(str, inputs), "--out", str(out_dir)]
    command += ["--jobs", str(jobs), "--quiet", *extra]
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True, env=environment)
    elapsed = time.perf_counter() - started
    timing = re.search(r"^Wrote .* s \(([0-9,]+) words/s\)", finished.stdout, re.MULTILINE)
    return elapsed, float(timing.group(1).replace(",", "")) if timing else float("nan"), out_dir


def describe(label: str, seconds: float, articles: int, words: int, jobs: int) -> str:
    """One line of figures for a median time."""
    return (
        f"    {label}: {seconds:.2f} s = {articles / seconds:,.1f} articles/s, {words / seconds:,.0f} words/s, "
        f"{words / seconds / jobs:,.0f} words/s per core"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3, help="runs per --jobs value; the median is reported")
    parser.add_argument("--extra", nargs=argparse.REMAINDER, default=[], help="more CLI options")
    args = parser.parse_args()
    top = None
    warm_up = run_once(args.inputs, args.jobs[0], args.extra)  # bytecode cache written, files in the page cache
    shutil.rmtree(warm_up[2].parent, ignore_errors=True)
    for jobs in args.jobs:
        runs = [run_once(args.inputs, jobs, args.extra) for _ in range(max(1, args.repeat))]
        results = load_results(runs[-1][2])
        for _, _, out_dir in runs:  # each run wrote into a temporary folder of its own
            shutil.rmtree(out_dir.parent, ignore_errors=True)
        articles, words = len(results.articles), int(results.articles["n_words"].sum())
        print(f"--jobs {jobs}: {articles} articles, {words:,} words, median of {len(runs)} runs")
        wall = statistics.median(run[0] for run in runs)
        inside = statistics.median(words / run[1] for run in runs)
        print(describe("end to end, with Python start-up", wall, articles, words, jobs))
        print(describe("inside the run (as the CLI reports)", inside, articles, words, jobs))
        top = count_mentions_by_actor(results.mentions, results.articles).head(20)
    if top is not None:
        print("\nTop 20 actors (mentions, articles):")
        for row in top.itertuples():
            flag = "" if not str(row.actor_id).startswith("unregistered:") else "  [not in registry]"
            print(f"  {row.actor:<40} {row.mentions:>6} {row.articles:>5}{flag}")


if __name__ == "__main__":
    main()
