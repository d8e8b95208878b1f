"""Tests for analysis.article_view: one article's spans read once, from rows or from frames."""

from __future__ import annotations

import math

import pandas as pd

from analysis.article_view import Statement, view_from_frames, view_from_rows
from analysis.schema import MENTION_COLUMNS, QUOTE_COLUMNS, SENTENCE_COLUMNS

NAN = float("nan")
TEXT = 'Kyiv denied it. "It is a lie," Moscow said, calling it a "provocation".'
SENTENCES = [("a1", 0, 0, 15, TEXT[0:15], NAN, NAN), ("a1", 1, 16, len(TEXT), TEXT[16:], NAN, NAN)]
MENTIONS = [
    ("a1", 1, "russia", "Russia", "country", "Moscow", 31, 37, "metonym", True, NAN, NAN),
    ("a1", 0, "ukraine", "Ukraine", "country", "Kyiv", 0, 4, "metonym", True, NAN, NAN),
]
QUOTES = [
    ("a1", 0, 1, "russia", "Russia", "It is a lie,", "direct", "said", 17, 29, 0.0, 0.0),
    ("a1", 1, 1, "", "", "provocation", "scare", "", 59, 70, NAN, NAN),
    ("a1", 2, 0, "", "", "it", "indirect", "denied", 12, 14, NAN, NAN),
]


def test_rows_give_spans_in_text_order() -> None:
    view = view_from_rows(TEXT, SENTENCES, MENTIONS, QUOTES)
    assert view.sentences == ((0, 0, 15), (1, 16, len(TEXT)))
    assert view.mention_spans() == [("ukraine", "Ukraine", 0, 4), ("russia", "Russia", 31, 37)]
    assert view.quoted_spans() == [(17, 29, "russia")]
    assert view.statements() == {1: [Statement(17, 29, "russia", "Russia", "said", 0.0, "direct")]}


def test_frames_give_the_same_view() -> None:
    frames = [
        pd.DataFrame(rows, columns=list(columns))
        for rows, columns in ((SENTENCES, SENTENCE_COLUMNS), (MENTIONS, MENTION_COLUMNS), (QUOTES, QUOTE_COLUMNS))
    ]
    from_frames = view_from_frames(TEXT, *frames)
    from_rows = view_from_rows(TEXT, SENTENCES, MENTIONS, QUOTES)
    assert from_frames.sentences == from_rows.sentences
    assert from_frames.mentions == from_rows.mentions
    assert [quote[:-1] for quote in from_frames.quotes] == [quote[:-1] for quote in from_rows.quotes]
    assert [math.isnan(quote[-1]) for quote in from_frames.quotes] == [False, True, True]


def test_frames_without_score_or_cue_columns() -> None:
    quotes = pd.DataFrame(
        {"kind": ["direct"], "sentence_id": [1], "start": [17], "end": [29], "speaker_id": [None], "speaker": [None]}
    )
    view = view_from_frames(
        TEXT,
        pd.DataFrame(SENTENCES, columns=list(SENTENCE_COLUMNS)),
        pd.DataFrame(MENTIONS, columns=list(MENTION_COLUMNS)),
        quotes,
    )
    assert view.quoted_spans() == [(17, 29, "")]
    assert view.statements() == {}
    assert view.quotes[0][:7] == ("direct", 1, 17, 29, "", "", "")


def test_a_partial_quote_is_also_read_with_the_reported_clause_around_it() -> None:
    # 'Blinken warned that Russia could attack "on short notice"': the claim is in the clause, not the quote
    text = 'Blinken warned that Russia could attack "on short notice". Blinken said "no", then left.'
    quote_start = text.index("on short")
    quote_end = quote_start + len("on short notice")
    second = text.index("Blinken said")
    sentences = [("a1", 0, 0, second - 1, text[: second - 1], NAN, NAN), ("a1", 1, second, len(text), "", NAN, NAN)]
    quotes = [
        ("a1", 0, 0, "antony_blinken", "Antony Blinken", "on short notice", "partial", "warned", quote_start,
         quote_end, 0.1, 0.2),
        ("a1", 1, 1, "antony_blinken", "Antony Blinken", "no", "partial", "said", text.index("no"),
         text.index("no") + 2, NAN, NAN),
    ]
    statements = view_from_rows(text, sentences, [], quotes).statements()
    clause = text.index("Russia could")
    assert statements[0] == [
        Statement(clause, quote_end, "antony_blinken", "Antony Blinken", "warned", 0.1, "indirect"),
        Statement(quote_start, quote_end, "antony_blinken", "Antony Blinken", "warned", 0.1, "partial"),
    ]
    # a cue right before the quote leaves no clause: the quote alone
    assert [statement.kind for statement in statements[1]] == ["partial"]
