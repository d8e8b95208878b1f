"""Who says what in one article: direct, partial and scare quotes and reported (indirect) speech, with speakers.

Kinds:
- direct: a quote that stands as a sentence or clause of its own ("…," X said / X said: "…");
- partial: a quoted fragment embedded in the author's sentence (would "constitute a violation");
- scare: an embedded quote of at most `max_scare_words` words (a "friendship" agreement);
- indirect: reported speech ("X said (that) …", "X denied …", "X accused Y of …", "according to X, …").
`text` is always article_text[start:end]. For quotes it is the words inside the marks without the comma or
full stop that news style puts before the closing mark; a quote that runs over paragraphs keeps the
paragraph break (and the re-opening mark) inside its text. For indirect speech it is the reported content,
from after the cue (and "that") to the end of the clause, without the final full stop.
A cue that attributes a direct or partial quote yields no indirect statement of its own.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

import pandas as pd

from analysis.attribution import (
    APPOSITION_PRONOUNS,
    DEFAULT_SPEECH_CUES,
    POSSESSIVE_ENDINGS,
    Cue,
    MentionRef,
    Speaker,
    SpeakerContext,
    SpeechCues,
    Token,
    find_cues,
    inside_any,
    is_headline_like,
    is_past_verb,
    load_speech_cues,
    name_between_commas,
    overlapping_mentions,
    resolve_pronoun,
    resolve_speaker,
    skip_back_to_subject,
    speaker_after,
    speaker_before,
    tokenize,
)
from analysis.candidates import full_names, gendered_full_name
from analysis.quote_spans import QuoteSpan, find_quote_spans
from analysis.registry import Registry
from analysis.schema import MENTION_COLUMNS, QUOTE_COLUMNS, SENTENCE_COLUMNS, UNREGISTERED_PREFIX
from analysis.spans import SpanIndex

POSSESSIVE_BEFORE_MARK = re.compile(r"['’]s ?$")

__all__ = [
    "BASE_QUOTE_COLUMNS",
    "DEFAULT_SPEECH_CUES",
    "QuoteDraft",
    "SpeechCues",
    "draft_quotes",
    "extract_quotes",
    "load_speech_cues",
    "quote_rows",
]

BASE_QUOTE_COLUMNS: tuple[str, ...] = tuple(
    c for c in QUOTE_COLUMNS if c not in ("article_id", "polarity", "subjectivity")
)
CLOSING_MARKS = "\"'”’»"
CONTENT_TRAILING = " \t\n,.;:—–―-"
HARD_BREAKS = frozenset({";", ":", "—", "–", "(", ")", "[", "]"})


class SentenceView:
    """One sentence: its id, offsets, the cues found outside quotes, and its tokens.

    The tokens are made on first use: most sentences hold no cue, and most of those are never read.
    """

    __slots__ = ("_pattern", "_text", "_tokens", "cues", "end", "sentence_id", "start")

    def __init__(self, sentence_id: int, start: int, end: int, *, text: str, pattern: re.Pattern[str]) -> None:
        self.sentence_id, self.start, self.end = sentence_id, start, end
        self._text, self._pattern = text, pattern
        self._tokens: tuple[Token, ...] | None = None
        self.cues: tuple[Cue, ...] = ()

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The sentence's tokens with offsets into the article text."""
        if self._tokens is None:
            self._tokens = tokenize(self._text, self.start, self.end, pattern=self._pattern)
        return self._tokens


@dataclass(frozen=True)
class ArticleView:
    """Everything the extractor reads from one article, computed once."""

    text: str
    sentences: tuple[SentenceView, ...]
    quotes: tuple[QuoteSpan, ...]
    quote_ranges: tuple[tuple[int, int], ...]  # open mark .. after the close mark, of every quote
    boundaries: tuple[tuple[int, int], ...]  # the same for quotes that end a clause ("…," / "….") inside the marks
    speakers: SpeakerContext
    cues: SpeechCues
    # start offset of each sentence, for `sentence_index_at`, the boundaries indexed for `token_floor` and the
    # quote ranges for `sentence_subject`: derived from `sentences`, `boundaries` and `quote_ranges`, never passed
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False, default=())
    boundary_index: SpanIndex = field(init=False, repr=False, compare=False, default_factory=lambda: SpanIndex(()))
    quote_index: SpanIndex = field(init=False, repr=False, compare=False, default_factory=lambda: SpanIndex(()))

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(sentence.start for sentence in self.sentences))
        object.__setattr__(self, "boundary_index", SpanIndex(self.boundaries))
        object.__setattr__(self, "quote_index", SpanIndex(self.quote_ranges))


@dataclass(frozen=True)
class Attribution:
    """A speaker and the cue that names it ("" and -1 when the speaker is inherited without a cue)."""

    speaker: Speaker
    cue: str = ""
    cue_start: int = -1


@dataclass(frozen=True)
class QuoteDraft:
    """One extracted quote or reported statement before it becomes a table row."""

    sentence_id: int
    start: int
    end: int
    kind: str
    cue: str = ""
    speaker: Speaker | None = None
    cue_start: int = -1  # offset of the attributing cue in the same sentence, -1 when none


def build_view(
    text: str,
    sentence_spans: Sequence[tuple[int, int, int]],
    mentions: Sequence[MentionRef],
    *,
    registry: Registry,
    cues: SpeechCues,
) -> ArticleView:
    """The article prepared for extraction: sentences with tokens and cues, quotes, mentions outside quotes."""
    quotes = tuple(find_quote_spans(text))
    ranges = tuple((quote.open_mark, quote.close_end) for quote in quotes)
    quoted = SpanIndex(ranges)
    sentences = []
    folded = cues.first_word_screen.fold(text) if cues.first_word_screen is not None else None
    for sentence_id, start, end in sorted(sentence_spans, key=lambda item: item[1]):
        sentence = SentenceView(sentence_id, start, end, text=text, pattern=cues.token_pattern)
        if cues.may_hold_cue(text, start, end, folded=folded):
            sentence.cues = find_cues(sentence.tokens, cues, blocked=tuple(quoted.overlapping(start, end)))
        sentences.append(sentence)
    outside = tuple(mention for mention in mentions if not quoted.holds(mention.start))
    starts = {sentence_id: start for sentence_id, start, _ in sentence_spans}
    speakers = SpeakerContext(text=text, mentions=outside, registry=registry, cues=cues, sentence_starts=starts)
    boundaries = tuple((q.open_mark, q.close_end) for q in quotes if ends_clause_inside(text, q))
    view = ArticleView(text, tuple(sentences), quotes, ranges, boundaries, speakers, cues)
    named = sorted((*outside, *speaker_name_mentions(view)), key=lambda mention: (mention.start, mention.end))
    return replace(view, speakers=replace(speakers, mentions=tuple(named)))


def ends_clause_inside(text: str, quote: QuoteSpan) -> bool:
    """True for a quote whose marks hold the punctuation that ends its clause ("…," / "…." / "…?")."""
    return quote.end < quote.inner_end or text[quote.end - 1] in "?!"


def speaker_name_mentions(view: ArticleView) -> list[MentionRef]:
    """Names next to a cue that no mention covers ("Lynch said"), as mentions, so pronouns find them: people,
    or organisations when a word like "Institute" or "Bureau" is in the name."""
    found: dict[tuple[int, int], MentionRef] = {}
    for sentence in view.sentences:
        for cue in sentence.cues:
            if cue.group in ("participles", "source_phrases"):
                continue
            for start, end in speaker_spans_near(view, sentence, cue, floor=token_floor(view, sentence, cue.start)):
                speaker = resolve_speaker((start, end), view.speakers)
                if speaker is None or not speaker.actor_id.startswith(UNREGISTERED_PREFIX):
                    continue
                if overlapping_mentions(view.speakers, start, end):
                    continue
                offsets = name_offsets(view.text, start, end, speaker.name)
                if offsets is None:  # a pronoun resolved to a name written elsewhere: no name here
                    continue
                name_start, name_end = offsets
                kind = "organisation" if view.cues.name_heads & set(speaker.name.lower().split()) else "person"
                found[(name_start, name_end)] = MentionRef(
                    sentence.sentence_id, speaker.actor_id, speaker.name, kind, name_start, name_end
                )
    return list(found.values())


def name_offsets(text: str, start: int, end: int, name: str) -> tuple[int, int] | None:
    """Offsets of a speaker's name inside the phrase text[start:end] ("Jeb Bush" in "Jeb Bush of Florida"),
    or None when the phrase does not hold it (a pronoun resolved to a person named earlier)."""
    if text.endswith(name, start, end):  # most names end their phrase
        return end - len(name), end
    position = text.find(name, start, end)
    if position >= 0:
        return position, position + len(name)
    found = re.search(r"\s+".join(map(re.escape, name.split())), text[start:end])
    return (start + found.start(), start + found.end()) if found else None


def sentence_index_at(view: ArticleView, position: int) -> int:
    """Index (into view.sentences) of the sentence holding `position`, else the last one starting before it."""
    return max(bisect.bisect_right(view.starts, position) - 1, 0)


def token_floor(view: ArticleView, sentence: SentenceView, position: int) -> int:
    """Index of the first token after the last clause-ending quote that closes before `position` in the sentence.

    Speakers and reported content never reach back across such a quote ("A," he said, "B.");
    a quoted phrase inside a clause (a "friendship" pact) is no boundary.
    """
    floor = 0
    boundaries = tuple(view.boundary_index.overlapping(sentence.start, position))
    if not boundaries:
        return floor
    for index, token in enumerate(sentence.tokens):
        if token.start >= position:
            break
        if inside_any(token.start, boundaries):
            floor = index + 1
    return floor


def attribute_cue(view: ArticleView, index: int, cue: Cue, *, floor: int) -> Attribution | None:
    """The speaker of a cue in sentence `index`, written before or after it; None when there is none.

    A participle (", accusing …") and a verb joined by "and" ("… and said …") take the sentence's speaker.
    """
    sentence = view.sentences[index]
    if cue.group == "participles":
        quoted = quoted_as_saying(view, sentence, cue)
        if quoted is not None:
            return quoted
        if opens_sentence(sentence, cue):  # "Accusing Norland of "genocide", Lind said …": Lind accuses
            found = main_clause_speaker(view, index, after=cue.end)
        else:
            found = sentence_speaker(view, index, before=cue.start)
        return Attribution(found.speaker, cue.text, cue.start) if found else None
    if cue.group == "source_phrases":
        found = speaker_after(sentence.tokens, cue, cues=view.cues)
        spans = [found] if found else []
    else:
        spans = speaker_spans_near(view, sentence, cue, floor=floor)
    speaker = next((s for s in (resolve_speaker(span, view.speakers) for span in spans) if s is not None), None)
    if speaker is None and cue.group == "source_phrases" and spans:
        # "according to" always names a source, even one that is no actor ("a database of shootings")
        speaker = Speaker("", view.text[spans[0][0] : spans[0][1]], *spans[0])
    if speaker is None and joined_by_and(view, sentence, cue, floor=floor):
        speaker = sentence_subject(view, index)
    return Attribution(speaker, cue.text, cue.start) if speaker else None


def quoted_as_saying(view: ArticleView, sentence: SentenceView, cue: Cue) -> Attribution | None:
    """The speaker between one of `quoting_verbs` and a participle cue ("Tass quoted Dmitry Peskov as saying",
    "Interfax quotes a source saying"): the one quoted, not the agency that quotes. Without "as" no comma may
    stand between them ("Peskov cited the attacks by Ukraine, saying …" is Peskov's). None when no quoting verb
    stands within `quoted_reach` tokens before the cue, or the words between name nobody."""
    tokens = sentence.tokens
    with_as = cue.first > 0 and tokens[cue.first - 1].lower == "as"
    end = cue.first - 1 if with_as else cue.first
    for start in range(end - 1, max(-1, end - 1 - view.cues.quoted_reach), -1):
        token = tokens[start]
        if ends_a_phrase(token) or (token.text == "," and not with_as):
            return None
        if token.lower in view.cues.quoting_verbs:
            last = end - 1
            while last > start and not tokens[last].is_word:
                last -= 1  # "quoted Peskov, the Kremlin's spokesman, as saying": no comma in the name
            if last <= start:
                return None
            speaker = resolve_speaker((tokens[start + 1].start, tokens[last].end), view.speakers)
            return Attribution(speaker, cue.text, cue.start) if speaker else None
    return None


def joined_by_and(view: ArticleView, sentence: SentenceView, cue: Cue, *, floor: int) -> bool:
    """True for the second verb of "X did this and said that" (auxiliaries and adverbs skipped)."""
    last = skip_back_to_subject(sentence.tokens, cue.first, floor=floor, cues=view.cues)
    return last >= floor and sentence.tokens[last].lower == "and"


def speaker_spans_near(view: ArticleView, sentence: SentenceView, cue: Cue, *, floor: int) -> list[tuple[int, int]]:
    """Candidate speaker phrases of a verb cue, best first: after it ("…, said X.") and before it ("X, the …, said").

    A name between commas right before the cue ("The Chinese president, Xi Jinping, warned the US president,
    Joe Biden, against …") is the subject, and comes first: the phrase after the cue is its object.
    """
    tokens = sentence.tokens
    spans = []
    # "…, said X.", "…, denied X." and '"…?" asked X.' name their speaker after the cue; after "accused" or
    # "called" stands the one accused or named ("…, Representative Coffman denounced Mr. Trump's remarks")
    if cue.group in INVERTING_GROUPS and (cue.first == floor or tokens[cue.first - 1].text == ","):
        after = speaker_after(tokens, cue, cues=view.cues)
        if after is not None and is_inverted_speaker(view, tokens, after):
            spans.append(after)
    before = speaker_before(tokens, cue, floor=floor, cues=view.cues)
    if before is None:
        return spans
    if spans and name_between_commas(tokens, cue.first - 1, floor=floor) is not None:
        return [before, *spans]
    return [*spans, before]


# the cue groups whose speaker may follow them
INVERTING_GROUPS = frozenset({"speech_verbs", "denial_verbs", "object_verbs", "quote_verbs"})


def is_inverted_speaker(view: ArticleView, tokens: tuple[Token, ...], span: tuple[int, int]) -> bool:
    """True when a phrase after a cue is its speaker: a short phrase without auxiliaries or a past-tense verb
    after a name that ends the clause. In "X, the governor of the region, said Moscow fired rockets at two
    towns" Moscow is what X said something about."""
    words = [token for token in tokens if span[0] <= token.start < span[1]]
    auxiliaries = view.cues.skip_before_cue | view.cues.passive_markers
    # in lowercase only: "said Will Doyle" names Doyle, where "said Moscow will respond" is a statement
    if len(words) > 7 or any(token.text in auxiliaries for token in words):
        return False
    if any(is_verb_after_name(view, first, second) for first, second in pairwise(words)):
        return False
    return ends_clause(view, tokens, span[1])


def is_verb_after_name(view: ArticleView, first: Token, second: Token) -> bool:
    """True for a lowercase word ending in -ed right after a capitalised one ("Moscow fired"), not a speaker
    noun ("NATO officials")."""
    return first.text[0].isupper() and second.text.islower() and second.lower.endswith("ed") and (
        second.lower not in view.cues.speaker_nouns
    )


def ends_clause(view: ArticleView, tokens: tuple[Token, ...], end: int) -> bool:
    """True when nothing but punctuation or an adjunct ("in a statement") follows the offset in the sentence."""
    following = [token for token in tokens if token.start >= end]
    return not following or not following[0].is_word or following[0].lower in view.cues.adjunct_words


def opens_sentence(sentence: SentenceView, cue: Cue) -> bool:
    """True when the cue is the sentence's first word (quotation marks and a live blog's time aside)."""
    return not any(token.is_word and token.text[0].isalpha() for token in sentence.tokens[: cue.first])


def main_clause_speaker(view: ArticleView, index: int, *, after: int) -> Attribution | None:
    """The speaker of the first verb cue after the comma that closes a sentence-opening participle phrase
    ("Calling Russian soldiers 'murderers', Zelenskiy said …"), or None."""
    sentence = view.sentences[index]
    comma = next((token.end for token in sentence.tokens if token.start >= after and token.text == ","), None)
    if comma is None:
        return None
    for cue in sentence.cues:
        if cue.start < comma or cue.group in ("participles", "source_phrases"):
            continue
        found = attribute_cue(view, index, cue, floor=token_floor(view, sentence, cue.start))
        if found is not None:
            return found
    return None


def sentence_speaker(view: ArticleView, index: int, *, before: int) -> Attribution | None:
    """The speaker of a sentence's words before `before`: that of its first verb cue there, else its subject
    (an actor at its start). A cue after it is in a later clause ("…, accusing them of backing figures
    Ankara says are terrorists": Ankara is not who accuses)."""
    sentence = view.sentences[index]
    for cue in sentence.cues:
        if cue.start >= before:
            break
        if cue.group in ("participles", "source_phrases"):
            continue
        floor = token_floor(view, sentence, cue.start)
        found = attribute_cue(view, index, cue, floor=floor)
        if found is not None:
            return found
    subject = sentence_subject(view, index)
    return Attribution(subject) if subject else None


def sentence_subject(view: ArticleView, index: int) -> Speaker | None:
    """The actor mentioned (or the pronoun) among the first four words of a sentence, outside quotes."""
    sentence = view.sentences[index]
    words = [token for token in sentence.tokens if token.is_word][:4]
    if not words:
        return None
    # "He stressed that Ukraine had …": the pronoun is the subject, not the actor after it; but in '"She didn't
    # like that," said a veteran' the pronoun is the quoted speaker's, and no subject of the sentence
    kind = view.cues.pronoun_kind(words[0].text) if not view.quote_index.holds(words[0].start) else ""
    if kind:
        return resolve_pronoun((words[0].start, words[0].end), kind, view.speakers)
    limit = words[-1].end
    for mention in overlapping_mentions(view.speakers, sentence.start, limit):
        if sentence.start <= mention.start:  # the first mention starting in the words
            return Speaker(mention.actor_id, mention.actor, mention.start, mention.end)
    return None


# ---- quotes in marks -------------------------------------------------------------------------------------


def tokens_before(view: ArticleView, sentence: SentenceView, quote: QuoteSpan) -> tuple[Token, ...]:
    """The sentence's tokens before the quote's opening mark, after any earlier quote in the sentence."""
    floor = token_floor(view, sentence, quote.open_mark)
    return tuple(token for token in sentence.tokens[floor:] if token.end <= quote.open_mark)


def is_standalone(view: ArticleView, sentence: SentenceView, quote: QuoteSpan) -> bool:
    """True when the quote is a sentence or clause of its own, not words inside the author's sentence.

    It stands alone at the start of a sentence, after a colon, after "<cue> …," and after a cue when it
    opens with a capital letter (Putin said "We will …").
    """
    before = tokens_before(view, sentence, quote)
    if not before:
        return True
    has_cue = any(cue.end <= quote.open_mark and cue.start >= before[0].start for cue in sentence.cues)
    last = before[-1]
    opens_capitalised = view.text[quote.start : quote.start + 1].isupper()
    if last.text == ":":
        return True
    if last.text == ",":
        return has_cue or opens_capitalised
    return has_cue and opens_capitalised and any(cue.end == last.end for cue in sentence.cues)


def quote_kind(view: ArticleView, quote: QuoteSpan) -> str:
    """direct, partial or scare (before looking at the speaker)."""
    sentence = view.sentences[sentence_index_at(view, quote.start)]
    if is_standalone(view, sentence, quote):
        return "direct"
    words = len(view.text[quote.start : quote.end].split())
    return "scare" if words <= view.cues.max_scare_words else "partial"


def cue_before_quote(view: ArticleView, index: int, quote: QuoteSpan) -> Attribution | None:
    """The nearest cue before the quote in its first sentence that has a speaker ("X said in a video, "…").

    "according to X" counts only when it opens the sentence; later in it, it attributes the words before it.
    """
    sentence = view.sentences[index]
    floor = token_floor(view, sentence, quote.open_mark)
    for cue in reversed(sentence.cues):
        if cue.group == "source_phrases" and cue.first > floor + 1:
            continue
        if cue.end <= quote.open_mark and cue.first >= floor:
            found = attribute_cue(view, index, cue, floor=floor)
            if found is not None:
                return found
    return None


def cue_after_quote(view: ArticleView, index: int, quote: QuoteSpan, *, max_distance: int) -> Attribution | None:
    """The first cue soon after the closing mark ("…," Pushilin said; "…," said X; "…" — X) that has a speaker.

    When the closing mark ends its sentence, a short next sentence may name the speaker ("We will." He said.).
    """
    found = cue_in_sentence_after(view, index, quote, max_distance=max_distance, next_sentence=False)
    if found is None and ends_sentence(view, index, quote) and index + 1 < len(view.sentences):
        found = cue_in_sentence_after(view, index + 1, quote, max_distance=4, next_sentence=True)
    return found


def cue_in_sentence_after(
    view: ArticleView, index: int, quote: QuoteSpan, *, max_distance: int, next_sentence: bool
) -> Attribution | None:
    """The attributing cue of a quote among the words of sentence `index` after its closing mark."""
    sentence = view.sentences[index]
    floor = next((i for i, token in enumerate(sentence.tokens) if token.start >= quote.close_end), None)
    if floor is None:
        return None
    if sentence.tokens[floor].text in view.cues.quote_dashes:
        return dash_attribution(view, index, floor)
    limit = quote_list_limit(view, quote.close_end)
    for cue in sentence.cues:
        if cue.first < floor or cue.first - floor > max_distance or cue.end > limit:
            continue
        if next_sentence and not looks_back(view, sentence, cue):
            continue  # "… The Guardian reported last year that …" is a statement of its own
        found = attribute_cue(view, index, cue, floor=floor)
        if found is not None:
            return found
    return None


def looks_back(view: ArticleView, sentence: SentenceView, cue: Cue) -> bool:
    """True when a cue in the sentence after a quote can name that quote's speaker: it ends its clause, opens
    no "that" statement of its own ("The Guardian reported last year that …") and introduces no words after a
    colon ("Boris Johnson said: …" is Johnson's next quote, not the one before it, which Joe Biden said)."""
    following = next((token for token in sentence.tokens if token.start >= cue.end), None)
    if following is not None and following.text == ":":
        return False
    return ends_clause(view, sentence.tokens, cue.end) and not that_follows(view, sentence, cue)


LIST_GAP = re.compile(r"[\s,]*(?:(?:and|or)\s+)?")


def quote_list_limit(view: ArticleView, position: int) -> int:
    """Where the next quote after `position` opens, past quotes listed with it: a cue after "'murderers',
    'butchers' and 'rapists', Zelenskiy said" names the speaker of all three; else the text's end."""
    for start, end in view.quote_ranges:
        if start < position:
            continue
        if LIST_GAP.fullmatch(view.text, position, start) is None:
            return start
        position = end
    return len(view.text)


def dash_attribution(view: ArticleView, index: int, dash: int) -> Attribution | None:
    """The speaker named after a dash that follows a quote ("…" ― Martha Ruiz), also when the splitter put
    the name in a sentence of its own."""
    tokens = view.sentences[index].tokens
    if dash == len(tokens) - 1 and index + 1 < len(view.sentences):
        tokens = (tokens[dash], *view.sentences[index + 1].tokens)
        dash = 0
    token = tokens[dash]
    cue = Cue("source_phrases", token.text, dash, dash + 1, token.start, token.end)
    span = speaker_after(tokens, cue, cues=view.cues)
    speaker = resolve_speaker(span, view.speakers) if span else None
    return Attribution(speaker, token.text, token.start) if speaker else None


def cue_right_after(view: ArticleView, index: int, quote: QuoteSpan) -> bool:
    """True when a cue is the first word after the quote's closing mark and any comma ('"…," said a harbour
    veteran', '"…", said …'): the quote names its speaker there, even one the rules cannot resolve, and takes
    none from the sentences before it."""
    sentence = view.sentences[index]
    floor = next((i for i, token in enumerate(sentence.tokens) if token.start >= quote.close_end), None)
    if floor is None:
        return False
    floor = skip_commas(sentence.tokens, floor)  # '"The port is open", said a harbour veteran'
    return any(cue.first == floor for cue in sentence.cues)


def ends_sentence(view: ArticleView, index: int, quote: QuoteSpan) -> bool:
    """True when no word of the quote's last sentence follows its closing mark."""
    sentence = view.sentences[index]
    return not any(token.is_word and token.start >= quote.close_end for token in sentence.tokens)


def inherited_attribution(view: ArticleView, index: int, earlier: Sequence[QuoteDraft]) -> Attribution | None:
    """The speaker of a quote with no cue of its own, from the sentence before it.

    In order: the speaker of a quote ending there ("…," he said. "…"), the speaker of a cue there
    ("X told reporters:" / "X said on Monday."), the actor the sentence is about ("X made a similar appeal.").
    """
    if index == 0:
        return None
    previous = view.sentences[index - 1]
    for draft in reversed(earlier):
        if draft.kind == "direct" and draft.speaker and previous.start <= draft.end <= previous.end + 2:
            return Attribution(draft.speaker, draft.cue)
    for cue in reversed(previous.cues):
        found = attribute_cue(view, index - 1, cue, floor=token_floor(view, previous, cue.start))
        if found is not None:
            return replace(found, cue_start=-1)
    subject = sentence_subject(view, index - 1)
    return Attribution(subject) if subject else None


def attribute_quote(view: ArticleView, quote: QuoteSpan, earlier: Sequence[QuoteDraft]) -> QuoteDraft:
    """The draft of one quote in marks: its kind, speaker and cue."""
    first = sentence_index_at(view, quote.start)
    last = sentence_index_at(view, max(quote.start, quote.end - 1))
    kind = quote_kind(view, quote)
    distance = view.cues.max_cue_distance
    if kind == "direct":
        found = cue_after_quote(view, last, quote, max_distance=distance) or cue_before_quote(view, first, quote)
        if found is None and not cue_right_after(view, last, quote):
            found = headline_speaker(view, first, quote) or inherited_attribution(view, first, earlier)
        if found is not None and not found.cue and is_short(view, quote):
            kind = "scare"
    elif kind == "partial":
        found = cue_before_quote(view, first, quote) or cue_after_quote(view, last, quote, max_distance=distance)
        found = found or headline_speaker(view, first, quote)
        found = found or possessive_attribution(view, quote) or subject_attribution(view, first)
    else:
        found = cue_before_quote(view, first, quote) or cue_after_quote(view, last, quote, max_distance=len(view.text))
        found = found or headline_speaker(view, first, quote) or possessive_attribution(view, quote)
    return QuoteDraft(
        sentence_id=view.sentences[first].sentence_id,
        start=quote.start,
        end=quote.end,
        kind=kind,
        cue=found.cue if found else "",
        speaker=found.speaker if found else None,
        cue_start=found.cue_start if found and kind != "scare" else -1,
    )


def headline_speaker(view: ArticleView, index: int, quote: QuoteSpan) -> Attribution | None:
    """The person a sentence opens with, before a colon, as the speaker of a quote after it, as headlines and
    transcripts write who speaks: "Graham: Trump's 'Incredibly Hateful Rhetoric'" is what Graham said, not
    Trump. A country or body there names a topic ("Ukraine: Putin's 'Special Operation' …") and speaks for
    nobody."""
    tokens = view.sentences[index].tokens
    first = next((position for position, token in enumerate(tokens) if token.is_word), None)
    if first is None:
        return None
    mentions = view.speakers.mentions
    position = bisect.bisect_left(view.speakers.index.starts, tokens[first].start)
    if position == len(mentions) or mentions[position].start != tokens[first].start:
        return None
    mention = mentions[position]
    colon = next((token for token in tokens[first:] if token.start >= mention.end), None)
    if mention.actor_type != "person" or colon is None or colon.text != ":" or colon.end > quote.open_mark:
        return None
    return Attribution(Speaker(mention.actor_id, mention.actor, mention.start, mention.end), ":", colon.start)


def is_short(view: ArticleView, quote: QuoteSpan) -> bool:
    """True for a quote of at most `max_scare_words` words."""
    return len(view.text[quote.start : quote.end].split()) <= view.cues.max_scare_words


def possessive_attribution(view: ArticleView, quote: QuoteSpan) -> Attribution | None:
    """The actor named in the possessive right before the quote: Biden's "minor incursion" is Biden's phrase."""
    possessive = POSSESSIVE_BEFORE_MARK.search(view.text, max(0, quote.open_mark - 3), quote.open_mark)
    if possessive is None:
        return None
    owner_end = possessive.start()
    for mention in view.speakers.mentions:
        if mention.end == owner_end:
            return Attribution(Speaker(mention.actor_id, mention.actor, mention.start, mention.end))
    return None


def subject_attribution(view: ArticleView, index: int) -> Attribution | None:
    """The sentence's subject as the speaker of a partial quote without a cue."""
    subject = sentence_subject(view, index)
    return Attribution(subject) if subject else None


def attribute_quotes(view: ArticleView) -> list[QuoteDraft]:
    """Drafts of every quote in marks, in order (a quote may take its speaker from the one before it)."""
    drafts: list[QuoteDraft] = []
    for quote in view.quotes:
        draft = attribute_quote(view, quote, drafts)
        if draft.kind == "direct" or not (is_title(view, quote) or unattributed_in_headline(view, draft, quote)):
            drafts.append(draft)
    return drafts


def unattributed_in_headline(view: ArticleView, draft: QuoteDraft, quote: QuoteSpan) -> bool:
    """True for a quoted fragment with no speaker in a headline ("Trump’s ‘Bad Angels’ Problem"): a phrase
    the headline borrows, not a statement anybody can be credited with."""
    return draft.speaker is None and in_headline(view, quote)


def in_headline(view: ArticleView, quote: QuoteSpan) -> bool:
    """True when the words around the quote, the quote itself left out, read as a headline (most words
    capitalised, no final full stop): the quote's own capitals do not count."""
    sentence = view.sentences[sentence_index_at(view, quote.start)]
    around = tuple(token for token in sentence.tokens if not quote.open_mark <= token.start < quote.close_end)
    return bool(around) and is_headline_like(around)


def is_title(view: ArticleView, quote: QuoteSpan) -> bool:
    """True for a quoted name in title case ("Meet the Press", "Make America Great Again"): a show, book,
    group or slogan, not somebody's words, unless a word like "titled" or "chanting" stands in the three
    words before it, or the sentence is a headline."""
    words = view.text[quote.start : quote.end].split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    small = view.cues.title_small_words
    if not all(word[:1].isupper() or not word[:1].isalpha() or word.lower() in small for word in words):
        return False
    before = view.text[max(0, quote.open_mark - 60) : quote.open_mark].split()[-3:]
    if any(word.lower().strip(",:") in view.cues.title_introducers for word in before):
        return False  # "a film titled ...", "labelled the plan ...", "called Clinton ..."
    # in a headline every word is capitalised: Sullivan Says Invasion "Could Happen as Soon as Tomorrow"
    return not in_headline(view, quote)


# ---- reported speech -------------------------------------------------------------------------------------


def trim_content(view: ArticleView, start: int, end: int) -> tuple[int, int] | None:
    """The content span without surrounding spaces and trailing punctuation; None when no word is left."""
    text = view.text
    while start < end and text[start] in CONTENT_TRAILING:
        start += 1
    while end > start and text[end - 1] in CONTENT_TRAILING:
        end -= 1
    if not any(char.isalnum() for char in text[start:end]):
        return None
    return start, end


def starts_new_clause(view: ArticleView, tokens: tuple[Token, ...], index: int) -> bool:
    """True when the comma at `index` opens a clause that ends reported content (", which …", ", accusing …")."""
    following_index = index + 1
    while following_index < len(tokens) and tokens[following_index].text in CLOSING_MARKS:
        following_index += 1
    if following_index >= len(tokens):
        return True
    following = tokens[following_index]
    if following.lower in view.cues.content_breaks:
        return True
    if following.lower == "and" and following_index + 1 < len(tokens):
        subject = tokens[following_index + 1].text
        if view.cues.pronoun_kind(subject) and subject.lower() not in view.cues.not_speakers | {"it"}:
            return True  # "…against Europe, and he called for more sanctions": a new statement of his own
    summed_up = following_index + 1 < len(tokens) and tokens[following_index + 1].lower in view.cues.summary_nouns
    if following.lower in ("a", "an") and summed_up:
        return True  # "…, a claim that could not be verified": the reporter's words about the statement
    participle = is_ing_form(following) and len(following.text) > 4
    return view.cues.break_at_participles and participle


def clause_end(view: ArticleView, sentence: SentenceView, first: int) -> int:
    """Offset where the clause that starts at token `first` ends: a hard break, a new clause or the sentence end."""
    tokens = sentence.tokens
    closing = closing_attribution(view, sentence)
    index = first
    while index < len(tokens):
        token = tokens[index]
        if token.text in HARD_BREAKS:
            return token.start
        if index == closing:
            return token.start  # "…, two sources told Reuters.", "…, AFP reported.": who reports it, not what
        if token.text == "," and starts_new_clause(view, tokens, index):
            resumed = resumed_after_apposition(view, tokens, first, index)
            if resumed is None:
                return token.start
            index = resumed  # "said Justice Department lawyers, who have long argued …, had agreed": one clause
        index += 1
    return sentence.end


def closing_attribution(view: ArticleView, sentence: SentenceView) -> int | None:
    """Index of the comma that opens the attribution ending the sentence, None when it has none: after the
    comma a speaker of at most `attribution_speaker_words` words (with no verb, no opener of `speaker_stop_words`
    or `not_attribution_openers`), the sentence's last verb of saying, then at most `attribution_tail_words` words
    and no comma but one before a participle ("…, two sources told Reuters.", "…, Tass reported, citing a
    source."; not "…, as Petra Holm said, was dead" nor "…, despite earlier reports.")."""
    tokens, cues = sentence.tokens, view.cues
    cue = next((cue for cue in reversed(sentence.cues) if cue.group == "speech_verbs"), None)
    if cue is None:
        return None
    tail = list(tokens[cue.last :])
    tail_comma = next((index for index, token in enumerate(tail) if token.text == ","), None)
    if tail_comma is not None:
        following = tail[tail_comma + 1] if tail_comma + 1 < len(tail) else None
        if following is None or not is_ing_form(following):
            return None  # "…, as Petra Holm said, was dead": the clause goes on
        tail = tail[:tail_comma]  # "…, Tass reported, citing a source."
    if sum(token.is_word for token in tail) > cues.attribution_tail_words:
        return None
    comma = next((index for index in range(cue.first - 1, -1, -1) if tokens[index].text == ","), None)
    if comma is None:
        return None
    speaker = [token for token in tokens[comma + 1 : cue.first] if token.is_word]
    if not 0 < len(speaker) <= cues.attribution_speaker_words:
        return None
    if speaker[0].lower in cues.speaker_stop_words | cues.not_attribution_openers:
        return None
    if any(is_verb_like(token.lower) for token in speaker):
        return None  # "…, fomented rebellion in the east and threatened …": a verb of its own, no speaker
    return comma


def resumed_after_apposition(view: ArticleView, tokens: tuple[Token, ...], first: int, comma: int) -> int | None:
    """When the content before the comma at `comma` is only its subject, a noun phrase of at most four words
    with no verb ("Justice Department lawyers", "Russia"), and a relative clause or a participle that is no cue
    follows it, the index of the comma that closes that and is followed by a lowercase word that can be the
    subject's verb ("…, who have long argued against it, had agreed", "Derkach, whose whereabouts were not made
    clear, set up"); else None. ", saying …" and ", urging …" stay new statements."""
    words = [token for token in tokens[first:comma] if token.is_word]
    if not words or len(words) > BARE_SUBJECT_WORDS or any(is_verb_like(token.lower) for token in words):
        return None
    if words[0].lower in view.cues.adjunct_words:
        return None  # "dismisses as a pretext, prompting …": an adjunct, no subject
    opener = tokens[comma + 1].lower if comma + 1 < len(tokens) else ""
    if opener not in APPOSITION_PRONOUNS and (not opener.endswith("ing") or opener in view.cues.by_first_word):
        return None
    for index in range(comma + 2, len(tokens) - 1):
        if tokens[index].text in HARD_BREAKS:
            return None
        following = tokens[index + 1]
        if tokens[index].text == "," and following.is_word and following.text.islower():
            # a cue there attributes what came before: "…, prompting a rise in prices, said the head of …"
            return None if following.lower in NOT_VERBS or following.lower in view.cues.by_first_word else index
    return None


BARE_SUBJECT_WORDS = 4
# lowercase words after the closing comma that do not go on with the subject's verb
NOT_VERBS = frozenset({"and", "or", "but", "the", "a", "an", "in", "on", "at", "to", "of", "for", "with", "from",
                       "by", "as", "which", "who", "whom", "whose", "that", "where", "when", "while", "according"})
AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "cannot", "could",
                         "should", "may", "might", "must", "do", "does", "did", "be", "been"})


def is_verb_like(word: str) -> bool:
    """True for an auxiliary (`is_auxiliary`) or a verb in the past (`is_past_verb`): a clause's verb rather than
    part of its subject ("the United States, which …" is a subject)."""
    return is_auxiliary(word) or is_past_verb(word)


def is_auxiliary(word: str) -> bool:
    """True for one of AUXILIARIES or a negated form ("cannot", "won't")."""
    return word in AUXILIARIES or word.endswith(("n't", "n’t"))


def ends_a_phrase(token: Token) -> bool:
    """True for a hard break (HARD_BREAKS) or a sentence's final mark: no phrase runs past it."""
    return token.text in HARD_BREAKS or token.text in ".!?"


def is_ing_form(token: Token) -> bool:
    """True for a lowercase word in -ing, as a participle is written ("citing", "marking")."""
    return token.text.islower() and token.text.endswith("ing")


def content_start(view: ArticleView, sentence: SentenceView, cue: Cue) -> int:
    """Token index where the reported content of a cue begins: after "that", times and audiences, or after a
    colon right after the cue that opens words not in quotation marks ("he said: And if the command comes …")."""
    tokens = sentence.tokens
    after_colon = cue.last + 1
    # a colon and words, not a link ("reports: https://…")
    if after_colon < len(tokens) and tokens[cue.last].text == ":" and tokens[after_colon].is_word:
        return after_colon if tokens[after_colon].lower not in ("http", "https", "www") else len(tokens)
    if cue.group in ("speech_verbs", "participles"):
        window = tokens[cue.last : cue.last + view.cues.that_window]
        opens_adjunct = bool(window) and window[0].lower in view.cues.adjunct_prepositions
        relative_seen = False  # a relative clause inside the phrase of place or time
        for offset, token in enumerate(window):
            if ends_a_phrase(token):
                break
            if token.lower != "that":
                continue
            that = cue.last + offset
            if opens_adjunct and not relative_seen and not adjunct_chain(view, tokens, cue.last, that):
                break  # "said in Moscow on Monday the ferries that Ukraine seized …": a relative clause of its subject
            if not relative_that(view, tokens, that, first=cue.last):
                return skip_commas(tokens, that + 1)
            if not opens_adjunct:
                break  # "said the report that was leaked shows that …": the statement starts at the cue
            relative_seen = True  # "said in an interview that aired on Sunday that …": the clause is the phrase's
    if cue.group in ("speech_verbs", "participles", "object_verbs"):
        after_adjunct = that_after_adjunct(view, tokens, cue.last)
        if after_adjunct is not None:
            return after_adjunct
    index = cue.last
    while index < len(tokens) and tokens[index].lower in view.cues.time_words:
        index += 1
    after = skip_audience(view, tokens, index)
    if after == index and cue.text in view.cues.audience_cues:
        return skip_named_audience(view, tokens, index)
    return after


def that_after_adjunct(view: ArticleView, tokens: tuple[Token, ...], first: int) -> int | None:
    """Index after the "that" that ends a chain of phrases of place or time right after a cue (`adjunct_chain`:
    "said in a court appearance outside Moscow on Wednesday that"), when it is no `relative_that`, within
    `adjunct_that_window` tokens; None when there is none."""
    cues = view.cues
    limit = min(len(tokens), first + cues.adjunct_that_window)
    that = next((index for index in range(first + 1, limit) if tokens[index].lower == "that"), None)
    if that is None or not adjunct_chain(view, tokens, first, that):
        return None
    return None if relative_that(view, tokens, that, first=first) else skip_commas(tokens, that + 1)


def adjunct_chain(view: ArticleView, tokens: tuple[Token, ...], first: int, end: int) -> bool:
    """True when tokens[first:end] are phrases of place or time: opening with one of `adjunct_prepositions`, with
    no verb and no break, and every determiner `inside_a_phrase` ("in a court appearance outside Moscow on
    Wednesday"; not "in Vesterby on Monday the old ferries", where "the" opens a subject)."""
    if first >= end or tokens[first].lower not in view.cues.adjunct_prepositions:
        return False
    for index in range(first + 1, end):
        token = tokens[index]
        if ends_a_phrase(token) or ("-" not in token.text and is_verb_like(token.lower)):
            return False  # "in a Baltimore Sun op-ed that …": a compound in -ed is no verb
        if token.lower in DETERMINERS and not inside_a_phrase(view, tokens, index):
            return False
    return True


DETERMINERS = frozenset({"the", "a", "an"})
COORDINATORS = frozenset({"and", "or"})


def after_a_noun(view: ArticleView, token: Token) -> bool:
    """True for a word that may end a noun phrase: not punctuation, a time word, an -ly adverb or a one-word
    audience ("said bluntly that wounded soldiers …", "told reporters that wounded soldiers …": no relative
    clause; "in an interview that aired …" is one)."""
    word = token.lower
    if not token.is_word or word in view.cues.time_words or word.endswith("ly"):
        return False
    return (word,) not in view.cues.audience_words


def inside_a_phrase(view: ArticleView, tokens: tuple[Token, ...], index: int) -> bool:
    """True for the determiner at `index` after one of `phrase_prepositions`, "and"/"or", a comma or an -ing word,
    or inside a capitalised name ("on NBC's ''Meet the Press'' on Sunday"); not one that opens a subject ("on
    Monday the old ferries")."""
    previous = tokens[index - 1]
    if previous.lower in view.cues.phrase_prepositions | COORDINATORS or previous.text == ",":
        return True  # "after consultation with Germany and the …", "on Sunday, the first anniversary, that …"
    if is_ing_form(previous):
        return True  # "in a speech marking the first anniversary of the invasion that …"
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return previous.text[:1].isupper() and following is not None and following.text[:1].isupper()


def relative_that(view: ArticleView, tokens: tuple[Token, ...], index: int, *, first: int) -> bool:
    """True when the "that" at `index` opens no statement: a verb (or nothing) follows it, so that it is a
    relative pronoun ("the report that was published") or the statement's subject ("said that was wrong").

    An auxiliary is such a verb. A word in -ed is one after a noun ("an approach that exploited …"), but not
    right after the cue at `first` or a time word ("said that occupied territories …", "said on Monday that
    sanctioned banks …"), and after phrases of place or time (`adjunct_chain`) only before a determiner, a
    number, an -ing word or one of `phrase_prepositions` ("in a speech that included comparing …"; not "in a
    statement that sanctioned banks …").
    """
    if index + 1 >= len(tokens):
        return True
    word = tokens[index + 1].lower
    if is_auxiliary(word):
        return True
    if not is_past_verb(word) or index == first or not after_a_noun(view, tokens[index - 1]):
        return False
    if not adjunct_chain(view, tokens, first, index):
        return True
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    return after is None or after.lower in DETERMINERS or after.lower.endswith("ing") or (
        after.text[:1].isdigit() or after.lower in view.cues.phrase_prepositions)


def skip_named_audience(view: ArticleView, tokens: tuple[Token, ...], index: int) -> int:
    """Index after the named audience of "told" ("the Associated Press", "Breitbart News") when what follows it
    opens the statement: a pronoun, "that" or "to" ("told AFP she returned home", "told the Guardian on
    Thursday he believed"); else `index`."""
    start = index + 1 if index < len(tokens) and tokens[index].lower == "the" else index
    end = start
    while end < len(tokens) and tokens[end].is_word and tokens[end].text[0].isupper():
        end += 1
    if end == start:
        return index
    cues = view.cues
    while end < len(tokens) and (tokens[end].lower in cues.time_words or tokens[end].lower in cues.time_phrase_words):
        end += 1  # "told the Guardian on Thursday he …", "told MPs last week she …"
    if end < len(tokens) and tokens[end].lower == "that":
        return end + 1
    if end < len(tokens) and (cues.pronoun_kind(tokens[end].text) or tokens[end].lower in cues.statement_openers):
        return end
    return index


def skip_commas(tokens: tuple[Token, ...], index: int) -> int:
    """Index of the first token from `index` on that is not a comma ("said that, if elected, ...")."""
    while index < len(tokens) and tokens[index].text == ",":
        index += 1
    return index


def skip_audience(view: ArticleView, tokens: tuple[Token, ...], index: int) -> int:
    """Index after an audience phrase ("reporters", "a news conference") starting at `index`, else `index`."""
    for words in view.cues.audience_words:
        window = tokens[index : index + len(words)]
        if tuple(token.lower for token in window) == words:
            return index + len(words)
    return index


def content_after(view: ArticleView, sentence: SentenceView, cue: Cue) -> tuple[int, int] | None:
    """The reported content after a cue, or None when the clause ends right there."""
    first = content_start(view, sentence, cue)
    if first >= len(sentence.tokens) or not sentence.tokens[first].is_word:
        return None
    end = clause_end(view, sentence, first)
    if in_opening_subordinate(view, sentence, cue):
        end = min(end, next((token.start for token in sentence.tokens[first:] if is_clause_comma(view, token)), end))
    words = [token for token in sentence.tokens[first:] if token.start < end and token.is_word]
    if opens_an_adjunct(view, cue, words[0]) and only_an_adjunct(words):
        return None  # "said on Twitter.", "testified for the first time about her arrest,": no statement
    if says_only_how_long(view, words) or accuses_only(view, cue, words):
        return None
    told = cue.text in view.cues.audience_cues and first == cue.last and not any(w.lower == "to" for w in words)
    if told and len(words) <= SHORT_ADJUNCT + 1 and (words[-1].text[0].isupper() or is_outlet(view, words)):
        return None  # "told the Russian journalist Ksenia Sobchak.": whom it was told, no statement
    return trim_content(view, sentence.tokens[first].start, end)


SHORT_ADJUNCT = 4  # "said on Twitter", "said in a statement", "said on Monday night": no content
LONG_ADJUNCT = 8  # words at most of adjunct phrases with no verb: "for the first time about her arrest"


def opens_an_adjunct(view: ArticleView, cue: Cue, word: Token) -> bool:
    """True for one of `adjunct_words` that opens no content, or after a verb of saying one of `speech_adjuncts`."""
    cues = view.cues
    return word.lower in cues.adjunct_words - cues.content_adjuncts or (
        cue.group == "speech_verbs" and word.lower in cues.speech_adjuncts
    )


def only_an_adjunct(words: list[Token]) -> bool:
    """True for content that opens with an adjunct word and is no clause: at most SHORT_ADJUNCT words, or at
    most LONG_ADJUNCT without a verb ("testified for the first time about her arrest, telling …"; not "said on
    Monday the first guns had arrived")."""
    if len(words) <= SHORT_ADJUNCT:
        return True
    return len(words) <= LONG_ADJUNCT and not any(is_verb_like(word.lower) for word in words)


def in_opening_subordinate(view: ArticleView, sentence: SentenceView, cue: Cue) -> bool:
    """True when the sentence opens with one of `subordinators` and no comma stands before the cue: the cue is
    in that opening clause ("After Mr. Blinken said he was ready to talk, Russian officials indicated …")."""
    words = [token for token in sentence.tokens[: cue.first] if token.is_word]
    if not words or words[0].lower not in view.cues.subordinators:
        return False
    return not any(token.text == "," for token in sentence.tokens[: cue.first])


def says_only_how_long(view: ArticleView, words: list[Token]) -> bool:
    """True for content that only says for how long: "has been saying for months", "since last year"."""
    cues = view.cues
    return len(words) <= SHORT_ADJUNCT and words[0].lower in cues.duration_openers and words[-1].lower in (
        cues.duration_words | cues.time_words
    )


def accuses_only(view: ArticleView, cue: Cue, words: list[Token]) -> bool:
    """True for an accusation verb followed only by whom it accuses ("NATO criticised Russia."): no reason
    (`accusation_reasons`), at most three words."""
    if cue.group != "accusation_verbs" or len(words) > 3:
        return False
    return not any(word.lower in view.cues.accusation_reasons for word in words)


def is_clause_comma(view: ArticleView, token: Token) -> bool:
    """True for a comma that can close a clause: not one inside a number ("2,400") or before a closing
    quotation mark ('he "loves China," and')."""
    if token.text != ",":
        return False
    text = view.text
    following = text[token.end : token.end + 1]
    in_number = token.start > 0 and text[token.start - 1].isdigit() and following.isdigit()
    return not in_number and not (following and following in CLOSING_MARKS)


def is_outlet(view: ArticleView, words: list[Token]) -> bool:
    """True for words after "told" that name a news outlet by what it is: "the Nice-Matin regional daily",
    "the state broadcaster" (a determiner first, one of `outlet_nouns` last)."""
    return words[0].lower in view.cues.determiners and words[-1].lower in view.cues.outlet_nouns


def starts_with_adjunct(view: ArticleView, sentence: SentenceView, span: tuple[int, int]) -> bool:
    """True when content opens with an adjunct word ("in a statement", "on Monday"), not a statement."""
    first = next((token for token in sentence.tokens if token.start >= span[0]), None)
    return first is not None and first.lower in view.cues.adjunct_words


def content_before(view: ArticleView, sentence: SentenceView, position: int, *, floor: int) -> tuple[int, int] | None:
    """The words from the clause start (after any quote) up to `position`, without the comma before it."""
    tokens = sentence.tokens
    start = tokens[floor].start if floor < len(tokens) else sentence.start
    return trim_content(view, start, position) if start < position else None


def preceding_word(sentence: SentenceView, position: int) -> str:
    """The lowercase token right before an offset in the sentence ("" at its start)."""
    before = [token for token in sentence.tokens if token.end <= position]
    return before[-1].lower if before else ""


def reported_content(
    view: ArticleView, sentence: SentenceView, cue: Cue, speaker: Speaker, earlier: Sequence[QuoteDraft]
) -> tuple[int, int] | None:
    """The content of a reported statement.

    After the cue ("X said (that) …"); before it when the speaker follows the cue or the cue ends the
    sentence after a comma ("…, X said (in a statement)."); around a parenthetical ("A, X said, B"); or
    the antecedent of a relative clause (", which Kyiv has denied").
    """
    floor = token_floor(view, sentence, cue.start)
    if speaker.start >= cue.end:
        return content_before(view, sentence, cue.start, floor=floor)
    opener = preceding_word(sentence, min(speaker.start, cue.start))
    after = content_after(view, sentence, cue)
    if (
        after is not None
        and opener == ","
        and cue.group == "speech_verbs"
        and starts_with_adjunct(view, sentence, after)
        and not that_follows(view, sentence, cue)  # "…, Johnson said that while …": the statement follows
    ):
        after = None
    if after is not None and cue.text in view.cues.needs_that and not that_follows(view, sentence, cue):
        return None  # "responded by blocking", "maintained his lead": an act, not a statement
    if after is not None:
        return after
    if cue.group == "accusation_verbs":
        return None  # "Citing a theory, Trump accused Rafael Cruz": the words before are no accusation
    if opener in ("which", "that") and earlier:
        return earlier[-1].start, earlier[-1].end
    if opener == "," and is_parenthetical(view, sentence, cue):
        return parenthetical_content(view, sentence, cue, floor=floor)
    if opener == "," or opener in ("which", "that"):
        span = content_before(view, sentence, min(speaker.start, cue.start), floor=floor)
        if span is not None and opener == "," and is_introductory(view.text[span[0] : span[1]], view.cues):
            return None  # "Amid the diplomatic spat, Israel announced …": a phrase of time or place, no statement
        return without_speaker_title(view, span) if span is not None and opener == "," else span
    return None


TITLE_APPOSITION_WORDS = 8  # "the governor for the area", "Ukraine's deputy foreign minister": at most so long


def without_speaker_title(view: ArticleView, span: tuple[int, int]) -> tuple[int, int] | None:
    """Content before a speaker in commas without the speaker's title, which ends it after a comma: in "The
    strike killed two people, the region's governor, Oleh Syniehubov, said" the statement ends at "people".
    The title opens with a determiner or a possessive and ends with one of `title_words`, or has one before
    "for", "of", "at" or "in" ("the governor for the area"); "…, the U.S. Department of Justice can step in"
    is no title."""
    text = view.text
    comma = text.rfind(",", span[0], span[1])
    if comma < 0:
        return span
    words = [word.lower() for word in text[comma + 1 : span[1]].split()]
    if not words or len(words) > TITLE_APPOSITION_WORDS:
        return span
    opens = words[0] in view.cues.determiners or words[0].endswith(POSSESSIVE_ENDINGS)
    heads = [word for word, following in itertools.pairwise(words) if following in TITLE_LINKS]
    titled = any(word in view.cues.title_words for word in (words[-1], *heads))
    return trim_content(view, span[0], comma) if opens and titled else span


TITLE_LINKS = frozenset({"for", "of", "at", "in"})  # "the governor for the area": a title goes on after these


def is_introductory(content: str, cues: SpeechCues) -> bool:
    """True for words before "…, X said" that are only an opening phrase of time, place or circumstance: they
    open with one of `introductory_openers` and hold no comma ("On Saturday", "In the south", "Since
    Russia's invasion of Ukraine in late February"), where "In the long run, sanctions will work" is a
    statement."""
    words = content.lower().split()
    if not words or words[0] not in cues.introductory_openers or "," in content:
        return False
    return " ".join(words[:2]) not in cues.quantity_phrases  # "At least seven people were killed"


def that_follows(view: ArticleView, sentence: SentenceView, cue: Cue) -> bool:
    """True when "that" comes right after the cue, past commas, times, adjunct words and an audience
    ("maintained on Monday that …"), not later in the clause ("maintained a lead in polls that showed …")."""
    tokens, index, skipped = sentence.tokens, cue.last, view.cues.time_words | view.cues.adjunct_words
    while index < len(tokens) and (tokens[index].text == "," or tokens[index].lower in skipped):
        index += 1
    index = skip_audience(view, tokens, index)
    return index < len(tokens) and tokens[index].lower == "that"


def is_parenthetical(view: ArticleView, sentence: SentenceView, cue: Cue) -> bool:
    """True for ", X said, " inside a statement, i.e. a comma after the cue that opens no new clause."""
    tokens = sentence.tokens
    index = content_start(view, sentence, cue)
    return index < len(tokens) - 1 and tokens[index].text == "," and not starts_new_clause(view, tokens, index)


def parenthetical_content(view: ArticleView, sentence: SentenceView, cue: Cue, *, floor: int) -> tuple[int, int] | None:
    """The whole statement around ", X said, ", from the clause start to the end of the clause after it."""
    tokens = sentence.tokens
    first = content_start(view, sentence, cue) + 1
    start = tokens[floor].start if floor < len(tokens) else sentence.start
    return trim_content(view, start, clause_end(view, sentence, first))


def according_content(view: ArticleView, sentence: SentenceView, cue: Cue, speaker: Speaker) -> tuple[int, int] | None:
    """Content of "According to X, …" (after the comma that closes X) or "…, according to X" (before the cue)."""
    floor = token_floor(view, sentence, cue.start)
    if cue.first > floor + 1:
        before = content_before(view, sentence, cue.start, floor=floor)
        if before is None or not is_opening_adjunct(view.text[before[0] : before[1]], view.cues):
            return before
        # "So far, according to Ukrainian officials, the frontline … is still holding": what follows is said
        return content_after_source(view, sentence, cue, speaker) or before
    return content_after_source(view, sentence, cue, speaker)


def content_after_source(
    view: ArticleView, sentence: SentenceView, cue: Cue, speaker: Speaker
) -> tuple[int, int] | None:
    """The content after the comma that closes the source of "according to"."""
    tokens = sentence.tokens
    # the comma after the speaker: "According to the governor, Oleksandr Starukh, Russian forces have …"
    after = range(cue.last, len(tokens))
    comma = next((i for i in after if tokens[i].text == "," and tokens[i].start >= speaker.end), None)
    first = comma + 1 if comma is not None else next((i for i, t in enumerate(tokens) if t.start >= speaker.end), None)
    if first is None or first >= len(tokens):
        return None
    return trim_content(view, tokens[first].start, clause_end(view, sentence, first))


def is_opening_adjunct(content: str, cues: SpeechCues) -> bool:
    """True for words before a mid-sentence "according to" that only open the sentence: at most three, with no
    verb, the first one of `introductory_openers` or `leading_links` ("So far", "On Monday"; not "Prices rose")."""
    words = [word.strip(",").lower() for word in content.split()]
    if not 0 < len(words) <= OPENING_ADJUNCT_WORDS or any(is_verb_like(word) for word in words):
        return False
    return words[0] in cues.introductory_openers or words[0] in cues.leading_links


OPENING_ADJUNCT_WORDS = 3


def reported_statement(view: ArticleView, index: int, cue: Cue, earlier: Sequence[QuoteDraft]) -> QuoteDraft | None:
    """The indirect statement a cue introduces, or None when it has no speaker or no content."""
    sentence = view.sentences[index]
    if is_negated_cue(sentence, cue, view.cues):
        return None
    found = attribute_cue(view, index, cue, floor=token_floor(view, sentence, cue.start))
    if found is None:
        return None
    if cue.group == "source_phrases":
        span = according_content(view, sentence, cue, found.speaker)
    else:
        span = reported_content(view, sentence, cue, found.speaker, earlier)
    if span is None:
        return None
    return QuoteDraft(sentence.sentence_id, span[0], span[1], "indirect", found.cue, found.speaker, cue.start)


def is_negated_cue(sentence: SentenceView, cue: Cue, cues: SpeechCues) -> bool:
    """True when a cue is negated ("has not yet declared", "never said", "didn't say"): it reports that no
    statement was made. One of `cue_negators`, or a word ending in "n't", stands before it, past `negation_skips`
    and -ly adverbs only."""
    index = cue.first - 1
    tokens = sentence.tokens
    while index >= 0 and (tokens[index].lower in cues.negation_skips or tokens[index].lower.endswith("ly")):
        index -= 1
    if index < 0:
        return False
    word = tokens[index].lower
    return word in cues.cue_negators or word.endswith(("n't", "n’t"))


def find_reported(view: ArticleView, *, used: frozenset[int]) -> list[QuoteDraft]:
    """Indirect statements of every cue that does not attribute a quote in marks."""
    drafts: list[QuoteDraft] = []
    for index, sentence in enumerate(view.sentences):
        in_sentence: list[QuoteDraft] = []
        for cue in sentence.cues:
            if cue.start in used or cue.group == "naming_verbs":
                continue
            draft = reported_statement(view, index, cue, in_sentence)
            if draft is not None:
                in_sentence.append(draft)
        drafts.extend(in_sentence)
    return drafts


# ---- entry points ----------------------------------------------------------------------------------------


def draft_quotes(
    text: str,
    sentence_spans: Sequence[tuple[int, int, int]],
    mentions: Sequence[MentionRef],
    *,
    registry: Registry,
    cues: SpeechCues,
) -> list[QuoteDraft]:
    """Every quote and reported statement of an article, in text order.

    `sentence_spans` are (sentence_id, start, end); `mentions` the article's actor mentions. Speaker
    phrase offsets are kept on each draft (Speaker.start/end) for evaluation.
    """
    view = build_view(text, sentence_spans, mentions, registry=registry, cues=cues)
    quoted = attribute_quotes(view)
    used = frozenset(
        draft.cue_start for draft in quoted if draft.kind in ("direct", "partial") and draft.cue_start >= 0
    )
    reported = find_reported(view, used=used)
    return with_full_speaker_names(sorted(quoted + reported, key=lambda draft: (draft.start, draft.end)), view)


def with_full_speaker_names(drafts: list[QuoteDraft], view: ArticleView) -> list[QuoteDraft]:
    """Drafts whose unregistered speaker, named by surname alone, takes the full name the article gives
    elsewhere ("Haidai said" after "Serhiy Haidai"), so the two count as one speaker."""
    named = [d.speaker.name for d in drafts if d.speaker and d.speaker.actor_id.startswith(UNREGISTERED_PREFIX)]
    if all(" " in name for name in named):  # no speaker named by one word: nothing to look up
        return drafts
    named += [
        m.actor
        for m in view.speakers.mentions
        if m.actor_id.startswith(UNREGISTERED_PREFIX) and m.actor_type == "person"
    ]
    cues = view.cues
    full = full_names(named, view.text, honorific_genders=cues.honorific_genders)
    people = [name for name in named if " " in name]
    genders = (dict(cues.honorific_genders), dict(cues.given_name_genders))
    renamed = []
    for draft in drafts:
        speaker = draft.speaker
        if speaker is None or not speaker.actor_id.startswith(UNREGISTERED_PREFIX) or " " in speaker.name:
            renamed.append(draft)
            continue
        # "Mrs. Trump said" after "Donald J. Trump" and "Melania Trump": the one of her gender
        surname_at = view.text.rfind(speaker.name, speaker.start, speaker.end)  # after "Mrs." in "Mrs. Trump"
        name = full.get(speaker.name)
        if name is None and surname_at >= 0:
            name = gendered_full_name(speaker.name, surname_at, view.text, people, genders)
        renamed.append(replace(draft, speaker=replace(speaker, actor_id=UNREGISTERED_PREFIX + name, name=name))
                       if name else draft)
    return renamed


def mention_refs(mentions: pd.DataFrame) -> tuple[MentionRef, ...]:
    """MentionRefs from a mentions table (MENTION_COLUMNS, any extra columns ignored)."""
    if mentions.empty:
        return ()
    columns = ["sentence_id", "actor_id", "actor", "actor_type", "start", "end"]
    return tuple(
        MentionRef(int(sid), str(aid), str(name), str(kind), int(start), int(end))
        for sid, aid, name, kind, start, end in mentions[columns].itertuples(index=False)
    )


def draft_rows(drafts: Sequence[QuoteDraft], text: str) -> list[tuple]:
    """Table rows (BASE_QUOTE_COLUMNS) for drafts, numbered in order."""
    rows = []
    for quote_id, draft in enumerate(drafts):
        speaker_id = draft.speaker.actor_id if draft.speaker else ""
        speaker = draft.speaker.name if draft.speaker else ""
        rows.append(
            (
                quote_id,
                draft.sentence_id,
                speaker_id,
                speaker,
                text[draft.start : draft.end],
                draft.kind,
                draft.cue,
                draft.start,
                draft.end,
            )
        )
    return rows


def extract_quotes(
    text: str,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    registry: Registry,
    cues: SpeechCues,
) -> pd.DataFrame:
    """The quotes of one article (QUOTE_COLUMNS without article_id, polarity, subjectivity), in text order.

    speaker_id is a registry id, "unregistered:<name>" for a capitalised name outside the registry, or ""
    (with `speaker` holding the raw phrase, e.g. "a senior official", or "" when nobody is named).
    """
    spans = [
        (int(sid), int(start), int(end))
        for sid, start, end in sentences[["sentence_id", "start", "end"]].itertuples(index=False)
    ]
    drafts = draft_quotes(text, spans, mention_refs(mentions), registry=registry, cues=cues)
    return pd.DataFrame(draft_rows(drafts, text), columns=list(BASE_QUOTE_COLUMNS))


def quote_rows(
    article_id: str,
    text: str,
    sentence_rows: Sequence[tuple],
    mention_rows: Sequence[tuple],
    *,
    registry: Registry,
    cues: SpeechCues,
) -> list[tuple]:
    """Full-width quote rows (QUOTE_COLUMNS, polarity/subjectivity NaN) from the pipeline's row tuples.

    `sentence_rows` and `mention_rows` are in SENTENCE_COLUMNS / MENTION_COLUMNS order (the sentiment
    columns may be missing), as analysis.pipeline passes them between stages.
    """
    sid, start, end = (SENTENCE_COLUMNS.index(name) for name in ("sentence_id", "start", "end"))
    spans = [(row[sid], row[start], row[end]) for row in sentence_rows]
    fields = [
        MENTION_COLUMNS.index(name) for name in ("sentence_id", "actor_id", "actor", "actor_type", "start", "end")
    ]
    mentions = [MentionRef(*(row[index] for index in fields)) for row in mention_rows]
    drafts = draft_quotes(text, spans, mentions, registry=registry, cues=cues)
    nan = float("nan")
    return [(article_id, *row, nan, nan) for row in draft_rows(drafts, text)]
