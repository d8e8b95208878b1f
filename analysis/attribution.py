"""Who speaks: speech cues (data/speech_cues.yaml), the speaker phrase next to a cue, and the actor it names.

Sentences are tokenised with a small regex (words keep inner hyphens and apostrophes, every other
non-space character is a token of its own); offsets are always into the article text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from itertools import accumulate, pairwise, repeat
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

from analysis.candidates import NAME_CONNECTORS, honorific_gender_before, parse_honorific_genders
from analysis.cues import Screen, candidate_screen, prefix_tree
from analysis.registry import Registry
from analysis.schema import UNREGISTERED_PREFIX
from analysis.spans import SpanIndex
from analysis.yaml_text import parse_yaml

DEFAULT_SPEECH_CUES = Path(__file__).resolve().parent.parent / "data" / "speech_cues.yaml"
INITIALS_PATTERN = r"(?:[A-Z]\.){2,}"  # "U.S.", "E.U."
WORD_PATTERN = rf"{INITIALS_PATTERN}|\w+(?:[-'’]\w+)*|[^\w\s]"
# The whole pattern is one capturing group, so that `tokenize` can split a sentence into alternating gaps
# and tokens (re.split keeps captured separators); finditer matches are the same with or without it.
TOKEN_PATTERN = re.compile(f"({WORD_PATTERN})")
CUE_GROUPS: tuple[str, ...] = (
    "speech_verbs",
    "object_verbs",
    "accusation_verbs",
    "denial_verbs",
    "participles",
    "source_phrases",
    "naming_verbs",
    "quote_verbs",
)
POSSESSIVE_ENDINGS: tuple[str, ...] = ("'s", "’s", "s'", "s’")


@dataclass(frozen=True)
class SpeechCues:
    """Cue words and the small word lists that find speakers and reported content (see data/speech_cues.yaml)."""

    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (lowercase words, group), longest first
    by_first_word: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    skip_before_cue: frozenset[str] = frozenset()
    passive_markers: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    audience_words: tuple[tuple[str, ...], ...] = ()
    adjunct_words: frozenset[str] = frozenset()
    speaker_stop_words: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    pronouns: tuple[tuple[str, str], ...] = ()  # (lowercase pronoun, male | female | group)
    content_breaks: frozenset[str] = frozenset()
    summary_nouns: frozenset[str] = frozenset()  # ", a claim that could not be verified" ends the content
    leading_links: frozenset[str] = frozenset()  # "But private Chinese companies": not part of the group
    subordinators: frozenset[str] = frozenset()  # "After X said …, Y did": X's words end at the comma
    outlet_nouns: frozenset[str] = frozenset()  # "told the Nice-Matin regional daily": an audience, no content
    duration_openers: frozenset[str] = frozenset()  # "has been saying for months": how long, no content
    duration_words: frozenset[str] = frozenset()
    accusation_reasons: frozenset[str] = frozenset()  # "criticised Russia for …": an accusation with content
    content_adjuncts: frozenset[str] = frozenset()  # adjunct words that also open content ("vowed to denazify")
    quoting_verbs: frozenset[str] = frozenset()  # "quoted X as saying": X speaks, not who quoted X
    quoted_reach: int = 10  # tokens between a quoting verb and "as saying"
    pronoun_chain: int = 2  # sentences naming only an object that a pronoun passes through to a subject before
    # "…, two sources told Reuters.": the closing attribution's speaker and the words after its verb, at most
    attribution_speaker_words: int = 6
    attribution_tail_words: int = 3
    not_attribution_openers: frozenset[str] = frozenset()  # "…, despite earlier reports.": no attribution
    # a phrase opening with one of these before "that" says where or when ("said in a court appearance … that")
    adjunct_prepositions: frozenset[str] = frozenset()
    phrase_prepositions: frozenset[str] = frozenset()  # a determiner after one of these is inside such a phrase
    adjunct_that_window: int = 16
    speech_adjuncts: frozenset[str] = frozenset()  # adjunct words after verbs of saying ("testified for …")
    person_relatives: frozenset[str] = frozenset()  # ", who is chair of X said": the speaker is before the comma
    relative_objects: frozenset[str] = frozenset()  # the prepositions before "X" in that clause
    break_at_participles: bool = True
    that_window: int = 8
    max_scare_words: int = 2
    max_cue_distance: int = 20
    speaker_nouns: frozenset[str] = frozenset()
    headline_cues: frozenset[tuple[str, ...]] = frozenset()
    quote_dashes: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    title_complements: frozenset[str] = frozenset()
    needs_that: frozenset[str] = frozenset()
    noun_cues: frozenset[str] = frozenset()
    other_senses: tuple[tuple[str, ...], ...] = ()  # a cue and the words after it that are no speech: "asked of"
    other_senses_unless_told: tuple[tuple[str, ...], ...] = ()  # the same unless an audience follows: "added to"
    attributive_openers: frozenset[str] = frozenset()  # "the reported cases": a participle describing a noun
    nouns_before_of: frozenset[str] = frozenset()
    noun_followers: frozenset[str] = frozenset()
    noun_prepositions: frozenset[str] = frozenset()
    not_speakers: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()  # "Russian claims that …": an adjective, no speaker's name
    pronoun_objects: frozenset[str] = frozenset()
    not_gerunds: frozenset[str] = frozenset()  # words ending in -ing that are no verb ("during", "evening")
    apposition_objects: frozenset[str] = frozenset()
    others_of_owner: frozenset[str] = frozenset()
    members_of_body: frozenset[str] = frozenset()  # "a Duma member", "the Senate minority leader": not the body
    passive_objects: frozenset[str] = frozenset()
    source_joiners: frozenset[str] = frozenset()
    source_documents: frozenset[str] = frozenset()
    location_joiners: frozenset[str] = frozenset()
    time_phrase_words: frozenset[str] = frozenset()
    statement_openers: frozenset[str] = frozenset()
    # an opening phrase of time, place or circumstance before "…, X said" is no statement ("On Saturday")
    introductory_openers: frozenset[str] = frozenset()
    place_offices: frozenset[str] = frozenset()  # "the governor of Luhansk said": the place does not speak
    quantity_phrases: frozenset[str] = frozenset()  # "at least": an opener that starts a statement
    # right after a cue, these open what the words are about, not who said them ("said of the prisoners")
    topic_words: frozenset[str] = frozenset()
    # a cue right after one of these (past `negation_skips`) reports no statement: "has not yet declared"
    cue_negators: frozenset[str] = frozenset()
    negation_skips: frozenset[str] = frozenset()
    honorific_genders: tuple[tuple[str, str], ...] = ()  # (honorific as written, male | female)
    given_name_genders: tuple[tuple[str, str], ...] = ()  # (given name as written, male | female)
    audience_cues: frozenset[str] = frozenset()
    title_small_words: frozenset[str] = frozenset()
    title_introducers: frozenset[str] = frozenset()
    name_heads: frozenset[str] = frozenset()
    affiliation_words: frozenset[str] = frozenset()
    speaker_suffixes: tuple[str, ...] = ()
    singular_noun_cues: frozenset[str] = frozenset()  # "demand": a noun unless a subject or modal is before it
    verb_subjects: frozenset[str] = frozenset()
    possessive_pronouns: tuple[tuple[str, str], ...] = ()  # (his | her | its | their, male | female | group)
    owner_voices: frozenset[str] = frozenset()
    owner_states: frozenset[str] = frozenset()
    token_pattern: re.Pattern[str] = TOKEN_PATTERN
    # finds every cue's first word as a whole word: a sentence where it finds none holds no cue
    first_word_screen: Screen | None = field(default=None, compare=False, repr=False)
    # the one-word `speech_verbs` ("said", "warned"), for the pronoun rules: derived, never passed
    speech_words: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # the names of `given_name_genders`, for `name_before_of`: derived, never passed
    given_names: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        # A lookup by first word, so matching a token tries only the cues that start with it.
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, group in self.phrases:
            index.setdefault(words[0], []).append((words, group))
        object.__setattr__(self, "by_first_word", {word: tuple(items) for word, items in index.items()})
        speech = frozenset(words[0] for words, group in self.phrases if group == "speech_verbs" and len(words) == 1)
        object.__setattr__(self, "speech_words", speech)
        object.__setattr__(self, "given_names", frozenset(name for name, _ in self.given_name_genders))
        if index and all(word.isalnum() for word in index):  # a word token is a whole \w+ run of the text
            tree = prefix_tree(sorted(index))
            object.__setattr__(self, "first_word_screen", candidate_screen(rf"(?<!\w){tree}(?!\w)"))

    def may_hold_cue(self, text: str, start: int, end: int, *, folded: str | None = None) -> bool:
        """False when text[start:end] holds no cue's first word, so that no cue can be found there (`folded`:
        the screen's `fold` of the text, when the caller screens many sentences of it)."""
        return self.first_word_screen is None or self.first_word_screen.holds(text, start, end, folded=folded)

    def pronoun_kind(self, word: str) -> str:
        """male, female or group for a pronoun speaker ("he", "they"), "" for any other word."""
        return dict(self.pronouns).get(word.lower(), "")

    def possessive_kind(self, word: str) -> str:
        """male, female or group for a possessive pronoun ("his", "its"), "" for any other word."""
        return dict(self.possessive_pronouns).get(word.lower(), "")


def string_items(data: dict[str, Any], key: str) -> list[str]:
    """A YAML list of words; ValueError when an item is not a string (an unquoted on/off/yes/no)."""
    items = data.get(key) or []
    wrong = [item for item in items if not isinstance(item, str)]
    if wrong:
        raise ValueError(f'speech cues: \'{key}\' has non-text items {wrong} (quote words like "on" or "no")')
    return items


def word_set(data: dict[str, Any], key: str) -> frozenset[str]:
    """A YAML list as a set of lowercase strings."""
    return frozenset(item.lower() for item in string_items(data, key))


def phrase_tuples(data: dict[str, Any], key: str) -> tuple[tuple[str, ...], ...]:
    """YAML phrases ("called on") as tuples of lowercase words."""
    return tuple(tuple(item.lower().split()) for item in string_items(data, key))


def pronoun_pairs(data: dict[str, Any], key: str) -> tuple[tuple[str, str], ...]:
    """(pronoun, kind) pairs of a mapping from kind (male, female, group) to its pronouns."""
    return tuple((str(word).lower(), kind) for kind, words in (data.get(key) or {}).items() for word in words)


def parse_speech_cues(data: dict[str, Any]) -> SpeechCues:
    """SpeechCues from the parsed YAML mapping."""
    phrases = [(words, group) for group in CUE_GROUPS for words in phrase_tuples(data, group)]
    pronouns = pronoun_pairs(data, "pronouns")
    return SpeechCues(
        phrases=tuple(sorted(phrases, key=lambda item: -len(item[0]))),
        skip_before_cue=word_set(data, "skip_before_cue"),
        passive_markers=word_set(data, "passive_markers"),
        time_words=word_set(data, "time_words"),
        audience_words=tuple(sorted(phrase_tuples(data, "audience_words"), key=len, reverse=True)),
        adjunct_words=word_set(data, "adjunct_words"),
        speaker_stop_words=word_set(data, "speaker_stop_words"),
        determiners=word_set(data, "determiners"),
        pronouns=pronouns,
        possessive_pronouns=pronoun_pairs(data, "possessive_pronouns"),
        owner_voices=word_set(data, "owner_voices"),
        owner_states=word_set(data, "owner_states"),
        content_breaks=word_set(data, "content_breaks"),
        summary_nouns=word_set(data, "summary_nouns"),
        outlet_nouns=word_set(data, "outlet_nouns"),
        duration_openers=word_set(data, "duration_openers"),
        duration_words=word_set(data, "duration_words"),
        accusation_reasons=word_set(data, "accusation_reasons"),
        subordinators=word_set(data, "subordinators"),
        leading_links=word_set(data, "leading_links"),
        content_adjuncts=word_set(data, "content_adjuncts"),
        quoting_verbs=word_set(data, "quoting_verbs"),
        quoted_reach=int(data.get("quoted_reach", 10)),
        pronoun_chain=int(data.get("pronoun_chain", 2)),
        attribution_speaker_words=int(data.get("attribution_speaker_words", 6)),
        attribution_tail_words=int(data.get("attribution_tail_words", 3)),
        not_attribution_openers=word_set(data, "not_attribution_openers"),
        adjunct_prepositions=word_set(data, "adjunct_prepositions"),
        phrase_prepositions=word_set(data, "phrase_prepositions"),
        adjunct_that_window=int(data.get("adjunct_that_window", 16)),
        speech_adjuncts=word_set(data, "speech_adjuncts"),
        person_relatives=word_set(data, "person_relatives"),
        relative_objects=word_set(data, "relative_objects"),
        break_at_participles=bool(data.get("break_at_participles", True)),
        that_window=int(data.get("that_window", 8)),
        max_scare_words=int(data.get("max_scare_words", 2)),
        max_cue_distance=int(data.get("max_cue_distance", 20)),
        speaker_nouns=word_set(data, "speaker_nouns"),
        headline_cues=frozenset(phrase_tuples(data, "headline_cues")),
        quote_dashes=frozenset(string_items(data, "quote_dashes")),
        title_words=word_set(data, "title_words"),
        title_complements=word_set(data, "title_complements"),
        needs_that=word_set(data, "needs_that"),
        noun_cues=word_set(data, "noun_cues"),
        other_senses=phrase_tuples(data, "other_senses"),
        other_senses_unless_told=phrase_tuples(data, "other_senses_unless_told"),
        attributive_openers=word_set(data, "attributive_openers"),
        nouns_before_of=word_set(data, "nouns_before_of"),
        singular_noun_cues=word_set(data, "singular_noun_cues"),
        verb_subjects=word_set(data, "verb_subjects"),
        noun_followers=word_set(data, "noun_followers"),
        noun_prepositions=word_set(data, "noun_prepositions"),
        not_speakers=word_set(data, "not_speakers"),
        demonyms=word_set(data, "demonyms"),
        pronoun_objects=word_set(data, "pronoun_objects"),
        not_gerunds=word_set(data, "not_gerunds"),
        apposition_objects=word_set(data, "apposition_objects"),
        others_of_owner=word_set(data, "others_of_owner"),
        members_of_body=word_set(data, "members_of_body"),
        passive_objects=word_set(data, "passive_objects"),
        source_joiners=word_set(data, "source_joiners"),
        source_documents=word_set(data, "source_documents"),
        location_joiners=word_set(data, "location_joiners"),
        time_phrase_words=word_set(data, "time_phrase_words"),
        statement_openers=word_set(data, "statement_openers"),
        cue_negators=word_set(data, "cue_negators"),
        topic_words=word_set(data, "topic_words"),
        introductory_openers=word_set(data, "introductory_openers"),
        place_offices=word_set(data, "place_offices"),
        quantity_phrases=word_set(data, "quantity_phrases"),
        negation_skips=word_set(data, "negation_skips"),
        honorific_genders=parse_honorific_genders(data),
        given_name_genders=parse_honorific_genders(data, key="given_name_genders"),
        audience_cues=word_set(data, "audience_cues"),
        title_small_words=word_set(data, "title_small_words"),
        title_introducers=word_set(data, "title_introducers"),
        affiliation_words=word_set(data, "affiliation_words"),
        name_heads=word_set(data, "name_heads"),
        speaker_suffixes=tuple(item.lower() for item in string_items(data, "speaker_suffixes")),
        token_pattern=make_token_pattern(tuple(string_items(data, "abbreviations"))),
    )


def make_token_pattern(abbreviations: tuple[str, ...]) -> re.Pattern[str]:
    """The tokenising regex, keeping "Rep." or "Mr." (and initials like "U.S.") as one token."""
    if not abbreviations:
        return TOKEN_PATTERN
    names = "|".join(re.escape(word) for word in sorted(abbreviations, key=len, reverse=True))
    # The abbreviations and initials stand behind a look-ahead for their possible first characters: the
    # same tokens, but most positions (lowercase letters, digits, spaces) skip both alternatives at once.
    firsts = "".join(sorted({re.escape(word[0]) for word in abbreviations}))
    dotted = rf"(?=[{firsts}A-Z])(?:\b(?:{names})\.|{INITIALS_PATTERN})"
    return re.compile(rf"({dotted}|{WORD_PATTERN.removeprefix(INITIALS_PATTERN + '|')})")


def load_speech_cues(path: Path = DEFAULT_SPEECH_CUES) -> SpeechCues:
    """The speech cues in a YAML file (default data/speech_cues.yaml)."""
    return parse_speech_cues(parse_yaml(Path(path).read_text(encoding="utf-8")) or {})


class Token(NamedTuple):
    """A word or punctuation character with its offsets into the article text.

    A named tuple rather than a dataclass: every sentence is tokenised, and tuples are built several
    times faster.
    """

    text: str
    start: int
    end: int
    lower: str  # the text in lowercase

    @property
    def is_word(self) -> bool:
        """True for words and numbers, False for punctuation."""
        return self.text[0].isalnum()


def tokenize(text: str, start: int, end: int, *, pattern: re.Pattern[str] = TOKEN_PATTERN) -> tuple[Token, ...]:
    """Tokens of text[start:end] with offsets into `text`.

    With a pattern of one capturing group (TOKEN_PATTERN, `make_token_pattern`), re.split cuts the text
    into gap, token, gap, ..., gap; the offsets are the running sum of the pieces' lengths. Every step
    runs in C, several times faster than a Python loop over match objects, which other patterns take.
    """
    if pattern.groups != 1:
        return tokenize_matches(text, start, end, pattern=pattern)
    pieces = pattern.split(text[start:end])
    words = pieces[1::2]
    offsets = list(accumulate(map(len, pieces), initial=start))
    fields = zip(words, offsets[1:-1:2], offsets[2::2], map(str.lower, words), strict=True)
    # tuple.__new__ skips the named tuple's Python-level constructor: this runs for every word
    return tuple(map(tuple.__new__, repeat(Token), fields))


def tokenize_matches(text: str, start: int, end: int, *, pattern: re.Pattern[str]) -> tuple[Token, ...]:
    """`tokenize` for a pattern without the one capturing group: a loop over its matches."""
    tokens = []
    for match in pattern.finditer(text[start:end]):  # a slice, as in re.split: a \b sees nothing before `start`
        word, (first, last) = match.group(), match.span()
        tokens.append(tuple.__new__(Token, (word, start + first, start + last, word.lower())))
    return tuple(tokens)


@dataclass(frozen=True)
class Cue:
    """A matched cue: its group, its words as written, and its token range in the sentence."""

    group: str
    text: str  # lowercase
    first: int  # index of the cue's first token
    last: int  # index after the cue's last token
    start: int  # character offsets into the article text
    end: int


def is_headline_like(tokens: tuple[Token, ...]) -> bool:
    """True for a title: most words capitalised and no final full stop, where cues are capitalised too."""
    words = [token for token in tokens if token.is_word and token.text[0].isalpha()]
    if len(words) < 3 or tokens[-1].text == ".":
        return False
    return sum(token.text[0].isupper() for token in words) >= 0.6 * len(words)


def match_cue_at(tokens: tuple[Token, ...], index: int, cues: SpeechCues, *, headline: bool) -> Cue | None:
    """The longest cue starting at token `index`, or None.

    A capitalised cue counts only as the sentence's first word ("According to X, ...") or in a headline.
    """
    for words, group in cues.by_first_word.get(tokens[index].lower, ()):
        window = tokens[index : index + len(words)]
        if len(window) != len(words) or tuple(token.lower for token in window) != words:
            continue
        if not window[0].text.islower() and index > 0 and not (headline and words in cues.headline_cues):
            continue
        text = " ".join(words)  # lowercase, so "According to" and "according to" count as one cue
        return Cue(group, text, index, index + len(words), window[0].start, window[-1].end)
    return None


def find_cues(
    tokens: tuple[Token, ...], cues: SpeechCues, *, blocked: tuple[tuple[int, int], ...] = ()
) -> tuple[Cue, ...]:
    """Every cue among the tokens, in order, skipping tokens inside the blocked character ranges (quotes)."""
    headline: bool | None = None  # read when first needed: most sentences never need it
    if tokens:
        # Only the ranges that reach into this sentence matter (an article has many quotes, a sentence few).
        blocked = tuple((start, end) for start, end in blocked if start < tokens[-1].end and end > tokens[0].start)
    found, index = [], 0
    while index < len(tokens):
        # most tokens start no cue: the dictionary lookup comes before anything else
        if tokens[index].lower not in cues.by_first_word or inside_any(tokens[index].start, blocked):
            index += 1
            continue
        # only a capitalised cue after the first word needs to know whether the sentence is a headline
        if headline is None and index > 0 and not tokens[index].text.islower():
            headline = is_headline_like(tokens)
        cue = match_cue_at(tokens, index, cues, headline=bool(headline))
        if cue is not None and cue.group == "quote_verbs" and not after_a_quote(tokens, cue.first):
            cue = None  # "the fighting continued": no speech
        if cue is None or is_noun_use(cue, tokens, cues) or is_other_sense(cue, tokens, cues):
            index += 1
            continue
        found.append(cue)
        index = cue.last
    return tuple(found)


def after_a_quote(tokens: tuple[Token, ...], index: int) -> bool:
    """True when a quote that ends in punctuation closes among the few tokens before token `index` ('"…," he
    continued', '"…!" concluded Mr. Lind'); not after a quoted word ('label Meta as "extremist" comes as Russia
    continues')."""
    start = max(1, index - QUOTE_VERB_REACH)
    return any(
        tokens[position].text in QUOTE_CLOSERS and tokens[position - 1].text in QUOTE_END_PUNCTUATION
        for position in range(start, index)
    )


QUOTE_CLOSERS = ('"', "”", "’", "'")
QUOTE_END_PUNCTUATION = (",", ".", "!", "?")
QUOTE_VERB_REACH = 4  # tokens: closing mark, comma, then a speaker of up to two words ("Mr. Lind")


def is_noun_use(cue: Cue, tokens: tuple[Token, ...], cues: SpeechCues) -> bool:
    """True for a cue word used as a noun: a `noun_cues` word not before "that" or punctuation, one of
    `singular_noun_cues` with no subject before it ("consumer demand"), a participle
    after a determiner or possessive ("his warning"), or a `nouns_before_of` word right before one of
    `noun_prepositions` ("the Russian claims of fatalities", "Multiple reports from Kharkiv") or another cue
    ("Initial reports said"), or right before one of `noun_followers` after a determiner ("the Russian
    claims were false", not "who Moscow claims are")."""
    if cue.text in cues.noun_cues and not before_that(tokens, cue.last):
        return True
    if cue.group == "participles" and cue.first > 0 and is_owner_or_determiner(tokens[cue.first - 1], cues):
        return True  # "his warning to the west", "Putin's warning": a noun, not ", warning …"
    if is_attributive(cue, tokens, cues):
        return True  # "the number of reported cases": an adjective
    if cue.group == "accusation_verbs" and is_passive_participle(tokens, cue, cues):
        return True  # ", accused of selling weapons": a participle about the accused, with no accuser
    if cue.text in cues.singular_noun_cues and not after_a_subject(tokens, cue.first, cues):
        return True  # "consumer demand and the strength of the ruble"
    if cue.text not in cues.nouns_before_of or cue.last >= len(tokens):
        return False
    following = tokens[cue.last].lower
    if following in cues.noun_prepositions or following in cues.by_first_word:
        return True  # "reports of shelling", "claims by Russia"; "Initial reports said": their subject
    before = tokens[max(0, cue.first - 2) : cue.first]
    return following in cues.noun_followers and any(token.lower in cues.determiners for token in before)


def after_a_subject(tokens: tuple[Token, ...], index: int, cues: SpeechCues) -> bool:
    """True when the word before token `index` can have a bare verb after it: one of `verb_subjects` ("we",
    "will", "to") or a plural that is no name ("aid groups", "Protesters" opening the sentence; not "Sanders")."""
    if index == 0:
        return False
    before = tokens[index - 1]
    if before.lower in cues.verb_subjects:
        return True
    plural = before.text.isalpha() and before.lower.endswith("s") and not before.lower.endswith(("ss", "us", "ws"))
    # a capitalised plural opening the sentence ("Protesters demand"), not an acronym or "News" ("US demand")
    opening = index == 1 and not before.text.isupper() and len(before.text) > 4
    return plural and (before.text.islower() or opening)


def is_other_sense(cue: Cue, tokens: tuple[Token, ...], cues: SpeechCues) -> bool:
    """True for a cue word in a sense that is no speech: one of `other_senses` ("adds up to", "asked of her
    rival"), or of `other_senses_unless_told` ("adding to his victories") unless an audience follows ("added
    to reporters that") or a name ends the clause ("," Trump added to People.")."""
    words = tuple(token.lower for token in tokens[cue.first : cue.first + 3])
    if any(words[: len(phrase)] == phrase for phrase in cues.other_senses):
        return True
    for phrase in cues.other_senses_unless_told:
        if words[: len(phrase)] == phrase:
            rest = tokens[cue.first + len(phrase) :]
            after = tuple(token.lower for token in rest[:3])
            told = any(after[: len(audience)] == audience for audience in cues.audience_words)
            return not told and not names_the_listener(rest)
    return False


def names_the_listener(rest: tuple[Token, ...]) -> bool:
    """True when the words after "added to" are only a capitalised name (up to three words, "the" aside) that
    ends the clause: "added to People.", "added to the BBC," (who was told); not "adding to Russia's isolation"."""
    end = next((index for index, token in enumerate(rest) if not token.text.isalnum()), len(rest))
    name = [token for token in rest[:end] if token.lower != "the"]
    closes = end == len(rest) or rest[end].text in (".", ",", ";", "!", "?")
    return closes and 0 < len(name) <= 3 and all(token.text[:1].isupper() for token in name)


def is_attributive(cue: Cue, tokens: tuple[Token, ...], cues: SpeechCues) -> bool:
    """True for a one-word past participle cue between one of `attributive_openers` and a lowercase word that
    is none of them: "the number of reported cases", "a majority of pledged delegates" describe a noun and
    report nobody's words; "both condemned the program" still reports."""
    if cue.last - cue.first != 1 or cue.first == 0 or cue.last >= len(tokens):
        return False
    before, word, after = tokens[cue.first - 1].lower, tokens[cue.first].lower, tokens[cue.last].text
    if before not in cues.attributive_openers or not word.endswith("ed"):
        return False
    blocked = cues.attributive_openers | cues.speaker_stop_words | cues.determiners
    return after.isalpha() and after.islower() and after not in blocked


def is_owner_or_determiner(token: Token, cues: SpeechCues) -> bool:
    """True for a determiner ("his", "the") or a possessive ("Putin's", not "he's" or "that's"), after which
    an -ing word is a noun."""
    if token.lower in cues.determiners:
        return True
    stem = token.lower[:-2]
    return is_possessive(token.lower) and not cues.pronoun_kind(stem) and stem not in cues.speaker_stop_words


def is_passive_participle(tokens: tuple[Token, ...], cue: Cue, cues: SpeechCues) -> bool:
    """True for an accusation verb with no object before one of `passive_objects` ("the man accused of
    …"), unless its object was fronted: after a relative pronoun ("whom Erdogan accuses of …") or right
    after a subject pronoun or "has" ("the senator she has accused of …")."""
    if cue.last >= len(tokens) or tokens[cue.last].lower not in cues.passive_objects:
        return False
    if cue.first > 0 and tokens[cue.first - 1].lower in ACTIVE_BEFORE:
        return False
    return not any(token.lower in RELATIVE_PRONOUNS for token in tokens[max(0, cue.first - 6) : cue.first])


RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "whom", "which", "that"})
ACTIVE_BEFORE: frozenset[str] = frozenset({"he", "she", "they", "we", "i", "you", "has", "have", "had"})


def before_that(tokens: tuple[Token, ...], index: int) -> bool:
    """True when the token at `index` is "that", a colon or punctuation, or the sentence ends: "the Baltic states
    have promised" holds no cue, "the report states that" and ", the report states." do."""
    return index >= len(tokens) or tokens[index].lower == "that" or not tokens[index].is_word


def inside_any(position: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    """True when the offset lies inside one of the [start, end) ranges."""
    return any(start <= position < end for start, end in ranges)


def is_past_verb(word: str) -> bool:
    """True for a lowercase word in -ed of more than three letters read as a verb ("died", "offered"); not one
    of NOT_PAST_VERBS, words in -ed that are mostly numbers, nouns or adjectives ("a hundred troops", "the
    United States", "armed forces", "need")."""
    return len(word) > 3 and word.endswith("ed") and word not in NOT_PAST_VERBS


NOT_PAST_VERBS = frozenset({"hundred", "united", "armed", "alleged", "indeed", "embed", "speed", "breed", "bleed",
                            "seed", "need", "deed", "feed", "reed", "weed", "creed", "greed", "tweed", "naked",
                            "wicked", "sacred", "beloved", "learned", "aged", "concerned", "detailed", "limited",
                            "talented", "advanced"})


def is_adverb(token: Token) -> bool:
    """A lowercase -ly word ("firmly", "reportedly") that may sit between a speaker and a cue; not a noun in
    -ly ("Putin's closest ally said", "the family said")."""
    text = token.text
    return text.islower() and text.endswith("ly") and len(text) > 3 and text not in LY_NOUNS


LY_NOUNS = frozenset({"ally", "family", "assembly", "rally", "monopoly", "anomaly", "italy", "daily", "weekly",
                      "monthly", "quarterly", "fly", "jelly", "belly", "bully", "lily", "tally", "folly"})


def skip_back_to_subject(tokens: tuple[Token, ...], index: int, *, floor: int, cues: SpeechCues) -> int:
    """Index of the last token before `index` that is not an auxiliary or adverb; floor - 1 if none."""
    position = index - 1
    while position >= floor and (tokens[position].lower in cues.skip_before_cue or is_adverb(tokens[position])):
        position -= 1
    return position


def skip_apposition(tokens: tuple[Token, ...], comma: int, *, floor: int, cues: SpeechCues) -> int:
    """For "X, the head of Y, said": index of the token before the apposition's opening comma; floor - 1 if none.

    Further appositions before it are skipped too, up to `MAX_APPOSITIONS` in all, while they open like one
    (`opens_apposition`: "Petra Holm, 45, a teacher from Kallo, said", "Ursula von der Leyen, the head of
    the European Commission, the bloc's executive arm, said"), unless the phrase before one opens with a
    preposition or conjunction, or does not end in a name: in "In Kyiv, the minister, a veteran, said" the
    minister speaks, in "Last month, the Independent, a British newspaper, revealed" the Independent.
    """
    opening = previous_comma(tokens, comma, floor=floor)
    if opening is None:
        return floor - 1
    for _ in range(MAX_APPOSITIONS - 1):
        earlier = previous_comma(tokens, opening, floor=floor)
        if earlier is None or not opens_apposition(tokens[earlier + 1 : opening], cues):
            break  # the phrase before the apposition is its head
        before = previous_comma(tokens, earlier, floor=floor)
        head = tokens[before + 1 if before is not None else floor]
        if is_stop_word(head, cues) and head.lower not in cues.determiners:
            break  # "In Kyiv, [the minister], a veteran, said"
        if not tokens[earlier - 1].text[0].isupper():
            break  # only a name has appositions: "Last month, [the Independent], a British newspaper, revealed"
        opening = earlier
    return opening - 1


MAX_APPOSITIONS = 3


def names_an_object(tokens: tuple[Token, ...], comma: int | None, *, floor: int, cues: SpeechCues) -> bool:
    """True when the phrase ending at the comma before a name between commas holds one of
    `apposition_objects` ("an adviser to the president, [Volodymyr Zelenskiy],", "speaking to the Swedish
    prime minister, [Magdalena Andersson],"): the name is that object's, not the subject's, who stands
    before it. "Spain's minister for ecological transition, Teresa Ribera," still names the minister."""
    if comma is None:
        return False
    earlier = previous_comma(tokens, comma, floor=floor)
    if earlier is None:
        return False
    words = [token.lower for token in tokens[earlier + 1 : comma]]
    return 0 < len(words) <= 7 and bool(cues.apposition_objects.intersection(words))


def previous_comma(tokens: tuple[Token, ...], index: int, *, floor: int) -> int | None:
    """Index of the last comma before token `index` (not before `floor`), or None."""
    for position in range(index - 1, floor - 1, -1):
        if tokens[position].text == ",":
            return position
    return None


def opens_apposition(phrase: tuple[Token, ...], cues: SpeechCues) -> bool:
    """True for the words between two commas that form an apposition: opening with a determiner ("a
    teacher", "the head of") or a relative pronoun ("who runs …"), or an age alone ("45")."""
    if not phrase:
        return False
    first = phrase[0]
    return (
        first.lower in cues.determiners
        or first.lower in APPOSITION_PRONOUNS
        or (len(phrase) == 1 and first.text.isdigit())
    )


APPOSITION_PRONOUNS: frozenset[str] = frozenset({"who", "whose", "which", "whom"})


def name_between_commas(tokens: tuple[Token, ...], comma: int, *, floor: int) -> tuple[int, int] | None:
    """For "A lawyer for the outlets, David Schulz, said": the name alone between the two commas, else None.
    Lowercase particles stand inside a name ("Ursula von der Leyen")."""
    first = comma
    while first - 1 >= floor and tokens[first - 1].is_word:
        word = tokens[first - 1].text
        if not word[0].isupper() and not (word in NAME_CONNECTORS and first < comma):
            break
        first -= 1
    if first == comma or comma - first > 5 or first - 1 < floor or tokens[first - 1].text != ",":
        return None
    if not tokens[first].text[0].isupper():
        return None
    return tokens[first].start, tokens[comma - 1].end


def skip_parenthesis(tokens: tuple[Token, ...], index: int, *, floor: int) -> int:
    """For "Jim Jordan (R-Ohio) said": index of the token before the parenthesis ending at `index`, else `index`."""
    if index < floor or tokens[index].text != ")":
        return index
    for position in range(index - 1, floor - 1, -1):
        if tokens[position].text == "(":
            return position - 1
    return index


def phrase_before(tokens: tuple[Token, ...], last: int, *, floor: int, cues: SpeechCues) -> tuple[int, int] | None:
    """Token range (first, last + 1) of the noun phrase ending at token `last`, or None when there is none.

    Walks back over words until punctuation, a stop word or a determiner (which is kept), at most six words;
    a name joined by "for the"/"of the" ("Institute for the Study of War") may run two words longer.
    """
    token = tokens[last] if last >= floor else None
    if token is None or not token.is_word or is_stop_word(token, cues) or token.lower in cues.determiners:
        return None
    if token.lower.endswith(POSSESSIVE_ENDINGS):
        return None  # "Russia's demands": a possessive before a cue noun, not a speaker
    if cues.pronoun_kind(token.text) or token.lower in cues.not_speakers:
        return (last, last + 1)
    first = last
    while first - 1 >= floor and last - first < 5:
        previous = tokens[first - 1]
        initial = previous.text == "." and first - 3 >= floor and is_initial(tokens, first - 2)
        if initial and tokens[first - 3].text[:1].isupper():  # a middle initial after a name: "William D. Burns"
            first -= 2
            continue
        stop = previous.lower in cues.speaker_stop_words and previous.text != "US"  # is_stop_word, inlined
        if not previous.is_word or stop or cues.pronoun_kind(previous.text):
            break
        first -= 1
        if previous.lower in cues.determiners:
            if not inside_name(tokens, first, floor=floor):
                break
            first -= 2  # on to the capitalised word before "for the" / "of the"
    return (title_before_employer(tokens, first, floor=floor, cues=cues), last + 1)


def title_before_employer(tokens: tuple[Token, ...], first: int, *, floor: int, cues: SpeechCues) -> int:
    """Where a speaker phrase starting at token `first` really starts: at the title before an affiliation
    word ("the former permanent secretary at [the Ministry of Defence]", "an analyst at [Eurasia Group]") or
    at a place office and "of" before it ("the mayor of [the southern city of Mykolaiv]"), else `first`. The
    employer or place is not the speaker (see `employer_start`)."""
    joiner, title = first - 1, first - 2
    if title >= floor and tokens[joiner].lower == "of" and tokens[title].lower in cues.place_offices:
        return title - 1 if title - 1 >= floor and tokens[title - 1].lower in cues.determiners else title
    if title < floor or tokens[joiner].lower not in cues.affiliation_words:
        return first
    if not (tokens[title].is_word and tokens[title].text.islower() and tokens[title].lower in cues.title_words):
        return first
    start = title
    while start - 1 >= floor and title - start < 3:
        previous = tokens[start - 1]
        if previous.lower in cues.determiners:
            return start - 1  # "An analyst at ..."
        if not previous.is_word or not previous.text.islower():
            break
        start -= 1
    return start


def inside_name(tokens: tuple[Token, ...], index: int, *, floor: int) -> bool:
    """True for the "the" of "Institute for the Study of War": a capitalised word and "for"/"of" before it."""
    return (
        index - 2 >= floor
        and tokens[index].text == "the"
        and tokens[index - 1].lower in TITLE_JOINERS
        and tokens[index - 2].text[:1].isupper()
    )


def speaker_before(tokens: tuple[Token, ...], cue: Cue, *, floor: int, cues: SpeechCues) -> tuple[int, int] | None:
    """Character span of the speaker written before a cue ("Kyiv has firmly denied", "X, the ..., said")."""
    last = skip_back_to_subject(tokens, cue.first, floor=floor, cues=cues)
    if last < floor or tokens[last].lower in cues.passive_markers:
        return None
    last = skip_parenthesis(tokens, last, floor=floor)
    if last >= floor and tokens[last].text == ",":
        name = name_between_commas(tokens, last, floor=floor)
        opening = previous_comma(tokens, last, floor=floor)
        if name is not None and not names_an_object(tokens, opening, floor=floor, cues=cues):
            return name
        if name is not None:  # "Milley, speaking to the Swedish prime minister, Magdalena Andersson, stressed"
            last = opening
        last = skip_parenthesis(tokens, skip_apposition(tokens, last, floor=floor, cues=cues), floor=floor)
    found = phrase_before(tokens, last, floor=floor, cues=cues)
    if found is None:
        return None
    found = relative_antecedent(tokens, found[0], floor=floor, cues=cues) or found
    return tokens[found[0]].start, tokens[found[1] - 1].end


def relative_antecedent(
    tokens: tuple[Token, ...], first: int, *, floor: int, cues: SpeechCues
) -> tuple[int, int] | None:
    """Token range of the phrase a relative clause describes when the speaker phrase found before a cue, at
    token `first`, is the object of one of `relative_objects` inside that clause, and the clause has no
    closing comma: in "Katie Packer, who is chairman of Our Principles Pac said" Packer speaks, not the Pac.
    The clause opens with a comma and one of `person_relatives`. None when there is no such clause: in
    "Obama, who has gotten less credit than aides say" the aides speak, in "Rubio, who he dubbed" "he"."""
    if first - 1 <= floor or tokens[first - 1].lower not in cues.relative_objects:
        return None
    for index in range(first - 2, max(floor, first - 12) - 1, -1):
        token = tokens[index]
        if not token.is_word:
            return None
        if token.lower in cues.person_relatives:
            if index - 1 <= floor or tokens[index - 1].text != ",":
                return None
            return phrase_before(tokens, index - 2, floor=floor, cues=cues)
    return None


def speaker_after(tokens: tuple[Token, ...], cue: Cue, *, cues: SpeechCues) -> tuple[int, int] | None:
    """Character span of the speaker written after a cue ("said Leonid Pasechnik", "according to officials");
    never after a cue whose object is who was told ("told his US counterpart")."""
    if cue.text in cues.audience_cues:
        return None
    first = cue.last
    if first < len(tokens) and tokens[first].lower in cues.topic_words:
        return None  # "said of the Russians taken prisoner": whom the words are about
    last = first
    while last < len(tokens) and last - first < 8:
        speaker_word = is_speaker_word(tokens[last], cues) or joins_modifiers(tokens, last, first=first)
        # "according to the Institute for the Study of War": "for" inside a name after one of `name_heads`
        if not speaker_word and not (tokens[last].lower == "for" and joins_name(tokens, last, first=first, cues=cues)):
            break
        last += 2 if last > first and is_initial(tokens, last) else 1  # "said William D. Burns"
    if last == first or all(tokens[index].lower in cues.determiners for index in range(first, last)):
        return None
    if cue.group == "source_phrases":
        last = source_named_after(tokens, last, cues=cues)
    name = name_in_apposition(tokens, first, last, cues=cues)
    return name or (tokens[first].start, tokens[last - 1].end)


def joins_modifiers(tokens: tuple[Token, ...], index: int, *, first: int) -> bool:
    """True for "and" between two lowercase words inside a speaker phrase after a cue: "said Investec oil and
    gas analyst Nathan Piper" (not "said Biden and Harris", two speakers)."""
    if tokens[index].lower != "and" or index <= first or index + 1 >= len(tokens):
        return False
    before, after = tokens[index - 1].text, tokens[index + 1].text
    return before.isalpha() and before.islower() and after.isalpha() and after.islower()


def name_in_apposition(
    tokens: tuple[Token, ...], first: int, last: int, *, cues: SpeechCues
) -> tuple[int, int] | None:
    """The span of a name set off by a comma after a speaker phrase (tokens `first` to `last`) that opens in
    lowercase and ends in a role (one of `title_words`, `speaker_nouns` or `others_of_owner`), when the name
    ends the clause: "said the head of Germany's federal network agency, Klaus Müller." is Müller's, not
    Germany's; "according to the governor, Oleksandr Starukh, Russian forces …" Starukh's. None when no such
    name follows (a time or a nationality is none), after a phrase that ends in a name ("said voter Stephanie
    Hooton of Derry, N.H."), or after a document ("according to an FBI summary, Cheryl Mills, an aide, sent …",
    "according to several reports, Bakhmut, …": the statement follows the comma)."""
    if last >= len(tokens) or tokens[last].text != "," or not tokens[first].text[0].islower():
        return None
    role = tokens[last - 1].text
    if not role.islower() or role not in cues.title_words | cues.speaker_nouns | cues.others_of_owner:
        return None
    end = last + 1
    while end < len(tokens) and end - last <= MAX_APPOSED_NAME_WORDS:
        token = tokens[end]
        if not token.is_word or not token.text[0].isupper() or token.lower in cues.time_words:
            break
        end += 2 if is_initial(tokens, end) else 1  # "Diane D. Blair"
    closes = end == len(tokens) or tokens[end].text in (".", ",", ";", "!", "?")
    if end == last + 1 or not closes or tokens[last + 1].text in cues.demonyms:
        return None
    return tokens[last + 1].start, tokens[end - 1].end


MAX_APPOSED_NAME_WORDS = 4


def source_named_after(tokens: tuple[Token, ...], last: int, *, cues: SpeechCues) -> int:
    """Where a source phrase after "according to" ends when it names a document (`source_documents`) and the
    name of its author follows after one of `source_joiners`: "according to a report by Ukrainskaya Pravda",
    "according to a statement from the Kremlin" (not "the chairs from Jefferson and Arapahoe")."""
    if last >= len(tokens) or tokens[last].lower not in cues.source_joiners:
        return last
    if not names_a_document(tokens, last, cues=cues):
        return last
    index = last + 1
    if index < len(tokens) and tokens[index].lower == "the":
        index += 1
    end = index
    while end < len(tokens) and end - index < 8:
        token = tokens[end]
        if token.is_word and token.text[0].isupper():
            end += 2 if is_initial(tokens, end) else 1  # "Diane D. Blair"
        elif joins_name(tokens, end, first=index, cues=cues):  # "Amy Glasmeier of MIT"
            end += 2 if tokens[end + 1].lower == "the" else 1  # "the Institute for the Study of War"
        else:
            break
    if end == index or modifies_next_word(tokens, end, cues=cues):
        return last
    return end


def names_a_document(tokens: tuple[Token, ...], last: int, *, cues: SpeechCues) -> bool:
    """True when the source phrase ending before token `last` ends with one of `source_documents`, or with a
    participle after one ("exit polls conducted", "excerpts of his speech released"; not "an aid worker
    interviewed")."""
    word = tokens[last - 1].lower
    if word in cues.source_documents:
        return True
    if not (word.endswith("ed") or word == "available"):
        return False
    return any(token.lower in cues.source_documents for token in tokens[max(0, last - 6) : last - 1])


def joins_name(tokens: tuple[Token, ...], index: int, *, first: int, cues: SpeechCues) -> bool:
    """True for "of" (or "for" after one of `name_heads`, "the Institute for …") between capitalised words of a
    name; "Ipsos for France Télévisions" names Ipsos alone."""
    word = tokens[index].lower
    following = index + 2 if index + 1 < len(tokens) and tokens[index + 1].lower == "the" else index + 1
    if index == first or following >= len(tokens) or not tokens[following].text[0].isupper():
        return False
    return word == "of" or (word == "for" and tokens[index - 1].lower in cues.name_heads)


def is_initial(tokens: tuple[Token, ...], index: int) -> bool:
    """True for a single capital letter followed by a full stop, as in a middle initial."""
    following = index + 1
    return len(tokens[index].text) == 1 and following < len(tokens) and tokens[following].text == "."


def modifies_next_word(tokens: tuple[Token, ...], end: int, *, cues: SpeechCues) -> bool:
    """True when the capitalised words before token `end` qualify a lowercase noun after them ("a study by
    Oxford researchers"), where a participle ("the Pew Research Center based on …") or a word that ends a
    speaker phrase ("… of the", "… for") leaves them a name."""
    if end >= len(tokens):
        return False
    word = tokens[end].text
    if not (word.isalpha() and word.islower()) or word in NAME_JOINERS or word in cues.speaker_stop_words:
        return False
    return not word.endswith(("ed", "ing"))


def is_speaker_word(token: Token, cues: SpeechCues) -> bool:
    """True when the token can be part of a speaker phrase that follows a cue."""
    return token.is_word and not is_stop_word(token, cues) and token.lower not in cues.time_words


def is_stop_word(token: Token, cues: SpeechCues) -> bool:
    """True for a word that ends a speaker phrase ("to", "which", "us"); "US" is the country, not "us"."""
    return token.lower in cues.speaker_stop_words and token.text != "US"


@dataclass(frozen=True)
class MentionRef:
    """The columns of one mentions row that attribution needs."""

    sentence_id: int
    actor_id: str
    actor: str
    actor_type: str
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    """Who a quote is attributed to: actor id ("" for an anonymous source), name, and the phrase's offsets."""

    actor_id: str
    name: str
    start: int
    end: int


def overlapping_mentions(context: SpeakerContext, start: int, end: int) -> list[MentionRef]:
    """The context's mentions whose span overlaps [start, end), in text order (found by bisection: a long
    article has thousands of mentions, and every speaker phrase asks)."""
    return context.index.overlapping(start, end)


def heads_first(mentions: list[MentionRef], text: str) -> list[MentionRef]:
    """The mentions not right after "of"/"for" (a "the" between allowed) when there are any: in "Senator
    Lindsey Graham of South Carolina" the speaker is Graham; in "a spokesman for the Kremlin" the Kremlin is
    all there is."""
    if len(mentions) < 2:  # nearly always: nothing to choose from
        return mentions
    heads = [mention for mention in mentions if not after_of(text, mention.start)]
    return heads or mentions


NAME_INITIALS = re.compile(r"(?:[A-Z]\.)+")  # "G.K." opening a name


def name_before_of(start: int, mention_start: int, context: SpeakerContext) -> Speaker | None:
    """The person named by the words from `start` up to the "of"/"for" (and "the") before a mention: a
    registered one, or a name that opens with a common given name (`given_name_genders`) or an initial. In
    "former Gov. Bill Richardson of New Mexico" Richardson; in "a spokesman for the Kremlin", "the former CEO
    of Hewlett-Packard" or "the American Society of Civil Engineers" none."""
    words = context.text[start:mention_start].split()
    while words and words[-1].lower() in ("of", "for", "the"):
        words.pop()
    if not words:
        return None
    end = context.text.rindex(words[-1], start, mention_start) + len(words[-1])
    named = named_speaker(context.text[start:end], start, end, context)
    if named is None or not named.actor_id.startswith(UNREGISTERED_PREFIX):
        return named
    first = named.name.split()[0]
    given = first in context.cues.given_names or NAME_INITIALS.fullmatch(first) is not None
    return named if given and " " in named.name else None


def after_of(text: str, position: int) -> bool:
    """True when the word before `position`, past one "the", is "of" or "for" (any case)."""
    words = text[max(0, position - 12) : position].lower().split()
    if words[-1:] == ["the"]:
        words = words[:-1]
    return words[-1:] in (["of"], ["for"])


def located_group(speaker: Speaker, context: SpeakerContext, *, nouns: frozenset[str] | None = None) -> Speaker | None:
    """For a name outside the registry after "in"/"from" and a lowercase noun ("people in Mississippi
    reported"): the group, as a phrase without an actor; else None. With `nouns`, only a group headed by one
    of them ("people in the city": the place there is no name)."""
    before = context.text[max(0, speaker.start - 40) : speaker.start].split()
    if len(before) < 2 or before[-1].lower() not in context.cues.location_joiners:
        return None
    noun = before[-2].strip(",.;:")
    if not (noun.isalpha() and noun.islower()) or noun in context.cues.speaker_stop_words:
        return None
    if nouns is not None and noun not in nouns:
        return None
    if noun in context.cues.source_documents:  # "a statement from Europol said": Europol is the source
        return None
    phrase_start = context.text.rfind(noun, 0, speaker.start)
    return Speaker("", context.text[phrase_start : speaker.end], phrase_start, speaker.end)


def is_a_place_phrase(raw: str, cues: SpeechCues) -> bool:
    """True for words after "in"/"from" that can name where a group is ("the city", "both parties", "Clinton's
    orbit"): at least two words, no number (not "the 1990s"), and no document or medium at the end (in "the
    military said in a Facebook post" the post is where it was said)."""
    words = raw.split()
    if len(words) < 2 or any(character.isdigit() for character in raw):
        return False
    return words[-1].lower().strip(",.;:") not in cues.source_documents


def named_speaker(raw: str, start: int, end: int, context: SpeakerContext) -> Speaker | None:
    """The person or organisation named at the end of a speaker phrase (`trailing_name`), registered or not;
    None for a capitalised plural of `speaker_nouns` ("Officials said", "Critics say") or one of `demonyms`."""
    cues = context.cues
    name = trailing_name(raw, titles=cues.title_words, complements=cues.title_complements, heads=cues.name_heads)
    if not name or is_plural_speaker_noun(name, cues):  # "Officials said" opening a sentence: no one's name
        return None
    if name.lower() in cues.demonyms:  # "Russian claims that …": an adjective
        return None
    actor = context.registry.resolve_name(name, titles=context.cues.title_words)
    if actor is not None:
        return Speaker(actor.id, actor.name, start, end)
    return Speaker(UNREGISTERED_PREFIX + name, name, start, end)


def is_plural_speaker_noun(name: str, cues: SpeechCues) -> bool:
    """True for one capitalised word that is a plural of `speaker_nouns` ("Officials", "Critics", "Aides"): a
    group, not a name. Singular ones may be surnames ("Law said", "Post")."""
    word = name.lower()
    return word in cues.speaker_nouns and word.endswith("s")


def speaks_for_owner(text: str, mention: MentionRef, end: int, cues: SpeechCues) -> bool:
    """True when a mention owns the speaker instead of naming it: one of `others_of_owner` follows its
    possessive in the phrase ("Bout's wife", "Ms. Griner's lawyers"), where "Russia's defence ministry" still
    speaks for Russia; or one of `members_of_body` follows a body that is no person ("a Duma member", "the
    Senate minority leader"), where "a Kremlin spokesman" still speaks for it."""
    after = text[mention.end : end]
    words = {word.strip(",.").lower() for word in after.split()}
    if mention.actor_type != "person" and words & cues.members_of_body:
        return True
    return after.startswith(("'s", "’s", "'", "’")) and bool(words & cues.others_of_owner)


def pick_mention(candidates: list[MentionRef]) -> MentionRef:
    """The mention that names a speaker phrase: the last person, else the last mention (the head noun)."""
    people = [mention for mention in candidates if mention.actor_type == "person"]
    return (people or candidates)[-1]


def trailing_name(
    raw: str,
    *,
    titles: frozenset[str] = frozenset(),
    complements: frozenset[str] = frozenset(),
    heads: frozenset[str] = frozenset(),
) -> str:
    """The capitalised words that end a phrase, after the last title word, else "".

    "Republican nominee Donald Trump" -> "Donald Trump", "Research Director Raj Shah" -> "Raj Shah";
    a phrase in capitals without a title is a name as a whole ("the Associated Press"), not across a
    possessive ("Breitbart's Joel Pollak" -> "Joel Pollak"), and across "of"/"for" only after one of the
    `heads` ("the Institute for the Study of War"; "Jeb Bush of Florida" -> "Jeb Bush"). After a title and
    "of" the `complements` words still belong to the title: "Secretary of State John Kerry" -> "John Kerry",
    and "the US Secretary of State" names nobody (""). A title word right before one of the `heads` is part
    of an organisation's name ("Justice Department").
    """
    words = raw.split()
    run: list[str] = []
    joiners: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word[0].isupper() and not is_possessive(word):
            if word.lower() in titles and run and not (run[0].lower() in heads and not joiners):
                if joiners and joiners[0] in TITLE_JOINERS:  # "Secretary of State [John Kerry]"
                    return title_complement_removed(run, complements)
                break
            run = [word, *joiners, *run]
            joiners = []
        elif run and word in NAME_JOINERS:
            joiners.insert(0, word)
        else:
            break
    if run and run[0] == "The":
        run = run[1:]
    return " ".join(person_before_of(run, heads))


NAME_JOINERS: frozenset[str] = frozenset({"of", "for", "the", "on"})
TITLE_JOINERS: frozenset[str] = frozenset({"of", "for"})


def is_possessive(word: str) -> bool:
    """True for "Washington’s" or "Ukraine's"."""
    return word.endswith(("'s", "’s"))


def person_before_of(run: list[str], heads: frozenset[str]) -> list[str]:
    """The run up to its first "of"/"for" unless the word before it heads a name that goes on ("Bureau of
    Labor Statistics"): "Holger Schmieding of Berenberg" -> "Holger Schmieding"."""
    for index, word in enumerate(run):
        if word in TITLE_JOINERS and index > 0:
            return run if run[index - 1].lower() in heads else run[:index]
    return run


def title_complement_removed(run: list[str], complements: frozenset[str]) -> str:
    """The name after a title's complement ("State John Kerry" -> "John Kerry", "Foreign Affairs of Ukraine
    Dmytro Kuleba" -> "Dmytro Kuleba"); "" when nothing is left."""
    index = 0
    while index < len(run):
        word = run[index].lower()
        if word in TITLE_JOINERS and index + 2 < len(run):
            index += 2  # "Minister of Foreign Affairs of Ukraine Dmytro Kuleba": the title's country goes too
        elif word in complements or word in NAME_JOINERS:
            index += 1
        else:
            break
    return " ".join(run[index:])


@dataclass(frozen=True)
class SpeakerContext:
    """What resolving a speaker phrase needs from the article: text, mentions outside quotes (sorted by start
    here), registry, cues."""

    text: str
    mentions: tuple[MentionRef, ...]
    registry: Registry
    cues: SpeechCues
    # where each sentence starts, by sentence_id: a pronoun prefers the subject that opens a sentence
    sentence_starts: dict[int, int] = field(default_factory=dict, compare=False, repr=False)
    # the mentions indexed by their offsets, for `overlapping_mentions`: derived, never passed
    index: SpanIndex = field(init=False, repr=False, compare=False, default_factory=lambda: SpanIndex(()))
    # genders of people outside the registry, read from honorifics when first needed (`honorific_gender`)
    genders: dict[str, str] = field(init=False, repr=False, compare=False, default_factory=dict)
    # the sentence starts in text order: derived, never passed
    ordered_starts: tuple[int, ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        index = SpanIndex(self.mentions, bounds=attrgetter("start", "end"))
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "mentions", tuple(index.items))
        object.__setattr__(self, "ordered_starts", tuple(sorted(self.sentence_starts.values())))

    def sentence_at(self, position: int) -> int:
        """The index in `ordered_starts` of the sentence holding `position` (-1 before the first)."""
        return bisect.bisect_right(self.ordered_starts, position) - 1

    def sentence_begin(self, position: int) -> int:
        """Where the sentence holding `position` starts (0 before the first)."""
        index = self.sentence_at(position)
        return self.ordered_starts[index] if index >= 0 else 0


def resolve_speaker(span: tuple[int, int], context: SpeakerContext) -> Speaker | None:
    """The actor a speaker phrase names: a mention in it, a resolved pronoun, a registry name, or the raw phrase.

    Raw capitalised names become "unregistered:<name>"; other phrases ("a senior official", "the US Secretary
    of State") keep an empty id.
    """
    start, end = span
    raw = context.text[start:end]
    employer = employer_start(context.text, start, end, context.cues)
    if employer is not None:  # "the permanent secretary at the Ministry of Defence": the ministry is no speaker
        end = employer
    found = heads_first(overlapping_mentions(context, start, end), context.text)
    if employer is not None and not found:
        return Speaker("", raw, start, span[1])
    if found and after_of(context.text, found[0].start):
        named = name_before_of(start, found[0].start, context)
        if named is not None:  # "said Representative Peter T. King of New York": King, not New York
            return replace(named, end=end)
    if found:
        mention = pick_mention(found)
        if speaks_for_owner(context.text, mention, end, context.cues):  # "Ms. Griner's lawyers": not Griner
            return named_speaker(raw, start, end, context) or Speaker("", raw, start, span[1])
        return Speaker(mention.actor_id, mention.actor, start, end)
    if raw.lower() in context.cues.not_speakers:  # a columnist's "I wrote": the author, not a person named "I"
        return Speaker("", raw, start, end)
    kind = context.cues.pronoun_kind(raw)
    if kind:
        return resolve_pronoun(span, kind, context)
    owner = speaking_owner(span, context)
    if owner is not None:
        return owner
    actor = context.registry.resolve_name(raw, titles=context.cues.title_words)
    if actor is not None:
        return Speaker(actor.id, actor.name, start, end)
    named = named_speaker(raw, start, end, context)
    if named is not None:
        return located_group(named, context) or named
    grouped = located_group(Speaker("", raw, start, end), context, nouns=context.cues.speaker_nouns)
    if grouped is not None and is_a_place_phrase(raw, context.cues):  # "Local people in the city said"
        return grouped
    if not any(is_speaker_noun(word, context.cues) for word in head_words(raw)):
        return None
    return Speaker("", raw, start, end)


def speaking_owner(span: tuple[int, int], context: SpeakerContext) -> Speaker | None:
    """The actor a phrase opening with a possessive pronoun speaks for ("his office", "its defence ministry"):
    the pronoun's actor for one of `owner_voices`, its state for one of `owner_states` (a person's registered
    country); None for other phrases, an unresolved pronoun or a person without a country."""
    start, end = span
    words = context.text[start:end].split()
    kind = context.cues.possessive_kind(words[0]) if len(words) > 1 else ""
    head = words[-1].lower() if kind else ""
    cues = context.cues
    if head not in cues.owner_voices and head not in cues.owner_states:
        return None
    owner = possessive_owner(start, kind, context)
    if owner is None:
        return None
    if head in cues.owner_voices or kind == "group":
        return Speaker(owner.actor_id, owner.actor, start, end)
    actor = context.registry.get(owner.actor_id)
    country = context.registry.get(actor.country) if actor is not None and actor.country else None
    return Speaker(country.id, country.name, start, end) if country is not None else None


def possessive_owner(position: int, kind: str, context: SpeakerContext) -> MentionRef | None:
    """The actor a possessive pronoun at `position` refers to, only where the text leaves no doubt: the actor
    joined to it by "and" ("Cruz and his aides said"), else the subject opening its sentence, or the sentence
    before when the phrase opens its own ("Sanders appears to be spending more. His campaign said …" is
    Sanders's, not that of the campaign manager quoted in between); only a subject the pronoun fits
    (`owner_fits`). None otherwise, so that the phrase keeps its words rather than take a wrong actor."""
    fitting = [
        mention
        for mention in context.index.overlapping(max(0, position - OWNER_JOIN_REACH), position)
        if mention.end <= position and owner_fits(mention, kind, context)
    ]
    if fitting and context.text[fitting[-1].end : position].strip().lower() == "and":
        return fitting[-1]
    index, begin = context.sentence_at(position), context.sentence_begin(position)
    subject = sentence_subject_before(begin, position, context)
    if subject is None and index > 0 and len(context.text[begin:position].split()) <= OPENING_WORDS:
        # the phrase opens its sentence ("Its defence ministry described …"): the subject of the one before
        subject = sentence_subject_before(context.ordered_starts[index - 1], begin, context)
    return subject if subject is not None and owner_fits(subject, kind, context) else None


def sentence_subject_before(begin: int, finish: int, context: SpeakerContext) -> MentionRef | None:
    """The first mention between `begin` (a sentence's start) and `finish` when it opens its sentence and
    stands in no object position: the sentence's subject; else None."""
    inside = [mention for mention in context.index.overlapping(begin, finish) if begin <= mention.start]
    first = next((mention for mention in inside if mention.end <= finish), None)
    if first is None or not opens_its_sentence(first, context) or in_object_position(first, context):
        return None
    return first


OWNER_JOIN_REACH = 80  # characters before a possessive pronoun searched for "X and his"


def owner_fits(mention: MentionRef, kind: str, context: SpeakerContext) -> bool:
    """True when a possessive pronoun of this kind can refer to the mentioned actor: as `pronoun_fits`, but a
    person's gender must be known ("her campaign" is no campaign of a "Sanders" the text never calls Mr.)."""
    if kind == "group" or mention.actor_type != "person":
        return pronoun_fits(mention, kind, context)
    return person_gender(mention, context) == kind


def employer_start(text: str, start: int, end: int, cues: SpeechCues) -> int | None:
    """Where the speaker's employer begins in a speaker phrase: after a lowercase title word and one of the
    affiliation words ("an analyst at Eurasia Group", "the permanent secretary at the Ministry of Defence"),
    or after a place office and "of" ("the governor of Luhansk", "the mayor of the city of Mykolaiv"); else
    None. A name before the title is still the speaker ("Mark Hjelm, an analyst with Eurasia Group")."""
    words = list(TOKEN_PATTERN.finditer(text, start, end))
    for title, joiner in pairwise(words):
        word, link = title.group(), joiner.group().lower()
        if word.islower() and word in cues.title_words and link in cues.affiliation_words:
            return joiner.start()
        if word.lower() in cues.place_offices and link == "of":  # "the governor of Luhansk": not the LPR
            return joiner.start()
    return None


def head_words(raw: str) -> tuple[str, ...]:
    """Candidate heads of a noun phrase: its last word and the word before "of" ("the head of the party")."""
    words = raw.lower().split()
    before_of = (words[words.index("of") - 1],) if "of" in words[1:] else ()
    return (*before_of, words[-1]) if words else ()


def is_speaker_noun(word: str, cues: SpeechCues) -> bool:
    """True for a word that can head an unnamed speaker ("officials", "the agency", "a researcher")."""
    return word in cues.speaker_nouns or (len(word) > 4 and word.endswith(cues.speaker_suffixes))


def resolve_pronoun(span: tuple[int, int], kind: str, context: SpeakerContext) -> Speaker:
    """The last actor before the pronoun that it can refer to; a Speaker without id or name when none fits.

    he/she: a person of that gender (or of unknown gender); group pronouns: an actor that is not a person.
    Within the nearest sentence holding one that fits, a speaker comes first: in "Mr. Graham said, Mr.
    Trump's jabs were unacceptable. '…,' he said" he is Graham. Next comes an actor that is not in an object
    position (after one of `pronoun_objects`: "held talks with António Guterres", or a role after a
    possessive there: "met Poland's deputy prime minister Mariusz Błaszczak"): "Zelensky held talks with
    Guterres. '…,' he said" is Zelensky. Else the nearest. Before all these, "they" with no actor that fits
    earlier in its own sentence is the unnamed group that opens the sentence before, if one does
    (`unnamed_group_before`), and "it" the unnamed organisation that spoke there (`unnamed_body_before`).
    """
    start, end = span
    word = context.text[start:end].lower()
    if word in ("they", "it") and not fits_in_own_sentence(start, end, kind, context):
        group = unnamed_group_before(start, context) if word == "they" else unnamed_body_before(start, context)
        if group is not None:
            return group
    groups = fitting_by_sentence(start, kind, context)
    fitting = groups[0] if groups else []
    subjects = [mention for mention in fitting if not in_object_position(mention, context)]
    for group in groups[1:]:
        # "He had sought close ties with Putin. Last week, he said …": only an object fits in the nearest
        # sentence, and the same pronoun stands before it there; it goes back to a subject of a sentence before
        if subjects or not pronoun_before(fitting[-1].start, word, context):
            break
        fitting = group
        subjects = [mention for mention in fitting if not in_object_position(mention, context)]
    chosen = next((mention for mention in subjects if speaks(mention, context)), None)
    chosen = chosen or next((mention for mention in subjects if opens_its_sentence(mention, context)), None)
    chosen = chosen or next(iter(subjects), None) or next(iter(fitting), None)
    if chosen is not None:
        return Speaker(chosen.actor_id, chosen.actor, start, end)
    return Speaker("", "", start, end)


def fitting_by_sentence(position: int, kind: str, context: SpeakerContext) -> list[list[MentionRef]]:
    """The actors a pronoun at `position` can refer to (`pronoun_fits`), grouped by sentence, in the nearest
    sentences holding any (the nearest and `pronoun_chain` more), the nearest first (within a group too)."""
    mentions, groups = context.mentions, []
    for index in range(bisect.bisect_left(context.index.starts, position) - 1, -1, -1):
        mention = mentions[index]  # the mentions starting before the pronoun, the nearest first
        if mention.end > position or not pronoun_fits(mention, kind, context):
            continue
        if not groups or mention.sentence_id != groups[-1][0].sentence_id:
            if len(groups) > context.cues.pronoun_chain:
                break
            groups.append([])
        groups[-1].append(mention)
    return groups


def pronoun_before(position: int, word: str, context: SpeakerContext) -> bool:
    """True when the pronoun `word` ("he") stands in the sentence holding `position`, before it."""
    begin = context.sentence_begin(position)
    return word in (match.group().lower() for match in TOKEN_PATTERN.finditer(context.text, begin, position))


def fits_in_own_sentence(position: int, end: int, kind: str, context: SpeakerContext) -> bool:
    """True when an actor that the pronoun at `position` can refer to is named earlier in its own sentence
    ("When the Coastal League met on Monday, they said …"). Not for an attribution closing what was said
    ("Meanwhile, Russia is playing interference, they say."): the actors before it are in the statement."""
    following = context.text[end : end + 40].split()[:2]
    verb = following[0] if following else ""
    closes = verb[-1:] in (".", ",", ";") or (len(following) > 1 and following[1][:1] in (".", ",", ";"))
    if verb.rstrip(".,;").lower() in context.cues.speech_words and closes:
        return False
    begin = context.sentence_begin(position)
    return any(
        mention.end <= position and pronoun_fits(mention, kind, context)
        for mention in context.index.overlapping(begin, position)
    )


def unnamed_group_before(position: int, context: SpeakerContext) -> Speaker | None:
    """For "they" at `position`: the plural group of people that opens the sentence before, when no actor
    stands before its noun ("Some economists and oil industry experts doubt the plan. They warn …" are the
    experts, not a country named later in that sentence); else None."""
    starts, index = context.ordered_starts, context.sentence_at(position)
    if index < 1:
        return None
    begin, finish = starts[index - 1], starts[index]
    words = list(TOKEN_PATTERN.finditer(context.text, begin, finish))[:OPENING_WORDS + 3]
    opening = [word for word in words if word.group()[0].isalpha()]
    while opening and opening[0].group().lower() in context.cues.leading_links:
        opening = opening[1:]  # "But private Chinese companies", "Still, Ukrainian officials"
    if not opening or opening[0].group().lower() in context.cues.introductory_openers | {"to"}:
        return None  # "To her supporters, …", "As a reality TV boss, …": the sentence opens with no subject
    for word in opening[: OPENING_WORDS + 2]:
        lower = word.group().lower()
        # a capitalised word is a name ("Sanders supporters"), unless it opens the sentence as a noun ("Officials")
        common = word.group().islower() or (word is opening[0] and lower in context.cues.speaker_nouns)
        before = context.index.overlapping(begin, word.start())
        if any(acts_before(mention, word.start(), context.text) for mention in before):
            return None  # an actor before the noun: "The Coastal League told reporters …" is no unnamed group
        if common and is_people_plural(lower, context.cues):
            owner = before[-1] if before else None
            if owner is not None and not context.text[owner.end : word.start()].strip():
                # "Ukrainian officials", "US officials": the group of a known actor speaks for it ("Mr. Rubio's
                # advisers" and "Mr. Obama, officials said" speak for themselves)
                return Speaker(owner.actor_id, owner.actor, position, position + len("they"))
            comma = context.text.rfind(",", opening[0].start(), word.start())  # "Mr. Obama, officials said"
            phrase = context.text[(comma + 1 if comma >= 0 else opening[0].start()) : word.end()].strip()
            return Speaker("", phrase, position, position + len("they"))
        if lower in context.cues.speaker_stop_words and word is not opening[0]:
            break
    return None


def unnamed_body_before(position: int, context: SpeakerContext) -> Speaker | None:
    """For "it" at `position`: the organisation named by a common noun (one of `name_heads`) that opens the
    sentence before as its subject, when no actor stands before the noun ("Mariupol city council said the water
    was gone. It said …" is the council, not the United Nations named later); else None."""
    starts, index = context.ordered_starts, context.sentence_at(position)
    if index < 1:
        return None
    begin = starts[index - 1]
    words = [word for word in TOKEN_PATTERN.finditer(context.text, begin, starts[index]) if word.group()[0].isalpha()]
    for word in words[:OPENING_WORDS + 1]:
        if context.index.overlapping(begin, word.end()):
            return None  # an actor named there ("Russia's defence ministry said"): the other rules find it
        lower = word.group().lower()
        if lower in context.cues.name_heads and lower not in NEWS_HEADS:
            following = context.text[word.end() : word.end() + 40].split()[:1]
            if following and following[0].lower().rstrip(",.") in context.cues.speech_words:
                phrase = context.text[words[0].start() : word.end()]
                return Speaker("", phrase, position, position + len("it"))
    return None


NEWS_HEADS = frozenset({"press", "times", "post", "news", "journal", "images", "herald", "telegraph", "tribune",
                        "gazette", "monitor", "watch"})  # name heads that are parts of outlets' names


def acts_before(mention: MentionRef, noun: int, text: str) -> bool:
    """True for an actor before a plural noun that is no modifier of it: lowercase words stand between ("The
    Coastal League told reporters"); "Ukrainian officials" and "Russian and Ukrainian officials" are one
    group."""
    between = [word for word in text[mention.end : noun].split() if word not in ("'s", "’s", "and", "or")]
    return any(word.islower() for word in between)


def is_people_plural(word: str, cues: SpeechCues) -> bool:
    """True for a plural noun of people: one of `speaker_nouns` ending in -s, or one ending in -ists or -ians
    ("economists", "politicians"); "numbers", "comments" and "opinions" are no people."""
    if not word.endswith("s"):
        return False
    return word in cues.speaker_nouns or (len(word) > 5 and word.endswith(PEOPLE_PLURAL_ENDINGS))


PEOPLE_PLURAL_ENDINGS = ("ists", "ians")


OPENING_WORDS = 3  # at most this many words before a sentence's opening subject ("In Kyiv, Ukraine's …")


def opens_its_sentence(mention: MentionRef, context: SpeakerContext) -> bool:
    """True for a mention among the first words of its sentence, its subject: "Ukraine's defence ministry
    urged residents to report the bases of Russian troops. '…,' it said" is the ministry's. Not in the first
    sentence, the headline, which lists people rather than says who acts ("Rishi Sunak and Liz Truss Will
    Compete to Replace Boris Johnson"), told by its missing full stop."""
    start = context.sentence_starts.get(mention.sentence_id)
    if start is None:
        return False
    following = context.sentence_starts.get(mention.sentence_id + 1, len(context.text))
    if mention.sentence_id == 0 and not context.text[start:following].rstrip().endswith(SENTENCE_ENDS):
        return False
    return len(context.text[start : mention.start].split()) <= OPENING_WORDS


SENTENCE_ENDS = (".", "!", "?", '"', "”", "'", "’")


def speaks(mention: MentionRef, context: SpeakerContext) -> bool:
    """True for a mention right before a one-word speech verb ("Mr. Graham said") or right after one and
    before punctuation ("said Mr. Graham,"). A verb before a colon introduces somebody else's words:
    "Agence France-Presse reports: Alexei Gorinov, a lawyer, was arrested" is about Gorinov."""
    words = context.text[mention.end : mention.end + 30].split()[:1]
    if words and not words[0].endswith(":") and words[0].lower().rstrip(",.;") in context.cues.speech_words:
        return True
    before = context.text[max(0, mention.start - 30) : mention.start].split()[-1:]
    closes = context.text[mention.end : mention.end + 1] in (",", ".")
    return bool(before) and closes and before[0].lower() in context.cues.speech_words


def pronoun_fits(mention: MentionRef, kind: str, context: SpeakerContext) -> bool:
    """True when a pronoun of this kind (male, female, group) can refer to the mentioned actor."""
    if kind == "group":
        return mention.actor_type != "person"
    if mention.actor_type != "person":
        return False
    return person_gender(mention, context) in ("", kind)


def person_gender(mention: MentionRef, context: SpeakerContext) -> str:
    """The gender of a mentioned person: the registry's, else the text's (`honorific_gender`); "" unknown."""
    actor = context.registry.get(mention.actor_id)
    return actor.gender if actor is not None else honorific_gender(mention.actor_id, context)


def honorific_gender(actor_id: str, context: SpeakerContext) -> str:
    """The gender of a person outside the registry from an honorific before one of their mentions ("Ms.
    Griner", "Mr. Young": `honorific_genders`), else from the first word of the name ("George W. Bush":
    `given_name_genders`), else ""."""
    if actor_id not in context.genders:
        honorifics, found = dict(context.cues.honorific_genders), ""
        for mention in context.mentions:
            if mention.actor_id == actor_id:
                found = honorific_gender_before(context.text, mention.start, honorifics)
                if found:
                    break
        name = actor_id.removeprefix(UNREGISTERED_PREFIX).split()
        if not found and len(name) > 1:
            found = dict(context.cues.given_name_genders).get(name[0], "")
        context.genders[actor_id] = found
    return context.genders[actor_id]


def in_object_position(mention: MentionRef, context: SpeakerContext) -> bool:
    """True for a mention right after one of `pronoun_objects` or a gerund ("talks with Guterres", "thanked
    Biden", "when introducing Pence"), or in apposition to such an object ("speaking to the Swedish PM,
    Magdalena Andersson, stressed")."""
    text, cues = context.text, context.cues
    before = text[max(0, mention.start - 20) : mention.start].split()[-1:]
    if before and is_object_word(before[0], cues):
        return True
    if role_after_possessive_object(text, mention, cues):
        return True
    if not text[mention.end : mention.end + 2].startswith(",") or not text[: mention.start].rstrip().endswith(","):
        return False
    phrase = text[max(0, mention.start - 60) : mention.start].rstrip()[:-1]
    words = phrase.split(",")[-1].split()
    return 0 < len(words) <= 7 and any(is_object_word(word, cues) for word in words)


ROLE_WORDS_BEFORE_NAME = 6  # lowercase words at most between a possessive and the name: a role


def role_after_possessive_object(text: str, mention: MentionRef, cues: SpeechCues) -> bool:
    """True for a name after a possessive and a lowercase role, the possessive right after an object word:
    "met Poland's deputy prime minister and defence minister Mariusz Błaszczak"."""
    words = text[max(0, mention.start - 120) : mention.start].split()
    role = 0
    while role < len(words) and words[-1 - role].isalpha() and words[-1 - role].islower():
        role += 1
    if not 0 < role <= ROLE_WORDS_BEFORE_NAME or role + 2 > len(words):
        return False
    owner, verb = words[-1 - role], words[-2 - role]
    return owner.endswith(POSSESSIVE_ENDINGS) and is_object_word(verb, cues)


def is_object_word(word: str, cues: SpeechCues) -> bool:
    """True for a word an object follows: one of `pronoun_objects`, or a lowercase gerund ("introducing",
    "thanking") that is not one of `not_gerunds`."""
    if word.lower() in cues.pronoun_objects:
        return True
    return word.endswith("ing") and len(word) > 4 and word.isalpha() and word.islower() and word not in cues.not_gerunds
