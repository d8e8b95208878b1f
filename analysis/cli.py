"""Command line: `python -m analysis run INPUT... --out DIR` analyses a corpus in batch."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from analysis.ingest import parse_column_map, parse_source_names
from analysis.pipeline import DEFAULT_TARGETS, RULE_FILES, SENTIMENT_ENGINES, STAGE_SETS, Settings
from analysis.registry import DEFAULT_ACTORS, RegistryError
from analysis.rules_dir import check_rules_dir
from analysis.store import FORMATS, run_corpus


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description="ActorLens batch analysis.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="analyse articles and write the tables")
    run.add_argument("inputs", nargs="+", type=Path, help="files, folders or .zip archives of articles")
    run.add_argument("--out", required=True, type=Path, help="results folder (created; re-runs reuse it)")
    run.add_argument("--actors", type=Path, default=DEFAULT_ACTORS, help="actor registry YAML")
    run.add_argument("--targets", type=Path, default=DEFAULT_TARGETS, help="stance targets YAML")
    run.add_argument(
        "--rules",
        type=Path,
        default=None,
        help="folder of your own copies of data/ rule files (e.g. speech_cues.yaml); each replaces the bundled one",
    )
    run.add_argument("--map", default="", help="column mapping for tables, e.g. text=articles,date=published")
    run.add_argument(
        "--source-name",
        action="append",
        default=[],
        metavar="FILE=NAME",
        help="outlet of a table without a source column or URL, e.g. guardian.csv='The Guardian' (repeatable)",
    )
    run.add_argument("--format", choices=FORMATS, default="parquet", help="table file format")
    run.add_argument("--sentiment", choices=SENTIMENT_ENGINES, default="textblob", help="sentiment engine")
    run.add_argument(
        "--ner-model",
        default="en_core_web_sm",
        help="spaCy pipeline for unregistered actors, if installed ('' for none)",
    )
    run.add_argument("--jobs", type=int, default=1, help="worker processes")
    run.add_argument(
        "--stages",
        choices=STAGE_SETS,
        default="all",
        help="all tables, or only articles/sentences/mentions ('actors': several times faster)",
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings from parsed arguments; ValueError with a clear message for bad values."""
    if args.jobs < 1:
        raise ValueError("--jobs must be at least 1")
    for option, path in (("--actors", args.actors), ("--targets", args.targets)):
        if not Path(path).exists():
            raise ValueError(f"{option}: {path} does not exist")
    if args.rules is not None:
        check_rules_dir(args.rules, RULE_FILES)
    return Settings(
        actors_path=args.actors,
        targets_path=args.targets,
        sentiment=args.sentiment,
        ner_model=args.ner_model,
        column_map=tuple(sorted(parse_column_map(args.map).items())) if args.map else (),
        source_names=tuple(sorted(parse_source_names(args.source_name).items())),
        jobs=args.jobs,
        output_format=args.format,
        stages=args.stages,
        rules_dir=args.rules,
    )


def run_command(args: argparse.Namespace) -> int:
    """Analyse the inputs with a progress bar, print the summary; exit code 0 unless nothing could be read.

    A missing input among others is reported and skipped like any unreadable file; only when none of the
    inputs exists does the run stop before it starts.
    """
    if not any(path.exists() for path in args.inputs):
        missing = ", ".join(str(path) for path in args.inputs)
        print(f"error: input not found: {missing}", file=sys.stderr)
        return 2
    settings = settings_from_args(args)
    bar = tqdm(total=0, unit="article", desc="Analysing", disable=args.quiet, file=sys.stderr)

    def on_progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    started = time.perf_counter()
    results = run_corpus(args.inputs, args.out, settings=settings, on_progress=on_progress)
    bar.close()
    elapsed = time.perf_counter() - started
    for problem in results.problems:
        print(f"note: {problem}", file=sys.stderr)
    print(results.summary)
    words = int(results.articles["n_words"].sum()) if len(results.articles) else 0
    print(f"Wrote {args.out} in {elapsed:.1f} s ({words / max(elapsed, 1e-9):,.0f} words/s).")
    return 0 if len(results.articles) else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m analysis`."""
    args = build_parser().parse_args(argv)
    try:
        return run_command(args)
    except (ValueError, RegistryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
