"""Web addresses: a normal form for stable article ids, and the outlet name behind a domain."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


def extract_domain(url: str) -> str:
    """The lowercase host of `url` without "www." ("" when there is none)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:  # malformed, e.g. an unclosed IPv6 bracket
        return ""
    return host.removeprefix("www.")


def normalise_domain(domain: str) -> str:
    """A domain as written in data/outlets.yaml or a source column, lowercased and without "www."."""
    return domain.strip().lower().removeprefix("www.")


def name_outlet(url: str, outlets: Mapping[str, str]) -> str:
    """The outlet name for the domain of `url` or a parent domain (amp.theguardian.com), else the domain."""
    domain = extract_domain(url)
    return lookup_outlet(domain, outlets) or domain


def lookup_outlet(domain: str, outlets: Mapping[str, str]) -> str:
    """The outlet name for `domain` or one of its parent domains, "" when none is listed."""
    labels = normalise_domain(domain).split(".")
    for start in range(len(labels) - 1):
        name = outlets.get(".".join(labels[start:]))
        if name:
            return name
    return ""


def normalise_url(url: str) -> str:
    """`url` in a normal form: https, lowercase host without "www.", no fragment, utm_ parameter or last "/".

    http and https count as the same address so an article keeps its id whichever link was saved.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.netloc:
        return url.rstrip("/")
    scheme = "https" if parts.scheme.lower() in ("http", "https", "") else parts.scheme.lower()
    host = parts.netloc.lower().removeprefix("www.")
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_")
    ]
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, host, path, urlencode(query), ""))
