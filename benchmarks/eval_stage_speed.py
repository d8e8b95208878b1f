"""Words per CPU-second of the sentiment, stance and relation stages on a CSV of articles (one core).

Usage:
    python benchmarks/eval_stage_speed.py PATH/TO/articles.csv [MORE.csv ...] [--text-column articles]
        [--title-column headlines]

Sentences and mentions come from the ActorLens pipeline and quotes from analysis.quotes; those are
prepared first and not timed. Each stage is then timed with process CPU time over all articles.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.clauses import load_clause_rules
from analysis.pipeline import Settings, article_tables, load_resources
from analysis.quotes import extract_quotes, load_speech_cues
from analysis.registry import load_registry
from analysis.relations import detect_relations, load_relation_cues
from analysis.sentiment import add_sentiment
from analysis.stance import detect_stances, load_stance_cues, load_targets

Prepared = list[tuple[str, pd.DataFrame, pd.DataFrame, pd.DataFrame]]


def read_texts(paths: list[Path], *, text_column: str, title_column: str) -> list[str]:
    """Title + blank line + body of every row, as ingest builds articles.text."""
    texts = []
    for path in paths:
        frame = pd.read_csv(path)
        titles = frame[title_column].fillna("") if title_column in frame.columns else [""] * len(frame)
        texts += [f"{title}\n\n{body}" for title, body in zip(titles, frame[text_column].fillna(""), strict=True)]
    return texts


def prepare(texts: list[str]) -> Prepared:
    """(text, sentences, mentions, quotes) per article from the earlier pipeline stages."""
    resources, registry, speech = load_resources(Settings(ner_model="")), load_registry(), load_speech_cues()
    prepared = []
    for index, text in enumerate(texts):
        tables = article_tables(str(index), text, resources)
        quotes = extract_quotes(text, tables["sentences"], tables["mentions"], registry=registry, cues=speech)
        prepared.append((text, tables["sentences"], tables["mentions"], quotes))
    return prepared


def cpu_seconds(stage: Callable[[str, pd.DataFrame, pd.DataFrame, pd.DataFrame], object], prepared: Prepared) -> float:
    """CPU seconds one stage takes over every prepared article."""
    started = time.process_time()
    for text, sentences, mentions, quotes in prepared:
        stage(text, sentences, mentions, quotes)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    """Prepare the articles, time each stage and print words per CPU-second."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path, nargs="+")
    parser.add_argument("--text-column", default="articles")
    parser.add_argument("--title-column", default="headlines")
    args = parser.parse_args(argv)
    texts = read_texts(args.csv, text_column=args.text_column, title_column=args.title_column)
    prepared = prepare(texts)
    words = sum(len(text.split()) for text in texts)
    rules, targets, stance_cues, relation_cues = (
        load_clause_rules(),
        load_targets(),
        load_stance_cues(),
        load_relation_cues(),
    )
    stages = {
        "sentiment (textblob)": lambda t, s, m, q: add_sentiment(t, s, m, q, engine="textblob", rules=rules),
        "sentiment (vader)": lambda t, s, m, q: add_sentiment(t, s, m, q, engine="vader", rules=rules),
        "stance": lambda t, s, m, q: detect_stances(t, s, m, q, targets=targets, cues=stance_cues),
        "relations": lambda t, s, m, q: detect_relations(t, s, m, q, cues=relation_cues),
    }
    print(f"{len(texts)} articles, {words} words")
    for name, stage in stages.items():
        print(f"{name:22s} {words / cpu_seconds(stage, prepared):>10,.0f} words per CPU-second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
