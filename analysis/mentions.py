"""Actor mentions: registry aliases, metonyms, short names, titles and pronouns found with spaCy's PhraseMatcher."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from analysis.candidates import (
    find_candidates,
    find_ner_mentions,
    is_one_initial,
    parse_honorific_genders,
    unregistered_row,
    with_first_full_names,
    with_full_names,
)
from analysis.quote_spans import leaves_a_quotation_open
from analysis.registry import Actor, Registry, default_short_names
from analysis.schema import MENTION_COLUMNS
from analysis.sentences import is_headline_case, sentence_token_ranges

BASE_MENTION_COLUMNS: tuple[str, ...] = tuple(c for c in MENTION_COLUMNS if c not in ("polarity", "subjectivity"))


@dataclass(frozen=True)
class MatchRules:
    """Context words that decide how a matched phrase resolves (from data/lexicon.yaml, metonym_rules.yaml and
    the verbs of speech_cues.yaml)."""

    verbs_after: frozenset[str]
    words_before: frozenset[str]
    region_location_words: frozenset[str]
    nouns_before_of: frozenset[str]
    location_words: frozenset[str]
    for_to: bool
    speech_verbs: frozenset[str]  # their speaker may follow them: "said Pushilin"
    acting_verbs: frozenset[str]  # speech, request, accusation and denial verbs: "Pushilin said/asked/denied"
    pronouns: tuple[tuple[str, str], ...]  # (pronoun, gender)
    title_words: frozenset[str]
    not_names: frozenset[str]
    honorifics: frozenset[str] = frozenset()
    honorific_genders: tuple[tuple[str, str], ...] = ()  # (honorific, male | female), from speech_cues.yaml
    given_name_genders: tuple[tuple[str, str], ...] = ()  # (given name, male | female), from speech_cues.yaml
    common_given_names: frozenset[str] = frozenset()  # the names of given_name_genders, to open a name candidate
    title_endings: frozenset[str] = frozenset()  # "Secretary of State", "Speaker of the House": no first name
    place_prepositions: frozenset[str] = frozenset()  # "in Austin, Texas": a surname written as a place
    organisation_heads: frozenset[str] = frozenset()
    organisation_nouns: frozenset[str] = frozenset()  # "the charity World Vision": an organisation
    not_actor_heads: frozenset[str] = frozenset()  # "Foreign Agents Registration Act": a law, nobody
    # names that hold an alias but are no actor ("Latin America"): matched only to shield the alias inside
    not_actors: tuple[str, ...] = ()
    # a possessive place whose next words name one of these is a location ("Moscow's Pushkin Square")
    place_nouns: frozenset[str] = frozenset()
    place_noun_window: int = 0
    phrase_breaks: frozenset[str] = frozenset()
    # seats of government ("the Kremlin") also act as the subject of a clause: after one of `clause_openers`
    seats: frozenset[str] = frozenset()
    clause_openers: frozenset[str] = frozenset()
    seat_compounds: frozenset[str] = frozenset()  # "Kremlin officials", "a White House bid": not the seat itself
    # "attacks on Kyiv": after these nouns and "on", a place is a target, not an actor
    target_nouns: frozenset[str] = frozenset()
    passive_targets: frozenset[str] = frozenset()  # "Kyiv was hit": the place suffers, it does not act
    # time phrases between a place and its verb ("Moscow on Friday continued"), each as a tuple of words
    time_phrases: tuple[tuple[str, ...], ...] = ()
    # "remains the Russian president": a title after these (an adverb of `predicate_adverbs` allowed) is no mention
    copulas: frozenset[str] = frozenset()
    predicate_adverbs: frozenset[str] = frozenset()


# The speech-cue groups whose verbs follow the one who acts ("Kyiv denied", "the Duma asked").
ACTING_VERB_GROUPS: tuple[str, ...] = ("speech_verbs", "object_verbs", "accusation_verbs", "denial_verbs")


def make_match_rules(lexicon: dict[str, Any], metonym_rules: dict[str, Any], speech_cues: dict[str, Any]) -> MatchRules:
    """MatchRules from the three parsed data files (lexicon, metonym rules, speech cues)."""

    def words(source: dict[str, Any], key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in source.get(key) or ())

    def single_words(key: str) -> frozenset[str]:  # "called on" is a cue, but only one token is compared
        return frozenset(word for word in words(speech_cues, key) if " " not in word)

    pronouns = tuple((str(word), gender) for gender, items in (lexicon.get("pronouns") or {}).items() for word in items)
    given_names = parse_honorific_genders(speech_cues, key="given_name_genders")
    return MatchRules(
        verbs_after=words(metonym_rules, "verbs_after"),
        words_before=words(metonym_rules, "words_before"),
        region_location_words=words(metonym_rules, "region_location_words"),
        nouns_before_of=words(metonym_rules, "nouns_before_of"),
        location_words=words(metonym_rules, "location_words"),
        for_to=bool(metonym_rules.get("for_to", True)),
        speech_verbs=single_words("speech_verbs"),
        acting_verbs=frozenset().union(*(single_words(group) for group in ACTING_VERB_GROUPS)),
        pronouns=pronouns,
        title_words=frozenset(lexicon.get("title_words") or ()),
        not_names=frozenset(lexicon.get("not_names") or ()),
        honorifics=frozenset(lexicon.get("honorifics") or ()),
        honorific_genders=parse_honorific_genders(speech_cues),
        given_name_genders=given_names,
        common_given_names=frozenset(name for name, _ in given_names),
        title_endings=frozenset(lexicon.get("title_endings") or ()),
        place_prepositions=frozenset(str(word).lower() for word in lexicon.get("place_prepositions") or ()),
        organisation_heads=frozenset(lexicon.get("organisation_heads") or ()),
        organisation_nouns=frozenset(lexicon.get("organisation_nouns") or ()),
        not_actor_heads=frozenset(lexicon.get("not_actor_heads") or ()),
        not_actors=tuple(str(phrase) for phrase in lexicon.get("not_actors") or ()),
        place_nouns=words(metonym_rules, "place_nouns"),
        place_noun_window=int(metonym_rules.get("place_noun_window", 0)),
        phrase_breaks=words(metonym_rules, "phrase_breaks"),
        seats=words(metonym_rules, "seats"),
        clause_openers=words(metonym_rules, "clause_openers"),
        seat_compounds=words(metonym_rules, "seat_compounds"),
        target_nouns=words(metonym_rules, "target_nouns"),
        passive_targets=words(metonym_rules, "passive_targets"),
        time_phrases=tuple(
            sorted({tuple(str(phrase).lower().split()) for phrase in metonym_rules.get("time_phrases") or ()}, key=len)
        )[::-1],
        copulas=words(lexicon, "copulas"),
        predicate_adverbs=words(lexicon, "predicate_adverbs"),
    )


@dataclass(frozen=True)
class PhraseLabel:
    """What a matched phrase may refer to: its kind (alias, metonym, short, title) and the candidate actor ids."""

    kind: str
    actor_ids: tuple[str, ...]


def capitalised_variants(phrase: str) -> tuple[str, ...]:
    """The phrase, its sentence-initial "The" form when it starts with "the", and both apostrophe styles."""
    forms = [phrase, "The " + phrase[4:]] if phrase.startswith("the ") else [phrase]
    forms += [form.replace("'", "’") for form in forms] + [form.replace("’", "'") for form in forms]
    return tuple(dict.fromkeys(forms))


def is_possessive_title(title: str) -> bool:
    """True for a title that opens with a possessive name ("Ukraine's president", "Russia's top diplomat")."""
    first = title.split()[0]
    return first[:1].isupper() and first.endswith(("'s", "’s"))


def collect_phrases(registry: Registry, not_actors: Sequence[str] = ()) -> dict[tuple[str, str], dict[str, set[str]]]:
    """Every (matcher, phrase) with the actor ids per kind it can stand for.

    The case-sensitive matcher gets names, aliases, metonyms, short names and "Title Name" forms, and the
    `not_actors` names (kind "none", no actor), which win over the shorter alias inside them as any longer
    match does; the lowercase matcher gets standalone titles ("the russian president", "ukraine's president").
    """
    phrases: dict[tuple[str, str], dict[str, set[str]]] = {}

    def add(matcher: str, phrase: str, kind: str, actor_id: str) -> None:
        variants = capitalised_variants(phrase)
        for variant in variants if matcher == "orth" else tuple(dict.fromkeys(v.lower() for v in variants)):
            phrases.setdefault((matcher, variant), {}).setdefault(kind, set()).add(actor_id)

    for actor in registry.actors:
        for name in actor.full_names:
            add("orth", name, "alias", actor.id)
        for metonym in actor.metonyms:
            add("orth", metonym, "metonym", actor.id)
        for short in default_short_names(actor):
            add("orth", short, "short", actor.id)
        for title in actor.titles:
            for name in (*actor.full_names, *default_short_names(actor)):
                add("orth", f"{title} {name}", "alias", actor.id)
            add("lower", f"the {title}", "title", actor.id)  # "the Russian president", "the bloc"
            if actor.is_person and is_possessive_title(title):  # "Ukraine's president" stands alone
                add("lower", title, "title", actor.id)
    for phrase in not_actors:
        if ("orth", phrase) not in phrases:  # a registry name always wins
            add("orth", phrase, "none", "")
    return phrases


def choose_label(kinds: dict[str, set[str]]) -> PhraseLabel:
    """One label per phrase: a full alias beats a metonym, which beats a shared short name or title."""
    for kind in ("alias", "metonym", "short", "title", "none"):
        if kind in kinds:
            return PhraseLabel(kind, tuple(sorted(kinds[kind])))
    raise ValueError("phrase without a kind")


class ActorMatcher:
    """The registry compiled into spaCy PhraseMatchers; build once per process and reuse for every article."""

    def __init__(self, registry: Registry, *, nlp: Language, rules: MatchRules, ner_model: Language | None = None):
        self.registry = registry
        self.nlp = nlp
        self.rules = rules
        self.ner_model = ner_model
        self.orth_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.labels: dict[int, PhraseLabel] = {}
        self._compile(collect_phrases(registry, rules.not_actors))

    def _compile(self, phrases: dict[tuple[str, str], dict[str, set[str]]]) -> None:
        keys = list(phrases)
        docs = self.nlp.tokenizer.pipe(phrase for _, phrase in keys)
        # phrases with the same label share one match key: a dozen times fewer (slow) PhraseMatcher.add calls
        grouped: dict[tuple[str, PhraseLabel], list[Doc]] = {}
        for (matcher_name, phrase), doc in zip(keys, docs, strict=True):
            grouped.setdefault((matcher_name, choose_label(phrases[(matcher_name, phrase)])), []).append(doc)
        for (matcher_name, label), label_docs in grouped.items():
            key = f"{matcher_name}|{label.kind}|{'|'.join(label.actor_ids)}"
            matcher = self.orth_matcher if matcher_name == "orth" else self.lower_matcher
            matcher.add(key, label_docs)
            self.labels[self.nlp.vocab.strings[key]] = label

    def match_spans(self, doc: Doc) -> list[Span]:
        """Longest non-overlapping matched phrases, in text order, each labelled with its match key."""
        spans = [
            Span(doc, start, end, label=match_id)
            for matcher in (self.orth_matcher, self.lower_matcher)
            for match_id, start, end in matcher(doc)
        ]
        return sorted(filter_spans(spans), key=lambda span: span.start)


@dataclass
class MentionDraft:
    """A resolved mention before it becomes a table row."""

    actor: Actor
    span: Span
    method: str


def is_adjectival(span: Span, rules: MatchRules) -> bool:
    """True for "pro-Moscow", "Moscow-based", "the Russia-Ukraine war", "Île-de-France": a name glued by a
    hyphen to the word before or after it is part of an adjective or of another name, not an actor."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text == "-" and not span[-1].whitespace_:
        return True
    if span.start < 2 or doc[span.start - 1].text != "-" or doc[span.start - 1].whitespace_:
        return False
    word = doc[span.start - 2]
    return word.is_alpha and not word.whitespace_


def next_word(doc: Doc, index: int, skipped: tuple[tuple[str, ...], ...] = ()) -> str:
    """Lowercase text of the token at index, skipping one of the `skipped` phrases (longest first) and then
    one adverb in -ly; "" past the end."""
    for phrase in skipped:
        if tuple(token.lower_ for token in doc[index : index + len(phrase)]) == phrase:
            index += len(phrase)
            break
    if index < len(doc) and doc[index].lower_.endswith("ly") and doc[index].is_alpha:
        index += 1
    return doc[index].lower_ if index < len(doc) else ""


def coordinated_place(span: Span, place_ends: dict[int, bool]) -> bool | None:
    """For the second place of "Donetsk and Lugansk": whether the first one counted; None when not coordinated."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ in ("and", "or", ","):
        return place_ends.get(span.start - 1)
    return None


def place_acts(span: Span, rules: MatchRules, place_ends: dict[int, bool], *, region: bool = False) -> bool:
    """The metonym rule (data/metonym_rules.yaml): the place acts or is possessed, not merely located. For
    the metonym of a region (`region`: "Luhansk" for the LPR) `region_location_words` locate it too ("the
    border between Luhansk and Donetsk", "which along with Donetsk makes up the Donbas")."""
    doc = span.doc
    if is_controlled_place(span, rules):
        return False  # "Ukraine-controlled Luhansk's regional administration" is Ukraine's, not the LPR's
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in ("'s", "’s", "'", "’"):
        return not names_a_place(doc, span.end + 1, rules)
    shared = coordinated_place(span, place_ends)
    if shared is not None:
        return shared
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in rules.location_words or is_target(span, rules) or is_passive_target(span, rules):
        return False
    two_before = f"{doc[span.start - 2].lower_} {before}" if span.start >= 2 else before
    if region and (before in rules.region_location_words or two_before in rules.region_location_words):
        return False
    if is_seat(span, rules) and is_clause_subject(span, rules):
        return True
    if before == "of":  # "the leaders of Donetsk" acts; in "the governor of Lugansk said", the governor speaks
        return span.start >= 2 and doc[span.start - 2].lower_ in rules.nouns_before_of
    following = next_word(doc, span.end, rules.time_phrases)
    if following in rules.verbs_after or (following.endswith("ed") and following.isalpha()):
        return True
    return before in rules.words_before or (rules.for_to and before == "for" and following == "to")


def is_controlled_place(span: Span, rules: MatchRules) -> bool:
    """True after a hyphenated compound ending in one of `location_words` ("Ukraine-controlled",
    "Russian-occupied"): who holds the place is named, and the place itself is where things are."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 2].text not in ("-", "–"):
        return False
    return doc[span.start - 1].lower_ in rules.location_words


def is_seat(span: Span, rules: MatchRules) -> bool:
    """True for a seat of government ("the Kremlin", "Downing Street"), which stands for its government more
    often than a city does."""
    return span.text.lower().removeprefix("the ") in rules.seats


def is_clause_subject(span: Span, rules: MatchRules) -> bool:
    """True for a phrase that opens a clause and goes on with a lowercase word or a comma: "The Kremlin
    continues", "…, the Kremlin on Thursday accused", "The Kremlin, however, denied"; not "Kremlin officials"
    or "White House national security adviser" (a compound, see `starts_compound`)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    opens = before is None or span[0].is_sent_start or before.lower_ in rules.clause_openers
    after = doc[span.end] if span.end < len(doc) else None
    if not opens or after is None:
        return False
    if after.text == ",":
        return True
    return after.is_alpha and after.text.islower() and not starts_compound(doc, span.end, rules)


def starts_compound(doc: Doc, index: int, rules: MatchRules) -> bool:
    """True when one of `seat_compounds` comes within three lowercase words from token `index`, before a verb
    or punctuation: "Kremlin officials", "White House national security adviser", "a White House bid"."""
    for token in doc[index : index + 3]:
        word = token.lower_
        if not token.is_alpha or word in rules.verbs_after or word.endswith("ed"):
            return False
        if word in rules.seat_compounds:
            return True
    return False


def is_passive_target(span: Span, rules: MatchRules) -> bool:
    """True for "Kyiv was hit", "Kyiv has been shelled", "Kyiv came under attack": the place suffers an
    attack (one of `passive_targets` after a form of "be", or "come under"); "Moscow has seized" still acts."""
    doc = span.doc
    passive = False
    for index in range(span.end, min(span.end + 5, len(doc))):
        word = doc[index].lower_
        if word in ("was", "were", "is", "are", "been", "being", "be"):
            passive = True
        elif word in ("come", "came", "comes", "coming"):
            return index + 1 < len(doc) and doc[index + 1].lower_ == "under"
        elif word in rules.passive_targets:
            return passive
        elif word not in ("has", "have", "had", "will", "would", "could", "may", "might") and not (
            word.endswith("ly") and doc[index].is_alpha
        ):
            return False
    return False


def is_target(span: Span, rules: MatchRules) -> bool:
    """True for "airstrikes on Kyiv", "the advance on Kyiv": the place is what is attacked, not who acts."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ == "on" and doc[span.start - 2].lower_ in rules.target_nouns


def names_a_place(doc, index: int, rules: MatchRules) -> bool:
    """True when the words from token `index` on, up to `place_noun_window` of them and before punctuation or
    a phrase break ("in", "of", "and"), hold a place noun: "Moscow's Higher School of Economics", "Kyiv's
    mayor", "London's largest private residence" are places, "Moscow's forces near the airport" is not."""
    for token in doc[index : index + rules.place_noun_window]:
        if not token.is_alpha or token.lower_ in rules.phrase_breaks:
            return False
        if token.lower_ in rules.place_nouns:
            return True
    return False


def inside_longer_name(span: Span, rules: MatchRules) -> bool:
    """True when a surname is part of another capitalised name: "Imran Khan", "Wang Wenbin"; in a headline, only
    when the article also writes it as a lowercase word and a capitalised word other than a verb follows ("Oil
    Price Cap" over a story about the price cap is no Ned Price)."""
    doc = span.doc
    if span.start > 0 and is_middle_initial(doc, span.start - 1):
        return True  # "Lyndon B. Johnson"
    if is_headline_case(span.sent):
        return is_headline_compound(span, rules)
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_alpha and after.text[0].isupper() and after.text not in rules.not_names:
        return not after.is_sent_start
    if before is None or not before.is_alpha or not before.text[0].isupper():
        return False
    if before.text in rules.title_words or before.text.removesuffix("s") in rules.title_words:
        return False  # "President Biden", "Presidents Biden and Putin"
    if before.text in rules.not_names:
        return False
    # a sentence's first word is a given name when the article never writes it in lowercase ("Dean Johnson,
    # a salesman, says", but not "Later Johnson said"), or writes the two words inside a sentence too ("Bill
    # Clinton said" where "the bill" and "former President Bill Clinton" appear elsewhere)
    if not before.is_sent_start:
        return True
    text = doc.text  # rebuilt token by token: only for this rare case
    return f" {before.lower_} " not in text or written_inside_a_sentence(text, f"{before.text} {span.text}")


def names_a_location(span: Span, rules: MatchRules) -> bool:
    """True for a surname written as a place: after one of `place_prepositions` and either followed by a comma
    and a capitalised word ("in Austin, Texas") or after a capitalised word and "at" ("the University of Texas at
    Austin"). "Voters lost confidence in Biden" and "in Austin's view" still name the person."""
    doc = span.doc
    if span.start < 1 or doc[span.start - 1].lower_ not in rules.place_prepositions:
        return False
    after = [doc[index].text for index in range(span.end, min(span.end + 2, len(doc)))]
    if len(after) == 2 and after[0] == "," and after[1][:1].isupper():
        return True
    return doc[span.start - 1].lower_ == "at" and span.start > 1 and doc[span.start - 2].text[:1].isupper()


def is_middle_initial(doc: Doc, index: int) -> bool:
    """True for a one-letter initial with its full stop ("B.") right after a capitalised word."""
    if index == 0 or not is_one_initial(doc[index].text):
        return False
    previous = doc[index - 1]
    return previous.is_alpha and previous.text[0].isupper()


def is_headline_compound(span: Span, rules: MatchRules) -> bool:
    """For a short name in a headline: True when a capitalised word that is not one of `acting_verbs` follows
    it and the article writes the name in lowercase elsewhere ("the price cap")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or not after.is_alpha or not after.text[0].isupper() or after.lower_ in rules.acting_verbs:
        return False
    return re.search(rf"\b{re.escape(span.text.lower())}\b", doc.text) is not None


def written_inside_a_sentence(text: str, words: str) -> bool:
    """True when `words` appear somewhere after a letter, digit or comma and a space ("President Bill Clinton")."""
    return re.search(rf"[\w,] {re.escape(words)}\b", text) is not None


def most_recent(actor_ids: Sequence[str], seen: list[str]) -> str | None:
    """The candidate id mentioned last so far in the article, or None."""
    for actor_id in reversed(seen):
        if actor_id in actor_ids:
            return actor_id
    return None


def resolve_span(
    span: Span,
    label: PhraseLabel,
    *,
    matcher: ActorMatcher,
    seen: list[str],
    place_ends: dict[int, bool],
    starts: dict[int, Span],
    seen_at: dict[str, int] | None = None,
    inside: bool | None = None,
) -> MentionDraft | None:
    """The mention a matched phrase makes, or None when its context or the article rules it out. `inside`:
    `inside_longer_name` of a short name when the caller has already asked."""
    registry, rules = matcher.registry, matcher.rules
    if label.kind == "none" or is_adjectival(span, rules):
        return None
    if label.kind == "alias":
        return MentionDraft(registry.get(label.actor_ids[0]), span, "alias")
    if label.kind == "metonym":
        region = registry.get(label.actor_ids[0]).type == "region"
        acts = place_acts(span, rules, place_ends, region=region)
        place_ends[span.end] = acts
        if not acts:
            return None
        return MentionDraft(registry.get(label.actor_ids[0]), span, "metonym")
    if label.kind == "short":
        if names_a_location(span, rules):
            return None
        inside = inside_longer_name(span, rules) if inside is None else inside
        if inside and not given_name_fits(span, label, registry):
            return None
        chosen = label.actor_ids[0] if len(label.actor_ids) == 1 else most_recent(label.actor_ids, seen)
        if chosen is None or honorific_contradicts(span, registry.get(chosen), rules):
            return None
        if title_contradicts(span, registry.get(chosen), rules):
            return None
        return MentionDraft(registry.get(chosen), span, "short_name")
    if is_predicate(span, rules):
        return None
    titled = resolve_title(span, label, matcher=matcher, seen=seen, starts=starts, seen_at=seen_at)
    return titled or possessive_owner(span, registry)


def is_predicate(span: Span, rules: MatchRules) -> bool:
    """True for a title after a copula, which says what someone is: "Putin remains the Russian president", "he
    is still the president"; not a possessive one, which names its holder ("that was the president's position")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s"):
        return False
    before = [token.lower_ for token in doc[max(0, span.start - 2) : span.start]]
    if before and before[-1] in rules.predicate_adverbs:
        before = before[:-1]
    return bool(before) and before[-1] in rules.copulas


def honorific_contradicts(span: Span, actor: Actor, rules: MatchRules) -> bool:
    """True when an honorific right before a surname gives another gender than the registry's for its
    actor: "Mr. Clinton" is not Hillary Clinton (female), who is "Mrs. Clinton"."""
    if not actor.gender or span.start == 0:
        return False
    written = honorific_map(rules.honorific_genders).get(span.doc[span.start - 1].text, "")
    return bool(written and written != actor.gender)


def title_contradicts(span: Span, actor: Actor, rules: MatchRules) -> bool:
    """True when a capitalised title word right before a surname is in none of the registry's titles and
    names of its actor, who has titles: "President Clinton" is not Hillary Clinton, whose titles are those of
    a senator and secretary of state. An actor without titles is not checked."""
    if not actor.titles or span.start == 0:
        return False
    word = span.doc[span.start - 1].text
    if word not in rules.title_words or word in rules.honorifics:
        return False
    return word.lower() not in actor_title_words(actor)


@functools.cache
def actor_title_words(actor: Actor) -> frozenset[str]:
    """The lowercase words of an actor's titles and names."""
    return frozenset(word.lower() for phrase in (*actor.titles, *actor.full_names) for word in phrase.split())


@functools.cache
def honorific_map(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The (honorific, gender) pairs of the match rules as a lookup table, built once."""
    return dict(pairs)


def possessive_owner(span: Span, registry: Registry) -> MentionDraft | None:
    """For a possessive title that names nobody here ("Ukraine's president" before Zelensky is named): the
    owner, as the plain possessive would have been ("Ukraine")."""
    doc = span.doc
    for index in range(span.start + 1, span.end):
        if doc[index].text in ("'s", "’s"):
            actor = registry.resolve_name(doc[span.start : index].text)
            return MentionDraft(actor, doc[span.start : index], "alias") if actor is not None else None
    return None


def resolve_title(
    span: Span,
    label: PhraseLabel,
    *,
    matcher: ActorMatcher,
    seen: list[str],
    starts: dict[int, Span],
    seen_at: dict[str, int] | None = None,
) -> MentionDraft | None:
    """A standalone title ("the Russian president"): the holder named right after it ("the president, Joe
    Biden"), else the holder mentioned last, unless the words after it name someone else (see `title_fits`)."""
    registry = matcher.registry
    named = starts.get(span.end + 1) if named_after_comma(span, starts, matcher) else None
    if named is not None:  # one mention of the name and the title together, or of the name alone
        actor_id = matcher.labels[named.label].actor_ids[0]
        return (
            MentionDraft(registry.get(actor_id), span.doc[span.start : named.end], "alias")
            if actor_id in label.actor_ids
            else None
        )
    chosen = most_recent(label.actor_ids, seen) or headline_title_holder(span, label, matcher=matcher, starts=starts)
    if chosen is None or not title_fits(span, registry.get(chosen), matcher=matcher, starts=starts):
        return None
    if shared_body_title(label, registry) and span.start - (seen_at or {}).get(chosen, span.start) > BODY_TITLE_REACH:
        return None  # "the ministry" long after Russia's: likely another country's, which the registry lacks
    return MentionDraft(registry.get(chosen), span, "title")


BODY_TITLE_REACH = 150  # tokens after its last mention within which a body's shared title refers back to it


def shared_body_title(label: PhraseLabel, registry: Registry) -> bool:
    """True for a title that several bodies hold ("the ministry"): it refers back only to one mentioned within
    BODY_TITLE_REACH tokens, where "the bloc" refers back to the EU however far."""
    return len(label.actor_ids) > 1 and not any(registry.get(actor_id).is_person for actor_id in label.actor_ids)


def headline_title_holder(
    span: Span, label: PhraseLabel, *, matcher: ActorMatcher, starts: dict[int, Span]
) -> str | None:
    """The one holder of a title in the article's first sentence, its headline, when the article names them
    only later: "Russia's foreign minister says a new iron curtain is descending" over a story that names
    Sergei Lavrov. None for a title several actors hold, after the first sentence ("met China's top diplomat
    Yang Jiechi" in a live blog is not Wang Yi), for a body's title, or when the holder is not named by name
    after it."""
    if len(label.actor_ids) != 1 or span.sent.start != 0 or not matcher.registry.get(label.actor_ids[0]).is_person:
        return None  # "The bloc met." opening a story still waits for the bloc to be named
    holder = label.actor_ids[0]
    for start, other in starts.items():
        named = matcher.labels[other.label]
        if start >= span.end and named.kind == "alias" and named.actor_ids[0] == holder:
            return holder
    return None


def named_after_comma(span: Span, starts: dict[int, Span], matcher: ActorMatcher) -> bool:
    """True when a registered person's full name follows a title after a comma ("the president, Joe Biden")."""
    following = starts.get(span.end + 1)
    if following is None or span.doc[span.end].text != ",":
        return False
    label = matcher.labels[following.label]
    return label.kind == "alias" and matcher.registry.get(label.actor_ids[0]).is_person


def title_fits(span: Span, actor: Actor, *, matcher: ActorMatcher, starts: dict[int, Span]) -> bool:
    """False where a title's own words name someone else: an unregistered name after a comma ("the
    president, Alejandro Giammattei"), another country ("the president of Belarus") or an organisation ("the
    president of the International Olympic Committee"). "The president of Russia" still refers back to
    Putin, whose country it is; "the Turkish president, Recep Tayyip Erdogan" to Erdoğan, whose short name
    it holds."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is None:
        return True
    if after.text == ",":
        names = capitalised_run(doc, span.end + 1, matcher.rules)
        return not names or bool(set(names) & set(default_short_names(actor)))
    if after.lower_ != "of" or next_word(doc, span.end + 1).endswith("ing"):  # "accused the president of giving"
        return True
    index = span.end + 2 if span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "the" else span.end + 1
    following = starts.get(index)
    return following is not None and actor.country in matcher.labels[following.label].actor_ids


def capitalised_run(doc: Doc, index: int, rules: MatchRules) -> list[str]:
    """The capitalised words (and initials like "V.") from token `index` on: a name, or [] when none starts
    there."""
    words: list[str] = []
    for token in doc[index : index + 5]:
        initial = len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."
        if not initial and not (token.is_alpha and token.text[0].isupper() and token.text not in rules.not_names):
            break
        words.append(token.text)
    return words


def is_apposition_of(draft: MentionDraft, drafts: list[MentionDraft]) -> bool:
    """True for "Denis Pushilin, the rebel head": a title in apposition to the same person is not a second mention."""
    if draft.method != "title" or not drafts or drafts[-1].actor.id != draft.actor.id:
        return False
    between = draft.span.doc[drafts[-1].span.end : draft.span.start]
    return len(between) == 1 and between[0].text == ","


def resolve_phrases(doc: Doc, matcher: ActorMatcher) -> tuple[list[MentionDraft], list[Span], list[Span]]:
    """Resolved registry mentions in text order, every matched span (kept or not) to shield from candidates,
    and the registered surnames standing alone that name another person of the article (`names_someone_else`).

    A title followed by its holder's name after a comma ("the Russian president, Vladimir Putin") is one
    mention of both, as "Russian President Vladimir Putin" is, so that a speaker found at the title
    ("according to the US president, Joe Biden") is that person.
    """
    drafts: list[MentionDraft] = []
    seen: list[str] = []
    seen_at: dict[str, int] = {}  # where each actor of `seen` was mentioned last (token index)
    place_ends: dict[int, bool] = {}
    spans = matcher.match_spans(doc)
    starts = {span.start: span for span in spans}
    named: set[int] = set()  # starts of names already counted with the title before them
    # surnames the article gave another person first ("Gary Johnson"): not the registry's Boris Johnson, and
    # no shield for the candidate heuristic, which names that person
    others: set[str] = set()
    unshielded: set[int] = set()
    surnames: list[Span] = []
    for span in spans:
        if span.start in named:
            continue
        label = matcher.labels[span.label]
        inside = inside_longer_name(span, matcher.rules) if label.kind == "short" else None
        if inside is not None and names_someone_else(span, label, matcher, inside=inside, others=others, seen=seen):
            unshielded.add(span.start)
            if not inside:
                surnames.append(span)
            continue
        draft = resolve_span(
            span, label, matcher=matcher, seen=seen, place_ends=place_ends, starts=starts, seen_at=seen_at,
            inside=inside,
        )
        if draft is None or is_apposition_of(draft, drafts):
            continue
        if draft.span.end > span.end:  # a title and the name after it
            named.add(span.end + 1)
        drafts.append(draft)
        if draft.actor.is_person or draft.actor.titles:  # what a later short name or title refers back to
            seen.append(draft.actor.id)
            seen_at[draft.actor.id] = draft.span.end
    return drafts, [span for span in spans if span.start not in unshielded], surnames


def names_someone_else(
    span: Span, label: PhraseLabel, matcher: ActorMatcher, *, inside: bool, others: set[str], seen: list[str]
) -> bool:
    """True for a registered surname that names another person of this article: inside another capitalised
    name (`inside`, from `inside_longer_name`: "Gary Johnson", remembered in `others`), or alone after such a
    name when the registered person was not named before ("Libertarian candidate Gary Johnson … Voters like
    Johnson": not Boris Johnson)."""
    registry = matcher.registry
    if inside:
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.text[:1].isupper() and not given_name_fits(span, label, registry):
            others.add(span.text)
            return True
        return False
    return span.text in others and not any(actor_id in seen for actor_id in label.actor_ids)


def given_name_fits(span: Span, label: PhraseLabel, registry: Registry) -> bool:
    """True when the word before the surname (past a middle initial) opens the registered person's name or one
    of its aliases: "Sergey V. Lavrov" is the registry's Sergei Lavrov (alias "Sergey Lavrov")."""
    doc = span.doc
    index = span.start - 1
    if index > 0 and is_middle_initial(doc, index):
        index -= 1
    if index < 0:
        return False
    given = doc[index].text
    for actor_id in label.actor_ids:
        actor = registry.get(actor_id)
        if actor is not None and given in {name.split()[0] for name in (actor.name, *actor.aliases)}:
            return True
    return False


def is_speaker(span: Span, rules: MatchRules) -> bool:
    """True when a verb of saying or asking directly follows the mention ("Pushilin said", "Pushilin asked"),
    also after the comma that closes a title and name in apposition ("the EU's foreign policy chief, Josep
    Borrell, said"), or a verb of saying precedes it and punctuation follows ("said Pushilin."; in "asked
    Putin" Putin is the one asked, in "said Putin was" what was said about)."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after == "," and span.end + 1 < len(doc) and any(token.text == "," for token in span):
        after = doc[span.end + 1].lower_
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    # "said Pushilin." speaks; in "Trudeau said Putin was making a mistake" Putin is what was said about
    closes = span.end >= len(doc) or doc[span.end].is_punct or doc[span.end].is_space
    return after in rules.acting_verbs or (before in rules.speech_verbs and closes)


def referent_of_sentence(
    drafts: list[MentionDraft], sentence: Span, rules: MatchRules, *, not_actor: Actor | None = None
) -> Actor | None:
    """The person a following "He"/"She" refers to: the sentence's speaker, else its opening subject; never
    `not_actor`, the speaker of a quotation the pronoun opens, who speaks of somebody else."""
    people = [d for d in drafts if d.actor.is_person]
    speakers = [draft for draft in people if is_speaker(draft.span, rules) and draft.actor != not_actor]
    if speakers:
        return speakers[0].actor
    opening = first_word(sentence)
    offset = opening.i if opening is not None else sentence.start
    if drafts and drafts[0].actor.is_person and drafts[0].span.start - offset <= 3:
        referent = named_in_apposition(drafts, people) or drafts[0].actor
        return None if referent == not_actor else referent
    return None


def quote_speaker(
    current: list[MentionDraft], previous: list[MentionDraft], rules: MatchRules, *, previous_start: int
) -> Actor | None:
    """Who speaks a quotation that opens a sentence: a person named as speaker in the sentence ("'He is
    trying ...,' Rubio said"), else the last one named as speaker outside quotation marks in the sentence
    before, whose quotation goes on ("... unprovoked," Biden said. "He rejected ..."; not Putin in "'When
    Putin threatened Finland and said ...,' says Veli Merentie")."""
    for draft in current:
        if draft.actor.is_person and is_speaker(draft.span, rules):
            return draft.actor
    for draft in reversed(previous):
        quoted = leaves_a_quotation_open(draft.span.doc[previous_start : draft.span.start].text)
        if draft.actor.is_person and not quoted and is_speaker(draft.span, rules):
            return draft.actor
    return None


def named_in_apposition(drafts: list[MentionDraft], people: list[MentionDraft]) -> Actor | None:
    """For a possessive opening ("Putin's spokesperson, Dmitry Peskov, said"), the person named after the
    comma that follows what the possessor has: the subject is Peskov, not Putin. Else None."""
    first = drafts[0].span
    doc = first.doc
    if first.end >= len(doc) or doc[first.end].lower_ not in ("'s", "’s"):
        return None
    for draft in people[1:]:
        gap = draft.span.start - first.end
        if 1 < gap <= 5 and doc[draft.span.start - 1].text == ",":
            return draft.actor
    return None


def resolve_pronouns(
    doc: Doc, drafts: list[MentionDraft], rules: MatchRules, ranges: list[tuple[int, int]]
) -> list[MentionDraft]:
    """Sentence-opening "He"/"She" resolved to the previous sentence's speaker or subject of that gender."""
    genders = dict(rules.pronouns)
    by_sentence: dict[int, list[MentionDraft]] = {}
    starts = [first for first, _ in ranges]
    for draft in drafts:
        by_sentence.setdefault(bisect.bisect_right(starts, draft.span.start) - 1, []).append(draft)
    # only sentences holding a pronoun at all can open with one: found on the token array at once
    pronoun_tokens = np.flatnonzero(np.isin(doc.to_array(ORTH), [hash_string(word) for word in genders]))
    openers = {bisect.bisect_right(starts, int(position)) - 1 for position in pronoun_tokens}
    added: list[MentionDraft] = []
    for index in sorted(openers - {-1, 0}):
        first = first_word(doc[slice(*ranges[index])])
        if first is None or first.text not in genders:
            continue
        # "'He is trying to change this country,' Rubio said": in quotation marks, the speaker talks of another
        previous, speaker = by_sentence.get(index - 1, []), None
        if opens_a_quotation(doc, ranges[index][0], first.i):
            speaker = quote_speaker(by_sentence.get(index, []), previous, rules, previous_start=ranges[index - 1][0])
        referent = referent_of_sentence(previous, doc[slice(*ranges[index - 1])], rules, not_actor=speaker)
        if referent is None or referent.gender not in ("", genders[first.text]):
            continue
        pronoun = MentionDraft(referent, doc[first.i : first.i + 1], "pronoun")
        by_sentence.setdefault(index, []).insert(0, pronoun)
        added.append(pronoun)
    return added


QUOTATION_MARKS = frozenset("\"'“”‘’`")


def opens_a_quotation(doc: Doc, start: int, first: int) -> bool:
    """True when a quotation mark stands between the sentence's start (token `start`) and its first word."""
    return any(set(token.text) <= QUOTATION_MARKS for token in doc[start:first])


def first_word(sentence: Span):
    """The first word of a sentence, skipping a live blog's "14:20 —" time stamp; None when there is none."""
    for token in sentence:
        if token.is_space or token.is_punct or any(character.isdigit() for character in token.text):
            continue
        return token
    return None


def draft_rows(article_id: str, drafts: Iterable[MentionDraft], sentence_starts: list[int]) -> list[tuple]:
    """Table rows for registry mentions; sentence ids found from character offsets."""
    rows = []
    for draft in drafts:
        start, end = draft.span.start_char, draft.span.end_char
        sentence_id = max(bisect.bisect_right(sentence_starts, start) - 1, 0)
        actor = draft.actor
        rows.append(
            (article_id, sentence_id, actor.id, actor.name, actor.type, draft.span.text, start, end, draft.method, True)
        )
    return rows


def find_mention_rows(
    article_id: str,
    doc: Doc,
    sentence_starts: list[int],
    *,
    matcher: ActorMatcher,
    ranges: list[tuple[int, int]] | None = None,
    text: str | None = None,
) -> list[tuple]:
    """Every actor mention in one parsed article as row tuples (BASE_MENTION_COLUMNS), in text order.

    Registry mentions are `registered=True`; actors missing from the registry come from the statistical NER
    model when one is loaded (method "ner"), else from the capitalised-name heuristic (method "candidate").
    `text` is the article text when the caller has it (doc.text rebuilds it token by token).
    """
    text = doc.text if text is None else text
    drafts, matched, surnames = resolve_phrases(doc, matcher)
    ranges = sentence_token_ranges(doc) if ranges is None else ranges
    drafts = drafts + resolve_pronouns(doc, drafts, matcher.rules, ranges)
    rows = draft_rows(article_id, drafts, sentence_starts)
    taken = [(span.start_char, span.end_char) for span in matched]
    if matcher.ner_model is not None:
        found = find_ner_mentions(article_id, text, taken, sentence_starts, model=matcher.ner_model)
    else:
        found = find_candidates(article_id, doc, taken, sentence_starts, rules=matcher.rules, text=text)
        found = with_first_full_names(found, text, taken, sentence_starts, rules=matcher.rules)
    # "Voters like Johnson" after "Gary Johnson": the surname is that person's, found in full below
    proposed = {(row[6], row[7]) for row in found}
    found += [
        unregistered_row(article_id, span.text, "person", span.start_char, span.end_char, sentence_starts, "candidate")
        for span in surnames
        if not any(start < span.end_char and span.start_char < end for start, end in proposed)
    ]
    rules = matcher.rules
    rows += with_full_names(
        found, text, honorific_genders=rules.honorific_genders, given_name_genders=rules.given_name_genders
    )
    return sorted(rows, key=lambda row: (row[6], row[7]))


def find_mentions(article_id: str, doc: Doc, sentence_starts: list[int], *, matcher: ActorMatcher) -> pd.DataFrame:
    """The mentions of one parsed article as a table (MENTION_COLUMNS without the sentiment columns)."""
    rows = find_mention_rows(article_id, doc, sentence_starts, matcher=matcher)
    return pd.DataFrame(rows, columns=list(BASE_MENTION_COLUMNS))
