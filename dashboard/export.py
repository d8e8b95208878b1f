"""Downloads: static images through one persistent kaleido browser, interactive HTML, view zips and HTML reports."""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import html
import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import kaleido
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

STATIC_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
MIME_TYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "html": "text/html",
              "csv": "text/csv", "zip": "application/zip", "graphml": "application/xml"}
BROWSER_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
EXPORT_TIMEOUT_SECONDS = 90.0
IMAGE_SIZE = {"width": 1100, "height": 650, "scale": 2}


def image_size(figure: dict) -> dict[str, int]:
    """The export size of a figure: its own height and width where the chart sets them (a grid of one row per
    actor is as tall as it needs), else IMAGE_SIZE's."""
    layout = figure.get("layout") or {}
    return {**IMAGE_SIZE, **{key: int(layout[key]) for key in ("width", "height") if layout.get(key)}}


@dataclass(frozen=True)
class ChartItem:
    """One chart of a page with the exact data behind it, as offered for download."""

    name: str  # file-name stem, e.g. "stance_heatmap"
    title: str
    figure: go.Figure
    data: pd.DataFrame


@dataclass(frozen=True)
class TableItem:
    """Rows of a page offered for download beside its charts, such as the evidence sentences behind them."""

    name: str  # file-name stem, e.g. "evidence"
    title: str
    data: pd.DataFrame


class ExportBrowser:
    """The process-wide kaleido server; one worker thread serialises calls because kaleido's queue is not re-entrant."""

    def __init__(self, browser_path: str) -> None:
        """Start kaleido's sync server on the given Chromium (returns at once; the browser boots in the background)."""
        self.browser_path = browser_path
        os.environ.setdefault("BROWSER_PATH", browser_path)  # choreographer reads it to find the browser
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        self._worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="actorlens-export")

    def render(self, figure_json: str, *, fmt: str) -> bytes:
        """Return the figure rendered as png/svg/pdf bytes; TimeoutError if the browser does not answer."""
        figure = pio.from_json(figure_json, skip_invalid=True).to_dict()
        options = {"format": fmt, **image_size(figure)}
        job = self._worker.submit(kaleido.calc_fig_sync, figure, opts=options)
        return job.result(timeout=EXPORT_TIMEOUT_SECONDS)

    def close(self) -> None:
        """Stop kaleido's server and drop the (possibly stuck) worker thread without waiting for it."""
        self._worker.shutdown(wait=False, cancel_futures=True)
        # A server that is already broken cannot be stopped more cleanly than this.
        with contextlib.suppress(Exception):
            kaleido.stop_sync_server(silence_warnings=True)


def find_browser_path() -> str | None:
    """Return the Chromium used for static exports: $BROWSER_PATH, else the first known browser on PATH."""
    configured = os.environ.get("BROWSER_PATH", "")
    if configured and os.path.isfile(configured):
        return configured
    for name in BROWSER_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def explain_missing_browser() -> str:
    """Return the message shown instead of PNG/SVG/PDF buttons when no browser is installed."""
    return ("PNG, SVG and PDF need a Chromium browser on the server (Debian package `chromium`, listed in "
            "packages.txt); none was found, so only interactive HTML and CSV downloads are offered.")


def write_figure_html(figure: go.Figure) -> bytes:
    """Return a standalone interactive HTML page of the figure (plotly.js inlined, works offline)."""
    return figure.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")


def write_csv(frame: pd.DataFrame) -> bytes:
    """Return the frame as UTF-8 CSV bytes without the index."""
    return frame.to_csv(index=False).encode("utf-8")


PLOTLYJS_FILE = "plotly.min.js"  # what figure pages written with include_plotlyjs="directory" load from beside them


def build_view_zip(items: Sequence[ChartItem], *, render: Callable[[go.Figure, str], bytes] | None,
                   notes: str = "", tables: Sequence[TableItem] = ()) -> bytes:
    """Return a zip with every chart of a view as HTML (and PNG/SVG when render is given) plus its data as CSV,
    and every table (the evidence behind the charts) as CSV.

    The HTML pages load plotly.js from one plotly.min.js beside them in the zip instead of each inlining its
    4.8 MB, so they work offline as long as they stay in the unzipped folder (README.txt says so).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in items:
            archive.writestr(f"{item.name}.csv", write_csv(item.data))
            page = item.figure.to_html(include_plotlyjs="directory", full_html=True)
            archive.writestr(f"{item.name}.html", page.encode("utf-8"))
            for fmt in ("png", "svg") if render is not None else ():
                archive.writestr(f"{item.name}.{fmt}", render(item.figure, fmt))
        for table in tables:
            archive.writestr(f"{table.name}.csv", write_csv(table.data))
        if items:
            archive.writestr(PLOTLYJS_FILE, read_plotlyjs())
        archive.writestr("README.txt", describe_view_zip(notes, tables=tables, charts=bool(items)))
    return buffer.getvalue()


def describe_view_zip(notes: str, *, tables: Sequence[TableItem], charts: bool) -> str:
    """The README of a view zip: the caller's notes, what each table holds, and how the HTML pages find plotly.js."""
    lines = [notes.rstrip("\n") or "Charts and the exact data behind them, exported by ActorLens."]
    lines += [f"{table.name}.csv: {table.title} ({count_rows(table.data)})." for table in tables]
    if charts:
        lines.append(f"Each .html chart loads plotly.js from {PLOTLYJS_FILE} in the same folder: keep them together "
                     "(no internet connection is needed).")
    return "\n".join(lines) + "\n"


def build_tables_zip(
    tables: Mapping[str, pd.DataFrame], *, manifest: Mapping | None = None, selection: str | None = None
) -> bytes:
    """Return a zip holding every table twice, as CSV and as Parquet, and the run's manifest.json when given
    (what was read, with which settings and versions), as the CLI writes them; with `selection`, a
    selection.txt saying which filters cut the tables down."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"csv/{name}.csv", write_csv(frame))
            parquet = io.BytesIO()
            frame.to_parquet(parquet, index=False)
            archive.writestr(f"parquet/{name}.parquet", parquet.getvalue())
        if manifest is not None:
            archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        if selection is not None:
            archive.writestr("selection.txt", f"Rows of the selection: {selection}\n")
    return buffer.getvalue()


REPORT_ROWS = 2000  # rows of a table shown in an HTML report; the view zip holds them all


def build_report(items: Sequence[ChartItem], *, title: str, description: str,
                 counts: Mapping[str, object], tables: Sequence[TableItem] = ()) -> bytes:
    """Return one standalone HTML report: the selection, headline counts, every chart and its data table, and
    every table (the evidence behind the charts; its first REPORT_ROWS rows).

    All text that may come from articles is escaped; plotly.js is inlined once so the file works offline.
    """
    facts = "".join(f"<tr><th>{html.escape(str(key))}</th><td>{html.escape(str(value))}</td></tr>"
                    for key, value in counts.items())
    sections = []
    for item in items:
        chart = item.figure.to_html(full_html=False, include_plotlyjs=False)
        table = item.data.head(200).to_html(index=False, escape=True, border=0, classes="data")
        sections.append(f"<section><h2>{html.escape(item.title)}</h2>{chart}"
                        f"<details><summary>Data ({len(item.data)} rows)</summary>{table}</details></section>")
    sections += [render_report_table(table) for table in tables]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    page = REPORT_TEMPLATE.format(title=html.escape(title), description=html.escape(description), facts=facts,
                                  sections="\n".join(sections), stamp=stamp, plotlyjs=read_plotlyjs())
    return page.encode("utf-8")


def count_rows(frame: pd.DataFrame) -> str:
    """Return "1 row" or "2,345 rows"."""
    return f"{len(frame):,} row" + ("" if len(frame) == 1 else "s")


def render_report_table(table: TableItem) -> str:
    """Return one table of a report as an escaped, collapsible section (its first REPORT_ROWS rows)."""
    shown = table.data.head(REPORT_ROWS).to_html(index=False, escape=True, border=0, classes="data")
    cut = (f" (the first {REPORT_ROWS:,} of {len(table.data):,} rows; the view's zip holds them all)"
           if len(table.data) > REPORT_ROWS else f" ({count_rows(table.data)})")
    return (f"<section><h2>{html.escape(table.title)}</h2><details><summary>Rows{cut}</summary>{shown}</details>"
            "</section>")


def read_plotlyjs() -> str:
    """Return the bundled plotly.js source (for inlining in reports)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


REPORT_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}}
table.data,table.facts{{border-collapse:collapse;font-size:0.85em}}
th,td{{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}}
details{{overflow-x:auto}}</style>
<script>{plotlyjs}</script></head><body>
<h1>{title}</h1><p><b>Selection:</b> {description}</p>
<table class="facts">{facts}</table>
{sections}
<p><small>Generated by ActorLens on {stamp}.</small></p></body></html>
"""
