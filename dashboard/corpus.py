"""Which corpus the dashboard shows, where its analysed results live on disk, and how they are (re)built."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analysis.pipeline import Settings
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
    return Settings(actors_path=Path(choice.actors_path), column_map=choice.column_map)


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
    if not folder.is_dir():
        return f"{folder} is not a folder."
    if not is_analysed(folder):
        return f"{folder} has no {MANIFEST}: run `python -m analysis run INPUT --out {folder}` first."
    try:
        load_results(folder)
    except (OSError, ValueError, KeyError) as error:
        return f"{folder} could not be read: {error}"
    return ""
