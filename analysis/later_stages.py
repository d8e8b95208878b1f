"""Glue for the analysis stages after mentions: quotes, sentiment, stance and relations."""

from __future__ import annotations


def load_later_stages(settings, registry) -> tuple:
    """The stage functions run after mentions, each (article_id, text, tables) -> tables."""
    return ()
