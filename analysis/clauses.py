"""Clause spans inside a sentence: the unit that mention sentiment, stance and relations look at."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.yaml_text import parse_yaml

DEFAULT_CLAUSE_RULES = Path(__file__).resolve().parent.parent / "data" / "clause_cues.yaml"

# Closing quotation marks that may sit between a clause's last word and the comma that ends it.
CLOSING_MARKS = "\"'”’"


@dataclass(frozen=True)
class ClauseRules:
    """Where sentences break into clauses (data/clause_cues.yaml explains the rule)."""

    hard_breaks: tuple[str, ...] = ()
    comma_joiners: tuple[str, ...] = ()
    bare_joiners: tuple[str, ...] = ()
    comma_participles: bool = True
    min_words: int = 4
    # compiled once from the fields above (splitting runs for every sentence of the corpus)
    pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", break_pattern(self))


def load_clause_rules(path: Path = DEFAULT_CLAUSE_RULES) -> ClauseRules:
    """ClauseRules read from a YAML file."""
    data = parse_yaml(Path(path).read_text(encoding="utf-8")) or {}
    return ClauseRules(
        hard_breaks=tuple(str(item) for item in data.get("hard_breaks") or ()),
        comma_joiners=tuple(str(item) for item in data.get("comma_joiners") or ()),
        bare_joiners=tuple(str(item) for item in data.get("bare_joiners") or ()),
        comma_participles=bool(data.get("comma_participles", True)),
        min_words=int(data.get("min_words", 4)),
    )


def word_alternation(words: tuple[str, ...]) -> str:
    """A regex group matching any of the words as a whole word."""
    return r"(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + r")\b"


def break_pattern(rules: ClauseRules) -> re.Pattern[str] | None:
    """One regex whose matches are the characters removed between clauses, or None without rules."""
    comma = rf",[{CLOSING_MARKS}]?\s+"
    parts = []
    if rules.hard_breaks:
        parts.append(r"\s*(?:" + "|".join(re.escape(b) for b in sorted(rules.hard_breaks, key=len, reverse=True)) + ")")
    if rules.comma_joiners:
        parts.append(comma + r"(?=" + word_alternation(rules.comma_joiners) + ")")
    if rules.comma_participles:
        parts.append(comma + r"(?=[a-z]+ing\b)")
    if rules.bare_joiners:
        parts.append(r"\s+(?=" + word_alternation(rules.bare_joiners) + ")")
    return re.compile("|".join(parts)) if parts else None


def trim_span(text: str, start: int, end: int, *, strip: str = " \t\r\n") -> tuple[int, int]:
    """The span shrunk past leading and trailing characters in `strip`."""
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def split_clauses(text: str, start: int, end: int, *, rules: ClauseRules) -> list[tuple[int, int]]:
    """Clause spans (offsets into `text`) of the sentence text[start:end], in order; never empty for a non-blank one.

    Spans without a letter or digit (a lone quotation mark) are dropped.
    """
    pattern = rules.pattern
    cuts = [(start + m.start(), start + m.end()) for m in pattern.finditer(text[start:end])] if pattern else []
    bounds = [start] + [edge for cut in cuts for edge in cut] + [end]
    spans = [trim_span(text, bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    return [(s, e) for s, e in spans if any(char.isalnum() for char in text[s:e])]


def clause_index(clauses: list[tuple[int, int]], position: int) -> int:
    """Index of the clause holding the character at `position` (else the last one starting before it)."""
    for index, (start, end) in enumerate(clauses):
        if start <= position < end:
            return index
    before = [index for index, (start, _) in enumerate(clauses) if start <= position]
    return before[-1] if before else 0


def count_words(text: str, start: int, end: int) -> int:
    """Whitespace-separated words in text[start:end]."""
    return len(text[start:end].split())


def widen_clause(text: str, clauses: list[tuple[int, int]], index: int, *, min_words: int) -> tuple[int, int]:
    """The clause at `index` joined with following (then preceding) clauses until it has `min_words` words."""
    first = last = index
    while count_words(text, clauses[first][0], clauses[last][1]) < min_words:
        if last + 1 < len(clauses):
            last += 1
        elif first > 0:
            first -= 1
        else:
            break
    return clauses[first][0], clauses[last][1]
