"""Tests for analysis.clauses: clause spans inside a sentence."""

from __future__ import annotations

import pytest

from analysis.clauses import ClauseRules, clause_index, load_clause_rules, split_clauses, widen_clause

RULES = ClauseRules(
    hard_breaks=(";", ": ", "—", "(", ")"),
    comma_joiners=("and", "but", "which", "with"),
    bare_joiners=("but",),
    comma_participles=True,
    min_words=3,
)


def clause_texts(text: str, *, rules: ClauseRules = RULES) -> list[str]:
    return [text[start:end] for start, end in split_clauses(text, 0, len(text), rules=rules)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow denies it, which Kyiv rejects; talks go on.",
            ["Moscow denies it", "which Kyiv rejects", "talks go on."],
        ),
        ("Denis Pushilin, the rebel head, made an appeal.", ["Denis Pushilin, the rebel head, made an appeal."]),
        ("He spoke, accusing Kyiv of lies.", ["He spoke", "accusing Kyiv of lies."]),
        ("They met, Beijing said.", ["They met, Beijing said."]),
        ('He said "stop it," accusing Kyiv.', ['He said "stop it', "accusing Kyiv."]),
        ("Moscow denies it but Kyiv insists.", ["Moscow denies it", "but Kyiv insists."]),
        ("Talks (in Minsk) failed — again.", ["Talks", "in Minsk", "failed", "again."]),
        ("It rose at 10:30 today.", ["It rose at 10:30 today."]),
    ],
)
def test_split_clauses(text: str, expected: list[str]) -> None:
    assert clause_texts(text) == expected


def test_split_clauses_offsets_are_into_the_whole_text() -> None:
    text = "First one. Kyiv rejects it; Moscow insists."
    assert split_clauses(text, 11, len(text), rules=RULES) == [(11, 26), (28, 43)]


def test_split_clauses_without_rules_keeps_the_sentence() -> None:
    assert split_clauses("A, but b; c.", 0, 12, rules=ClauseRules(comma_participles=False)) == [(0, 12)]


def test_clause_index_and_widen() -> None:
    text = "Kyiv; it failed badly; then talks resumed."
    clauses = split_clauses(text, 0, len(text), rules=RULES)
    assert clauses == [(0, 4), (6, 21), (23, 42)]
    assert clause_index(clauses, 0) == 0
    assert clause_index(clauses, 5) == 0
    assert clause_index(clauses, 30) == 2
    assert widen_clause(text, clauses, 0, min_words=3) == (0, 21)
    assert widen_clause(text, clauses, 2, min_words=5) == (6, 42)
    assert widen_clause(text, clauses, 2, min_words=50) == (0, 42)


def test_load_clause_rules_reads_the_shipped_file() -> None:
    rules = load_clause_rules()
    assert rules.min_words == 8
    assert "which" in rules.comma_joiners
    assert ";" in rules.hard_breaks
