"""Saving files uploaded in the browser as a corpus folder, and previewing uploaded tables for column mapping."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.ingest import read_table

ACCEPTED_TYPES: tuple[str, ...] = ("md", "txt", "html", "htm", "csv", "tsv", "jsonl", "json", "parquet", "zip")
TABLE_TYPES: tuple[str, ...] = ("csv", "tsv", "jsonl", "json", "parquet")


def hash_uploads(files: Sequence[tuple[str, bytes]]) -> str:
    """Return a content hash of (name, bytes) pairs, independent of upload order."""
    digest = hashlib.sha256()
    for name, data in sorted(files):
        digest.update(name.encode())
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()[:24]


def save_uploads(files: Sequence[tuple[str, bytes]], *, root: Path) -> Path:
    """Write the uploaded files into root/<content hash>/ and return that folder (reused when it exists)."""
    folder = Path(root) / hash_uploads(files)
    folder.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for position, (name, data) in enumerate(files):
        base = Path(name).name  # never trust a path inside an uploaded file name
        # Two uploads with the same name (from different folders) are both kept.
        target = folder / (base if base not in used else f"{position}_{base}")
        used.add(target.name)
        if not target.exists():
            target.write_bytes(data)
    return folder


def is_table(name: str) -> bool:
    """Return whether a file name looks like a table that needs column mapping."""
    return name.lower().rsplit(".", 1)[-1] in TABLE_TYPES


def read_table_preview(name: str, data: bytes, *, rows: int = 5) -> pd.DataFrame:
    """Return the first rows of an uploaded table, read as the analysis reads it (a malformed row among them
    is left out, as the analysis leaves it out); ValueError with the reason when the file is no table."""
    table, problems = read_table(name, data)
    if table is None:
        reasons = "; ".join(problem.reason for problem in problems) or "unreadable"
        raise ValueError(f"{name}: cannot be read as a table ({reasons})")
    return table.rows.head(rows)
