"""Stance detection: which actor is for or against which target (data/targets.yaml), from cue words.

Statements looked at, per sentence (only sentences that contain a target keyword):
- quotes (direct, partial, indirect) with a known speaker: the speaker's stance. Cues are the quoted
  words and the attribution verb ("called for", "denied"); a quote without a target whose words hold
  a cue comments on the target of the sentence around it (confidence cue_near_target);
- clauses (analysis/clauses.py) with an actor as subject: a mention before the clause's first cue, not
  possessive, not in an object position, not inside a quote ("The Russian parliament has also asked
  Putin to recognize ..."); without a cue, the mention opening the clause (neutral). A clause opening
  with "which" takes the targets of the clause before it ("..., which Kyiv has firmly denied").
A target keyword pairs with the nearest cue before it; a cue after it only when the cue is a predicate
("recognition would be illegal") or looks back by the rules above. The cue's side (support +1 / oppose -1)
flips for each negation (a negator just before the cue, or between the cue and the target: "did not
support", "demanded that Ukraine never join NATO") and for an inverse target ("lift sanctions").
Without a cue a quote is neutral, unless its target allows a sentiment-based stance (targets.yaml).
One row per (actor, target, sentence) is kept: the most confident, a side beating neutral at equal
confidence. Confidence levels are in data/stance_cues.yaml: 0.9 cue and target in one clause or quote,
0.7 cue near the target, 0.5 sentiment-based, 0.3 neutral.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

import pandas as pd

from analysis.article_view import QUOTED_KINDS, ArticleView, SentenceSpan, Statement, view_from_frames
from analysis.attribution import POSSESSIVE_ENDINGS, is_past_verb
from analysis.clauses import DEFAULT_CLAUSE_RULES, ClauseRules, load_clause_rules, split_clauses
from analysis.cues import (
    ClauseMention,
    MentionSpan,
    RoleRules,
    Screen,
    ScreenedPattern,
    candidate_screen,
    clause_mentions,
    compile_phrases,
    find_spans,
    find_spans_each,
    guarded,
    immediate_subject,
    is_negated,
    load_phrase_list,
    load_role_rules,
    lowercase_set,
    opening_subject,
    quoted_speaker,
    screen_source,
    screen_words,
    sentence_clauses,
    starts_with_participle,
    subjects_before,
)
from analysis.quote_spans import leaves_a_quotation_open
from analysis.schema import STANCE_COLUMNS
from analysis.spans import SpanIndex
from analysis.target_file import TargetsError, read_target_entries
from analysis.yaml_text import parse_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_TARGETS = DATA_DIR / "targets.yaml"
DEFAULT_STANCE_CUES = DATA_DIR / "stance_cues.yaml"
OUTPUT_COLUMNS: list[str] = [column for column in STANCE_COLUMNS if column != "article_id"]
SIDES: dict[int, str] = {1: "support", -1: "oppose", 0: "neutral"}
PHRASE_BREAK = re.compile(r"[,;:—–()]")
WORD = re.compile(r"\w+")
PUNCTUATION = ".,;:!?\"'“”‘’()[]—–-"
APOSTROPHES: tuple[str, ...] = ("'", "’")
# words of a quote read after its attribution verb, for a cue with a gap ("asking ... to": cues.GAP's five and one)
ATTRIBUTION_REACH = 6


@dataclass(frozen=True)
class Target:
    """One stance target with its compiled keyword and inverse patterns."""

    id: str
    label: str
    description: str
    pattern: re.Pattern[str] | None
    inverse: re.Pattern[str] | None
    sentiment_stance: bool = False  # may a quote's sentiment give a stance on it when no cue is found?
    # phrases where a keyword means something else ("prisoners of war"): they hide overlapping keywords
    exclude: re.Pattern[str] | None = None
    # keywords too loose to carry support ("war"): a support stance on them alone is neutral
    loose: re.Pattern[str] | None = None
    # inverse phrases whose rejection backs nothing ("ceasefire"): a support stance on them alone is neutral
    one_way: re.Pattern[str] | None = None
    # where the target could be named: these first words (cues.screen_source) or these regex patterns
    screen_words: tuple[str, ...] = ()
    screen_patterns: tuple[str, ...] = ()
    # verbs of doing it ("imposed new sanctions"): the actor right before one backs the target after it
    acts: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Targets:
    """All stance targets of data/targets.yaml, in file order."""

    items: tuple[Target, ...]
    # any target keyword: sentences without one are skipped
    any_target: ScreenedPattern | None = field(init=False, repr=False, compare=False, default=None)

    def loose_support(self, text: str, target: Hit, side: int) -> bool:
        """True for a support stance on a keyword of the target's `loose_keywords` ("the war effort") or on one of
        its `one_way_inverse` phrases ("ruled out agreeing to a ceasefire")."""
        return side > 0 and (self.is_loose(text, target) or self.is_phrase_of(text, target, "one_way"))

    def item(self, key: str) -> Target | None:
        """The target with this id, None when there is none."""
        return next((item for item in self.items if item.id == key), None)

    def acts_of(self, key: str) -> re.Pattern[str] | None:
        """The compiled `acts` of the target with this id, None when it has none."""
        item = self.item(key)
        return item.acts if item is not None else None

    def is_loose(self, text: str, target: Hit) -> bool:
        """True when the target keyword is one of its target's `loose_keywords` ("war", "troops")."""
        return self.is_phrase_of(text, target, "loose")

    def is_phrase_of(self, text: str, target: Hit, field_name: str) -> bool:
        """True when the target hit's words are all one phrase of a list of its target (`Target.loose`,
        `Target.one_way`)."""
        item = self.item(target.key)
        pattern = getattr(item, field_name) if item is not None else None
        return pattern is not None and pattern.fullmatch(text, target.start, target.end) is not None

    @property
    def candidates(self) -> Screen | None:
        """Every position where some target keyword could start (cues.find_spans_each): any_target's screen."""
        return self.any_target.screen if self.any_target is not None else None

    def __post_init__(self) -> None:
        sources = [p.pattern for t in self.items for p in (t.pattern, t.inverse) if p is not None]
        words = [word for target in self.items for word in target.screen_words]
        patterns = [pattern for target in self.items for pattern in target.screen_patterns]
        screen = screen_source(words, patterns)
        pattern = re.compile(guarded("|".join(sources), screen), re.IGNORECASE)
        any_target = ScreenedPattern(pattern, candidate_screen(screen)) if sources else None
        object.__setattr__(self, "any_target", any_target)


@dataclass(frozen=True)
class Confidence:
    """Confidence (0..1) of a stance row by the evidence found (see data/stance_cues.yaml)."""

    cue_and_target: float = 0.9
    cue_near_target: float = 0.7
    negated_target: float = 0.7
    sentiment: float = 0.5
    neutral: float = 0.3


@dataclass(frozen=True)
class StanceCues:
    """Compiled cue words of data/stance_cues.yaml plus the clause rules."""

    support: re.Pattern[str] | None
    oppose: re.Pattern[str] | None
    predicates: re.Pattern[str] | None
    negators: re.Pattern[str] | None
    negation_window: int
    commitment_negators: re.Pattern[str] | None  # oppose a target without a cue ("will not attack")
    commitment_gap: int  # at most this many words between such a negator and the target
    intent_negators: re.Pattern[str] | None  # "does not intend to provoke a wider conflict"
    intent_gap: int
    max_cue_distance: int
    roles: RoleRules
    back_reference_openers: frozenset[str]
    confidence: Confidence
    sentiment_threshold: float
    clauses: ClauseRules
    # every position where a support, oppose or predicate cue could start (cues.find_spans_each); None
    # when some cue opens with a wildcard, and each pattern then scans the text itself
    cue_screen: Screen | None = None
    refusals: re.Pattern[str] | None = None  # before an opposing cue: no side ("refused to condemn")
    # words that may stand alone between two targets one cue applies to ("the invasion and the annexation")
    target_joiners: frozenset[str] = frozenset()
    # ... or one of these and at most `conjunction_gap` words in all ("a ceasefire and enter negotiations")
    target_conjunctions: frozenset[str] = frozenset()
    conjunction_gap: int = 0
    # words after an actor between a support cue and its target that keep the pair ("called on Russia to")
    object_complements: frozenset[str] = frozenset()
    # words between a support cue and an actor that make the actor the subject of what follows ("that")
    clause_openers: frozenset[str] = frozenset()
    # possessive words ("their opposition"); a cue right after a singular one belongs to the nearest actor
    # before it ("Germany reiterated its opposition")
    possessive_determiners: frozenset[str] = frozenset()
    singular_possessives: frozenset[str] = frozenset()
    # a cue after one of these is somebody else's ("punished him for criticising the war")
    reason_markers: frozenset[str] = frozenset()
    passive_agents: frozenset[str] = frozenset()  # "criticised by Orban for proposing": the subject was acted on
    adverbs: frozenset[str] = frozenset()  # may stand between a reason marker and its gerund: "for again proposing"
    # a cue after one of these in its clause is hypothetical ("if the West doesn't want talks")
    hypothetical_markers: frozenset[str] = frozenset()
    # inside a quote, a cue whose nearest subject pronoun is one of these is not the speaker's ("he hasn't
    # criticized the war"), unless a first-person one comes nearer ("he said we must condemn")
    third_person_subjects: frozenset[str] = frozenset()
    first_person_subjects: frozenset[str] = frozenset()
    # ... or a word of obligation between the pronoun and the cue ("they must stop the war")
    prescriptive_words: frozenset[str] = frozenset()
    # in reported speech, subject pronouns that are somebody else ("he said they had made their opposition")
    reported_others: frozenset[str] = frozenset()
    # between a cue and a target, these make the target a circumstance, not the cue's object ("urged people
    # to stay in shelters due to the shelling", "dismissed the shipment ... since Russia invaded")
    circumstance_markers: re.Pattern[str] | None = None
    # before a target without a cue: a time ("weeks into the invasion"), see `is_background`
    time_markers: re.Pattern[str] | None = None
    # between a cue and a target: what is asked or talked about ("asks for an opinion on recognition")
    topic_markers: re.Pattern[str] | None = None
    # between a cue and a target, these open a new statement ("... and said"): the cue does not reach on
    statement_openers: re.Pattern[str] | None = None
    # between a cue and a target, these open an embedded question or relative clause ("urged citizens to
    # reveal where Russian troops are living")
    embedded_openers: frozenset[str] = frozenset()
    # a cue right after one of these is received, not given ("came under criticism", "drew condemnation")
    received_markers: frozenset[str] = frozenset()
    # a cue in a phrase opening with one of these belongs to the actors the phrase refers to ("Finland and
    # Sweden, who have sought to join NATO")
    relative_pronouns: frozenset[str] = frozenset()
    # a cue right after one of these is nobody's in particular ("criminalising any public opposition")
    generic_markers: frozenset[str] = frozenset()
    # "Putin launched an illegal invasion": these cues right before a target describe it, in the reporter's
    # words, unless one of `naming_words` stands before them ("what it called illegal sanctions")
    describing_cues: frozenset[str] = frozenset()
    # "the proposed sanctions": a participle cue after one of these and right before the target describes it
    attributive_determiners: frozenset[str] = frozenset()
    naming_words: frozenset[str] = frozenset()
    # a denial followed closely by one of these denies a fact and takes no side ("denied it was involved")
    denials: frozenset[str] = frozenset()
    factual_markers: frozenset[str] = frozenset()
    factual_window: int = 0
    # ... unless one of these follows within `intent_window` words ("denied that it is planning an attack")
    intent_markers: frozenset[str] = frozenset()
    intent_window: int = 0
    # an act verb ("imposed") backs a target at most `act_gap` words after it, for the actor at most
    # `act_gap` words before it, unless one of `act_blockers` stands between ("could impose", "has not imposed")
    act_gap: int = 0
    act_blockers: frozenset[str] = frozenset()
    # a clause opening with one of these and a verb has the subject of the clause before ("but denies ...");
    # a word of `subject_words` after the joiner opens a subject of its own ("but the West insists")
    elided_subject_joiners: frozenset[str] = frozenset()
    subject_words: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()  # "has", "will": a word right before one is a subject
    # after a commitment negator, these make the target a topic, not an act: "would not discuss negotiations"
    topic_verbs: frozenset[str] = frozenset()
    # an actor right before a clause's first cue, with only these words or -ly adverbs between, is the only
    # one whose stance the cue shows ("agrees that China has rejected …" is China's, not the expert's)
    subject_gap_words: frozenset[str] = frozenset()
    # news outlets and agencies: they report stances and take none ("..., Reuters reported")
    reporting_sources: re.Pattern[str] | None = None
    # phrases that refer back to the one target the headline names ("the move"), unless one of
    # `anaphor_complements` follows ("the decision to expel diplomats")
    target_anaphors: re.Pattern[str] | None = None
    anaphor_complements: frozenset[str] = frozenset()


def compile_target(entry: dict, *, where: str = "target") -> Target:
    """A Target from one checked entry (target_file.check_target): keywords and regex patterns joined into one
    pattern. TargetsError naming the target for a phrase with a misplaced wildcard."""
    try:
        fields = ("keywords", "inverse", "exclude", "loose_keywords", "one_way_inverse", "acts")
        compiled = {key: compile_phrases(entry[key]) for key in fields}
    except ValueError as error:
        raise TargetsError(f"{where}: {error}") from error
    keywords, inverse, exclude = compiled["keywords"], compiled["inverse"], compiled["exclude"]
    raw = [f"(?:{pattern})" for pattern in entry["patterns"]]
    sources = ([keywords.pattern] if keywords else []) + raw
    words = screen_words([*entry["keywords"], *entry["inverse"], *entry["exclude"]])
    if words is None:  # a phrase opens with a wildcard: screen with the full patterns
        words, raw = (), [*sources, *([inverse.pattern] if inverse else []), *([exclude.pattern] if exclude else [])]
    return Target(
        id=entry["id"],
        label=entry["label"],
        description=entry["description"],
        pattern=re.compile("|".join(sources), re.IGNORECASE) if sources else None,
        inverse=inverse,
        sentiment_stance=entry["sentiment_stance"],
        exclude=exclude,
        loose=compiled["loose_keywords"],
        one_way=compiled["one_way_inverse"],
        screen_words=words,
        screen_patterns=tuple(raw),
        acts=compiled["acts"],
    )


def load_targets(path: Path = DEFAULT_TARGETS) -> Targets:
    """The stance targets of a YAML file; TargetsError naming the file and target when one is not right."""
    return Targets(items=tuple(compile_target(entry, where=where) for where, entry in read_target_entries(path)))


# Lists of words in data/stance_cues.yaml read as lowercase sets into the StanceCues field of the same name.
WORD_SET_KEYS: tuple[str, ...] = (
    "target_joiners",
    "target_conjunctions",
    "object_complements",
    "clause_openers",
    "possessive_determiners",
    "singular_possessives",
    "reason_markers",
    "passive_agents",
    "adverbs",
    "hypothetical_markers",
    "third_person_subjects",
    "first_person_subjects",
    "prescriptive_words",
    "reported_others",
    "denials",
    "factual_markers",
    "intent_markers",
    "embedded_openers",
    "received_markers",
    "generic_markers",
    "describing_cues",
    "attributive_determiners",
    "naming_words",
    "relative_pronouns",
    "anaphor_complements",
    "act_blockers",
    "elided_subject_joiners",
    "subject_words",
    "auxiliaries",
    "subject_gap_words",
    "topic_verbs",
)


def load_stance_cues(path: Path = DEFAULT_STANCE_CUES, *, clauses_path: Path = DEFAULT_CLAUSE_RULES) -> StanceCues:
    """The stance cue words of a YAML file, compiled, with the clause rules of `clauses_path`."""
    data = parse_yaml(Path(path).read_text(encoding="utf-8")) or {}
    owners = load_phrase_list(data, "owner_markers")
    words = screen_words(
        [phrase for key in ("support", "oppose", "predicates") for phrase in load_phrase_list(data, key)]
    )
    return StanceCues(
        support=compile_phrases(load_phrase_list(data, "support"), not_followed_by=owners),
        oppose=compile_phrases(load_phrase_list(data, "oppose"), not_followed_by=owners),
        predicates=compile_phrases(load_phrase_list(data, "predicates"), not_followed_by=owners),
        negators=compile_phrases(load_phrase_list(data, "negators")),
        negation_window=int(data.get("negation_window", 3)),
        commitment_negators=compile_phrases(load_phrase_list(data, "commitment_negators")),
        refusals=compile_phrases(load_phrase_list(data, "refusals")),
        commitment_gap=int(data.get("commitment_gap", 1)),
        intent_negators=compile_phrases(load_phrase_list(data, "intent_negators")),
        intent_gap=int(data.get("intent_gap", 3)),
        max_cue_distance=int(data.get("max_cue_distance", 8)),
        roles=load_role_rules(data),
        back_reference_openers=lowercase_set(data, "back_reference_openers"),
        **{name: lowercase_set(data, name) for name in WORD_SET_KEYS},
        confidence=Confidence(**(data.get("confidence") or {})),
        sentiment_threshold=float(data.get("sentiment_threshold", 0.25)),
        clauses=load_clause_rules(clauses_path),
        cue_screen=candidate_screen(screen_source(words)) if words else None,
        conjunction_gap=int(data.get("conjunction_gap", 0)),
        reporting_sources=compile_phrases(load_phrase_list(data, "reporting_sources")),
        circumstance_markers=compile_phrases(load_phrase_list(data, "circumstance_markers")),
        topic_markers=compile_phrases(load_phrase_list(data, "topic_markers")),
        time_markers=compile_phrases(load_phrase_list(data, "time_markers")),
        statement_openers=compile_phrases(load_phrase_list(data, "statement_openers")),
        factual_window=int(data.get("factual_window", 0)),
        intent_window=int(data.get("intent_window", 0)),
        target_anaphors=compile_phrases(load_phrase_list(data, "target_anaphors")),
        act_gap=int(data.get("act_gap", 0)),
    )


@dataclass(frozen=True)
class Hit:
    """A cue or target keyword found in the text; direction +1 / -1 after negation and inversion."""

    key: str
    start: int
    end: int
    direction: int
    label: str = ""  # the cue's words when they are not text[start:end] (a quote's attribution verb)
    backward: bool = False  # a predicate cue, which may describe a target before it
    referred: bool = False  # a target named by a phrase that refers back to it ("the move")


def drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Hits without overlaps, the longer one kept (then the earlier), in text order."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda item: (item.start - item.end, item.start)):
        if all(hit.end <= other.start or hit.start >= other.end for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda item: item.start)


def find_cues(text: str, span: tuple[int, int], cues: StanceCues) -> list[Hit]:
    """Support (+1) and oppose (-1) cues in text[span], in text order, longer ones winning overlaps."""
    support, oppose, predicates = find_spans_each(
        (cues.support, cues.oppose, cues.predicates), cues.cue_screen, text, *span
    )
    hits = [Hit("support", s, e, 1) for s, e in support] + [Hit("oppose", s, e, -1) for s, e in oppose]
    predicates = set(predicates)
    return [replace(hit, backward=(hit.start, hit.end) in predicates) for hit in drop_overlaps(hits)]


def find_targets(
    text: str, span: tuple[int, int], targets: Targets, cues: StanceCues, anaphors: tuple[Hit, ...] = ()
) -> list[Hit]:
    """Target keywords in text[span] (key = target id); inverse ones, or ones with a negator inside
    ("NATO won't expand"), have direction -1. Resolved `anaphors` (`find_anaphors`) inside the span count
    as targets too."""
    referred = [hit for hit in anaphors if span[0] <= hit.start and hit.end <= span[1]]
    # one search for any target first: most clauses of a sentence that names a target name none themselves
    if targets.any_target is None or targets.any_target.search(text, *span) is None:
        return referred
    return keyword_targets(text, span, targets, cues) + referred


def keyword_targets(text: str, span: tuple[int, int], targets: Targets, cues: StanceCues) -> list[Hit]:
    """The target keywords of `find_targets`, for text[span] that holds some keyword."""
    hits: list[Hit] = []
    patterns = [pattern for target in targets.items for pattern in (target.inverse, target.pattern, target.exclude)]
    spans = find_spans_each(patterns, targets.candidates, text, *span)
    for target, inverse_spans, plain_spans, excluded in zip(
        targets.items, spans[0::3], spans[1::3], spans[2::3], strict=True
    ):
        inverse = [Hit(target.id, s, e, -1) for s, e in inverse_spans]
        plain = [Hit(target.id, s, e, 1) for s, e in plain_spans]
        found = drop_overlaps(inverse + plain) if inverse else plain
        if excluded:  # "prisoners of war", "the Institute for the Study of War": not the target
            found = [hit for hit in found if all(hit.end <= s or hit.start >= e for s, e in excluded)]
        hits += found
    return [
        Hit(hit.key, hit.start, hit.end, -hit.direction) if has_negator(text[hit.start : hit.end], cues) else hit
        for hit in hits
    ]


def find_anaphors(
    text: str, sentences: Sequence[SentenceSpan], targets: Targets, cues: StanceCues
) -> dict[int, tuple[Hit, ...]]:
    """Per sentence id, the phrases that refer back to the article's main event (`target_anaphors`: "Macron
    condemned the move"), each as a hit of the one target its first sentence (the headline) names, with that
    keyword's direction; see data/stance_cues.yaml."""
    found: dict[int, tuple[Hit, ...]] = {}
    if cues.target_anaphors is None or targets.any_target is None or not sentences:
        return found
    antecedent = sole_target(text, sentences[0][1:], targets, cues)
    if antecedent is None or cues.target_anaphors.search(text, sentences[0][2]) is None:
        return found
    for sentence_id, start, end in sentences[1:]:
        hits = tuple(
            Hit(antecedent.key, phrase_start, phrase_end, antecedent.direction, referred=True)
            for phrase_start, phrase_end in find_spans(cues.target_anaphors, text, start, end)
            # "the decision to expel diplomats" says what it is
            if not set(plain_words(text[phrase_end:end])[:1]) & cues.anaphor_complements
        )
        if hits:
            found[sentence_id] = hits
    return found


def sole_target(text: str, span: tuple[int, int], targets: Targets, cues: StanceCues) -> Hit | None:
    """The last target keyword in text[span] when it names exactly one target (loose keywords not counted)."""
    named = [hit for hit in find_targets(text, span, targets, cues) if not targets.is_loose(text, hit)]
    if len({hit.key for hit in named}) != 1:
        return None
    return max(named, key=lambda hit: hit.start)


def has_negator(fragment: str, cues: StanceCues) -> bool:
    """True when the fragment holds a negator."""
    return cues.negators is not None and cues.negators.search(fragment) is not None


def pair_side(text: str, cue: Hit, target: Hit, floor: int, cues: StanceCues) -> int:
    """Support (+1) or oppose (-1) of a cue applied to a target.

    Each negation flips the side: a negator in the few words before the cue ("did not support"; not
    reaching back past a target that comes first), and one between the cue and a later target
    ("demanded that Ukraine never join NATO"). A refusal (`refusals`) before an opposing cue takes no side
    (0): "refused to condemn the invasion" does not back it.
    """
    before_floor = target.end if target.end <= cue.start else floor
    flips = int(is_negated(text, cue.start, floor=before_floor, negators=cues.negators, window=cues.negation_window))
    if (
        flips
        and cue.direction < 0
        and is_negated(text, cue.start, floor=before_floor, negators=cues.refusals, window=cues.negation_window)
    ):
        return 0
    if cue.end <= target.start:
        flips += int(has_negator(text[cue.end : target.start], cues))
    return cue.direction * target.direction * (-1) ** flips


def outside_targets(cue_hits: list[Hit], target_hits: list[Hit]) -> list[Hit]:
    """Cues that are not part of a target phrase ("request" in "independence request")."""
    return [cue for cue in cue_hits if all(cue.end <= hit.start or cue.start >= hit.end for hit in target_hits)]


def beyond_other_target(text: str, cue: Hit, target: Hit, target_hits: list[Hit], cues: StanceCues) -> bool:
    """True when another target stands between the cue and this later target, not joined to it: the cue
    applies to the first one ("called for peace talks on the war" is a call for talks, not for war;
    "Putin's illegal invasion as a special military operation" calls the invasion illegal, whoever owns the
    operation; "condemned the invasion and the annexation" and "to call a ceasefire and enter negotiations"
    reach both)."""
    if cue.end > target.start:
        return False
    between = [hit for hit in target_hits if hit is not target and cue.end <= hit.start and hit.end <= target.start]
    if not between:
        return False
    gap = text[max(hit.end for hit in between) : target.start].replace(",", " ").lower().split()
    if gap[:1] and gap[0] in cues.target_conjunctions and len(gap) <= cues.conjunction_gap:
        return False
    return not all(word in cues.target_joiners for word in gap)


def actor_object_between(text: str, cue: Hit, target: Hit, mentions: list[MentionSpan], cues: StanceCues) -> bool:
    """True when a support cue's object is an actor named between it and the target ("support for Ukraine
    during the war", "support to Moscow since the invasion"): it backs that actor, not the target.

    The pair holds when the actor owns the target ("backed Russia's offensive"), names it ("the Russian
    offensive"), is followed within three words by an object complement ("called on Russia to end") or
    opens a clause of its own ("demanded that Ukraine never join NATO").
    """
    if cue.direction < 0 or cue.end > target.start:
        return False
    between = mentions_within(mentions, cue.end, target.start)
    owners = target_owners(text, between, target, cues)
    for index, (_, _, start, end) in enumerate(between):
        if index in owners:
            continue
        if cues.clause_openers.intersection(text[cue.end : start].lower().split()):
            continue
        if not cues.object_complements.intersection(text[end : target.start].lower().split()[:3]):
            return True
    return False


def target_owners(text: str, mentions: list[MentionSpan], target: Hit, cues: StanceCues) -> set[int]:
    """Indexes of the mentions that own or name the target: possessive or right before it ("Russia's
    offensive", "the Russian offensive"), or joined to such a mention ("Finland and Sweden's accession")."""
    owners: set[int] = set()
    for index in range(len(mentions) - 1, -1, -1):
        end = mentions[index][3]
        after = text[end : target.start]
        owns = after[:1] in APOSTROPHES or not after.strip()
        if owns or (index + 1 in owners and joined(text[end : mentions[index + 1][2]], cues)):
            owners.add(index)
    return owners


def joined(between: str, cues: StanceCues) -> bool:
    """True when the text between two mentions joins them into one list: a comma or a conjunction, and
    nothing but `target_joiners` ("Finland and Sweden", "The United States, Britain and the EU")."""
    words = between.replace(",", " ").lower().split()
    linked = "," in between or bool(cues.target_conjunctions.intersection(words))
    return linked and cues.target_joiners.issuperset(words)


def mentions_within(mentions: list[MentionSpan], start: int, end: int) -> list[MentionSpan]:
    """The mentions (in text order) lying wholly inside [start, end)."""
    first = bisect_left(mentions, start, key=lambda mention: mention[2])
    found = []
    for mention in mentions[first:]:
        if mention[2] >= end:
            break
        if mention[3] <= end:
            found.append(mention)
    return found


def reachable_cues(
    text: str, cue_hits: list[Hit], target: Hit, target_hits: list[Hit], mentions: list[MentionSpan], cues: StanceCues
) -> list[Hit]:
    """The cues that may apply to the target: none reaching past another target, an actor they act on, a
    circumstance ("due to", "since") or into an embedded clause ("where", "who")."""
    return [
        cue
        for cue in cue_hits
        if not beyond_other_target(text, cue, target, target_hits, cues)
        and not actor_object_between(text, cue, target, mentions, cues)
        and not circumstance_between(text, cue, target, cues)
        and not statement_between(text, cue, target, cues)
        and not denies_a_fact(text, cue, cues)
        and not describes_as_participle(text, cue, target, cues)
        and not describes_a_later_target(text, cue, target, target_hits)
    ]


def describes_a_later_target(text: str, cue: Hit, target: Hit, target_hits: list[Hit]) -> bool:
    """True for a cue after the target that stands right before another target: in "will impose sanctions on
    those backing the illegal invasion", "illegal" describes the invasion, not the sanctions."""
    if cue.start < target.end:
        return False
    return any(other.start >= cue.end and not text[cue.end : other.start].strip() for other in target_hits)


def describes_as_participle(text: str, cue: Hit, target: Hit, cues: StanceCues) -> bool:
    """True for a cue ending in -ed between one of `attributive_determiners` and the target: in "Germany
    backed the proposed sanctions" or "Orban said the planned sanctions would hurt", "proposed" and "planned"
    describe the sanctions and show nobody's stance; a cue elsewhere in the clause still does."""
    word = text[cue.start : cue.end]
    if not word.lower().endswith("ed") or " " in word or text[cue.end : target.start].strip():
        return False
    before = text[max(0, cue.start - 20) : cue.start].split()[-1:]
    return bool(before) and before[0].lower() in cues.attributive_determiners


def statement_between(text: str, cue: Hit, target: Hit, cues: StanceCues) -> bool:
    """True when a new statement opens between a cue and a later target ("called the step a violation of
    international law and said the EU would react with sanctions"): the cue is about what came before."""
    if cues.statement_openers is None or cue.end > target.start:
        return False
    return cues.statement_openers.search(text, cue.end, target.start) is not None


def denies_a_fact(text: str, cue: Hit, cues: StanceCues) -> bool:
    """True when a denial is about what happened, not what is wanted: one of `factual_markers` or a verb in the
    past (`is_past_verb`) within `factual_window` words after it ("denied it was involved in the attack", "denied
    responsibility", "denied that he offered the planes"), unless one of `intent_markers` comes first."""
    if (cue.label or text[cue.start : cue.end]).lower() not in cues.denials:
        return False  # a quote's attribution verb ("denied") stands at the quote's start
    after = plain_words(text[cue.end : cue.end + 160])
    if cues.intent_markers.intersection(after[: cues.intent_window]):
        return False  # "continues to deny that it is planning an attack"
    window = after[: cues.factual_window]
    # a verb in the past tells what happened: "denied that he offered the planes to buy Erdogan's support"
    return bool(cues.factual_markers.intersection(window)) or any(is_past_verb(word) for word in window)



def circumstance_between(text: str, cue: Hit, target: Hit, cues: StanceCues) -> bool:
    """True when a circumstance marker, a topic marker or an embedded clause's opener stands between a cue and
    a later target: the target is then not what the cue is about."""
    if cue.end > target.start:
        return False
    between = text[cue.end : target.start]
    if cues.circumstance_markers is not None and cues.circumstance_markers.search(between):
        return True
    if cues.topic_markers is not None and cues.topic_markers.search(between):
        return True  # "asks each member for an opinion on recognition": the topic, not what is asked for
    words = plain_words(text[cue.end : target.start])
    return bool(cues.embedded_openers.intersection(words))


def nearest_cue(text: str, cue_hits: list[Hit], target: Hit, *, max_words: int) -> Hit | None:
    """The cue closest before the target, else the closest backward-looking cue after it, else None;
    only cues at most `max_words` words away count (a quote's attribution verb always does)."""

    def near(first: int, second: int) -> bool:
        return len(text[first:second].split()) <= max_words

    before = [cue for cue in cue_hits if cue.end <= target.start and (cue.label or near(cue.end, target.start))]
    if before:
        return before[-1]
    after = [cue for cue in cue_hits if cue.start >= target.end and cue.backward and near(target.end, cue.start)]
    return after[0] if after else None


@dataclass(frozen=True)
class StanceRow:
    """One stance found, before it becomes a table row."""

    sentence_id: int
    actor_id: str
    actor: str
    target_id: str
    stance: int
    confidence: float
    cue: str


def attribution_cue(text: str, quote: Statement, cues: StanceCues) -> list[Hit]:
    """The quote's attribution words as a cue ("called for", "denied"), placed at the quote's start; or [].
    A cue with a gap may close in the quote's first words ("asking" + "President Putin to recognise")."""
    if not quote.cue:
        return []
    opening = " ".join([quote.cue, *text[quote.start : quote.end].split()[:ATTRIBUTION_REACH]])
    for key, pattern, direction in (("support", cues.support, 1), ("oppose", cues.oppose, -1)):
        if pattern is not None and (pattern.search(quote.cue) or pattern.match(opening)):
            return [Hit(key, quote.start, quote.start, direction, label=quote.cue)]
    return []


def quote_pairs(
    text: str,
    quote: Statement,
    sentence: tuple[int, int],
    *,
    targets: Targets,
    cues: StanceCues,
    anaphors: tuple[Hit, ...] = (),
) -> tuple[list[tuple[Hit, list[Hit]]], float]:
    """(target, cues it may pair with) for each target of a quote, clause by clause, and their confidence.

    The attribution verb ("called for") counts in every clause. A quote without a target whose words hold
    a cue comments on the targets of the sentence around it (cues then look back; cue_near_target).
    `anaphors` are the sentence's phrases that refer back to a target (`find_anaphors`).
    """
    region = (quote.start, quote.end)
    attribution = attribution_cue(text, quote, cues)
    quoted = quote.kind in QUOTED_KINDS
    pairs, quoted_cues = [], []
    for clause in split_clauses(text, *region, rules=cues.clauses) or [region]:
        target_hits = find_targets(text, clause, targets, cues, anaphors)
        found = outside_targets(find_cues(text, clause, cues), target_hits)
        cue_hits = [cue for cue in found if speaker_holds(text, clause[0], cue, cues, quoted=quoted)]
        quoted_cues += cue_hits
        pairs += [(target, attribution + cue_hits) for target in target_hits]
    if pairs or not quoted_cues:
        return pairs, cues.confidence.cue_and_target
    target_hits = find_targets(text, sentence, targets, cues, anaphors)
    # only cues that can judge something named elsewhere: predicates ("unacceptable") and oppose cues
    # ("we reject this"); a request ("asked him to appear") is about what follows it in the quote
    judging = [cue for cue in outside_targets(quoted_cues, target_hits) if cue.backward or cue.direction < 0]
    backward = [replace(cue, backward=True) for cue in judging]
    return [(target, attribution + backward) for target in target_hits], cues.confidence.cue_near_target


def plain_words(fragment: str) -> list[str]:
    """The lowercased words of a stretch of text, without the punctuation around them."""
    return [word.strip(PUNCTUATION).lower() for word in fragment.split()]


def phrase_words(text: str, floor: int, position: int) -> list[str]:
    """The lowercased words between the last comma, semicolon, colon, dash or bracket (or `floor`) and
    `position`: the phrase the word at `position` stands in."""
    segment = PHRASE_BREAK.split(text[floor:position])[-1]
    return plain_words(segment)


def is_hypothetical(text: str, floor: int, cue: Hit, cues: StanceCues) -> bool:
    """True when a hypothetical marker stands in the cue's phrase before it ("if the West doesn't want
    talks"); "If Russia attacks, Germany will back sanctions" still backs them."""
    return bool(cues.hypothetical_markers.intersection(phrase_words(text, floor, cue.start)))


def speaker_holds(text: str, floor: int, cue: Hit, cues: StanceCues, *, quoted: bool) -> bool:
    """True when a cue inside a quote (clause from `floor`) speaks for the speaker: not hypothetical, and
    unless it describes what comes before it ("it is unacceptable"), its nearest subject pronoun is not
    somebody else's: a third person's in the speaker's own words (`quoted`: "he hasn't criticized this
    war"), and in reported speech one of `reported_others` ("he said they had made their opposition
    clear"), where "he" and "she" are usually the speaker ("Clinton said she did not want troops")."""
    if is_hypothetical(text, floor, cue, cues):
        return False
    if cue.backward:
        return True
    others = cues.third_person_subjects if quoted else cues.reported_others
    words = plain_words(text[floor : cue.start])
    for word in reversed(words):
        if word in cues.first_person_subjects or word in cues.prescriptive_words:
            return True  # "we must condemn", "they must stop the war"
        if word in others:
            return False
    return True


def quote_rows(text: str, quote: Statement, sentence: tuple[int, int], context: SentenceContext) -> list[StanceRow]:
    """Stances of a quote's speaker: cue and target in one clause of the quote (or the quote's attribution
    verb), a quoted cue and a target elsewhere in the sentence, a negated target, sentiment, or neutral."""
    targets, cues = context.targets, context.cues
    pairs, level = quote_pairs(text, quote, sentence, targets=targets, cues=cues, anaphors=context.anaphors)
    target_hits = [target for target, _ in pairs]
    rows = []
    for target, cue_hits in pairs:
        # no mentions: inside a quote an actor after a cue is not checked as its object ("we support Ukraine")
        reachable = reachable_cues(text, cue_hits, target, target_hits, [], cues)
        cue = nearest_cue(text, reachable, target, max_words=cues.max_cue_distance)
        if cue is not None:
            side, confidence = pair_side(text, cue, target, quote.start, cues), level
            cue_text = cue.label or text[cue.start : cue.end]
            if refused_outright(text, quote, cue, cues):  # as a refusal before the cue would (pair_side)
                side = 0 if cue.direction < 0 else -side
            if not cue.label and denies_what_happened(text, quote, cues):
                side = 0  # "denied that he offered the planes to buy Erdogan's support": no support of his
            if side == 0 or targets.loose_support(text, target, side):  # "refused to condemn", "the war effort"
                side, confidence, cue_text = 0, cues.confidence.neutral, ""
        else:
            side, confidence, cue_text = uncued_side(text, target, quote.start, cues)
            if side == 0:
                side, confidence, cue_text = prescribed_act(text, target, quote.start, context)
            if side == 0:
                side, confidence, cue_text = sentiment_side(quote, target, targets, cues)
        if side == 0 and not_spoken_of(text, target, quote.start, context):
            continue
        confidence = capped(confidence, target, cues)
        rows.append(
            StanceRow(context.sentence_id, quote.speaker_id, quote.speaker, target.key, side, confidence, cue_text)
        )
    return rows


def denies_what_happened(text: str, quote: Statement, cues: StanceCues) -> bool:
    """True when the statement is a denial of a fact (`denies_a_fact` read at its attribution verb): the cues
    inside it tell what did not happen, not what the speaker wants."""
    return denies_a_fact(text, Hit("oppose", quote.start, quote.start, -1, label=quote.cue), cues)


def refused_outright(text: str, quote: Statement, cue: Hit, cues: StanceCues) -> bool:
    """True when the statement's attribution words are a refusal (`refusals`) and the cue opens what they
    refuse: "ruled out supporting sanctions" opposes them, where the cue alone would back them."""
    if cue.label or cues.refusals is None or cues.refusals.search(quote.cue) is None:
        return False
    return not text[quote.start : cue.start].strip()


def capped(confidence: float, target: Hit, cues: StanceCues) -> float:
    """A row's confidence, at most cue_near_target when its target is only referred to ("the move")."""
    return min(confidence, cues.confidence.cue_near_target) if target.referred else confidence


def uncued_side(text: str, target: Hit, floor: int, cues: StanceCues) -> tuple[int, float, str]:
    """(side, confidence, cue) without a cue: a target right after a promise or plan that it will not happen
    is opposed ("no plans to attack", "will never join NATO", with those words as cue), and so is one up to
    `intent_gap` words after a denied intention ("does not intend to provoke a wider conflict"); anything else
    is neutral. A plain "not" reports a fact ("has not paused its offensive") and takes no side, and so does a
    refusal to speak of the target ("would not discuss negotiations": `topic_verbs`), an oppose cue in the
    gap ("does not intend to end …") or, in reported speech, one of `reported_others` holding the promise
    ("said they had no intention of …")."""
    for negators, reach in ((cues.commitment_negators, cues.commitment_gap), (cues.intent_negators, cues.intent_gap)):
        words = " ".join(text[floor : target.start].split()[-(cues.negation_window + reach) :])
        found = negators.search(words) if negators is not None else None
        if found is None:
            continue
        between = words[found.end() :]
        gap = between.lower().split()
        blocked = cues.topic_verbs.intersection(gap) or (cues.oppose is not None and cues.oppose.search(between))
        # "Lavrov said Kiev … had made clear they had no intention of implementing …": Kiev's, not his
        holder = plain_words(words[: found.start()])[-2:]
        blocked = blocked or cues.reported_others.intersection(holder)
        if len(gap) <= reach and not blocked:
            return -target.direction, cues.confidence.negated_target, found.group(0)
    return 0, cues.confidence.neutral, ""


def prescribed_act(text: str, target: Hit, floor: int, context: SentenceContext) -> tuple[int, float, str]:
    """(side, confidence, cue) when a speaker's words ask for the target to be done: one of
    `prescriptive_words` and later in the same phrase an act verb of the target just before it ("G7
    countries should respond to the strikes by imposing further sanctions", "Europe must recognise the
    republics"); the speaker backs the target. Neutral when a negator, `act_blockers` word or hypothetical
    marker stands between the two ("should not impose", "must decide whether to impose")."""
    cues, acts = context.cues, context.targets.acts_of(target.key)
    neutral = 0, cues.confidence.neutral, ""
    if acts is None or target.referred:
        return neutral
    verbs = act_verbs(text, target, acts, floor)
    if not verbs or not is_short_plain_gap(text[verbs[-1].end() : target.start], cues):
        return neutral
    verb = verbs[-1]
    words = phrase_words(text, floor, verb.start())
    modals = [index for index, word in enumerate(words) if word in cues.prescriptive_words]
    if not modals or cues.hypothetical_markers.intersection(words):
        return neutral
    between = words[modals[-1] + 1 :]
    if (cues.act_blockers - {"to"}).intersection(between) or any(word.endswith(("n't", "n’t")) for word in between):
        return neutral
    return target.direction, cues.confidence.cue_and_target, f"{words[modals[-1]]} … {verb.group(0)}"


def sentiment_side(quote: Statement, target: Hit, targets: Targets, cues: StanceCues) -> tuple[int, float, str]:
    """(side, confidence, cue) from the quote's polarity when the target allows it and it is clearly signed,
    else neutral."""
    item = targets.item(target.key)
    allowed = item is not None and item.sentiment_stance
    polarity = quote.polarity
    if allowed and pd.notna(polarity) and abs(polarity) >= cues.sentiment_threshold:
        side = (1 if polarity > 0 else -1) * target.direction
        return side, cues.confidence.sentiment, "sentiment"
    return 0, cues.confidence.neutral, ""


def opens_with(text: str, clause: tuple[int, int], words: frozenset[str]) -> bool:
    """True when the clause's first word (lowercased) is one of `words`."""
    first = text[clause[0] : clause[1]].split()[:1]
    return bool(first) and first[0].lower() in words


def cue_speaker(cue: Hit, quotes: list[tuple[int, int, str]]) -> str | None:
    """The speaker id of the direct/partial quote holding the cue ("" if unattributed), None when not quoted."""
    for start, end, speaker in quotes:
        if start <= cue.start and cue.end <= end:
            return speaker
    return None


@dataclass(frozen=True)
class SentenceContext:
    """What the stance rules of one sentence need besides the text."""

    sentence_id: int
    mentions: list[MentionSpan]
    quotes: list[tuple[int, int, str]]  # direct/partial quote spans with speaker ids
    targets: Targets
    cues: StanceCues
    floor: int = 0  # start of the clause being read: negation never looks back past it
    anaphors: tuple[Hit, ...] = ()  # phrases of the sentence that refer back to a target ("the move")


def subject_rows(
    text: str,
    target: Hit,
    hits: tuple[list[Hit], list[Hit]],
    subjects: list[ClauseMention],
    context: SentenceContext,
    *,
    level: float,
) -> list[tuple[ClauseMention, int, float, str]]:
    """(subject, side, confidence, cue) for a target in a clause: the nearest cue's subjects, else neutral.

    `hits` are the clause's cues and targets. With a cue, `subjects` are the clause's actors before its
    first cue (later ones are objects); a cue inside somebody's quote only speaks for that speaker, and one
    after a possessive ("their opposition") for the nearest of them.
    """
    cue_hits, target_hits = hits
    reachable = reachable_cues(text, cue_hits, target, target_hits, context.mentions, context.cues)
    cue = nearest_cue(text, reachable, target, max_words=context.cues.max_cue_distance)
    if cue is None:
        side, confidence, cue_text = uncued_side(text, target, context.floor, context.cues)
        if side == 0 and not_spoken_of(text, target, context.floor, context):
            return []
        return [(subject, side, confidence, cue_text) for subject in subjects]
    speaker = cue_speaker(cue, context.quotes)
    side = pair_side(text, cue, target, context.floor, context.cues)
    if side == 0 or context.targets.loose_support(text, target, side):  # "refused to condemn", "support the war"
        if not_spoken_of(text, target, context.floor, context):
            return []
        return [(subject, 0, context.cues.confidence.neutral, "") for subject in subjects]
    holders = [
        subject
        for subject in subjects
        if subject.end <= cue.start
        and (speaker is None or speaker == subject.actor_id)
        and not context.cues.hypothetical_markers.intersection(phrase_words(text, context.floor, subject.start))
    ]
    holders = cue_holders(text, cue, target, holders, context)
    if speaker is None and describes_target(text, cue, target, context):
        return []
    return [(subject, side, level, text[cue.start : cue.end]) for subject in holders]


def not_spoken_of(text: str, target: Hit, floor: int, context: SentenceContext) -> bool:
    """True when a target with no side is not what the actor speaks of or acts on, so that a neutral row would
    mislead: one of its target's `loose_keywords` ("the war", "troops", "attack": in news of a war nearly
    every actor stands near one) or background to the clause (`is_background`)."""
    return context.targets.is_loose(text, target) or is_background(text, target, floor, context.cues)


def is_background(text: str, target: Hit, floor: int, cues: StanceCues) -> bool:
    """True for a target without a cue that is only background to the clause: owned by a name's possessive
    right before it (at most one word between) that follows one of BACKGROUND_PREPOSITIONS ("since Russia's
    invasion", "part of Moscow's war"), or governed by one of `circumstance_markers` or `time_markers` a few
    words before it with no clause between ("amid the war", "since its invasion", "weeks into the invasion").
    A neutral row would say the actor spoke of the target, where the reporter only dated or explained the
    news. "their bilateral talks" stays: its owner is the clause's own actor, whose talks they are."""
    words = text[max(floor, target.start - 80) : target.start].split()
    for index in range(max(0, len(words) - 2), len(words)):
        word = words[index]
        owned = word[:1].isupper() and word.endswith(POSSESSIVE_ENDINGS)
        # in a phrase ("since Russia's invasion", "part of Moscow's war"), not a verb's object ("to discuss
        # Russia's military build-up", "to counter Moscow's invasion")
        if owned and index > 0 and words[index - 1].lower() in BACKGROUND_PREPOSITIONS:
            return True
    window = " ".join(words[-BACKGROUND_REACH:])
    markers = [pattern for pattern in (cues.circumstance_markers, cues.time_markers) if pattern is not None]
    last = max((match.end() for pattern in markers for match in pattern.finditer(window)), default=None)
    if last is None:
        return False
    governed = window[last:]  # the words from the marker to the target: a phrase, not a clause
    return not PHRASE_BREAK.search(governed) and not CLAUSE_WORDS.intersection(plain_words(governed))


BACKGROUND_REACH = 5  # words before a target searched for a circumstance marker
CLAUSE_WORDS = frozenset({"that", "which", "who", "whether", "if", "and", "but", "or"})  # "since X that …"
# prepositions before a possessive that make its target a phrase of time, cause or place ("since Russia's
# invasion"); not "to", "against", "about", "over", "for", "with" or "as", after which it is often what the
# actor speaks of, answers or fights ("spoke about Russia's invasion")
BACKGROUND_PREPOSITIONS = frozenset({"of", "since", "after", "before", "during", "amid", "despite", "throughout",
                                     "in", "at", "by", "from", "into", "through", "under"})


def describes_target(text: str, cue: Hit, target: Hit, context: SentenceContext) -> bool:
    """True for one of `describing_cues` right before the target, not after a possessive, not in quotation
    marks and not after one of `naming_words`: the reporter's description ("Putin launched an illegal
    invasion", "Scholz imposed illegal sanctions"), no stance of the clause's actors; "Russia rejected what it
    called illegal sanctions" and "Lavrov condemned Putin's illegal invasion" still are stances."""
    cues = context.cues
    right_before = target.start >= cue.end and not text[cue.end : target.start].strip()
    if not right_before or text[cue.start : cue.end].lower() not in cues.describing_cues:
        return False
    if leaves_a_quotation_open(text[context.floor : cue.start]):
        return False  # somebody's words, if only two of them: 'cited "illegitimate sanctions"'
    previous = text[context.floor : cue.start].split()[-1:]
    if previous and (previous[0].lower() in cues.possessive_determiners or previous[0].endswith(("'s", "’s"))):
        return False  # "condemned Putin's illegal invasion", "its illegal invasion": somebody else's act, judged
    return not cues.naming_words.intersection(words_before(text, cue.start, context.floor, count=3))


def cue_holders(
    text: str, cue: Hit, target: Hit, holders: list[ClauseMention], context: SentenceContext
) -> list[ClauseMention]:
    """Whose stance the cue shows among the clause's `holders`: nobody for criticism received, the owner
    of a possessive before it, the one acted on for a reason ("for criticising"), the nearest for "its"."""
    cues = context.cues
    before = words_before(text, cue.start, context.floor, count=3)
    # "Putin's illegal invasion": a cue right before the target describes it, and the owner owns the target
    owned_cue = bool(text[cue.end : target.start].strip())
    owner = possessive_owner(text, cue, context.mentions) if owned_cue else None
    if cues.received_markers.intersection(before[-2:]) or cues.generic_markers.intersection(before[-2:]):
        return []  # "Russia came under sharp criticism", "a law criminalising any public opposition"
    if owner is not None:
        return [owner]
    antecedents = relative_antecedents(text, cue, context)
    if antecedents is not None:
        return antecedents  # "Finland and Sweden, who have sought to join NATO"
    if is_reason(text, cue, before, cues):
        return acted_on(text, cue, holders, context)
    if holders and owned_cue and cues.singular_possessives.intersection(before[-2:]):
        return [max(holders, key=lambda subject: subject.end)]  # "Germany reiterated its opposition"
    return holders


def relative_antecedents(text: str, cue: Hit, context: SentenceContext) -> list[ClauseMention] | None:
    """The actors a relative clause holding the cue refers to ("Finland and Sweden, who have sought to
    join NATO" -> Finland and Sweden; [] when it names no actor), or None when the cue's phrase opens with
    no relative pronoun. A relative clause without a comma ("supporters who wanted") is nobody's when no
    actor stands right before it, and read as the rest of the clause when one does."""
    floor = context.floor
    breaks = [match.end() for match in PHRASE_BREAK.finditer(text, floor, cue.start)]
    phrase_start = breaks[-1] if breaks else floor  # a clause may itself open with the pronoun
    opening = text[phrase_start : cue.start].split()[:1]
    if not opening or opening[0].lower() not in context.cues.relative_pronouns:
        pronoun = restrictive_relative_start(text, phrase_start, cue.start, context.cues)
        if pronoun is None:
            return None
        head_end = len(text[:pronoun].rstrip())
        if any(mention[3] == head_end for mention in context.mentions):
            return None  # a clause about the actor right before it ("It was Orban who"): read as before
        return []  # "Orban met supporters who wanted new sanctions lifted": the supporters want it
    chain: list[MentionSpan] = []
    position = phrase_start
    for mention in reversed(mentions_within(context.mentions, max(0, phrase_start - 300), phrase_start)):
        gap = text[mention[3] : position].strip(" ,").lower()
        if gap and gap not in context.cues.target_conjunctions:
            break
        chain.insert(0, mention)
        position = mention[2]
    return [
        ClauseMention(actor_id, actor, start, end, possessive=False, after_marker=False, quoted=False)
        for actor_id, actor, start, end in chain
    ]


def restrictive_relative_start(text: str, start: int, end: int, cues: StanceCues) -> int | None:
    """Where the last relative pronoun in text[start:end] stands, when one follows a word with no comma:
    "Orban met supporters who wanted new sanctions lifted" (the supporters want it, not Orban); else None."""
    found = None
    for match in WORD.finditer(text, start, end):
        if match.group().lower() in cues.relative_pronouns and match.start() > start:
            found = match.start()
    return found


def words_before(text: str, position: int, floor: int, *, count: int) -> list[str]:
    """The last `count` lowercased words before `position`, not reaching back past `floor` or a comma,
    semicolon, colon, dash or bracket ("Scholz, under pressure, backed ...": nothing before "backed")."""
    return phrase_words(text, max(floor, position - 80), position)[-count:]


def is_reason(text: str, cue: Hit, before: list[str], cues: StanceCues) -> bool:
    """True when the cue gives the reason somebody was acted on: a reason marker right before a gerund cue
    ("for criticising") or before a possessive and the cue ("for their opposition")."""
    gerund = text[cue.start : cue.end].lower().endswith("ing")
    if before[-1:] and before[-1] in cues.reason_markers and gerund:
        return True
    if len(before) >= 2 and before[-2] in cues.reason_markers and is_adverb(before[-1], cues) and gerund:
        return True  # "criticised Obama for again proposing gun control"
    pairs = pairwise(before)
    return any(first in cues.reason_markers and second in cues.possessive_determiners for first, second in pairs)


def is_adverb(word: str, cues: StanceCues) -> bool:
    """True for an -ly word or one of `adverbs` ("again", "repeatedly")."""
    return word.endswith("ly") or word in cues.adverbs


def acted_on(
    text: str, cue: Hit, holders: list[ClauseMention], context: SentenceContext
) -> list[ClauseMention]:
    """The actor acted on for a reason: the last one named before the cue other than the clause's first
    acting one ("punish Germany for their opposition", "thanked Germany for its support"), else nobody
    ("Russia banned the media for criticising the war"). When that one is the agent of a passive ("Scholz was
    criticised by Orban for proposing"), the one acted on is the clause's subject."""
    floor, cues = context.floor, context.cues
    named = mentions_within(context.mentions, floor, cue.start)
    first = holders[0].actor_id if holders else (named[0][0] if named else "")
    # not a country named with a name ("Putin of Russia")
    others = [
        mention
        for previous, mention in zip([None, *named], named, strict=False)
        if mention[0] != first and not (previous and is_of_name(text, previous, mention))
    ]
    # the one acted on stands close before the reason: "punish Germany and the rest of Europe for", not "Putin of
    # Russia would not switch it back on as retaliation for opposing Moscow's invasion" (against others unnamed)
    if not others or len(text[others[-1][3] : cue.start].split()) > ACTED_ON_REACH:
        return []
    actor_id, actor, start, end = others[-1]
    if holders and set(text[max(floor, start - 8) : start].lower().split()[-1:]) & cues.passive_agents:
        return holders[:1]
    return [ClauseMention(actor_id, actor, start, end, possessive=False, after_marker=True, quoted=False)]


ACTED_ON_REACH = 7  # words at most between the one acted on and the reason's cue


def is_of_name(text: str, name: MentionSpan, mention: MentionSpan) -> bool:
    """True when a mention only follows a name and "of" ("President Vladimir V. Putin of Russia"): the name's
    country, part of the name."""
    return text[name[3] : mention[2]] == " of "


def possessive_owner(text: str, cue: Hit, mentions: list[MentionSpan]) -> ClauseMention | None:
    """The actor whose possessive stands right before the cue, or one word before it ("Erdogan's support",
    "Germany's firm opposition"), or a noun and "to" before it ("the EU's refusal to support", "Biden's call
    to impose"), or None."""
    # a name may be long ("Russian President Vladimir Putin's"); its end is within 40 characters of the cue
    for actor_id, actor, start, end in mentions_within(mentions, cue.start - 200, cue.start):
        if end < cue.start and text[end : end + 1] in APOSTROPHES:
            between = text[end : cue.start].split()
            if (len(between) <= 2 or (len(between) == 3 and between[2] == "to")) and cue.start - end < 40:
                return ClauseMention(actor_id, actor, start, end, possessive=True, after_marker=False, quoted=False)
    return None


def clause_rows(
    text: str, clauses: list[tuple[int, int]], index: int, inherited: list[ClauseMention], context: SentenceContext
) -> tuple[list[StanceRow], list[ClauseMention]]:
    """Stances of the actors acting in clause `index`, and the clause's subjects (for a following participle)."""
    targets, cues, quotes, sentence_id = context.targets, context.cues, context.quotes, context.sentence_id
    clause = clauses[index]
    in_clause = clause_mentions(
        text,
        context.mentions,
        clause,
        quotes=quotes,
        roles=cues.roles,
    )
    target_hits = find_targets(text, clause, targets, cues, context.anaphors)
    level = cues.confidence.cue_and_target
    refers_back = not target_hits and index > 0 and opens_with(text, clause, cues.back_reference_openers)
    # cues matter only next to a target, here or (referring back) in the clause before
    cue_hits = outside_targets(find_cues(text, clause, cues), target_hits) if target_hits or refers_back else []
    cue_hits = [cue for cue in cue_hits if not is_hypothetical(text, clause[0], cue, cues)]
    if refers_back and cue_hits:
        target_hits = find_targets(text, clauses[index - 1], targets, cues, context.anaphors)
        level = cues.confidence.cue_near_target
        cue_hits = [replace(cue, backward=True) for cue in cue_hits]
    opening = opening_subject(text, clause, in_clause, blockers=cues.roles.object_markers)
    if not opening and (starts_with_participle(text, clause) or continues_subject(text, clause, cues)):
        opening = inherited
    candidates = opening
    if cue_hits:
        candidates = cue_subjects(text, in_clause, cue_hits[0].start, opening, cues)
    rows = []
    clause_context = replace(context, floor=clause[0])
    for target in target_hits:
        found = subject_rows(text, target, (cue_hits, target_hits), candidates, clause_context, level=level)
        if all(side == 0 for _, side, _, _ in found):  # a cue decides first ("opposed imposing sanctions")
            found += act_rows(text, target, in_clause, clause_context, level=level)
        for subject, side, confidence, cue in found:
            confidence = capped(confidence, target, cues)
            rows.append(StanceRow(sentence_id, subject.actor_id, subject.actor, target.key, side, confidence, cue))
    return rows, opening or quoted_speaker(in_clause, clause, quotes)


def cue_subjects(
    text: str, in_clause: list[ClauseMention], cue: int, opening: list[ClauseMention], cues: StanceCues
) -> list[ClauseMention]:
    """Whose stance the clause's first cue (at offset `cue`) shows: the actor right before it and those joined
    to it ("agrees that China has rejected"), else every subject-like actor before it and the clause's
    opening subject."""
    right_before = immediate_subject(
        text, in_clause, cue, cues.subject_gap_words, lambda first, second: joined(text[first.end : second.start], cues)
    )
    if right_before:
        return right_before
    own = subjects_before(in_clause, cue, text=text)
    return own + [subject for subject in opening if subject.actor_id not in {mention.actor_id for mention in own}]


def continues_subject(text: str, clause: tuple[int, int], cues: StanceCues) -> bool:
    """True when the clause opens with a joiner and then a verb, sharing the subject of the clause before
    ("Russia has massed troops but denies planning an attack"): the joiner is one of `elided_subject_joiners`
    and the next word is lowercase, none of `subject_words` or the object markers ("but the West", "but
    in Kyiv") and not followed by one of `auxiliaries` ("but exports have stalled")."""
    words = plain_words(text[clause[0] : min(clause[1], clause[0] + 80)])[:3]
    if len(words) < 2 or words[0] not in cues.elided_subject_joiners:
        return False
    if words[2:] and words[2] in cues.auxiliaries:
        return False  # "but exports have stalled": the word before the auxiliary is a subject
    following = text[clause[0] : clause[1]].split()[1]
    blocked = cues.subject_words | cues.roles.object_markers
    return following[:1].islower() and words[1] not in blocked


def act_rows(
    text: str, target: Hit, in_clause: list[ClauseMention], context: SentenceContext, *, level: float
) -> list[tuple[ClauseMention, int, float, str]]:
    """(agent, side, confidence, verb) when an act verb of the target stands just before it and an actor just
    before the verb ("the United States imposed new sanctions"); the actor does what the target names. Only
    that actor: in "Putin said the West had imposed sanctions" Putin backs nothing."""
    cues, acts = context.cues, context.targets.acts_of(target.key)
    if acts is None or target.referred:
        return []
    verbs = act_verbs(text, target, acts, context.floor)
    # the nearest verb first; an earlier one when the nearest has no actor before it ("Canada announced it
    # would expand sanctions")
    for verb in reversed(verbs):
        if not is_short_plain_gap(text[verb.end() : target.start], cues):
            return []
        agents = [m for m in in_clause if m.end <= verb.start() and not (m.possessive or m.after_marker or m.quoted)]
        gap = text[agents[-1].end : verb.start()] if agents else ""
        if agents and is_short_plain_gap(gap, cues):
            break
    else:
        return []
    if any(word.endswith(cues.roles.verb_endings) for word in plain_words(gap)):
        return []  # another verb is the actor's ("Germany opposed imposing sanctions")
    if cues.hypothetical_markers.intersection(phrase_words(text, context.floor, verb.start())):
        return []  # "if the EU imposes sanctions"
    return [(agent, target.direction, level, verb.group(0)) for agent in joined_agents(text, agents, cues)]


def act_verbs(text: str, target: Hit, acts: re.Pattern[str], floor: int) -> list[re.Match[str]]:
    """The act verbs of a target within 80 characters before it (from `floor` on), in order; the verb may open
    the keyword itself ("recognised the independence")."""
    window = acts.finditer(text, max(floor, target.start - 80), target.end)
    return [verb for verb in window if verb.start() <= target.start]


def joined_agents(text: str, agents: list[ClauseMention], cues: StanceCues) -> list[ClauseMention]:
    """The last of `agents` with those joined to it by commas and `target_joiners` ("The United States,
    Britain and the European Union announced"), in text order."""
    run = [agents[-1]]
    for agent in reversed(agents[:-1]):
        if not joined(text[agent.end : run[0].start], cues):
            break
        run.insert(0, agent)
    return run


def is_short_plain_gap(between: str, cues: StanceCues) -> bool:
    """True when at most `act_gap` words stand between, with no clause punctuation and no act blocker."""
    words = plain_words(between)
    return len(words) <= cues.act_gap and not PHRASE_BREAK.search(between) and not cues.act_blockers.intersection(words)


def sentence_rows(
    text: str, sentence: tuple[int, int], sentence_quotes: pd.DataFrame, context: dict
) -> list[StanceRow]:
    """Every stance row of one sentence: its quotes' speakers, then the subjects of its clauses."""
    rows = []
    for quote in sentence_quotes:
        rows += quote_rows(text, quote, sentence, context)
    clauses = sentence_clauses(text, sentence, rules=context.cues.clauses)
    inherited: list[ClauseMention] = []
    for index in range(len(clauses)):
        found, subjects = clause_rows(text, clauses, index, inherited, context)
        rows += found
        inherited = subjects or inherited
    return rows


def keep_best(rows: list[StanceRow]) -> list[StanceRow]:
    """One row per (sentence, actor, target): highest confidence, a side beating neutral, then the first."""
    best: dict[tuple[int, str, str], StanceRow] = {}
    for row in rows:
        key = (row.sentence_id, row.actor_id, row.target_id)
        current = best.get(key)
        if current is None or (row.confidence, row.stance != 0) > (current.confidence, current.stance != 0):
            best[key] = row
    return list(best.values())


def find_stance_records(view: ArticleView, *, targets: Targets, cues: StanceCues) -> list[tuple]:
    """Stance records (STANCE_COLUMNS without article_id) of one article, in sentence order: stance
    support|oppose|neutral, confidence 0..1, the cue found ("" for neutral, "sentiment" when read from the
    quote's polarity), and the sentence as evidence. Rules in the module docstring."""
    if targets.any_target is None:
        return []
    text = view.text
    statements, spans, quoted = view.statements(), view.mention_spans(), SpanIndex(view.quoted_spans())
    rows: list[StanceRow] = []
    bounds: dict[int, tuple[int, int]] = {}
    anaphors = find_anaphors(text, view.sentences, targets, cues)
    named = targets.any_target.sentences_matching(view.text, view.sentences)
    if anaphors:
        named = sorted({*named, *(sentence for sentence in view.sentences if sentence[0] in anaphors)})
    for sentence_id, start, end in named:
        bounds[sentence_id] = (start, end)
        # only the sentence's quotes: every rule reads quotes inside the sentence
        context = SentenceContext(
            sentence_id, spans, quoted.overlapping(start, end), targets, cues, anaphors=anaphors.get(sentence_id, ())
        )
        rows += sentence_rows(text, (start, end), statements.get(sentence_id, []), context)
    rows = [row for row in rows if not is_reporting_source(row.actor, cues)]
    return stance_records(text, keep_best(rows), bounds, targets)


def is_reporting_source(name: str, cues: StanceCues) -> bool:
    """True when the actor's whole name is a news outlet's or agency's ("Reuters", "BBC Russian"); "Michael
    Bloomberg" is not one."""
    return cues.reporting_sources is not None and cues.reporting_sources.fullmatch(name.strip()) is not None


def detect_stances(
    text: str,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    targets: Targets,
    cues: StanceCues,
) -> pd.DataFrame:
    """The stance table (STANCE_COLUMNS without article_id) of one article from its frames; see
    `find_stance_records`."""
    records = find_stance_records(view_from_frames(text, sentences, mentions, quotes), targets=targets, cues=cues)
    return pd.DataFrame(records, columns=OUTPUT_COLUMNS).astype({"sentence_id": int, "confidence": float})


def stance_records(
    text: str, rows: list[StanceRow], bounds: dict[int, tuple[int, int]], targets: Targets
) -> list[tuple]:
    """Output records from rows, in sentence order, with target labels and sentence evidence."""
    labels = {target.id: target.label for target in targets.items}
    return [
        (
            row.sentence_id,
            row.actor_id,
            row.actor,
            row.target_id,
            labels.get(row.target_id, row.target_id),
            SIDES[row.stance],
            row.confidence,
            row.cue,
            text[bounds[row.sentence_id][0] : bounds[row.sentence_id][1]],
        )
        for row in sorted(rows, key=lambda item: item.sentence_id)
    ]
