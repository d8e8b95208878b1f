"""Tests for analysis.pipeline: a batch of articles gives the same rows as each article on its own."""

from __future__ import annotations

import gc

import pytest

from analysis.pipeline import ANALYSED_TABLES, analyse_article, analyse_rows, collection_paused

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


class Cycle:
    """An object that refers to itself: only the garbage collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_collection_pauses_for_a_block_and_frees_its_cycles_after() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        cycle_ids = {id(Cycle()) for _ in range(3)}
        assert {id(item) for item in gc.get_objects() if isinstance(item, Cycle)} == cycle_ids
    assert gc.isenabled()
    assert [item for item in gc.get_objects() if isinstance(item, Cycle)] == []


def test_collection_stays_off_after_a_block_when_it_was_off_before() -> None:
    gc.disable()
    try:
        with pytest.raises(KeyError), collection_paused():
            raise KeyError("an error inside the block")
        assert not gc.isenabled()
    finally:
        gc.enable()
