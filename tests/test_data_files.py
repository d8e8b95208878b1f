"""Every editable data file parses, and no word list holds a YAML boolean (an unquoted on/off/yes/no)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parent.parent / "data"


def booleans_in_lists(value, path: str = "") -> list[str]:
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in booleans_in_lists(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [f"{path}[{index}]" for index, item in enumerate(value) if isinstance(item, bool)] + [
            found for index, item in enumerate(value) for found in booleans_in_lists(item, f"{path}[{index}]")
        ]
    return []


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_word_lists_hold_no_yaml_booleans(path):
    assert booleans_in_lists(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_lexicon_keeps_on_as_a_word():
    lexicon = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
    rules = yaml.safe_load((DATA / "metonym_rules.yaml").read_text(encoding="utf-8"))
    assert "On" in lexicon["not_names"]
    assert "on" in rules["words_before"]
