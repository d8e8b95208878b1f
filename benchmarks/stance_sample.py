"""Print a random sample of the support/oppose stance rows of a finished run, for reading by hand.

    python benchmarks/stance_sample.py OUT_DIR [--n 40] [--seed 7]

Run the CLI first (`python -m analysis run INPUT... --out OUT_DIR`). Each printed row shows the actor, the
target, the side, the cue and the evidence sentence; a reader marks each one right or wrong to measure the
precision of the engine's calls on real news, which the sample's gold labels (tests/test_sample_gold.py)
cannot show: those only score the actor-target pairs a human labelled.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.store import load_results


def decided_rows(stances: pd.DataFrame) -> pd.DataFrame:
    """The stance rows that take a side (support or oppose)."""
    return stances[stances["stance"].isin(["support", "oppose"])]


def draw(stances: pd.DataFrame, *, n: int, seed: int) -> pd.DataFrame:
    """At most `n` decided rows, drawn at random with a fixed seed so the sample can be drawn again."""
    decided = decided_rows(stances)
    return decided.sample(min(n, len(decided)), random_state=seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="output folder of `python -m analysis run`")
    parser.add_argument("--n", type=int, default=40, help="rows to draw (default 40)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args()
    stances = load_results(args.out).stances
    decided = decided_rows(stances)
    print(f"{len(stances):,} stance rows, {len(decided):,} support/oppose; a sample of {min(args.n, len(decided))}:")
    for number, row in enumerate(draw(stances, n=args.n, seed=args.seed).itertuples(), start=1):
        evidence = " ".join(str(row.evidence).split())
        print(f"{number:>3}. {row.actor} | {row.target_id} | {row.stance} | cue: {row.cue}\n     {evidence}")


if __name__ == "__main__":
    main()
