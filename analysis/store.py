"""Run a corpus end to end and keep its results on disk: atomic writes, a manifest, reuse of unchanged articles."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import pandas as pd

from analysis import __version__
from analysis.ingest import IngestResult, Problem, load_outlets, read_corpus
from analysis.pipeline import (
    ANALYSED_TABLES,
    ProgressCallback,
    Settings,
    analyse_articles,
    collection_paused,
    text_hash,
    unregistered_name_finder,
)
from analysis.schema import TABLES

MANIFEST = "manifest.json"
PROBLEM_COLUMNS: tuple[str, ...] = ("file", "location", "reason")
FORMATS: tuple[str, ...] = ("parquet", "csv")
VERSIONED_PACKAGES: tuple[str, ...] = ("spacy", "pandas", "pyarrow", "textblob", "vaderSentiment", "trafilatura")


@dataclass(frozen=True)
class Results:
    """Every table of one analysed corpus, plus the ingest problems and the run summary."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    stances: pd.DataFrame
    relations: pd.DataFrame
    problems: tuple[Problem, ...] = ()
    summary: str = ""

    def tables(self) -> dict[str, pd.DataFrame]:
        """The six tables by name, in schema order."""
        return {name: getattr(self, name) for name in TABLES}


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes (or of every file below a folder, in sorted order). A file that cannot be read
    (ingest reported it) adds its name and the word "unreadable" instead of its bytes."""
    digest = hashlib.sha256()
    paths = sorted(p for p in Path(path).rglob("*") if p.is_file()) if Path(path).is_dir() else [Path(path)]
    for item in paths:
        digest.update(os.fsencode(item.relative_to(path) if Path(path).is_dir() else item.name))
        if not item.is_file():  # a pipe given as an input would block
            digest.update(b"not a regular file")
            continue
        try:
            with item.open("rb") as handle:  # in blocks: an input may be larger than memory
                for block in iter(lambda handle=handle: handle.read(HASH_BLOCK), b""):
                    digest.update(block)
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


HASH_BLOCK = 1 << 20


def package_versions() -> dict[str, str]:
    """Versions of ActorLens, Python and the libraries that shape the results."""
    versions = {"actorlens": __version__, "python": platform.python_version()}
    for name in VERSIONED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def table_path(out_dir: Path, name: str, fmt: str) -> Path:
    """Where a table lives in a results folder."""
    return Path(out_dir) / f"{name}.{fmt}"


def stage_table(frame: pd.DataFrame, path: Path, fmt: str) -> Path:
    """Write a table to a temporary file beside `path` and return the temporary file's path."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        if fmt == "parquet":
            frame.to_parquet(temporary, index=False)
        else:
            frame.to_csv(temporary, index=False)
    except BaseException:
        os.remove(temporary)
        raise
    return Path(temporary)


def write_text_atomically(path: Path, text: str) -> None:
    """Write text to a temporary file beside `path` and move it into place in one step."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, path)


def problems_frame(problems: Sequence[Problem]) -> pd.DataFrame:
    """The ingest problems as a table (file, location, reason)."""
    return pd.DataFrame([(p.file, p.location, p.reason) for p in problems], columns=list(PROBLEM_COLUMNS))


def write_results(results: Results, out_dir: Path, *, fmt: str, manifest: dict) -> None:
    """Write every table, then the manifest; a run killed at any point leaves the previous results usable.

    All tables are first written to temporary files (the slow part); only when every one is complete are they
    moved over the old files, one `os.replace` each, and the manifest (which records each table's row count)
    goes last. `load_results` checks those counts, so a reader never silently mixes two runs.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = {**results.tables(), "problems": problems_frame(results.problems)}
    staged: dict[str, Path] = {}
    try:
        for name, frame in frames.items():
            staged[name] = stage_table(frame, table_path(out_dir, name, fmt), fmt)
    except BaseException:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
        raise
    for name, temporary in staged.items():
        os.replace(temporary, table_path(out_dir, name, fmt))
    write_text_atomically(out_dir / MANIFEST, json.dumps(manifest, indent=2, default=str))


def read_manifest(out_dir: Path) -> dict | None:
    """The manifest of an earlier run in this folder, or None."""
    path = Path(out_dir) / MANIFEST
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


NUMBER_COLUMNS: frozenset[str] = frozenset(
    {"sentence_id", "quote_id", "start", "end", "n_words", "polarity", "subjectivity", "confidence"}
)


def read_table(path: Path, fmt: str, name: str) -> pd.DataFrame:
    """One stored table with the schema's columns; after CSV, text stays text ("" is not read as missing)."""
    if fmt == "parquet":
        frame = pd.read_parquet(path)
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in frame.columns:
            if column in NUMBER_COLUMNS:
                frame[column] = pd.to_numeric(frame[column].replace("", None))
            elif column == "registered":
                frame[column] = frame[column].eq("True")
    if "published" in frame.columns:
        frame["published"] = pd.to_datetime(frame["published"].replace("", None), utc=True, errors="coerce")
    return frame.reindex(columns=list(TABLES.get(name, frame.columns)))


def check_row_counts(tables: dict[str, pd.DataFrame], manifest: dict, out_dir: Path) -> None:
    """ValueError when the tables on disk are not the ones the manifest describes (an interrupted write)."""
    expected = manifest.get("rows", {})
    wrong = [name for name, frame in tables.items() if name in expected and expected[name] != len(frame)]
    if wrong:
        raise ValueError(
            f"{out_dir}: {', '.join(wrong)} do not match {MANIFEST} (a run was interrupted while replacing files)"
            " - run the analysis again"
        )


def load_results(out_dir: Path) -> Results:
    """The results stored in a folder by `run_corpus` or the CLI; ValueError when the folder holds none."""
    manifest = read_manifest(out_dir)
    if manifest is None:
        raise ValueError(f"{out_dir}: no {MANIFEST} here - not an ActorLens results folder")
    fmt = manifest.get("settings", {}).get("output_format", "parquet")
    tables = {name: read_table(table_path(out_dir, name, fmt), fmt, name) for name in TABLES}
    check_row_counts(tables, manifest, out_dir)
    problems_path = table_path(out_dir, "problems", fmt)
    problems = read_table(problems_path, fmt, "problems") if problems_path.exists() else problems_frame(())
    found = tuple(Problem(str(r.file), str(r.location), str(r.reason)) for r in problems.itertuples())
    return Results(**tables, problems=found, summary=manifest.get("summary", ""))


def previous_tables(out_dir: Path, settings: Settings) -> tuple[dict[str, pd.DataFrame] | None, set[str]]:
    """Tables of an earlier run with the same fingerprint, and the article keys (id:hash) it analysed."""
    manifest = read_manifest(out_dir)
    if manifest is None or manifest.get("fingerprint") != settings.fingerprint():
        return None, set()
    try:
        results = load_results(out_dir)
    except (OSError, ValueError, KeyError):
        return None, set()
    keys = set(manifest.get("article_keys", []))
    return {name: getattr(results, name) for name in ANALYSED_TABLES}, keys


def build_manifest(inputs: Sequence[Path], results: Results, settings: Settings, *, reused: int) -> dict:
    """What was run, on what, with which versions: enough to reproduce and to reuse results."""
    articles = results.articles
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": [{"path": str(path), "sha256": file_hash(path)} for path in inputs if Path(path).exists()],
        "settings": {key: str(value) for key, value in asdict(settings).items()},
        "fingerprint": settings.fingerprint(),
        "unregistered_names": unregistered_name_finder(settings.ner_model),
        "versions": package_versions(),
        "rows": {name: len(frame) for name, frame in results.tables().items()},
        "articles_reused": reused,
        "problems": [str(problem) for problem in results.problems],
        "summary": results.summary,
        "article_keys": [f"{a}:{text_hash(t)}" for a, t in zip(articles["article_id"], articles["text"], strict=True)],
    }


def reusable_ids(articles: pd.DataFrame, keys: set[str]) -> set[str]:
    """Ids of articles whose text is unchanged since the earlier run."""
    return {a for a, t in zip(articles["article_id"], articles["text"], strict=True) if f"{a}:{text_hash(t)}" in keys}


def run_summary(ingest: IngestResult, tables: dict[str, pd.DataFrame], *, reused: int) -> str:
    """The ingest summary followed by the row counts of the analysis."""
    counts = ", ".join(f"{len(frame):,} {name}" for name, frame in tables.items())
    lines = [ingest.summary(), f"Analysis: {counts}."]
    if reused:
        lines.append(f"Reused unchanged results for {reused:,} articles.")
    return "\n".join(lines)


def analyse_ingested(
    ingest: IngestResult,
    *,
    settings: Settings,
    previous: dict[str, pd.DataFrame] | None = None,
    keys: set[str] = frozenset(),
    on_progress: ProgressCallback | None = None,
) -> tuple[Results, int]:
    """Results for an ingested corpus, reusing earlier rows of unchanged articles; also the reuse count."""
    reusable = reusable_ids(ingest.articles, keys) if previous is not None else set()
    tables = analyse_articles(
        ingest.articles, settings=settings, previous=previous, reusable=reusable, on_progress=on_progress
    )
    summary = run_summary(ingest, tables, reused=len(reusable))
    results = Results(articles=ingest.articles, **tables, problems=ingest.problems, summary=summary)
    return results, len(reusable)


def run_corpus(
    inputs: Sequence[Path],
    out_dir: Path,
    *,
    settings: Settings | None = None,
    on_progress: ProgressCallback | None = None,
    on_ingest: ProgressCallback | None = None,
) -> Results:
    """Read the inputs, analyse every article (reusing unchanged ones from `out_dir`) and write the results there."""
    settings = settings or Settings()
    if settings.output_format not in FORMATS:
        raise ValueError(f"unknown format '{settings.output_format}' (use {' or '.join(FORMATS)})")
    with collection_paused():  # reading and writing allocate as many small objects as the analysis
        ingest = read_corpus(
            [Path(path) for path in inputs],
            column_map=dict(settings.column_map),
            outlets={**load_outlets(), **dict(settings.source_names)},
            on_progress=on_ingest,
            jobs=settings.jobs,
        )
        previous, keys = previous_tables(out_dir, settings)
        results, reused = analyse_ingested(
            ingest, settings=settings, previous=previous, keys=keys, on_progress=on_progress
        )
        manifest = build_manifest(inputs, results, settings, reused=reused)
        write_results(results, out_dir, fmt=settings.output_format, manifest=manifest)
    return results
