"""Data page panels: choose the corpus, upload and map files, ingest summary, registry edits, table downloads."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis.ingest import EXACT_DUPLICATE
from analysis.pipeline import DEFAULT_TARGETS
from analysis.registry import ACTOR_TYPES, DEFAULT_ACTORS
from analysis.store import problems_frame
from analysis.tables import FIELDS
from dashboard import cache, corpus, export, highlight, registry_edit, uploads
from dashboard.view import View, get_corpus_choice, prepare_corpus, switch_corpus

KEY = "dat"
SOURCES = {"sample": "Bundled sample", "upload": "Upload files", "results": "Results folder from the CLI"}
COLUMN_FIELDS = FIELDS  # fields a table column can be mapped to
AUTO = "(detect automatically)"


def use_corpus(choice: corpus.CorpusChoice) -> None:
    """Make choice the active corpus, analysing it now (with a progress bar) if needed, and redraw everything."""
    try:
        prepare_corpus(choice)
    except (OSError, ValueError) as error:
        st.error(f"Could not analyse {choice.label}: {error}")
        return
    switch_corpus(choice)
    st.rerun()  # the sidebar was drawn from the previous corpus


def draw_corpus_picker() -> None:
    """Draw the corpus choice: bundled sample, uploaded files or a CLI results folder."""
    st.subheader("Corpus")
    active = get_corpus_choice()
    st.caption(f"Showing: **{highlight.escape_markdown(active.label)}**")
    # A page's widgets forget their values when the reader leaves the page: start from the active corpus.
    source = st.radio("Source", list(SOURCES), format_func=SOURCES.get, horizontal=True, key=f"{KEY}_source",
                      index=list(SOURCES).index(active.kind))
    if source == "sample":
        if st.button("Use the bundled sample", key=f"{KEY}_use_sample", disabled=active == corpus.make_sample_choice()):
            use_corpus(corpus.make_sample_choice())
    elif source == "upload":
        draw_upload()
    else:
        draw_results_folder(active.location if active.kind == "results" else "")


def draw_upload() -> None:
    """Draw the uploader, a preview and column mapping for tables, and the button that analyses the files."""
    files = st.file_uploader("Articles: md, txt, html, csv, tsv, jsonl, json, parquet or a zip of them",
                             type=list(uploads.ACCEPTED_TYPES), accept_multiple_files=True, key=f"{KEY}_files")
    if not files:
        return
    contents = [(file.name, file.getvalue()) for file in files]
    column_map = draw_column_mapping(contents)
    if st.button(f"Analyse {len(contents)} file(s)", type="primary", key=f"{KEY}_analyse_upload"):
        folder = uploads.save_uploads(contents, root=corpus.find_cache_root() / "uploads")
        use_corpus(corpus.CorpusChoice(kind="upload", location=str(folder), column_map=column_map,
                                       label=f"Uploaded: {', '.join(name for name, _ in contents)[:80]}"))


def draw_column_mapping(contents: list[tuple[str, bytes]]) -> tuple[tuple[str, str], ...]:
    """Preview the first uploaded table and let the reader map its columns; return (field, column) pairs."""
    tables = [(name, data) for name, data in contents if uploads.is_table(name)]
    if not tables:
        return ()
    name, data = tables[0]
    try:
        preview = uploads.read_table_preview(name, data)
    except ValueError as error:
        st.warning(str(error))
        return ()
    st.caption(f"Preview of {name} (first {len(preview)} rows); the mapping applies to every uploaded table.")
    st.dataframe(preview, hide_index=True, key=f"{KEY}_preview")
    cells = st.columns(len(COLUMN_FIELDS))
    choices = [AUTO, *map(str, preview.columns)]
    mapping = {field: cell.selectbox(field, choices, key=f"{KEY}_map_{field}")
               for field, cell in zip(COLUMN_FIELDS, cells, strict=True)}
    return tuple((field, column) for field, column in mapping.items() if column != AUTO)


def draw_results_folder(active: str = "") -> None:
    """Draw the results-folder input (holding the active results folder, if any) and open the folder when it
    holds ActorLens results."""
    path = st.text_input("Results folder (the --out of `python -m analysis run`)", value=active,
                         key=f"{KEY}_results_path")
    if st.button("Open results folder", key=f"{KEY}_open_results", disabled=not path.strip()):
        problem = corpus.check_results_folder(path.strip())
        if problem:
            st.error(problem)
        else:
            use_corpus(corpus.CorpusChoice(kind="results", location=path.strip(), label=f"Results: {path.strip()}"))


def draw_ingest_summary(view: View) -> None:
    """Show the run summary, every skipped file or row with the reason, the notices and the near-duplicates."""
    st.subheader("Ingest summary")
    st.text(view.results.summary or "No summary was recorded for this corpus.")
    folder = view.choice.location if view.choice.kind in ("upload", "sample") else ""
    skipped = relative_files(problems_frame([p for p in view.results.problems if p.skipped]), folder)
    notices = relative_files(problems_frame([p for p in view.results.problems if not p.skipped]), folder)
    if skipped.empty:
        st.success("No file or row was skipped.")
    else:
        st.warning(describe_skipped(skipped))
        st.dataframe(skipped, hide_index=True, key=f"{KEY}_skipped")
    if not notices.empty:
        reasons = notices["reason"].value_counts()
        lines = [notice_line(reason, count) for reason, count in reasons.items()]
        st.markdown("**Kept, with a notice:** " + "; ".join(lines))
        with st.expander(f"The {len(notices)} notice(s) file by file"):
            st.dataframe(notices, hide_index=True, key=f"{KEY}_notices")
    draw_duplicates(view)


def relative_files(problems: pd.DataFrame, folder: str) -> pd.DataFrame:
    """The problems with each file named from inside the corpus folder (an upload is kept in a cache folder
    whose long path would hide the file's own name); other paths as they are."""
    if not folder or problems.empty:
        return problems
    prefix = folder.rstrip("/") + "/"
    return problems.assign(file=problems["file"].map(lambda name: name.removeprefix(prefix)))


def describe_skipped(skipped: pd.DataFrame) -> str:
    """The banner over the skipped files and rows: exact duplicates apart from the rest, which the summary
    above counts as "Articles skipped"."""
    copies = int(skipped["reason"].str.startswith(EXACT_DUPLICATE).sum())
    others = len(skipped) - copies
    parts = [f"{others} file(s) or row(s) skipped"] if others else []
    parts += [f"{copies} exact duplicate(s) removed"] if copies else []
    return " and ".join(parts) + ", each listed here:"


def draw_duplicates(view: View) -> None:
    """List the near-duplicate articles and the original each repeats (left out of every chart by default)."""
    articles = view.results.articles
    copies = articles[articles["duplicate_of"].fillna("") != ""]
    if copies.empty:
        return
    originals = articles.set_index("article_id")
    table = pd.DataFrame({
        "outlet": copies["source"], "title": copies["title"], "published": copies["published"],
        "original outlet": copies["duplicate_of"].map(originals["source"]),
        "original title": copies["duplicate_of"].map(originals["title"])})
    with st.expander(f"{len(copies)} near-duplicate article(s), left out unless the sidebar includes them"):
        st.dataframe(table, hide_index=True, key=f"{KEY}_duplicates",
                     column_config={"published": st.column_config.DatetimeColumn("published", format="YYYY-MM-DD")})


def draw_registry_editor(view: View) -> None:
    """Let the reader add an alias or a new actor, then re-run the analysis with the edited registry."""
    st.subheader("Actor registry")
    if view.choice.kind == "results":
        draw_run_rule_file(view, RUN_REGISTRY)
        return
    registry_path = Path(view.choice.actors_path)
    if not registry_path.exists():
        st.warning(f"The edited registry {registry_path} is gone (the cache was cleared); using the bundled one.")
        registry_path = DEFAULT_ACTORS
    data = cache.read_registry_data(str(registry_path), registry_path.stat().st_mtime)
    actors = {entry["id"]: entry["name"] for entry in data.get("actors", [])}
    st.caption(f"{len(actors)} actors in {view.choice.actors_path}. Edits go to a copy; the bundled file is untouched.")
    alias_tab, actor_tab, own_tab = st.tabs(["Add an alias", "Add an actor", "Use your own registry"])
    with own_tab:
        draw_registry_upload(view, registry_path)
    with alias_tab, st.form(f"{KEY}_alias_form"):
        actor_id = st.selectbox("Actor", list(actors), format_func=actors.get, key=f"{KEY}_alias_actor")
        alias = st.text_input("New alias (exact spelling as in the articles)", key=f"{KEY}_alias_text")
        if st.form_submit_button("Add alias and re-run"):
            apply_registry_edit(view, functools.partial(registry_edit.add_alias, data, actor_id=actor_id, alias=alias))
    with actor_tab, st.form(f"{KEY}_actor_form"):
        name = st.text_input("Name", key=f"{KEY}_actor_name")
        actor_type = st.selectbox("Type", list(ACTOR_TYPES), key=f"{KEY}_actor_type")
        aliases = st.text_input("Other names, comma separated", key=f"{KEY}_actor_aliases")
        if st.form_submit_button("Add actor and re-run"):
            edit = functools.partial(registry_edit.add_actor, data, name=name, actor_type=actor_type,
                                     aliases=tuple(aliases.split(",")))
            apply_registry_edit(view, edit)


def draw_registry_upload(view: View, registry_path: Path) -> None:
    """Offer the registry in use as a download and take the reader's own registry file, checked as the CLI
    checks it, to analyse the corpus again with."""
    st.caption("Download the registry in use as a start, or write one for your own subject (the file's header "
               "explains every field: id, name, type, aliases, short names, titles, metonyms), and upload it.")
    draw_rule_file_upload(view, REGISTRY_FILE, registry_path)


def apply_registry_edit(view: View, edit: Callable[[], dict]) -> None:
    """Apply one registry edit, write the edited copy and re-analyse the corpus with it."""
    try:
        edited = edit()
    except ValueError as error:
        st.error(str(error))
        return
    path = registry_edit.write_registry_copy(edited, folder=corpus.find_cache_root() / "registries")
    use_corpus(with_rule_files(view.choice, actors_path=str(path)))


def with_rule_files(choice: corpus.CorpusChoice, **paths: str) -> corpus.CorpusChoice:
    """The corpus choice with other rule files (actors_path, targets_path) and the label that says so."""
    changed = replace(choice, **paths)
    label = corpus.rules_label(choice.label, actors_path=changed.actors_path, targets_path=changed.targets_path)
    return replace(changed, label=label)


def draw_targets_panel(view: View) -> None:
    """Show the stance targets in use; let the reader download them, upload their own and re-run with them."""
    st.subheader("Stance targets")
    if view.choice.kind == "results":
        draw_run_rule_file(view, RUN_TARGETS)
        return
    path = Path(view.choice.targets_path)
    if not path.exists():
        st.warning(f"The stance targets file {path.name} is gone (the cache was cleared); re-upload it.")
        return
    own = path != Path(DEFAULT_TARGETS)
    labels = cache.read_target_labels(str(path), path.stat().st_mtime)
    st.caption(f"{'Your own targets file' if own else 'The bundled targets file'} is in use, with {len(labels)} "
               f"target(s): {highlight.escape_markdown('; '.join(labels))}. Download it as a start, change or add "
               "targets (id, label, keywords: the file's header explains every field), and upload it to analyse "
               "this corpus again with it.")
    draw_rule_file_upload(view, TARGETS_FILE, path)
    if own and st.button("Back to the bundled targets", key=f"{KEY}_targets_default"):
        use_corpus(with_rule_files(view.choice, targets_path=str(DEFAULT_TARGETS)))


@dataclass(frozen=True)
class RunRuleFile:
    """A rule file a CLI run names in its manifest, as the Data page shows it for a results folder."""

    field: str  # its path in the manifest's settings
    what: str  # "actor registry"
    option: str  # the CLI option that sets it
    rows: str  # what a row of its table is: "actors"
    read: Callable[[str, float], pd.DataFrame]  # (path, modification time) -> its table
    key: str  # widget keys: dat_run_<key>, dat_run_<key>_download
    columns: Mapping[str, object]  # column_config of its table


def draw_run_rule_file(view: View, rule: RunRuleFile) -> None:
    """Show read-only the rule file a results folder was built with, as its manifest names it, with a download;
    or say why it cannot be shown."""
    manifest = cache.read_run_manifest(view.results_dir, view.content_hash)
    recorded = str(manifest.get("settings", {}).get(rule.field, ""))
    path = Path(recorded)
    if not recorded:
        st.info(f"The manifest of this results folder does not name its {rule.what}, so it cannot be shown.",
                icon="ℹ️")
        return
    if not path.is_file():
        st.warning(f"This results folder was built with the {rule.what} {highlight.escape_markdown(recorded)}, "
                   "which is not on this server (moved or deleted), so it cannot be shown.")
        return
    try:
        table = rule.read(str(path), path.stat().st_mtime)
    except (OSError, ValueError) as error:
        reason = highlight.escape_markdown(str(error))
        st.warning(f"The {rule.what} this results folder was built with cannot be read now: {reason}")
        return
    st.caption(f"Built with {highlight.escape_markdown(recorded)} ({len(table):,} {rule.rows}), shown read-only; "
               f"re-run the CLI with {rule.option} FILE to change it.")
    if not corpus.rules_match_run(manifest):
        st.warning("The rule files or versions changed since this run, so this file may not be what the results "
                   "were built with.")
    st.dataframe(table, hide_index=True, key=f"{KEY}_run_{rule.key}", column_config=rule.columns)
    st.download_button(f"Download this {rule.what} (YAML)", data=path.read_bytes(), file_name=path.name,
                       mime="application/yaml", key=f"{KEY}_run_{rule.key}_download", on_click="ignore",
                       icon=":material/download:")


RUN_REGISTRY = RunRuleFile("actors_path", "actor registry", "--actors", "actors", cache.read_registry_table,
                           "registry", {"id": "Id", "name": "Name", "type": "Type",
                                        "aliases": st.column_config.TextColumn("Aliases", width="large"),
                                        "metonyms": st.column_config.TextColumn("Metonyms", width="medium")})
RUN_TARGETS = RunRuleFile("targets_path", "stance targets file", "--targets", "targets", cache.read_target_table,
                          "targets", {"id": "Id", "label": "Label",
                                      "keywords": st.column_config.TextColumn("Keywords", width="large")})


@dataclass(frozen=True)
class RuleFile:
    """A rule file the reader may download and replace with their own: its wording, widget keys and keeping."""

    key: str  # widget keys: dat_<key>_download, dat_<key>_file, dat_<key>_use
    download_label: str
    file_name: str
    upload_label: str
    use_label: str
    refusal: str  # the error's opening words
    save: Callable[..., Path]  # (upload name, bytes, folder=) -> the kept copy; ValueError when unusable
    folder: str  # under the cache root
    field: str  # the CorpusChoice path it replaces


REGISTRY_FILE = RuleFile("registry", "Registry in use (YAML)", "actors.yaml", "Your actor registry (YAML)",
                         "Use this registry and re-run", "This registry cannot be used",
                         registry_edit.save_registry_copy, "registries", "actors_path")
TARGETS_FILE = RuleFile("targets", "Targets in use (YAML)", "targets.yaml", "Your stance targets (YAML)",
                        "Use these targets and re-run", "These targets cannot be used",
                        registry_edit.save_targets_copy, "targets", "targets_path")


def draw_rule_file_upload(view: View, rule: RuleFile, in_use: Path) -> None:
    """Offer the rule file in use as a download; take the reader's own, keep it if it can be used, and analyse
    the corpus again with it."""
    st.download_button(rule.download_label, data=in_use.read_bytes(), file_name=rule.file_name,
                       mime="application/yaml", key=f"{KEY}_{rule.key}_download", on_click="ignore",
                       icon=":material/download:")
    upload = st.file_uploader(rule.upload_label, type=["yaml", "yml"], key=f"{KEY}_{rule.key}_file")
    if upload is None or not st.button(rule.use_label, type="primary", key=f"{KEY}_{rule.key}_use"):
        return
    try:
        saved = rule.save(upload.name, upload.getvalue(), folder=corpus.find_cache_root() / rule.folder)
    except ValueError as error:
        st.error(f"{rule.refusal}: {error}")
        return
    use_corpus(with_rule_files(view.choice, **{rule.field: str(saved)}))


def draw_table_downloads(view: View) -> None:
    """Offer every table of the corpus, and the tables cut to the sidebar's selection, as CSV and Parquet in a
    zip each, plus row counts."""
    st.subheader("Download all tables")
    counts = pd.DataFrame({"table": list(view.results.tables()),
                           "rows": [len(frame) for frame in view.results.tables().values()]})
    st.dataframe(counts, hide_index=True, key=f"{KEY}_counts")
    st.download_button("All tables (CSV + Parquet, zip)", key=f"{KEY}_tables_zip", on_click="ignore",
                       data=functools.partial(cache.build_tables_zip, view.results_dir, view.content_hash),
                       file_name="actorlens_tables.zip", mime=export.MIME_TYPES["zip"], icon=":material/download:")
    st.download_button("The tables of the sidebar's selection (CSV + Parquet, zip)", key=f"{KEY}_selection_zip",
                       help=f"Only the rows the sidebar's filters keep: {view.describe()}.",
                       on_click="ignore", file_name="actorlens_selection.zip", mime=export.MIME_TYPES["zip"],
                       data=functools.partial(export.build_tables_zip, view.selected, selection=view.describe()),
                       icon=":material/filter_alt:")


def notice_line(reason: str, count: int) -> str:
    """One kind of notice for the summary line, with how many files or rows it was given to when more than one
    (a notice may itself count rows: "no source column or URL in 188 rows")."""
    text = highlight.escape_markdown(reason)
    return text if count == 1 else f"{text} (given {count:,} times)"
