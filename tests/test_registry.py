"""Tests for analysis.registry: parsing, validation and name lookup."""

from __future__ import annotations

import pytest

from analysis.registry import RegistryError, default_short_names, load_registry, parse_registry


def make(actors):
    return parse_registry({"actors": actors}, source="inline")


def test_parse_registry_reads_fields_and_defaults():
    registry = make(
        [
            {"id": "putin", "name": "Vladimir Putin", "type": "person", "gender": "Male", "titles": ["President"]},
            {"id": "russia", "name": "Russia", "type": "country", "metonyms": ["Moscow", "the Kremlin"]},
        ]
    )
    putin = registry.get("putin")
    assert (putin.gender, putin.titles, putin.aliases) == ("male", ("President",), ())
    assert registry.get("russia").metonyms == ("Moscow", "the Kremlin")
    assert len(registry) == 2 and registry.get("nobody") is None


def test_resolve_name_handles_aliases_short_names_titles_and_articles():
    registry = make(
        [
            {"id": "putin", "name": "Vladimir Putin", "type": "person"},
            {"id": "russia", "name": "Russia", "type": "country", "metonyms": ["the Kremlin"]},
            {"id": "a_smith", "name": "Anna Smith", "type": "person"},
            {"id": "b_smith", "name": "Bob Smith", "type": "person"},
        ]
    )
    assert registry.resolve_name("Putin").id == "putin"
    assert registry.resolve_name("Russian President Vladimir Putin").id == "putin"
    assert registry.resolve_name("Kremlin").id == "russia"
    assert registry.resolve_name(" the Kremlin, ").id == "russia"
    assert registry.resolve_name("Smith") is None  # shared surname: ambiguous
    assert registry.resolve_name("Bob Smith").id == "b_smith"


@pytest.mark.parametrize(
    ("actors", "message"),
    [
        ([{"id": "x", "name": "X"}], "missing type"),
        ([{"id": "x", "name": "X", "type": "planet"}], "unknown type 'planet'"),
        ([{"id": "x", "name": "X", "type": "person"}, {"id": "x", "name": "Y", "type": "person"}], "duplicate id 'x'"),
        ([{"id": "x", "name": "X", "type": "person", "aliases": [1]}], r"'aliases' must be a list of strings"),
        ([{"id": "x", "name": "X", "type": "person", "alias": ["Mr X"]}],
         r"^inline, actor 1 \(x\): unknown field 'alias' \(the fields are: id, name, type, gender, country, "
         r"affiliation, aliases, short_names, titles, metonyms\)$"),
        ([{"id": "x", "name": "X", "type": "person", "gender": "F"}],
         r"^inline, actor 1 \(x\): gender 'f' is not one the pronoun rules know \(male, female: "
         r"data/lexicon.yaml\); leave it out when unknown$"),
        ([{"name": "Hillary Clinton", "type": "person"}], r"^inline, actor 1 \(Hillary Clinton\): missing id$"),
        ([{"id": "h", "name": "Hillary Clinton", "type": "person", "aliases": ["Clinton"]},
          {"id": "b", "name": "Bill Clinton", "type": "person", "aliases": ["Clinton"]}],
         r"^inline, actor 2 \(b\): 'Clinton' is already a name of 'h'; a name may belong to one actor only$"),
        ([{"id": "FBI Bureau", "name": "FBI", "type": "organisation"}],
         r"^inline, actor 1 \(FBI Bureau\): the id 'FBI Bureau' must be lowercase letters, digits and underscores "
         r"\(snake_case, such as 'hillary_clinton'\)$"),
        ([{"id": "trump", "name": "Donald Trump", "type": "person", "affiliation": "republican_partyy"}],
         r"^inline, actor 1 \(trump\): affiliation 'republican_partyy' is no actor id of this registry$"),
        ([{"id": "trump", "name": "Donald Trump", "type": "person"},
          {"id": "jeb", "name": "Jeb Bush", "type": "person", "aliases": ["Trump"]}],
         r"^inline, actor 1 \(trump\): its short name 'Trump' is also a name of 'jeb'; remove it there or give "
         r"this actor other short_names \(\[\] for none\)$"),
    ],
)
def test_parse_registry_rejects_bad_entries_with_a_clear_message(actors, message):
    with pytest.raises(RegistryError, match=message):
        make(actors)


def test_load_registry_names_the_file_when_yaml_is_broken(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors: [unclosed", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"actors\.yaml: cannot read"):
        load_registry(path)


def test_default_registry_covers_the_crisis():
    registry = load_registry()
    ids = {actor.id for actor in registry.actors}
    assert len(registry) >= 60
    assert {"vladimir_putin", "denis_pushilin", "leonid_pasechnik", "dpr", "lpr", "nato", "osce"} <= ids
    assert set(registry.get("russia").metonyms) >= {"Moscow", "the Kremlin"}
    assert set(registry.get("ukraine").metonyms) >= {"Kyiv", "Kiev"}
    assert "Washington" in registry.get("united_states").metonyms
    assert "Brussels" in registry.get("european_union").metonyms
    assert registry.resolve_name("Zelenskyy").id == "volodymyr_zelensky"
    assert registry.resolve_name("Zelenskiy").id == "volodymyr_zelensky"
    assert registry.resolve_name("LNR").id == "lpr"
    assert registry.resolve_name("Selenskyj").id == "volodymyr_zelensky"  # German spelling
    assert registry.resolve_name("Sergej Lawrow").id == "sergei_lavrov"
    assert registry.resolve_name("Luhansk People's Republic").id == "lpr"


def test_an_empty_short_names_list_means_none():
    # "short_names: []" was read as missing, so Bill Clinton still took every "Clinton" of Hillary's
    registry = make([
        {"id": "hillary", "name": "Hillary Clinton", "type": "person", "gender": "female"},
        {"id": "bill", "name": "Bill Clinton", "type": "person", "gender": "male", "short_names": []},
        {"id": "obama", "name": "Barack Obama", "type": "person"},
    ])
    assert [default_short_names(actor) for actor in registry.actors] == [("Clinton",), (), ("Obama",)]
    assert registry.resolve_name("Clinton").id == "hillary"
