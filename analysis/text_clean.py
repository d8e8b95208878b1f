"""Text clean-up shared by every input format: decoding, HTML remnants, paragraphs and over-long texts."""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Sequence

MAX_TEXT_CHARS = 1_000_000
FALLBACK_ENCODINGS: tuple[str, ...] = ("cp1252", "latin-1")

# Characters that render as nothing and would split or glue words invisibly.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff\xad]")
_SCRIPT_BLOCK = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|tr|table|section|article|figure)\b[^>]*>", re.I)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>")
# An HTML tag or an entity such as &amp; &#8217; &nbsp; (a bare "&" in "AT&T" is ordinary text).
_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\xa0]*\n")
# A paragraph that ends a sentence: terminal punctuation, then optionally closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019\u00bb)\]]*$")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text of `data` and its encoding: UTF-8 (BOM dropped), UTF-16 with a BOM, else cp1252, else latin-1.

    latin-1 maps every byte, so decoding always succeeds; callers check `looks_binary` first.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def looks_binary(data: bytes, *, sample_size: int = 8192) -> bool:
    """True when the start of `data` holds NUL bytes or many control characters: not a text file."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:sample_size]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([code])) for code in (*range(1, 9), *range(14, 32), 127))
    return controls > 0.05 * max(len(sample), 1)


def has_markup(text: str) -> bool:
    """True when `text` contains HTML tags or entities."""
    return _MARKUP.search(text) is not None


def strip_html(text: str) -> str:
    """`text` without scripts, styles, comments or tags, entities unescaped; block tags end paragraphs."""
    text = _SCRIPT_BLOCK.sub(" ", text)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = _LINE_BREAK.sub("\n", text)
    return html.unescape(_ANY_TAG.sub("", text))


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of `text`, whitespace collapsed, empty ones dropped.

    Blank lines separate paragraphs; a text without any blank line is taken to hold one paragraph per line.
    Inside a paragraph, single line breaks are soft wraps.
    """
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [" ".join(block.split()) for block in blocks if block and not block.isspace()]


def join_broken_paragraphs(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs with each one broken mid-sentence rejoined to the next by a single space.

    A paragraph is broken when it lacks terminal punctuation and the next one starts with a lowercase letter.
    """
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and paragraph[:1].islower() and not _SENTENCE_END.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def clean_body(text: str) -> tuple[str, bool]:
    """Plain body text with paragraphs separated by one blank line, and whether HTML markup was removed."""
    markup = has_markup(text)
    if markup:
        text = strip_html(text)
    return "\n\n".join(join_broken_paragraphs(split_paragraphs(text))), markup


def truncate_text(text: str, *, limit: int = MAX_TEXT_CHARS) -> str:
    """`text` cut to at most `limit` characters, at the last paragraph or word break before the limit."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if text[limit].isspace():
        return head.rstrip()
    for separator in ("\n\n", " "):
        cut = head.rfind(separator)
        if cut > limit // 2:
            return head[:cut].rstrip()
    return head
