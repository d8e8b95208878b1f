"""Tests for analysis/article_format.py: the Markdown / plain-text article format."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.article_format import clean_inline, clean_markdown_body, parse_article_text

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_e834a8d547207d18.txt"
OUTLETS = {"meridianwire.example": "Meridian Wire", "themoscowtimes.com": "The Moscow Times"}

# Written for these tests (fictional events); it has every feature of the sample-corpus format.
HARBOUR_ARTICLE = """

# Harbour Council Weighs Ferry Subsidy Request

By [Meridian Wire](#)

March 3, 2022



Councillors met on Thursday to debate the ferry request. [harbourphotos.example](#)

The Harbour Council said Thursday it was weighing a request from ferry operators for an emergency subsidy.

Councillors met on Thursday to debate the ferry request.

"We will study the figures with care, keeping

in view the needs of island families," council chair Mara Velin said.

**Related article: [Ferry Fares Climb Again](#)**

Operators say fuel costs have risen by a **third** since January, and *some* routes may close.

Read the [full statement](https://example.org/statement?id=4) online.

Original url:

<https://www.meridianwire.example/2022/03/03/harbour-council-ferry-subsidy>
"""

HARBOUR_BODY = (
    "Councillors met on Thursday to debate the ferry request.\n\n"
    "The Harbour Council said Thursday it was weighing a request from ferry operators for an "
    "emergency subsidy."
    "\n\nCouncillors met on Thursday to debate the ferry request."
    '\n\n"We will study the figures with care, keeping in view the needs of island families,"'
    " council chair Mara Velin said."
    "\n\nOperators say fuel costs have risen by a third since January, and some routes may close."
    "\n\nRead the full statement online."
)


def test_parse_article_text_reads_every_field_of_the_sample_format() -> None:
    article = parse_article_text(HARBOUR_ARTICLE, outlets=OUTLETS)
    assert article.title == "Harbour Council Weighs Ferry Subsidy Request"
    assert article.byline == "Meridian Wire"
    assert article.published == pd.Timestamp("2022-03-03", tz="UTC")
    assert article.url == "https://www.meridianwire.example/2022/03/03/harbour-council-ferry-subsidy"
    assert article.source == "Meridian Wire"
    assert article.body == HARBOUR_BODY
    assert article.notices == ()


def test_parse_article_text_reports_missing_byline_and_date() -> None:
    text = "# Quiet Day at the Port\n\nNothing moved in the harbour on Sunday.\n"
    article = parse_article_text(text, outlets=OUTLETS)
    assert (article.title, article.byline, article.published, article.url, article.source) == (
        "Quiet Day at the Port",
        "",
        None,
        "",
        "",
    )
    assert article.body == "Nothing moved in the harbour on Sunday."
    assert article.notices == ("no byline found - kept without one", "no date found - kept without a date")


def test_plain_text_takes_the_first_line_as_title() -> None:
    text = "Ferry Strike Ends\n21 Feb 2022\nCrews returned to work on Monday.\nThe first boat left at six.\n"
    article = parse_article_text(text, outlets=OUTLETS)
    assert article.title == "Ferry Strike Ends"
    assert article.published == pd.Timestamp("2022-02-21", tz="UTC")
    assert article.body == "Crews returned to work on Monday.\n\nThe first boat left at six."
    assert article.notices == ()


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    text = "Talks Collapse\n\nBy the end of Monday, the talks had collapsed.\n"
    article = parse_article_text(text, outlets=OUTLETS)
    assert article.byline == ""
    assert article.body == "By the end of Monday, the talks had collapsed."


def test_url_on_the_same_line_and_unknown_domain() -> None:
    text = "# T\n\nBy Jane Roe\n\nFeb. 21, 2022\n\nBody.\n\nOriginal url: https://news.example.org/a/\n"
    article = parse_article_text(text, outlets=OUTLETS)
    assert (article.byline, article.url, article.source) == (
        "Jane Roe",
        "https://news.example.org/a/",
        "news.example.org",
    )


def test_html_remnants_are_removed_with_a_notice() -> None:
    text = (
        "# T\n\nBy AP\n\nFebruary 21, 2022\n\n<p>Fish &amp; chips</p><script>track();</script><p>Second&nbsp;one.</p>"
    )
    article = parse_article_text(text, outlets=OUTLETS)
    assert article.body == "Fish & chips\n\nSecond one."
    assert article.notices == ("HTML markup removed",)


def test_clean_markdown_body_keeps_captions_and_drops_rules_and_list_markers() -> None:
    body, cleaned_html = clean_markdown_body(
        "A boat in fog. [photo.example](#)\n\n---\n\n- First item\n- Second item\n\n## Subhead"
    )
    assert body == "A boat in fog.\n\nFirst item\n\nSecond item\n\nSubhead"
    assert cleaned_html is False


def test_clean_inline_removes_markdown() -> None:
    assert clean_inline("![map](x.png) See [the *map*](https://a.example/(b)) and **bold** \\*stars\\*") == (
        "See the map and bold *stars*"
    )
    assert clean_inline("5 * 3 = 15 and 2*x") == "5 * 3 = 15 and 2*x"


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_article() -> None:
    article = parse_article_text(SEED.read_text(encoding="utf-8"), outlets=OUTLETS)
    assert article.title == "Putin Says Considering Ukraine Separatists' Independence Request"
    assert article.byline == "AFP"
    assert article.source == "The Moscow Times"
    assert article.published == pd.Timestamp("2022-02-21", tz="UTC")
    assert article.url == (
        ""
        "https://www.themoscowtimes.com/2022/02/21/putin-says-considering-ukraine-separatists-independence-request-a76496"
    )
    assert "Related article" not in article.body
    assert "kremlin.ru" not in article.body
    assert "bearing in mind both the appeals" in article.body
    assert article.body.startswith(
        "The rebel leaders of Donetsk and Lugansk made a coordinated appeal to Putin for Moscow to recognize them "
        "earlier on Monday.\n\nRussian President Vladimir Putin said Monday"
    )
    assert article.body.endswith("Russia has denied planning an invasion.")
    assert "\n\n\n" not in article.body
    assert article.notices == ()
