"""Glue for the analysis stages after mentions: quotes, sentiment, stance and relations.

Each stage takes and returns the per-article tables as full-width row tuples (see analysis.pipeline);
the sentiment, stance and relation rules read one analysis.article_view.ArticleView built from them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from analysis.article_view import ArticleView, view_from_rows
from analysis.clauses import ClauseRules, load_clause_rules
from analysis.quotes import SpeechCues, load_speech_cues, quote_rows
from analysis.registry import Registry
from analysis.relations import RelationCues, find_relation_records, load_relation_cues
from analysis.sentiment import score_view
from analysis.sentiment_roles import SentimentRoles, load_sentiment_roles
from analysis.stance import StanceCues, Targets, find_stance_records, load_stance_cues, load_targets

Rows = list[tuple]
Stage = Callable[[Sequence[tuple[str, str]], Sequence[dict[str, Rows]]], list[dict[str, Rows]]]


@dataclass(frozen=True)
class LaterRules:
    """Everything the later stages read from data files, loaded once per process."""

    registry: Registry
    speech: SpeechCues
    clauses: ClauseRules
    roles: SentimentRoles
    targets: Targets
    stance: StanceCues
    relations: RelationCues
    engine: str


def with_scores(rows: Rows, scores: list[tuple[float, float]]) -> Rows:
    """Full-width rows with their last two columns (polarity, subjectivity) replaced by `scores`."""
    return [(*row[:-2], polarity, subjectivity) for row, (polarity, subjectivity) in zip(rows, scores, strict=True)]


def run_later_stages(
    articles: Sequence[tuple[str, str]], tables: Sequence[dict[str, Rows]], rules: LaterRules
) -> list[dict[str, Rows]]:
    """Quotes, then sentiment of sentences/mentions/quotes, then stances and relations, for a batch of
    (article_id, text) pairs and their sentence and mention rows.

    Each step runs over the whole batch before the next: one tight loop per step keeps the interpreter's
    caches warm and is about a tenth faster than taking the articles one at a time.
    """
    quotes = [
        quote_rows(article_id, text, table["sentences"], table["mentions"], registry=rules.registry, cues=rules.speech)
        for (article_id, text), table in zip(articles, tables, strict=True)
    ]
    views = [
        view_from_rows(text, table["sentences"], table["mentions"], quote_rows_of_article)
        for (_, text), table, quote_rows_of_article in zip(articles, tables, quotes, strict=True)
    ]
    scores = [score_view(view, engine=rules.engine, rules=rules.clauses, roles=rules.roles) for view in views]
    # the stance rules read each quote's polarity
    views = [with_quote_polarity(view, quote_scores) for view, (_, _, quote_scores) in zip(views, scores, strict=True)]
    stances = [find_stance_records(view, targets=rules.targets, cues=rules.stance) for view in views]
    relations = [find_relation_records(view, cues=rules.relations) for view in views]
    repeats = [repeated_sentences(table["sentences"]) for table in tables]
    return [
        {
            "sentences": with_scores(table["sentences"], sentence_scores),
            "mentions": with_scores(table["mentions"], mention_scores),
            "quotes": renumbered(
                without_repeats(with_scores(article_quotes, quote_scores), repeated, column=2, key=QUOTE_KEY)
            ),
            "stances": without_repeats(
                [(article_id, *record) for record in article_stances], repeated, column=1, key=STANCE_KEY
            ),
            "relations": without_repeats(
                [(article_id, *record) for record in article_relations], repeated, column=1, key=RELATION_KEY
            ),
        }
        for (article_id, _), table, (
            sentence_scores,
            mention_scores,
            quote_scores,
        ), article_quotes, article_stances, article_relations, repeated in zip(
            articles, tables, scores, quotes, stances, relations, repeats, strict=True
        )
    ]


REPEAT_MIN_WORDS = 6  # a shorter sentence ("Photograph: Reuters") may well come twice
REPEAT_MIN_ENDING = 10  # the words a sentence must share with the end of a longer one to repeat it
# What makes two rows one statement, by position in the row tuples (see analysis.schema):
QUOTE_KEY = (3, 5, 6)  # speaker_id, text, kind
STANCE_KEY = (2, 4, 6)  # actor_id, target_id, stance
RELATION_KEY = (2, 4, 6)  # source_actor_id, target_actor_id, relation


def repeated_sentences(sentences: Rows) -> dict[int, int]:
    """For each sentence that repeats an earlier sentence of the same article, as live blogs repeat an entry,
    sometimes under a time stamp, the id of the first sentence it repeats: the same words (case and spacing
    aside) of REPEAT_MIN_WORDS or more, or an earlier sentence ending in all of its words, or it ending in
    all of an earlier one's, of REPEAT_MIN_ENDING words or more.

    Sentences are looked up by all their words and by their last REPEAT_MIN_ENDING words, so each is read
    once, whatever its length.
    """
    seen_whole: dict[tuple[str, ...], int] = {}
    by_tail: dict[tuple[str, ...], list[tuple[tuple[str, ...], int]]] = {}
    repeated = {}
    for row in sentences:
        words = tuple(row[4].lower().split())
        if len(words) < REPEAT_MIN_WORDS:
            continue
        earlier = seen_whole.get(words)
        tail = words[-REPEAT_MIN_ENDING:] if len(words) >= REPEAT_MIN_ENDING else None
        if earlier is None and tail is not None:
            earlier = next((number for other, number in by_tail.get(tail, ()) if ends_in(words, other)), None)
        if earlier is not None:
            repeated[row[1]] = earlier
        seen_whole.setdefault(words, row[1])
        if tail is not None:
            by_tail.setdefault(tail, []).append((words, row[1]))
    return repeated


def ends_in(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """True when the longer of two word sequences ends in all of the shorter."""
    shorter, longer = (first, second) if len(first) <= len(second) else (second, first)
    return longer[len(longer) - len(shorter) :] == shorter


def without_repeats(rows: Rows, repeated: dict[int, int], *, column: int, key: tuple[int, ...]) -> Rows:
    """The rows less those of a repeated sentence (`repeated_sentences`; its id at `column`) that the
    sentence it repeats also gave (the same `key` columns): a statement repeated in a live blog counts once.
    The repeat's other rows stay, as when the first telling was a caption the rules read no statement in."""
    if not repeated:
        return rows

    def statement(row: tuple) -> tuple:
        return tuple(row[index] for index in key)

    given = {(row[column], statement(row)) for row in rows}
    return [row for row in rows if row[column] not in repeated or (repeated[row[column]], statement(row)) not in given]


def renumbered(quotes: Rows) -> Rows:
    """Quote rows with their quote ids counted again from 0 (after rows were left out)."""
    return [(row[0], number, *row[2:]) for number, row in enumerate(quotes)]


def with_quote_polarity(view: ArticleView, scores: list[tuple[float, float]]) -> ArticleView:
    """The view with each quote's polarity filled in."""
    quotes = tuple((*quote[:-1], polarity) for quote, (polarity, _) in zip(view.quotes, scores, strict=True))
    return replace(view, quotes=quotes)


def load_later_rules(settings, registry: Registry) -> LaterRules:
    """The rule files of the later stages, loaded and compiled (do it once per process)."""
    clauses = settings.rule_file("clause_cues.yaml")
    return LaterRules(
        registry=registry,
        speech=load_speech_cues(settings.rule_file("speech_cues.yaml")),
        clauses=load_clause_rules(clauses),
        roles=load_sentiment_roles(settings.rule_file("sentiment_cues.yaml")),
        targets=load_targets(Path(settings.targets_path)),
        stance=load_stance_cues(settings.rule_file("stance_cues.yaml"), clauses_path=clauses),
        relations=load_relation_cues(settings.rule_file("relation_cues.yaml"), clauses_path=clauses),
        engine=settings.sentiment,
    )


def load_later_stages(settings, registry: Registry) -> tuple[Stage, ...]:
    """The stage functions run after mentions, each (articles, their tables) -> new tables, over a batch."""
    rules = load_later_rules(settings, registry)

    def stage(articles: Sequence[tuple[str, str]], tables: Sequence[dict[str, Rows]]) -> list[dict[str, Rows]]:
        return run_later_stages(articles, tables, rules)

    return (stage,)
