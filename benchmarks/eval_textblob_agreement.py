"""How often ActorLens's article-level TextBlob scoring gives exactly TextBlob's own sentence scores.

Usage:
    python benchmarks/eval_textblob_agreement.py INPUT [INPUT ...] [--show 5]

INPUT is anything `python -m analysis run` reads. Every sentence (as the pipeline splits them) is scored
by analysis.lexicon_sentiment (one pass per article) and by `TextBlob(sentence).sentiment`; the script
prints how many (polarity, subjectivity) pairs are equal, a few that differ, and the CPU time of both.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from textblob import TextBlob

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.ingest import read_corpus
from analysis.lexicon_sentiment import lexicon_entries, score_spans
from analysis.nlp import make_pipeline
from analysis.sentences import split_sentences


def main(argv: list[str] | None = None) -> int:
    """Score every sentence both ways and print the agreement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", type=Path, nargs="+")
    parser.add_argument("--show", type=int, default=5, help="how many differing sentences to print")
    args = parser.parse_args(argv)
    nlp = make_pipeline()
    texts = list(read_corpus(args.inputs).articles["text"])
    articles = [(text, split_sentences(text, nlp=nlp)) for text in texts]
    lexicon_entries()  # read the lexicon before timing, as TextBlob does on its first call below
    TextBlob("warm up").sentiment  # noqa: B018
    started = time.process_time()
    ours = [score_spans(text, spans, spans) for text, spans in articles]
    our_seconds = time.process_time() - started
    started = time.process_time()
    theirs = [[tuple(TextBlob(text[start:end]).sentiment) for start, end in spans] for text, spans in articles]
    their_seconds = time.process_time() - started
    differing = [
        (text[start:end], mine, reference)
        for (text, spans), article_ours, article_theirs in zip(articles, ours, theirs, strict=True)
        for (start, end), mine, reference in zip(spans, article_ours, article_theirs, strict=True)
        if abs(mine[0] - reference[0]) > 1e-12 or abs(mine[1] - reference[1]) > 1e-12
    ]
    total = sum(len(spans) for _, spans in articles)
    print(f"{len(texts)} articles, {total:,} sentences: {total - len(differing):,} scored exactly as TextBlob")
    print(f"CPU time: ActorLens {our_seconds:.2f} s, TextBlob per sentence {their_seconds:.2f} s")
    for sentence, mine, reference in differing[: args.show]:
        ours_text, theirs_text = f"{mine[0]:.3f}/{mine[1]:.3f}", f"{reference[0]:.3f}/{reference[1]:.3f}"
        print(f"  {sentence[:100]!r}: ActorLens {ours_text}, TextBlob {theirs_text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
