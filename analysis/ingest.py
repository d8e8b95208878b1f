"""Read a corpus of news articles from files, folders, archives or uploads into the articles table.

Reading files happens at the edges (`read_corpus`, `list_input_files`, `read_file`); everything from bytes
onwards is pure. Nothing is silently lost: every input record becomes an article or a `Problem`.
"""

from __future__ import annotations

import functools
import io
import os
import re
import stat
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pandas as pd

from analysis.article_format import ParsedArticle, parse_article_text
from analysis.dates import UTC_DTYPE
from analysis.dedup import (
    find_exact_duplicates,
    make_article_id,
    mark_near_duplicates,
    separate_shared_ids,
    text_digests,
)
from analysis.html_format import parse_html_article
from analysis.schema import ARTICLE_COLUMNS
from analysis.tables import (
    FIELDS,
    RECORD_COLUMNS,
    RawTable,
    choose_delimiter,
    list_locations,
    make_table_records,
    read_delimited,
    read_json_document,
    read_json_lines,
    read_parquet_bytes,
    read_tab_separated,
)
from analysis.text_clean import (
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    decode_lines,
    describe_binary,
    looks_binary,
    remove_nul_characters,
    truncate_text,
)
from analysis.urls import normalise_domain
from analysis.workers import worker_pool
from analysis.yaml_text import parse_yaml

ARTICLE_ID, TITLE, SOURCE, BYLINE, PUBLISHED, URL, TEXT, N_WORDS, DUPLICATE_OF = ARTICLE_COLUMNS
DEFAULT_OUTLETS = Path(__file__).resolve().parent.parent / "data" / "outlets.yaml"
DOCUMENT_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
TABLE_SUFFIXES: tuple[str, ...] = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")
ARCHIVE_SUFFIXES: tuple[str, ...] = (".zip",)
ORIGIN_COLUMNS: tuple[str, ...] = (ARTICLE_ID, "file", "location")
STRING_COLUMNS: tuple[str, ...] = (ARTICLE_ID, TITLE, SOURCE, BYLINE, URL, TEXT, DUPLICATE_OF)
SKIPPED = " - skipped"
FILE_SKIPPED = " - file skipped"  # the whole file (or folder) was left out, not one record of it
EXACT_DUPLICATE = "exact duplicate of"
MAX_ARCHIVE_MEMBER_BYTES = 1 << 30
NEAR_DUPLICATE_THRESHOLD = 0.9  # share of text two articles have in common (see dedup.mark_near_duplicates)
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class Problem:
    """One file or record that was skipped, or a notice about how one was read.

    `location` is "row 12" (data rows counted from 1 after any header), "line 3" (a line of the file),
    "item 4" (a JSON array element) or "" for the whole file. A skip's reason ends with " - skipped".
    """

    file: str
    location: str
    reason: str

    def __str__(self) -> str:
        """ "data/x.csv, row 12: empty text - skipped"."""
        where = f"{self.file}, {self.location}" if self.location else self.file
        return f"{where}: {self.reason}"

    @property
    def skipped(self) -> bool:
        """True when the file or record was left out (rather than kept with a notice)."""
        return self.reason.endswith((SKIPPED, FILE_SKIPPED))

    @property
    def file_skipped(self) -> bool:
        """True when a whole file or folder was left out, so none of its records was read."""
        return self.reason.endswith(FILE_SKIPPED)


@dataclass(frozen=True)
class IngestResult:
    """The articles read (exactly ARTICLE_COLUMNS), the problems met, and how many records were read.

    `origins` says where each kept article came from: article_id, file, location (ORIGIN_COLUMNS).
    """

    articles: pd.DataFrame
    problems: tuple[Problem, ...]
    n_read: int
    origins: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(ORIGIN_COLUMNS)))

    def summary(self) -> str:
        """A few lines: articles read and kept, duplicates, skipped articles and skipped files by reason,
        articles without a date. Read = kept + exact duplicates + articles skipped; the records of a skipped
        file were never read."""
        files = Counter(label_reason(p.reason) for p in self.problems if p.file_skipped)
        skips = Counter(label_reason(p.reason) for p in self.problems if p.skipped and not p.file_skipped)
        exact = sum(count for label, count in skips.items() if label.startswith(EXACT_DUPLICATE))
        other = {label: count for label, count in skips.items() if not label.startswith(EXACT_DUPLICATE)}
        near = int((self.articles[DUPLICATE_OF] != "").sum())
        undated = int(self.articles[PUBLISHED].isna().sum())
        lines = [
            f"Articles read: {self.n_read:,}",
            f"Articles kept: {len(self.articles):,}",
            f"Near-duplicates marked: {near:,}",
            f"Exact duplicates removed: {exact:,}",
            f"Articles skipped: {sum(other.values()):,}",
            *by_count(other),
            f"Files skipped: {sum(files.values()):,}",
            *by_count(files),
            f"Articles without a date: {undated:,}",
        ]
        return "\n".join(lines)


def by_count(counts: Mapping[str, int]) -> list[str]:
    """ "  label: count" lines, most frequent first."""
    return [f"  {label}: {count:,}" for label, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


@dataclass(frozen=True)
class FileRecords:
    """What one input file yielded: records (RECORD_COLUMNS plus file), problems, and records read.

    A one-article file gives its record as a plain dict in `documents` (records None): a folder of
    thousands of articles becomes one frame in `combine_parts` instead of one small frame per file.
    """

    records: pd.DataFrame | None
    problems: tuple[Problem, ...]
    n_read: int
    documents: tuple[dict, ...] = ()


def label_reason(reason: str) -> str:
    """The kind of a skip without its details: "malformed row: expected 3 ..." -> "malformed row"."""
    label = reason.removesuffix(SKIPPED).removesuffix(FILE_SKIPPED)
    for mark in (":", " (", " '"):
        label = label.split(mark)[0]
    return label.strip()


def load_outlets(path: Path = DEFAULT_OUTLETS) -> dict[str, str]:
    """Outlet names by domain (lowercase, no "www.") from a YAML file with an `outlets:` mapping."""
    content = parse_yaml(Path(path).read_text(encoding="utf-8")) or {}
    outlets = content.get("outlets") if isinstance(content, dict) else None
    if not isinstance(outlets, dict) or not all(isinstance(v, str) for v in outlets.values()):
        raise ValueError(f"{path}: expected 'outlets:' followed by lines 'domain: Outlet name'")
    return {normalise_domain(str(domain)): name.strip() for domain, name in outlets.items()}


def parse_column_map(spec: str) -> dict[str, str]:
    """Field -> column from "text=articles,date=published"; ValueError naming the bad part otherwise."""
    mapping: dict[str, str] = {}
    for item in filter(str.strip, spec.split(",")):
        key, equals, column = (part.strip() for part in item.partition("="))
        if not equals or not key or not column:
            raise ValueError(
                f"bad column mapping '{item.strip()}': write field=column, e.g. text=articles,date=published"
            )
        if key.lower() not in FIELDS:
            raise ValueError(f"unknown field '{key}' in column mapping: use {', '.join(FIELDS)}")
        if key.lower() in mapping:
            raise ValueError(f"field '{key}' is mapped twice in the column mapping")
        mapping[key.lower()] = column
    return mapping


def read_corpus(
    paths: Sequence[str | Path],
    *,
    column_map: Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    on_progress: ProgressCallback | None = None,
    near_duplicate_threshold: float = NEAR_DUPLICATE_THRESHOLD,
    jobs: int = 1,
) -> IngestResult:
    """The articles in the given files and folders (searched recursively, hidden files skipped).

    Accepts .txt/.md articles, .html/.htm pages, .csv/.tsv/.jsonl/.json/.parquet tables and .zip archives of
    them. `on_progress(done, total)` is called after each file. Articles sharing at least
    `near_duplicate_threshold` (0..1) of their text with an earlier one are marked as its near-duplicates.
    With `jobs` > 1 the files are read and parsed in that many processes; the result is the same.
    """
    outlets = load_outlets() if outlets is None else outlets
    files, problems = list_input_files(paths)
    reader = functools.partial(read_file, column_map=column_map or {}, outlets=outlets)
    parts = []
    for done, part in enumerate(read_files(files, reader, jobs=jobs), start=1):
        parts.append(part)
        if on_progress is not None:
            on_progress(done, len(files))
    return build_result(parts, problems, threshold=near_duplicate_threshold)


def read_files(files: list[Path], reader: Callable[[Path], FileRecords], *, jobs: int) -> Iterator[FileRecords]:
    """Each file's records, in order; in `jobs` worker processes when there are several files."""
    if jobs <= 1 or len(files) <= 1:
        yield from map(reader, files)
        return
    with worker_pool(min(jobs, len(files))) as pool:
        yield from pool.imap(reader, files, chunksize=max(1, min(64, len(files) // (4 * jobs))))


def read_uploads(
    files: Sequence[tuple[str, bytes]],
    *,
    column_map: Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    near_duplicate_threshold: float = NEAR_DUPLICATE_THRESHOLD,
) -> IngestResult:
    """The articles in uploaded files given as (file name, content) pairs; same formats as `read_corpus`."""
    outlets = load_outlets() if outlets is None else outlets
    parts = [parse_file(name, data, column_map=column_map or {}, outlets=outlets) for name, data in files]
    return build_result(parts, [], threshold=near_duplicate_threshold)


def list_input_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """The files to read (folders expanded sorted, hidden entries left out), and missing paths or folders
    that could not be listed."""
    files, problems = [], []
    for path in map(Path, paths):
        if path.is_dir():
            found, unlisted = walk_folder(path)
            files.extend(found)
            problems.extend(unlisted)
        elif path.exists():
            files.append(path)
        else:
            problems.append(Problem(display_name(path), "", "file not found" + FILE_SKIPPED))
    return files, problems


def walk_folder(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Every non-hidden file below `folder`, in sorted order (symbolic links to folders are not followed),
    and a Problem for each folder that could not be listed."""
    found, problems = [], []

    def report(error: OSError) -> None:
        name = display_name(Path(error.filename or folder))
        problems.append(Problem(name, "", f"cannot read folder ({error.strerror or error}){FILE_SKIPPED}"))

    for root, folders, names in os.walk(folder, onerror=report):
        folders[:] = sorted(name for name in folders if not name.startswith("."))  # os.walk prunes in place
        found.extend(Path(root) / name for name in sorted(names) if not name.startswith("."))
    return found, problems


def display_name(path: Path) -> str:
    """The path as text that can be printed and stored: bytes of a file name that are not UTF-8 (kept by
    Python as surrogate escapes) become U+FFFD."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_file(path: Path, *, column_map: Mapping[str, str], outlets: Mapping[str, str]) -> FileRecords:
    """The records of one file on disk; a Problem when it cannot be read, is not a regular file (a pipe
    would wait for ever) or is too large for this machine's memory (see `too_large`)."""
    name = display_name(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            return skip_file(name, "not a regular file (a pipe, socket or device)")
        reason = too_large(status.st_size, physical_memory())
        if reason:
            return skip_file(name, reason)
        data = path.read_bytes()
    except (OSError, MemoryError) as error:
        return skip_file(name, f"cannot read file ({getattr(error, 'strerror', None) or type(error).__name__})")
    return parse_file(name, data, column_map=column_map, outlets=outlets)


# A file is read whole: its bytes, its decoded text and the tables made from it take about this many times
# its size in memory at once.
MEMORY_PER_FILE_BYTE = 6


def too_large(size: int, memory: int | None) -> str:
    """Why a file of `size` bytes cannot be read on a machine with `memory` bytes (None: unknown), or ""."""
    if memory is None or size * MEMORY_PER_FILE_BYTE <= memory:
        return ""
    need = size * MEMORY_PER_FILE_BYTE
    return (
        f"too large to read here ({describe_size(size)} needs about {describe_size(need)} of memory, this"
        f" machine has {describe_size(memory)}): split it into smaller files"
    )


def describe_size(size: float) -> str:
    """ "512 bytes", "3.2 KiB", "1.5 GiB"."""
    if size < 1024:
        return f"{size:.0f} bytes"
    units = ("KiB", "MiB", "GiB", "TiB")
    power = 1
    while power < len(units) and size >= 1024 ** (power + 1):
        power += 1
    return f"{size / 1024**power:.1f} {units[power - 1]}"


def physical_memory() -> int | None:
    """The machine's memory in bytes, or None where the system does not say."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return None


def parse_file(name: str, data: bytes, *, column_map: Mapping[str, str], outlets: Mapping[str, str]) -> FileRecords:
    """The records in one file's bytes, by file type; any failure becomes a Problem, never an exception."""
    suffix = PurePosixPath(name).suffix.lower()
    if not data.strip():
        return skip_file(name, "empty file")
    try:
        if suffix in ARCHIVE_SUFFIXES:
            return parse_archive(name, data, column_map=column_map, outlets=outlets)
        if suffix in TABLE_SUFFIXES:
            return parse_table(name, data, column_map=column_map, outlets=outlets)
        if suffix in HTML_SUFFIXES:
            return parse_page(name, data, outlets=outlets)
        if suffix in DOCUMENT_SUFFIXES:
            return parse_document(name, data, outlets=outlets)
    except Exception as error:
        return skip_file(name, f"could not be read ({type(error).__name__}: {error})")
    supported = ", ".join((*DOCUMENT_SUFFIXES, *HTML_SUFFIXES, *TABLE_SUFFIXES, *ARCHIVE_SUFFIXES))
    return skip_file(name, f"unsupported file type '{suffix or name}' (supported: {supported})")


def skip_file(name: str, reason: str) -> FileRecords:
    """No records from a file, with one Problem saying why it was skipped."""
    return FileRecords(make_empty_records(), (Problem(name, "", reason + FILE_SKIPPED),), 0)


def make_empty_records() -> pd.DataFrame:
    """A record frame with no rows."""
    frame = pd.DataFrame({column: pd.Series(dtype=object) for column in ("file", *RECORD_COLUMNS)})
    return frame.astype({"published": UTC_DTYPE})


def parse_archive(name: str, data: bytes, *, column_map: Mapping[str, str], outlets: Mapping[str, str]) -> FileRecords:
    """The records of every file in a zip archive, named "archive.zip:member" (hidden members skipped)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return skip_file(name, "not a valid zip archive")
    parts = []
    with archive:
        for info in sorted(archive.infolist(), key=lambda item: item.filename):
            member = f"{name}:{info.filename}"
            if info.is_dir() or is_hidden_member(info.filename):
                continue
            if info.file_size > MAX_ARCHIVE_MEMBER_BYTES:
                parts.append(skip_file(member, f"larger than {MAX_ARCHIVE_MEMBER_BYTES:,} bytes unpacked"))
                continue
            try:
                content = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, OSError, ValueError) as error:  # damaged
                parts.append(skip_file(member, f"cannot unpack ({error})"))
                continue
            parts.append(parse_file(member, content, column_map=column_map, outlets=outlets))
    return combine_parts(parts)


def is_hidden_member(member: str) -> bool:
    """True for archive entries in hidden folders or macOS resource forks (".DS_Store", "__MACOSX/...")."""
    return any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(member).parts)


def combine_parts(parts: Sequence[FileRecords]) -> FileRecords:
    """One FileRecords holding the records (in file order), problems and counts of several."""
    frames, pending = [], []
    for part in parts:
        pending.extend(part.documents)
        if part.records is not None and len(part.records):
            frames += [documents_frame(pending), part.records] if pending else [part.records]
            pending = []
    if pending:
        frames.append(documents_frame(pending))
    records = pd.concat(frames, ignore_index=True) if frames else make_empty_records()
    problems = tuple(problem for part in parts for problem in part.problems)
    return FileRecords(records, problems, sum(part.n_read for part in parts))


def decode_text_file(name: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """The text of a file and notices (not UTF-8, mixed encodings, NUL characters removed); None and a
    Problem when it is not text."""
    if looks_binary(data):
        return None, [Problem(name, "", f"not a text file: {describe_binary(data)}" + FILE_SKIPPED)]
    text, encoding, other_lines = decode_lines(data)
    problems = []
    if encoding == "mixed":
        lines = list_locations([f"line {number}" for number in other_lines])
        problems.append(Problem(name, "", f"mixed encodings: {lines} not UTF-8, decoded as cp1252"))
    elif encoding != "utf-8":
        problems.append(Problem(name, "", f"not UTF-8; decoded as {encoding}"))
    text, nul_lines = remove_nul_characters(text)
    if nul_lines:
        lines = list_locations([f"line {number}" for number in nul_lines])
        problems.append(Problem(name, "", f"NUL characters removed from {lines}"))
    return text, problems


def parse_document(name: str, data: bytes, *, outlets: Mapping[str, str]) -> FileRecords:
    """The one article in a Markdown or plain-text file."""
    text, problems = decode_text_file(name, data)
    if text is None:
        return FileRecords(make_empty_records(), tuple(problems), 0)
    article = parse_article_text(text, outlets=outlets)
    return make_document_records(name, article, problems)


def parse_page(name: str, data: bytes, *, outlets: Mapping[str, str]) -> FileRecords:
    """The article in a saved HTML page."""
    article = parse_html_article(data, outlets=outlets)
    if article is None:
        return FileRecords(make_empty_records(), (Problem(name, "", "no article text found in the page" + SKIPPED),), 1)
    return make_document_records(name, article, [])


def make_document_records(name: str, article: ParsedArticle, problems: Sequence[Problem]) -> FileRecords:
    """A one-record FileRecords for a parsed article file, with its notices as Problems."""
    record = {
        "file": name,
        "location": "",
        "title": article.title,
        "body": article.body,
        "source": article.source,
        "byline": article.byline,
        "published": article.published,
        "url": article.url,
    }
    notices = tuple(Problem(name, "", notice) for notice in article.notices)
    return FileRecords(None, (*problems, *notices), 1, documents=(record,))


def documents_frame(documents: Sequence[dict]) -> pd.DataFrame:
    """The records of one-article files as one frame (file plus RECORD_COLUMNS, published in UTC)."""
    frame = pd.DataFrame(list(documents), columns=["file", *RECORD_COLUMNS])
    return frame.assign(published=pd.Series([item["published"] for item in documents], dtype=UTC_DTYPE).array)


def parse_table(name: str, data: bytes, *, column_map: Mapping[str, str], outlets: Mapping[str, str]) -> FileRecords:
    """The articles in the rows of a CSV, TSV, JSON Lines, JSON or Parquet file."""
    table, problems = read_table(name, data)
    if table is None:
        return FileRecords(make_empty_records(), tuple(problems), 0)
    if table.n_records == 0:
        return FileRecords(
            make_empty_records(), (*problems, Problem(name, "", "no rows in the table" + FILE_SKIPPED)), 0
        )
    problems += [Problem(name, location, reason) for location, reason in table.issues]
    try:
        records, notes = make_table_records(table, column_map=column_map, outlets=outlets)
    except ValueError as error:  # no text column
        return FileRecords(make_empty_records(), (*problems, Problem(name, "", f"{error}{FILE_SKIPPED}")), 0)
    problems += [Problem(name, location, reason) for location, reason in notes]
    records, notes = fill_missing_sources(records, name, outlets)
    problems += [Problem(name, "", note) for note in notes]
    return FileRecords(records.assign(file=name)[["file", *RECORD_COLUMNS]], tuple(problems), table.n_records)


def read_table(name: str, data: bytes) -> tuple[RawTable | None, list[Problem]]:
    """The rows of a table file and notices; None and a Problem when the file is not a readable table."""
    suffix = PurePosixPath(name).suffix.lower()
    text, problems = (None, []) if suffix == ".parquet" else decode_text_file(name, data)
    if text is None and suffix != ".parquet":
        return None, problems
    try:
        table = read_parquet_bytes(data) if suffix == ".parquet" else read_table_text(text, suffix)
    except (ValueError, OSError) as error:  # invalid JSON or Parquet, or JSON without a list of articles
        return None, [*problems, Problem(name, "", f"unreadable table ({error}){FILE_SKIPPED}")]
    return table, problems


def read_table_text(text: str, suffix: str) -> RawTable:
    """The rows of a text table by its file type (JSON errors raise ValueError)."""
    if suffix in (".jsonl", ".ndjson"):
        return read_json_lines(text)
    if suffix == ".json":
        return read_json_document(text)
    if suffix == ".tsv":
        return read_tab_separated(text)
    return read_delimited(text, delimiter=choose_delimiter(text))


def fill_missing_sources(
    records: pd.DataFrame, name: str, outlets: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, list[str]]:
    """Records with empty sources set to the outlet named for the table's file (its name without folder or
    extension, in lowercase, as a key of the outlets table: data/outlets.yaml or `--source-name`), else to the
    file name: a table usually holds one outlet."""
    missing = records["source"] == ""
    if not missing.any():
        return records, []
    stem = file_stem(name)
    outlet = (outlets or {}).get(stem.lower())
    count = int(missing.sum())
    if outlet:
        note = f"no source column or URL in {count} rows - source set to '{outlet}', the outlet named for this file"
    else:
        note = f"no source column or URL in {count} rows - source set to the file name '{stem}'"
    return records.assign(source=records["source"].where(~missing, outlet or stem)), [note]


def file_stem(name: str) -> str:
    """A file's name without folder or extension ("data/Guardians_Russia_Ukraine.csv" -> "Guardians_Russia_Ukraine")."""
    return PurePosixPath(re.split(r"[\\/:]", name.strip())[-1]).stem


def parse_source_names(items: Sequence[str]) -> dict[str, str]:
    """Outlets-table entries from "FILE=Outlet name" items (`--source-name`); ValueError naming a bad item."""
    names: dict[str, str] = {}
    for item in items:
        file, equals, outlet = (part.strip() for part in item.partition("="))
        if not equals or not file or not outlet:
            raise ValueError(f"bad --source-name '{item}': write FILE=Outlet name, e.g. guardian.csv=The Guardian")
        names[file_stem(file).lower()] = outlet  # the outlets table's keys are lowercase
    return names


def first_places(records: pd.DataFrame, articles: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Article id -> (file, location) of the first record that holds it, to name the original of a copy."""
    places: dict[str, tuple[str, str]] = {}
    for file, location, article_id in zip(records["file"], records["location"], articles[ARTICLE_ID], strict=True):
        places.setdefault(article_id, (file, location))
    return places


def describe_place(place: tuple[str, str], file: str) -> str:
    """ "row 3" in the same file, else "other.csv, row 3"; the file alone where it has no location."""
    other, location = place
    if other == file:
        return location or "the same file"
    return f"{other}, {location}" if location else other


def build_result(parts: Sequence[FileRecords], problems: Sequence[Problem], *, threshold: float) -> IngestResult:
    """The articles table from all records: empty ones dropped, texts built, duplicates handled."""
    combined = combine_parts(parts)
    records, empty = drop_empty_texts(combined.records)
    records, truncated = truncate_long_texts(records)
    articles = make_articles(records)
    digests = text_digests(articles[TEXT])  # normalising every text once for both duplicate checks
    articles, shared = separate_shared_ids(articles, digests=digests)
    moved = shared.to_numpy()
    renamed = [
        Problem(file, location, "same URL as an earlier article but a different text - kept with its own id")
        for file, location in zip(records["file"][moved], records["location"][moved], strict=True)
    ]
    copies = find_exact_duplicates(articles, digests=digests)
    repeated = (copies != "").to_numpy()
    places = first_places(records, articles)
    removed = [
        Problem(file, location, f"{EXACT_DUPLICATE} {describe_place(places[kept], file)} (article {kept}){SKIPPED}")
        for file, location, kept in zip(
            records["file"][repeated], records["location"][repeated], copies[repeated], strict=True
        )
    ]
    kept = mark_near_duplicates(articles[~repeated], threshold=threshold).reset_index(drop=True)
    origins = pd.DataFrame(
        {
            ARTICLE_ID: kept[ARTICLE_ID],
            "file": records["file"][~repeated].to_numpy(),
            "location": records["location"][~repeated].to_numpy(),
        }
    )
    every_problem = (*problems, *combined.problems, *empty, *truncated, *renamed, *removed)
    return IngestResult(kept[list(ARTICLE_COLUMNS)], every_problem, combined.n_read, origins)


def drop_empty_texts(records: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Records with a body, and a Problem for each one without."""
    empty = (records["body"].str.strip() == "").to_numpy()
    problems = [
        Problem(file, location, "empty text" + SKIPPED)
        for file, location in zip(records["file"][empty], records["location"][empty], strict=True)
    ]
    return records[~empty].reset_index(drop=True), problems


def truncate_long_texts(
    records: pd.DataFrame, *, limit: int = MAX_TEXT_CHARS, title_limit: int = MAX_TITLE_CHARS
) -> tuple[pd.DataFrame, list[Problem]]:
    """Records whose title fits in `title_limit` and title plus body in `limit` characters (longer ones cut),
    and a notice per cut. A title that long is no title, but cutting it keeps the body it would crowd out."""
    records, problems = truncate_titles(records, limit=title_limit)
    titles = records["title"].str.len()
    room = limit - titles.where(titles == 0, titles + 2)  # the title and its blank line come first
    long = (records["body"].str.len() > room).to_numpy()
    if not long.any():
        return records, problems
    bodies = records["body"].copy()
    bodies[long] = [
        truncate_text(body, limit=max(int(space), 0)) for body, space in zip(bodies[long], room[long], strict=True)
    ]
    problems += [
        Problem(file, location, f"text longer than {limit:,} characters - truncated")
        for file, location in zip(records["file"][long], records["location"][long], strict=True)
    ]
    return records.assign(body=bodies), problems


def truncate_titles(records: pd.DataFrame, *, limit: int) -> tuple[pd.DataFrame, list[Problem]]:
    """Records with titles longer than `limit` characters cut, and a notice per cut."""
    long = (records["title"].str.len() > limit).to_numpy()
    if not long.any():
        return records, []
    titles = records["title"].copy()
    titles[long] = [truncate_text(title, limit=limit) for title in titles[long]]
    problems = [
        Problem(file, location, f"title longer than {limit:,} characters - cut")
        for file, location in zip(records["file"][long], records["location"][long], strict=True)
    ]
    return records.assign(title=titles), problems


def make_articles(records: pd.DataFrame) -> pd.DataFrame:
    """Article rows (ARTICLE_COLUMNS) for records: text = title + blank line + body, word counts, ids."""
    titled = (records["title"] != "").to_numpy()
    texts = [
        f"{title}\n\n{body}" if has_title else body
        for title, body, has_title in zip(records["title"], records["body"], titled, strict=True)
    ]
    urls = records["url"].tolist()
    articles = pd.DataFrame(
        {
            ARTICLE_ID: [make_article_id(url, text) for url, text in zip(urls, texts, strict=True)],
            TITLE: records["title"].to_numpy(dtype=object),
            SOURCE: records["source"].to_numpy(dtype=object),
            BYLINE: records["byline"].to_numpy(dtype=object),
            PUBLISHED: records["published"].astype(UTC_DTYPE).array,
            URL: urls,
            TEXT: texts,
            N_WORDS: pd.array([len(text.split()) for text in texts], dtype="int64"),
            DUPLICATE_OF: [""] * len(texts),
        },
        columns=list(ARTICLE_COLUMNS),
    )
    return articles.astype({column: "str" for column in STRING_COLUMNS})
