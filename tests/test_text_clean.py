"""Tests for analysis/text_clean.py: decoding, HTML remnants, paragraphs and truncation."""

from __future__ import annotations

import pytest

from analysis.text_clean import (
    clean_body,
    decode_bytes,
    has_markup,
    join_broken_paragraphs,
    looks_binary,
    split_paragraphs,
    strip_html,
    truncate_text,
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café – “quoted”".encode(), ("Café – “quoted”", "utf-8")),
        (b"\xef\xbb\xbfWith BOM", ("With BOM", "utf-8")),
        ("Café – “quoted”".encode("cp1252"), ("Café – “quoted”", "cp1252")),
        (b"Byte \x81 only latin-1 maps", ("Byte \x81 only latin-1 maps", "latin-1")),
        ("Ünïcode".encode("utf-16"), ("Ünïcode", "utf-16")),
    ],
)
def test_decode_bytes_falls_back_through_the_encodings(data: bytes, expected: tuple[str, str]) -> None:
    assert decode_bytes(data) == expected


def test_looks_binary() -> None:
    assert looks_binary(bytes(range(256)) * 4)
    assert looks_binary(b"PK\x03\x04" + bytes([7, 1, 2, 3]) * 10)
    assert not looks_binary("title,text\nA,Café\n".encode())
    assert not looks_binary("text".encode("utf-16"))


def test_strip_html_removes_scripts_tags_and_entities() -> None:
    html = (
        "<div><p>Fish &amp; chips<br>tonight</p><script>var a = '<p>';</script><!-- note --><p>Done&nbsp;now</p></div>"
    )
    assert split_paragraphs(strip_html(html)) == ["Fish & chips tonight", "Done now"]
    assert has_markup("AT&T said <b>no</b>")
    assert not has_markup("AT&T said 3 < 4 and <https://example.org>")


def test_split_paragraphs_blank_lines_or_one_per_line() -> None:
    assert split_paragraphs("One\nwrapped.\n \nTwo.\r\n\r\n\r\nThree\u200b.") == [
        "One wrapped.",
        "Two.",
        "Three.",
    ]
    assert split_paragraphs("First line.\nSecond line.\n") == ["First line.", "Second line."]
    assert split_paragraphs("  \n\n ") == []


def test_join_broken_paragraphs() -> None:
    paragraphs = [
        '"We go on, bearing',
        "in mind the risk,\u201d he said.",
        "next starts lower.",
        "Then:",
        "a list",
        "Ends here.\u201d",
        "quietly",
        "No stop",
        "Capital start",
    ]
    assert join_broken_paragraphs(paragraphs) == [
        '"We go on, bearing in mind the risk,\u201d he said.',
        "next starts lower.",
        "Then:",
        "a list",
        "Ends here.\u201d",
        "quietly",
        "No stop",
        "Capital start",
    ]


def test_clean_body_reports_markup() -> None:
    assert clean_body("<p>A &lt;b&gt; sign</p>") == ("A <b> sign", True)
    assert clean_body("Plain,\n\nsplit text.") == ("Plain, split text.", False)


def test_truncate_text_cuts_at_a_break() -> None:
    text = "First paragraph here.\n\nSecond paragraph is longer."
    assert truncate_text(text, limit=100) == text
    assert truncate_text(text, limit=40) == "First paragraph here."
    assert truncate_text("word " * 20, limit=22) == "word word word word"
    assert truncate_text("x" * 30, limit=10) == "x" * 10


def test_a_live_blog_entry_stamp_is_a_paragraph_of_its_own() -> None:
    # a review of the Guardian/NYT corpus: "26 Jul 2022 23.36 First Russian train reaches Kaliningrad, governor
    # says …" made the stamp part of the governor's statement
    text = "Intro.\n\n26 Jul 2022 23.36 First train reaches Kaliningrad, governor says The first train arrived.\n\n"
    body, _ = clean_body(text + "On 26 Jul 2022 12.00 nothing happened.")
    assert body.split("\n\n") == [
        "Intro.",
        "26 Jul 2022 23.36",
        "First train reaches Kaliningrad, governor says The first train arrived.",
        "On 26 Jul 2022 12.00 nothing happened.",
    ]
