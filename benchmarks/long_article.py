"""Time the CLI on one very long article (a live blog of many entries), at several lengths.

    python benchmarks/long_article.py INPUT... [--sizes 250000 500000 1000000]

The article is the texts of INPUT (anything `python -m analysis run` reads) joined one after another and
cut to each size in characters. A rule that compares every mention or quote of an article with every
sentence makes the time grow with the square of the length; this prints the time and words per second
at each size, so such a rule shows as a falling rate.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.ingest import read_corpus


def long_text(inputs: list[Path], size: int) -> str:
    """The articles' texts joined by blank lines, cut to `size` characters."""
    texts = read_corpus(inputs).articles["text"]
    joined = "\n\n".join(texts)
    if len(joined) < size:
        raise SystemExit(f"the inputs hold {len(joined):,} characters, fewer than {size:,}")
    return joined[:size]


def time_run(text: str, folder: Path) -> float:
    """Seconds of wall time for `python -m analysis run` on one file holding the text."""
    article = folder / "live_blog.txt"
    article.write_text("A long live blog\n\n" + text, encoding="utf-8")
    started = time.perf_counter()
    command = [sys.executable, "-m", "analysis", "run", str(article), "--out", str(folder / "out"), "--quiet"]
    subprocess.run(command, check=True, capture_output=True, cwd=Path(__file__).resolve().parent.parent)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--sizes", nargs="+", type=int, default=[250_000, 500_000, 1_000_000])
    args = parser.parse_args()
    for size in args.sizes:
        text = long_text(args.inputs, size)
        with tempfile.TemporaryDirectory() as folder:
            seconds = time_run(text, Path(folder))
        words = len(text.split())
        print(
            f"{size:>9,} characters, {words:>7,} words: {seconds:5.1f} s end to end, {words / seconds:>7,.0f} words/s"
        )


if __name__ == "__main__":
    main()
