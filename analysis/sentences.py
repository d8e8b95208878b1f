"""Sentence spans of an article: spaCy's punctuation sentencizer, never crossing a paragraph break."""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from analysis.schema import SENTENCE_COLUMNS


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences in a parsed doc, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    text = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


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
