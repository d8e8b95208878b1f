"""The per-article analysis pipeline: sentences, mentions, quotes, sentiment, stance and relations."""

from __future__ import annotations

import functools
import gc
import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pandas as pd

from analysis import __version__
from analysis.mentions import ActorMatcher, find_mention_rows, make_match_rules
from analysis.nlp import cue_abbreviations, load_ner_model, make_pipeline, warm_tokenizer_cache
from analysis.registry import (
    DATA_DIR,
    DEFAULT_ACTORS,
    load_lexicon,
    load_metonym_rules,
    load_registry,
    load_speech_cue_lists,
)
from analysis.schema import TABLES
from analysis.sentences import sentence_rows, sentence_spans, sentence_token_ranges
from analysis.workers import worker_pool

ProgressCallback = Callable[[int, int], None]
ANALYSED_TABLES: tuple[str, ...] = ("sentences", "mentions", "quotes", "stances", "relations")
DEFAULT_TARGETS = DATA_DIR / "targets.yaml"
SENTIMENT_ENGINES: tuple[str, ...] = ("textblob", "vader")
# "all": every table; "actors": articles, sentences and mentions only (the fast path for very large corpora).
STAGE_SETS: tuple[str, ...] = ("all", "actors")
# The word lists and cues under data/ that a run reads, each replaceable by a file of the same name in a
# folder of the user's own (`Settings.rules_dir`, the CLI's --rules); the registry and targets have options of
# their own. This order keeps the fingerprint of earlier results.
RULE_FILES: tuple[str, ...] = (
    "lexicon.yaml",
    "metonym_rules.yaml",
    "clause_cues.yaml",
    "relation_cues.yaml",
    "sentiment_cues.yaml",
    "speech_cues.yaml",
    "stance_cues.yaml",
)


@dataclass(frozen=True)
class Settings:
    """Everything that changes what the analysis produces; hashable so it can key caches."""

    actors_path: Path = DEFAULT_ACTORS
    targets_path: Path = DEFAULT_TARGETS
    sentiment: str = "textblob"
    ner_model: str = "en_core_web_sm"
    column_map: tuple[tuple[str, str], ...] = ()
    jobs: int = 1
    output_format: str = "parquet"
    stages: str = "all"
    rules_dir: Path | None = None  # a folder whose RULE_FILES replace the bundled ones of the same name
    # outlet names for table files without a source column or URL (--source-name FILE=NAME): (file key, name)
    source_names: tuple[tuple[str, str], ...] = ()

    def rule_file(self, name: str) -> Path:
        """The rule file `name` (one of RULE_FILES) this run reads: the one in `rules_dir` when it holds one,
        else the bundled one in data/."""
        own = Path(self.rules_dir) / name if self.rules_dir is not None else None
        return own if own is not None and own.is_file() else DATA_DIR / name

    def rule_files(self) -> tuple[Path, ...]:
        """Every data file whose content shapes the per-article results."""
        return (Path(self.actors_path), Path(self.targets_path), *(self.rule_file(name) for name in RULE_FILES))

    def fingerprint(self) -> str:
        """Hash of the version, the analysis options and the content of every rule file.

        Results of an unchanged article are reused only while the fingerprint stays the same.
        """
        # Whether the NER model is installed changes the results as much as its name does.
        model = f"{self.ner_model}:{ner_model_version(self.ner_model)}"
        digest = hashlib.sha1(f"{__version__}|{self.sentiment}|{model}|{self.stages}".encode())
        for path in self.rule_files():
            digest.update(str(path.name).encode())
            digest.update(path.read_bytes() if path.exists() else b"missing")
        return digest.hexdigest()[:16]


def unregistered_name_finder(ner_model: str) -> str:
    """How this run finds actors outside the registry, for the manifest: the model with its version, or the
    name heuristic and why."""
    version = ner_model_version(ner_model)
    if version:
        return f"spaCy model {ner_model} ({version})"
    if ner_model:
        return f"name heuristic ({ner_model} is not installed)"
    return "name heuristic (no model asked for)"


def ner_model_version(name: str) -> str:
    """Installed version of a spaCy model package, "path" for a model folder, "" when there is none."""
    if not name:
        return ""
    if Path(name).exists():
        return "path:" + str(Path(name).stat().st_mtime_ns)
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


@dataclass(frozen=True)
class Resources:
    """Loaded NLP objects for one process: the spaCy pipeline, compiled actor matcher and rule files."""

    nlp: object
    matcher: ActorMatcher
    settings: Settings
    stages: tuple = ()


def load_resources(settings: Settings) -> Resources:
    """Load the registry and rule files and compile the matcher (slow: do it once per process)."""
    speech_cues = load_speech_cue_lists(settings.rule_file("speech_cues.yaml"))
    nlp = make_pipeline(cue_abbreviations(speech_cues))
    rules = make_match_rules(
        load_lexicon(settings.rule_file("lexicon.yaml")),
        load_metonym_rules(settings.rule_file("metonym_rules.yaml")),
        speech_cues,
    )
    registry = load_registry(Path(settings.actors_path))
    matcher = ActorMatcher(registry, nlp=nlp, rules=rules, ner_model=load_ner_model(settings.ner_model))
    stages = load_stages(settings, registry) if settings.stages == "all" else ()
    return Resources(nlp=nlp, matcher=matcher, settings=settings, stages=stages)


def load_stages(settings: Settings, registry) -> tuple:
    """The later analysis stages (quotes, sentiment, stance, relations) with their rule files loaded."""
    from analysis.later_stages import load_later_stages

    return load_later_stages(settings, registry)


NAN = float("nan")
Rows = list[tuple]


def analyse_rows(articles: Sequence[tuple[str, str]], resources: Resources) -> list[dict[str, Rows]]:
    """All per-article tables of a batch of (article_id, text) pairs, as full-width row tuples; offsets
    index into each text.

    Rows rather than DataFrames: building five small frames per article would cost more than the NLP. Each
    stage runs over the whole batch before the next (see analysis.later_stages.run_later_stages).
    """
    warm_tokenizer_cache(resources.nlp, (text for _, text in articles))
    docs = [resources.nlp(text) for _, text in articles]
    pairs = zip(articles, docs, strict=True)
    tables = [actor_tables(article_id, text, doc, resources) for (article_id, text), doc in pairs]
    for stage in resources.stages:
        tables = stage(articles, tables)
    return [{name: table.get(name, []) for name in ANALYSED_TABLES} for table in tables]


def actor_tables(article_id: str, text: str, doc, resources: Resources) -> dict[str, Rows]:
    """Sentence and mention rows of one tokenised article (sentiment columns NaN until scored)."""
    ranges = sentence_token_ranges(doc)
    spans = sentence_spans(doc, ranges)
    starts = [start for start, _ in spans]
    mentions = find_mention_rows(article_id, doc, starts, matcher=resources.matcher, ranges=ranges, text=text)
    return {
        "sentences": [(*row, NAN, NAN) for row in sentence_rows(article_id, text, spans)],
        "mentions": [(*row, NAN, NAN) for row in mentions],
    }


def analyse_article(article_id: str, text: str, resources: Resources) -> dict[str, Rows]:
    """All per-article tables of one article as full-width row tuples (see `analyse_rows`)."""
    return analyse_rows([(article_id, text)], resources)[0]


def article_tables(article_id: str, text: str, resources: Resources) -> dict[str, pd.DataFrame]:
    """The per-article tables of one article as DataFrames (for tests and interactive use)."""
    rows = analyse_article(article_id, text, resources)
    return {name: rows_to_frame(name, rows[name]) for name in ANALYSED_TABLES}


def rows_to_frame(name: str, rows: Rows) -> pd.DataFrame:
    """A table with the schema's columns from full-width row tuples."""
    return pd.DataFrame(rows, columns=list(TABLES[name]))


# A per-process cache (not in dashboard/cache.py) because worker processes of --jobs need it too, and
# forked workers inherit what the parent built here instead of compiling the matcher again.
@functools.lru_cache(maxsize=2)
def cached_resources(settings: Settings) -> Resources:
    """Resources per process, built on first use (also inside worker processes)."""
    return load_resources(settings)


def analyse_batch(batch: list[tuple[str, str]], settings: Settings) -> list[dict[str, Rows]]:
    """Analyse a batch of (article_id, text) pairs; runs in the main process or a worker."""
    with collection_paused():
        return analyse_rows(batch, cached_resources(settings))


@contextmanager
def collection_paused() -> Iterator[None]:
    """Automatic garbage collection off for the block, then one collection of the young generations.

    A batch allocates millions of small tuples, strings and lists, none of them in reference cycles, and
    the collector would walk them over and over as they pile up (about a tenth of the run). Whatever
    cycles a batch does leave are freed by the collection at the end of the block, so memory stays bounded.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.collect(generation=1)


def batches(items: Sequence[tuple[str, str]], *, size: int) -> Iterator[list[tuple[str, str]]]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def run_batches(
    items: Sequence[tuple[str, str]], settings: Settings, *, on_progress: ProgressCallback | None = None
) -> list[dict[str, Rows]]:
    """Analyse every item, in `settings.jobs` processes, reporting (done, total) after each batch."""
    results: list[dict[str, Rows]] = []
    total = len(items)
    chunks = list(batches(items, size=max(1, min(50, total // (4 * max(settings.jobs, 1)) or 1))))
    worker = functools.partial(analyse_batch, settings=settings)
    if settings.jobs > 1 and total > 1:
        cached_resources(settings)  # built once here; forked workers inherit it instead of rebuilding
        with worker_pool(settings.jobs) as pool:
            for done in pool.imap(worker, chunks):
                results.extend(done)
                report(on_progress, len(results), total)
    else:
        for chunk in chunks:
            results.extend(worker(chunk))
            report(on_progress, len(results), total)
    return results


def report(on_progress: ProgressCallback | None, done: int, total: int) -> None:
    """Call the progress callback when there is one."""
    if on_progress is not None:
        on_progress(done, total)


def text_hash(text: str) -> str:
    """Short content hash of an article text, to tell unchanged articles on a re-run."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def combine(parts: list[dict[str, Rows]], name: str, reused: pd.DataFrame | None = None) -> pd.DataFrame:
    """One table from per-article rows (and reused rows of an earlier run), with the schema's columns."""
    fresh = rows_to_frame(name, [row for part in parts for row in part[name]])
    if reused is None or reused.empty:
        return fresh
    if fresh.empty:
        return reused.reindex(columns=list(TABLES[name])).reset_index(drop=True)
    return pd.concat([fresh, reused.reindex(columns=list(TABLES[name]))], ignore_index=True)


def split_previous(previous: dict[str, pd.DataFrame], article_ids: set[str]) -> dict[str, pd.DataFrame]:
    """The rows of earlier results that belong to the given articles, per table."""
    return {
        name: previous[name][previous[name]["article_id"].isin(article_ids)]
        for name in ANALYSED_TABLES
        if name in previous
    }


def analyse_articles(
    articles: pd.DataFrame,
    *,
    settings: Settings,
    previous: dict[str, pd.DataFrame] | None = None,
    reusable: set[str] = frozenset(),
    on_progress: ProgressCallback | None = None,
) -> dict[str, pd.DataFrame]:
    """Per-article tables for every article; those listed in `reusable` are copied from `previous`."""
    keep = set(articles["article_id"]) & set(reusable) if previous is not None else set()
    todo = articles[~articles["article_id"].isin(keep)]
    items = list(zip(todo["article_id"], todo["text"], strict=True))
    parts = run_batches(items, settings, on_progress=on_progress)
    reused = split_previous(previous, keep) if keep else {}
    tables = {name: combine(parts, name, reused.get(name)) for name in ANALYSED_TABLES}
    order = {article_id: position for position, article_id in enumerate(articles["article_id"])}
    return {name: sort_by_article(frame, order) for name, frame in tables.items()}


def sort_by_article(frame: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    """Rows in article order, then in the table's own order within the article."""
    if frame.empty:
        return frame.reset_index(drop=True)
    within = "sentence_id" if "quote_id" not in frame.columns else "quote_id"
    keys = frame["article_id"].map(order)
    start = frame["start"] if "start" in frame.columns else frame[within]
    ranked = frame.assign(_article=keys, _within=frame[within], _start=start)
    ranked = ranked.sort_values(["_article", "_within", "_start"], kind="stable")
    return ranked.drop(columns=["_article", "_within", "_start"]).reset_index(drop=True)
