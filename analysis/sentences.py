"""Sentence spans of an article: spaCy's punctuation sentencizer, never crossing a paragraph break."""

from __future__ import annotations

import numpy as np
import pandas as pd
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc, Span

from analysis.schema import SENTENCE_COLUMNS


def sentence_token_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [first word, last word + 1) of the sentences in a parsed doc, skipping blank ones."""
    if len(doc) == 0:
        return []
    array = doc.to_array([SENT_START, IS_SPACE])
    starts = np.flatnonzero(array[:, 0] == 1)
    words = ~array[:, 1].astype(bool)
    ranges: list[tuple[int, int]] = []
    for begin, finish in zip(starts, [*starts[1:], len(doc)], strict=True):
        inside = np.flatnonzero(words[begin:finish])
        if len(inside):
            ranges.append((int(begin + inside[0]), int(begin + inside[-1] + 1)))
    return ranges


def sentence_spans(doc: Doc, ranges: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences in a parsed doc, without surrounding whitespace."""
    if ranges is None:
        ranges = sentence_token_ranges(doc)
    if not ranges:
        return []
    array = doc.to_array([IDX, LENGTH])
    return [(int(array[first, 0]), int(array[last - 1, 0] + array[last - 1, 1])) for first, last in ranges]


def split_sentences(text: str, *, nlp) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (pipeline from analysis.nlp.make_pipeline)."""
    return sentence_spans(nlp(text))


BASE_SENTENCE_COLUMNS: tuple[str, ...] = tuple(c for c in SENTENCE_COLUMNS if c not in ("polarity", "subjectivity"))


def sentence_rows(article_id: str, text: str, spans: list[tuple[int, int]]) -> list[tuple]:
    """The sentences of one article as row tuples (BASE_SENTENCE_COLUMNS)."""
    return [(article_id, index, start, end, text[start:end]) for index, (start, end) in enumerate(spans)]


def make_sentence_table(article_id: str, text: str, spans: list[tuple[int, int]]) -> pd.DataFrame:
    """The sentences of one article as a table (without sentiment columns)."""
    return pd.DataFrame(sentence_rows(article_id, text, spans), columns=list(BASE_SENTENCE_COLUMNS))


def is_headline_case(sentence: Span) -> bool:
    """True for a sentence in title case ("Putin Says Considering ..."), where capitals say nothing about names."""
    words = [token for token in sentence if token.is_alpha and len(token) > 3]
    return len(words) >= 3 and sum(token.text[0].isupper() for token in words) * 4 >= len(words) * 3
