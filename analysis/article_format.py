"""Parse one article written as Markdown or plain text (the sample-corpus format) into its fields."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.dates import parse_date_text
from analysis.text_clean import has_markup, join_broken_paragraphs, split_paragraphs, strip_html
from analysis.urls import name_outlet

# A line that carries the original address, alone ("Original url:") or followed by it.
_URL_LABEL = re.compile(r"^\s*original\s+url\s*:\s*(?P<url>\S*)\s*$", re.I)
_BYLINE = re.compile(r"^by\s+(?P<name>.+)$", re.I)
_MAX_BYLINE_CHARS = 120
_SENTENCE_END = (".", "!", "?")
# "[kremlin.ru](#)" closing a photo caption: a credit, not part of the story.
_CREDIT = re.compile(r"\s*\[[^\]\n]*\]\(#\)\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]+)>")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_PARKED = 0xE000
# Every inline rule below needs one of these characters (escapes, links, images, autolinks, emphasis).
_MARKUP_CHARACTER = re.compile(r"[\\\[<*]")
_PARKED_CHAR = re.compile("[\ue000-\ue07f]")
_BLOCK_MARKER = re.compile(r"^(?:#{1,6}\s+|>\s?|[-*+]\s+)")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
# Cross-promotion lines between paragraphs ("**Related article: [...](#)**", "Read more: ...").
_BOILERPLATE = re.compile(r"^\W*(?:related articles?|related|read more|see also)\s*:", re.I)
_LIST_ITEM_BREAK = re.compile(r"\n(?=[ \t]*[-*+][ \t]+\S)")


@dataclass(frozen=True)
class ParsedArticle:
    """The fields of one article file; `notices` says what was missing or cleaned, in plain words."""

    title: str
    body: str
    byline: str
    published: pd.Timestamp | None
    url: str
    source: str
    notices: tuple[str, ...]


def parse_article_text(text: str, *, outlets: Mapping[str, str]) -> ParsedArticle:
    """The fields of an article in the sample-corpus format, or of plain text (first line = title).

    Format: "# Title", an optional "By [Agency](#)" line, an optional date line, body paragraphs, then
    "Original url:" and "<url>". The source is the outlet named for the URL's domain in `outlets`.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    markdown_title = find_first_content_line(lines).startswith("# ")
    title, rest = split_title(lines)
    byline, published, rest = read_header(rest)
    body_lines, url = split_url_footer(rest)
    body, cleaned_html = clean_markdown_body("\n".join(body_lines))
    notices = []
    if not body and title and not markdown_title:  # a plain text of one paragraph: the text, not a title
        (body, cleaned_html), title = clean_markdown_body(title), ""
        notices.append("one paragraph only - read as the text, without a title")
    if markdown_title and not byline:
        notices.append("no byline found - kept without one")
    if published is None:
        notices.append("no date found - kept without a date")
    if cleaned_html:
        notices.append("HTML markup removed")
    return ParsedArticle(
        title=clean_inline(title),
        body=body,
        byline=byline,
        published=published,
        url=url,
        source=name_outlet(url, outlets) if url else "",
        notices=tuple(notices),
    )


def find_first_content_line(lines: Sequence[str]) -> str:
    """The first line that is not blank, stripped ("" if none)."""
    return next((line.strip() for line in lines if line.strip()), "")


def split_title(lines: Sequence[str]) -> tuple[str, list[str]]:
    """The title (first non-blank line, "# " removed) and the lines after it."""
    for index, line in enumerate(lines):
        if line.strip():
            return line.strip().removeprefix("# ").strip(), list(lines[index + 1 :])
    return "", []


def read_header(lines: Sequence[str]) -> tuple[str, pd.Timestamp | None, list[str]]:
    """The byline and date in the lines after the title (either may be absent), and the lines after."""
    byline, published = "", None
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        match = _BYLINE.match(line)
        if not line:
            index += 1
        elif not byline and match and len(line) <= _MAX_BYLINE_CHARS and not line.endswith(_SENTENCE_END):
            byline = clean_inline(match["name"])
            index += 1
        elif published is None and (stamp := parse_date_text(clean_inline(line))) is not None:
            published = stamp
            index += 1
        else:
            break
    return byline, published, list(lines[index:])


def split_url_footer(lines: Sequence[str]) -> tuple[list[str], str]:
    """The body lines before an "Original url:" footer, and the address it gives ("" if none)."""
    for index, line in enumerate(lines):
        match = _URL_LABEL.match(line)
        if match:
            url = match["url"] or find_first_content_line(lines[index + 1 :])
            return list(lines[:index]), url.strip("<>")
    return list(lines), ""


def clean_markdown_body(markdown: str) -> tuple[str, bool]:
    """Plain body text (paragraphs joined by one blank line) and whether HTML markup was removed.

    Drops photo credits, cross-promotion lines and horizontal rules; keeps link text; removes emphasis;
    rejoins paragraphs broken mid-sentence. A caption stays: it may be the only place a fact is stated.
    """
    cleaned_html = has_markup(markdown)
    if cleaned_html:
        markdown = strip_html(markdown)
    paragraphs = []
    for raw in split_paragraphs(_LIST_ITEM_BREAK.sub("\n\n", markdown)):
        paragraph = clean_inline(_BLOCK_MARKER.sub("", _CREDIT.sub("", raw) if "](#)" in raw else raw))
        if paragraph and not _BOILERPLATE.match(paragraph) and not _RULE.match(raw):
            paragraphs.append(paragraph)
    return "\n\n".join(join_broken_paragraphs(paragraphs)), cleaned_html


def clean_inline(text: str) -> str:
    """`text` with Markdown images dropped, links reduced to their text, emphasis and escapes removed."""
    if _MARKUP_CHARACTER.search(text) is None:  # most paragraphs of plain-text articles: nothing to undo
        return " ".join(text.split())
    # Escaped characters ("\\*") are parked in the private-use area so no rule below treats them as markup.
    text = _ESCAPED.sub(lambda match: chr(_PARKED + ord(match[1])), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _STRONG.sub(r"\1", text).replace("**", "")
    text = _EMPHASIS.sub(r"\1", text)
    text = _PARKED_CHAR.sub(lambda match: chr(ord(match[0]) - _PARKED), text)
    return " ".join(text.split())
