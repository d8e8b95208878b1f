"""Pure pandas shaping of selected tables into the exact frames behind each chart (no Streamlit here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd

from analysis import sentiment_summaries, stance_summaries, summaries
from analysis.article_view import STATEMENT_KINDS

Tables = Mapping[str, pd.DataFrame]

SMALL_N = 5  # means over fewer scored items are flagged (analysis.sentiment_summaries' own default)
SENTIMENT_COLUMNS = {"mean_polarity": "mean", "ci_low": "low", "ci_high": "high"}  # short names the charts use
STANCE_ORDER = ("support", "oppose", "neutral")


def add_period(frame: pd.DataFrame, *, dates: pd.Series, granularity: str) -> pd.DataFrame:
    """Return frame with a `period` column: the start of the day/week/month of each date (UTC, naive)."""
    return frame.assign(period=summaries.period_start(dates, freq=granularity).to_numpy())


def describe_coverage(
    periods: pd.Series, *, first: dt.date | None, last: dt.date | None, granularity: str
) -> pd.Series:
    """Return for each period start "" when the data's days (`first` to `last`, inclusive) cover the whole week
    or month, else how much they cover: "partial month: 5 of 28 days (24 Feb – 28 Feb 2022)". A mean over a
    first or last period the data only touch compares poorly with the full periods between them."""
    empty = pd.Series("", index=periods.index, dtype=object)
    if first is None or last is None or granularity not in ("W", "M") or periods.empty:
        return empty
    starts = pd.to_datetime(periods)
    ends = starts.dt.to_period(granularity).dt.end_time.dt.normalize()
    covered_start = starts.clip(lower=pd.Timestamp(first))
    covered_end = ends.clip(upper=pd.Timestamp(last))
    partial = (covered_start > starts) | (covered_end < ends)
    label = summaries.FREQUENCIES[granularity]
    notes = [f"partial {label}: {(end - start).days + 1} of {(whole_end - whole_start).days + 1} days "
             f"({start:%d %b} – {end:%d %b %Y})" if flag else ""
             for start, end, whole_start, whole_end, flag in
             zip(covered_start, covered_end, starts, ends, partial, strict=True)]
    return pd.Series(notes, index=periods.index, dtype=object)


def add_coverage(
    frame: pd.DataFrame, *, first: dt.date | None, last: dt.date | None, granularity: str
) -> pd.DataFrame:
    """Return a per-period frame with a `coverage` column (`describe_coverage`) for the charts' hover text."""
    return frame.assign(coverage=describe_coverage(frame["period"], first=first, last=last,
                                                   granularity=granularity))


WEB_SCHEMES: tuple[str, ...] = ("http://", "https://")


def keep_web_links(urls: pd.Series) -> pd.Series:
    """Return the URLs that are web links and "" for the rest, so a javascript: URL never becomes a link."""
    text = urls.fillna("").astype(str)
    return text.where(text.str.lower().str.startswith(WEB_SCHEMES), "")


def attach_article_fields(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return frame with the article's source, published date, title and (web-only) url joined on article_id."""
    fields = articles[["article_id", "source", "published", "title", "url"]]
    return frame.merge(fields.assign(url=keep_web_links(fields["url"])), on="article_id", how="left")


def count_corpus(tables: Tables) -> dict[str, object]:
    """Return headline numbers of the selection: articles, outlets, first/last date, actors named (every actor
    mentioned, as the other pages count them: those of the registry plus, unless the selection leaves them out,
    the names found outside it), of which registered and unregistered, quotes, stances."""
    articles = tables["articles"]
    published = articles["published"].dropna()
    mentions = tables["mentions"]
    registered = mentions["registered"].astype(bool)
    return {
        "articles": len(articles),
        "outlets": int(articles["source"].nunique()),
        "first": published.min().date() if len(published) else None,
        "last": published.max().date() if len(published) else None,
        "actors": int(mentions["actor_id"].nunique()),
        "registered": int(mentions.loc[registered, "actor_id"].nunique()),
        "unregistered": int(mentions.loc[~registered, "actor_id"].nunique()),
        "quotes": len(tables["quotes"]),
        "stances": len(tables["stances"]),
    }


def count_actor_frequencies(mentions: pd.DataFrame, articles: pd.DataFrame, *, by_outlet: bool = False) -> pd.DataFrame:
    """Return per actor (and outlet): mentions, distinct articles, and each as a share of its group's total.

    Built on analysis.summaries; share_of_voice is the actor's fraction (0..1) of all mentions in the selection
    (or in its outlet); article_share is the fraction (0..1) of the selection's articles (or the outlet's)
    that mention the actor, so it does not add up to 1. The selection has already dropped
    near-duplicates when asked to, so the summaries keep every row they are given.
    """
    if by_outlet:
        counts = summaries.count_mentions_by_source(mentions, articles, include_duplicates=True)
        per_outlet = articles.groupby("source")["article_id"].nunique()
        article_total = counts["source"].map(per_outlet)
    else:
        counts = summaries.count_mentions_by_actor(mentions, articles, include_duplicates=True)
        article_total = max(articles["article_id"].nunique(), 1)
    return counts.assign(article_share=counts["articles"] / article_total)


def keep_pairs_with(pairs: pd.DataFrame, *, actors: Sequence[str]) -> pd.DataFrame:
    """Return co-occurrence pairs (ids in actor_a, actor_b) involving one of the actors; all pairs without actors."""
    if not actors:
        return pairs
    return pairs[pairs["actor_a"].isin(actors) | pairs["actor_b"].isin(actors)].reset_index(drop=True)


def summarize_sentiment_by_actor(
    mentions: pd.DataFrame, quotes: pd.DataFrame, articles: pd.DataFrame, *, small_n: int = SMALL_N
) -> pd.DataFrame:
    """Return per actor two rows: sentiment toward the actor (mention contexts) and of its own quotes.

    Built on analysis.sentiment_summaries. Columns actor_id, actor, measure ("toward actor" | "own quotes"),
    mean (-1..1), n, low, high (95 % t-interval, NaN below n=2), small_n.
    """
    toward = sentiment_summaries.summarise_sentiment_toward(mentions, articles, include_duplicates=True, min_n=small_n)
    own = sentiment_summaries.summarise_sentiment_of(quotes, articles, include_duplicates=True, min_n=small_n)
    own = own.rename(columns={"speaker_id": "actor_id", "speaker": "actor"})
    both = pd.concat([toward.assign(measure="toward actor"), own.assign(measure="own quotes")], ignore_index=True)
    both = both.rename(columns=SENTIMENT_COLUMNS)
    columns = ["actor_id", "actor", "measure", "mean", "n", "low", "high", "small_n"]
    return both[columns].sort_values(["actor", "measure"], ascending=[True, False]).reset_index(drop=True)


def summarize_sentiment_per_period(
    mentions: pd.DataFrame, articles: pd.DataFrame, *, granularity: str, small_n: int = SMALL_N
) -> pd.DataFrame:
    """Return mean sentiment toward each actor per period: period, actor_id, actor, mean, n, low, high, small_n."""
    summary = sentiment_summaries.summarise_sentiment_toward(mentions, articles, freq=granularity,
                                                             include_duplicates=True, min_n=small_n)
    columns = ["period", "actor_id", "actor", "mean", "n", "low", "high", "small_n"]
    return summary.rename(columns=SENTIMENT_COLUMNS)[columns].sort_values(["period", "actor"]).reset_index(drop=True)


def summarize_sentiment_by_outlet(
    mentions: pd.DataFrame, articles: pd.DataFrame, *, small_n: int = SMALL_N
) -> pd.DataFrame:
    """Return mean sentiment toward each actor in each outlet: source, actor_id, actor, mean, n, low, high, small_n."""
    frame = attach_article_fields(mentions, articles)
    summary = sentiment_summaries.summarise_groups(frame, ["source", "actor_id", "actor"], min_n=small_n)
    columns = ["source", "actor_id", "actor", "mean", "n", "low", "high", "small_n"]
    return summary.rename(columns=SENTIMENT_COLUMNS)[columns]


def summarize_stance_matrix(stances: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return per actor and target: support, oppose, neutral, n and net = (support-oppose)/n in -1..1.

    Built on analysis.stance_summaries.count_stances; rows sorted by actor, then target.
    """
    counts = stance_summaries.count_stances(stances, articles, include_duplicates=True)
    counts = counts.rename(columns={"net_stance": "net"})
    return counts.sort_values(["actor", "target"]).reset_index(drop=True)


def keep_top_stance_actors(matrix: pd.DataFrame, *, limit: int) -> pd.DataFrame:
    """Return the stance matrix rows of the `limit` actors with the most statements, those actors first."""
    totals = matrix.groupby(["actor_id", "actor"])["n"].sum().reset_index()
    top = totals.sort_values(["n", "actor"], ascending=[False, True]).head(limit)["actor_id"]
    return sort_by_actor_order(matrix[matrix["actor_id"].isin(top)], list(top))


def sort_by_actor_order(frame: pd.DataFrame, actor_ids: Sequence[str]) -> pd.DataFrame:
    """Return the rows of the given actors in that actor order (stable within an actor); other rows are dropped."""
    rank = {actor_id: position for position, actor_id in enumerate(actor_ids)}
    kept = frame[frame["actor_id"].isin(rank)]
    order = kept["actor_id"].map(rank).sort_values(kind="stable").index
    return kept.loc[order].reset_index(drop=True)


def summarize_stance_per_period(
    stances: pd.DataFrame, articles: pd.DataFrame, *, granularity: str, by_actor: bool = False
) -> pd.DataFrame:
    """Return net stance per period and target: period, target_id, target, counts, n, net (-1..1) over all actors,
    or with `by_actor` per actor too (actor_id and actor after period), so that actors on opposite sides are
    not netted into one line."""
    series = ["actor_id", "actor", "target_id", "target"] if by_actor else ["target_id", "target"]
    # Without by_actor, one pseudo-actor for everyone, so analysis.stance_summaries counts (and nets) per target.
    counted = stances if by_actor else stances.assign(actor_id="", actor="")
    counts = stance_summaries.count_stances(counted, articles, freq=granularity, include_duplicates=True)
    counts = counts.rename(columns={"net_stance": "net"})[["period", *series, *STANCE_ORDER, "n", "net"]]
    return with_empty_periods(counts, granularity=granularity, series=series)


def with_empty_periods(
    frame: pd.DataFrame, *, granularity: str, series: Sequence[str] = ("target_id", "target")
) -> pd.DataFrame:
    """Return the per-period rows of each series (a target, or an actor and target) plus, for every period
    from the frame's first to its last in which that series has no statement, a row with n 0 and no net, so a
    line over time breaks there instead of drawing a trend across it; sorted by period, then the series."""
    if frame.empty:
        return frame.reset_index(drop=True)
    periods = summaries.period_range(frame["period"].min(), frame["period"].max(), freq=granularity)
    filled = []
    for names, group in frame.groupby(list(series), sort=False):
        group = group.set_index("period").reindex(periods).assign(**dict(zip(series, names, strict=True)))
        counts = [*STANCE_ORDER, "n"]
        group[counts] = group[counts].fillna(0).astype(int)
        filled.append(group.reset_index())
    order = ["period", *(column for column in series if not column.endswith("_id"))]
    return pd.concat(filled, ignore_index=True)[list(frame.columns)].sort_values(order).reset_index(drop=True)


def list_stance_evidence(
    stances: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    actor_id: str,
    target_id: str,
    mentions: pd.DataFrame | None = None,
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the evidence sentences of one actor-target cell with stance, cue, outlet, date, title and url,
    in `order_evidence`'s order; with `mentions`, also how the actor is written in each sentence (`surfaces`, a
    tuple, to mark it); with `sentences` the sentence before it (`before`), which a sentence opening with "He"
    or "They" needs; with `sentences` and `quotes`, the actor's name where the sentence quotes or reports the
    actor's words (`speaker`, "" elsewhere and for scare quotes), so that a quote reads as the actor's words."""
    cell = stances[(stances["actor_id"] == actor_id) & (stances["target_id"] == target_id)]
    cell = describe_statements(cell, articles, mentions=mentions, sentences=sentences, quotes=quotes)
    columns = ["stance", "evidence", "cue", "confidence", "source", "published", "title", "url"]
    columns += [column for column in ("surfaces", "before", "speaker") if column in cell.columns]
    return order_evidence(cell[columns])


def describe_statements(
    statements: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return stance statements with their article's fields and, as `list_stance_evidence` says, `surfaces` (with
    mentions), `before` (with sentences) and `speaker` (with sentences and quotes), each for the row's own actor."""
    frame = attach_article_fields(statements, articles)
    if mentions is not None:
        frame = frame.assign(surfaces=find_surfaces(frame, mentions))
    if sentences is not None:
        frame = frame.assign(before=find_sentences_before(frame, sentences))
    if sentences is not None and quotes is not None:
        # quotes that are a speaker's statement (STATEMENT_KINDS); scare quotes are the writer's words
        frame = frame.assign(speaker=find_quoted_speakers(frame, quotes[quotes["kind"].isin(STATEMENT_KINDS)],
                                                          sentences))
    return frame


def list_grid_evidence(
    stances: pd.DataFrame, articles: pd.DataFrame, *, matrix: pd.DataFrame, sentences: pd.DataFrame,
    quotes: pd.DataFrame,
) -> pd.DataFrame:
    """Return every statement behind the cells of a stance grid (`matrix`: actor_id, target_id), for download:
    actor, target, stance, confidence, quoted speaker, cue, evidence, the sentence before, outlet, date, title,
    url, article_id, sentence_id; grouped by actor in the grid's order, then target, then as `order_evidence`."""
    cells = matrix[["actor_id", "target_id"]].drop_duplicates()
    statements = stances.merge(cells, on=["actor_id", "target_id"])
    frame = order_evidence(describe_statements(statements, articles, sentences=sentences, quotes=quotes))
    rank = {actor_id: position for position, actor_id in enumerate(dict.fromkeys(matrix["actor_id"]))}
    frame = frame.assign(rank=frame["actor_id"].map(rank)).sort_values(["rank", "target"], kind="stable")
    columns = ["actor", "target", "stance", "confidence", "speaker", "cue", "evidence", "before", "source",
               "published", "title", "url", "actor_id", "target_id", "article_id", "sentence_id"]
    return frame[columns].rename(columns={"before": "sentence_before"}).reset_index(drop=True)


def sentence_keys(frame: pd.DataFrame) -> list[tuple[str, int]]:
    """Return the (article_id, sentence_id) of every row, sentence ids as plain ints."""
    return list(zip(frame["article_id"], frame["sentence_id"].astype(int), strict=True))


def find_surfaces(cell: pd.DataFrame, mentions: pd.DataFrame) -> list[tuple[str, ...]]:
    """Return for every evidence row the distinct ways the mentions write the row's actor in its sentence."""
    surfaces = mentions.groupby(["article_id", "sentence_id", "actor_id"])["surface"].agg(
        lambda found: tuple(dict.fromkeys(found)))
    return [surfaces.get((*key, actor_id), ()) for key, actor_id in zip(sentence_keys(cell), cell["actor_id"],
                                                                        strict=True)]


def find_sentences_before(cell: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    """Return for every evidence row the text of the sentence before it ("" for an article's first)."""
    previous = sentences.assign(sentence_id=sentences["sentence_id"] + 1).set_index(["article_id", "sentence_id"])
    return [previous["text"].get(key, "") for key in sentence_keys(cell)]


def find_quoted_speakers(cell: pd.DataFrame, quotes: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    """Return for every evidence row the name of its actor where a quote of that actor overlaps its sentence,
    else "".

    Overlap of offsets rather than equal sentence ids: a quote is filed under the sentence it starts in, and
    may run on into the next one.
    """
    spans = sentences.set_index(["article_id", "sentence_id"])[["start", "end"]]
    by_speaker = {key: group for key, group in quotes.groupby(["article_id", "speaker_id"])}
    speakers = []
    for (article_id, sentence_id), actor_id in zip(sentence_keys(cell), cell["actor_id"], strict=True):
        found = by_speaker.get((article_id, actor_id))
        if found is None or (article_id, sentence_id) not in spans.index:
            speakers.append("")
            continue
        start, end = spans.loc[(article_id, sentence_id)]
        inside = found[(found["start"] < end) & (found["end"] > start)]
        speakers.append(str(inside["speaker"].iloc[0]) if len(inside) else "")
    return speakers


EVIDENCE_RANK = {"support": 0, "oppose": 0, "neutral": 1}  # a side taken reads before a neutral mention


def order_evidence(evidence: pd.DataFrame) -> pd.DataFrame:
    """Return the evidence with support and oppose before neutral, then the most confident first, then the
    earliest first (undated last)."""
    ranked = evidence.assign(rank=evidence["stance"].map(EVIDENCE_RANK).fillna(2))
    ordered = ranked.sort_values(["rank", "confidence", "published"], ascending=[True, False, True],
                                 na_position="last", kind="stable")
    return ordered.drop(columns=["rank"]).reset_index(drop=True)


def keep_evidence_stances(evidence: pd.DataFrame, *, shown: Sequence[str]) -> pd.DataFrame:
    """Return the evidence rows whose stance is one of `shown` (support, oppose, neutral), in their order."""
    return evidence[evidence["stance"].isin(shown)].reset_index(drop=True)


UNATTRIBUTED = "(unattributed)"  # the speaker shown for a quote whose speaker was not found


def filter_quotes(quotes: pd.DataFrame, *, search: str = "", kinds: Sequence[str] = ()) -> pd.DataFrame:
    """Return the quotes whose words or speaker hold `search` (a literal phrase, any case) and whose kind is
    one of `kinds` (all kinds when empty)."""
    kept = quotes[quotes["kind"].isin(kinds)] if kinds else quotes
    if search.strip():
        haystack = kept["text"].fillna("") + " " + kept["speaker"].fillna("")
        kept = kept[haystack.str.contains(search.strip(), case=False, regex=False)]
    return kept.reset_index(drop=True)


def build_quote_table(quotes: pd.DataFrame, articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Return quotes with speaker, the whole quoted text, cue, kind, the sentence (all the sentences the quote
    spans), date, outlet, title, url, polarity, article_id and quote_id; earliest first."""
    frame = quotes.join(find_passages(quotes, sentences))
    frame = attach_article_fields(frame.assign(sentence=cut_passages(frame, articles)), articles)
    frame = frame.assign(speaker=frame["speaker"].replace("", UNATTRIBUTED))
    columns = ["speaker", "text", "cue", "kind", "sentence", "published", "source", "title", "url", "polarity",
               "article_id", "quote_id"]
    return frame[columns].sort_values(["published", "source"], na_position="last").reset_index(drop=True)


def is_unattributed(quotes: pd.DataFrame) -> pd.Series:
    """Return True for every quote without a speaker (no name at all)."""
    return quotes["speaker"].fillna("") == ""


def count_quotes_by_speaker(quotes: pd.DataFrame) -> pd.DataFrame:
    """Return quotes per speaker and kind: speaker, kind, quotes; quotes without a speaker are left out (the
    Quotes page counts them in a note), so that they do not lead the chart. A speaker outside the actors
    ("officials", "the agency": no speaker_id) is a speaker."""
    named = quotes[~is_unattributed(quotes)]
    counts = named.groupby(["speaker", "kind"]).size().rename("quotes").reset_index()
    return counts.sort_values(["quotes", "speaker"], ascending=[False, True]).reset_index(drop=True)


SENTIMENT_MEASURES = {"toward actor": "Toward the actor (its mentions)",
                      "own quotes": "In the actor's own words (its quotes)"}  # keys: summarize_sentiment_by_actor
POLARITY_ORDERS = {"extreme": "Most extreme first", "negative": "Most negative first",
                   "positive": "Most positive first"}


def find_passages(spans: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Return for every row of `spans` (article_id, start, end) the start and end of the sentences it overlaps
    (passage_start, passage_end), so that a quote running on into the next sentence is shown whole; a span no
    sentence overlaps is its own passage."""
    rows = spans[["article_id", "start", "end"]].reset_index(drop=True).rename_axis("row").reset_index()
    bounds = sentences[["article_id", "start", "end"]].rename(columns={"start": "s_start", "end": "s_end"})
    pairs = rows.merge(bounds, on="article_id")
    pairs = pairs[(pairs["s_start"] < pairs["end"]) & (pairs["s_end"] > pairs["start"])]
    found = pairs.groupby("row").agg(passage_start=("s_start", "min"), passage_end=("s_end", "max"))
    found = found.reindex(rows["row"])
    return pd.DataFrame({"passage_start": found["passage_start"].fillna(rows["start"]).astype(int).to_numpy(),
                         "passage_end": found["passage_end"].fillna(rows["end"]).astype(int).to_numpy()},
                        index=spans.index)


def cut_passages(frame: pd.DataFrame, articles: pd.DataFrame) -> list[str]:
    """Return the text of every row's passage (passage_start:passage_end of its article's text)."""
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    return [str(texts.get(article_id, ""))[start:end] for article_id, start, end in
            zip(frame["article_id"], frame["passage_start"], frame["passage_end"], strict=True)]


def order_by_polarity(evidence: pd.DataFrame, *, order: str = "extreme") -> pd.DataFrame:
    """Return scored rows ordered by polarity: the furthest from 0 first ("extreme"), the most negative first or
    the most positive first; ties go earliest first (undated last)."""
    key = {"extreme": -evidence["polarity"].abs(), "negative": evidence["polarity"],
           "positive": -evidence["polarity"]}[order]
    ranked = evidence.assign(rank=key)
    ordered = ranked.sort_values(["rank", "published"], na_position="last", kind="stable")
    return ordered.drop(columns=["rank"]).reset_index(drop=True)


def list_sentiment_toward(
    mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *, actor_id: str
) -> pd.DataFrame:
    """Return the scored mentions of one actor, the rows behind its "toward actor" mean, most extreme first.

    One row per mention (an actor named twice in a sentence counts twice there too): polarity (-1..1), actor,
    how it is written (surface), the sentence, date, outlet, title, url, how the mention was found (method),
    subjectivity (0..1), article_id, sentence_id, the mention's start and end in the article's text, and
    `marks`: the mention's (start, end) inside the sentence, to mark it.
    """
    scored = mentions[(mentions["actor_id"] == actor_id) & mentions["polarity"].notna()]
    spans = sentences.set_index(["article_id", "sentence_id"])[["start", "text"]]
    spans = spans.rename(columns={"start": "sentence_start", "text": "sentence"})
    frame = attach_article_fields(scored.join(spans, on=["article_id", "sentence_id"]), articles)
    offset = frame["sentence_start"].fillna(frame["start"]).astype(int)
    frame = frame.assign(sentence=frame["sentence"].fillna(frame["surface"]),
                         marks=[((int(start), int(end)),) for start, end in zip(frame["start"] - offset,
                                                                                frame["end"] - offset, strict=True)])
    columns = ["polarity", "actor", "surface", "sentence", "published", "source", "title", "url", "method",
               "subjectivity", "article_id", "sentence_id", "start", "end", "marks"]
    return order_by_polarity(frame[columns])


def list_sentiment_of(
    quotes: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *,
    actor_id: str,
) -> pd.DataFrame:
    """Return the scored quotes of one speaker, the rows behind its "own quotes" mean, most extreme first.

    Columns polarity (-1..1, of the quoted words), speaker, quote, the sentence (all the sentences the quote
    spans), kind, cue, date, outlet, title, url, subjectivity (0..1), article_id, sentence_id, the quote's
    start and end in the article's text, `quote_span`: its (start, end) inside the sentence, and `marks`:
    where the speaker is named inside the sentence.
    """
    scored = quotes[(quotes["speaker_id"] == actor_id) & quotes["polarity"].notna()]
    frame = scored.join(find_passages(scored, sentences))
    frame = attach_article_fields(frame.assign(sentence=cut_passages(frame, articles)), articles)
    named = mentions[mentions["actor_id"] == actor_id]
    spans = [(int(start - first), int(end - first)) for start, end, first in
             zip(frame["start"], frame["end"], frame["passage_start"], strict=True)]
    frame = frame.assign(quote=frame["text"], quote_span=spans, marks=find_marks(frame, named))
    columns = ["polarity", "speaker", "quote", "sentence", "kind", "cue", "published", "source", "title", "url",
               "subjectivity", "article_id", "sentence_id", "start", "end", "quote_span", "marks"]
    return order_by_polarity(frame[columns])


def find_marks(frame: pd.DataFrame, mentions: pd.DataFrame) -> list[tuple[tuple[int, int], ...]]:
    """Return for every row the (start, end) of the given mentions inside its passage, relative to the passage."""
    by_article = {article_id: list(zip(group["start"], group["end"], strict=True))
                  for article_id, group in mentions.groupby("article_id")}
    return [tuple((int(start) - first, int(end) - first) for start, end in by_article.get(article_id, ())
                  if first <= start and end <= last)
            for article_id, first, last in zip(frame["article_id"], frame["passage_start"], frame["passage_end"],
                                               strict=True)]


def describe_registry(data: Mapping) -> pd.DataFrame:
    """Return the actors of a parsed registry YAML (as analysis.registry reads it), one row each in file order:
    id, name, type, aliases and metonyms (each list joined with "; ")."""
    rows = [{"id": str(entry.get("id", "")), "name": str(entry.get("name", "")), "type": str(entry.get("type", "")),
             "aliases": "; ".join(map(str, entry.get("aliases") or ())),
             "metonyms": "; ".join(map(str, entry.get("metonyms") or ()))}
            for entry in (data.get("actors") or []) if isinstance(entry, Mapping)]
    return pd.DataFrame(rows, columns=["id", "name", "type", "aliases", "metonyms"])


def describe_targets(entries: Sequence[tuple[str, Mapping]]) -> pd.DataFrame:
    """Return the stance targets of a checked targets file (analysis.target_file.read_target_entries), one row
    each in file order: id, label and keywords (joined with "; ")."""
    rows = [{"id": entry["id"], "label": entry.get("label", ""), "keywords": "; ".join(entry.get("keywords", ()))}
            for _, entry in entries]
    return pd.DataFrame(rows, columns=["id", "label", "keywords"])
