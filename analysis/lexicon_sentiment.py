"""TextBlob's lexicon sentiment, scored once per article and read off for any span of it.

`TextBlob(text).sentiment` tokenises and scores every string it is given. The pipeline scores every
sentence, the context of every mention and every quote: about 1.6 times the article's words, each time
from scratch. Here the article is tokenised once (one regex) and each sentence is walked once with the
rules of TextBlob's pattern analyzer and its own lexicon (`textblob/en/en-sentiment.xml`):

- a word in the lexicon is one scored unit (polarity, subjectivity, intensity);
- a known adverb right before it ("very good") multiplies its scores by the adverb's intensity and
  joins the unit; unknown words of one or two letters ("is a") may stand between them;
- "no", "not", "never" before a unit (small words may stand between) negate it: polarity x -0.5;
- "!" right after a unit multiplies its polarity by 1.25.

A span's polarity and subjectivity are the means over the units inside it (0.0 when there are none). A
unit the span cuts in two counts with the scores of its head word alone ("good" of "very good"), or
else of its first word alone. On a whole
sentence the numbers equal TextBlob's, except that emoticons and "(!)" are not read here (TextBlob takes
"Poll: 3" for the smiley ":3"): every sentence of the sample corpus scores the same
(tests/test_lexicon_sentiment.py), as do all but 2 of the 30,553 sentences of PolNeAR's training articles.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

# As TextBlob splits: quote marks and apostrophes always stand alone; punctuation comes off the end of a
# whitespace-separated word one mark at a time, and off its start except a full stop (".5", ".Overall");
# "80%" and "good—but" stay whole; "..." is one token.
QUOTE_MARKS = "'\"‘’“”"
EDGE_PUNCTUATION = re.escape(".,;:!?()[]{}`@#$^&*+-|=~_")
WORD_START = rf"[^\s{QUOTE_MARKS}{EDGE_PUNCTUATION.replace(re.escape('.'), '')}]"
WORD_END = rf"[^\s{QUOTE_MARKS}{EDGE_PUNCTUATION}]"
# An abbreviation keeps its final full stop where only punctuation follows it up to the next space ("Ill.",
# "Mr.", "U.S.", "A."): a single letter, letters alternating with stops, or a capital followed by consonants.
ABBREVIATION = rf"(?:[A-Z][bcdfghjklmnpqrstvwxz|]+\.|(?:[A-Za-z]\.)+)(?=[{QUOTE_MARKS}{EDGE_PUNCTUATION}]*(?:\s|$))"
TOKEN = re.compile(rf"{ABBREVIATION}|{WORD_START}[^\s{QUOTE_MARKS}]*{WORD_END}|{WORD_END}|\.\.\.|\S")
NEGATIONS: frozenset[str] = frozenset({"no", "not", "n't", "never"})
SCORE_ATTRIBUTES: tuple[tuple[str, str], ...] = (("polarity", "0.0"), ("subjectivity", "0.0"), ("intensity", "1.0"))
EXCLAMATION_BOOST = 1.25
NEGATED_POLARITY = -0.5
Entry = tuple[float, float, float, bool]  # polarity, subjectivity, intensity, can modify the next word


def textblob_lexicon_path() -> Path:
    """TextBlob's English sentiment lexicon inside the installed package (found without importing
    TextBlob, whose import pulls in NLTK and costs a fifth of a second)."""
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("textblob is not installed (pip install -r requirements.txt)")
    return Path(next(iter(spec.submodule_search_locations))) / "en" / "en-sentiment.xml"


def mean_scores(scores: Sequence[Sequence[float]]) -> tuple[float, ...]:
    """Component-wise mean of (polarity, subjectivity, intensity) triples."""
    return tuple(sum(column) / len(column) for column in zip(*scores, strict=True))


@functools.cache
def lexicon_entries() -> dict[str, Entry]:
    """TextBlob's lexicon as {word: (polarity, subjectivity, intensity, is adverb)}, read once per process.

    The pattern analyzer ignores part of speech when given plain text, so a word scores the mean over
    its parts of speech of the mean over its senses; and, as TextBlob adds them, every adjective gives an
    adverb with its scores ("terrible" -> "terribly", "happy" -> "happily").
    """
    senses: dict[str, dict[str | None, list[tuple[float, float, float]]]] = {}
    for element in ElementTree.parse(textblob_lexicon_path()).getroot().iter("word"):
        form = element.get("form")
        if form:
            scores = tuple(float(element.get(name, default)) for name, default in SCORE_ATTRIBUTES)
            senses.setdefault(form, {}).setdefault(element.get("pos"), []).append(scores)
    by_pos = {form: {pos: mean_scores(items) for pos, items in parts.items()} for form, parts in senses.items()}
    entries: dict[str, Entry] = {
        form: (*mean_scores(list(parts.values())), "RB" in parts) for form, parts in by_pos.items()
    }
    for form, parts in by_pos.items():
        if "JJ" in parts:
            entries[adverb_of(form)] = (*parts["JJ"], True)
    return entries


def adverb_of(adjective: str) -> str:
    """The -ly adverb TextBlob derives from an adjective."""
    stem = adjective[:-1] + "i" if adjective.endswith("y") else adjective
    return (stem[:-2] if stem.endswith("le") else stem) + "ly"


Word = tuple[int, int, float, float]  # start, end, polarity, subjectivity of one lexicon word alone


@dataclass
class Unit:
    """One scored unit: a lexicon word with its modifier and negation, plus its words' own scores."""

    start: int  # first character, the modifier's or negation's when there is one
    end: int
    polarity: float
    subjectivity: float
    intensity: float
    lead: Word  # the unit's first lexicon word (the modifier in "very good")
    head: Word  # its last lexicon word ("good")
    negated: bool = False

    def scores(self) -> tuple[float, float]:
        """The unit's final (polarity, subjectivity)."""
        return (self.polarity * NEGATED_POLARITY if self.negated else self.polarity), self.subjectivity

    def scores_within(self, start: int, end: int) -> tuple[float, float] | None:
        """Its scores counted in text[start:end]: the whole unit's, else those of its head or lead word
        alone when the span cuts the rest off; None when none of it lies inside."""
        for first, last, polarity, subjectivity in ((self.start, self.end, *self.scores()), self.head, self.lead):
            if start <= first and last <= end:
                return polarity, subjectivity
        return None


def clamp(value: float) -> float:
    """A score limited to -1..1."""
    return max(-1.0, min(value, 1.0))


def sentence_units(text: str, start: int, end: int, lexicon: dict[str, Entry]) -> list[Unit]:
    """The scored units of text[start:end], in order (rules in the module docstring)."""
    units: list[Unit] = []
    modifier: str | None = None  # the last known word, while it may still modify the next one
    negation: int | None = None  # start of a pending "not"/"no"/"never"
    for match in TOKEN.finditer(text, start, end):
        word = match.group().lower()
        entry = lexicon.get(word)
        if entry is not None:
            polarity, subjectivity, intensity, adverb = entry
            word_scores = (match.start(), match.end(), polarity, subjectivity)
            unit = Unit(match.start(), match.end(), polarity, subjectivity, intensity, word_scores, word_scores)
            if modifier is None:
                units.append(unit)
            else:
                unit = join_modifier(units[-1], unit)
                units[-1] = unit
            if negation is not None:
                unit.start, unit.intensity, unit.negated = min(unit.start, negation), 1.0 / unit.intensity, True
            modifier = word if adverb else None
            negation = match.start() if word in NEGATIONS else None
            continue
        if word in NEGATIONS:
            negation = match.start()
        elif negation is not None and len(word.strip("'")) > 1:
            negation = None
        if negation is not None and modifier is not None and modifier.endswith("ly"):
            units[-1].negated, negation = True, None  # "really not good": the adverb's unit is negated
        elif modifier is not None and len(word) > 2:
            modifier = None
        if word == "!" and units:
            units[-1].polarity = clamp(units[-1].polarity * EXCLAMATION_BOOST)
    return units


def join_modifier(modifier: Unit, word: Unit) -> Unit:
    """The unit of an adverb followed by the word it intensifies ("very good")."""
    return Unit(
        modifier.start,
        word.end,
        clamp(word.polarity * modifier.intensity),
        clamp(word.subjectivity * modifier.intensity),
        word.intensity,
        modifier.lead,
        word.head,
        modifier.negated,
    )


@dataclass(frozen=True)
class ArticleScores:
    """The scored units of one article, sorted by start, for reading off span scores."""

    units: tuple[Unit, ...]
    starts: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[float, float]:
        """Mean (polarity -1..1, subjectivity 0..1) of the units inside text[start:end]; (0.0, 0.0) if none."""
        polarity = subjectivity = 0.0
        count = 0
        # step back past units that start before the span while their head word lies inside it
        first = max(0, bisect.bisect_left(self.starts, start) - 2)
        for index in range(first, len(self.units)):
            unit = self.units[index]
            if unit.start >= end:
                break
            scores = unit.scores_within(start, end)
            if scores is not None:
                polarity, subjectivity, count = polarity + scores[0], subjectivity + scores[1], count + 1
        return (polarity / count, subjectivity / count) if count else (0.0, 0.0)


def score_article(text: str, sentences: Iterable[tuple[int, int]]) -> ArticleScores:
    """Units of every sentence (start, end) of an article, ready for `ArticleScores.span`."""
    lexicon = lexicon_entries()
    units = [unit for start, end in sentences for unit in sentence_units(text, start, end, lexicon)]
    units.sort(key=lambda unit: unit.start)
    return ArticleScores(tuple(units), tuple(unit.start for unit in units))


def score_spans(
    text: str, sentences: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int]]
) -> list[tuple[float, float]]:
    """(polarity, subjectivity) of each span of `text`, whose sentences are `sentences`."""
    scores = score_article(text, sentences)
    return [scores.span(start, end) for start, end in spans]
