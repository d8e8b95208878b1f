"""Print a random sample of the registered actor mentions of a finished run, for reading by hand.

    python benchmarks/mention_sample.py OUT_DIR [--per-method 30] [--seed 20261126]

Run the CLI first (`python -m analysis run INPUT... --out OUT_DIR`). The sample takes the same number of
registered mentions from each way of finding them (alias, metonym, short name, title, pronoun), so that
the rare methods get enough rows to judge, and shows each mention marked [[like this]] in about 100
characters of its article on either side. A reader marks each row right or wrong; weighting each
method's precision by its share of all registered mentions gives the precision of the whole table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.store import load_results

METHODS = ("alias", "metonym", "short_name", "title", "pronoun")
CONTEXT_CHARACTERS = 100


def draw_per_method(mentions: pd.DataFrame, *, per_method: int, seed: int) -> pd.DataFrame:
    """Up to `per_method` registered mentions of each method, drawn with a fixed seed, in METHODS order."""
    registered = mentions[mentions["registered"]]
    parts = []
    for method in METHODS:
        rows = registered[registered["method"] == method]
        parts.append(rows.sample(min(per_method, len(rows)), random_state=seed))
    return pd.concat(parts)


def in_context(text: str, start: int, end: int) -> str:
    """The mention marked [[like this]] with the article text around it, on one line."""
    before = text[max(0, start - CONTEXT_CHARACTERS) : start]
    after = text[end : end + CONTEXT_CHARACTERS]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="output folder of `python -m analysis run`")
    parser.add_argument("--per-method", type=int, default=30, help="rows per method (default 30)")
    parser.add_argument("--seed", type=int, default=20261126, help="random seed (default 20261126)")
    args = parser.parse_args()
    results = load_results(args.out)
    texts = dict(zip(results.articles["article_id"], results.articles["text"], strict=True))
    registered = results.mentions[results.mentions["registered"]]
    counts = registered["method"].value_counts()
    print(f"{len(registered):,} registered mentions: " + ", ".join(f"{m} {counts.get(m, 0):,}" for m in METHODS))
    sample = draw_per_method(results.mentions, per_method=args.per_method, seed=args.seed)
    for number, row in enumerate(sample.itertuples(), start=1):
        context = in_context(texts[row.article_id], int(row.start), int(row.end))
        print(f"{number:>3}. {row.method} | {row.actor} | {row.article_id}/{row.sentence_id}\n     {context}")


if __name__ == "__main__":
    main()
