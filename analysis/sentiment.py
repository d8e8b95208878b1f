"""Lexicon sentiment (TextBlob or VADER) of sentences, quotes and the clause around each actor mention.

Context rule for a mention (see data/clause_cues.yaml for where clauses break):
1. take the clause of the mention's sentence that holds the mention, widened to at least `min_words` words;
2. cut away every direct or partial quote attributed to a different speaker (or to nobody) that lies
   beside the mention: the span is shortened to end before such a quote or start after it, so the
   context stays one contiguous span. A quote that contains the mention is kept, and the context is
   limited to that quote's words, since they are what is said about the actor there.
The mention's polarity is the lexicon score of that context, shifted by the actor's role next to a word of
criticism, praise or failure in its sentence ("Biden criticised Putin": analysis.sentiment_roles).

TextBlob's scores are read off one pass over each article (analysis.lexicon_sentiment: the same numbers
as TextBlob for every sentence); VADER scores each distinct sentence, context and quote text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.article_view import ArticleView, view_from_frames
from analysis.clauses import ClauseRules, clause_index, split_clauses, trim_span, widen_clause
from analysis.lexicon_sentiment import score_article, score_spans
from analysis.sentiment_roles import SentimentRoles, mention_role, shift_polarity
from analysis.spans import SpanIndex

ENGINES: tuple[str, ...] = ("textblob", "vader")
SCORE_COLUMNS: list[str] = ["polarity", "subjectivity"]
# Characters trimmed from the edges of a context after a quote was cut away (quote marks, joining punctuation).
EDGE_CHARACTERS = " \t\r\n\"'“”‘’,;:—–-"


# A per-process cache outside dashboard/cache.py: the analysis runs in CLI workers too, and the analyzer is
# never changed after it is built.
@functools.cache
def load_vader() -> SentimentIntensityAnalyzer:
    """The VADER analyzer; reading its lexicon takes ~30 ms, so it is built once per process and only read after."""
    return SentimentIntensityAnalyzer()


def score_textblob(text: str) -> tuple[float, float]:
    """TextBlob's (polarity -1..1, subjectivity 0..1) of a text, read with analysis.lexicon_sentiment.

    The numbers are those of `TextBlob(text).sentiment` (same lexicon and rules; the text is one sentence).
    """
    return score_spans(text, [(0, len(text))], [(0, len(text))])[0]


def score_vader(text: str) -> tuple[float, float]:
    """VADER's compound score as polarity (-1..1) and pos + neg share as subjectivity (0..1).

    VADER splits a text's sentiment-bearing weight into positive, negative and neutral shares summing
    to 1; the positive plus negative share is the part of the text that expresses an opinion.
    """
    scores = load_vader().polarity_scores(text)
    return float(scores["compound"]), float(scores["pos"] + scores["neg"])


def choose_scorer(engine: str) -> Callable[[str], tuple[float, float]]:
    """The scoring function of an engine name ("textblob" or "vader")."""
    scorers = {"textblob": score_textblob, "vader": score_vader}
    if engine not in scorers:
        raise ValueError(f"unknown sentiment engine '{engine}' (use one of {', '.join(ENGINES)})")
    return scorers[engine]


def score_texts(texts: Sequence[str], *, engine: str = "textblob") -> pd.DataFrame:
    """Polarity (-1..1) and subjectivity (0..1) per text, same order and length; each distinct text is scored once."""
    scorer = choose_scorer(engine)
    scores = {text: scorer(text) for text in dict.fromkeys(texts)}
    return pd.DataFrame([scores[text] for text in texts], columns=SCORE_COLUMNS, dtype=float)


def cut_quotes(
    span: tuple[int, int], mention: tuple[int, int], quotes: list[tuple[int, int]]
) -> tuple[tuple[int, int], bool]:
    """The span shortened past quotes beside the mention, or limited to a quote holding it; and whether it changed."""
    start, end = span
    mention_start, mention_end = mention
    for quote_start, quote_end in quotes:
        if quote_end <= start or quote_start >= end:
            continue
        if quote_start <= mention_start and mention_end <= quote_end:
            start, end = max(start, quote_start), min(end, quote_end)
        elif quote_end <= mention_start:
            start = max(start, quote_end)
        elif quote_start >= mention_end:
            end = min(end, quote_start)
    return (start, end), (start, end) != span


def context_span(
    text: str,
    clauses: list[tuple[int, int]],
    mention: tuple[int, int],
    quotes: list[tuple[int, int]],
    *,
    rules: ClauseRules,
) -> tuple[int, int]:
    """The context of one mention: its widened clause without other speakers' quotes, always holding the mention."""
    if not clauses:
        return mention
    clause = widen_clause(text, clauses, clause_index(clauses, mention[0]), min_words=rules.min_words)
    (start, end), changed = cut_quotes(clause, mention, quotes)
    if changed:
        start, end = trim_span(text, start, end, strip=EDGE_CHARACTERS)
    return min(start, mention[0]), max(end, mention[1])


def context_spans(view: ArticleView, *, rules: ClauseRules) -> list[tuple[int, int]]:
    """One (start, end) context span per mention, in table order (rule in the module docstring).

    A mention whose sentence_id is not among the view's sentences gets its own span as context.
    """
    bounds = {sentence_id: (start, end) for sentence_id, start, end in view.sentences}
    quoted = SpanIndex(view.quoted_spans())
    clauses_by_sentence: dict[int, list[tuple[int, int]]] = {}
    spans = []
    for sentence_id, actor_id, _, start, end in view.mentions:
        mention = (start, end)
        sentence = bounds.get(sentence_id, mention)
        if sentence_id not in clauses_by_sentence:
            clauses_by_sentence[sentence_id] = split_clauses(view.text, *sentence, rules=rules)
        foreign = [(s, e) for s, e, speaker in quoted.overlapping(*sentence) if speaker != actor_id]
        spans.append(context_span(view.text, clauses_by_sentence[sentence_id], mention, foreign, rules=rules))
    return spans


def mention_context_spans(
    text: str, sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame, *, rules: ClauseRules
) -> list[tuple[int, int]]:
    """One (start, end) context span per mention row, in row order (rule in the module docstring)."""
    return context_spans(view_from_frames(text, sentences, mentions, quotes), rules=rules)


Scores = list[tuple[float, float]]


def score_view(
    view: ArticleView, *, engine: str, rules: ClauseRules, roles: SentimentRoles | None = None
) -> tuple[Scores, Scores, Scores]:
    """(polarity -1..1, subjectivity 0..1) of every sentence, mention context and quote, in table order;
    with `roles`, each mention's polarity is shifted by the actor's role in its sentence.

    TextBlob scores the article once and reads each span off it (analysis.lexicon_sentiment); VADER
    scores each distinct span text.
    """
    sentence_spans = [(start, end) for _, start, end in view.sentences]
    quote_spans = [(start, end) for _, _, start, end, *_ in view.quotes]
    parts = (sentence_spans, context_spans(view, rules=rules), quote_spans)
    if engine == "textblob":
        article = score_article(view.text, sentence_spans)
        sentences, contexts, quotes = ([article.span(start, end) for start, end in part] for part in parts)
    else:
        scorer = choose_scorer(engine)
        cache: dict[str, tuple[float, float]] = {}
        sentences, contexts, quotes = (
            [cache[text] if text in cache else cache.setdefault(text, scorer(text)) for text in texts]
            for texts in ([view.text[start:end] for start, end in part] for part in parts)
        )
    return sentences, with_roles(view, contexts, roles) if roles is not None else contexts, quotes


def with_roles(view: ArticleView, scores: Scores, roles: SentimentRoles) -> Scores:
    """Mention scores with each polarity shifted by the actor's role in its sentence (analysis.sentiment_roles)."""
    bounds = {sentence_id: (start, end) for sentence_id, start, end in view.sentences}
    shifted = []
    for (sentence_id, _, _, start, end), (polarity, subjectivity) in zip(view.mentions, scores, strict=True):
        role = mention_role(view.text, start, end, bounds.get(sentence_id, (start, end)), roles)
        shifted.append((shift_polarity(polarity, role, roles), subjectivity))
    return shifted


def with_scores(frame: pd.DataFrame, scores: Scores) -> pd.DataFrame:
    """A copy of `frame` with polarity and subjectivity columns from `scores` (same length)."""
    return frame.assign(
        polarity=[polarity for polarity, _ in scores], subjectivity=[subjectivity for _, subjectivity in scores]
    ).astype({"polarity": float, "subjectivity": float})


def add_sentiment(
    text: str,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    engine: str = "textblob",
    rules: ClauseRules,
    roles: SentimentRoles | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """New (sentences, mentions, quotes) frames with polarity (-1..1) and subjectivity (0..1) columns.

    Sentences are scored on their text, quotes on their quoted words, mentions on their context span
    (shifted by the actor's role when `roles` are given).
    """
    choose_scorer(engine)
    view = view_from_frames(text, sentences, mentions, quotes)
    scores = score_view(view, engine=engine, rules=rules, roles=roles)
    return with_scores(sentences, scores[0]), with_scores(mentions, scores[1]), with_scores(quotes, scores[2])
