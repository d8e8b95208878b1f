"""Tests for analysis/dates.py: explicit date formats, epochs, and no guessing."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analysis.dates import UTC_DTYPE, parse_date, parse_date_column


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-08-01T16:23:25Z", "2022-08-01 16:23:25"),
        ("2022-08-01 16:23:25+03:00", "2022-08-01 13:23:25"),
        ("2022-08-01T16:23:25.250-0500", "2022-08-01 21:23:25.250"),
        ("2022/06/23", "2022-06-23"),
        ("2022-06-23", "2022-06-23"),
        ("Wednesday, 23 February 2022", "2022-02-23"),
        ("February 21, 2022", "2022-02-21"),
        ("21 Feb 2022", "2022-02-21"),
        ("Feb. 21, 2022", "2022-02-21"),
        ("Sept. 3, 2022", "2022-09-03"),
        ("March 3rd, 2022 4:05 pm", "2022-03-03 16:05"),
        ("Mon, 21 Feb 2022 10:00:00 GMT", "2022-02-21 10:00"),
        ("  february   21 ,  2022 ", None),
        ("20220221", "2022-02-21"),
        ("1645401600", "2022-02-21"),
        ("1645401600000", "2022-02-21"),
        (1645401600, "2022-02-21"),
        (1645401600000, "2022-02-21"),
        (1645401600.0, "2022-02-21"),
        (np.int64(1645444800), "2022-02-21 12:00"),
        (dt.date(2022, 2, 21), "2022-02-21"),
        (dt.datetime(2022, 2, 21, 9, 30), "2022-02-21 09:30"),
    ],
)
def test_parse_date_reads_each_format_as_utc(raw: object, expected: str | None) -> None:
    assert parse_date(raw) == (pd.Timestamp(expected, tz="UTC") if expected else None)


@pytest.mark.parametrize(
    "raw",
    [
        "xyz",
        "",
        None,
        "2022",
        "01/02/2022",
        "February 30, 2022",
        "Smarch 3, 2022",
        "13 pm",
        "21 Feb 2022 10:00 EST",
        "12345",
        12345,
        float("nan"),
        True,
        "1e30",
        10**20,
        "1850-01-01",
    ],
)
def test_parse_date_refuses_what_it_would_have_to_guess(raw: object) -> None:
    assert parse_date(raw) is None


def test_parse_date_column_mixes_formats_and_keeps_the_index() -> None:
    values = pd.Series(
        ["2022-08-01T16:23:25Z", "2022/06/23", None, "xyz", 1645401600, "2022-13-40", ""],
        index=[10, 10, 11, 12, 13, 14, 15],
        dtype=object,
    )
    parsed = parse_date_column(values)
    assert str(parsed.dtype) == UTC_DTYPE
    assert parsed.index.tolist() == [10, 10, 11, 12, 13, 14, 15]
    assert parsed.tolist()[:2] == [
        pd.Timestamp("2022-08-01 16:23:25", tz="UTC"),
        pd.Timestamp("2022-06-23", tz="UTC"),
    ]
    assert parsed.isna().tolist() == [False, False, True, True, False, True, True]
    assert parsed.iloc[4] == pd.Timestamp("2022-02-21", tz="UTC")


def test_parse_date_column_converts_datetime_columns() -> None:
    naive = pd.Series(pd.to_datetime(["2022-01-05 10:00", "1800-01-01 00:00"]))
    assert parse_date_column(naive).tolist()[0] == pd.Timestamp("2022-01-05 10:00", tz="UTC")
    assert parse_date_column(naive).isna().tolist() == [False, True]
    moscow = pd.Series(pd.to_datetime(["2022-01-05 13:00"]).tz_localize("Europe/Moscow"))
    assert parse_date_column(moscow).tolist() == [pd.Timestamp("2022-01-05 10:00", tz="UTC")]


def test_parse_date_column_with_nothing_readable() -> None:
    parsed = parse_date_column(pd.Series(["21.02.2022", "soon"], index=[3, 3], dtype=object))
    assert str(parsed.dtype) == UTC_DTYPE
    assert parsed.isna().tolist() == [True, True]
    iso_only = parse_date_column(pd.Series(["2022-02-21", "2022-02-22"], index=[7, 7]))
    assert iso_only.tolist() == [pd.Timestamp("2022-02-21", tz="UTC"), pd.Timestamp("2022-02-22", tz="UTC")]
