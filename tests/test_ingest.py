"""Tests for analysis/ingest.py: reading files, folders, archives and uploads into the articles table."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analysis.dedup import make_article_id
from analysis.ingest import (
    DEFAULT_OUTLETS,
    IngestResult,
    Problem,
    load_outlets,
    parse_column_map,
    read_corpus,
    read_files,
    read_uploads,
)
from analysis.schema import ARTICLE_COLUMNS

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_e834a8d547207d18.txt"
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "russia_ukraine_news"
OUTLETS = {
    "meridianwire.example": "Meridian Wire",
    "capitaldispatch.example": "Capital Dispatch",
    "themoscowtimes.com": "The Moscow Times",
}

# Written for these tests (fictional events), in the sample-corpus format.
PIER_ARTICLE = """# Storm Closes Northern Pier

By [Meridian Wire](#)

February 21, 2022

Waves overtop the northern pier on Monday. [harbourphotos.example](#)

A winter storm closed the northern pier on Monday, cutting the morning ferry to the islands.

The harbour master said repairs would start once the wind dropped, bearing

in mind the safety of the crews.

**Related article: [Ferry Fares Climb Again](#)**

Islanders were told to expect *delays* until Wednesday.

Original url:

<https://www.meridianwire.example/2022/02/21/storm-closes-northern-pier>
"""
PIER_TEXT = (
    "Storm Closes Northern Pier\n\n"
    "Waves overtop the northern pier on Monday.\n\n"
    "A winter storm closed the northern pier on Monday, cutting the morning ferry to the islands.\n\n"
    "The harbour master said repairs would start once the wind dropped, bearing in mind the safety "
    "of the crews.\n\n"
    "Islanders were told to expect delays until Wednesday."
)
STORY = (
    "The harbour council postponed its vote on the ferry subsidy on Thursday, saying operators had "
    "not sent the "
    "figures it asked for last month. Council chair Mara Velin said the figures were expected next "
    "week and that a "
    "decision would follow before the spring timetable starts. Island residents, who rely on the "
    "ferry for work and "
    "school, have complained about rising fares since the winter, and two routes were cut in January "
    "after a storm "
    "damaged the northern pier. The operators say fuel and insurance costs have doubled in two years "
    "and that "
    "without help at least one of them will stop sailing by the summer."
)
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ferry vote delayed | Harbour Post</title>
<meta property="og:site_name" content="Harbour Post">
<link rel="canonical" href="https://www.harbourpost.example/2022/03/03/ferry-vote">
<meta property="article:published_time" content="2022-03-03T09:15:00+01:00">
<meta name="author" content="Ines Marlow">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ferry vote delayed</h1>
<p>The harbour council postponed its vote on the ferry subsidy on Thursday, saying the operators had not yet
sent the figures it asked for last month.</p>
<p>Council chair Mara Velin said the figures were expected next week and that a decision would follow before
the spring timetable starts.</p>
<script>trackPage();</script>
<p>Island residents, who rely on the ferry for work and school, have complained about rising fares since the
winter.</p></article><footer>Copyright 2022 Harbour Post</footer></body></html>"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file (text as UTF-8) below `folder`, creating folders, and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def reasons(result: IngestResult) -> list[str]:
    """Every problem as text, with the temporary folder removed for readable comparisons."""
    return [str(problem) for problem in result.problems]


def test_read_corpus_reads_a_markdown_article(tmp_path: Path) -> None:
    path = write(tmp_path, "pier.md", PIER_ARTICLE)
    result = read_corpus([path], outlets=OUTLETS)
    assert list(result.articles.columns) == list(ARTICLE_COLUMNS)
    url = "https://www.meridianwire.example/2022/02/21/storm-closes-northern-pier"
    assert result.articles.to_dict("records") == [
        {
            "article_id": make_article_id(url, ""),
            "title": "Storm Closes Northern Pier",
            "source": "Meridian Wire",
            "byline": "Meridian Wire",
            "published": pd.Timestamp("2022-02-21", tz="UTC"),
            "url": url,
            "text": PIER_TEXT,
            "n_words": 54,
            "duplicate_of": "",
        }
    ]
    assert str(result.articles["published"].dtype) == "datetime64[ns, UTC]"
    assert result.problems == ()
    assert result.n_read == 1
    assert result.origins.values.tolist() == [[make_article_id(url, ""), str(path), ""]]


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_read_corpus_reads_the_seed_article() -> None:
    article = read_corpus([SEED]).articles.iloc[0]
    assert article["title"] == "Putin Says Considering Ukraine Separatists' Independence Request"
    assert (article["byline"], article["source"]) == ("AFP", "The Moscow Times")
    assert article["published"] == pd.Timestamp("2022-02-21", tz="UTC")
    assert article["url"] == (
        ""
        "https://www.themoscowtimes.com/2022/02/21/putin-says-considering-ukraine-separatists-independence-request-a76496"
    )
    assert article["text"].startswith(
        "Putin Says Considering Ukraine Separatists' Independence Request\n\nThe rebel leaders of Donetsk"
    )
    assert "bearing in mind" in article["text"]
    for removed in ("Related article", "[kremlin.ru](#)", "kremlin.ru", "**", "Original url"):
        assert removed not in article["text"]


def test_missing_byline_and_date_are_kept_with_notices(tmp_path: Path) -> None:
    path = write(tmp_path, "bare.md", "# Quiet Day\n\nNothing moved in the harbour.\n")
    result = read_corpus([path], outlets=OUTLETS)
    assert result.articles[["byline", "text"]].values.tolist() == [["", "Quiet Day\n\nNothing moved in the harbour."]]
    assert result.articles["published"].isna().tolist() == [True]
    assert reasons(result) == [
        f"{path}: no byline found - kept without one",
        f"{path}: no date found - kept without a date",
    ]


def test_folders_are_read_recursively_in_order_without_hidden_files(tmp_path: Path) -> None:
    write(tmp_path, "b/two.txt", "Second Story\nIt happened later.\n")
    write(tmp_path, "a/deeper/one.md", "# First Story\n\nMarch 1, 2022\n\nIt happened first.\n")
    write(tmp_path, ".cache/hidden.md", "# Hidden\n\nNot read.\n")
    write(tmp_path, "a/.draft.md", "# Draft\n\nNot read.\n")
    write(tmp_path, "a/notes.docx", b"PK binary")
    progress: list[tuple[int, int]] = []
    result = read_corpus([tmp_path], outlets=OUTLETS, on_progress=lambda done, total: progress.append((done, total)))
    assert result.articles["title"].tolist() == ["First Story", "Second Story"]
    assert progress == [(1, 3), (2, 3), (3, 3)]
    assert result.origins["file"].tolist() == [str(tmp_path / "a/deeper/one.md"), str(tmp_path / "b/two.txt")]
    unsupported = [p for p in result.problems if p.reason.startswith("unsupported file type '.docx'")]
    assert [(p.file, p.location, p.skipped) for p in unsupported] == [(str(tmp_path / "a/notes.docx"), "", True)]


def test_zip_members_are_read_like_files(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inner/pier.md", PIER_ARTICLE)
        archive.writestr("table.csv", "headline,text\nPort reopens,The port reopened on Friday.\nHeadline only,\n,\n")
        archive.writestr("__MACOSX/._pier.md", b"\x00\x05\x16\x07")
        archive.writestr("inner/.DS_Store", b"\x00\x00")
        archive.writestr("readme.pdf", b"%PDF-1.4")
    path = write(tmp_path, "bundle.zip", buffer.getvalue())
    result = read_corpus([path], outlets=OUTLETS)
    assert result.articles["title"].tolist() == ["Storm Closes Northern Pier", "Port reopens"]
    assert result.origins[["file", "location"]].values.tolist() == [
        [f"{path}:inner/pier.md", ""],
        [f"{path}:table.csv", "row 1"],
    ]
    assert reasons(result) == [
        f"{path}:readme.pdf: unsupported file type '.pdf' (supported: .txt, .md, .markdown, .html, "
        f".htm, .csv, .tsv, "
        ".jsonl, .ndjson, .json, .parquet, .zip) - file skipped",
        f"{path}:table.csv: no date column - articles kept without a date",
        f"{path}:table.csv: no source column or URL in 2 rows - source set to the file name 'table'",
        f"{path}:table.csv, row 2: empty text - skipped",
    ]
    assert result.n_read == 3


def test_bad_files_become_problems_and_the_rest_is_read(tmp_path: Path) -> None:
    good = write(tmp_path, "good.md", PIER_ARTICLE)
    garbage = write(tmp_path, "garbage.csv", bytes(range(256)) * 8)
    empty = write(tmp_path, "empty.csv", b"  \n")
    unknown = write(tmp_path, "notes.rtf", "{\\rtf1 hello}")
    bad_zip = write(tmp_path, "broken.zip", b"PK\x03\x04 not really")
    bad_json = write(tmp_path, "broken.json", "[{")
    no_text = write(tmp_path, "no_text.csv", "headline,when\nA,2022-01-01\n")
    missing = tmp_path / "missing.csv"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    result = read_corpus(
        [good, garbage, empty, unknown, bad_zip, bad_json, no_text, missing, dangling], outlets=OUTLETS
    )
    assert result.articles["title"].tolist() == ["Storm Closes Northern Pier"]
    assert reasons(result) == [
        f"{missing}: file not found - file skipped",
        f"{dangling}: file not found - file skipped",
        f"{garbage}: not a text file: binary data - file skipped",
        f"{empty}: empty file - file skipped",
        f"{unknown}: unsupported file type '.rtf' (supported: .txt, .md, .markdown, .html, .htm, "
        f".csv, .tsv, .jsonl, "
        ".ndjson, .json, .parquet, .zip) - file skipped",
        f"{bad_zip}: not a valid zip archive - file skipped",
        f"{bad_json}: unreadable table (Expecting property name enclosed in double quotes: line 1 "
        f"column 3 (char 2))"
        " - file skipped",
        f"{no_text}: no text column found (columns: 'headline', 'when'); name it with a mapping such as "
        "text=<column> - file skipped",
    ]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_permissions(tmp_path: Path) -> None:
    locked = write(tmp_path, "locked.md", PIER_ARTICLE)
    locked.chmod(0)
    result = read_corpus([locked], outlets=OUTLETS)
    assert reasons(result) == [f"{locked}: cannot read file (Permission denied) - file skipped"]


def test_malformed_rows_empty_text_and_bad_jsonl_lines(tmp_path: Path) -> None:
    table = write(
        tmp_path,
        "rows.csv",
        'title,text,date\nA,First.,2022-01-01\nB,"Second",2022-01-02,extra\nC,  ,2022-01-03\nD,Fourth.,soon\n',
    )
    lines = write(
        tmp_path,
        "rows.jsonl",
        '{"text": "Alpha.", "date": "2022-01-04"}\n{broken\n{"text": "Beta.", "date": "2022-01-05"}\n',
    )
    result = read_corpus([table, lines], outlets=OUTLETS)
    assert result.articles["text"].tolist() == ["A\n\nFirst.", "D\n\nFourth.", "Alpha.", "Beta."]
    assert result.origins["location"].tolist() == ["row 1", "row 4", "line 1", "line 3"]
    assert reasons(result) == [
        f"{table}, row 2 (line 3): malformed row: expected 3 fields, found 4 - skipped",
        f"{table}, row 4: unreadable date 'soon' - kept without a date",
        f"{table}: no source column or URL in 3 rows - source set to the file name 'rows'",
        f"{lines}, line 2: invalid JSON (Expecting property name enclosed in double quotes at column 2) - skipped",
        f"{lines}: no source column or URL in 2 rows - source set to the file name 'rows'",
        f"{table}, row 3: empty text - skipped",
    ]
    assert result.n_read == 7
    record_skips = [p for p in result.problems if p.skipped]
    assert result.n_read == len(result.articles) + len(record_skips)


def test_encodings_are_detected_with_a_notice(tmp_path: Path) -> None:
    cp1252 = write(tmp_path, "cp.csv", "text,source\nCaf\u00e9 \u201cquoted\u201d.,X\n".encode("cp1252"))
    latin = write(tmp_path, "latin.txt", b"Title\nByte \x81 here.\n")
    bom = write(tmp_path, "bom.txt", "\ufeffBOM Title\nBody.\n".encode())
    result = read_corpus([cp1252, latin, bom], outlets=OUTLETS)
    assert result.articles["text"].tolist() == [
        "Caf\u00e9 \u201cquoted\u201d.",
        "Title\n\nByte \x81 here.",
        "BOM Title\n\nBody.",
    ]
    assert [str(p) for p in result.problems if "decoded" in p.reason] == [
        f"{cp1252}: not UTF-8; decoded as cp1252",
        f"{latin}: not UTF-8; decoded as latin-1",
    ]


def test_huge_texts_are_truncated_with_a_notice(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", "Huge\n" + "word " * 300_000)
    result = read_corpus([path], outlets=OUTLETS)
    text = result.articles["text"].iloc[0]
    assert len(text) == 1_000_000
    assert text.endswith("word word")
    assert f"{path}: text longer than 1,000,000 characters - truncated" in reasons(result)


def test_huge_table_cells_are_read_and_truncated(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.csv", 'text,source\n"' + "word " * 250_000 + '",X\nShort one.,X\n')
    result = read_corpus([path], outlets=OUTLETS)
    assert result.articles["n_words"].tolist() == [200_000, 2]
    assert reasons(result) == [
        f"{path}: no date column - articles kept without a date",
        f"{path}, row 1: text longer than 1,000,000 characters - truncated",
    ]


def test_html_pages_use_only_explicit_dates(tmp_path: Path) -> None:
    page = write(tmp_path, "ferry.html", PAGE)
    undated = PAGE.replace('<meta property="article:published_time" content="2022-03-03T09:15:00+01:00">', "")
    undated = undated.replace("ferry-vote", "ferry-vote-2").replace("on Thursday", "on Thursday 3 March 2022")
    other = write(tmp_path, "undated.htm", undated)
    result = read_corpus([page, other], outlets={"harbourpost.example": "The Harbour Post"})
    first = result.articles.iloc[0]
    assert (first["title"], first["source"], first["byline"]) == (
        "Ferry vote delayed",
        "The Harbour Post",
        "Ines Marlow",
    )
    assert first["url"] == "https://www.harbourpost.example/2022/03/03/ferry-vote"
    assert first["published"] == pd.Timestamp("2022-03-03 08:15", tz="UTC")
    assert first["text"].split("\n\n") == [
        "Ferry vote delayed",
        "The harbour council postponed its vote on the ferry subsidy on Thursday, saying the "
        "operators had not yet "
        "sent the figures it asked for last month.",
        "Council chair Mara Velin said the figures were expected next week and that a decision would "
        "follow before "
        "the spring timetable starts.",
        "Island residents, who rely on the ferry for work and school, have complained about rising "
        "fares since the "
        "winter.",
    ]
    assert pd.isna(result.articles["published"].iloc[1])
    assert reasons(result) == [f"{other}: no publication date in the page metadata - kept without a date"]
    # the same story with a date added: a near-duplicate of the dated page, which comes first
    assert result.articles["duplicate_of"].tolist() == ["", first["article_id"]]


def test_read_uploads_names_problems_by_upload_name() -> None:
    result = read_uploads(
        [("pier.md", PIER_ARTICLE.encode()), ("page.html", PAGE.encode()), ("x.csv", b"")], outlets=OUTLETS
    )
    assert result.articles["title"].tolist() == ["Storm Closes Northern Pier", "Ferry vote delayed"]
    assert result.articles["source"].tolist() == ["Meridian Wire", "Harbour Post"]
    assert reasons(result) == ["x.csv: empty file - file skipped"]


def test_exact_duplicates_are_removed_and_near_duplicates_marked(tmp_path: Path) -> None:
    rows = [
        ("Vote delayed", STORY, "2022-03-04", "https://meridianwire.example/vote"),
        (
            "Ferry vote put off",
            STORY.replace("last month", "in February"),
            "2022-03-03",
            "https://capitaldispatch.example/vote",
        ),
        ("Vote delayed", STORY, "2022-03-05", "http://www.meridianwire.example/vote/?utm_source=feed"),
        ("Pier reopens", "The northern pier reopened after repairs on Monday.", "2022-03-06", ""),
    ]
    lines = ["title,text,date,url"] + [",".join(f'"{value}"' for value in row) for row in rows]
    path = write(tmp_path, "copies.csv", "\n".join(lines) + "\n")
    result = read_corpus([path], outlets=OUTLETS)
    articles = result.articles
    assert articles["title"].tolist() == ["Vote delayed", "Ferry vote put off", "Pier reopens"]
    assert articles["source"].tolist() == ["Meridian Wire", "Capital Dispatch", "copies"]
    # the edited copy was published first, so the Meridian Wire story is marked as its near-duplicate
    assert articles["duplicate_of"].tolist() == [articles["article_id"][1], "", ""]
    first_id = make_article_id("https://meridianwire.example/vote", "")
    assert f"{path}, row 3: exact duplicate of row 1 (article {first_id}) - skipped" in reasons(result)
    copies = [row for row in rows[:2]] + [(f"Copy {n}", STORY, "2022-03-0" + str(n), "") for n in (1, 2)]
    lines = ["title,text,date,source"] + [
        ",".join(f'"{value}"' for value in row[:3]) + f",Outlet {n}" for n, row in enumerate(copies)
    ]
    marked = read_corpus([write(tmp_path, "marked.csv", "\n".join(lines) + "\n")], outlets=OUTLETS).articles
    earliest = marked["article_id"][2]
    assert marked["duplicate_of"].tolist() == [earliest, earliest, "", earliest]


def test_near_duplicate_threshold_option(tmp_path: Path) -> None:
    half = STORY.split(". ")
    rows = [
        ("One", STORY, "2022-03-01", "a"),
        (
            "Two",
            ". ".join(
                [*half[:2], "It rained all day and the ferry stayed in port", "Nobody on the islands was surprised."]
            ),
            "2022-03-02",
            "b",
        ),
    ]
    lines = ["title,text,date,source"] + [",".join(f'"{value}"' for value in row) for row in rows]
    path = write(tmp_path, "two.csv", "\n".join(lines) + "\n")
    assert read_corpus([path], outlets=OUTLETS).articles["duplicate_of"].tolist() == ["", ""]
    loose = read_corpus([path], outlets=OUTLETS, near_duplicate_threshold=0.5).articles
    assert loose["duplicate_of"].tolist() == ["", loose["article_id"][0]]


def test_column_map_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path, "mapped.csv", "headline,summary,story,when\nT,Short.,Long story.,21 Feb 2022\n")
    detected = read_corpus([path], outlets=OUTLETS)
    assert reasons(detected)[0].startswith(f"{path}: no text column found (columns: 'headline', 'summary'")
    mapped = read_corpus([path], column_map=parse_column_map("text=story, date=when"), outlets=OUTLETS)
    assert mapped.articles[["text", "published"]].values.tolist() == [
        ["T\n\nLong story.", pd.Timestamp("2022-02-21", tz="UTC")]
    ]


def test_parse_column_map() -> None:
    assert parse_column_map("text=articles,date=published") == {"text": "articles", "date": "published"}
    assert parse_column_map(" Title = Head Line ,, url=link ") == {"title": "Head Line", "url": "link"}
    assert parse_column_map("") == {}
    for spec, message in [
        ("text", "bad column mapping 'text'"),
        ("text=", "bad column mapping"),
        ("body=x", "unknown field 'body'"),
        ("text=a,text=b", "mapped twice"),
    ]:
        with pytest.raises(ValueError, match=message):
            parse_column_map(spec)


def test_load_outlets(tmp_path: Path) -> None:
    outlets = load_outlets()
    assert DEFAULT_OUTLETS.name == "outlets.yaml"
    assert outlets["themoscowtimes.com"] == "The Moscow Times"
    assert outlets["meridianwire.example"] == "Meridian Wire"
    assert outlets["bbc.co.uk"] == outlets["bbc.com"] == "BBC"
    assert all(not domain.startswith("www.") for domain in outlets)
    custom = write(tmp_path, "outlets.yaml", "outlets:\n  WWW.Example.org: Example News\n")
    assert load_outlets(custom) == {"example.org": "Example News"}
    with pytest.raises(ValueError, match="expected 'outlets:'"):
        load_outlets(write(tmp_path, "bad.yaml", "- a\n- b\n"))


def test_problem_text_and_summary() -> None:
    assert str(Problem("data/x.csv", "row 12", "empty text - skipped")) == "data/x.csv, row 12: empty text - skipped"
    assert (
        str(Problem("a.md", "", "no date found - kept without a date")) == "a.md: no date found - kept without a date"
    )
    articles = pd.DataFrame(
        {"published": pd.Series([pd.NaT, pd.Timestamp("2022-01-01", tz="UTC")]), "duplicate_of": ["", "abc"]}
    )
    problems = (
        Problem("x.csv", "row 2", "empty text - skipped"),
        Problem("x.csv", "row 3", "empty text - skipped"),
        Problem("x.csv", "line 9", "malformed row: expected 2 fields, found 3 - skipped"),
        Problem("x.csv", "row 4", "exact duplicate of abc - skipped"),
        Problem("x.csv", "row 5", "unreadable date 'soon' - kept without a date"),
    )
    result = IngestResult(articles=articles, problems=problems, n_read=6)
    assert result.summary() == (
        "Articles read: 6\nArticles kept: 2\nNear-duplicates marked: 1\nExact duplicates removed: 1\n"
        "Articles skipped: 3\n  empty text: 2\n  malformed row: 1\nFiles skipped: 0\nArticles without a date: 1"
    )


@pytest.mark.skipif(not (EVAL / "NYT_Russia_Ukraine.csv").exists(), reason="evaluation data not available")
def test_real_nyt_and_guardian_tables() -> None:
    result = read_corpus([EVAL / "NYT_Russia_Ukraine.csv", EVAL / "Guardians_Russia_Ukraine.csv"])
    articles = result.articles
    assert result.n_read == 219 + 188
    assert articles["published"].notna().all()
    nyt = articles[articles["source"] == "NYT_Russia_Ukraine"]
    assert len(nyt) == 219
    assert nyt["published"].iloc[0] == pd.Timestamp("2022-06-23", tz="UTC")
    assert nyt["title"].iloc[0] == "For a Kyiv Techno Collective, \u2018Now Everything Is About Politics\u2019"
    assert all(text.startswith(title + "\n\n") for title, text in zip(articles["title"], articles["text"], strict=True))
    assert not articles["text"].str.contains("\n\n\n").any()
    skipped = [p for p in result.problems if p.skipped]
    assert all(p.reason.startswith("exact duplicate of") for p in skipped)
    assert len(articles) + len(skipped) == result.n_read


def test_empty_inputs_give_typed_empty_tables(tmp_path: Path) -> None:
    result = read_uploads([("header_only.csv", b"title,text\n\n")], outlets=OUTLETS)
    assert reasons(result) == ["header_only.csv: no rows in the table - file skipped"]
    assert list(result.articles.columns) == list(ARTICLE_COLUMNS)
    assert str(result.articles["published"].dtype) == "datetime64[ns, UTC]"
    assert str(result.articles["n_words"].dtype) == "int64"
    assert result.n_read == 0


def test_semicolon_csv(tmp_path: Path) -> None:
    path = write(tmp_path, "export.csv", "Headline;Text;Date\nPort reopens;It reopened, at last.;21.02.2022\n")
    result = read_corpus([path], outlets=OUTLETS)
    assert result.articles["text"].tolist() == ["Port reopens\n\nIt reopened, at last."]
    assert f"{path}, row 1: unreadable date '21.02.2022' - kept without a date" in reasons(result)


def test_articles_and_tables_in_one_folder_keep_file_order(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "# Alpha\n\nMarch 1, 2022\n\nFirst text.\n")
    write(tmp_path, "b.csv", "title,text,date\nBeta,Second text.,2022-03-02\nGamma,Third text.,2022-03-03\n")
    write(tmp_path, "c.txt", "Delta\nFourth text.\n")
    write(tmp_path, "d.md", "# Epsilon\n\nMarch 5, 2022\n\nFifth text.\n")
    result = read_corpus([tmp_path], outlets=OUTLETS)
    assert result.articles["title"].tolist() == ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
    assert str(result.articles["published"].dtype) == "datetime64[ns, UTC]"
    assert result.articles["published"].dt.day.tolist()[:3] == [1, 2, 3]
    assert result.articles["published"].isna().tolist() == [False, False, False, True, False]
    assert result.origins["location"].tolist() == ["", "row 1", "row 2", "", ""]


def test_reading_in_worker_processes_gives_the_same_result(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "# Alpha\n\nMarch 1, 2022\n\nFirst text.\n")
    write(tmp_path, "b.csv", "title,text,date\nBeta,Second text.,2022-03-02\nGamma,,2022-03-03\n")
    write(tmp_path, "c.txt", "Delta\nFourth text, caf\xe9.\n".encode("cp1252"))
    write(tmp_path, "d.csv", b"  \n")
    write(tmp_path, "e.md", "# Epsilon\n\nMarch 5, 2022\n\nFifth text.\n")
    alone = read_corpus([tmp_path], outlets=OUTLETS)
    seen: list[tuple[int, int]] = []
    shared = read_corpus([tmp_path], outlets=OUTLETS, jobs=2, on_progress=lambda *done: seen.append(done))
    pd.testing.assert_frame_equal(shared.articles, alone.articles)
    assert reasons(shared) == reasons(alone)
    assert [reason.replace(f"{tmp_path}/", "") for reason in reasons(alone)] == [
        "a.md: no byline found - kept without one",
        "b.csv: no source column or URL in 2 rows - source set to the file name 'b'",
        "c.txt: not UTF-8; decoded as cp1252",
        "c.txt: no date found - kept without a date",
        "d.csv: empty file - file skipped",
        "e.md: no byline found - kept without one",
        "b.csv, row 2: empty text - skipped",
    ]
    assert shared.articles["title"].tolist() == ["Alpha", "Beta", "Delta", "Epsilon"]
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def process_of(path: Path) -> tuple[str, int]:
    """A stand-in reader (module level, so worker processes can receive it): the file name and who read it."""
    return path.name, os.getpid()


def test_read_files_uses_worker_processes_and_keeps_order(tmp_path: Path) -> None:
    files = [write(tmp_path, f"{name}.txt", "x") for name in "abcdef"]
    serial = list(read_files(files, process_of, jobs=1))
    pooled = list(read_files(files, process_of, jobs=2))
    names = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"]
    assert [name for name, _ in serial] == [name for name, _ in pooled] == names
    assert {pid for _, pid in serial} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in pooled}
