"""Tests for analysis.pipeline: a batch of articles gives the same rows as each article on its own."""

from __future__ import annotations

from analysis.pipeline import ANALYSED_TABLES, analyse_article, analyse_rows

OTHER = (
    'Kyiv rejected the claim. "We have no such plans," Ukraine\'s foreign minister Dmytro Kuleba said on Monday, '
    "accusing Moscow of staging provocations. NATO called for restraint."
)


def test_a_batch_gives_each_article_its_own_rows(resources, crisis_text) -> None:
    batch = [("crisis", crisis_text), ("other", OTHER), ("empty", "")]
    together = analyse_rows(batch, resources)
    alone = [analyse_article(article_id, text, resources) for article_id, text in batch]
    assert len(together) == 3
    for rows_together, rows_alone in zip(together, alone, strict=True):
        assert set(rows_together) == set(ANALYSED_TABLES)
        for name in ANALYSED_TABLES:
            # NaN never equals itself, so compare the rows' text forms
            assert [repr(row) for row in rows_together[name]] == [repr(row) for row in rows_alone[name]]
    other = together[1]
    assert {row[0] for name in ANALYSED_TABLES for row in other[name]} == {"other"}
    assert [(row[3], row[6], row[7]) for row in other["quotes"]] == [
        ("ukraine", "indirect", "rejected"),
        ("dmytro_kuleba", "direct", "said"),
        ("dmytro_kuleba", "indirect", "accusing"),
        ("nato", "indirect", "called for"),
    ]
    assert [row[2] for row in other["mentions"]] == ["ukraine", "dmytro_kuleba", "russia", "nato"]
    assert all(not rows for rows in together[2].values())
