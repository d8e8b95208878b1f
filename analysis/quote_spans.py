"""Quoted passages of an article: pairs of quotation marks, including quotes that run over paragraph breaks.

Curly marks (“ ”) and guillemets (« ») say which side they are on. A straight mark (", or two apostrophes
'' as some newspapers print it) is read from its neighbours: after a space or at a paragraph start it
opens, before a space or punctuation it closes.
A quote may run over paragraphs in two ways:
- news convention: a paragraph opens a quote without closing it and the next paragraph starts with an
  opening mark (the quote goes on);
- a paragraph broken in the middle of a sentence: the next paragraph closes the quote without opening one.
A quote opened and never closed by the end of its paragraph (and not continued) ends with that paragraph.
A quote of the other style inside a quote (“... "x" ...”) is part of the outer quote, not a quote of its own.
Single curly marks (‘…’, as British papers and many headlines use them) make a quote too when they stand
outside a double-quoted passage; such a quote stays within its paragraph, and a ’ followed by a letter
("didn’t", "Russia’s") is an apostrophe, not a closing mark.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

OPEN, CLOSE, EITHER = "open", "close", "either"
CURLY_ROLES: dict[str, str] = {"“": OPEN, "”": CLOSE, "«": OPEN, "»": CLOSE}
STRAIGHT_MARKS: tuple[str, ...] = ("''", '"')  # two apostrophes first: they are one mark
# Characters after which a straight mark opens a quote, and before which it closes one.
OPENING_NEIGHBOURS = "([{—–-/"
CLOSING_NEIGHBOURS = ".,;:!?)]}—–-/…"
# Trailing characters dropped from a quote's text: the comma or full stop that news style puts inside the marks.
TRAILING_PUNCTUATION = ",.;:"
PARAGRAPH_BREAK = re.compile(r"\n\s*")
SINGLE_OPEN = "‘"
# A single opening mark at a paragraph start or after a space or an opening character, and the closing mark
# that ends its passage: not followed by a letter or digit, and no line break before it.
SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–-]))‘(?=\S)", re.MULTILINE)
ELISIONS: frozenset[str] = frozenset({"til", "tis", "twas", "em", "bout", "cause", "n", "round", "nuff"})
SINGLE_CLOSING = re.compile(r"(?<=\S)’(?![\w])|\n")
MARK_PATTERN = re.compile("|".join(re.escape(mark) for mark in (*STRAIGHT_MARKS, *CURLY_ROLES)))


@dataclass(frozen=True)
class Mark:
    """One quotation mark: its offset, role (open/close/either), style (straight or curly) and length."""

    position: int
    role: str
    style: str
    width: int = 1


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage: offsets of its marks and of its words.

    `start`/`end` cover the words without the marks, surrounding spaces and a trailing comma or full stop;
    `inner_end` is the offset right after the last character inside the marks (before trimming).
    `close_mark` is the closing mark's offset, or the paragraph end when the quote was never closed;
    `close_end` the offset right after the closing mark (== close_mark for an unclosed quote).
    """

    open_mark: int
    close_mark: int
    start: int
    end: int
    inner_end: int
    close_end: int


def classify_straight_mark(text: str, position: int, width: int = 1) -> str:
    """Whether the straight mark at `position` opens, closes, or could do either."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + width] if position + width < len(text) else " "
    opens = before.isspace() or before in OPENING_NEIGHBOURS
    closes = after.isspace() or after in CLOSING_NEIGHBOURS
    if opens and not closes:
        return OPEN
    if closes and not opens:
        return CLOSE
    return EITHER


def find_marks(text: str) -> list[Mark]:
    """Every double quotation mark in the text, in order, with its role."""
    marks = []
    for match in MARK_PATTERN.finditer(text):
        mark, position = match.group(), match.start()
        if mark in CURLY_ROLES:
            marks.append(Mark(position, CURLY_ROLES[mark], "curly"))
        else:
            marks.append(Mark(position, classify_straight_mark(text, position, len(mark)), "straight", len(mark)))
    return marks


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph; any line break ends a paragraph."""
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def paragraph_of(ends: list[int], position: int) -> int:
    """Index of the paragraph holding the character at `position`, from the paragraphs' end offsets: the
    first paragraph ending after it (the last paragraph for a position past every end)."""
    return min(bisect.bisect_right(ends, position), len(ends) - 1)


def trim_quote(text: str, inner_start: int, inner_end: int) -> tuple[int, int]:
    """Offsets of the quoted words: without surrounding spaces and a trailing comma or full stop."""
    start, end = inner_start, inner_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING_PUNCTUATION):
        end -= 1
    return start, end


def make_quote(text: str, opening: Mark, close_mark: int, close_width: int) -> QuoteSpan | None:
    """A QuoteSpan between two marks, or None when nothing but punctuation is inside."""
    start, end = trim_quote(text, opening.position + opening.width, close_mark)
    if not any(char.isalnum() for char in text[start:end]):
        return None
    return QuoteSpan(
        open_mark=opening.position,
        close_mark=close_mark,
        start=start,
        end=end,
        inner_end=close_mark,
        close_end=close_mark + close_width,
    )


@dataclass
class _PairingState:
    """The quote being read while walking over the marks (local to pair_marks)."""

    opening: Mark | None = None
    paragraph: int = -1  # paragraph the open quote has reached
    nested_style: str = ""  # style of an inner quote we are inside, "" when none


def pair_marks(text: str, marks: list[Mark]) -> list[tuple[Mark, int, int]]:
    """(opening mark, close_mark, closing width) of every quote; unclosed quotes end at their paragraph's end."""
    paragraphs = paragraph_spans(text)
    ends = [end for _, end in paragraphs]
    pairs: list[tuple[Mark, int, int]] = []
    state = _PairingState()
    for mark in marks:
        paragraph = paragraph_of(ends, mark.position)
        if state.opening is not None and not continues_quote(state, mark, paragraph, paragraphs):
            pairs.append((state.opening, paragraphs[state.paragraph][1], 0))
            state = _PairingState()
        if state.opening is None:
            if mark.role != CLOSE:
                state = _PairingState(opening=mark, paragraph=paragraph)
            continue
        closed = step_open_quote(state, mark, paragraph, paragraphs)
        if closed:
            pairs.append((state.opening, mark.position, mark.width))
            state = _PairingState()
    if state.opening is not None:
        pairs.append((state.opening, paragraphs[state.paragraph][1], 0))
    return pairs


def continues_quote(state: _PairingState, mark: Mark, paragraph: int, paragraphs: list[tuple[int, int]]) -> bool:
    """False when the open quote must have ended at its paragraph's end before this mark."""
    if paragraph == state.paragraph:
        return True
    if paragraph > state.paragraph + 1:
        return False
    at_start = mark.position == paragraphs[paragraph][0]
    # Next paragraph: it goes on if it starts with an opening mark or closes the quote before opening one.
    return (at_start and mark.role != CLOSE) or (not at_start and mark.role != OPEN)


def step_open_quote(state: _PairingState, mark: Mark, paragraph: int, paragraphs: list[tuple[int, int]]) -> bool:
    """Apply one mark to the open quote (changing `state`); True when the mark closes it."""
    if paragraph != state.paragraph:
        state.paragraph = paragraph
        return mark.position != paragraphs[paragraph][0]
    if state.nested_style:
        if mark.style == state.nested_style and mark.role != OPEN:
            state.nested_style = ""
        return False
    if mark.role == OPEN and mark.style != state.opening.style:
        state.nested_style = mark.style
        return False
    if mark.role == OPEN:
        # Two opening marks in a row: the first was stray; the quote starts again here.
        state.opening = mark
        return False
    return True


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted passage of an article text, in order (see the module docstring for the rules)."""
    quotes = []
    for opening, close_mark, close_width in pair_marks(text, find_marks(text)):
        quote = make_quote(text, opening, close_mark, close_width)
        if quote is not None:
            quotes.append(quote)
    if SINGLE_OPEN in text:
        singles = single_quote_spans(text, quotes)
        # a double-quoted passage inside a single-quoted one belongs to it: ‘He called it “a disgrace”’
        quotes = [quote for quote in quotes if not any(inside(quote, single) for single in singles)]
        quotes = sorted(quotes + singles, key=lambda quote: quote.open_mark)
    return quotes


def is_elision(text: str, position: int) -> bool:
    """True for a ‘ that stands for dropped letters: before a digit ("the ‘90s") or in "‘til", "rock ‘n’ roll"."""
    word = re.match(r"\w*", text[position + 1 : position + 8]).group().lower()
    return word[:1].isdigit() or word in ELISIONS


def single_close_mark(text: str, start: int) -> int | None:
    """Offset of the ’ that closes a single-quoted passage opened before `start`, None when the paragraph
    ends first. A plural possessive ("workers’ rights") closes it only when no later mark can."""
    possessive = None
    for closing in SINGLE_CLOSING.finditer(text, start):
        if closing.group() == "\n":
            break
        position = closing.start()
        if text[position - 1] == "s" and re.match(r" [a-z]", text[position + 1 : position + 3]):
            possessive = position if possessive is None else possessive
            continue
        return position
    return possessive


def inside(quote: QuoteSpan, outer: QuoteSpan) -> bool:
    """True when `quote` lies within the marks of `outer`."""
    return outer.open_mark < quote.open_mark and quote.close_end <= outer.close_end


def single_quote_spans(text: str, outer: list[QuoteSpan]) -> list[QuoteSpan]:
    """Passages in single curly marks (‘…’) outside the double-quoted ones, each within one paragraph.

    ‘ opens a quote unless it stands for dropped letters ("the ‘90s", "‘til"); the closing ’ is the first one
    after it with no letter or digit right after it ("didn’t" and "Russia’s" hold apostrophes), passing over
    a plural possessive ("the workers’ rights") when a later mark in the paragraph can close the quote.
    """
    found = []
    for opening in SINGLE_OPENING.finditer(text):
        position = opening.start()
        if any(quote.open_mark <= position < quote.close_end for quote in outer) or is_elision(text, position):
            continue  # a quote inside a quote belongs to the outer one
        close_mark = single_close_mark(text, position + 1)
        if close_mark is None:
            continue
        quote = make_quote(text, Mark(position, OPEN, "single"), close_mark, 1)
        if quote is not None and (not found or found[-1].close_end <= position):
            found.append(quote)
    return found


def leaves_a_quotation_open(text: str) -> bool:
    """True when a text leaves a quotation open: more “ than ”, or an odd number of \" or of ''."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1 or text.count("''") % 2 == 1
