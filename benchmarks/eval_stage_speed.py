"""Words per CPU-second of each per-article stage of the default pipeline, on one core.

Usage:
    python benchmarks/eval_stage_speed.py INPUT [INPUT ...] [--repeat 3]

INPUT is anything `python -m analysis run` reads (folders, tables, archives). The articles are read
once; then each stage runs over every article, in pipeline order, on what the earlier stages produced:
the spaCy tokenizer and sentence splitter, actor mentions, quotes, sentiment (TextBlob, and VADER for
comparison), stance and relations. Each stage is timed with process CPU time; the best of --repeat
passes is printed, after a first pass that warms the tokenizer's vocabulary as a long run would.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.article_view import ArticleView, view_from_rows
from analysis.ingest import read_corpus
from analysis.later_stages import LaterRules, load_later_rules
from analysis.mentions import find_mention_rows
from analysis.nlp import warm_tokenizer_cache
from analysis.pipeline import NAN, Settings, batches, load_resources
from analysis.quotes import quote_rows
from analysis.relations import find_relation_records
from analysis.sentences import sentence_rows, sentence_spans, sentence_token_ranges
from analysis.sentiment import score_view
from analysis.stance import find_stance_records

BATCH = 50  # articles per batch, as analysis.pipeline.run_batches cuts a corpus of 200 or more on one core


def best_cpu_seconds(stage: Callable[[], object], repeat: int) -> float:
    """Least process CPU time of `repeat` runs of a stage."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        stage()
        best = min(best, time.process_time() - started)
    return best


def tokenize_all(nlp, articles: list[tuple[str, str]]) -> list:
    """Every article tokenized and split into sentences, batch by batch as the pipeline does."""
    docs = []
    for batch in batches([text for _, text in articles], size=BATCH):
        warm_tokenizer_cache(nlp, batch)
        docs += [nlp(text) for text in batch]
    return docs


def prepare(articles: list[tuple[str, str]], resources, rules: LaterRules):
    """Every stage's input, built once with the pipeline's own functions."""
    docs = tokenize_all(resources.nlp, articles)
    mentions, sentences = [], []
    for (article_id, text), doc in zip(articles, docs, strict=True):
        ranges = sentence_token_ranges(doc)
        spans = sentence_spans(doc, ranges)
        starts = [start for start, _ in spans]
        rows = find_mention_rows(article_id, doc, starts, matcher=resources.matcher, ranges=ranges, text=text)
        mentions.append([(*row, NAN, NAN) for row in rows])
        sentences.append([(*row, NAN, NAN) for row in sentence_rows(article_id, text, spans)])
    quotes = [
        quote_rows(article_id, text, sentence, mention, registry=rules.registry, cues=rules.speech)
        for (article_id, text), sentence, mention in zip(articles, sentences, mentions, strict=True)
    ]
    views = [
        view_from_rows(text, sentence, mention, quote)
        for (_, text), sentence, mention, quote in zip(articles, sentences, mentions, quotes, strict=True)
    ]
    return docs, sentences, mentions, views


def scored(views: list[ArticleView], rules: LaterRules) -> list[ArticleView]:
    """The views with quote polarity filled in, as the stance rules read them."""
    result = []
    for view in views:
        _, _, quote_scores = score_view(view, engine="textblob", rules=rules.clauses)
        quotes = tuple((*quote[:-1], polarity) for quote, (polarity, _) in zip(view.quotes, quote_scores, strict=True))
        result.append(ArticleView(view.text, view.sentences, view.mentions, quotes))
    return result


def main(argv: list[str] | None = None) -> int:
    """Read the articles, time each stage and print words per CPU-second."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", type=Path, nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    frame = read_corpus(args.inputs).articles
    articles = list(zip(frame["article_id"], frame["text"], strict=True))
    words = int(frame["n_words"].sum())
    resources = load_resources(Settings(ner_model=""))
    rules = load_later_rules(resources.settings, resources.matcher.registry)
    docs, sentences, mentions, views = prepare(articles, resources, rules)
    ready = scored(views, rules)
    stages: dict[str, Callable[[], object]] = {
        "tokenizer + sentences": lambda: tokenize_all(resources.nlp, articles),
        "mentions": lambda: [
            find_mention_rows(
                article_id, doc, [start for start, _ in sentence_spans(doc)], matcher=resources.matcher, text=text
            )
            for (article_id, text), doc in zip(articles, docs, strict=True)
        ],
        "quotes": lambda: [
            quote_rows(article_id, text, sentence, mention, registry=rules.registry, cues=rules.speech)
            for (article_id, text), sentence, mention in zip(articles, sentences, mentions, strict=True)
        ],
        "sentiment (textblob)": lambda: [score_view(view, engine="textblob", rules=rules.clauses) for view in views],
        "sentiment (vader)": lambda: [score_view(view, engine="vader", rules=rules.clauses) for view in views],
        "stance": lambda: [find_stance_records(view, targets=rules.targets, cues=rules.stance) for view in ready],
        "relations": lambda: [find_relation_records(view, cues=rules.relations) for view in ready],
    }
    print(f"{len(articles)} articles, {words:,} words; best of {args.repeat} passes per stage")
    default_total = 0.0
    for name, stage in stages.items():
        seconds = best_cpu_seconds(stage, args.repeat)
        default_total += 0.0 if name == "sentiment (vader)" else seconds
        print(f"{name:24s} {seconds:7.3f} s {words / seconds:>12,.0f} words per CPU-second")
    print(
        f"{'default stages together':24s} {default_total:7.3f} s {words / default_total:>12,.0f} words per CPU-second"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
