"""Tests for analysis.selection: a frozen Selection slices the tables exactly and never mutates them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from dashboard_fixtures import make_tables

from analysis.selection import Selection, apply_selection, describe_selection


def test_default_selection_drops_near_duplicates_only() -> None:
    selected = apply_selection(make_tables(), Selection())
    assert list(selected["articles"]["article_id"]) == ["a1", "a2", "a4", "a5"]
    assert "a3" not in set(selected["mentions"]["article_id"])
    assert len(selected["mentions"]) == 13
    assert len(selected["stances"]) == 5


def test_include_duplicates_keeps_everything() -> None:
    tables = make_tables()
    selected = apply_selection(tables, Selection(include_duplicates=True))
    assert {name: len(frame) for name, frame in selected.items()} == {name: len(f) for name, f in tables.items()}


def test_date_range_is_inclusive_and_drops_undated_articles() -> None:
    selection = Selection(start=dt.date(2022, 2, 22), end=dt.date(2022, 3, 1))
    selected = apply_selection(make_tables(), selection)
    assert list(selected["articles"]["article_id"]) == ["a2", "a4"]
    assert set(selected["quotes"]["article_id"]) == {"a4"}


def test_outlet_filter() -> None:
    selected = apply_selection(make_tables(), Selection(outlets=("Atlas Live",)))
    assert list(selected["articles"]["article_id"]) == ["a5"]
    assert list(selected["relations"]["relation"]) == ["meets"]


def test_one_actor_leaves_only_that_actors_rows() -> None:
    selected = apply_selection(make_tables(), Selection(actors=("joe_biden",)))
    assert set(selected["mentions"]["actor_id"]) == {"joe_biden"}
    assert len(selected["mentions"]) == 4
    assert set(selected["quotes"]["speaker_id"]) == {"joe_biden"}
    assert list(selected["stances"]["target_id"]) == ["sanctions", "diplomacy"]
    assert list(selected["articles"]["article_id"]) == ["a1", "a4"]
    assert list(selected["relations"]["relation"]) == ["asks"]


def test_min_mentions_drops_rare_actors_everywhere() -> None:
    selected = apply_selection(make_tables(), Selection(min_mentions=4))
    assert set(selected["mentions"]["actor_id"]) == {"joe_biden"}
    assert set(selected["stances"]["actor_id"]) == {"joe_biden"}
    assert selected["relations"].empty


def as_unregistered(tables: dict, actor_id: str, name: str) -> dict:
    """The tables with one registry actor turned into a name found outside the registry."""
    outside = f"unregistered:{name}"
    tables = {key: frame.replace({actor_id: outside}) for key, frame in tables.items()}
    mentions = tables["mentions"]
    tables["mentions"] = mentions.assign(registered=mentions["actor_id"] != outside)
    return tables


def test_registry_only_drops_the_rows_of_names_outside_the_registry() -> None:
    tables = as_unregistered(make_tables(), "joe_biden", "Joe Biden")
    everyone = apply_selection(tables, Selection())
    selected = apply_selection(tables, Selection(registry_only=True))
    assert (len(everyone["mentions"]), len(selected["mentions"])) == (13, 9)
    assert selected["mentions"]["registered"].all()
    assert list(everyone["quotes"]["speaker_id"]) == ["unregistered:Joe Biden"] * 2 + ["volodymyr_zelensky", "russia"]
    assert list(selected["quotes"]["speaker_id"]) == ["volodymyr_zelensky", "russia"]
    assert list(selected["stances"]["actor_id"]) == ["vladimir_putin", "volodymyr_zelensky", "russia"]
    assert list(selected["relations"]["relation"]) == ["criticises", "meets"]  # not Zelensky asking Biden
    assert selected["articles"].equals(everyone["articles"])  # articles and sentences stay


def test_target_filter_touches_only_stances() -> None:
    selected = apply_selection(make_tables(), Selection(targets=("recognition",)))
    assert list(selected["stances"]["stance"]) == ["support", "oppose"]
    assert len(selected["mentions"]) == 13


def test_search_is_case_insensitive_and_literal() -> None:
    assert list(apply_selection(make_tables(), Selection(search="SANCTIONS"))["articles"]["article_id"]) == ["a1"]
    assert apply_selection(make_tables(), Selection(search="(.*)"))["articles"].empty


def test_empty_result_keeps_columns() -> None:
    selected = apply_selection(make_tables(), Selection(outlets=("Nowhere",)))
    assert all(frame.empty for frame in selected.values())
    assert list(selected["quotes"].columns) == list(make_tables()["quotes"].columns)


def test_inputs_are_not_mutated() -> None:
    tables = make_tables()
    before = {name: frame.copy() for name, frame in tables.items()}
    apply_selection(tables, Selection(actors=("russia",), min_mentions=2, search="talks"))
    for name, frame in tables.items():
        assert frame.equals(before[name])


def test_selection_is_frozen_and_hashable() -> None:
    selection = Selection(actors=("russia",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        selection.actors = ()  # type: ignore[misc]
    assert hash(selection) == hash(Selection(actors=("russia",)))


def test_describe_selection_uses_display_names() -> None:
    text = describe_selection(Selection(actors=("russia",), min_mentions=3), actor_names={"russia": "Russia"})
    assert text == "actors Russia; at least 3 mentions per actor; near-duplicates excluded"
    assert describe_selection(Selection(registry_only=True)) == "registry actors only; near-duplicates excluded"
