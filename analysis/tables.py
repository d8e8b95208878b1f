"""Read article tables (CSV, TSV, JSON Lines, JSON, Parquet) and map their columns to article fields."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.dates import UTC_DTYPE, parse_date_column
from analysis.text_clean import clean_body
from analysis.urls import extract_domain, lookup_outlet

FIELDS: tuple[str, ...] = ("title", "text", "date", "source", "url", "byline")
# Column names recognised for each field, compared lowercase without spaces, "_" or "-"; earlier names win.
COLUMN_NAMES: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "headline", "headlines", "heading", "webtitle"),
    "text": ("text", "body", "content", "article", "articles", "fulltext", "maintext", "bodytext"),
    "date": (
        "date",
        "published",
        "publishdate",
        "timestamp",
        "datefull",
        "publishedat",
        "pubdate",
        "datepublished",
        "webpublicationdate",
        "publicationdate",
        "datetime",
    ),
    "source": ("source", "outlet", "medianame", "site", "domain", "publication", "publisher", "sitename"),
    "url": ("url", "link", "src", "weburl", "uri"),
    "byline": ("byline", "author", "authors", "writer"),
}
RECORD_COLUMNS: tuple[str, ...] = ("location", "title", "body", "source", "byline", "published", "url")
# csv refuses fields over 128 KiB by default; whole articles can be longer (huge ones are truncated later).
_CSV_FIELD_LIMIT = 2**31 - 1
_MAX_LISTED = 5
_NAME_NOISE = re.compile(r"[\s_\-]+")


@dataclass(frozen=True)
class RawTable:
    """Rows read from one table file, where each came from, and records that could not be read."""

    rows: pd.DataFrame
    locations: tuple[str, ...]  # "row 3" / "line 7", one per row
    issues: tuple[tuple[str, str], ...]  # (location, reason) for each record lost while reading
    n_records: int  # rows plus lost records


def read_tab_separated(text: str) -> RawTable:
    """The rows of TSV text. Tab-separated files seldom quote their fields, and a field that merely starts
    with a quotation mark ('"No deal," he said.') must keep it, so quote marks are plain text, unless that
    leaves rows with the wrong number of fields where quoting would not (a field with a tab or line break
    inside quotes, as spreadsheets save them)."""
    plain = read_delimited(text, delimiter="\t", quoting=csv.QUOTE_NONE)
    if not plain.issues:
        return plain
    quoted = read_delimited(text, delimiter="\t")
    return quoted if len(quoted.issues) < len(plain.issues) else plain


def read_delimited(text: str, *, delimiter: str, quoting: int = csv.QUOTE_MINIMAL) -> RawTable:
    """The rows of CSV/TSV text under its header line; rows with the wrong number of fields are reported.

    Rows are numbered from 1 after the header ("row 12"); a malformed row is reported by its number and lines
    ("row 3 (lines 4-6)"). Rows whose fields are all empty (blank lines, ",,,") hold nothing and are passed over.
    A malformed record whose first line leaves a quotation mark open swallowed the lines after it: those are
    read again one by one, and each that has the header's number of fields is kept as a row of its own.
    """
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    physical = io.StringIO(text, newline="").readlines()  # the lines as the reader counts them
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting)
    header: list[str] | None = None
    rows, locations, issues, record, last_line = [], [], [], 0, 0
    try:
        for fields in reader:
            first, last_line = last_line + 1, reader.line_num
            if not any(field.strip() for field in fields):
                continue
            if header is None:
                header = name_columns(fields)
                continue
            record += 1
            if len(fields) == len(header):
                rows.append(fields)
                locations.append(f"row {record}")
                continue
            kept, lost = malformed_record(fields, len(header), physical[first - 1 : last_line], first=first,
                                          record=record, delimiter=delimiter, quoting=quoting)
            rows += [row for _, row in kept]
            locations += [location for location, _ in kept]
            issues += lost
            record += len(kept) + len(lost) - 1
    except csv.Error as error:
        issues.append((f"line {last_line + 1}", f"unreadable table text ({error}) - rest of the file skipped"))
    frame = pd.DataFrame(rows, columns=header or [], dtype=object)
    return RawTable(frame, tuple(locations), tuple(issues), len(rows) + len(issues))


def choose_delimiter(text: str) -> str:
    """The field separator of a ".csv" file: a comma, unless its first line has none but has ";" or a tab.

    Spreadsheets in many European locales save CSV with semicolons.
    """
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    if "," in header:
        return ","
    return max((";", "\t"), key=header.count) if (";" in header or "\t" in header) else ","


def malformed_record(
    fields: list[str], width: int, lines: Sequence[str], *, first: int, record: int, delimiter: str, quoting: int
) -> tuple[list[tuple[str, list[str]]], list[tuple[str, str]]]:
    """(kept (location, fields), lost (location, reason)) for record number `record`, read from `lines` (the
    first of them line `first`) with the wrong number of fields. Usually it is lost whole. When its first line
    leaves a quotation mark open and the lines it swallowed hold whole rows, only that line is lost and the
    others are rows of their own, numbered on."""
    reread = reread_lines(lines[1:], delimiter, quoting, first=first + 1)
    if not leaves_quote_open(lines[0]) or not any(len(again) == width for _, again in reread):
        where = f"row {record} ({describe_lines(first, first + len(lines) - 1)})"
        return [], [(where, wrong_width(width, len(fields)))]
    kept, lost = [], [(f"row {record} (line {first})", "malformed row: a quotation mark is not closed - skipped")]
    for number, (line, again) in enumerate(reread, start=record + 1):
        if len(again) == width:
            kept.append((f"row {number}", again))
        else:
            lost.append((f"row {number} (line {line})", wrong_width(width, len(again))))
    return kept, lost


def wrong_width(width: int, found: int) -> str:
    """The reason a row with the wrong number of fields is skipped."""
    return f"malformed row: expected {width} fields, found {found} - skipped"


def leaves_quote_open(line: str) -> bool:
    """True when a line read alone ends inside a quoted field (an odd number of quotation marks)."""
    return line.count('"') % 2 == 1


def reread_lines(lines: Sequence[str], delimiter: str, quoting: int, *, first: int) -> list[tuple[int, list[str]]]:
    """(line number, fields) of each line read on its own, blank ones left out."""
    found = []
    for number, line in enumerate(lines, start=first):
        fields = next(csv.reader([line], delimiter=delimiter, quoting=quoting), [])
        if any(field.strip() for field in fields):
            found.append((number, fields))
    return found


def describe_lines(first: int, last: int) -> str:
    """ "line 4" or "lines 4-6" for a record spanning several lines."""
    return f"line {first}" if first >= last else f"lines {first}-{last}"


def name_columns(header: Sequence[str]) -> list[str]:
    """Header names made usable: stripped, blanks named "column N", repeats suffixed ".1", ".2"."""
    names: list[str] = []
    for number, raw in enumerate(header, start=1):
        name = raw.strip().lstrip("\ufeff") or f"column {number}"
        candidate, repeat = name, 0
        while candidate in names:
            repeat += 1
            candidate = f"{name}.{repeat}"
        names.append(candidate)
    return names


def read_json_lines(text: str) -> RawTable:
    """The objects of JSON Lines text, one per line; bad lines are reported by line number."""
    rows, locations, issues = [], [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as error:
            issues.append((f"line {number}", f"invalid JSON ({describe_json_error(error)}) - skipped"))
            continue
        if isinstance(value, dict):
            rows.append(value)
            locations.append(f"line {number}")
        else:
            issues.append((f"line {number}", f"not a JSON object but {type(value).__name__} - skipped"))
    return RawTable(pd.DataFrame(rows, dtype=object), tuple(locations), tuple(issues), len(rows) + len(issues))


def describe_json_error(error: ValueError) -> str:
    """ "Expecting value at column 1" from a JSON decoding error."""
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at column {error.colno}"
    return str(error)


def read_json_document(text: str) -> RawTable:
    """The article objects of a JSON array, of {"articles": [...]}, of an object of articles keyed by id
    ({"a1": {...}, "a2": {...}}; the key becomes the column "id"), or a single article object. A ".json"
    file holding one object per line (JSON Lines, as many tools save it) is read as JSON Lines.

    Raises ValueError for invalid JSON or a document holding no list of articles.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and text.lstrip().startswith("{"):
            return read_json_lines(text)
        raise
    if isinstance(value, dict):
        value = articles_in_object(value)
    if not isinstance(value, list):
        raise ValueError('no list of articles (expected an array of objects or {"articles": [...]})')
    rows, locations, issues = [], [], []
    for number, item in enumerate(value, start=1):
        if isinstance(item, dict):
            rows.append(item)
            locations.append(f"item {number}")
        else:
            issues.append((f"item {number}", f"not a JSON object but {type(item).__name__} - skipped"))
    return RawTable(pd.DataFrame(rows, dtype=object), tuple(locations), tuple(issues), len(rows) + len(issues))


def articles_in_object(value: dict) -> list | None:
    """The articles of a JSON object: its "articles" list, the object itself when it has a text field, or
    its values when every value is an object (keyed by article id); else None."""
    articles = next((items for key, items in value.items() if key.lower() == "articles"), None)
    if isinstance(articles, list):
        return articles
    if find_column(value.keys(), "text"):
        return [value]
    if value and all(isinstance(item, dict) for item in value.values()):
        return [{"id": key, **item} for key, item in value.items()]
    return None


def read_parquet_bytes(data: bytes) -> RawTable:
    """The rows of a Parquet file. Raises ValueError or OSError when the bytes are not Parquet."""
    frame = pd.read_parquet(io.BytesIO(data))
    frame.columns = name_columns([str(column) for column in frame.columns])
    locations = tuple(f"row {number}" for number in range(1, len(frame) + 1))
    return RawTable(frame.reset_index(drop=True), locations, (), len(frame))


def normalise_column_name(name: str) -> str:
    """A column name compared loosely: lowercase, without spaces, underscores or hyphens."""
    return _NAME_NOISE.sub("", str(name).strip().lower())


def find_column(columns: Sequence[str], field: str, *, wanted: str | None = None) -> str | None:
    """The column holding `field`: `wanted` if given (matched loosely), else the first recognised name."""
    by_name = {normalise_column_name(column): column for column in reversed(list(columns))}
    if wanted is not None:
        return wanted if wanted in columns else by_name.get(normalise_column_name(wanted))
    return next((by_name[name] for name in COLUMN_NAMES[field] if name in by_name), None)


def match_columns(columns: Sequence[str], column_map: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Field -> column for every field found, and a notice for each mapped column that is missing."""
    found, notices = {}, []
    for field in FIELDS:
        wanted = column_map.get(field)
        column = find_column(columns, field, wanted=wanted) if wanted else None
        if wanted and column is None:
            notices.append(f"column '{wanted}' (given for {field}) not found")
        column = column or find_column(columns, field)
        if column is not None:
            found[field] = column
    return found, notices


def make_table_records(
    table: RawTable, *, column_map: Mapping[str, str], outlets: Mapping[str, str]
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Article records (RECORD_COLUMNS) for the rows of a table, and (location, reason) notices and skips.

    Raises ValueError, naming the columns present, when no column holds the article text.
    """
    fields, issues = match_columns(list(table.rows.columns), column_map)
    if "text" not in fields:
        names = ", ".join(f"'{column}'" for column in table.rows.columns) or "none"
        raise ValueError(f"no text column found (columns: {names}); name it with a mapping such as text=<column>")
    rows, filled = fill_from_other_columns(table.rows, fields, column_map)
    cleaned = [clean_body(text) for text in read_text_column(rows, fields.get("text"))]
    records = pd.DataFrame(
        {
            "location": list(table.locations),
            "title": read_text_column(rows, fields.get("title")).str.split().str.join(" ").to_numpy(),
            "body": [body for body, _ in cleaned],
            "source": name_sources(rows, fields, outlets=outlets).to_numpy(),
            "byline": read_text_column(rows, fields.get("byline")).str.strip().to_numpy(),
            "published": read_published(rows, fields.get("date")).array,
            "url": read_text_column(rows, fields.get("url")).str.strip().to_numpy(),
        }
    )
    notes = [("", note) for note in (*issues, *filled)]
    notes += describe_dates(rows, fields.get("date"), records)
    marked = [location for location, (_, markup) in zip(table.locations, cleaned, strict=True) if markup]
    if marked:
        notes.append(("", f"HTML markup removed in {len(marked)} rows ({list_locations(marked)})"))
    return records, notes


def fill_from_other_columns(
    rows: pd.DataFrame, fields: Mapping[str, str], column_map: Mapping[str, str]
) -> tuple[pd.DataFrame, list[str]]:
    """Rows whose empty cells in a field's column are filled from the field's other recognised columns, and
    a notice per column used: JSON Lines from several sources may name the date "date" in some lines and
    "published" in others. Fields mapped by the user are left as they are."""
    notices = []
    for field, column in fields.items():
        if field in column_map:
            continue
        others = [
            name
            for name in COLUMN_NAMES[field]
            for other in rows.columns
            if other != column and normalise_column_name(other) == name
        ]
        for other in others:
            empty = rows[column].map(is_empty_cell)
            usable = empty & ~rows[other].map(is_empty_cell)
            if usable.any():
                rows = rows.assign(**{column: rows[column].where(~usable, rows[other])})
                notices.append(
                    f"{field} taken from column '{other}' in {int(usable.sum())} rows where '{column}' is empty"
                )
    return rows, notices


def is_empty_cell(value: object) -> bool:
    """True for a missing value (None, NaN, NA, NaT) or blank text."""
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array in a JSON cell: not missing
        return False


def read_text_column(rows: pd.DataFrame, column: str | None) -> pd.Series:
    """The column's cells as strings ("" for missing cells, names of nested objects, lists joined by ", ")."""
    if column is None:
        return pd.Series("", index=rows.index, dtype=object)
    values = rows[column]
    if values.dtype == object and all(isinstance(value, str) for value in values):
        return values  # CSV cells: already strings, skip the per-cell conversion
    return values.map(format_cell).astype(object)


def format_cell(value: object) -> str:
    """One cell as text: "" for None/NaN, a nested object's "name", list items joined by ", "."""
    if isinstance(value, str):
        return value
    if value is None or (not isinstance(value, (dict, list, tuple)) and pd.isna(value)):
        return ""
    if isinstance(value, dict):
        return format_cell(value.get("name", ""))
    if isinstance(value, (list, tuple)):
        return ", ".join(filter(None, (format_cell(item) for item in value)))
    return str(value)


def read_published(rows: pd.DataFrame, column: str | None) -> pd.Series:
    """Publication timestamps (UTC, NaT if missing or unreadable) for the rows."""
    if column is None:
        return pd.Series(pd.NaT, index=rows.index, dtype=UTC_DTYPE)
    values = rows[column]
    if values.dtype == object:
        values = values.map(lambda value: format_cell(value) if isinstance(value, (dict, list, tuple)) else value)
    return parse_date_column(values)


def describe_dates(rows: pd.DataFrame, column: str | None, records: pd.DataFrame) -> list[tuple[str, str]]:
    """Notices for rows kept without a date: one per unreadable date, one for the empty or missing ones."""
    if column is None:
        return [("", "no date column - articles kept without a date")]
    raw = read_text_column(rows, column).str.strip().to_numpy()
    missing = records["published"].isna().to_numpy()
    notes = [
        (location, f"unreadable date '{value}' - kept without a date")
        for location, value, lost in zip(records["location"], raw, missing, strict=True)
        if lost and value
    ]
    empty = [
        location for location, value, lost in zip(records["location"], raw, missing, strict=True) if lost and not value
    ]
    if empty:
        notes.append(("", f"no date in {len(empty)} rows ({list_locations(empty)}) - kept without a date"))
    return notes


def name_sources(rows: pd.DataFrame, fields: Mapping[str, str], *, outlets: Mapping[str, str]) -> pd.Series:
    """The outlet of each row: the source column (a domain there becomes its outlet name), else the URL's."""
    given = read_text_column(rows, fields.get("source")).str.strip()
    named = given.map({value: lookup_outlet(value, outlets) or value for value in given.unique()})
    urls = read_text_column(rows, fields.get("url")).str.strip()
    from_urls = urls.map(
        {url: lookup_outlet(extract_domain(url), outlets) or extract_domain(url) for url in urls.unique()}
    )
    return named.where(named != "", from_urls)


def list_locations(locations: Sequence[str]) -> str:
    """A short list such as "row 2, row 5, row 9 and 4 more"."""
    shown = ", ".join(locations[:_MAX_LISTED])
    hidden = len(locations) - _MAX_LISTED
    return f"{shown} and {hidden} more" if hidden > 0 else shown
