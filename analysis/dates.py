"""Parse publication dates written in the common news formats to UTC timestamps, never guessing."""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from collections.abc import Mapping

import pandas as pd

# Month names and abbreviations, lowercase; "sept" appears in AP style ("Sept. 21, 2022").
MONTHS: Mapping[str, int] = {
    **{
        name: number
        for number, name in enumerate(
            (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ),
            start=1,
        )
    },
    **{
        name: number
        for number, name in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
        )
    },
    "sept": 9,
}
WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
)
EARLIEST = pd.Timestamp("1900-01-01", tz="UTC")
LATEST = pd.Timestamp("2100-12-31 23:59:59", tz="UTC")
UTC_DTYPE = "datetime64[ns, UTC]"

# Time of day and zone, optional after any calendar date: "16:23", "4:05 pm", "16:23:25 +0300", "10:00 GMT".
_TIME = (
    r"(?:[ t,]+(?:at +)?(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,9}))?)?"
    r" *(?P<meridiem>am|pm|a\.m\.|p\.m\.)?)?"
    r" *(?P<zone>z|utc|gmt|[+-]\d{2}:?\d{2})?"
)
_MONTH_NAME = r"(?P<month_name>[a-z]{3,9})\.?"
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern + _TIME + r"$")
    for pattern in (
        r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})",  # ISO 2022-06-23[T16:23:25Z]
        r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})",  # 2022/06/23
        r"(?P<year>\d{4})\.(?P<month>\d{1,2})\.(?P<day>\d{1,2})",  # 2022.06.23
        r"(?P<day>\d{1,2}) +" + _MONTH_NAME + r",? +(?P<year>\d{4})",  # 21 Feb 2022, 23 February 2022
        _MONTH_NAME + r" +(?P<day>\d{1,2}),? +(?P<year>\d{4})",  # February 21, 2022 / Feb. 21, 2022
    )
)
_WEEKDAY_PREFIX = re.compile(r"^(?:" + "|".join(WEEKDAYS) + r")\.?,? +")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
# Only full ISO dates go to the vectorised parser: pandas would read "2022" as 1 January 2022, a guess.
_ISO_FULL = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?"


def parse_date(value: object) -> pd.Timestamp | None:
    """The UTC timestamp a date string, epoch number or datetime stands for; None if empty or unreadable.

    Dates without a time are midnight UTC; times without a zone are taken as UTC. Day/month order is never
    guessed, so "01/02/2022" is unreadable. Accepted years run from 1900 to 2100.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):  # also numpy integers and floats
        return convert_epoch(float(value))
    if isinstance(value, dt.datetime):
        return check_range(convert_to_utc(pd.Timestamp(value)))
    if isinstance(value, dt.date):
        return check_range(pd.Timestamp(value.year, value.month, value.day, tz="UTC"))
    return parse_date_text(str(value))


def parse_date_text(raw: str) -> pd.Timestamp | None:
    """The UTC timestamp written in `raw` (see `parse_date` for the formats); None if unreadable."""
    text = " ".join(raw.split()).lower()
    if not text:
        return None
    if _NUMBER.fullmatch(text):
        return parse_digits(text)
    text = _ORDINAL.sub(r"\1", _WEEKDAY_PREFIX.sub("", text))
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return build_timestamp(match.groupdict())
    return None


def parse_digits(text: str) -> pd.Timestamp | None:
    """A compact 8-digit date (20220221) or epoch seconds/milliseconds written as digits."""
    if len(text) == 8 and text.isdigit():
        fields = {"year": text[:4], "month": text[4:6], "day": text[6:]}
        return build_timestamp(fields)
    return convert_epoch(float(text))


def convert_epoch(seconds: float) -> pd.Timestamp | None:
    """Epoch seconds, or milliseconds when the number is above 1e11, as a UTC timestamp.

    Numbers below 1e8 (before March 1973) are refused: in news data they are ids or years, not dates.
    """
    if math.isnan(seconds) or seconds < 1e8:
        return None
    if seconds > 1e11:
        seconds /= 1000
    if seconds > LATEST.timestamp():
        return None
    return check_range(pd.Timestamp(seconds, unit="s", tz="UTC"))


def build_timestamp(fields: Mapping[str, str | None]) -> pd.Timestamp | None:
    """The UTC timestamp for matched date fields (year, month or month_name, day, optional time and zone)."""
    month = MONTHS.get(fields["month_name"]) if fields.get("month_name") else int(fields["month"] or 0)
    if not month:
        return None
    hour = read_hour(fields.get("hour"), fields.get("meridiem"))
    if hour is None:
        return None
    fraction = (fields.get("fraction") or "").ljust(6, "0")[:6]
    try:
        moment = dt.datetime(
            int(fields["year"]),
            month,
            int(fields["day"]),
            hour,
            int(fields.get("minute") or 0),
            int(fields.get("second") or 0),
            int(fraction),
            tzinfo=read_zone(fields.get("zone")),
        )
    except ValueError:  # 31 February, minute 75 and the like
        return None
    return check_range(convert_to_utc(pd.Timestamp(moment)))


def read_hour(hour: str | None, meridiem: str | None) -> int | None:
    """The 24-hour clock hour for "4" + "pm"; None for impossible combinations such as "13 pm"."""
    if hour is None:
        return 0
    value = int(hour)
    if not meridiem:
        return value
    if not 1 <= value <= 12:
        return None
    return value % 12 + (12 if meridiem.startswith("p") else 0)


def read_zone(zone: str | None) -> dt.timezone:
    """The fixed-offset zone for "z", "utc", "gmt", "+03:00" or "+0300"; UTC when none is written."""
    if not zone or zone in ("z", "utc", "gmt"):
        return dt.UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def convert_to_utc(stamp: pd.Timestamp) -> pd.Timestamp:
    """The timestamp in UTC; a naive one is taken to be UTC already."""
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def check_range(stamp: pd.Timestamp) -> pd.Timestamp | None:
    """The timestamp if it falls between 1900 and 2100, else None (an implausible news date)."""
    return stamp if EARLIEST <= stamp <= LATEST else None


def parse_date_column(values: pd.Series) -> pd.Series:
    """Timestamps (datetime64[ns, UTC], NaT where empty or unreadable) for a column of dates, same index.

    Full ISO strings, by far the commonest case in tables, are parsed in one vectorised call; every other
    distinct value goes through `parse_date` once.
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values.dtype):
        stamps = pd.to_datetime(values, utc=True)
        return stamps.where((stamps >= EARLIEST) & (stamps <= LATEST)).astype(UTC_DTYPE)
    text = values.astype("string").str.strip()
    iso = text.str.fullmatch(_ISO_FULL).fillna(False).to_numpy(dtype=bool)
    parsed = pd.Series(pd.NaT, index=values.index, dtype=UTC_DTYPE)
    if iso.any():
        parsed[iso] = pd.to_datetime(text[iso], format="ISO8601", utc=True, errors="coerce").astype(UTC_DTYPE).array
    rest = ~iso & values.notna().to_numpy(dtype=bool)
    if rest.any():
        lookup = {value: parse_date(value) for value in pd.unique(values[rest])}
        parsed[rest] = pd.Series([lookup[value] for value in values[rest]], dtype=UTC_DTYPE).array
    return parsed.where((parsed >= EARLIEST) & (parsed <= LATEST))
