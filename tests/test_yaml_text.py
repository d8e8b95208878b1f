"""Tests for analysis.yaml_text: the data-file YAML loader."""

from __future__ import annotations

import pytest
import yaml

from analysis.yaml_text import parse_yaml


def test_plain_values() -> None:
    assert parse_yaml("actors:\n  - id: putin\n    aliases: [Putin, 'Vladimir Putin']\n    weight: 1.5\n") == {
        "actors": [{"id": "putin", "aliases": ["Putin", "Vladimir Putin"], "weight": 1.5}]
    }
    assert parse_yaml("") is None


def test_no_python_objects_and_clear_errors() -> None:
    with pytest.raises(yaml.YAMLError):
        parse_yaml("!!python/object/apply:os.system ['true']")
    with pytest.raises(yaml.YAMLError, match="line 2"):
        parse_yaml("a: [1, 2\nb: 3\n")
