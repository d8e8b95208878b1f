"""A tiny hand-made corpus in the ActorLens table schema, for dashboard tests that must not run the pipeline."""

from __future__ import annotations

import pandas as pd

from analysis.schema import TABLES

ACTORS = {
    "vladimir_putin": ("Vladimir Putin", "person"),
    "joe_biden": ("Joe Biden", "person"),
    "volodymyr_zelensky": ("Volodymyr Zelensky", "person"),
    "russia": ("Russia", "country"),
}

# (article_id, title, source, published, duplicate_of, paragraphs); each paragraph is a list of sentences.
ARTICLES = [
    ("a1", "Putin weighs recognition", "Meridian Wire", "2022-02-21", "",
     [["Vladimir Putin said Russia would decide soon.", "Joe Biden warned of sanctions."],
      ['"We will respond firmly," Biden said.']]),
    ("a2", "Kremlin defends move", "The Volga Observer", "2022-02-22", "",
     [["Putin praised the decision.", "Volodymyr Zelensky condemned Russia."]]),
    ("a3", "Putin weighs recognition", "Capital Dispatch", "2022-02-21", "a1",
     [["Vladimir Putin said Russia would decide soon.", "Joe Biden warned of sanctions."]]),
    ("a4", "Kyiv appeals for help", "Eastern Frontier Daily", "2022-03-01", "",
     [["Zelensky asked Biden for help.", "Biden said diplomacy is still possible."],
      ['"This is a <script>alert(1)</script> moment," Zelensky said.']]),
    ("a5", "Live: day of talks", "Atlas Live", None, "",
     [["Putin met envoys.", "Russia said talks were useful."]]),
]

# (article_id, sentence_id, surface, actor_id, polarity)
MENTIONS = [
    ("a1", 0, "Vladimir Putin", "vladimir_putin", 0.1), ("a1", 0, "Russia", "russia", 0.1),
    ("a1", 1, "Joe Biden", "joe_biden", -0.2), ("a1", 2, "Biden", "joe_biden", 0.3),
    ("a2", 0, "Putin", "vladimir_putin", 0.5), ("a2", 1, "Volodymyr Zelensky", "volodymyr_zelensky", -0.4),
    ("a2", 1, "Russia", "russia", -0.4),
    ("a3", 0, "Vladimir Putin", "vladimir_putin", 0.1), ("a3", 1, "Joe Biden", "joe_biden", -0.2),
    ("a4", 0, "Zelensky", "volodymyr_zelensky", 0.0), ("a4", 0, "Biden", "joe_biden", 0.0),
    ("a4", 1, "Biden", "joe_biden", 0.2), ("a4", 2, "Zelensky", "volodymyr_zelensky", 0.6),
    ("a5", 0, "Putin", "vladimir_putin", 0.0), ("a5", 1, "Russia", "russia", 0.4),
]

# (article_id, sentence_id, speaker_id, text, kind, cue, polarity)
QUOTES = [
    ("a1", 2, "joe_biden", "We will respond firmly,", "direct", "said", 0.2),
    ("a4", 1, "joe_biden", "diplomacy is still possible", "indirect", "said", 0.1),
    ("a4", 2, "volodymyr_zelensky", "This is a <script>alert(1)</script> moment,", "direct", "said", 0.0),
    ("a5", 1, "russia", "talks were useful", "indirect", "said", 0.3),
]

# (article_id, sentence_id, actor_id, target_id, stance)
STANCES = [
    ("a1", 1, "joe_biden", "sanctions", "support"),
    ("a2", 0, "vladimir_putin", "recognition", "support"),
    ("a2", 1, "volodymyr_zelensky", "recognition", "oppose"),
    ("a3", 1, "joe_biden", "sanctions", "support"),
    ("a4", 1, "joe_biden", "diplomacy", "support"),
    ("a5", 1, "russia", "diplomacy", "neutral"),
]

# (article_id, sentence_id, source_actor_id, target_actor_id, relation, polarity)
RELATIONS = [
    ("a2", 1, "volodymyr_zelensky", "russia", "criticises", -1),
    ("a4", 0, "volodymyr_zelensky", "joe_biden", "asks", 0),
    ("a5", 0, "vladimir_putin", "russia", "meets", 0),
]

TARGET_NAMES = {"sanctions": "sanctions on Russia", "recognition": "recognition of DPR/LPR", "diplomacy": "diplomacy"}


def build_article(paragraphs: list[list[str]], title: str) -> tuple[str, list[tuple[int, int]]]:
    """Return the article text (title, blank line, paragraphs) and its sentence spans, headline excluded."""
    text = title
    spans = []
    for paragraph in paragraphs:
        text += "\n\n"
        for index, sentence in enumerate(paragraph):
            if index:
                text += " "
            spans.append((len(text), len(text) + len(sentence)))
            text += sentence
    return text, spans


def make_tables(*, extra_stances: tuple[tuple, ...] = ()) -> dict[str, pd.DataFrame]:
    """Return the five-article corpus as schema-shaped DataFrames, with `extra_stances` (rows as in STANCES)."""
    articles, sentences, texts = [], [], {}
    for article_id, title, source, published, duplicate_of, paragraphs in ARTICLES:
        text, spans = build_article(paragraphs, title)
        texts[article_id] = (text, spans)
        articles.append({"article_id": article_id, "title": title, "source": source, "byline": "",
                         "published": pd.Timestamp(published, tz="UTC") if published else pd.NaT,
                         "url": f"https://example.test/{article_id}", "text": text,
                         "n_words": len(text.split()), "duplicate_of": duplicate_of})
        for sentence_id, (start, end) in enumerate(spans):
            sentences.append({"article_id": article_id, "sentence_id": sentence_id, "start": start, "end": end,
                              "text": text[start:end], "polarity": 0.0, "subjectivity": 0.0})
    tables = {
        "articles": pd.DataFrame(articles),
        "sentences": pd.DataFrame(sentences),
        "mentions": pd.DataFrame([make_mention(row, texts) for row in MENTIONS]),
        "quotes": pd.DataFrame([make_quote(index, row, texts) for index, row in enumerate(QUOTES)]),
        "stances": pd.DataFrame([make_stance(row, texts) for row in [*STANCES, *extra_stances]]),
        "relations": pd.DataFrame([make_relation(row, texts) for row in RELATIONS]),
    }
    tables["articles"]["published"] = pd.to_datetime(tables["articles"]["published"], utc=True)
    return {name: frame[list(TABLES[name])] for name, frame in tables.items()}


def find_span(texts: dict, article_id: str, sentence_id: int, surface: str) -> tuple[int, int]:
    """Return the offsets of surface's first occurrence inside the given sentence."""
    text, spans = texts[article_id]
    start, end = spans[sentence_id]
    offset = text.index(surface, start, end)
    return offset, offset + len(surface)


def make_mention(row: tuple, texts: dict) -> dict:
    """Return one mention row."""
    article_id, sentence_id, surface, actor_id, polarity = row
    start, end = find_span(texts, article_id, sentence_id, surface)
    name, actor_type = ACTORS[actor_id]
    return {"article_id": article_id, "sentence_id": sentence_id, "actor_id": actor_id, "actor": name,
            "actor_type": actor_type, "surface": surface, "start": start, "end": end, "method": "alias",
            "registered": True, "polarity": polarity, "subjectivity": 0.5}


def make_quote(index: int, row: tuple, texts: dict) -> dict:
    """Return one quote row."""
    article_id, sentence_id, speaker_id, text, kind, cue, polarity = row
    start, end = find_span(texts, article_id, sentence_id, text)
    return {"article_id": article_id, "quote_id": index, "sentence_id": sentence_id, "speaker_id": speaker_id,
            "speaker": ACTORS[speaker_id][0], "text": text, "kind": kind, "cue": cue, "start": start,
            "end": end, "polarity": polarity, "subjectivity": 0.5}


def make_stance(row: tuple, texts: dict) -> dict:
    """Return one stance row."""
    article_id, sentence_id, actor_id, target_id, stance = row
    text, spans = texts[article_id]
    start, end = spans[sentence_id]
    return {"article_id": article_id, "sentence_id": sentence_id, "actor_id": actor_id, "actor": ACTORS[actor_id][0],
            "target_id": target_id, "target": TARGET_NAMES[target_id], "stance": stance, "confidence": 0.8,
            "cue": "", "evidence": text[start:end]}


def make_relation(row: tuple, texts: dict) -> dict:
    """Return one relation row."""
    article_id, sentence_id, source_id, target_id, relation, polarity = row
    text, spans = texts[article_id]
    start, end = spans[sentence_id]
    return {"article_id": article_id, "sentence_id": sentence_id, "source_actor_id": source_id,
            "source_actor": ACTORS[source_id][0], "target_actor_id": target_id, "target_actor": ACTORS[target_id][0],
            "relation": relation, "polarity": polarity, "cue": relation, "evidence": text[start:end]}


def write_results_folder(folder, *, years_earlier: int = 0, extra_stances: tuple[tuple, ...] = (),
                         settings: dict | None = None, fingerprint: str = "") -> str:
    """Write the tiny corpus as an ActorLens results folder (as the CLI would) and return its path.

    years_earlier moves every publication date back by that many years (for corpora older than the app's defaults);
    extra_stances are stance rows added to STANCES; settings are added to the manifest's settings (such as the
    rule files' paths) and fingerprint is the manifest's.
    """
    from analysis.ingest import Problem
    from analysis.store import Results, write_results

    problems = (Problem("bad.csv", "row 3", "empty text - skipped"),)
    tables = make_tables(extra_stances=extra_stances)
    tables["articles"]["published"] -= pd.DateOffset(years=years_earlier)
    results = Results(**tables, problems=problems, summary="Articles read: 6\nArticles kept: 5")
    manifest = {"settings": {"sentiment": "textblob", "output_format": "parquet", **(settings or {})},
                "fingerprint": fingerprint, "summary": results.summary}
    write_results(results, folder, fmt="parquet", manifest=manifest)
    return str(folder)
