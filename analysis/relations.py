"""Actor-to-actor relations (accuses, criticises, denies, supports, asks, threatens, meets) from cue words.

Rules (cue words and the lists named here in data/relation_cues.yaml):
- a cue outside quotations, not negated and not an intended act ("urged China to condemn"), in a clause
  (analysis/clauses.py); sentences without any cue are skipped;
- source: the clause's actors before its first cue (not possessive, not in an object position, not
  quoted); a clause opening with an -ing word ("..., accusing Ukraine of ...") takes the subject of the
  clause before, or the speaker of a quote in it when the speaker is named there ('"We will not give
  in," said Kuleba, accusing Moscow of lying');
- target: the first actor within a few words after the cue plus actors joined to it ("Russia and
  Belarus"); a passive cue ("was accused by the West") swaps them, the actor after the agent word being
  the source;
- a denial without a possessive target ("denied Moscow's claims") answers the latest accusation against
  the denier in this sentence or the few before it: "accusing Ukraine of planning an attack, which Kyiv
  has firmly denied" -> ukraine denies the accuser, and is dropped when there is none;
- a symmetric relation (meets) with two actors before the cue and none after pairs them ("Putin and
  Macron met").
One row per (sentence, source, target, relation).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.article_view import ArticleView, view_from_frames
from analysis.clauses import DEFAULT_CLAUSE_RULES, ClauseRules, load_clause_rules
from analysis.cues import (
    ClauseMention,
    MentionSpan,
    RoleRules,
    Screen,
    ScreenedPattern,
    candidate_screen,
    clause_mentions,
    compile_phrases,
    find_spans_each,
    guarded,
    immediate_subject,
    inside_any,
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
from analysis.schema import RELATION_COLUMNS
from analysis.spans import SpanIndex
from analysis.yaml_text import parse_yaml

DEFAULT_RELATION_CUES = Path(__file__).resolve().parent.parent / "data" / "relation_cues.yaml"
OUTPUT_COLUMNS: list[str] = [column for column in RELATION_COLUMNS if column != "article_id"]


@dataclass(frozen=True)
class RelationType:
    """One relation with its polarity (-1, 0, +1) and compiled cue pattern."""

    name: str
    polarity: int
    pattern: re.Pattern[str] | None
    # where a cue could start: these first words (cues.screen_source), else the full pattern
    screen_words: tuple[str, ...] | None = None


@dataclass(frozen=True)
class RelationCues:
    """Compiled data/relation_cues.yaml plus the clause rules."""

    relations: tuple[RelationType, ...]
    negators: re.Pattern[str] | None
    negation_window: int
    roles: RoleRules
    intent_markers: frozenset[str]
    passive_auxiliaries: frozenset[str]
    passive_agent: str
    target_joiners: tuple[str, ...]
    max_target_gap: int
    symmetric_relations: frozenset[str]
    denial_relation: str
    accusation_relation: str
    denial_window: int
    clauses: ClauseRules
    # words after a cue that open what it reports ("warned that Russia ..."): no target after them
    complement_openers: frozenset[str] = frozenset()
    # a mention followed by one of these is the subject of what the cue reports ("warns Russia is ...")
    complement_verbs: frozenset[str] = frozenset()
    # relations whose reported clause, opened by one of `request_openers`, names the target ("requested
    # that the United States extradite ...")
    complement_targets: frozenset[str] = frozenset()
    request_openers: frozenset[str] = frozenset()
    # words right after the reported clause's subject that make it a threat to it ("warned that Russia
    # would face ..."), within `consequence_window` words
    consequence_words: frozenset[str] = frozenset()
    consequence_window: int = 0
    # cues that are nouns ("support for"): an actor's possessive right before one is its source
    noun_cues: frozenset[str] = frozenset()
    # words that open a clause whose subject stands right before its cue ("after Xi warned Biden")
    subordinators: frozenset[str] = frozenset()
    # words that may stand between a later cue of a clause and the actor right before it, its subject
    # ("as the US has accused Iran")
    subject_gap_words: frozenset[str] = frozenset()
    # words in -s right after a target that are no plural nouns it modifies ("thanked Poland this week")
    not_plural_nouns: frozenset[str] = frozenset()
    # words that open a verb's object ("makes him"): a word in -s before one is a verb, no plural noun
    verb_object_openers: frozenset[str] = frozenset()
    # words before an intent marker that make the act done: "went on to blame Russia"
    done_before_to: frozenset[str] = frozenset()
    # words before a noun cue that make the clause's subject its receiver ("drew criticism from Germany"),
    # and the words after the cue that name the giver
    received_markers: frozenset[str] = frozenset()
    received_agents: frozenset[str] = frozenset()
    received_gap_stops: frozenset[str] = frozenset()
    received_max_gap: int = 0
    # roles held by the actor named right after them: an actor before the role only modifies it
    role_nouns: frozenset[str] = frozenset()
    # any relation cue: sentences without one are skipped
    any_cue: ScreenedPattern | None = field(init=False, repr=False, compare=False, default=None)
    # words after a target that make it no modifier of a noun (`modifies_a_noun`): derived, never passed
    not_modified_nouns: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())

    @property
    def cue_screen(self) -> Screen | None:
        """Every position where some relation cue could start (cues.find_spans_each): any_cue's screen."""
        return self.any_cue.screen if self.any_cue is not None else None

    def __post_init__(self) -> None:
        sources = [relation.pattern.pattern for relation in self.relations if relation.pattern is not None]
        words = [word for relation in self.relations for word in relation.screen_words or ()]
        patterns = [
            relation.pattern.pattern
            for relation in self.relations
            if relation.screen_words is None and relation.pattern is not None
        ]
        screen = screen_source(words, patterns)
        pattern = re.compile(guarded("|".join(sources), screen), re.IGNORECASE)
        any_cue = ScreenedPattern(pattern, candidate_screen(screen)) if sources else None
        object.__setattr__(self, "any_cue", any_cue)
        stops = self.roles.object_markers | self.complement_verbs | self.subject_gap_words | self.not_plural_nouns
        object.__setattr__(self, "not_modified_nouns", stops | self.roles.acting_nouns | {"and", "or"})


def relation_type(name: str, polarity: int, phrases: list[str]) -> RelationType:
    """A RelationType with its cue pattern and the quick screen for sentences that may hold a cue."""
    return RelationType(name, polarity, compile_phrases(phrases), screen_words(phrases))


def load_relation_cues(
    path: Path = DEFAULT_RELATION_CUES, *, clauses_path: Path = DEFAULT_CLAUSE_RULES
) -> RelationCues:
    """The relation cues of a YAML file, compiled, with the clause rules of `clauses_path`."""
    data = parse_yaml(Path(path).read_text(encoding="utf-8")) or {}
    relations = tuple(
        relation_type(str(name), int(entry.get("polarity", 0)), load_phrase_list(entry, "cues"))
        for name, entry in (data.get("relations") or {}).items()
    )
    return RelationCues(
        relations=relations,
        negators=compile_phrases(load_phrase_list(data, "negators")),
        negation_window=int(data.get("negation_window", 3)),
        roles=load_role_rules(data),
        intent_markers=lowercase_set(data, "intent_markers"),
        passive_auxiliaries=lowercase_set(data, "passive_auxiliaries"),
        passive_agent=str(data.get("passive_agent", "by")).lower(),
        target_joiners=tuple(word.lower() for word in load_phrase_list(data, "target_joiners")),
        max_target_gap=int(data.get("max_target_gap", 4)),
        symmetric_relations=frozenset(load_phrase_list(data, "symmetric_relations")),
        denial_relation=str(data.get("denial_relation", "denies")),
        accusation_relation=str(data.get("accusation_relation", "accuses")),
        denial_window=int(data.get("denial_window", 3)),
        clauses=load_clause_rules(clauses_path),
        complement_openers=lowercase_set(data, "complement_openers"),
        complement_verbs=lowercase_set(data, "complement_verbs"),
        complement_targets=frozenset(load_phrase_list(data, "complement_targets")),
        request_openers=lowercase_set(data, "request_openers"),
        consequence_words=lowercase_set(data, "consequence_words"),
        consequence_window=int(data.get("consequence_window", 0)),
        noun_cues=lowercase_set(data, "noun_cues"),
        subordinators=lowercase_set(data, "subordinators"),
        subject_gap_words=lowercase_set(data, "subject_gap_words"),
        not_plural_nouns=lowercase_set(data, "not_plural_nouns"),
        verb_object_openers=lowercase_set(data, "verb_object_openers"),
        done_before_to=lowercase_set(data, "done_before_to"),
        received_markers=lowercase_set(data, "received_markers"),
        received_agents=lowercase_set(data, "received_agents"),
        received_gap_stops=lowercase_set(data, "received_gap_stops"),
        received_max_gap=int(data.get("received_max_gap", 4)),
        role_nouns=lowercase_set(data, "role_nouns"),
    )


@dataclass(frozen=True)
class CueHit:
    """A relation cue found in the text."""

    relation: RelationType
    start: int
    end: int


@dataclass(frozen=True)
class RelationRow:
    """One relation found, before it becomes a table row."""

    sentence_id: int
    source_id: str
    source: str
    target_id: str
    target: str
    relation: str
    polarity: int
    cue: str


def find_relation_cues(
    text: str, clause: tuple[int, int], cues: RelationCues, quotes: list[tuple[int, int, str]]
) -> list[CueHit]:
    """Relation cues in the clause, longest first on overlaps, in text order; quoted, negated and intended
    ("to condemn") ones left out."""
    spans = find_spans_each([relation.pattern for relation in cues.relations], cues.cue_screen, text, *clause)
    hits = [
        CueHit(relation, start, end)
        for relation, relation_spans in zip(cues.relations, spans, strict=True)
        for start, end in relation_spans
    ]
    kept: list[CueHit] = []
    for hit in sorted(hits, key=lambda item: (item.start - item.end, item.start)):
        if all(hit.end <= other.start or hit.start >= other.end for other in kept):
            kept.append(hit)
    return [
        hit
        for hit in sorted(kept, key=lambda item: item.start)
        if not inside_any(hit.start, hit.end, quotes)
        and not is_negated(text, hit.start, floor=clause[0], negators=cues.negators, window=cues.negation_window)
        and not is_intended(text[clause[0] : hit.start].lower().split(), cues)
    ]


def is_intended(words_before: list[str], cues: RelationCues) -> bool:
    """True for a cue right after one of `intent_markers` ("urged China to condemn"), unless the words before
    the marker tell that it happened (`done_before_to`: "went on to blame Russia")."""
    if not words_before or words_before[-1] not in cues.intent_markers:
        return False
    preceding = words_before[:-1]
    return " ".join(preceding[-2:]) not in cues.done_before_to and " ".join(preceding[-1:]) not in cues.done_before_to


def is_joined(
    text: str, first: ClauseMention, second: ClauseMention, joiners: tuple[str, ...], *, articles: bool = False
) -> bool:
    """True when only joiners stand between two mentions ("and", ",", ", and", "as well as"), and with
    `articles` also "the" ("Britain and the US")."""
    between = text[first.end : second.start].lower()
    words = " ".join(word for word in between.replace(",", " ").split() if not (articles and word == "the"))
    return (not words and "," in between) or words in joiners


def targets_after(
    text: str, mentions: list[ClauseMention], position: int, cues: RelationCues, *, relation: str = ""
) -> list[ClauseMention]:
    """The first actor at most `max_target_gap` words after the cue ending at `position`, and the actors
    joined to it ("Russia and Belarus").

    Quoted mentions and mentions after an object marker that is not the cue's own last word are skipped
    ("met in Moscow" names a place; "appeal to Putin" names the target).
    """
    after = [
        mention
        for mention in mentions
        if mention.start >= position
        and not mention.quoted
        and not (
            mention.after_marker and set(text[position : mention.start].lower().split()) & cues.roles.object_markers
        )
    ]
    if after and modifies_a_noun(text, after[0], cues):
        return []  # "warned US news organisations", "backed EU sanctions against Russia": not the US or the EU
    first = after[0].start if after else position  # the gap to the target counts to the words naming it
    if len(after) > 1 and names_the_possessed(text, after[0], after[1], cues):
        after = after[1:]  # "a call with Ukraine's president, Volodymyr Zelenskiy": the call is with Zelenskiy
    elif len(after) > 1 and names_by_role(text, after[0], after[1], cues):
        after = after[1:]  # "swipes at fellow GOP contender Jeb Bush": at Bush
    if not after or len(text[position:first].split()) > cues.max_target_gap:
        return []
    if reports_a_clause(text, position, after[0], cues) and not names_the_target(
        text, position, after[0], relation, cues
    ):
        return []
    return joined_run(text, after, cues.target_joiners)


def modifies_a_noun(text: str, mention: ClauseMention, cues: RelationCues) -> bool:
    """True for an actor written as a modifier of a plural noun of other people or things, one or two lowercase
    words after it: "US news organisations", "EU sanctions against Russia". Not of its own people ("EU
    leaders", "Ukrainian forces": `acting_nouns_before_of`), nor before an object marker, joiner or verb
    ("Russia of", "Russia and", "Russia is")."""
    if mention.possessive:
        return False
    words = text[mention.end : mention.end + 60].split()[:3]
    for index, word in enumerate(words[:2]):
        plain = word.strip(".,;:!?")
        if not (plain.isalpha() and plain.islower()) or plain in cues.not_modified_nouns:
            return False
        if plain.endswith("s") and not plain.endswith("ss"):
            following = words[index + 1] if index + 1 < len(words) and plain == word else ""
            # a verb has its object next: "his support for Mr. Trump makes him", "where Ukraine suspects Russian"
            return not (following[:1].isupper() or following.lower() in cues.verb_object_openers)
        if plain != word:
            return False  # the clause ends after a word that is no plural
    return False



def joined_run(text: str, mentions: list[ClauseMention], joiners: tuple[str, ...]) -> list[ClauseMention]:
    """The first mention and those joined to it, one after another ("Russia and Belarus")."""
    chain = mentions[:1]
    for mention in mentions[1:]:
        if not is_joined(text, chain[-1], mention, joiners):
            break
        chain.append(mention)
    return chain


def targets_inside(text: str, mentions: list[ClauseMention], hit: CueHit, cues: RelationCues) -> list[ClauseMention]:
    """The actors in the gap of a cue such as "charg* ... with" or "pressed ... to" ("charged Russia with
    war crimes", "pressed Japan and Korea to act"): the first one and those joined to it. Not an owner
    ("welcomed Turkey's efforts to"), except of the claims a denial rejects ("rejected Moscow's claims"), nor
    an actor after an object marker ("pressed diplomats in Ukraine to")."""
    owners = hit.relation.name == cues.denial_relation
    inside = [
        mention
        for mention in mentions
        if hit.start < mention.start
        and mention.end <= hit.end
        and (owners or not mention.possessive)
        and not cues.roles.object_markers.intersection(text[hit.start : mention.start].lower().split()[1:])
    ]
    if not inside or inside[0].quoted:
        return []
    return joined_run(text, inside, cues.target_joiners)


def names_the_possessed(text: str, owner: ClauseMention, following: ClauseMention, cues: RelationCues) -> bool:
    """True when a possessive actor is followed by the actor it owns, within three words (or a longer role) and
    no object marker: "Ukraine's president, Volodymyr Zelenskiy", "Russia's foreign minister Sergei Lavrov"."""
    if not owner.possessive or following.possessive:
        return False
    between = text[owner.end : following.start].replace(",", " ").split()
    words = [word.lower() for word in between if word not in ("'s", "’s", "'", "’")]
    if cues.roles.object_markers.intersection(words):
        return False
    # a longer role, when it ends in one of `role_nouns`: "Poland's deputy prime minister and defence minister
    # Mariusz Błaszczak"
    return len(words) <= 3 or (len(words) <= ROLE_WORDS_AFTER_POSSESSIVE and words[-1] in cues.role_nouns)


ROLE_WORDS_AFTER_POSSESSIVE = 7


def names_by_role(text: str, body: ClauseMention, person: ClauseMention, cues: RelationCues) -> bool:
    """True when an actor is only the modifier of a role held by the actor right after it: lowercase words
    between them that end with one of `role_nouns` ("GOP contender Jeb Bush", "Kremlin spokesman Dmitry
    Peskov")."""
    if body.possessive:
        return False
    words = text[body.end : person.start].split()
    if not words or len(words) > 3 or not all(word.isalpha() or "-" in word for word in words):
        return False
    return all(word.islower() for word in words) and words[-1] in cues.role_nouns


def reports_a_clause(text: str, position: int, mention: ClauseMention, cues: RelationCues) -> bool:
    """True when the mention after a cue ending at `position` is the subject of what the cue reports, not
    its object: "warned that Russian forces may ...", "asked if the Kremlin was aware", "warns Russia is
    just getting started"."""
    between = [word.lower() for word in text[position : mention.start].split()]
    if cues.complement_openers.intersection(between):
        return True
    following = text[mention.end : mention.end + 20].split()[:1]
    return bool(following) and following[0].lower() in cues.complement_verbs


def names_the_target(text: str, position: int, mention: ClauseMention, relation: str, cues: RelationCues) -> bool:
    """True when the subject of a reported clause is still the cue's target: the one a request asks
    ("requested that the United States extradite him"; "asked if the Kremlin was aware" asks nobody), or
    the one a warning threatens with consequences ("warned that Russia would face severe costs")."""
    between = {word.lower() for word in text[position : mention.start].split()}
    if relation in cues.complement_targets and cues.request_openers.intersection(between):
        return True
    following = text[mention.end : mention.end + 200].split()[: cues.consequence_window]
    words = [word.strip(".,;:!?\"'“”‘’").lower() for word in following]
    return bool(cues.consequence_words.intersection(words))


def is_passive(text: str, clause: tuple[int, int], hit: CueHit, cues: RelationCues) -> bool:
    """True when a passive auxiliary stands right before the cue, an adverb allowed ("was sharply criticised")."""
    words = [word.lower() for word in text[clause[0] : hit.start].split()[-2:]]
    if words and words[-1] in cues.passive_auxiliaries:
        return True
    return len(words) == 2 and words[0] in cues.passive_auxiliaries and words[1].endswith("ly")


def is_received(text: str, clause: tuple[int, int], hit: CueHit, cues: RelationCues) -> bool:
    """True when the cue is a noun the clause's subject receives: one of `received_markers` among the three
    words before it ("drew sharp criticism", "won the support", "came under criticism")."""
    words = [word.lower() for word in text[clause[0] : hit.start].split()[-3:]]
    return bool(cues.received_markers.intersection(words))


def agent_after(text: str, mentions: list[ClauseMention], hit: CueHit, cues: RelationCues) -> list[ClauseMention]:
    """The mention right after the agent word ("by the West") following a passive cue."""
    for mention in mentions:
        if mention.start >= hit.end and text[hit.end : mention.start].split()[:1] == [cues.passive_agent]:
            return [mention]
    return []


def giver_after(text: str, mentions: list[ClauseMention], hit: CueHit, cues: RelationCues) -> list[ClauseMention]:
    """The actor that gives a received noun cue: right after one of `received_agents`, at most
    `received_max_gap` words between that are no object marker or relative pronoun ("drew rebukes from the
    Pentagon"; not "accusations of favoritism toward Clinton Foundation donors", "support from those who said
    Wall Street ...")."""
    for mention in mentions:
        words = [word.strip(",").lower() for word in text[hit.end : mention.start].split()]
        if mention.start < hit.end or not words or words[0] not in cues.received_agents:
            continue
        gap = words[1:]
        blocked = cues.roles.object_markers.union(cues.received_gap_stops).intersection(gap)
        return [mention] if len(gap) <= cues.received_max_gap and not blocked else []
    return []


@dataclass(frozen=True)
class RelationContext:
    """What the relation rules of one sentence need besides the text."""

    sentence_id: int
    mentions: list[MentionSpan]
    quotes: list[tuple[int, int, str]]  # direct/partial quote spans with speaker ids
    cues: RelationCues


def cue_parties(
    text: str,
    clause: tuple[int, int],
    hit: CueHit,
    in_clause: list[ClauseMention],
    inherited: list[ClauseMention],
    *,
    first_cue: int,
    cues: RelationCues,
) -> tuple[list[ClauseMention], list[ClauseMention]]:
    """(sources, targets) of one cue; a denial keeps only a possessive target ("denied Moscow's claims").

    Sources stand before the clause's first cue: actors after it are objects ("Zelensky thanked Britain
    and held talks with Poland" -> Zelensky meets Poland, not Britain). A symmetric relation with two
    sources and no target pairs the sources ("Putin and Macron met").
    """
    sources = (
        immediate_subject(text, in_clause, hit.start, cues.subject_gap_words, joined_pair(text, cues))
        or subjects_before(in_clause, first_cue, text=text)
        or subordinate_subject(text, in_clause, hit, cues)
    )
    if not sources and starts_with_participle(text, clause):
        sources = inherited
    if " ".join(text[hit.start : hit.end].lower().split()) in cues.noun_cues:
        sources = noun_cue_owner(text, clause, in_clause, hit, sources)
    if is_passive(text, clause, hit, cues):
        return agent_after(text, in_clause, hit, cues), sources
    if is_received(text, clause, hit, cues):  # "Rubio won the support of Bush": Bush supports Rubio
        return giver_after(text, in_clause, hit, cues), sources
    targets = targets_inside(text, in_clause, hit, cues) or targets_after(
        text, in_clause, hit.end, cues, relation=hit.relation.name
    )
    if hit.relation.name == cues.denial_relation:
        targets = [target for target in targets if target.possessive]
    if hit.relation.name in cues.symmetric_relations and not targets and len(sources) >= 2:
        return sources[:1], sources[1:]
    return sources, targets


def joined_pair(text: str, cues: RelationCues) -> Callable[[ClauseMention, ClauseMention], bool]:
    """Whether two mentions are joined into one subject ("Britain and the US")."""
    return lambda first, second: is_joined(text, first, second, cues.target_joiners, articles=True)


def subordinate_subject(
    text: str, mentions: list[ClauseMention], hit: CueHit, cues: RelationCues
) -> list[ClauseMention]:
    """The actor right before a cue and right after one of `subordinators`, which opens a clause there:
    "the talks collapsed after Xi warned Biden" (where "after" usually marks an object)."""
    for mention in mentions:
        if mention.end > hit.start or mention.possessive or mention.quoted or text[mention.end : hit.start].strip():
            continue
        before = text[max(0, mention.start - 12) : mention.start].lower().split()[-1:]
        if before and before[0] in cues.subordinators:
            return [mention]
    return []


def noun_cue_owner(
    text: str, clause: tuple[int, int], mentions: list[ClauseMention], hit: CueHit, sources: list[ClauseMention]
) -> list[ClauseMention]:
    """The source of a noun cue: an actor's possessive at most two words before it ("China's tacit support
    for Putin"), else the clause's sources ("Johnson tweeted a message offering long-term support for
    Ukraine"); nobody when the noun is what an accusation is about ("accused Trump of showing support for")."""
    for mention in mentions:
        if mention.possessive and mention.end <= hit.start and len(text[mention.end : hit.start].split()) <= 3:
            return [mention]
    before = text[clause[0] : hit.start].lower().split()[-4:]
    if "of" in before and any(word.endswith("ing") for word in before[before.index("of") + 1 :]):
        return []
    return sources


def clause_relation_rows(
    text: str, clauses: list[tuple[int, int]], index: int, inherited: list[ClauseMention], context: RelationContext
) -> tuple[list[RelationRow], list[ClauseMention]]:
    """Relations in clause `index` (denials may still lack a target: target_id ""), and the clause's subjects."""
    cues, clause = context.cues, clauses[index]
    in_clause = clause_mentions(
        text,
        context.mentions,
        clause,
        quotes=context.quotes,
        roles=cues.roles,
    )
    opening = opening_subject(text, clause, in_clause, blockers=cues.roles.object_markers)
    rows = []
    hits = find_relation_cues(text, clause, cues, context.quotes)
    for hit in hits:
        later = [other.start for other in hits if other.start >= hit.end]
        mentions = [mention for mention in in_clause if mention.start < min(later, default=clause[1])]
        sources, targets = cue_parties(text, clause, hit, mentions, inherited, first_cue=hits[0].start, cues=cues)
        if hit.relation.name == cues.denial_relation and not targets:
            targets = [ClauseMention("", "", hit.start, hit.end, False, False, False)]
        for source in sources:
            rows += [
                RelationRow(
                    context.sentence_id,
                    source.actor_id,
                    source.actor,
                    target.actor_id,
                    target.actor,
                    hit.relation.name,
                    hit.relation.polarity,
                    text[hit.start : hit.end],
                )
                for target in targets
                if target.actor_id != source.actor_id
            ]
    if not opening and starts_with_participle(text, clause):
        opening = inherited
    return rows, opening or quoted_speaker(in_clause, clause, context.quotes)


def resolve_denials(rows: list[RelationRow], cues: RelationCues) -> list[RelationRow]:
    """Rows with each open denial aimed at the latest earlier accusation against the denier (or dropped)."""
    resolved: list[RelationRow] = []
    for row in rows:
        if row.relation != cues.denial_relation or row.target_id:
            resolved.append(row)
            continue
        accusers = [
            earlier
            for earlier in resolved
            if earlier.relation == cues.accusation_relation
            and earlier.target_id == row.source_id
            and row.sentence_id - earlier.sentence_id <= cues.denial_window
        ]
        if accusers:
            accuser = accusers[-1]
            resolved.append(RelationRow(**{**row.__dict__, "target_id": accuser.source_id, "target": accuser.source}))
    return resolved


def find_relation_records(view: ArticleView, *, cues: RelationCues) -> list[tuple]:
    """Relation records (RELATION_COLUMNS without article_id) of one article: source and target actors,
    relation name, polarity -1/0/+1, the cue words and the sentence as evidence. Rules in the module docstring."""
    if cues.any_cue is None:
        return []
    text = view.text
    spans, quoted = view.mention_spans(), SpanIndex(view.quoted_spans())
    rows: list[RelationRow] = []
    bounds: dict[int, tuple[int, int]] = {}
    for sentence_id, start, end in cues.any_cue.sentences_matching(view.text, view.sentences):
        bounds[sentence_id] = (start, end)
        # only the sentence's quotes: every rule reads quotes inside the sentence
        context = RelationContext(sentence_id, spans, quoted.overlapping(start, end), cues)
        clauses = sentence_clauses(text, (start, end), rules=cues.clauses)
        inherited: list[ClauseMention] = []
        for index in range(len(clauses)):
            found, subjects = clause_relation_rows(text, clauses, index, inherited, context)
            rows += found
            inherited = subjects or inherited
    return relation_records(text, resolve_denials(rows, cues), bounds)


def detect_relations(
    text: str, sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame, *, cues: RelationCues
) -> pd.DataFrame:
    """The relations table (RELATION_COLUMNS without article_id) of one article from its frames; see
    `find_relation_records`."""
    records = find_relation_records(view_from_frames(text, sentences, mentions, quotes), cues=cues)
    return pd.DataFrame(records, columns=OUTPUT_COLUMNS).astype({"sentence_id": int, "polarity": int})


def relation_records(text: str, rows: list[RelationRow], bounds: dict[int, tuple[int, int]]) -> list[tuple]:
    """Output records from rows, one per (sentence, source, target, relation), with sentence evidence."""
    unique = {(row.sentence_id, row.source_id, row.target_id, row.relation): row for row in reversed(rows)}
    position = {id(row): index for index, row in enumerate(rows)}
    return [
        (
            row.sentence_id,
            row.source_id,
            row.source,
            row.target_id,
            row.target,
            row.relation,
            row.polarity,
            row.cue,
            text[bounds[row.sentence_id][0] : bounds[row.sentence_id][1]],
        )
        for row in sorted(unique.values(), key=lambda item: position[id(item)])
    ]
