"""Reading a stance targets file (data/targets.yaml or the user's own): every entry checked before use.

A mistake in the file stops the run before any article is read, with a message naming the file, the
target's position and id, and what to change: a typo in a field name or a keyword list written as one
string would otherwise quietly find nothing, or find every letter.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from analysis.yaml_text import read_yaml_file

# The fields of one target; each list field holds phrases (or regexes for `patterns`).
LIST_FIELDS = ("keywords", "patterns", "inverse", "exclude", "loose_keywords", "one_way_inverse", "acts")
TEXT_FIELDS = ("id", "label", "description")
FLAG_FIELDS = ("sentiment_stance",)
TARGET_FIELDS = (*TEXT_FIELDS, *LIST_FIELDS, *FLAG_FIELDS)


class TargetsError(ValueError):
    """A targets file that cannot be used, with the file and target named in the message."""


def read_target_entries(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """The targets of a YAML file as (where, entry) pairs, each entry checked and its lists made tuples.

    `where` names the file, position and id ("targets.yaml, target 2 (sanctions)") for later messages.
    TargetsError for a file that cannot be read or parsed and for any entry that is not right.
    """
    data = read_yaml_file(path, error=TargetsError)
    if not isinstance(data, dict) or not isinstance(data.get("targets"), list):
        raise TargetsError(f"{path}: expected a top-level 'targets:' list")
    if not data["targets"]:
        raise TargetsError(f"{path}: the 'targets:' list is empty, so no stance could be found")
    entries, seen = [], {}
    for position, entry in enumerate(data["targets"], start=1):
        label = entry.get("id", "?") if isinstance(entry, dict) else "?"
        where = f"{path}, target {position} ({label})"
        checked = check_target(entry, where=where)
        if checked["id"] in seen:
            raise TargetsError(f"{where}: the id '{checked['id']}' is already used by target {seen[checked['id']]}")
        seen[checked["id"]] = position
        entries.append((where, checked))
    return entries


def check_target(entry: Any, *, where: str) -> dict[str, Any]:
    """One target entry with its text fields stripped and its list fields as tuples of strings."""
    if not isinstance(entry, dict):
        raise TargetsError(f"{where}: each target must be a mapping with at least an id and keywords")
    unknown = [str(key) for key in entry if key not in TARGET_FIELDS]
    if unknown:
        raise TargetsError(f"{where}: unknown field {', '.join(map(repr, unknown))} "
                           f"(the fields are: {', '.join(TARGET_FIELDS)})")
    texts = {key: check_text(entry.get(key), where=where, key=key) for key in TEXT_FIELDS}
    if not texts["id"]:
        raise TargetsError(f"{where}: missing id (a short name such as 'sanctions', used in the tables)")
    lists = {key: check_list(entry.get(key), where=where, key=key) for key in LIST_FIELDS}
    if not lists["keywords"] and not lists["patterns"]:
        raise TargetsError(f"{where}: no keywords or patterns, so no statement could ever touch this target")
    for pattern in lists["patterns"]:
        check_pattern(pattern, where=where)
    for key in ("keywords", "inverse", "exclude", "loose_keywords", "one_way_inverse", "acts"):
        for phrase in lists[key]:
            if not any(character.isalnum() for character in phrase):
                raise TargetsError(f"{where}: the {key} phrase '{phrase}' holds no word, so it would match anything")
    flag = entry.get("sentiment_stance", False)
    if not isinstance(flag, bool):
        raise TargetsError(f"{where}: 'sentiment_stance' must be true or false, not {flag!r}")
    return {**texts, **lists, "label": texts["label"] or texts["id"], "sentiment_stance": flag}


def check_text(value: Any, *, where: str, key: str) -> str:
    """A text field as a stripped string ("" when absent); TargetsError for a list or mapping."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        raise TargetsError(f"{where}: '{key}' must be a single text, not a list")
    return str(value).strip()


def check_list(value: Any, *, where: str, key: str) -> tuple[str, ...]:
    """A list field as a tuple of non-empty strings; one string alone counts as a list of one."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, (str, int, float)) for item in items):
        raise TargetsError(f"{where}: '{key}' must be a list of phrases, like [first phrase, second phrase]")
    return tuple(str(item).strip() for item in items if str(item).strip())


def check_pattern(pattern: str, *, where: str) -> None:
    """TargetsError naming the pattern when it is no valid Python regular expression."""
    try:
        re.compile(pattern)
    except re.error as error:
        raise TargetsError(f"{where}: pattern {pattern!r} is no valid regular expression ({error})") from error
