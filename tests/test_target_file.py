"""Tests for analysis.target_file: a targets file with a mistake stops with a message naming file and target."""

from __future__ import annotations

import re

import pytest

from analysis.cli import main
from analysis.stance import load_targets
from analysis.target_file import TargetsError

GOOD = "  - id: grain\n    label: Grain deal\n    keywords: [grain deal]\n"


def write_targets(tmp_path, body: str):
    """Write a targets file with the given entries (YAML text after `targets:`) and return its path."""
    path = tmp_path / "targets.yaml"
    path.write_text("targets:\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (GOOD + "  - id: wheat\n    keyword: [wheat]\n",
         "target 2 (wheat): unknown field 'keyword' (the fields are: id, label, description, keywords, patterns, "
         "inverse, exclude, loose_keywords, one_way_inverse, acts, sentiment_stance)"),
        ("  - label: Grain deal\n    keywords: [grain]\n",
         "target 1 (?): missing id (a short name such as 'sanctions', used in the tables)"),
        (GOOD + "  - id: grain\n    keywords: [wheat]\n",
         "target 2 (grain): the id 'grain' is already used by target 1"),
        ("  - id: grain\n    label: Grain deal\n", "target 1 (grain): no keywords or patterns, so no statement could "
                                                   "ever touch this target"),
        ("  - id: grain\n    patterns: ['grain (deal']\n",
         "target 1 (grain): pattern 'grain (deal' is no valid regular expression (missing ), unterminated subpattern "
         "at position 6)"),
        ("  - id: grain\n    keywords: [gr*in]\n",
         "target 1 (grain): phrase 'gr*in': a '*' may only open or close a word (write out each spelling)"),
        ("  - id: grain\n    keywords: [grain]\n    sentiment_stance: flase\n",
         "target 1 (grain): 'sentiment_stance' must be true or false, not 'flase'"),
        ("  - id: grain\n    keywords: [grain]\n    inverse: {no: deal}\n",
         "target 1 (grain): 'inverse' must be a list of phrases, like [first phrase, second phrase]"),
        ("  - id: grain\n    label: [Grain, deal]\n    keywords: [grain]\n",
         "target 1 (grain): 'label' must be a single text, not a list"),
        ("  - grain\n", "target 1 (?): each target must be a mapping with at least an id and keywords"),
        ("  - id: grain\n    keywords: [grain, '*']\n",
         "target 1 (grain): the keywords phrase '*' holds no word, so it would match anything"),
        ("  - id: grain\n   keywords: [grain]\n",
         "cannot read (line 3, column 4: did not find expected '-' indicator)"),
    ],
)
def test_a_wrong_target_is_named_with_its_file_and_position(tmp_path, body: str, message: str) -> None:
    path = write_targets(tmp_path, body)
    with pytest.raises(TargetsError, match=re.escape(f"{path}") + r"(, |: )" + re.escape(message) + "$"):
        load_targets(path)


def test_a_file_without_a_targets_list_is_refused(tmp_path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text("- id: grain\n  keywords: [grain]\n", encoding="utf-8")
    with pytest.raises(TargetsError, match=re.escape(f"{path}: expected a top-level 'targets:' list")):
        load_targets(path)
    path.write_text("targets: []\n", encoding="utf-8")
    with pytest.raises(TargetsError, match=re.escape(f"{path}: the 'targets:' list is empty, so no stance could be "
                                                     "found")):
        load_targets(path)


def test_keywords_written_as_one_string_are_one_keyword(tmp_path) -> None:
    # Read letter by letter, "keywords: grain deal" once made every 'a' in a corpus touch the target.
    targets = load_targets(write_targets(tmp_path, "  - id: grain\n    keywords: grain deal\n"))
    (grain,) = targets.items
    assert (grain.id, grain.label, grain.sentiment_stance) == ("grain", "grain", False)
    assert [match.group() for match in grain.pattern.finditer("A grain deal, a deal and grain.")] == ["grain deal"]


def test_the_cli_stops_before_reading_articles_and_names_the_target(tmp_path, capsys) -> None:
    path = write_targets(tmp_path, GOOD + "  - id: wheat\n    keywords: [wheat]\n    sentiment_stance: yes please\n")
    corpus = tmp_path / "news.txt"
    corpus.write_text("Turkey hailed the grain deal.\n", encoding="utf-8")
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--targets", str(path), "--quiet"]) == 2
    assert capsys.readouterr().err == (
        f"error: {path}, target 2 (wheat): 'sentiment_stance' must be true or false, not 'yes please'\n")
    assert not (tmp_path / "out").exists()
