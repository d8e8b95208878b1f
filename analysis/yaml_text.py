"""Parsing of the YAML data files: libyaml's C loader where PyYAML ships it (about ten times faster), else
PyYAML's own safe loader. Both build only plain values and raise yaml.YAMLError on bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """The plain Python value (dict, list, str, number, bool, None) of a YAML document."""
    return yaml.load(text, Loader=SAFE_LOADER)


def describe_yaml_error(error: Exception) -> str:
    """A one-line reason for a YAML error, with the line and column (1-based) where the parser gave up."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        return f"line {mark.line + 1}, column {mark.column + 1}: {error.problem}"
    return " ".join(str(error).split())


def read_yaml_file(path: Path, *, error: type[Exception]) -> Any:
    """The parsed YAML of a data file; `error` naming the file and why when it cannot be read or parsed."""
    try:
        return parse_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as problem:
        reason = describe_yaml_error(problem) if isinstance(problem, yaml.YAMLError) else str(problem)
        raise error(f"{path}: cannot read ({reason})") from problem
