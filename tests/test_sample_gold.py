"""Score the engine on the sample's hand-written gold labels; floors are the figures measured when they landed."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evaluation import load_gold, score_quotes, score_stances
from analysis.ingest import read_corpus
from analysis.pipeline import article_tables

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


@pytest.fixture(scope="module")
def scored(resources):
    gold = load_gold(SAMPLE / "gold.yaml")
    texts, quotes, stances = {}, {}, {}
    for entry in gold:
        article = read_corpus([SAMPLE / "articles" / entry["file"]]).articles.iloc[0]
        tables = article_tables(article["article_id"], article["text"], resources)
        texts[entry["file"]], quotes[entry["file"]] = article["text"], tables["quotes"]
        stances[entry["file"]] = tables["stances"]
    return gold, score_quotes(gold, texts, quotes), score_stances(gold, stances)


def test_gold_covers_at_least_thirty_articles_written_by_hand(scored):
    gold, quote_score, stance_score = scored
    assert len(gold) >= 30
    assert quote_score.gold >= 400 and stance_score.gold >= 200


def test_quote_extraction_and_attribution_on_the_sample(scored):
    _, score, _ = scored
    print(
        f"\nsample quotes: precision {score.precision:.3f}, recall {score.recall:.3f}, F1 {score.f1:.3f}, "
        f"speaker accuracy {score.speaker_accuracy:.3f} ({score.matched}/{score.gold} gold matched)"
    )
    assert score.precision >= PRECISION_FLOOR
    assert score.recall >= RECALL_FLOOR
    assert score.speaker_accuracy >= SPEAKER_FLOOR


def test_stance_on_the_sample(scored):
    _, _, score = scored
    print(
        f"\nsample stances: accuracy {score.accuracy:.3f}, coverage {score.coverage:.3f}, "
        f"precision of support/oppose calls {score.decided_precision:.3f} "
        f"({score.decided_correct}/{score.decided}; {score.gold} gold)"
    )
    assert score.accuracy >= STANCE_FLOOR
    assert score.coverage >= COVERAGE_FLOOR
    assert score.decided_precision >= DECIDED_FLOOR


# Measured on landing (precision 0.787, recall 0.905, speaker 0.893; stance accuracy 0.172, coverage 0.511,
# support/oppose precision 0.907; 0.976 after the stance rules drawn from real news; speaker 0.909 after
# the pronoun and speaker-phrase rules of the 2026-11-26 release; stance accuracy 0.283, coverage 0.575 and
# 65/65 after the back-reference, act and shared-subject rules of the second 2026-11-26 release), rounded
# down a little so only a real regression fails. In the 2026-11-27 release coverage fell from 0.579 to 0.532
# on purpose: a loose keyword or a target that only dates the news gives no neutral row any more, and each
# of the 11 gold items it left uncovered had been a neutral prediction where the gold has a side (wrong);
# accuracy rose from 0.288 to 0.292 and the calls from 66/66 to 67/67. In the 2026-11-28 release a target that
# is only a time ("after the talks", "weeks into the invasion") gives no neutral row either: coverage 0.524, and
# 0.536 once a partial quote is also read with its reported clause.
PRECISION_FLOOR = 0.77
RECALL_FLOOR = 0.89
SPEAKER_FLOOR = 0.89
STANCE_FLOOR = 0.26
COVERAGE_FLOOR = 0.52
DECIDED_FLOOR = 0.96
