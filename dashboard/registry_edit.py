"""Pure edits of an actor registry's YAML data (add an alias, add an actor) and writing the edited copy; keeping
a checked copy of a stance targets file the reader uploads."""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from analysis.registry import load_registry, parse_registry
from analysis.stance import load_targets


def add_alias(data: dict[str, Any], *, actor_id: str, alias: str) -> dict[str, Any]:
    """Return a copy of the registry data with one more alias for an actor; ValueError, in words for the
    dashboard's reader, if the actor is unknown, the alias empty, or already a name of another actor."""
    alias = " ".join(alias.split())
    if not alias:
        raise ValueError("The alias is empty.")
    registry = parse_registry(data, source="registry")
    owner = registry.resolve_name(alias)
    if owner is not None and owner.id != actor_id:
        chosen = registry.get(actor_id)
        raise ValueError(f"'{alias}' already names {owner.name}, so it cannot also name "
                         f"{chosen.name if chosen else actor_id}. Choose {owner.name} in the Actor box to keep it "
                         "there, or add a longer spelling that only this actor has.")
    edited = copy.deepcopy(data)
    for entry in edited.get("actors", []):
        if entry.get("id") == actor_id:
            aliases = list(entry.get("aliases") or [])
            if alias not in aliases and alias != entry.get("name"):
                entry["aliases"] = [*aliases, alias]
            parse_registry(edited, source="edited registry")  # raises RegistryError (a ValueError) when invalid
            return edited
    raise ValueError(f"No actor with id '{actor_id}'.")


def make_actor_id(name: str) -> str:
    """Return a snake_case id for a display name ("Olaf Scholz" -> "olaf_scholz")."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def add_actor(data: dict[str, Any], *, name: str, actor_type: str, aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return a copy of the registry data with a new actor; ValueError if the name or id is taken or invalid."""
    name = " ".join(name.split())
    actor_id = make_actor_id(name)
    if not actor_id:
        raise ValueError("The name is empty.")
    if any(entry.get("id") == actor_id for entry in data.get("actors", [])):
        raise ValueError(f"An actor with id '{actor_id}' already exists; add an alias to it instead.")
    entry = {"id": actor_id, "name": name, "type": actor_type}
    clean = [alias for alias in (" ".join(a.split()) for a in aliases) if alias and alias != name]
    if clean:
        entry["aliases"] = clean
    edited = copy.deepcopy(data)
    edited["actors"] = [*edited.get("actors", []), entry]
    parse_registry(edited, source="edited registry")  # raises RegistryError (a ValueError) when invalid
    return edited


def write_registry_copy(data: dict[str, Any], *, folder: Path) -> Path:
    """Write the registry data to folder/actors_<hash>.yaml (same content, same file) and return the path."""
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path = Path(folder) / f"actors_{hashlib.sha256(text.encode()).hexdigest()[:16]}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return path


def save_registry_copy(name: str, data: bytes, *, folder: Path) -> Path:
    """Keep an uploaded actor registry as folder/actors_<hash>.yaml (the name edited copies have, so an address
    can name it) when the CLI's loader accepts it; see keep_checked_copy."""
    path = Path(folder) / f"actors_{hashlib.sha256(data).hexdigest()[:16]}.yaml"
    return keep_checked_copy(name, data, path=path, check=load_registry)


def save_targets_copy(name: str, data: bytes, *, folder: Path) -> Path:
    """Keep an uploaded targets file as folder/targets_<hash>.yaml when the CLI's loader accepts it; see
    keep_checked_copy."""
    path = Path(folder) / f"targets_{hashlib.sha256(data).hexdigest()[:16]}.yaml"
    return keep_checked_copy(name, data, path=path, check=load_targets)


def keep_checked_copy(name: str, data: bytes, *, path: Path, check: Callable[[Path], object]) -> Path:
    """Write an uploaded rule file to `path` and load it with `check`; return the path.

    ValueError naming the upload (not the kept copy) and the entry when the file cannot be used; the copy is
    then removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        check(path)
    except ValueError as error:  # RegistryError and TargetsError are ValueErrors
        path.unlink()
        raise ValueError(str(error).replace(str(path), name)) from error
    return path
