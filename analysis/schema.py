"""Column names of every table ActorLens writes; the dashboard and other tools rely on them."""

from __future__ import annotations

ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id",  # str, stable: from the URL, else the normalised title and text
    "title",  # str
    "source",  # str, outlet name (from the URL's domain via data/outlets.yaml, or the table's column)
    "byline",  # str, "" when unknown
    "published",  # datetime64[ns, UTC], NaT when no date was found (never guessed)
    "url",  # str, "" when unknown
    "text",  # str, headline + blank line + cleaned body; every offset in other tables indexes into it
    "n_words",  # int, whitespace-separated words in text
    "duplicate_of",  # str, article_id of the first near-duplicate (similarity >= 0.9), "" for originals
)

SENTENCE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "sentence_id",  # int, 0-based position within the article
    "start",  # int, offset into articles.text
    "end",  # int, exclusive
    "text",  # str, == articles.text[start:end]
    "polarity",  # float -1..1
    "subjectivity",  # float 0..1
)

# The actor_id / speaker_id prefix of an actor found outside the registry: "unregistered:<name>".
UNREGISTERED_PREFIX = "unregistered:"

MENTION_COLUMNS: tuple[str, ...] = (
    "article_id",
    "sentence_id",
    "actor_id",  # registry id, or "unregistered:<name>" for actors found outside the registry
    "actor",  # display name
    "actor_type",  # person, country, government body, organisation, armed group, region, bloc, ...
    "surface",  # str, == articles.text[start:end]
    "start",
    "end",
    "method",  # alias | metonym | short_name | title | pronoun | ner | candidate
    "registered",  # bool
    "polarity",  # float -1..1, of the mention's context (see README)
    "subjectivity",  # float 0..1
)

QUOTE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "quote_id",  # int, 0-based within the article
    "sentence_id",  # int, sentence where the quote starts
    "speaker_id",  # registry id, "unregistered:<name>", or "" when unattributed
    "speaker",  # display name or raw name, "" when unattributed
    "text",  # quoted words (direct/partial/scare) or reported content (indirect), without quote marks
    "kind",  # direct | partial | scare | indirect
    "cue",  # the verb or phrase that attributes it ("said", "according to"), "" if none
    "start",  # offsets of text in articles.text
    "end",
    "polarity",
    "subjectivity",
)

STANCE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "sentence_id",
    "actor_id",
    "actor",
    "target_id",
    "target",
    "stance",  # support | oppose | neutral
    "confidence",  # float 0..1
    "cue",
    "evidence",  # the sentence text
)

RELATION_COLUMNS: tuple[str, ...] = (
    "article_id",
    "sentence_id",
    "source_actor_id",
    "source_actor",
    "target_actor_id",
    "target_actor",
    "relation",  # accuses | criticises | denies | supports | asks | threatens | meets
    "polarity",  # int -1, 0, +1
    "cue",
    "evidence",
)

TABLES: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "stances": STANCE_COLUMNS,
    "relations": RELATION_COLUMNS,
}

MENTION_METHODS: tuple[str, ...] = ("alias", "metonym", "short_name", "title", "pronoun", "ner", "candidate")
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "scare", "indirect")
STANCES: tuple[str, ...] = ("support", "oppose", "neutral")
RELATIONS: tuple[str, ...] = ("accuses", "criticises", "denies", "supports", "asks", "threatens", "meets")
