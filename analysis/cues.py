"""Shared machinery of stance and relation detection: cue phrases, negation, and who is a clause's subject.

Cue phrases in the data files are plain words matched case-insensitively as whole words, with two
wildcards: a trailing `*` lets a word take any ending ("accus*" matches accuses, accused, accusing),
a leading `*` any beginning ("*n't" matches didn't, won't), and `...` (or `…`) stands for a gap of
up to five words ("ask* ... to" matches "asked Putin to").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter

from analysis.article_view import MentionSpan, SentenceSpan
from analysis.clauses import ClauseRules, split_clauses

GAP = r"(?:\W+\w+){0,5}?"
# Characters past a span's end that a pattern's look-ahead may read ("gross violation" sees '" of').
LOOKAHEAD_CHARACTERS = 40
# Characters before a span that a screen's look-behind may read (see `Screen`).
LOOKBEHIND_CHARACTERS = 32
# Characters that Python's case-insensitive matching takes for an ASCII letter although their lowercase is
# no ASCII letter ("ı" matches "i", "ſ" matches "s"): a span holding one is screened as written.
FOLD_EXCEPTIONS: tuple[str, ...] = ("ı", "ſ")
# Escapes after which a letter or digit may stand for an uppercase letter ("\x41", "\N{...}", octal "\101").
CHARACTER_ESCAPES = frozenset("xuUN0123456789")
# A range or a hyphen between two characters of which one only is uppercase ("A-z", "0-Z", "Anti-War").
MIXED_CASE_RANGE = re.compile(r"(?<!\\)(?:[A-Z]-[^A-Z]|[^A-Z\\]-[A-Z])")
# Closing quotation marks that may stand between a cue and the owner marker after it.
CLOSING_MARKS = "\"'”’"
# Apostrophes that make a mention possessive ("Moscow's recognition"), straight and typographic.
POSSESSIVE = re.compile(r"^['’](?:s\b|\s)")


def phrase_regex(phrase: str) -> str:
    """Regex source for one cue phrase (wildcards as in the module docstring).

    ValueError for a `*` inside a word ("favo*r"), which would otherwise stand for itself and never match.
    """
    pieces = []
    for word in phrase.replace("…", " ... ").split():
        if word == "...":
            pieces.append(GAP)
        elif "*" in word.strip("*"):
            raise ValueError(f"phrase '{phrase}': a '*' may only open or close a word (write out each spelling)")
        else:
            core = re.escape(word.strip("*"))
            pieces.append((r"\w*" if word.startswith("*") else "") + core + (r"\w*" if word.endswith("*") else ""))
    source = ""
    for piece in pieces:
        source += piece if not source or piece == GAP else r"\W+" + piece
    return source


def compile_phrases(phrases: Iterable[str], *, not_followed_by: Sequence[str] = ()) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of the phrases as whole words (not parts of hyphenated
    compounds), longest listed first; None if none.

    A match directly followed (a closing quotation mark allowed between) by one of `not_followed_by`
    ("the appeals OF the leaders") is refused. The alternatives stand behind a screen of the phrases'
    first words (`guarded`), which finds the same matches several times faster.
    """
    phrases = [phrase for phrase in phrases if phrase.strip()]
    sources = sorted({phrase_regex(phrase) for phrase in phrases}, key=len, reverse=True)
    if not sources:
        return None
    owners = "|".join(re.escape(word) for word in not_followed_by)
    tail = rf"(?![{CLOSING_MARKS}]?\s+(?:{owners})\b)" if not_followed_by else ""
    words = screen_words(phrases)
    body = guarded("|".join(sources), screen_source(words) if words else "")
    # a hyphen glues a word into a compound ("Russian-backed" is no cue "backed")
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])" + tail, re.IGNORECASE)


def screen_words(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """The first word of each phrase, lowercase (wildcards kept), for `screen_source`; None when some
    phrase opens with a wildcard or a gap, so that no word can stand for it."""
    words = set()
    for phrase in phrases:
        split = phrase.replace("…", " ... ").split()
        if not split:
            continue
        if split[0] == "..." or split[0].startswith("*"):
            return None
        words.add(split[0].lower())
    return tuple(sorted(words))


def screen_source(words: Iterable[str], patterns: Iterable[str] = ()) -> str:
    """Regex source of a condition that holds wherever one of the phrases could start: one of their first
    `words` (wildcards as in `phrase_regex`) as a whole word, or a match of one of the regex `patterns`.

    The words are merged into one character tree ("recogni(?:tion|\\w*)"), so the regex engine rules out
    most positions after one character instead of trying every alternative.
    """
    words = sorted(set(words))
    # a phrase's first word is followed by a non-word character (\W+ or the phrase's end)
    sources = [r"(?<![\w-])" + prefix_tree(words) + r"(?!\w)"] if words else []
    return "|".join(sources + [f"(?:{pattern})" for pattern in patterns])


def guarded(source: str, screen: str) -> str:
    """Regex `source` behind the look-ahead condition `screen` (see `screen_source`): the same matches,
    since no alternative can match where the screen fails, but most positions are ruled out at once."""
    return f"(?=(?:{screen}))(?:{source})" if screen else source


def prefix_tree(words: Sequence[str]) -> str:
    """One regex source matching exactly the words (a trailing `*` stands for any word ending)."""
    branches: dict[str, list[str]] = {}
    ends = open_ended = False
    for word in words:
        if word == "*":
            open_ended = True
        elif word == "":
            ends = True
        else:
            branches.setdefault(word[0], []).append(word[1:])
    alternatives = [re.escape(first) + prefix_tree(rests) for first, rests in sorted(branches.items())]
    if open_ended:
        alternatives.append(r"\w*")
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if ends else body


def find_spans(pattern: re.Pattern[str] | None, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets (into `text`) of the pattern's matches lying inside text[start:end].

    The pattern runs on the whole text from `start` on, so its look-arounds see the words around the span
    ("gross violation" inside a quote still sees the "of" after the closing mark).
    """
    if pattern is None:
        return []
    window_end = min(len(text), end + LOOKAHEAD_CHARACTERS)
    return [(m.start(), m.end()) for m in pattern.finditer(text, start, window_end) if m.end() <= end]


def folded_source(source: str) -> str | None:
    """Regex source that finds in lowercase text, case-sensitively, what `source` finds in the text as written
    case-insensitively; None when the source does not show that it can (a non-ASCII letter, an escape that
    may stand for an uppercase letter such as "\\x41", a range that mixes cases such as "A-z")."""
    if MIXED_CASE_RANGE.search(source) or any(is_cased(c) for c in source if not c.isascii()):
        return None
    pieces, index = [], 0
    while index < len(source):
        if source[index] == "\\":
            escape = source[index : index + 2]
            if escape[1:] in CHARACTER_ESCAPES:
                return None
            pieces.append(escape)  # \w, \W, \b, \s, \- and the like keep their case
            index += 2
        else:
            pieces.append(source[index].lower())
            index += 1
    folded = "".join(pieces)
    try:
        re.compile(folded)
    except re.error:  # an inline flag that has no lowercase form
        return None
    return folded


def is_cased(character: str) -> bool:
    """True for a character with another case ("é", "É"); False for marks such as "’" or "—"."""
    return character.lower() != character or character.upper() != character


@dataclass(frozen=True)
class Screen:
    """Where a screen source (`screen_source`) holds in a span of text, for `find_spans_each` and
    `ScreenedPattern`.

    The screens read every character of every sentence, and Python's case-insensitive search takes about
    twice as long as a case-sensitive one. So the text is lowercased and searched with the lowercase source
    (`folded_source`), which gives the same positions. A text whose lowercase changes its length ("İ") or
    holds one of FOLD_EXCEPTIONS is searched as written. Look-behinds see up to LOOKBEHIND_CHARACTERS
    before a span cut from the text, and the whole text before a span of a `fold`ed text, as they see the
    whole text when it is searched as written.
    """

    written: re.Pattern[str]  # zero-width, case-insensitive, on the text as written
    folded: re.Pattern[str] | None  # zero-width, case-sensitive, on the lowercase text

    def fold(self, text: str) -> str | None:
        """The text in lowercase, to search many spans of it, or None where it is to be searched as written."""
        return fold_text(text) if self.folded is not None else None

    def positions(self, text: str, start: int, end: int) -> list[int]:
        """Every offset in text[start:end] where the screen holds, in order."""
        return list(self.iter_positions(text, start, end))

    def iter_positions(self, text: str, start: int, end: int, *, folded: str | None = None) -> Iterator[int]:
        """`positions`, one at a time, for a caller that may stop at the first; `folded` is `fold(text)`
        when the caller has it."""
        if self.folded is not None and folded is not None:
            return (match.start() for match in self.folded.finditer(folded, start, end))
        left = max(0, start - LOOKBEHIND_CHARACTERS)
        piece = fold_text(text[left:end]) if self.folded is not None else None
        if self.folded is None or piece is None:
            return (match.start() for match in self.written.finditer(text, start, end))
        return (left + match.start() for match in self.folded.finditer(piece, start - left))

    def holds(self, text: str, start: int, end: int, *, folded: str | None = None) -> bool:
        """True when the screen holds somewhere in text[start:end] (`folded` as in `iter_positions`)."""
        return next(self.iter_positions(text, start, end, folded=folded), None) is not None


def fold_text(text: str) -> str | None:
    """The text in lowercase when that keeps every offset and Python's case-insensitive matching of ASCII
    letters (see FOLD_EXCEPTIONS); else None."""
    lowered = text.lower()
    # an ASCII lowercase has the text's length: only "İ" lowercases to two characters, one not ASCII
    if lowered.isascii() or (len(lowered) == len(text) and not any(c in lowered for c in FOLD_EXCEPTIONS)):
        return lowered
    return None


def candidate_screen(screen: str) -> Screen | None:
    """The `Screen` of a screen source (`screen_source`), holding at every position where the source
    matches; None for an empty source."""
    if not screen:
        return None
    folded = folded_source(screen)
    return Screen(
        re.compile(f"(?=(?:{screen}))", re.IGNORECASE),
        re.compile(f"(?=(?:{folded}))") if folded is not None else None,
    )


@dataclass(frozen=True)
class ScreenedPattern:
    """A case-insensitive pattern behind a screen (`guarded`), tried only where its `Screen` holds: `search`
    finds what `pattern.search` finds, in about half the time."""

    pattern: re.Pattern[str]
    screen: Screen | None

    def search(self, text: str, start: int, end: int, *, folded: str | None = None) -> re.Match[str] | None:
        """The first match inside text[start:end], or None (`folded` as in `Screen.iter_positions`)."""
        if self.screen is None:
            return self.pattern.search(text, start, end)
        for position in self.screen.iter_positions(text, start, end, folded=folded):
            match = self.pattern.match(text, position, end)
            if match is not None:
                return match
        return None

    def sentences_matching(self, text: str, sentences: Sequence[SentenceSpan]) -> list[SentenceSpan]:
        """The (sentence_id, start, end) spans of `text` in which `search` finds a match."""
        folded = self.screen.fold(text) if self.screen is not None else None
        return [sentence for sentence in sentences if self.search(text, sentence[1], sentence[2], folded=folded)]


def find_spans_each(
    patterns: Sequence[re.Pattern[str] | None], screen: Screen | None, text: str, start: int, end: int
) -> list[list[tuple[int, int]]]:
    """`find_spans` of each pattern, with one scan of the text instead of one per pattern.

    `screen` (`candidate_screen`) must hold wherever any of the patterns can start (their screens joined);
    each pattern is then tried only at those positions, in order, resuming after each match as finditer
    does, so the spans are exactly those of `find_spans`. Without a screen every pattern scans the text.
    """
    if screen is None:
        return [find_spans(pattern, text, start, end) for pattern in patterns]
    window_end = min(len(text), end + LOOKAHEAD_CHARACTERS)
    positions = screen.positions(text, start, window_end)
    found: list[list[tuple[int, int]]] = []
    for pattern in patterns:
        spans: list[tuple[int, int]] = []
        resume = start
        for position in positions if pattern is not None else ():
            if position < resume:
                continue
            match = pattern.match(text, position, window_end)
            if match is not None:
                if match.end() <= end:
                    spans.append(match.span())
                resume = match.end()
        found.append(spans)
    return found


def is_negated(text: str, position: int, *, floor: int, negators: re.Pattern[str] | None, window: int) -> bool:
    """True when one of the `window` words before `position` (not before `floor`) is a negator ("did not back")."""
    if negators is None:
        return False
    words = text[floor:position].split()[-window:]
    return bool(words) and negators.search(" ".join(words)) is not None


@dataclass(frozen=True)
class ClauseMention:
    """An actor mention inside a clause, with what its surroundings say about its grammatical role."""

    actor_id: str
    actor: str
    start: int
    end: int
    possessive: bool  # "Moscow's recognition": names an owner, not the one who acts
    after_marker: bool  # "appeal to Putin", "thanked Britain": in an object position (RoleRules)
    quoted: bool  # inside a direct or partial quote


def inside_any(start: int, end: int, spans: Iterable[tuple[int, int, str]]) -> bool:
    """True when [start, end) lies within one of the spans."""
    return any(span_start <= start and end <= span_end for span_start, span_end, _ in spans)


@dataclass(frozen=True)
class RoleRules:
    """Words that tell whether a mention is the one acting in its clause or an object (see the cue files)."""

    object_markers: frozenset[str] = frozenset()  # "appeal to Putin", "the invasion of Ukraine"
    verb_endings: tuple[str, ...] = ()  # "thanked Britain", "accusing Ukraine"
    acting_nouns: frozenset[str] = frozenset()  # "the leaders of Donetsk": Donetsk acts despite the "of"


def load_role_rules(data: dict) -> RoleRules:
    """RoleRules from a parsed cue file (keys object_markers, verb_endings, acting_nouns_before_of)."""
    return RoleRules(
        object_markers=lowercase_set(data, "object_markers"),
        verb_endings=load_phrase_list(data, "verb_endings"),
        acting_nouns=lowercase_set(data, "acting_nouns_before_of"),
    )


def is_object_position(words_before: list[str], roles: RoleRules) -> bool:
    """True when the words just before a mention make it an object: a marker ("to", "of" unless after an
    acting noun) or a lowercase, unhyphenated verb form ("thanked")."""
    if not words_before:
        return False
    last = words_before[-1]
    if last.lower() in roles.object_markers:
        return not (len(words_before) > 1 and words_before[-2].lower() in roles.acting_nouns)
    return bool(roles.verb_endings) and last.islower() and "-" not in last and last.endswith(roles.verb_endings)


def clause_mentions(
    text: str,
    mentions: Sequence[MentionSpan],
    clause: tuple[int, int],
    *,
    quotes: list[tuple[int, int, str]],
    roles: RoleRules,
) -> list[ClauseMention]:
    """The mentions lying inside the clause, in text order, with their role flags (rules in RoleRules).

    `mentions` are in text order (sorted by start): the clause's first one is found by bisection, so that a
    long article with thousands of mentions and clauses is not read mention by mention for every clause.
    """
    found = []
    first = bisect.bisect_left(mentions, clause[0], key=itemgetter(2))
    for index in range(first, len(mentions)):
        actor_id, actor, start, end = mentions[index]
        if start >= clause[1]:
            break
        if end > clause[1]:
            continue
        found.append(
            ClauseMention(
                actor_id=actor_id,
                actor=actor,
                start=start,
                end=end,
                possessive=POSSESSIVE.match(text[end : end + 3]) is not None,
                after_marker=is_object_position(text[clause[0] : start].rsplit(None, 2)[-2:], roles),
                quoted=inside_any(start, end, quotes),
            )
        )
    return found


def is_subject_like(mention: ClauseMention) -> bool:
    """True for a mention that can be the one who acts: not possessive, not after an object marker, not quoted."""
    return not (mention.possessive or mention.after_marker or mention.quoted)


def immediate_subject(
    text: str,
    mentions: list[ClauseMention],
    position: int,
    gap_words: frozenset[str],
    is_joined_pair: Callable[[ClauseMention, ClauseMention], bool],
) -> list[ClauseMention]:
    """The subject-like actor right before `position` (a cue), with only `gap_words` or -ly adverbs between,
    and the actors joined to it before (`is_joined_pair(earlier, later)`), in text order: "as the US has
    accused Iran", "China has rejected". [] when no actor stands right there."""
    before = [mention for mention in mentions if mention.end <= position and is_subject_like(mention)]
    if not before:
        return []
    gap = text[before[-1].end : position].lower().split()
    if not all(word in gap_words or word.endswith("ly") for word in gap):
        return []
    chain = before[-1:]
    for mention in reversed(before[:-1]):
        if not is_joined_pair(mention, chain[0]):
            break
        chain.insert(0, mention)
    return chain


def subjects_before(mentions: list[ClauseMention], position: int, *, text: str) -> list[ClauseMention]:
    """Subject-like mentions before `position`, one per actor (the first), in text order, but not those inside
    an apposition to an earlier one (`in_apposition`)."""
    chosen: dict[str, ClauseMention] = {}
    for mention in mentions:
        if mention.end <= position and is_subject_like(mention):
            chosen.setdefault(mention.actor_id, mention)
    found = list(chosen.values())
    return [mention for mention in found if not in_apposition(text, mention, found, position)]


def in_apposition(text: str, mention: ClauseMention, subjects: list[ClauseMention], position: int) -> bool:
    """True for a mention inside a phrase set off by commas after an earlier subject, one with a lowercase
    word in it, that closes before `position`: in "Orban, a critic sanctioned by the United States, urged
    Scholz" the United States is no subject; in "Britain, France and Germany urged" France is."""
    for head in subjects:
        if head.end >= mention.start:
            break
        between = text[head.end : mention.start]
        if between.lstrip().startswith(",") and any(word.islower() for word in between.split()):
            return "," in text[mention.end : position]
    return False


def opening_subject(
    text: str, clause: tuple[int, int], mentions: list[ClauseMention], *, blockers: frozenset[str]
) -> list[ClauseMention]:
    """The actor that opens the clause ("The Russian parliament has ..."), as a list of zero or one.

    It is the first subject-like mention (possessives such as "Russia's" before it are skipped), with at
    most three words before it, none of them in `blockers` (prepositions: "as the Ukraine crisis") nor a
    lowercase -ing/-ed form ("accusing Ukraine"), and not glued to a following mention as a modifier
    ("Ukraine Separatists").
    """
    candidates = [mention for mention in mentions if is_subject_like(mention)]
    if not candidates:
        return []
    first = candidates[0]
    before = text[clause[0] : first.start].split()
    if len(before) > 3:
        return []
    if any(word.lower() in blockers or (word.islower() and word.endswith(("ing", "ed"))) for word in before):
        return []
    if any(other.start > first.end and not text[first.end : other.start].strip() for other in mentions):
        return []
    return [first]


def quoted_speaker(
    mentions: list[ClauseMention], clause: tuple[int, int], quotes: Iterable[tuple[int, int, str]]
) -> list[ClauseMention]:
    """The speaker of a quote in the clause, named in it outside the quote, as a list of zero or one.

    In '"We will not give in," said Kuleba' the quote's words stand before the name, so the clause has no
    opening subject; the speaker still is the one who acts, and a following participle clause
    (", accusing Moscow of lying") takes the speaker as its subject.
    """
    speakers = {speaker for start, end, speaker in quotes if speaker and start < clause[1] and end > clause[0]}
    return [mention for mention in mentions if mention.actor_id in speakers and is_subject_like(mention)][:1]


def starts_with_participle(text: str, clause: tuple[int, int]) -> bool:
    """True when the clause opens with a lowercase -ing word ("accusing Ukraine of ...")."""
    words = text[clause[0] : clause[1]].split()
    return bool(words) and words[0].islower() and words[0].endswith("ing")


def sentence_clauses(text: str, sentence: tuple[int, int], *, rules: ClauseRules) -> list[tuple[int, int]]:
    """The clauses of one sentence (the whole sentence when it has no clause break)."""
    return split_clauses(text, sentence[0], sentence[1], rules=rules) or [sentence]


def load_phrase_list(data: dict, key: str) -> tuple[str, ...]:
    """A list of phrases from parsed YAML, as a tuple of strings (empty when the key is missing)."""
    return tuple(str(item) for item in data.get(key) or ())


def lowercase_set(data: dict, key: str) -> frozenset[str]:
    """The words of one list in parsed YAML, lowercased (empty when the key is missing)."""
    return frozenset(word.lower() for word in load_phrase_list(data, key))
