"""A folder of the user's own rule files (the CLI's --rules), checked before any article is read.

Each file in it replaces the bundled file of the same name in data/ as a whole, so the way to change a cue
list is to copy the bundled file there and edit the copy. The check refuses what would otherwise be read
without a word: a file name that is no rule file, a file that is no YAML mapping, and a top-level field the
bundled file does not have (a misspelt list name would leave the list empty).
"""

from __future__ import annotations

from pathlib import Path

from analysis.registry import DATA_DIR
from analysis.yaml_text import read_yaml_file

# Files with options of their own: a copy in the rules folder would be silently ignored.
OWN_OPTIONS = {"actors.yaml": "--actors", "targets.yaml": "--targets"}


class RulesError(ValueError):
    """A rules folder or a file in it that cannot be used; the message names the file and the reason."""


def check_rules_dir(folder: Path, names: tuple[str, ...]) -> list[str]:
    """The names of the rule files (of `names`) that `folder` replaces; RulesError on anything else in it."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RulesError(f"--rules: {folder} is not a folder")
    found = sorted(path.name for path in folder.iterdir() if path.name.endswith((".yaml", ".yml")))
    for name in found:
        check_rule_file(folder / name, names)
    if not found:
        raise RulesError(f"--rules: {folder} holds none of the rule files ({', '.join(names)})")
    return found


def check_rule_file(path: Path, names: tuple[str, ...]) -> None:
    """RulesError unless `path` is named like a bundled rule file and has only fields the bundled one has."""
    if path.name in OWN_OPTIONS:
        raise RulesError(f"{path}: the {path.stem} file is given with {OWN_OPTIONS[path.name]}, not in --rules")
    if path.name not in names:
        raise RulesError(f"{path}: not a rule file; the folder may hold {', '.join(names)}")
    own = read_yaml_file(path, error=RulesError)
    if not isinstance(own, dict):
        raise RulesError(f"{path}: expected a mapping of list names to lists, as in data/{path.name}")
    bundled = read_yaml_file(DATA_DIR / path.name, error=RulesError) or {}
    unknown = sorted(str(field) for field in own if field not in bundled)
    if unknown:
        raise RulesError(f"{path}: unknown field {', '.join(unknown)} (data/{path.name} has {', '.join(bundled)})")
