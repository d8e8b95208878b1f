"""The actor registry: canonical actors with aliases, titles and metonyms, read from an editable YAML file."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.yaml_text import read_yaml_file

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_ACTORS = DATA_DIR / "actors.yaml"
DEFAULT_LEXICON = DATA_DIR / "lexicon.yaml"
DEFAULT_METONYM_RULES = DATA_DIR / "metonym_rules.yaml"
DEFAULT_SPEECH_CUES = DATA_DIR / "speech_cues.yaml"

ACTOR_TYPES: tuple[str, ...] = (
    "person",
    "country",
    "government body",
    "organisation",
    "armed group",
    "region",
    "bloc",
    "media",
    "other",
)


ACTOR_ID = re.compile(r"[a-z0-9_]+")  # snake_case ids: they appear in tables, URLs and gold labels
# The fields of one actor entry.
ACTOR_FIELDS = ("id", "name", "type", "gender", "country", "affiliation", "aliases", "short_names", "titles",
                "metonyms")


class RegistryError(ValueError):
    """A registry file that cannot be used, with the file and entry named in the message."""


@dataclass(frozen=True)
class Actor:
    """One canonical actor and every way the news refers to it."""

    id: str
    name: str
    type: str
    gender: str = ""
    country: str = ""
    affiliation: str = ""
    aliases: tuple[str, ...] = ()
    short_names: tuple[str, ...] | None = None  # None: not given, the name's last word; (): none at all
    titles: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()

    @property
    def is_person(self) -> bool:
        """True for people, who get short names, titles and pronouns."""
        return self.type == "person"

    @property
    def full_names(self) -> tuple[str, ...]:
        """The display name followed by the other aliases, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True)
class Registry:
    """All actors of one registry file, looked up by id or by a raw name."""

    actors: tuple[Actor, ...]
    source: str = ""
    digest: str = ""
    _by_id: dict[str, Actor] = field(default_factory=dict, compare=False, repr=False)
    _by_name: dict[str, Actor] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Frozen dataclasses still need their lookup tables filled once.
        object.__setattr__(self, "_by_id", {actor.id: actor for actor in self.actors})
        object.__setattr__(self, "_by_name", build_name_index(self.actors))

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self._by_id.get(actor_id)

    def resolve_name(self, raw: str, *, titles: frozenset[str] = frozenset()) -> Actor | None:
        """The actor a raw name refers to: an alias, an unambiguous short name or "Title Name"; else None.

        In "Title Name" the word right before a one-word name must not be another given name: "President
        Biden", "Russian President Vladimir Putin", but not "Kevin Sullivan", which is not Jake Sullivan. A
        capitalised word counts as a title when it is in `titles` (lowercase) or ends in a full stop ("Sen.").
        """
        text = " ".join(raw.split()).strip(" ,.;:\"'“”‘’")
        for candidate in (text, strip_leading_article(text)):
            if candidate in self._by_name:
                return self._by_name[candidate]
        return self._resolve_titled(text, titles)

    def _resolve_titled(self, text: str, titles: frozenset[str]) -> Actor | None:
        words = text.split()
        for cut in range(1, len(words)):
            tail = " ".join(words[cut:])
            if (
                tail in self._by_name
                and self._by_name[tail].is_person
                and not names_other_person(words[cut - 1], tail, titles)
            ):
                return self._by_name[tail]
        return None

    def __len__(self) -> int:
        return len(self.actors)


def names_other_person(word: str, tail: str, titles: frozenset[str]) -> bool:
    """True when the word before a registered one-word name is another person's given name ("Kevin" in
    "Kevin Sullivan"): capitalised, and no title (`titles`) or abbreviation ("Sen.")."""
    if " " in tail or not word[:1].isupper() or word.endswith("."):
        return False
    return word.lower() not in titles


def strip_leading_article(text: str) -> str:
    """Drop a leading "the"/"The" so "the Kremlin" and "Kremlin" look the same."""
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def default_short_names(actor: Actor) -> tuple[str, ...]:
    """Surnames a person is called by on second reference: the registry's list (which may be empty:
    `short_names: []`), else the name's last word."""
    if actor.short_names is not None:
        return actor.short_names
    if not actor.is_person or " " not in actor.name:
        return ()
    return (actor.name.split()[-1],)


def build_name_index(actors: tuple[Actor, ...]) -> dict[str, Actor]:
    """Map every alias, metonym and unambiguous short name (also without a leading "the") to its actor."""
    index: dict[str, Actor] = {}
    shared: set[str] = set()
    for actor in actors:
        for short in default_short_names(actor):
            if short in index and index[short].id != actor.id:
                shared.add(short)
            index.setdefault(short, actor)
    for name in shared:
        del index[name]
    for actor in actors:
        for name in (*actor.full_names, *actor.metonyms):
            index[name] = actor
            index.setdefault(strip_leading_article(name), actor)
    return index


def _as_tuple(value: Any, *, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RegistryError(f"{where}: '{key}' must be a list of strings")
    return tuple(item.strip() for item in value if item.strip())


def parse_actor(entry: Any, *, where: str) -> Actor:
    """One registry entry as an Actor; RegistryError naming the entry when a field is missing or wrong."""
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: each actor must be a mapping with id, name and type")
    unknown = [str(key) for key in entry if key not in ACTOR_FIELDS]
    if unknown:
        raise RegistryError(f"{where}: unknown field {', '.join(map(repr, unknown))} "
                            f"(the fields are: {', '.join(ACTOR_FIELDS)})")
    missing = [key for key in ("id", "name", "type") if not str(entry.get(key, "")).strip()]
    if missing:
        raise RegistryError(f"{where}: missing {', '.join(missing)}")
    actor_type = str(entry["type"]).strip()
    if actor_type not in ACTOR_TYPES:
        raise RegistryError(f"{where}: unknown type '{actor_type}' (use one of: {', '.join(ACTOR_TYPES)})")
    gender = str(entry.get("gender") or "").strip().lower()
    if gender and gender not in known_genders():
        raise RegistryError(f"{where}: gender '{gender}' is not one the pronoun rules know "
                            f"({', '.join(known_genders())}: data/lexicon.yaml); leave it out when unknown")
    lists: dict[str, Any] = {
        key: _as_tuple(entry.get(key), where=where, key=key) for key in ("aliases", "short_names", "titles", "metonyms")
    }
    if entry.get("short_names") is None:  # not given (or left empty): the default; [] means none
        lists["short_names"] = None
    if not ACTOR_ID.fullmatch(str(entry["id"]).strip()):
        raise RegistryError(f"{where}: the id '{entry['id']}' must be lowercase letters, digits and underscores "
                            "(snake_case, such as 'hillary_clinton')")
    return Actor(
        id=str(entry["id"]).strip(),
        name=str(entry["name"]).strip(),
        type=actor_type,
        gender=gender,
        country=str(entry.get("country") or "").strip(),
        affiliation=str(entry.get("affiliation") or "").strip(),
        **lists,
    )


@functools.cache
def known_genders() -> tuple[str, ...]:
    """The genders of the pronoun lists in data/lexicon.yaml ("male" for "He"), which registry entries may name."""
    return tuple(load_lexicon().get("pronouns") or {})


def parse_registry(data: Any, *, source: str = "registry") -> Registry:
    """A Registry from already-parsed YAML; RegistryError on a malformed file or a duplicate id."""
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise RegistryError(f"{source}: expected a top-level 'actors:' list")
    actors: list[Actor] = []
    seen: set[str] = set()
    owners: dict[str, str] = {}  # every full name and metonym -> the id of its actor
    for position, entry in enumerate(data["actors"], start=1):
        label = (entry.get("id") or entry.get("name") or "?") if isinstance(entry, dict) else "?"
        where = f"{source}, actor {position} ({label})"
        actor = parse_actor(entry, where=where)
        if actor.id in seen:
            raise RegistryError(f"{where}: duplicate id '{actor.id}'")
        for name in (*actor.full_names, *actor.metonyms):
            if owners.setdefault(name, actor.id) != actor.id:
                raise RegistryError(f"{where}: '{name}' is already a name of '{owners[name]}'; a name may "
                                    "belong to one actor only")
        seen.add(actor.id)
        actors.append(actor)
    check_references(actors, source=source)
    check_short_names(actors, owners, source=source)
    digest = hashlib.sha1(repr(actors).encode("utf-8")).hexdigest()[:16]
    return Registry(actors=tuple(actors), source=source, digest=digest)


def check_references(actors: list[Actor], *, source: str) -> None:
    """RegistryError for a country or affiliation that is no actor id of the registry (a typo would quietly
    leave the actor without one)."""
    ids = {actor.id for actor in actors}
    for position, actor in enumerate(actors, start=1):
        for key in ("country", "affiliation"):
            value = getattr(actor, key)
            if value and value not in ids:
                raise RegistryError(f"{source}, actor {position} ({actor.id}): {key} '{value}' is no actor id of "
                                    "this registry")


def check_short_names(actors: list[Actor], owners: dict[str, str], *, source: str) -> None:
    """RegistryError for a short name that is another actor's name, alias or metonym: the alias would take every
    "Trump" from Donald Trump. Short names may be shared by persons (the one mentioned last is meant)."""
    for position, actor in enumerate(actors, start=1):
        for short in default_short_names(actor):
            owner = owners.get(short)
            if owner is not None and owner != actor.id:
                raise RegistryError(f"{source}, actor {position} ({actor.id}): its short name '{short}' is also a "
                                    f"name of '{owner}'; remove it there or give this actor other short_names "
                                    "([] for none)")


def read_yaml(path: Path) -> Any:
    """Parsed YAML of a data file; RegistryError naming the file when it cannot be read or parsed."""
    return read_yaml_file(path, error=RegistryError)


def load_registry(path: Path = DEFAULT_ACTORS) -> Registry:
    """The registry in a YAML file (default data/actors.yaml)."""
    return parse_registry(read_yaml(path), source=str(path))


def load_lexicon(path: Path = DEFAULT_LEXICON) -> dict[str, Any]:
    """Word lists from data/lexicon.yaml (pronouns, title words, non-name words)."""
    return read_yaml(path)


def load_speech_cue_lists(path: Path = DEFAULT_SPEECH_CUES) -> dict[str, Any]:
    """The word lists of data/speech_cues.yaml, whose verbs also tell the actor matcher who speaks."""
    return read_yaml(path)


def load_metonym_rules(path: Path = DEFAULT_METONYM_RULES) -> dict[str, Any]:
    """The context rules that decide when a place stands for an actor (data/metonym_rules.yaml)."""
    return read_yaml(path)
