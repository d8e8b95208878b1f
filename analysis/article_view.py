"""One article's sentences, mentions and quotes as plain tuples, read once for the later stages.

The sentiment, stance and relation stages all look up the same spans; reading them from per-article
DataFrames cost more than the rules themselves, so the pipeline builds this view from its row tuples and
the DataFrame entry points (for tests and interactive use) build it from frames.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.schema import MENTION_COLUMNS, QUOTE_COLUMNS, SENTENCE_COLUMNS
from analysis.tables import format_cell

QUOTED_KINDS: tuple[str, ...] = ("direct", "partial")
# quotes whose speaker's stance is read: everything but scare quotes
STATEMENT_KINDS: tuple[str, ...] = ("direct", "partial", "indirect")

SentenceSpan = tuple[int, int, int]  # sentence_id, start, end
MentionItem = tuple[int, str, str, int, int]  # sentence_id, actor_id, actor, start, end (table order)
MentionSpan = tuple[str, str, int, int]  # actor_id, actor, start, end (text order)
QuotedSpan = tuple[int, int, str]  # start, end, speaker_id ("" when unattributed)
# kind, sentence_id, start, end, speaker_id, speaker, cue, polarity (NaN before the sentiment stage)
QuoteItem = tuple[str, int, int, int, str, str, str, float]


@dataclass(frozen=True)
class Statement:
    """A quote with a known speaker: its span, speaker and polarity (NaN before the sentiment stage)."""

    start: int
    end: int
    speaker_id: str
    speaker: str
    cue: str  # the attribution words ("said", "called for")
    polarity: float
    kind: str = "direct"  # direct, partial or indirect (STATEMENT_KINDS)


@dataclass(frozen=True)
class ArticleView:
    """What the later stages read of one article, in plain tuples."""

    text: str
    sentences: tuple[SentenceSpan, ...]
    mentions: tuple[MentionItem, ...]
    quotes: tuple[QuoteItem, ...]

    def mention_spans(self) -> list[MentionSpan]:
        """(actor_id, actor, start, end) of every mention, in text order."""
        return sorted(
            ((actor_id, actor, start, end) for _, actor_id, actor, start, end in self.mentions),
            key=lambda span: span[2],
        )

    def quoted_spans(self) -> list[QuotedSpan]:
        """(start, end, speaker_id) of the direct and partial quotes."""
        return [(start, end, speaker_id) for kind, _, start, end, speaker_id, *_ in self.quotes if kind in QUOTED_KINDS]

    def statements(self) -> dict[int, list[Statement]]:
        """Direct, partial and indirect quotes with a known speaker, by sentence: a quote that runs on into
        later sentences is cut into one piece per sentence, each with the whole quote's speaker, cue and
        polarity, so that what it says in its second sentence is read there. A partial quote inside a
        reported clause is also given as an indirect statement of that clause, up to the quote's end within
        its sentence (`reported_clause_start`)."""
        grouped: dict[int, list[Statement]] = {}
        bounds = {sentence_id: (start, end) for sentence_id, start, end in self.sentences}
        for kind, sentence_id, start, end, speaker_id, speaker, cue, polarity in self.quotes:
            if kind not in STATEMENT_KINDS or not speaker_id:
                continue
            piece_id, piece_start = sentence_id, start
            if kind == "partial" and sentence_id in bounds:
                clause = reported_clause_start(self.text, bounds[sentence_id][0], start, cue)
                if clause is not None:  # 'Blinken warned that Russia could attack "on very short notice"'
                    clause_end = min(end, bounds[sentence_id][1])
                    grouped.setdefault(sentence_id, []).append(
                        Statement(clause, clause_end, speaker_id, speaker, cue, polarity, "indirect")
                    )
            while True:
                piece_end = min(end, bounds.get(piece_id, (start, end))[1])
                grouped.setdefault(piece_id, []).append(
                    Statement(piece_start, piece_end, speaker_id, speaker, cue, polarity, kind)
                )
                following = bounds.get(piece_id + 1)
                if following is None or following[0] >= end:
                    break
                piece_id, piece_start = piece_id + 1, following[0]
        return grouped


def reported_clause_start(text: str, sentence_start: int, quote_start: int, cue: str) -> int | None:
    """Where the reported clause holding a partial quote begins: after its cue (and "that") earlier in the
    sentence, with no other quotation mark between ("warned that Russia could launch a new attack “on very short
    notice”"); None when the cue is not there (it follows the quote, or the quote stands alone)."""
    if not cue or cue in SOURCE_CUES:  # "According to Lind, the port "is closed"": the source is named, no clause
        return None
    before = text[sentence_start:quote_start]
    cues = list(re.finditer(rf"(?<!\w){re.escape(cue)}(?!\w)", before, re.IGNORECASE))
    if not cues:
        return None
    clause = before[cues[-1].end() :]
    opening = re.match(r"[\s,]*(?:that\s+)?", clause)
    body = clause[opening.end() if opening else 0 :]
    words = body.rstrip().rstrip(OPENING_MARKS)  # the quote's own opening mark ends the clause's words
    if not words.strip() or any(mark in words for mark in DOUBLE_MARKS):
        return None
    return quote_start - len(body)


SOURCE_CUES = ("according to",)
OPENING_MARKS = "\"“‘'"
DOUBLE_MARKS = ('"', "“", "”")


def quote_item(kind, sentence_id, start, end, speaker_id, speaker, cue, polarity) -> QuoteItem:
    """One quote's fields with plain Python types."""
    score = float("nan") if polarity is None or pd.isna(polarity) else float(polarity)
    return (
        str(kind),
        int(sentence_id),
        int(start),
        int(end),
        format_cell(speaker_id),
        format_cell(speaker),
        format_cell(cue),
        score,
    )


def picker(columns: Sequence[str], names: Sequence[str]):
    """A function taking a full-width row tuple to the named fields, in `names` order."""
    positions = [columns.index(name) for name in names]
    return lambda row: tuple(row[position] for position in positions)


SENTENCE_FIELDS = ("sentence_id", "start", "end")
MENTION_FIELDS = ("sentence_id", "actor_id", "actor", "start", "end")
QUOTE_FIELDS = ("kind", "sentence_id", "start", "end", "speaker_id", "speaker", "cue", "polarity")
PICK_SENTENCE = picker(SENTENCE_COLUMNS, SENTENCE_FIELDS)
PICK_MENTION = picker(MENTION_COLUMNS, MENTION_FIELDS)
PICK_QUOTE = picker(QUOTE_COLUMNS, QUOTE_FIELDS)


def view_from_rows(text: str, sentences: list[tuple], mentions: list[tuple], quotes: list[tuple]) -> ArticleView:
    """The view of one article from full-width row tuples in schema order (as the pipeline passes them)."""
    return ArticleView(
        text,
        tuple(PICK_SENTENCE(row) for row in sentences),
        tuple(PICK_MENTION(row) for row in mentions),
        tuple(quote_item(*PICK_QUOTE(row)) for row in quotes),
    )


def frame_columns(frame: pd.DataFrame, names: Sequence[str], *, default: object = "") -> list[list]:
    """The named columns of a frame as lists; a missing column is filled with `default`."""
    return [frame[name].tolist() if name in frame.columns else [default] * len(frame) for name in names]


def view_from_frames(text: str, sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame) -> ArticleView:
    """The view of one article from its sentence, mention and quote frames (extra or missing score columns
    are fine; a quote frame without polarity gives NaN)."""
    sentence_spans = tuple(
        (int(sentence_id), int(start), int(end))
        for sentence_id, start, end in zip(*frame_columns(sentences, SENTENCE_FIELDS), strict=True)
    )
    mention_items = tuple(
        (int(sentence_id), str(actor_id), str(actor), int(start), int(end))
        for sentence_id, actor_id, actor, start, end in zip(*frame_columns(mentions, MENTION_FIELDS), strict=True)
    )
    quote_columns = frame_columns(quotes, QUOTE_FIELDS[:-1]) + frame_columns(quotes, ["polarity"], default=None)
    quote_items = tuple(quote_item(*fields) for fields in zip(*quote_columns, strict=True))
    return ArticleView(text, sentence_spans, mention_items, quote_items)
