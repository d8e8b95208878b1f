"""Tests for dashboard.frames: the exact frames behind each chart, from the tiny hand-made corpus."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from dashboard_fixtures import make_tables

from analysis.selection import Selection, apply_selection
from dashboard import frames


@pytest.fixture
def selected() -> dict[str, pd.DataFrame]:
    return apply_selection(make_tables(), Selection())


def test_count_corpus(selected) -> None:
    counts = frames.count_corpus(selected)
    assert counts == {"articles": 4, "outlets": 4, "first": pd.Timestamp("2022-02-21").date(),
                      "last": pd.Timestamp("2022-03-01").date(), "actors": 4, "registered": 4, "unregistered": 0,
                      "quotes": 4, "stances": 5}


def test_count_corpus_keeps_names_outside_the_registry_apart(selected) -> None:
    mentions = selected["mentions"]
    extra = mentions.head(2).assign(actor_id=["unregistered:Ivan Petrov", "unregistered:Ivan Petrov"],
                                    registered=False)
    counts = frames.count_corpus({**selected, "mentions": pd.concat([mentions, extra], ignore_index=True)})
    # a user's review: the Overview's "Actors" counted the registry's only, the other pages counted both
    assert (counts["actors"], counts["registered"], counts["unregistered"]) == (5, 4, 1)


def test_actor_frequencies_with_article_share(selected) -> None:
    data = frames.count_actor_frequencies(selected["mentions"], selected["articles"])
    assert list(data["actor"]) == ["Joe Biden", "Russia", "Vladimir Putin", "Volodymyr Zelensky"]
    assert list(data["mentions"]) == [4, 3, 3, 3]
    assert list(data["articles"]) == [2, 3, 3, 2]
    # share of the selection's 4 articles that mention the actor
    assert list(data["article_share"]) == [0.5, 0.75, 0.75, 0.5]


def test_actor_frequencies_by_outlet_share_of_the_outlets_articles(selected) -> None:
    data = frames.count_actor_frequencies(selected["mentions"], selected["articles"], by_outlet=True)
    # every outlet has one article here, so an actor it mentions appears in all (1.0) of them
    assert data["article_share"].tolist() == [1.0] * len(data)
    assert len(data) == 10  # (outlet, actor) pairs in the fixture


def test_keep_pairs_with() -> None:
    pairs = pd.DataFrame({"actor_a": ["a", "b"], "actor_b": ["c", "c"], "count": [1, 2]})
    assert list(frames.keep_pairs_with(pairs, actors=("b",))["count"]) == [2]
    assert len(frames.keep_pairs_with(pairs, actors=())) == 2


def test_sentiment_by_actor_has_both_measures(selected) -> None:
    data = frames.summarize_sentiment_by_actor(selected["mentions"], selected["quotes"], selected["articles"])
    biden = data[data["actor"] == "Joe Biden"].set_index("measure")
    assert biden.loc["toward actor", "n"] == 4
    assert round(biden.loc["toward actor", "mean"], 4) == 0.075
    assert biden.loc["own quotes", "n"] == 2
    assert round(biden.loc["own quotes", "mean"], 4) == 0.15
    assert data["small_n"].all()
    toward = biden.loc["toward actor"]
    assert -1 <= toward["low"] < toward["mean"] < toward["high"] <= 1
    assert pd.isna(data.set_index(["actor", "measure"]).loc[("Russia", "own quotes"), "low"])  # n=1: no interval


def test_sentiment_per_period_and_outlet(selected) -> None:
    per_month = frames.summarize_sentiment_per_period(selected["mentions"], selected["articles"], granularity="M")
    assert set(per_month["period"]) == {pd.Timestamp("2022-02-01"), pd.Timestamp("2022-03-01")}
    by_outlet = frames.summarize_sentiment_by_outlet(selected["mentions"], selected["articles"])
    row = by_outlet[(by_outlet["source"] == "Atlas Live") & (by_outlet["actor"] == "Russia")].iloc[0]
    assert row["mean"] == 0.4 and row["n"] == 1


def test_stance_matrix_net_and_counts(selected) -> None:
    matrix = frames.summarize_stance_matrix(selected["stances"], selected["articles"])
    assert list(matrix["actor"]) == ["Joe Biden", "Joe Biden", "Russia", "Vladimir Putin", "Volodymyr Zelensky"]
    assert list(matrix["net"]) == [1.0, 1.0, 0.0, 1.0, -1.0]
    assert list(matrix["n"]) == [1, 1, 1, 1, 1]


def test_keep_top_stance_actors_puts_the_busiest_first(selected) -> None:
    matrix = frames.summarize_stance_matrix(selected["stances"], selected["articles"])
    top = frames.keep_top_stance_actors(matrix, limit=2)
    assert list(top["actor"]) == ["Joe Biden", "Joe Biden", "Russia"]  # Biden: 2 statements; then by name


def test_sort_by_actor_order() -> None:
    frame = pd.DataFrame({"actor_id": ["a", "b", "a", "c"], "value": [1, 2, 3, 4]})
    assert list(frames.sort_by_actor_order(frame, ["b", "a"])["value"]) == [2, 1, 3]


def test_stance_per_week(selected) -> None:
    weekly = frames.summarize_stance_per_period(selected["stances"], selected["articles"], granularity="W")
    recognition = weekly[weekly["target_id"] == "recognition"].iloc[0]
    assert (recognition["support"], recognition["oppose"], recognition["net"]) == (1, 1, 0.0)


def test_stance_per_week_has_empty_weeks_without_a_net(selected) -> None:
    weekly = frames.summarize_stance_per_period(selected["stances"], selected["articles"], granularity="W")
    sanctions = weekly[weekly["target_id"] == "sanctions"]
    assert [str(period.date()) for period in sanctions["period"]] == ["2022-02-21", "2022-02-28"]
    assert list(sanctions["n"]) == [1, 0]
    assert sanctions["net"].iloc[0] == 1.0 and pd.isna(sanctions["net"].iloc[1])


def test_stance_per_week_by_actor_keeps_opposite_sides_apart(selected) -> None:
    # a user's review: with Putin and Zelensky chosen, one net line of 0 hid a support and an oppose
    together = frames.summarize_stance_per_period(selected["stances"], selected["articles"], granularity="W")
    recognition = together[together["target_id"] == "recognition"]
    assert list(recognition["net"].dropna()) == [0.0]
    apart = frames.summarize_stance_per_period(selected["stances"], selected["articles"], granularity="W",
                                               by_actor=True)
    recognition = apart[apart["target_id"] == "recognition"]
    rows = list(zip(recognition["period"].dt.strftime("%Y-%m-%d"), recognition["actor"], recognition["n"],
                    recognition["net"].fillna(9), strict=True))
    assert rows == [("2022-02-21", "Vladimir Putin", 1, 1.0), ("2022-02-21", "Volodymyr Zelensky", 1, -1.0),
                    ("2022-02-28", "Vladimir Putin", 0, 9), ("2022-02-28", "Volodymyr Zelensky", 0, 9)]


def test_a_first_or_last_period_the_data_only_touch_says_how_much_they_cover() -> None:
    # a user's review: a month with five days of data looked like any other month
    months = pd.Series(pd.to_datetime(["2022-02-01", "2022-03-01", "2022-08-01"]))
    notes = frames.describe_coverage(months, first=dt.date(2022, 2, 24), last=dt.date(2022, 8, 5), granularity="M")
    assert list(notes) == ["partial month: 5 of 28 days (24 Feb – 28 Feb 2022)", "",
                           "partial month: 5 of 31 days (01 Aug – 05 Aug 2022)"]
    weeks = pd.Series(pd.to_datetime(["2022-02-21", "2022-02-28"]))  # Mondays
    notes = frames.describe_coverage(weeks, first=dt.date(2022, 2, 21), last=dt.date(2022, 3, 1), granularity="W")
    assert list(notes) == ["", "partial week: 2 of 7 days (28 Feb – 01 Mar 2022)"]
    days = pd.Series(pd.to_datetime(["2022-02-21"]))
    assert list(frames.describe_coverage(days, first=dt.date(2022, 2, 21), last=dt.date(2022, 2, 21),
                                         granularity="D")) == [""]
    assert list(frames.describe_coverage(weeks, first=None, last=None, granularity="W")) == ["", ""]


def test_stance_evidence_for_one_cell(selected) -> None:
    evidence = frames.list_stance_evidence(selected["stances"], selected["articles"], actor_id="joe_biden",
                                           target_id="sanctions")
    assert list(evidence["evidence"]) == ["Joe Biden warned of sanctions."]
    assert list(evidence["source"]) == ["Meridian Wire"]
    # with the mentions and sentences: how the actor is written there, and the sentence before
    full = frames.list_stance_evidence(selected["stances"], selected["articles"], actor_id="joe_biden",
                                       target_id="sanctions", mentions=selected["mentions"],
                                       sentences=selected["sentences"])
    row = full.iloc[0]
    assert row["surfaces"] == ("Joe Biden",)
    assert row["before"] == "Vladimir Putin said Russia would decide soon."


def test_stance_evidence_names_the_speaker_of_a_quote(selected) -> None:
    # a user's review: a quote's evidence ('"...," he said') did not say whose words they were
    evidence = frames.list_stance_evidence(selected["stances"], selected["articles"], actor_id="joe_biden",
                                           target_id="diplomacy", sentences=selected["sentences"],
                                           quotes=selected["quotes"])
    assert list(evidence["speaker"]) == ["Joe Biden"]  # "Biden said diplomacy is still possible."
    unquoted = frames.list_stance_evidence(selected["stances"], selected["articles"], actor_id="joe_biden",
                                           target_id="sanctions", sentences=selected["sentences"],
                                           quotes=selected["quotes"])
    assert list(unquoted["speaker"]) == [""]  # "Joe Biden warned of sanctions." quotes nobody
    scare = selected["quotes"].assign(kind="scare")  # the writer's quote marks make nobody's statement
    distanced = frames.list_stance_evidence(selected["stances"], selected["articles"], actor_id="joe_biden",
                                            target_id="diplomacy", sentences=selected["sentences"], quotes=scare)
    assert list(distanced["speaker"]) == [""]


def make_cell_stances() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Five statements of one actor on one target: (stances, articles) with stance, confidence and date mixed."""
    rows = [("n1", "neutral", 0.9, "2022-02-01"), ("o1", "oppose", 0.7, "2022-02-03"),
            ("s1", "support", 0.7, "2022-02-02"), ("s2", "support", 0.9, None), ("o2", "oppose", 0.9, "2022-02-05")]
    stances = pd.DataFrame({"article_id": [row[0] for row in rows], "sentence_id": 0, "actor_id": "lind",
                            "actor": "Lind", "target_id": "sanctions", "target": "Sanctions",
                            "stance": [row[1] for row in rows], "confidence": [row[2] for row in rows], "cue": "",
                            "evidence": [f"Sentence {row[0]}." for row in rows]})
    articles = pd.DataFrame({"article_id": [row[0] for row in rows], "source": "Wire", "title": "T", "url": "",
                             "published": pd.to_datetime([row[3] for row in rows], utc=True)})
    return stances, articles


def test_stance_evidence_puts_sides_first_then_confidence_then_date() -> None:
    # a user's review: neutral mentions came before the statements that take a side
    stances, articles = make_cell_stances()
    evidence = frames.list_stance_evidence(stances, articles, actor_id="lind", target_id="sanctions")
    assert list(evidence["evidence"]) == ["Sentence o2.", "Sentence s2.", "Sentence s1.", "Sentence o1.",
                                          "Sentence n1."]
    kept = frames.keep_evidence_stances(evidence, shown=["oppose", "neutral"])
    assert list(kept["evidence"]) == ["Sentence o2.", "Sentence o1.", "Sentence n1."]
    assert frames.keep_evidence_stances(evidence, shown=[]).empty


def test_quote_search_and_kinds(selected) -> None:
    assert list(frames.filter_quotes(selected["quotes"], search="DIPLOMACY")["speaker"]) == ["Joe Biden"]
    assert list(frames.filter_quotes(selected["quotes"], search="zelensky")["text"]) == [
        "This is a <script>alert(1)</script> moment,"]
    assert list(frames.filter_quotes(selected["quotes"], kinds=["indirect"])["speaker"]) == ["Joe Biden", "Russia"]
    assert len(frames.filter_quotes(selected["quotes"])) == 4


def test_quote_table_has_the_cue_the_sentence_and_unattributed(selected) -> None:
    # a user's review: the table and its CSV lacked the cue and the sentence around the quote
    long_quote = "We will respond firmly, " * 40  # the download keeps a long quote whole
    quotes = selected["quotes"].assign(speaker=["", "Joe Biden", "Volodymyr Zelensky", "Russia"],
                                       text=[long_quote, *selected["quotes"]["text"][1:]])
    table = frames.build_quote_table(quotes, selected["articles"], selected["sentences"])
    assert list(table.columns[:5]) == ["speaker", "text", "cue", "kind", "sentence"]
    assert table[["speaker", "cue", "sentence"]].values.tolist() == [
        ["(unattributed)", "said", '"We will respond firmly," Biden said.'],
        ["Joe Biden", "said", "Biden said diplomacy is still possible."],
        ["Volodymyr Zelensky", "said", '"This is a <script>alert(1)</script> moment," Zelensky said.'],
        ["Russia", "said", "Russia said talks were useful."]]
    assert table["text"][0] == long_quote


def test_quotes_by_speaker_leave_the_unattributed_out(selected) -> None:
    # a user's review: "(unattributed)" led the chart of who is quoted
    counts = frames.count_quotes_by_speaker(selected["quotes"])
    assert counts.iloc[0].to_dict() == {"speaker": "Joe Biden", "kind": "direct", "quotes": 1}
    assert counts["quotes"].sum() == 4
    unattributed = selected["quotes"].assign(speaker_id=["", "", "volodymyr_zelensky", "russia"],
                                             speaker=["", "officials", "Volodymyr Zelensky", "Russia"])
    counts = frames.count_quotes_by_speaker(unattributed)
    assert counts[["speaker", "quotes"]].values.tolist() == [["Russia", 1], ["Volodymyr Zelensky", 1],
                                                             ["officials", 1]]


def test_empty_selection_gives_empty_frames() -> None:
    empty = apply_selection(make_tables(), Selection(outlets=("Nowhere",)))
    assert frames.count_actor_frequencies(empty["mentions"], empty["articles"]).empty
    assert frames.summarize_sentiment_by_actor(empty["mentions"], empty["quotes"], empty["articles"]).empty
    assert frames.summarize_stance_matrix(empty["stances"], empty["articles"]).empty
    assert frames.summarize_stance_per_period(empty["stances"], empty["articles"], granularity="D").empty
    assert frames.count_corpus(empty)["first"] is None


def test_only_web_links_survive_as_article_links():
    import pandas as pd

    from dashboard.frames import keep_web_links

    urls = pd.Series(["https://a.example/x", "javascript:alert(1)", "HTTP://B.EXAMPLE", None, "ftp://c"])
    assert keep_web_links(urls).tolist() == ["https://a.example/x", "", "HTTP://B.EXAMPLE", "", ""]


def test_sentiment_toward_lists_every_scored_mention_most_extreme_first(selected) -> None:
    # a user's review: the Sentiment page gave means without the sentences behind them
    evidence = frames.list_sentiment_toward(selected["mentions"], selected["sentences"], selected["articles"],
                                            actor_id="joe_biden")
    assert list(evidence["polarity"]) == [0.3, -0.2, 0.2, 0.0]
    assert list(evidence["sentence"]) == ['"We will respond firmly," Biden said.', "Joe Biden warned of sanctions.",
                                          "Biden said diplomacy is still possible.", "Zelensky asked Biden for help."]
    assert list(evidence["marks"]) == [((26, 31),), ((0, 9),), ((0, 5),), ((15, 20),)]
    assert list(evidence["source"]) == ["Meridian Wire", "Meridian Wire", "Eastern Frontier Daily",
                                        "Eastern Frontier Daily"]
    summary = frames.summarize_sentiment_by_actor(selected["mentions"], selected["quotes"], selected["articles"])
    toward = summary[(summary["actor_id"] == "joe_biden") & (summary["measure"] == "toward actor")].iloc[0]
    assert (len(evidence), evidence["polarity"].mean()) == (toward["n"], pytest.approx(toward["mean"]))
    negative = frames.order_by_polarity(evidence, order="negative")
    assert list(negative["polarity"]) == [-0.2, 0.0, 0.2, 0.3]
    assert list(frames.order_by_polarity(evidence, order="positive")["polarity"]) == [0.3, 0.2, 0.0, -0.2]


def test_sentiment_of_lists_the_speakers_quotes_with_the_quote_and_the_name_marked(selected) -> None:
    evidence = frames.list_sentiment_of(selected["quotes"], selected["mentions"], selected["sentences"],
                                        selected["articles"], actor_id="joe_biden")
    assert list(evidence["quote"]) == ["We will respond firmly,", "diplomacy is still possible"]
    assert list(evidence["sentence"]) == ['"We will respond firmly," Biden said.',
                                          "Biden said diplomacy is still possible."]
    assert list(evidence["quote_span"]) == [(1, 24), (11, 38)]
    assert list(evidence["marks"]) == [((26, 31),), ((0, 5),)]
    assert list(evidence["cue"]) == ["said", "said"]


def test_a_quote_running_on_into_the_next_sentence_shows_both() -> None:
    sentences = pd.DataFrame({"article_id": ["a", "a", "a"], "start": [0, 10, 20], "end": [9, 19, 29]})
    spans = pd.DataFrame({"article_id": ["a", "a", "b"], "start": [3, 12, 5], "end": [15, 18, 8]}, index=[7, 8, 9])
    passages = frames.find_passages(spans, sentences)
    assert passages.to_dict("index") == {7: {"passage_start": 0, "passage_end": 19},
                                         8: {"passage_start": 10, "passage_end": 19},
                                         9: {"passage_start": 5, "passage_end": 8}}


def test_grid_evidence_lists_every_statement_of_the_cells_shown(selected) -> None:
    # a user's review: the Stance page's zip and report held the counts but not the sentences behind them
    matrix = frames.keep_top_stance_actors(frames.summarize_stance_matrix(selected["stances"], selected["articles"]),
                                           limit=2)
    evidence = frames.list_grid_evidence(selected["stances"], selected["articles"], matrix=matrix,
                                         sentences=selected["sentences"], quotes=selected["quotes"])
    assert evidence[["actor", "target", "stance", "speaker", "evidence"]].values.tolist() == [
        ["Joe Biden", "diplomacy", "support", "Joe Biden", "Biden said diplomacy is still possible."],
        ["Joe Biden", "sanctions on Russia", "support", "", "Joe Biden warned of sanctions."],
        ["Russia", "diplomacy", "neutral", "Russia", "Russia said talks were useful."]]
    assert list(evidence["sentence_before"]) == ["Zelensky asked Biden for help.",
                                                 "Vladimir Putin said Russia would decide soon.", "Putin met envoys."]
    assert list(evidence["source"]) == ["Eastern Frontier Daily", "Meridian Wire", "Atlas Live"]
