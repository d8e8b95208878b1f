"""Sentiment scoring speed (words per second, one core) on a CSV of article texts, and a TextBlob identity check.

Usage:
    python benchmarks/eval_sentiment_speed.py PATH/TO/articles.csv [MORE.csv ...] [--column articles]

The texts are split into sentences with the ActorLens pipeline; each engine scores every sentence through
analysis.sentiment.score_texts. `TextBlob(text).sentiment` is timed as a reference, and its numbers are
compared with ours on every sentence (they must be identical).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from textblob import TextBlob

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.nlp import make_pipeline
from analysis.sentences import split_sentences
from analysis.sentiment import ENGINES, score_texts


def read_sentences(paths: list[Path], *, column: str) -> list[str]:
    """Every sentence of every text in the CSV files' `column`."""
    nlp = make_pipeline()
    texts = [text for path in paths for text in pd.read_csv(path)[column].dropna().astype(str)]
    return [text[start:end] for text in texts for start, end in split_sentences(text, nlp=nlp)]


def time_call(function: Callable[[list[str]], object], sentences: list[str]) -> tuple[object, float]:
    """The function's result on the sentences and the seconds it took."""
    started = time.perf_counter()
    result = function(sentences)
    return result, time.perf_counter() - started


def count_mismatches(sentences: list[str], scores: pd.DataFrame) -> int:
    """Sentences whose TextBlob(text).sentiment differs from our TextBlob scores in any digit."""
    reference = [TextBlob(text).sentiment for text in sentences]
    return sum(
        (ref.polarity, ref.subjectivity) != (polarity, subjectivity)
        for ref, polarity, subjectivity in zip(reference, scores["polarity"], scores["subjectivity"], strict=True)
    )


def main(argv: list[str] | None = None) -> int:
    """Time each engine and the TextBlob reference; print words per second and the identity check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path, nargs="+")
    parser.add_argument("--column", default="articles", help="column holding the article text")
    args = parser.parse_args(argv)
    sentences = read_sentences(args.csv, column=args.column)
    words = sum(len(text.split()) for text in sentences)
    score_texts(["warm up the lexicons"], engine="textblob"), score_texts(["warm up"], engine="vader")
    print(f"{len(sentences)} sentences, {words} words")
    results = {}
    for engine in ENGINES:
        results[engine], seconds = time_call(lambda batch, engine=engine: score_texts(batch, engine=engine), sentences)
        print(f"{engine:28s} {words / seconds:>10,.0f} words/s")
    _, seconds = time_call(lambda batch: [TextBlob(text).sentiment for text in batch], sentences)
    print(f"{'TextBlob(text).sentiment':28s} {words / seconds:>10,.0f} words/s (reference)")
    print(f"TextBlob mismatches: {count_mismatches(sentences, results['textblob'])} of {len(sentences)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
