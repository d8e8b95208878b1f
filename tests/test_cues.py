"""Tests for analysis.cues: cue phrase patterns, negation and clause subjects."""

from __future__ import annotations

import re

import pytest

from analysis.cues import (
    RoleRules,
    ScreenedPattern,
    candidate_screen,
    clause_mentions,
    compile_phrases,
    find_spans,
    find_spans_each,
    folded_source,
    guarded,
    is_negated,
    is_object_position,
    opening_subject,
    phrase_regex,
    prefix_tree,
    screen_source,
    screen_words,
    starts_with_participle,
    subjects_before,
)

MARKERS = frozenset({"to", "for", "as", "by", "with", "of"})
ROLES = RoleRules(object_markers=MARKERS, verb_endings=("ed", "ing"), acting_nouns=frozenset({"leaders"}))


def matches(phrases: list[str], text: str, **options) -> list[str]:
    pattern = compile_phrases(phrases, **options)
    return [text[start:end] for start, end in find_spans(pattern, text, 0, len(text))]


@pytest.mark.parametrize(
    ("phrases", "text", "expected"),
    [
        (["accus*"], "Kyiv accused Moscow; Moscow accuses Kyiv.", ["accused", "accuses"]),
        (["ask* ... to"], "They asked President Putin to act; ask whether.", ["asked President Putin to"]),
        (["call* for"], "She called  for talks, recalled for nothing.", ["called  for"]),
        (["*n't"], "They didn't and won’t.", ["didn't"]),
        (["*n’t"], "They won’t.", ["won’t"]),
        (
            ["gross violation", "violation of international law"],
            "a gross violation of international law",
            ["gross violation"],
        ),
        (["back"], "Feedback came back.", ["back"]),
        (["backed"], "Russian-backed rebels backed it.", ["backed"]),
        ([], "anything", []),
    ],
)
def test_phrase_patterns(phrases: list[str], text: str, expected: list[str]) -> None:
    assert matches(phrases, text) == expected


def test_owner_markers_refuse_cues_naming_someone_elses_act() -> None:
    phrases = ["appeal*", "gross violation", "violation of international law", "condemnation of"]
    text = "the appeals of the rebels, an appeal to Putin, a gross violation of international law, condemnation of war"
    assert matches(phrases, text, not_followed_by=["of", "from"]) == [
        "appeal",
        "violation of international law",
        "condemnation of",
    ]


def test_is_negated_looks_at_a_few_words_before() -> None:
    negators = compile_phrases(["not", "never", "refused to", "*n't"])
    text = (
        "Germany did not really support it; France refused to back it; Italy didn't object and will gladly support it."
    )
    assert is_negated(text, text.index("support"), floor=0, negators=negators, window=3)
    assert is_negated(text, text.index("back"), floor=0, negators=negators, window=3)
    assert not is_negated(text, text.rindex("support"), floor=0, negators=negators, window=3)
    assert not is_negated(text, text.index("support"), floor=text.index("really"), negators=negators, window=3)
    assert not is_negated(text, 10, floor=0, negators=None, window=3)


def mention_list(text: str, surfaces: list[tuple[str, str]]) -> list[tuple[str, str, int, int]]:
    """Mention spans (actor_id, actor, start, end) in text order, each at the surface's first occurrence."""
    spans = [
        (actor_id, surface, text.index(surface), text.index(surface) + len(surface)) for actor_id, surface in surfaces
    ]
    return sorted(spans, key=lambda span: span[2])


def test_clause_mentions_flags_roles() -> None:
    text = 'Washington said Moscow\'s plan, sent to Kyiv, was "wrong for Europe".'
    frame = mention_list(text, [("us", "Washington"), ("ru", "Moscow"), ("ua", "Kyiv"), ("eu", "Europe")])
    quotes = [(text.index("wrong"), text.index("Europe") + 6, "us")]
    found = clause_mentions(text, frame, (0, len(text)), quotes=quotes, roles=ROLES)
    assert [(m.actor_id, m.possessive, m.after_marker, m.quoted) for m in found] == [
        ("us", False, False, False),
        ("ru", True, False, False),
        ("ua", False, True, False),
        ("eu", False, True, True),
    ]
    assert [m.actor_id for m in subjects_before(found, len(text), text=text)] == ["us"]


@pytest.mark.parametrize(
    ("text", "surfaces", "expected"),
    [
        ("The Russian parliament has asked Putin", [("duma", "Russian parliament"), ("putin", "Putin")], ["duma"]),
        ("Russia's Foreign Minister Lavrov said so", [("russia", "Russia"), ("lavrov", "Lavrov")], ["lavrov"]),
        ("accusing Ukraine of planning an attack", [("ukraine", "Ukraine")], []),
        ("as the Ukraine crisis escalated", [("ukraine", "Ukraine")], []),
        ("Putin Says Ukraine Separatists' Request", [("ukraine", "Ukraine"), ("rebels", "Separatists")], []),
        ("with fears mounting that Russia is ready", [("russia", "Russia")], []),
        ("which Kyiv has firmly denied", [("ukraine", "Kyiv")], ["ukraine"]),
    ],
)
def test_opening_subject(text: str, surfaces: list[tuple[str, str]], expected: list[str]) -> None:
    found = clause_mentions(text, mention_list(text, surfaces), (0, len(text)), quotes=[], roles=ROLES)
    assert [m.actor_id for m in opening_subject(text, (0, len(text)), found, blockers=MARKERS)] == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([], False),
        (["appeal", "to"], True),
        (["invasion", "of"], True),
        (["leaders", "of"], False),
        (["Kyiv", "thanked"], True),
        (["the", "Kremlin-backed"], False),
        (["Monday,", "Speaking"], False),
        (["Friday", "the"], False),
    ],
)
def test_is_object_position(words: list[str], expected: bool) -> None:
    assert is_object_position(words, ROLES) is expected


def test_starts_with_participle() -> None:
    assert starts_with_participle("x accusing Kyiv", (2, 15))
    assert not starts_with_participle("Beijing said", (0, 12))
    assert not starts_with_participle("", (0, 0))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["nato"], "nato"),
        (["nat", "nato"], "nat(?:o)?"),
        (["recogni*", "recognition"], "recogni(?:tion|\\w*)"),
        (["join*", "open-door", "open"], "(?:join\\w*|open(?:\\-door)?)"),
    ],
)
def test_prefix_tree(words: list[str], expected: str) -> None:
    assert prefix_tree(sorted(words)) == expected


def test_screen_words_are_first_words_unless_a_phrase_opens_with_a_wildcard() -> None:
    assert screen_words(["join* NATO", "Neutral status", "neutrality", " "]) == ("join*", "neutral", "neutrality")
    assert screen_words(["*n't back", "back"]) is None
    assert screen_words(["... to", "back"]) is None


def test_screen_finds_every_place_a_phrase_could_start() -> None:
    screen = re.compile(
        screen_source(screen_words(["join* NATO", "neutral status", "ceasefire"]), [r"Minsk\W+II"]), re.I
    )
    text = "Kyiv joined; NEUTRAL-minded, ceasefires, rejoin, Minsk II, ceasefire-x"
    assert [match.group() for match in screen.finditer(text)] == ["joined", "NEUTRAL", "Minsk II", "ceasefire"]


def test_guarded_patterns_find_the_same_matches() -> None:
    phrases = ["recogni* ... independence", "recognition", "recogni* them", "join* NATO", "neutral*"]
    plain = compile_phrases(phrases)
    sources = sorted({phrase_regex(phrase) for phrase in phrases}, key=len, reverse=True)
    unguarded = re.compile(r"(?<![\w-])(?:" + "|".join(sources) + r")(?![\w-])", re.IGNORECASE)
    text = (
        "Moscow's recognition of the republics' independence; they recognised them. Kyiv wants to join NATO, "
        "not neutrality; re-recognition, neutral-ish."
    )
    assert guarded("a", "") == "a"
    assert "(?=" in plain.pattern
    found = [match.span() for match in plain.finditer(text)]
    assert found == [match.span() for match in unguarded.finditer(text)]
    assert [text[start:end] for start, end in found] == [
        "recognition of the republics' independence",
        "recognised them",
        "join NATO",
        "neutrality",
    ]


EACH_PHRASES = (["accus*", "call* for"], ["accused of", "for talks"], ["talks"], ["ask* ... to"])
EACH_TEXT = (
    "Kyiv accused Moscow of shelling; Moscow called for talks and accuses Kyiv. "
    "They asked Putin to act, calling for calm talks, accused of nothing"
)


def test_spans_of_each_pattern_from_one_screen_equal_a_scan_per_pattern():
    patterns = [compile_phrases(phrases) for phrases in EACH_PHRASES]
    words = screen_words([phrase for phrases in EACH_PHRASES for phrase in phrases])
    screen = candidate_screen(screen_source(words))
    first_clause = EACH_TEXT.index(";")
    for start, end in [(0, len(EACH_TEXT)), (0, first_clause), (5, 60), (first_clause, first_clause + 1)]:
        expected = [find_spans(pattern, EACH_TEXT, start, end) for pattern in patterns]
        assert find_spans_each(patterns, screen, EACH_TEXT, start, end) == expected
        assert find_spans_each(patterns, None, EACH_TEXT, start, end) == expected
    whole = find_spans_each(patterns, screen, EACH_TEXT, 0, len(EACH_TEXT))
    # overlapping matches of different patterns are all kept; each pattern's own matches never overlap
    assert [EACH_TEXT[s:e] for s, e in whole[0]] == ["accused", "called for", "accuses", "calling for", "accused"]
    assert [EACH_TEXT[s:e] for s, e in whole[1]] == ["for talks", "accused of"]  # overlaps "called for"
    assert [EACH_TEXT[s:e] for s, e in whole[3]] == ["asked Putin to"]


def test_spans_of_each_pattern_see_past_the_span_end_as_find_spans_does():
    # "gross violation" is refused before "of" (an owner marker) even when the span ends before "of"
    pattern = compile_phrases(["gross violation", "violation"], not_followed_by=["of"])
    screen = candidate_screen(screen_source(screen_words(["gross violation", "violation"])))
    text = 'a "gross violation" of law, a gross violation.'
    end = text.index('"', 4)
    assert find_spans_each([pattern, None], screen, text, 0, end) == [find_spans(pattern, text, 0, end), []] == [[], []]
    last = find_spans_each([pattern], screen, text, 0, len(text))[0]
    assert [text[s:e] for s, e in last] == ["gross violation"] and last[0][0] == text.rindex("gross")


def test_candidate_screen_matches_at_every_position_where_the_screen_holds():
    screen = candidate_screen(screen_source(["talk*", "calls"]))
    text = "Talks, talking and calls; recalls"
    assert screen.positions(text, 0, len(text)) == [0, 7, 19]
    assert screen.positions(text, 1, len(text)) == [7, 19]
    assert screen.holds(text, 20, len(text)) is False  # "alls; recalls": no whole word
    assert candidate_screen("") is None


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?<![\w-])nato(?!\w)", r"(?<![\w-])nato(?!\w)"),
        (r"NATO(?:['’]s)?\W+(?:DNR|Donbas+)\b", r"nato(?:['’]s)?\W+(?:dnr|donbas+)\b"),
        (r"[A-Z]\S+ \Bx\D", r"[a-z]\S+ \Bx\D"),  # escapes keep their case, same-case ranges fold
        (r"\x41BC", None),  # "\x41" is "A": the folded source could not tell
        (r"\101", None),
        (r"[A-z]", None),  # the range holds "[", "_" and more: folded it would not
        (r"[0-Z]", None),
        ("Émigré", None),  # a non-ASCII letter: Python's case folding has exceptions beyond str.lower
        ("(?L)x", None),  # no lowercase form of this flag
    ],
)
def test_folded_source_lowercases_letters_where_that_keeps_the_matches(source, expected):
    assert folded_source(source) == expected


SCREEN_TEXT = (
    "İstanbul talks on NATO. NATO and Nato-backed talks; ANTI-NATO rallies. "
    "The naTo summit, then talks ın Kyiv and ſanctions on NATO."
)
ANTI = SCREEN_TEXT.index("ANTI")
SCREEN_SPANS = [
    (0, len(SCREEN_TEXT)),
    (0, SCREEN_TEXT.index("The")),  # "İ" lowercases to two characters: searched as written
    (SCREEN_TEXT.index("NATO and"), ANTI),  # lowercase
    (ANTI + 2, ANTI + 9),  # "TI": the look-behind sees "AN" before the span
    (ANTI + 3, ANTI + 4),
    (SCREEN_TEXT.index("The"), len(SCREEN_TEXT)),  # "ın", "ſ": searched as written
]


@pytest.mark.parametrize(
    "source",
    [screen_source(["nato", "talk*", "sanctions", "in"]), r"NATO\W+(?:summit|and)|\btalks\b", r"(?<=an)ti\b"],
)
def test_screen_finds_what_a_case_insensitive_search_finds(source):
    """The lowercase search gives the same positions, also where it is not used: a span whose lowercase is
    longer ("İstanbul"), or that holds "ı" or "ſ" (which Python's case-insensitive search takes for "i"
    and "s"); and look-behinds see the text before the span."""
    screen = candidate_screen(source)
    written = re.compile(f"(?=(?:{source}))", re.IGNORECASE)
    assert screen.folded is not None
    for start, end in SCREEN_SPANS:
        expected = [match.start() for match in written.finditer(SCREEN_TEXT, start, end)]
        assert screen.positions(SCREEN_TEXT, start, end) == expected
        assert screen.holds(SCREEN_TEXT, start, end) is bool(expected)


def test_screen_positions_in_a_span_with_a_dotless_i_or_a_long_s():
    screen = candidate_screen(screen_source(["in", "sanctions"]))
    start = SCREEN_TEXT.index("The")
    # "ın" and "ſanctions" count as "in" and "sanctions", as Python's case-insensitive search has them
    found = screen.positions(SCREEN_TEXT, start, len(SCREEN_TEXT))
    assert [SCREEN_TEXT[position : position + 9] for position in found] == ["ın Kyiv a", "ſanctions"]


def test_screened_pattern_searches_as_the_pattern_does():
    words = screen_words(["talks", "nato"])
    pattern = re.compile(guarded(r"talks\W+on\W+nato|nato\W+summit", screen_source(words)), re.IGNORECASE)
    screened = ScreenedPattern(pattern, candidate_screen(screen_source(words)))
    for start, end in SCREEN_SPANS:
        expected = pattern.search(SCREEN_TEXT, start, end)
        found = screened.search(SCREEN_TEXT, start, end)
        assert (found and found.span()) == (expected and expected.span())
    assert screened.search(SCREEN_TEXT, 0, len(SCREEN_TEXT)).group() == "talks on NATO"
    second = SCREEN_TEXT.index("NATO and")
    assert screened.search(SCREEN_TEXT, second, len(SCREEN_TEXT)).group() == "naTo summit"
    assert screened.search(SCREEN_TEXT, second, SCREEN_TEXT.index("The")) is None


@pytest.mark.parametrize("opening", ["Istanbul", "İstanbul"])  # lowercase, or as written ("İ" lowercases to two)
def test_screened_pattern_finds_the_sentences_the_pattern_finds(opening):
    words = screen_words(["talks", "nato"])
    pattern = re.compile(guarded(r"talks\W+on\W+nato|nato\W+summit", screen_source(words)), re.IGNORECASE)
    screened = ScreenedPattern(pattern, candidate_screen(screen_source(words)))
    text = SCREEN_TEXT.replace("İstanbul", opening).replace("ın", "in").replace("ſ", "s")
    first, second = text.index(". ") + 1, text.index("The")
    sentences = [(0, 0, first), (1, first + 1, second - 1), (2, second, len(text))]
    assert (screened.screen.fold(text) is None) is (opening == "İstanbul")
    assert screened.sentences_matching(text, sentences) == [(0, 0, first), (2, second, len(text))]
    assert ScreenedPattern(pattern, None).sentences_matching(text, sentences) == [sentences[0], sentences[2]]


@pytest.mark.parametrize("phrase", ["favo*r", "in favo*r of", "re*cogni*"])
def test_a_star_inside_a_word_is_refused_with_the_phrase_named(phrase: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"phrase '{phrase}': a '*' may only open or close a word")):
        compile_phrases([phrase])
