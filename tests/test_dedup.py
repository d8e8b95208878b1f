"""Tests for analysis/dedup.py: article ids, exact duplicates and near-duplicate marking."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from analysis.dedup import (
    choose_bands,
    compute_minhashes,
    find_candidate_pairs,
    find_exact_duplicates,
    hash_words,
    make_article_id,
    make_shingle_sets,
    mark_near_duplicates,
    measure_containment,
    normalise_text,
    separate_shared_ids,
    text_digests,
)
from analysis.schema import ARTICLE_COLUMNS

WIRE = (
    "The harbour council postponed its vote on the ferry subsidy on Thursday, saying operators had not sent "
    "the figures it asked for last month. Council chair Mara Velin said the figures were expected "
    "next week and "
    "that a decision would follow before the spring timetable starts. Island residents, who rely on "
    "the ferry "
    "for work and school, have complained about rising fares since the winter, and two routes were cut in "
    "January after a storm damaged the northern pier.\n\n"
    "The operators, a group of three family firms, say fuel and insurance costs have doubled in two "
    "years and "
    "that without help at least one of them will stop sailing by the summer. Their spokesman told reporters "
    "outside the council chamber that the firms had shared every number the council had requested and that "
    "the delay was a political choice. Opposition councillors accused the chair of stalling until after the "
    "local election in May, a charge her office rejected as baseless. A survey by the islanders' association "
    "found that nine in ten households would pay a small levy to keep the crossings running all year."
)


def make_frame(rows: list[dict]) -> pd.DataFrame:
    """An articles frame from partial rows (title, text, source, url, published)."""
    full = [
        {
            "article_id": f"id{number}",
            "title": "",
            "source": "s",
            "byline": "",
            "published": None,
            "url": "",
            "text": "",
            "n_words": 0,
            "duplicate_of": "",
            **row,
        }
        for number, row in enumerate(rows)
    ]
    frame = pd.DataFrame(full, columns=list(ARTICLE_COLUMNS))
    return frame.astype({"published": "datetime64[ns, UTC]"})


def test_make_article_id_is_stable_and_ignores_url_noise() -> None:
    noisy = "https://www.Meridianwire.example/2022/03/03/ferry/?utm_source=x&page=2#top"
    assert make_article_id(noisy, "ignored") == "1018eb0926b7a2d0"
    assert make_article_id("http://meridianwire.example/2022/03/03/ferry?page=2", "") == "1018eb0926b7a2d0"
    assert make_article_id("", "Ferry  Vote\n\nThe council DELAYED the vote.") == "c8b3ff49b42a5098"
    assert make_article_id("  ", "ferry vote the council delayed the vote.") == "c8b3ff49b42a5098"


def test_normalise_text() -> None:
    assert normalise_text("  A\u00a0B\n\nc\tD ") == "a b c d"


def test_find_exact_duplicates_by_id_or_same_source_text() -> None:
    frame = make_frame(
        [
            {"article_id": "a", "text": "One two."},
            {"article_id": "b", "text": "one   TWO."},  # same source, same normalised text
            {"article_id": "a", "text": "Changed later."},  # same id (same URL)
            {
                "article_id": "c",
                "text": "One two.",
                "source": "other",
            },  # same text elsewhere: a syndicated copy
        ]
    )
    assert find_exact_duplicates(frame).tolist() == ["", "a", "a", ""]
    digests = text_digests(frame["text"])
    assert digests[0] == digests[1] == digests[3] != digests[2]
    assert find_exact_duplicates(frame, digests=digests).tolist() == ["", "a", "a", ""]
    # digests computed once are used as given: equal ones make same-source texts copies
    assert find_exact_duplicates(frame, digests=pd.Series(["x"] * 4)).tolist() == ["", "a", "a", ""]
    assert find_exact_duplicates(frame, digests=pd.Series(["x", "y", "z", "x"])).tolist() == ["", "", "a", ""]


def test_shared_url_ids_split_by_given_digests() -> None:
    frame = make_frame([{"article_id": "a", "text": "Live blog, morning."}, {"article_id": "a", "text": "Evening."}])
    articles, changed = separate_shared_ids(frame)
    assert changed.tolist() == [False, True] and articles["article_id"].iloc[0] == "a"
    again, changed_again = separate_shared_ids(frame, digests=text_digests(frame["text"]))
    assert again["article_id"].tolist() == articles["article_id"].tolist() and changed_again.tolist() == [False, True]
    same, unchanged = separate_shared_ids(frame, digests=pd.Series(["d", "d"]))
    assert unchanged.tolist() == [False, False] and same["article_id"].tolist() == ["a", "a"]


def test_mark_near_duplicates_points_copies_at_the_earliest_version() -> None:
    edited = WIRE.replace("last month", "in February")
    assert edited != WIRE
    frame = make_frame(
        [
            {"title": "Vote delayed", "text": "Vote delayed\n\n" + WIRE, "published": "2022-03-04"},
            {
                "title": "Ferry subsidy vote put off",
                "text": "Ferry subsidy vote put off\n\n" + edited,
                "published": "2022-03-03",
            },
            {"title": "Undated copy", "text": "Undated copy\n\n" + WIRE},
            {
                "title": "Other story",
                "text": "Other story\n\nThe northern pier reopened after repairs on Monday.",
            },
        ]
    )
    marked = mark_near_duplicates(frame)
    assert marked["duplicate_of"].tolist() == ["id1", "", "id1", ""]
    assert frame["duplicate_of"].tolist() == ["", "", "", ""]  # input left unchanged


def test_mark_near_duplicates_threshold_is_an_option() -> None:
    # the first paragraph plus a new sentence: 86% of its 5-word shingles occur in WIRE
    rewritten = WIRE.split("\n\n")[0] + "\n\nResidents are angry about fares, and nobody knows when the pier reopens."
    frame = make_frame([{"text": WIRE}, {"text": rewritten}])
    assert mark_near_duplicates(frame)["duplicate_of"].tolist() == ["", ""]
    assert mark_near_duplicates(frame, threshold=0.85)["duplicate_of"].tolist() == ["", "id0"]
    with pytest.raises(ValueError, match="threshold"):
        mark_near_duplicates(frame, threshold=0)


def test_a_trimmed_copy_is_contained_in_its_source() -> None:
    trimmed = " ".join(WIRE.split()[:130])
    frame = make_frame([{"text": trimmed, "published": "2022-03-02"}, {"text": WIRE, "published": "2022-03-01"}])
    assert mark_near_duplicates(frame)["duplicate_of"].tolist() == ["id1", ""]


def test_a_chain_of_copies_points_at_the_first_version() -> None:
    words = WIRE.split()
    second = [*words[:-10], *(f"b{number}" for number in range(10))]  # 94% like WIRE
    third = [*(f"c{number}" for number in range(10)), *second[10:]]  # 94% like second, 89% like WIRE
    frame = make_frame(
        [
            {"text": " ".join(third)},
            {"text": WIRE, "published": "2022-01-01"},
            {"text": " ".join(second), "published": "2022-01-02"},
        ]
    )
    assert mark_near_duplicates(frame)["duplicate_of"].tolist() == ["id1", "", "id1"]


def test_hash_words_is_case_insensitive_and_splits_on_punctuation() -> None:
    hashes, counts = hash_words(["Kyiv, KYIV! kyiv’s", "", "naïve naive"])
    assert counts.tolist() == [3, 0, 2]
    assert hashes[0] == hashes[1]
    assert len(set(hashes.tolist())) == 4


def test_make_shingle_sets_handles_short_and_empty_texts() -> None:
    sets = make_shingle_sets(["one two", "", "a b c d e f", "ONE two"], size=5)
    assert [len(values) for values in sets] == [1, 0, 2, 1]
    assert sets[0].tolist() == sets[3].tolist()


def test_choose_bands_catches_pairs_at_the_threshold() -> None:
    assert choose_bands(0.9) == (5, 3)
    assert choose_bands(0.9 / (2.25 - 0.9)) == (16, 3)
    assert choose_bands(0.3) == (57, 2)
    assert choose_bands(0.1) == (64, 2)


def test_blocking_makes_no_candidates_among_unrelated_texts() -> None:
    generator = random.Random(3)
    vocabulary = [f"w{number}" for number in range(5000)]
    texts = [" ".join(generator.choices(vocabulary, k=300)) for _ in range(400)]
    shingles = make_shingle_sets(texts, size=5)
    signatures = compute_minhashes(shingles, count=48)
    assert signatures.shape == (400, 48)
    assert find_candidate_pairs(signatures, bands=16, rows=3) == set()
    assert np.all(compute_minhashes([np.zeros(0, dtype=np.uint64)], count=3) == np.iinfo(np.uint64).max)


def test_measure_containment() -> None:
    small, large = np.array([1, 2, 3, 4], dtype=np.uint64), np.array([2, 3, 4, 5, 6, 7, 8], dtype=np.uint64)
    assert measure_containment(small, large) == 0.75
    assert measure_containment(large, small) == 0.75
    assert measure_containment(small, np.zeros(0, dtype=np.uint64)) == 0.0


def test_same_url_with_a_different_text_is_kept_under_its_own_id(tmp_path):
    from analysis.ingest import read_corpus

    path = tmp_path / "live.csv"
    path.write_text(
        "title,text,url\n"
        'Live 1,"Kyiv said the talks would resume on Monday morning.",https://live.example/blog\n'
        'Live 2,"Moscow said the shelling had stopped near the border.",https://live.example/blog\n'
        'Live 1,"Kyiv said the talks would resume on Monday morning.",https://live.example/blog\n',
        encoding="utf-8",
    )
    result = read_corpus([path])
    assert result.articles["title"].tolist() == ["Live 1", "Live 2"]
    assert result.articles["article_id"].nunique() == 2
    reasons = [(problem.location, problem.reason.split(" - ")[0]) for problem in result.problems]
    assert ("row 2", "same URL as an earlier article but a different text") in reasons
    assert any(problem.location == "row 3" and "exact duplicate" in problem.reason for problem in result.problems)
