"""Glue for the analysis stages after mentions: quotes, sentiment, stance and relations.

Each stage takes and returns the per-article tables as full-width row tuples (see analysis.pipeline);
the sentiment, stance and relation rules read one analysis.article_view.ArticleView built from them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from analysis.article_view import view_from_rows
from analysis.clauses import ClauseRules, load_clause_rules
from analysis.quotes import SpeechCues, load_speech_cues, quote_rows
from analysis.registry import Registry
from analysis.relations import RelationCues, find_relation_records, load_relation_cues
from analysis.sentiment import score_view
from analysis.stance import StanceCues, Targets, find_stance_records, load_stance_cues, load_targets

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


def with_scores(rows: Rows, scores: list[tuple[float, float]]) -> Rows:
    """Full-width rows with their last two columns (polarity, subjectivity) replaced by `scores`."""
    return [(*row[:-2], polarity, subjectivity) for row, (polarity, subjectivity) in zip(rows, scores, strict=True)]


def run_later_stages(article_id: str, text: str, tables: dict[str, Rows], rules: LaterRules) -> dict[str, Rows]:
    """Quotes, then sentiment of sentences/mentions/quotes, then stances and relations, for one article."""
    quotes = quote_rows(
        article_id, text, tables["sentences"], tables["mentions"], registry=rules.registry, cues=rules.speech
    )
    view = view_from_rows(text, tables["sentences"], tables["mentions"], quotes)
    sentence_scores, mention_scores, quote_scores = score_view(view, engine=rules.engine, rules=rules.clauses)
    quotes = with_scores(quotes, quote_scores)
    # the stance rules read each quote's polarity
    view = replace(
        view,
        quotes=tuple((*quote[:-1], polarity) for quote, (polarity, _) in zip(view.quotes, quote_scores, strict=True)),
    )
    stances = find_stance_records(view, targets=rules.targets, cues=rules.stance)
    relations = find_relation_records(view, cues=rules.relations)
    return {
        "sentences": with_scores(tables["sentences"], sentence_scores),
        "mentions": with_scores(tables["mentions"], mention_scores),
        "quotes": quotes,
        "stances": [(article_id, *record) for record in stances],
        "relations": [(article_id, *record) for record in relations],
    }


def load_later_rules(settings, registry: Registry) -> LaterRules:
    """The rule files of the later stages, loaded and compiled (do it once per process)."""
    return LaterRules(
        registry=registry,
        speech=load_speech_cues(),
        clauses=load_clause_rules(),
        targets=load_targets(Path(settings.targets_path)),
        stance=load_stance_cues(),
        relations=load_relation_cues(),
        engine=settings.sentiment,
    )


def load_later_stages(settings, registry: Registry) -> tuple[Stage, ...]:
    """The stage functions run after mentions, each (article_id, text, tables) -> tables."""
    rules = load_later_rules(settings, registry)

    def stage(article_id: str, text: str, tables: dict[str, Rows]) -> dict[str, Rows]:
        return run_later_stages(article_id, text, tables, rules)

    return (stage,)
