"""Measure end-to-end throughput of `python -m analysis run` on a real corpus and list the top actors.

Usage:
    python benchmarks/throughput.py ../shared/eval/russia_ukraine_news/ --jobs 1 2

Each run starts from an empty results folder (no reuse), so the figure covers reading, cleaning,
de-duplication, sentence splitting, actor matching and every later stage, plus writing Parquet.
It prints articles/s and words/s per run, words/s per core, and the 20 most mentioned actors.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.store import load_results  # noqa: E402
from analysis.summaries import count_mentions_by_actor  # noqa: E402


def run_once(inputs: list[Path], jobs: int, extra: list[str]) -> tuple[float, Path, str]:
    """Run the CLI once into a fresh folder; return the wall time, the folder and the CLI's timing line."""
    out_dir = Path(tempfile.mkdtemp(prefix="actorlens-bench-")) / "out"
    command = [sys.executable, "-m", "analysis", "run", *map(str, inputs), "--out", str(out_dir)]
    command += ["--jobs", str(jobs), "--quiet", *extra]
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    timing = [line for line in finished.stdout.splitlines() if line.startswith("Wrote ")]
    return time.perf_counter() - started, out_dir, timing[-1] if timing else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--extra", nargs=argparse.REMAINDER, default=[], help="more CLI options")
    args = parser.parse_args()
    out_dir = None
    for jobs in args.jobs:
        elapsed, out_dir, timing = run_once(args.inputs, jobs, args.extra)
        results = load_results(out_dir)
        articles, words = len(results.articles), int(results.articles["n_words"].sum())
        print(
            f"--jobs {jobs}: {articles} articles, {words:,} words in {elapsed:.2f} s = "
            f"{articles / elapsed:,.1f} articles/s, {words / elapsed:,.0f} words/s "
            f"({words / elapsed / jobs:,.0f} words/s per core) including Python start-up and imports"
        )
        print(f"    inside the run (after imports): {timing}")
    if out_dir is not None:
        results = load_results(out_dir)
        top = count_mentions_by_actor(results.mentions, results.articles).head(20)
        print("\nTop 20 actors (mentions, articles):")
        for row in top.itertuples():
            flag = "" if not str(row.actor_id).startswith("unregistered:") else "  [not in registry]"
            print(f"  {row.actor:<40} {row.mentions:>6} {row.articles:>5}{flag}")


if __name__ == "__main__":
    main()
