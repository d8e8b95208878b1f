"""Shared test fixtures: paths, the compiled actor matcher, and a helper to analyse one text."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.pipeline import Settings, article_tables, load_resources

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT.parent / "shared" / "seeds" / "000_e834a8d547207d18.txt"
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def resources():
    """Default resources (registry, matcher, later stages) compiled once for the whole test session."""
    return load_resources(Settings(ner_model=""))


@pytest.fixture(scope="session")
def analyse(resources):
    """A function that runs the full per-article pipeline on a text."""

    def run(text: str, article_id: str = "a1"):
        return article_tables(article_id, text, resources)

    return run


@pytest.fixture(scope="session")
def crisis_text() -> str:
    """The cleaned text of tests/data/crisis_article.md, as ingest produces it."""
    from analysis.ingest import read_corpus

    return read_corpus([TEST_DATA / "crisis_article.md"]).articles.iloc[0]["text"]
