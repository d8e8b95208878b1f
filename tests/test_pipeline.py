"""Tests for analysis.pipeline: a batch of articles gives the same rows as each article on its own."""

from __future__ import annotations

import gc

import pytest

from analysis.later_stages import STANCE_KEY, repeated_sentences, without_repeats
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


def test_a_live_blog_entry_repeated_under_a_time_stamp_is_counted_once(analyse) -> None:
    entry = "Joe Biden said the United States strongly condemns Russia's attack on the port of Odesa."
    text = f"Summary\n\n{entry}\n\nOther news came in.\n\n23 Jul 2022 22.17 {entry}\n\n{entry}"
    tables = analyse(text)
    quotes = tables["quotes"][["quote_id", "sentence_id", "speaker_id"]]
    assert list(quotes.itertuples(index=False, name=None)) == [(0, 1, "joe_biden"), (1, 1, "united_states")]
    stances = tables["stances"][["sentence_id", "actor_id", "stance"]]
    assert list(stances.itertuples(index=False, name=None)) == [
        (1, "joe_biden", "oppose"),
        (1, "united_states", "oppose"),
    ]
    relations = tables["relations"][["sentence_id", "source_actor_id", "relation", "target_actor_id"]]
    assert list(relations.itertuples(index=False, name=None)) == [(1, "united_states", "criticises", "russia")]
    # the text names the actors again: their mentions stay
    mentions = tables["mentions"].groupby("sentence_id")["actor_id"].apply(list)
    assert list(mentions.items()) == [(sentence, ["joe_biden", "united_states", "russia"]) for sentence in (1, 3, 4)]


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # the same words, case and spacing aside
        (["Talks with the rebels will resume on Friday.", "talks with the  rebels will resume on Friday."], {1: 0}),
        # an earlier sentence under a time stamp, or the other way round
        (
            [
                "10.15 Ten ministers of the bloc met in Brask to talk about the ferry crisis.",
                "Ten ministers of the bloc met in Brask to talk about the ferry crisis.",
            ],
            {1: 0},
        ),
        (
            [
                "Ten ministers of the bloc met in Brask to talk about the ferry crisis.",
                "10.15 Ten ministers of the bloc met in Brask to talk about the ferry crisis.",
            ],
            {1: 0},
        ),
        # short sentences and shorter shared endings do not count
        (["Photograph: Reuters.", "Photograph: Reuters."], {}),
        (["Ten ministers met on Friday in Brask.", "After a long night, ten ministers met on Friday in Brask."], {}),
    ],
)
def test_repeated_sentences(sentences, expected) -> None:
    rows = [("a", number, 0, 0, text, 0.0, 0.0) for number, text in enumerate(sentences)]
    assert repeated_sentences(rows) == expected


def test_a_repeat_keeps_the_statements_its_first_telling_did_not_give() -> None:
    stances = [
        ("a", 1, "dpr", "DPR", "recognition", "Recognition", "support"),
        ("a", 3, "dpr", "DPR", "recognition", "Recognition", "support"),  # said again: counted once
        ("a", 3, "lpr", "LPR", "recognition", "Recognition", "support"),  # only the repeat gave it: kept
        ("a", 3, "dpr", "DPR", "recognition", "Recognition", "oppose"),  # another statement: kept
    ]
    assert without_repeats(stances, {3: 1}, column=1, key=STANCE_KEY) == [stances[0], stances[2], stances[3]]
    assert without_repeats(stances, {}, column=1, key=STANCE_KEY) == stances
