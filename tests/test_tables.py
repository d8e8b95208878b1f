"""Tests for analysis/tables.py: reading tables and mapping their columns to article fields."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from analysis.tables import (
    choose_delimiter,
    find_column,
    format_cell,
    list_locations,
    make_table_records,
    match_columns,
    read_delimited,
    read_json_document,
    read_json_lines,
    read_parquet_bytes,
)

OUTLETS = {"nytimes.com": "The New York Times", "bbc.co.uk": "BBC"}


def records_of(table_text: str, *, delimiter: str = ",", column_map: dict | None = None) -> tuple[pd.DataFrame, list]:
    """Records and notes for CSV text."""
    return make_table_records(
        read_delimited(table_text, delimiter=delimiter), column_map=column_map or {}, outlets=OUTLETS
    )


def test_read_delimited_reports_malformed_rows_by_line_and_keeps_the_rest() -> None:
    text = 'title,text\nA,"Body one\nsecond line"\nB,body two,extra\n\nC,body three\nD\n'
    table = read_delimited(text, delimiter=",")
    assert table.rows.values.tolist() == [["A", "Body one\nsecond line"], ["C", "body three"]]
    assert table.locations == ("row 1", "row 3")
    assert table.issues == (
        ("row 2 (line 4)", "malformed row: expected 2 fields, found 3 - skipped"),
        ("row 4 (line 7)", "malformed row: expected 2 fields, found 1 - skipped"),
    )
    assert table.n_records == 4


def test_read_delimited_names_blank_and_repeated_headers() -> None:
    table = read_delimited("\ufefftext,,text\nx,y,z\n", delimiter=",")
    assert table.rows.columns.tolist() == ["text", "column 2", "text.1"]


def test_read_delimited_reports_a_multiline_bad_record_by_its_lines() -> None:
    table = read_delimited('text,date\n"a\nb",1,2\n', delimiter=",")
    assert table.issues == (("row 1 (lines 2-3)", "malformed row: expected 2 fields, found 3 - skipped"),)


def test_read_delimited_keeps_the_rows_an_unclosed_quotation_mark_swallowed() -> None:
    # a user's review: 'B,"broken' swallowed the next two good rows (one of them a Lavrov article), reported
    # only as "lines 6-8 malformed row"
    text = 'title,text,date\nA,one,2022-02-21\nB,"broken,2022-02-22\nC,Lavrov spoke,2022-02-23\nD,four,2022-02-24\n'
    table = read_delimited(text, delimiter=",")
    assert table.rows.values.tolist() == [
        ["A", "one", "2022-02-21"],
        ["C", "Lavrov spoke", "2022-02-23"],
        ["D", "four", "2022-02-24"],
    ]
    assert table.locations == ("row 1", "row 3", "row 4")
    assert table.issues == (("row 2 (line 3)", "malformed row: a quotation mark is not closed - skipped"),)
    assert table.n_records == 4


@pytest.mark.parametrize(
    ("header", "fields"),
    [
        ("headlines,articles,published", {"title": "headlines", "text": "articles", "date": "published"}),
        (
            "Headline,Body,publish_date,Outlet,Link",
            {"title": "Headline", "text": "Body", "date": "publish_date", "source": "Outlet", "url": "Link"},
        ),
        (
            "heading,content,dateFull,media_name,src",
            {"title": "heading", "text": "content", "date": "dateFull", "source": "media_name", "url": "src"},
        ),
        (
            "TITLE,Article,Timestamp,site,URL,Author",
            {
                "title": "TITLE",
                "text": "Article",
                "date": "Timestamp",
                "source": "site",
                "url": "URL",
                "byline": "Author",
            },
        ),
        ("title,text,date,domain", {"title": "title", "text": "text", "date": "date", "source": "domain"}),
    ],
)
def test_match_columns_recognises_common_names(header: str, fields: dict) -> None:
    assert match_columns(header.split(","), {}) == (fields, [])


def test_column_map_wins_and_missing_mapped_columns_are_noted() -> None:
    columns = ["headline", "summary", "full story", "when"]
    found, notes = match_columns(columns, {"text": "Full Story", "date": "when", "title": "nope"})
    assert found == {"title": "headline", "text": "full story", "date": "when"}
    assert notes == ["column 'nope' (given for title) not found"]
    assert find_column(columns, "text") is None


def test_table_to_records_with_every_date_format() -> None:
    rows = [
        ("2022-08-01T16:23:25Z", "2022-08-01 16:23:25"),
        ("2022-08-01 16:23:25+03:00", "2022-08-01 13:23:25"),
        ("2022/06/23", "2022-06-23"),
        ("Wednesday, 23 February 2022", "2022-02-23"),
        ("February 21, 2022", "2022-02-21"),
        ("21 Feb 2022", "2022-02-21"),
        ("Feb. 21, 2022", "2022-02-21"),
        ("1645401600", "2022-02-21"),
        ("1645401600000", "2022-02-21"),
    ]
    text = "date\ttext\n" + "".join(f"{raw}\tStory {number}.\n" for number, (raw, _) in enumerate(rows))
    records, notes = records_of(text, delimiter="\t")
    assert records["published"].tolist() == [pd.Timestamp(expected, tz="UTC") for _, expected in rows]
    assert notes == []


def test_table_to_records_fields_sources_and_date_notices() -> None:
    text = (
        "headline,body,date,url,source\n"
        "Talks resume,<p>Delegates met &amp; talked.</p><p>More   later.</p>,xyz,https://www.nytimes.com/a,\n"
        "  Port  closed ,Ships waited.,,https://news.example.org/b,www.bbc.co.uk\n"
        "Third,Words,2022-01-05,,Harbour Post\n"
    )
    records, notes = records_of(text)
    assert records.drop(columns="published").values.tolist() == [
        [
            "row 1",
            "Talks resume",
            "Delegates met & talked.\n\nMore later.",
            "The New York Times",
            "",
            "https://www.nytimes.com/a",
        ],
        ["row 2", "Port closed", "Ships waited.", "BBC", "", "https://news.example.org/b"],
        ["row 3", "Third", "Words", "Harbour Post", "", ""],
    ]
    assert records["published"].isna().tolist() == [True, True, False]
    assert notes == [
        ("row 1", "unreadable date 'xyz' - kept without a date"),
        ("", "no date in 1 rows (row 2) - kept without a date"),
        ("", "HTML markup removed in 1 rows (row 1)"),
    ]


def test_table_to_records_without_text_column_names_the_columns() -> None:
    with pytest.raises(ValueError, match="no text column found \\(columns: 'headline', 'when'\\)"):
        records_of("headline,when\nA,2022-01-01\n")


def test_table_without_date_column_gets_one_notice() -> None:
    records, notes = records_of("text\nOne.\nTwo.\n")
    assert records["published"].isna().all()
    assert notes == [("", "no date column - articles kept without a date")]


def test_read_json_lines_reports_bad_lines() -> None:
    text = '{"text": "One."}\nnot json\n\n[1, 2]\n{"text": "Two.", "date": 1645401600}\n'
    table = read_json_lines(text)
    assert table.locations == ("line 1", "line 5")
    assert [location for location, _ in table.issues] == ["line 2", "line 4"]
    assert table.issues[0][1] == "invalid JSON (Expecting value at column 1) - skipped"
    assert table.issues[1][1] == "not a JSON object but list - skipped"
    assert table.n_records == 4


@pytest.mark.parametrize(
    "document",
    [
        [{"title": "A", "text": "One."}, {"title": "B", "text": "Two."}],
        {"status": "ok", "Articles": [{"title": "A", "text": "One."}, {"title": "B", "text": "Two."}]},
    ],
)
def test_read_json_document_accepts_an_array_or_an_articles_key(document: object) -> None:
    table = read_json_document(json.dumps(document))
    assert table.rows[["title", "text"]].values.tolist() == [["A", "One."], ["B", "Two."]]
    assert table.locations == ("item 1", "item 2")


def test_read_json_document_single_article_and_errors() -> None:
    assert read_json_document('{"body": "Only one."}').rows["body"].tolist() == ["Only one."]
    with pytest.raises(ValueError, match="no list of articles"):
        read_json_document('{"status": "ok"}')
    with pytest.raises(ValueError):
        read_json_document("[{")


def test_nested_json_values_become_text() -> None:
    document = {
        "articles": [
            {
                "source": {"id": None, "name": "BBC News"},
                "author": ["Ann Lee", "Bo Park"],
                "title": "T",
                "content": "Body.",
                "publishedAt": "2022-02-21T10:00:00Z",
            }
        ]
    }
    records, notes = make_table_records(read_json_document(json.dumps(document)), column_map={}, outlets=OUTLETS)
    assert records[["source", "byline", "title", "body"]].values.tolist() == [
        ["BBC News", "Ann Lee, Bo Park", "T", "Body."]
    ]
    assert records["published"].tolist() == [pd.Timestamp("2022-02-21 10:00", tz="UTC")]
    assert notes == []


def test_read_parquet_bytes_with_typed_columns() -> None:
    frame = pd.DataFrame({"text": ["One.", None], "published": pd.to_datetime(["2022-02-21 10:00", None])})
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    table = read_parquet_bytes(buffer.getvalue())
    records, notes = make_table_records(table, column_map={}, outlets=OUTLETS)
    assert records["body"].tolist() == ["One.", ""]
    assert records["published"].tolist()[0] == pd.Timestamp("2022-02-21 10:00", tz="UTC")
    assert notes == [("", "no date in 1 rows (row 2) - kept without a date")]


def test_to_text_and_list_locations() -> None:
    assert [format_cell(value) for value in (None, float("nan"), 3, {"name": "AP"}, ["a", None, "b"], "x")] == [
        "",
        "",
        "3",
        "AP",
        "a, b",
        "x",
    ]
    assert list_locations([f"row {n}" for n in range(1, 8)]) == "row 1, row 2, row 3, row 4, row 5 and 2 more"


def test_choose_delimiter() -> None:
    assert choose_delimiter("title;text\nA;B, c\n") == ";"
    assert choose_delimiter("title,text;x\n") == ","
    assert choose_delimiter("title\ttext\n") == "\t"
    assert choose_delimiter("text\nOne.\n") == ","
