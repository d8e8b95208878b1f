"""Tests for analysis.attribution: speech cues, speaker phrases next to a cue, and speaker resolution."""

from __future__ import annotations

import re

import pytest

from analysis.attribution import (
    MentionRef,
    Speaker,
    SpeakerContext,
    find_cues,
    head_words,
    load_speech_cues,
    make_token_pattern,
    parse_speech_cues,
    resolve_speaker,
    speaker_after,
    speaker_before,
    tokenize,
    tokenize_matches,
    trailing_name,
)
from analysis.registry import parse_registry

REGISTRY = parse_registry(
    {
        "actors": [
            {"id": "oskar_lind", "name": "Oskar Lind", "type": "person", "gender": "male"},
            {"id": "petra_holm", "name": "Petra Holm", "type": "person", "gender": "female"},
            {"id": "norland", "name": "Norland", "type": "country", "metonyms": ["Vesterby"]},
        ]
    }
)


@pytest.fixture(scope="module")
def cues():
    return load_speech_cues()


def tokens_of(text, cues):
    return tokenize(text, 0, len(text), pattern=cues.token_pattern)


def only_cue(text, cues):
    tokens = tokens_of(text, cues)
    (cue,) = find_cues(tokens, cues)
    return tokens, cue


def test_yaml_groups_become_cue_phrases_longest_first():
    cues = parse_speech_cues(
        {"speech_verbs": ["said"], "object_verbs": ["called on"], "source_phrases": ["according to"]}
    )
    assert cues.phrases == (
        (("called", "on"), "object_verbs"),
        (("according", "to"), "source_phrases"),
        (("said",), "speech_verbs"),
    )


def test_unquoted_yaml_boolean_in_a_word_list_is_an_error():
    with pytest.raises(ValueError, match="skip_before_cue"):
        parse_speech_cues({"skip_before_cue": ["has", True]})


def test_default_cue_file_loads(cues):
    groups = {group for _, group in cues.phrases}
    assert groups == {
        "speech_verbs",
        "object_verbs",
        "accusation_verbs",
        "denial_verbs",
        "participles",
        "source_phrases",
        "naming_verbs",
        "quote_verbs",
    }
    assert cues.pronoun_kind("She") == "female"
    assert cues.pronoun_kind("they") == "group"
    assert cues.pronoun_kind("Lind") == ""
    assert "on" in cues.skip_before_cue and "No" in cues.token_pattern.pattern


def test_tokens_keep_titles_and_initials_whole(cues):
    assert [t.text for t in tokens_of("Sen. Ana Ruiz of the U.S. said it's over.", cues)] == [
        "Sen.",
        "Ana",
        "Ruiz",
        "of",
        "the",
        "U.S.",
        "said",
        "it's",
        "over",
        ".",
    ]


def test_multi_word_cue_and_cues_inside_quotes_are_skipped(cues):
    text = 'Norland called on Vesterby to wait, "as we said," officials added.'
    tokens = tokens_of(text, cues)
    found = find_cues(tokens, cues, blocked=((36, 48),))
    assert [(cue.text, cue.group) for cue in found] == [("called on", "object_verbs"), ("added", "speech_verbs")]


def test_capitalised_cues_count_only_in_a_headline(cues):
    assert [c.text for c in find_cues(tokens_of("Lind Says Talks Are Over", cues), cues)] == ["says"]
    assert [c.text for c in find_cues(tokens_of("United States Says It Will Wait", cues), cues)] == ["says"]
    assert find_cues(tokens_of("Lind Says Talks Are Over.", cues), cues) == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Vesterby has firmly denied it.", "Vesterby"),
        ("Oskar Lind, the head of the port authority, said so.", "Oskar Lind"),
        ("Ana Ruiz (Ind.) said so.", "Ana Ruiz"),
        ("But a senior official said so.", "a senior official"),
        ("Yesterday he said so.", "he"),
    ],
)
def test_speaker_before_a_cue(cues, text, speaker):
    tokens, cue = only_cue(text, cues)
    start, end = speaker_before(tokens, cue, floor=0, cues=cues)
    assert text[start:end] == speaker


@pytest.mark.parametrize("text", ["Lind was accused by Holm.", "Norland's claims grew.", "They refused to say."])
def test_no_speaker_before_a_passive_a_possessive_or_an_infinitive(cues, text):
    tokens, cue = only_cue(text, cues)
    assert speaker_before(tokens, cue, floor=0, cues=cues) is None


def test_accusation_verb_without_an_object_is_no_cue(cues):
    assert find_cues(tokens_of("Lind was accused of theft.", cues), cues) == ()


def test_speaker_after_a_cue_stops_at_punctuation_and_prepositions(cues):
    text = "Prices will rise, said the bank's chief economist in a note."
    tokens, cue = only_cue(text, cues)
    start, end = speaker_after(tokens, cue, cues=cues)
    assert text[start:end] == "the bank's chief economist"


def test_trailing_name_drops_titles_and_lowercase_words(cues):
    assert trailing_name("Research Director Raj Shah", titles=cues.title_words) == "Raj Shah"
    assert trailing_name("opposition nominee Ana Ruiz", titles=cues.title_words) == "Ana Ruiz"
    assert trailing_name("The Harbour Gazette") == "Harbour Gazette"
    assert trailing_name("a senior official") == ""


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("the Institute for the Study of War", "Institute for the Study of War"),
        ("Washington’s Institute for the Study of War", "Institute for the Study of War"),
        ("Breitbart's Joel Pollak", "Joel Pollak"),
        ("the Bureau of Labor Statistics", "Bureau of Labor Statistics"),
        ("Holger Schmieding of Berenberg", "Holger Schmieding"),
        ("Secretary of State John Kerry", "John Kerry"),
        ("Chief of Staff Katie Walsh", "Katie Walsh"),
        ("Minister of Foreign Affairs of Ukraine Dmytro Kuleba", "Dmytro Kuleba"),
        ("the Justice Department", "Justice Department"),
        ("Governor Ivo Brandt of Harbour Department", "Ivo Brandt"),
        ("The US Secretary of State", ""),
        ("the mayor of Kharkiv", "Kharkiv"),
    ],
)
def test_trailing_name_across_of_and_possessives(raw, name, cues):
    found = trailing_name(raw, titles=cues.title_words, complements=cues.title_complements, heads=cues.name_heads)
    assert found == name


def test_title_phrase_without_a_name_is_an_unnamed_speaker(cues):
    text = "The US Secretary of State"
    assert resolve_speaker((0, len(text)), context(text, [], cues)) == Speaker("", text, 0, len(text))


def test_head_words_look_before_of():
    assert head_words("the head of the port") == ("head", "port")
    assert head_words("officials") == ("officials",)


def context(text, mentions, cues):
    return SpeakerContext(text=text, mentions=tuple(mentions), registry=REGISTRY, cues=cues)


def mention(text, surface, actor_id, actor_type, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    actor = REGISTRY.get(actor_id)
    return MentionRef(0, actor_id, actor.name if actor else surface, actor_type, start, start + len(surface))


def test_person_mention_wins_inside_a_speaker_phrase(cues):
    text = "Norland envoy Oskar Lind said so."
    found = [mention(text, "Norland", "norland", "country"), mention(text, "Oskar Lind", "oskar_lind", "person")]
    speaker = resolve_speaker((0, 24), context(text, found, cues))
    assert (speaker.actor_id, speaker.name) == ("oskar_lind", "Oskar Lind")


def test_speaker_without_mention_uses_registry_then_raw_name_then_noun(cues):
    text = "Petra Holm. Ivo Brand. the port authority. the early-morning"
    ctx = context(text, [], cues)
    assert resolve_speaker((0, 10), ctx).actor_id == "petra_holm"
    assert (resolve_speaker((12, 21), ctx).actor_id, resolve_speaker((12, 21), ctx).name) == (
        "unregistered:Ivo Brand",
        "Ivo Brand",
    )
    assert (resolve_speaker((23, 41), ctx).actor_id, resolve_speaker((23, 41), ctx).name) == ("", "the port authority")
    assert resolve_speaker((43, 60), ctx) is None


def test_pronoun_resolves_to_last_person_of_its_gender(cues):
    text = "Oskar Lind met Petra Holm. He left; she stayed; it closed."
    found = [mention(text, "Oskar Lind", "oskar_lind", "person"), mention(text, "Petra Holm", "petra_holm", "person")]
    ctx = context(text, found, cues)
    assert resolve_speaker((27, 29), ctx).actor_id == "oskar_lind"
    assert resolve_speaker((36, 39), ctx).actor_id == "petra_holm"
    unresolved = resolve_speaker((48, 50), ctx)
    assert (unresolved.actor_id, unresolved.name, unresolved.start, unresolved.end) == ("", "", 48, 50)


def test_tokens_carry_their_lowercase_and_offsets(cues):
    tokens = tokens_of("Kyiv SAID no.", cues)
    assert [(t.text, t.lower, t.start, t.end, t.is_word) for t in tokens] == [
        ("Kyiv", "kyiv", 0, 4, True),
        ("SAID", "said", 5, 9, True),
        ("no", "no", 10, 12, True),
        (".", ".", 12, 13, False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy said so.", True),
        ("According to the mayor, it rained.", True),
        ("Officials TOLD reporters.", True),
        ("The weather was mild and the roads were dry.", False),
        ("A saidlike word and resaid do not count.", False),
    ],
)
def test_may_hold_cue_screens_sentences_without_a_cue_word(cues, text, expected):
    assert cues.may_hold_cue(text, 0, len(text)) is expected
    # the screen never hides a cue the full search would find
    if not expected:
        assert find_cues(tokens_of(text, cues), cues) == ()


def test_tokens_of_a_span_have_offsets_into_the_whole_text(cues):
    text = "Intro.  Mr. Lind’s aide—Dr. Holm—said: “Done.”\tU.S.-led talks, 3.5 pct."
    start = text.index("Mr.")
    tokens = tokenize(text, start, len(text), pattern=cues.token_pattern)
    assert [t.text for t in tokens] == [
        "Mr.", "Lind’s", "aide", "—", "Dr.", "Holm", "—", "said", ":", "“", "Done", ".", "”",
        "U.S.", "-", "led", "talks", ",", "3", ".", "5", "pct", ".",
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokens[0].start == 8 and tokens[-1].end == len(text)


def test_split_tokens_equal_a_loop_over_matches(cues):
    # tokenize splits on the pattern's one group; tokenize_matches loops over matches of any pattern
    text = "  Gov. Ana Ruiz, Sen. Bo Li and Mrs. Lind (U.N.) met; “It’s done,” No. 10 said.  "
    plain = re.compile(cues.token_pattern.pattern[1:-1])  # the same pattern without its group
    assert plain.groups == 0
    for start, end in [(0, len(text)), (2, 30), (7, 60), (30, 31), (5, 5)]:
        assert tokenize(text, start, end, pattern=cues.token_pattern) == tokenize_matches(
            text, start, end, pattern=plain
        )
        assert tokenize(text, start, end, pattern=plain) == tokenize(text, start, end, pattern=cues.token_pattern)


def test_abbreviations_with_any_first_character_stay_whole():
    pattern = make_token_pattern(("approx", "vs", "Rep"))
    text = "It cost approx. 5 dollars, Oslo vs. Bergen, said Rep. Lind of the E.U. in Oslo."
    words = [t.text for t in tokenize(text, 0, len(text), pattern=pattern)]
    assert words[:4] == ["It", "cost", "approx.", "5"]
    assert words[7:10] == ["vs.", "Bergen", ","]
    assert "Rep." in words and "E.U." in words and "Rep" not in words
