"""Tests for analysis.quote_spans: pairing quotation marks, paragraph rules and trimming."""

from __future__ import annotations

import pytest

from analysis.quote_spans import CLOSE, EITHER, OPEN, classify_straight_mark, find_quote_spans, paragraph_spans


def quoted(text: str) -> list[str]:
    spans = find_quote_spans(text)
    assert all(span.start >= span.open_mark and span.end <= span.inner_end <= span.close_end for span in spans)
    return [text[span.start : span.end] for span in spans]


@pytest.mark.parametrize(
    ("text", "position", "role"),
    [
        ('He said "yes', 8, OPEN),
        ('"yes" he said', 4, CLOSE),
        ('He said ("yes', 9, OPEN),
        ('it is "fine," she said', 12, CLOSE),
        ('a"b', 1, EITHER),
    ],
)
def test_straight_mark_role_comes_from_its_neighbours(text, position, role):
    assert classify_straight_mark(text, position) == role


def test_straight_and_curly_quotes_lose_marks_and_trailing_comma():
    text = 'Mara said "We stay," and Ivo said “We go.” Then "Why?" came.'
    assert quoted(text) == ["We stay", "We go", "Why?"]


def test_offsets_of_a_quote():
    (span,) = find_quote_spans('A "big deal," he said.')
    assert (span.open_mark, span.start, span.end, span.inner_end, span.close_mark, span.close_end) == (
        2,
        3,
        11,
        12,
        12,
        13,
    )


def test_quote_continued_by_next_paragraph_opening_mark():
    text = '"We will hold the bridge.\n\n"We will not leave it," the captain said.'
    assert quoted(text) == ['We will hold the bridge.\n\n"We will not leave it']


def test_paragraph_broken_inside_a_quote_is_closed_in_the_next_paragraph():
    text = '"Our plan is to wait, keeping\n\nin view the weather," Lina said.'
    assert quoted(text) == ["Our plan is to wait, keeping\n\nin view the weather"]


def test_unclosed_quote_ends_with_its_paragraph():
    text = 'Tom said "it will rain\n\nThe next day was "dry" again.'
    assert quoted(text) == ["it will rain", "dry"]


def test_inner_quote_of_the_other_style_belongs_to_the_outer_quote():
    assert quoted('“They call it a "truce" now,” she said.') == ['They call it a "truce" now']


def test_two_apostrophes_work_as_a_quotation_mark_but_single_ones_do_not():
    text = "''It's Nina's turn,'' Mr. Aldo said. Nina's dog isn't 'here'."
    assert quoted(text) == ["It's Nina's turn"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("‘We will not give in,’ said Truss.", ["We will not give in"]),
        ("Russia’s troops didn’t move; the ‘special operation’ goes on.", ["special operation"]),
        ("the dockers’ union said the deal was ‘clear’.", ["clear"]),
        ("Lind Says Deal ‘Could Fail’", ["Could Fail"]),
        ("“People who ‘sympathise’ with them,” she said.", ["People who ‘sympathise’ with them"]),
        ("an open ‘quote\nthat never closed’ here", []),
        ("‘We defend the workers’ rights,’ she said.", ["We defend the workers’ rights"]),
        ("in the ‘90s rock ‘n’ roll was ‘dead’, he said", ["dead"]),
        ("‘He called it “a disgrace” yesterday,’ she said.", ["He called it “a disgrace” yesterday"]),
    ],
)
def test_single_curly_marks(text, expected):
    assert quoted(text) == expected


def test_marks_with_nothing_inside_are_no_quote():
    assert quoted('He wrote "" and ",".') == []


def test_paragraph_spans_split_at_any_line_break():
    assert paragraph_spans("ab\n\ncd\nef") == [(0, 2), (4, 6), (7, 9)]
