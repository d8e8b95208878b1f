"""The role of an actor next to a word of criticism, praise or failure, as a shift of its mention's polarity.

"Biden criticised Putin" holds no word of the sentiment lexicons, yet news readers read it as negative
about both. The rule and its words are in data/sentiment_cues.yaml; `mention_role` finds the role of one
mention (-1, 0 or +1 per rule that holds) and `shift_polarity` applies it to a lexicon score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.yaml_text import parse_yaml

DEFAULT_SENTIMENT_ROLES = Path(__file__).resolve().parent.parent / "data" / "sentiment_cues.yaml"

# A word as the rules see it: letters, digits, apostrophes, hyphens and dots ("Sen.", "U.S.", "'s").
WORD = re.compile(r"[\w.'’-]+")
POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
CONTRACTED = ("n'", "n’")
# Characters of a window looked at on each side of a mention: more than `reach` words of news text.
WINDOW = 80


@dataclass(frozen=True)
class SentimentRoles:
    """The words of data/sentiment_cues.yaml, as lowercase sets (the file explains the rule)."""

    weight: float = 0.5
    reach_before: int = 5
    reach_after: int = 4
    signs: dict[str, int] = field(default_factory=dict)  # a word of `negative` (-1) or `positive` (+1)
    negative_after: frozenset[str] = frozenset()
    negative_phrases_after: tuple[str, ...] = ()
    words_before: frozenset[str] = frozenset()
    words_after: frozenset[str] = frozenset()
    passive_markers: frozenset[str] = frozenset()
    negations: tuple[str, ...] = ()
    noun_phrases: dict[str, int] = field(default_factory=dict)  # two-word "criticism of" (-1), "praise for" (+1)


def load_sentiment_roles(path: Path = DEFAULT_SENTIMENT_ROLES) -> SentimentRoles:
    """SentimentRoles read from a YAML file; a word listed as both negative and positive is refused."""
    data = parse_yaml(Path(path).read_text(encoding="utf-8")) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in data.get(key) or ())

    def phrases(key: str) -> tuple[str, ...]:
        """The key's phrases in lowercase, with single spaces."""
        return tuple(" ".join(str(phrase).lower().split()) for phrase in data.get(key) or ())

    negative, positive = words("negative"), words("positive")
    if negative & positive:
        raise ValueError(f"{path}: listed as both negative and positive: {', '.join(sorted(negative & positive))}")
    return SentimentRoles(
        weight=float(data.get("weight", 0.5)),
        reach_before=int(data.get("reach_before", 5)),
        reach_after=int(data.get("reach_after", 4)),
        signs={word: -1 for word in negative} | {word: 1 for word in positive},
        negative_after=words("negative_after"),
        negative_phrases_after=phrases("negative_phrases_after"),
        words_before=words("words_before"),
        words_after=words("words_after"),
        passive_markers=words("passive_markers"),
        noun_phrases={phrase: -1 for phrase in phrases("negative_nouns")}
        | {phrase: 1 for phrase in phrases("positive_nouns")},
        negations=phrases("negations"),
    )


def bare(word: str) -> str:
    """A word in lowercase without a sentence's closing dot ("criticised." -> "criticised")."""
    return word.lower().rstrip(".")


def is_possessive(word: str) -> bool:
    """True for "Russia's", "the Kremlin's", "allies'"."""
    return word.endswith(POSSESSIVE_ENDINGS)


def role_before(words: list[str], rules: SentimentRoles) -> int:
    """The sign of a criticism or praise word, or of a noun phrase such as "criticism of", before the mention
    (the words before it, nearest last), reached over titles, capitalised words and possessives only; 0 when
    none or when the word is negated ("refused to condemn")."""
    first = max(0, len(words) - rules.reach_before)
    for index in range(len(words) - 1, first - 1, -1):
        word = words[index]
        start, sign = index, rules.signs.get(bare(word), 0)
        if not sign and index > 0:
            start, sign = index - 1, rules.noun_phrases.get(" ".join(words[index - 1 : index + 1]).lower(), 0)
        if sign:
            return 0 if is_negated(words[max(0, start - 3) : start], rules) else sign
        if not (word.lower() in rules.words_before or word[:1].isupper() or is_possessive(word)):
            return 0
    return 0


def is_negated(words: list[str], rules: SentimentRoles) -> bool:
    """True when the words right before a cue word end with one of `negations` ("did not", "didn't",
    "refused to")."""
    preceding = " " + " ".join(word.lower() for word in words)
    # a contraction ("n't") ends a word ("didn't"); any other negation is whole words
    return any(
        preceding.endswith(negation if negation[:2] in CONTRACTED else " " + negation) for negation in rules.negations
    )


def role_after(words: list[str], rules: SentimentRoles) -> int:
    """The sign of a failure word after the mention (the words after it, in order), or of a criticism or
    praise word in the passive, reached over auxiliaries, -ly adverbs and "'s" only; 0 when none (also for
    a failure word in the passive: "were denied visas")."""
    passive = False
    for word in words[: rules.reach_after]:
        lowered = bare(word)
        if lowered in rules.negative_after:
            return 0 if passive else -1  # "was denied visas" is what others did to the actor
        if lowered in rules.signs:  # "is accusing" is no passive
            return rules.signs[lowered] if passive and not lowered.endswith("ing") else 0
        if not (lowered in rules.words_after or lowered.endswith("ly") or word in POSSESSIVE_ENDINGS):
            return 0
        passive = passive or lowered in rules.passive_markers
    return 0


def opens_with_phrase(words: list[str], rules: SentimentRoles) -> bool:
    """True when the words after the mention open, past auxiliaries only, with a `negative_phrases_after`."""
    lowered = [bare(word) for word in words[: rules.reach_after + 3]]
    for skip in range(min(rules.reach_after, len(lowered)) + 1):
        rest = " ".join(lowered[skip:])
        if any(rest == phrase or rest.startswith(phrase + " ") for phrase in rules.negative_phrases_after):
            return True
        if skip < len(lowered) and lowered[skip] not in rules.words_after:
            return False
    return False


def mention_role(text: str, start: int, end: int, bounds: tuple[int, int], rules: SentimentRoles) -> int:
    """The actor's role at text[start:end] inside the sentence text[bounds[0]:bounds[1]]: the sum of the
    signs of the rules that hold (data/sentiment_cues.yaml), kept within -1..1."""
    sentence_start, sentence_end = bounds
    before = WORD.findall(text, max(sentence_start, start - WINDOW), start)
    after = WORD.findall(text, end, min(sentence_end, end + WINDOW))
    role = role_before(before, rules) + (role_after(after, rules) or -int(opens_with_phrase(after, rules)))
    return max(-1, min(1, role))


def shift_polarity(polarity: float, role: int, rules: SentimentRoles) -> float:
    """A lexicon polarity moved by the role's weight, kept within -1..1."""
    return max(-1.0, min(1.0, polarity + role * rules.weight)) if role else polarity
