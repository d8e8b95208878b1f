"""Text clean-up shared by every input format: decoding, HTML remnants, paragraphs and over-long texts."""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Sequence

MAX_TEXT_CHARS = 1_000_000
MAX_TITLE_CHARS = 1_000  # a longer "title" is a text put in the wrong column
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
    """True when the start of `data` is not text: a known binary signature, NUL bytes in more than a tenth of
    it (UTF-16 without a byte-order mark, images; a stray NUL in a text file does not count, see
    `remove_nul_characters`) or many other control characters (compressed data)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:sample_size]
    if sample.startswith(BINARY_SIGNATURES) or sample.count(b"\x00") > 0.1 * max(len(sample), 1):
        return True
    controls = sum(sample.count(bytes([code])) for code in (*range(1, 9), *range(14, 32), 127))
    return controls > 0.05 * max(len(sample), 1)


# Starts of files that are no text whatever their name says, and what each one is.
BINARY_KINDS: dict[bytes, str] = {
    b"\x1f\x8b": "a gzip-compressed file, unpack it first",
    b"PK\x03\x04": "a zip archive or office document: name an archive .zip, save a spreadsheet as CSV",
    b"%PDF": "a PDF document",
    b"PAR1": "a Parquet file: name it .parquet",
}
# The signatures that make a file binary by themselves: their control bytes never start a text file ("%PDF"
# or "PAR1" could, so those files count as binary only by their contents).
BINARY_SIGNATURES: tuple[bytes, ...] = (b"\x1f\x8b", b"PK\x03\x04")


def describe_binary(data: bytes) -> str:
    """What a file that `looks_binary` probably is, for the message that skips it."""
    for signature, kind in BINARY_KINDS.items():
        if data.startswith(signature):
            return kind
    sample = data[:8192]
    if len(sample) >= 2 and max(sample[0::2].count(0), sample[1::2].count(0)) > 0.4 * (len(sample) // 2):
        return "UTF-16 text without a byte-order mark, save it as UTF-8"
    return "binary data"


def decode_lines(data: bytes) -> tuple[str, str, list[int]]:
    """Like `decode_bytes`, but a file that is UTF-8 except for some lines keeps its UTF-8 lines: only the
    lines that are not UTF-8 are decoded as cp1252 (else latin-1). Returns the text, the encoding ("utf-8",
    "utf-16", "cp1252", "latin-1", or "mixed") and, for "mixed", the 1-based numbers of the lines decoded
    the other way."""
    text, encoding = decode_bytes(data)
    if encoding in ("utf-8", "utf-16"):
        return text, encoding, []
    lines = data.splitlines(keepends=True)
    utf8_lines, other_lines, parts = 0, [], []
    for number, line in enumerate(lines, start=1):
        try:
            parts.append(line.decode("utf-8-sig" if number == 1 else "utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            parts.append(decode_bytes(line)[0])
            other_lines.append(number)
    if not utf8_lines:  # no line needs UTF-8: the whole file is in the other encoding
        return text, encoding, []
    return "".join(parts), "mixed", other_lines


def remove_nul_characters(text: str) -> tuple[str, list[int]]:
    """The text without NUL characters, and the 1-based numbers of the lines that held any."""
    if "\x00" not in text:
        return text, []
    lines = text.split("\n")
    numbers = [number for number, line in enumerate(lines, start=1) if "\x00" in line]
    return text.replace("\x00", ""), numbers


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


# A live blog's entry stamp as exports write it before the entry's headline and text on one line
# ("26 Jul 2022 23.36 First Russian train reaches Kaliningrad, governor says The first train …").
_LIVE_STAMP = re.compile(r"(\d{1,2} [A-Z][a-z]{2} \d{4} \d{1,2}[.:]\d{2}) (?=\S)")


def separate_live_stamps(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs with a live blog's opening entry stamp set apart as a paragraph of its own, so that it
    starts no sentence ("23.36 First Russian train …" is no statement)."""
    separated: list[str] = []
    for paragraph in paragraphs:
        stamp = _LIVE_STAMP.match(paragraph)
        separated += [stamp.group(1), paragraph[stamp.end() :]] if stamp else [paragraph]
    return separated


def clean_body(text: str) -> tuple[str, bool]:
    """Plain body text with paragraphs separated by one blank line, and whether HTML markup was removed."""
    markup = has_markup(text)
    if markup:
        text = strip_html(text)
    return "\n\n".join(separate_live_stamps(join_broken_paragraphs(split_paragraphs(text)))), markup


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
