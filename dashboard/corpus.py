"""Which corpus the dashboard shows, where its analysed results live on disk, and how they are (re)built."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from analysis.pipeline import DEFAULT_TARGETS, Settings
from analysis.registry import DEFAULT_ACTORS
from analysis.store import MANIFEST, file_hash, load_results, run_corpus

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "data" / "sample" / "articles"
CACHE_ENV = "ACTORLENS_CACHE_DIR"  # where analysed corpora and uploads are kept; tests point it at tmp_path


@dataclass(frozen=True)
class CorpusChoice:
    """A corpus the reader picked: the bundled sample, an uploaded folder, or a results folder from the CLI."""

    kind: str  # "sample" | "upload" | "results"
    location: str  # input folder (sample/upload) or results folder
    label: str
    actors_path: str = str(DEFAULT_ACTORS)  # registry the analysis uses (an edited copy after registry edits)
    targets_path: str = str(DEFAULT_TARGETS)  # stance targets (a kept copy of the reader's own file)
    column_map: tuple[tuple[str, str], ...] = ()  # field=column pairs for tabular uploads


def make_sample_choice() -> CorpusChoice:
    """Return the default corpus: the bundled sample articles."""
    return CorpusChoice(kind="sample", location=str(SAMPLE_DIR), label="Bundled sample")


def find_cache_root() -> Path:
    """Return the folder for analysed corpora and uploads ($ACTORLENS_CACHE_DIR, else .actorlens-cache/ in the repo)."""
    configured = os.environ.get(CACHE_ENV, "")
    return Path(configured) if configured else ROOT / ".actorlens-cache"


def make_settings(choice: CorpusChoice) -> Settings:
    """Return the analysis settings a corpus choice implies."""
    return Settings(actors_path=Path(choice.actors_path), targets_path=Path(choice.targets_path),
                    column_map=choice.column_map)


def hash_corpus(choice: CorpusChoice) -> str:
    """Return a content hash of the corpus: input bytes plus analysis fingerprint, or the results' manifest."""
    digest = hashlib.sha256(choice.kind.encode())
    if choice.kind == "results":
        digest.update((Path(choice.location) / MANIFEST).read_bytes())
    else:
        digest.update(file_hash(Path(choice.location)).encode())
        digest.update(make_settings(choice).fingerprint().encode())
        digest.update(repr(choice.column_map).encode())
    return digest.hexdigest()[:24]


def stamp_corpus(choice: CorpusChoice) -> tuple[tuple[str, int, int], ...]:
    """Return (path, size, modification time) of every input and rule file: cheap to take, changes with them."""
    location = Path(choice.location)
    inputs = sorted(location.rglob("*")) if location.is_dir() else [location]
    rules = make_settings(choice).rule_files() if choice.kind != "results" else (location / MANIFEST,)
    return tuple(
        (str(path), stat.st_size, stat.st_mtime_ns)
        for path in (*inputs, *rules)
        if path.is_file() and (stat := path.stat())
    )


def locate_results(choice: CorpusChoice, *, content_hash: str) -> Path:
    """Return the results folder of a corpus (for inputs: a cache folder named by the content hash)."""
    if choice.kind == "results":
        return Path(choice.location)
    return find_cache_root() / "results" / content_hash


def is_analysed(results_dir: Path) -> bool:
    """Return whether a results folder holds a finished run (the manifest is written last)."""
    return (results_dir / MANIFEST).is_file()


def analyse_corpus(choice: CorpusChoice, *, content_hash: str,
                   on_progress: Callable[[int, int], None] | None = None) -> Path:
    """Analyse the corpus into its cache folder unless already there; return the results folder."""
    results_dir = locate_results(choice, content_hash=content_hash)
    if choice.kind == "results" or is_analysed(results_dir):
        return results_dir
    run_corpus([Path(choice.location)], results_dir, settings=make_settings(choice), on_progress=on_progress)
    return results_dir


def check_results_folder(path: str) -> str:
    """Return "" when path is a results folder the dashboard can open, else the reason it is not."""
    folder = Path(path).expanduser()
    if folder.is_file():
        return (f"{folder} is a file, not a results folder. Upload it under \"Upload files\" to analyse it here, "
                f"or run `python -m analysis run {folder} --out RESULTS` and open the RESULTS folder.")
    if not folder.is_dir():
        return f"{folder} is not a folder."
    if not is_analysed(folder):
        return (f"{folder} holds no ActorLens results (no {MANIFEST}). If it holds articles, upload them under "
                f"\"Upload files\", or run `python -m analysis run {folder} --out RESULTS` with a new RESULTS "
                "folder and open that here.")
    try:
        load_results(folder)
    except (OSError, ValueError, KeyError) as error:
        return f"{folder} could not be read: {error}"
    return ""


# URL parameters that name the corpus, so a copied address opens the same data on the same server.
CORPUS_PARAMS = ("corpus", "registry", "targets", "columns")
EDITED_LABEL = " (edited registry)"  # added to a corpus label once its registry was edited
OWN_TARGETS_LABEL = " (own stance targets)"  # added to a corpus label while it uses the reader's targets file
UPLOAD_FOLDER = re.compile(r"[0-9a-f]{8,64}")  # uploads are kept in folders named by their content hash
REGISTRY_COPY = re.compile(r"actors_[0-9a-f]{16}\.yaml")  # as dashboard.registry_edit names edited registries
TARGETS_COPY = re.compile(r"targets_[0-9a-f]{16}\.yaml")  # as dashboard.registry_edit names uploaded targets


def rules_label(label: str, *, actors_path: str | Path, targets_path: str | Path) -> str:
    """A corpus label with the suffixes that say which rule files are the reader's own (and no stale ones)."""
    plain = label.removesuffix(OWN_TARGETS_LABEL).removesuffix(EDITED_LABEL).removesuffix(OWN_TARGETS_LABEL)
    edited = EDITED_LABEL if Path(actors_path) != Path(DEFAULT_ACTORS) else ""
    return plain + edited + (OWN_TARGETS_LABEL if Path(targets_path) != Path(DEFAULT_TARGETS) else "")


def encode_choice(choice: CorpusChoice) -> dict[str, str]:
    """Return the URL parameters that name a corpus choice; none for the bundled sample with the default registry."""
    params: dict[str, str] = {}
    if choice.kind == "results":
        params["corpus"] = f"results:{choice.location}"
    elif choice.kind == "upload":
        params["corpus"] = f"upload:{Path(choice.location).name}"
    if Path(choice.actors_path) != Path(DEFAULT_ACTORS):
        params["registry"] = Path(choice.actors_path).name
    if Path(choice.targets_path) != Path(DEFAULT_TARGETS):
        params["targets"] = Path(choice.targets_path).name
    if choice.column_map:
        params["columns"] = json.dumps([list(pair) for pair in choice.column_map])
    return params


def decode_choice(params: Mapping[str, str]) -> tuple[CorpusChoice | None, str]:
    """Return (choice, "") for the corpus the URL parameters name (None when they name none), or (None, reason)
    when they name one this server cannot open: an upload, edited registry or targets file it does not keep,
    or a folder without results."""
    kind, _, location = str(params.get("corpus", "")).partition(":")
    registry, targets = str(params.get("registry", "")), str(params.get("targets", ""))
    columns = str(params.get("columns", ""))
    if not kind and not registry and not targets:
        return None, ""
    actors_path, targets_path, suffix = str(DEFAULT_ACTORS), str(DEFAULT_TARGETS), ""
    if registry:
        path = find_cache_root() / "registries" / registry
        if not REGISTRY_COPY.fullmatch(registry) or not path.is_file():
            return None, f"the edited registry '{registry}' is not kept on this server"
        actors_path, suffix = str(path), EDITED_LABEL
    if targets:
        path = find_cache_root() / "targets" / targets
        if not TARGETS_COPY.fullmatch(targets) or not path.is_file():
            return None, f"the stance targets file '{targets}' is not kept on this server"
        targets_path, suffix = str(path), suffix + OWN_TARGETS_LABEL
    try:
        column_map = tuple((str(field), str(column)) for field, column in json.loads(columns)) if columns else ()
    except (ValueError, TypeError):
        return None, "the column mapping in the address cannot be read"
    if kind == "results":
        problem = check_results_folder(location)
        choice = CorpusChoice(kind="results", location=location, label=f"Results: {location}{suffix}",
                              actors_path=actors_path, targets_path=targets_path)
        return (None, problem) if problem else (choice, "")
    if kind == "upload":
        folder = find_cache_root() / "uploads" / location
        if not UPLOAD_FOLDER.fullmatch(location) or not folder.is_dir():
            return None, f"the uploaded files '{location}' are not kept on this server"
        names = ", ".join(sorted(path.name for path in folder.iterdir()))[:80]
        return CorpusChoice(kind="upload", location=str(folder), label=f"Uploaded: {names}{suffix}",
                            actors_path=actors_path, targets_path=targets_path, column_map=column_map), ""
    if kind:
        return None, f"'{kind}' is no kind of corpus"
    return CorpusChoice(kind="sample", location=str(SAMPLE_DIR), label=f"Bundled sample{suffix}",
                        actors_path=actors_path, targets_path=targets_path), ""


def rebuild_settings(recorded: Mapping[str, str]) -> Settings:
    """Return the Settings a manifest's `settings` (every value written as text) describe, as far as they shape
    the fingerprint."""
    defaults = Settings()
    rules_dir = recorded.get("rules_dir", "None")
    return Settings(actors_path=Path(recorded.get("actors_path", defaults.actors_path)),
                    targets_path=Path(recorded.get("targets_path", defaults.targets_path)),
                    sentiment=recorded.get("sentiment", defaults.sentiment),
                    ner_model=recorded.get("ner_model", defaults.ner_model),
                    stages=recorded.get("stages", defaults.stages),
                    rules_dir=None if rules_dir in ("", "None") else Path(rules_dir))


def rules_match_run(manifest: Mapping) -> bool:
    """Return whether the rule files a run's manifest names still hold what the run read: their fingerprint,
    with the run's settings, is the manifest's (False too when ActorLens or the NER model changed since)."""
    recorded = manifest.get("settings", {})
    return bool(recorded) and rebuild_settings(recorded).fingerprint() == manifest.get("fingerprint")
