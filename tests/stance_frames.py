"""Hand-built per-article frames for the stance and relation tests (one sentence per text line)."""

from __future__ import annotations

import pandas as pd

QUOTE_FIELDS = ["quote_id", "sentence_id", "speaker_id", "speaker", "text", "kind", "cue", "start", "end"]


def make_sentences(text: str) -> pd.DataFrame:
    """Sentences split at ". " boundaries given as line breaks: each line of `text` is one sentence."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return pd.DataFrame(
        {
            "sentence_id": range(len(spans)),
            "start": [s for s, _ in spans],
            "end": [e for _, e in spans],
            "text": [text[s:e] for s, e in spans],
        }
    )


def sentence_of(text: str, position: int) -> int:
    """The line number holding a character offset."""
    return text.count("\n", 0, position)


def make_mentions(text: str, rows: list[tuple[str, str]]) -> pd.DataFrame:
    """Mentions from (actor_id, surface); each surface is found after the previous one (in text order)."""
    records, cursor = [], 0
    for actor_id, surface in rows:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        records.append((sentence_of(text, start), actor_id, actor_id.replace("_", " ").title(), surface, start, cursor))
    return pd.DataFrame(records, columns=["sentence_id", "actor_id", "actor", "surface", "start", "end"])


def make_quotes(text: str, rows: list[tuple[str, ...]], *, polarity: list[float] | None = None) -> pd.DataFrame:
    """Quotes from (speaker_id, kind, quoted words) or (speaker_id, kind, quoted words, cue; "said" when not
    given), optionally with a polarity column."""
    records = []
    for quote_id, (speaker_id, kind, words, *cue) in enumerate(rows):
        start = text.index(words)
        speaker = speaker_id.replace("_", " ").title() if speaker_id else ""
        verb = cue[0] if cue else "said"
        records.append(
            (quote_id, sentence_of(text, start), speaker_id, speaker, words, kind, verb, start, start + len(words))
        )
    frame = pd.DataFrame(records, columns=QUOTE_FIELDS)
    return frame.assign(polarity=polarity) if polarity is not None else frame


NO_QUOTES = pd.DataFrame(columns=QUOTE_FIELDS)


def load_seed_tables(resources, seed_path) -> tuple[str, dict[str, pd.DataFrame]]:
    """The seed article's text and its tables from the full pipeline."""
    from analysis.ingest import read_corpus
    from analysis.pipeline import article_tables

    article = read_corpus([seed_path]).articles.iloc[0]
    return article["text"], dict(article_tables(article["article_id"], article["text"], resources))
