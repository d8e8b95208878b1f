"""Parse a saved web page into article fields with trafilatura, taking dates only from explicit metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

import pandas as pd

from analysis.article_format import ParsedArticle
from analysis.dates import parse_date
from analysis.text_clean import join_broken_paragraphs, split_paragraphs
from analysis.urls import extract_domain, lookup_outlet

# Meta tags that state the publication date, most specific first (name, property or itemprop, lowercase).
PUBLISHED_META_KEYS: tuple[str, ...] = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "publication_date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)


def parse_html_article(data: bytes, *, outlets: Mapping[str, str]) -> ParsedArticle | None:
    """The main text and metadata of a web page; None when it holds no article text.

    trafilatura finds the text, title, address, author and site name. Its date finder is not used: even
    with extensive search off, htmldate falls back to dates spotted in the page text (a guess), so the date
    comes only from explicit publication metadata (meta tags, JSON-LD, <time itemprop="datePublished">).
    """
    import trafilatura  # imported here: it is slow to load and only HTML input needs it

    tree = trafilatura.load_html(data)
    if tree is None:
        return None
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        return None
    title = " ".join((document.title or "").split())
    paragraphs = split_paragraphs(document.text)
    if paragraphs and paragraphs[0] == title:  # trafilatura repeats the headline as the first line
        paragraphs = paragraphs[1:]
    url = document.url or ""
    published = find_published_date(tree)
    source = lookup_outlet(extract_domain(url), outlets) or document.sitename or extract_domain(url)
    notices = () if published is not None else ("no publication date in the page metadata - kept without a date",)
    return ParsedArticle(
        title=title,
        body="\n\n".join(join_broken_paragraphs(paragraphs)),
        byline=document.author or "",
        published=published,
        url=url,
        source=source or "",
        notices=notices,
    )


def find_published_date(tree: object) -> pd.Timestamp | None:
    """The publication date stated in a page's meta tags, JSON-LD or <time> markup, else None."""
    for value in iterate_published_values(tree):
        stamp = parse_date(value)
        if stamp is not None:
            return stamp
    return None


def iterate_published_values(tree: object) -> Iterator[str]:
    """Candidate publication date strings in order of trust: meta tags, JSON-LD, then microdata."""
    metas = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and meta.get("content"):
            metas.setdefault(key, meta.get("content"))
    yield from (metas[key] for key in PUBLISHED_META_KEYS if key in metas)
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            yield from iterate_json_dates(json.loads(script.text or ""))
        except ValueError:
            continue
    for element in tree.iterfind('.//*[@itemprop="datePublished"]'):
        value = element.get("datetime") or element.get("content")
        if value:
            yield value


def iterate_json_dates(value: object) -> Iterator[str]:
    """Every "datePublished" string inside a JSON-LD value (objects, lists and @graph nest freely)."""
    if isinstance(value, dict):
        if isinstance(value.get("datePublished"), str):
            yield value["datePublished"]
        for child in value.values():
            yield from iterate_json_dates(child)
    elif isinstance(value, list):
        for child in value:
            yield from iterate_json_dates(child)
