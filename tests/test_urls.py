"""Tests for analysis/urls.py: domains, outlet names and URL normal form."""

from __future__ import annotations

from analysis.urls import extract_domain, lookup_outlet, name_outlet, normalise_url

OUTLETS = {"theguardian.com": "The Guardian", "bbc.co.uk": "BBC"}


def test_extract_domain() -> None:
    assert extract_domain("https://WWW.TheGuardian.com/world/2022") == "theguardian.com"
    assert extract_domain("not a url") == ""
    assert extract_domain("http://[::1") == ""


def test_name_outlet_tries_parent_domains_and_falls_back_to_the_domain() -> None:
    assert name_outlet("https://amp.theguardian.com/x", OUTLETS) == "The Guardian"
    assert name_outlet("https://www.bbc.co.uk/news/1", OUTLETS) == "BBC"
    assert name_outlet("https://co.uk/x", OUTLETS) == "co.uk"
    assert name_outlet("https://www.meduza.io/en/a", OUTLETS) == "meduza.io"
    assert lookup_outlet("www.BBC.co.uk ", OUTLETS) == "BBC"
    assert lookup_outlet("Harbour Post", OUTLETS) == ""


def test_normalise_url() -> None:
    assert normalise_url("HTTP://WWW.Example.org/News/A/?utm_source=tw&id=3&UTM_medium=x#part") == (
        "https://example.org/News/A?id=3"
    )
    assert normalise_url("https://example.org/") == "https://example.org"
    assert normalise_url("example.org/a/") == "example.org/a"
