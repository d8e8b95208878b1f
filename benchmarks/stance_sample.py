"""Print a random sample of the stance, relation or quote rows of a finished run, for reading by hand.

    python benchmarks/stance_sample.py OUT_DIR [--table stances|relations|quotes] [--n 40] [--seed 7]

Run the CLI first (`python -m analysis run INPUT... --out OUT_DIR`). For stances the sample is drawn from
the rows that take a side (support or oppose) and shows the actor, the target, the side, the cue and the
evidence sentence; for relations it shows source, relation, target, cue and evidence; for quotes it is drawn
from the direct, partial and indirect quotes (not scare quotes) and shows the speaker, kind, cue and quoted
words, with the quote's sentence and the one before it (where a pronoun's person is usually named). A
reader marks each row right or wrong to measure the precision of the engine's calls on real news, which
the sample's gold labels (tests/test_sample_gold.py) cannot show: those only score the actor-target pairs a
human labelled.
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


def draw(rows: pd.DataFrame, *, n: int, seed: int) -> pd.DataFrame:
    """At most `n` rows, drawn at random with a fixed seed so the sample can be drawn again."""
    return rows.sample(min(n, len(rows)), random_state=seed)


QUOTE_KINDS = ("direct", "partial", "indirect")


def describe(row, table: str) -> str:
    """One drawn row as a numbered entry's first line (without the evidence)."""
    if table == "relations":
        return f"{row.source_actor} -> {row.relation} -> {row.target_actor} | cue: {row.cue}"
    if table == "quotes":
        speaker = f"{row.speaker} ({row.speaker_id})" if row.speaker_id else row.speaker or "(no speaker)"
        return f"{speaker} | {row.kind} | cue: {row.cue} | {row.article_id} {row.start}-{row.end} | {row.text}"
    return f"{row.actor} | {row.target_id} | {row.stance} | cue: {row.cue}"


def quote_evidence(quotes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The quotes with an `evidence` column: the text of the sentence before the quote's and of its own."""
    texts = sentences.set_index(["article_id", "sentence_id"])["text"]
    evidence = [
        " ".join(str(texts.get((article, number), "")) for number in (sentence - 1, sentence))
        for article, sentence in zip(quotes["article_id"], quotes["sentence_id"], strict=True)
    ]
    return quotes.assign(evidence=evidence)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="output folder of `python -m analysis run`")
    parser.add_argument("--table", choices=["stances", "relations", "quotes"], default="stances")
    parser.add_argument("--n", type=int, default=40, help="rows to draw (default 40)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args()
    results = load_results(args.out)
    table = getattr(results, args.table)
    if args.table == "stances":
        pool, kind = decided_rows(table), "support/oppose"
    elif args.table == "quotes":
        pool, kind = table[table["kind"].isin(QUOTE_KINDS)], "direct/partial/indirect"
    else:
        pool, kind = table, "relation"
    print(f"{len(table):,} {args.table} rows, {len(pool):,} {kind} rows; a sample of {min(args.n, len(pool))}:")
    drawn = draw(pool, n=args.n, seed=args.seed)
    if args.table == "quotes":
        drawn = quote_evidence(drawn, results.sentences)
    for number, row in enumerate(drawn.itertuples(), start=1):
        evidence = " ".join(str(row.evidence).split())
        print(f"{number:>3}. {describe(row, args.table)}\n     {evidence}")


if __name__ == "__main__":
    main()
