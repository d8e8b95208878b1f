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
    # sentence number of every token (-1 before the first sentence start), then of every non-space token
    sentence_of = np.cumsum(array[:, 0] == 1) - 1
    words = np.flatnonzero(~array[:, 1].astype(bool) & (sentence_of >= 0))
    if not len(words):
        return []
    owners = sentence_of[words]
    first = np.r_[True, owners[1:] != owners[:-1]]  # the first word of each sentence that has one
    last = np.r_[owners[1:] != owners[:-1], True]
    return [(int(begin), int(end) + 1) for begin, end in zip(words[first], words[last], strict=True)]


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
