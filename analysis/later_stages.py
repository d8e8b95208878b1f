"""Glue for the analysis stages after mentions: quotes, sentiment, stance and relations.

Each stage takes and returns the per-article tables as full-width row tuples (see analysis.pipeline);
the stages that work on DataFrames get one small frame per table, built once per article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.clauses import ClauseRules, load_clause_rules
from analysis.quotes import SpeechCues, load_speech_cues, quote_rows
from analysis.registry import Registry
from analysis.relations import RelationCues, detect_relations, load_relation_cues
from analysis.schema import TABLES
from analysis.sentiment import add_sentiment
from analysis.stance import StanceCues, Targets, detect_stances, load_stance_cues, load_targets

Rows = list[tuple]
Stage = Callable[[str, str, dict[str, Rows]], dict[str, Rows]]


@dataclass(frozen=True)
class LaterRules:
    """Everything the later stages read from data files, loaded once per process."""

    registry: Registry
    speech: SpeechCues
    clauses: ClauseRules
    targets: Targets
    stance: StanceCues
    relations: RelationCues
    engine: str


def frame_of(name: str, rows: Rows) -> pd.DataFrame:
    """One table of one article as a DataFrame with the schema's columns."""
    return pd.DataFrame(rows, columns=list(TABLES[name]))


def rows_of(name: str, frame: pd.DataFrame, article_id: str) -> Rows:
    """A stage's frame (with or without article_id) back as full-width row tuples in schema order."""
    if frame.empty:
        return []
    nan = [float("nan")] * len(frame)
    columns = [
        [article_id] * len(frame) if column == "article_id" else frame[column].tolist() if column in frame else nan
        for column in TABLES[name]
    ]
    return list(zip(*columns, strict=True))


def run_later_stages(article_id: str, text: str, tables: dict[str, Rows], rules: LaterRules) -> dict[str, Rows]:
    """Quotes, then sentiment of sentences/mentions/quotes, then stances and relations, for one article."""
    quotes = quote_rows(
        article_id, text, tables["sentences"], tables["mentions"], registry=rules.registry, cues=rules.speech
    )
    frames = {name: frame_of(name, rows) for name, rows in (*tables.items(), ("quotes", quotes))}
    sentences, mentions, quoted = add_sentiment(
        text, frames["sentences"], frames["mentions"], frames["quotes"], engine=rules.engine, rules=rules.clauses
    )
    stances = detect_stances(text, sentences, mentions, quoted, targets=rules.targets, cues=rules.stance)
    relations = detect_relations(text, sentences, mentions, quoted, cues=rules.relations)
    return {
        "sentences": rows_of("sentences", sentences, article_id),
        "mentions": rows_of("mentions", mentions, article_id),
        "quotes": rows_of("quotes", quoted, article_id),
        "stances": rows_of("stances", stances, article_id),
        "relations": rows_of("relations", relations, article_id),
    }


def load_later_stages(settings, registry: Registry) -> tuple[Stage, ...]:
    """The stage functions run after mentions, each (article_id, text, tables) -> tables."""
    clauses = load_clause_rules()
    rules = LaterRules(
        registry=registry,
        speech=load_speech_cues(),
        clauses=clauses,
        targets=load_targets(Path(settings.targets_path)),
        stance=load_stance_cues(),
        relations=load_relation_cues(),
        engine=settings.sentiment,
    )

    def stage(article_id: str, text: str, tables: dict[str, Rows]) -> dict[str, Rows]:
        return run_later_stages(article_id, text, tables, rules)

    return (stage,)
