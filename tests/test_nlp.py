"""Tests for analysis.nlp: the blank pipeline's sentences, the lexical attributes it computes, its cache."""

from __future__ import annotations

import re
from pathlib import Path

from spacy.attrs import IS_SPACE, LOWER, ORTH, SENT_START, SPACY

from analysis.nlp import make_pipeline, warm_tokenizer_cache
from analysis.sentences import split_sentences

ANALYSIS = Path(__file__).resolve().parent.parent / "analysis"
# token attributes whose getters make_pipeline leaves out (see USED_LEXICAL_ATTRIBUTES)
UNSET = ("like_url", "like_num", "like_email", "is_stop", "is_bracket", "is_quote", "is_left_punct",
         "is_right_punct", "is_currency", "shape", "shape_", "prefix", "prefix_", "suffix", "suffix_")  # fmt: skip


def test_the_attributes_the_analysis_reads_are_computed() -> None:
    doc = make_pipeline()("Kyiv said NATO's plan, drafted in 2022, is odd.\n\nPutin agreed.")
    assert [token.text for token in doc if token.is_alpha and token.text[0].isupper()] == ["Kyiv", "NATO", "Putin"]
    assert [token.text for token in doc if token.is_upper] == ["NATO"]
    assert [token.text for token in doc if token.is_punct] == [",", ",", ".", "."]
    assert [token.text for token in doc if token.is_space] == ["\n\n"]
    assert [token.lower_ for token in doc][:3] == ["kyiv", "said", "nato"]
    assert [token.is_digit for token in doc if token.text == "2022"] == [True]
    assert [sentence.text for sentence in doc.sents] == [
        "Kyiv said NATO's plan, drafted in 2022, is odd.\n\n",
        "Putin agreed.",
    ]


def test_no_analysis_code_reads_an_attribute_left_unset() -> None:
    pattern = re.compile(r"\.(" + "|".join(UNSET) + r")\b")
    readers = [
        f"{path.name}:{number}"
        for path in sorted(ANALYSIS.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line) and not line.lstrip().startswith("suffix = PurePosixPath(")  # a file name's suffix
    ]
    assert readers == []


WARM_TEXTS = (
    "Mr. Ushakov didn't say the U.S. talks (in Geneva) failed; officials said cannot-miss talks resume Monday.",
    "Officials said: talks resume Monday, as the Kremlin's envoy, Mr. Lind, said in Geneva.\n\nTalks cannot wait.",
    "gonna  wait\tand\u00a0see  ",
)


def test_a_warmed_tokenizer_gives_the_same_documents() -> None:
    cold, warm = make_pipeline(), make_pipeline()
    warm_tokenizer_cache(warm, WARM_TEXTS)
    warm_tokenizer_cache(warm, WARM_TEXTS)  # twice: words already cached change nothing
    attributes = [ORTH, LOWER, SPACY, IS_SPACE, SENT_START]
    for text in WARM_TEXTS:
        cold_doc, warm_doc = cold(text), warm(text)
        assert warm_doc.text == text
        assert (warm_doc.to_array(attributes) == cold_doc.to_array(attributes)).all()
        assert [token.text for token in warm_doc] == [token.text for token in cold_doc]
    assert [token.text for token in warm(WARM_TEXTS[0])][:6] == ["Mr.", "Ushakov", "did", "n't", "say", "the"]
    assert [token.text for token in warm(WARM_TEXTS[2])][:3] == ["gon", "na", " "]


def test_a_quotation_opened_with_two_apostrophes_starts_the_next_sentence() -> None:
    # as PolNeAR's articles write quotes; the mark stayed with the sentence before, across the paragraph break
    text = "Mr. Cruz spoke on Sunday.\n\n''We will win,'' he said. ''It is early.''"
    spans = split_sentences(text, nlp=make_pipeline())
    assert [text[start:end] for start, end in spans] == [
        "Mr. Cruz spoke on Sunday.", "''We will win,'' he said.", "''It is early.''"]


def test_a_question_in_marks_goes_on_with_the_lowercase_words_after_it() -> None:
    # PolNeAR: '"…posts?" said Zeynep Tufekci' was split after the mark, and the quote took the speaker of the
    # quote before it; a capital, a full stop or a line break after the mark still ends the sentence
    text = (
        "''Is it over?'' said Zeynep Tufekci, a professor. \u201cStop!\u201d he shouted. \"Why?\" Trump asked.\n\n"
        "\"Really?\"\nsaid nobody. \"We won.\" it was not."
    )
    spans = split_sentences(text, nlp=make_pipeline())
    assert [text[start:end] for start, end in spans] == [
        "''Is it over?'' said Zeynep Tufekci, a professor.",
        "\u201cStop!\u201d he shouted.",
        '"Why?"',
        "Trump asked.",
        '"Really?"',
        "said nobody.",
        '"We won."',
        "it was not.",
    ]


def test_a_title_abbreviated_with_a_full_stop_does_not_end_the_sentence() -> None:
    # a review of the Guardian/NYT corpus: "said Senior Sgt. Oleksandr Babynets" gave the speaker "Senior Sgt",
    # since "Sgt." ended a sentence; spaCy keeps only some titles ("Mr.", "Gen.") in one token
    text = '"We held," said Senior Sgt. Oleksandr Babynets. Then Lt. Col. Ivan Petrov spoke. He said No. It ended.'
    spans = split_sentences(text, nlp=make_pipeline())
    assert [text[start:end] for start, end in spans] == [
        '"We held," said Senior Sgt. Oleksandr Babynets.',
        "Then Lt. Col. Ivan Petrov spoke.",
        "He said No.",
        "It ended.",
    ]
    assert make_pipeline([])("Lt. Col. Petrov")[0].text == "Lt"  # without the list, spaCy's own rules only



def test_an_abbreviation_that_is_no_title_still_ends_a_sentence() -> None:
    # a last read: "Sr." from the list of abbreviations kept "Oskar Lind Sr. The port stayed shut." as one
    text = "The ferry belongs to Oskar Lind Sr. The port stayed shut."
    spans = split_sentences(text, nlp=make_pipeline())
    assert [text[start:end] for start, end in spans] == ["The ferry belongs to Oskar Lind Sr.", "The port stayed shut."]
