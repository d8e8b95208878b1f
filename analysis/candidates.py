"""Actors missing from the registry: statistical NER when a model is installed, else a capitalised-name heuristic.

The heuristic (no model needed) proposes a run of 1-4 capitalised words as a name candidate when
- a title word comes right before it ("Minister Ivan Petrov", "spokeswoman Anna Smirnova"), or
- a verb of saying, asking, accusing or denying (data/speech_cues.yaml) comes right after or right before
  it ("Ivan Petrov said", "said Ivan Petrov", "accused Ivan Petrov"; 2+ words), or
- it opens an apposition: "Ivan Petrov, the head of ..." (2+ words), or
- it opens with a common given name (`given_name_genders` in data/speech_cues.yaml: "Ben Carson", 2+ words), or
- it stands between commas after a title word: "the region's governor, Anton Alikhanov," (2+ words).
Runs that overlap a registry match, start with a sentence opener or month ("The", "Monday"), or sit at
the very start of a sentence with one word only are not proposed. Candidates are `registered=False` with
method "candidate" so users can see who is missing from the registry and add them. A surname found alone
("Ms. Griner") takes the full name the article gave first ("Brittney Griner"; see `with_first_full_names`
and `with_full_names`). A headline names people by surname before the body names them in full ("Polls miss
Trump's fall" over "Donald J. Trump was at the top"), so a surname alone in the headline does not count as
the first naming (`headline_end`, `is_headline_surname`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, IS_UPPER, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from analysis.schema import UNREGISTERED_PREFIX
from analysis.sentences import is_headline_case

if TYPE_CHECKING:
    from analysis.mentions import MatchRules

NER_TYPES: dict[str, str] = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group"}
NAME_CONNECTORS: frozenset[str] = frozenset({"von", "der", "van", "de", "da", "al", "bin", "le", "la"})
MAX_NAME_TOKENS = 4
HEADLINE_MAX_WORDS = 30  # a longer first paragraph is the body's first, not a headline


def overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """True when [start, end) overlaps any of the taken character spans (sorted by start, not overlapping)."""
    position = bisect.bisect_left(taken, (end, end))
    return position > 0 and taken[position - 1][1] > start


def unregistered_row(
    article_id: str, name: str, kind: str, start: int, end: int, sentence_starts: list[int], method: str
) -> tuple:
    """A mentions-table row for an actor outside the registry."""
    sentence_id = max(bisect.bisect_right(sentence_starts, start) - 1, 0)
    return (article_id, sentence_id, UNREGISTERED_PREFIX + name, name, kind, name, start, end, method, False)


def full_names(names: Iterable[str], text: str, *, honorific_genders: Sequence[tuple[str, str]] = ()) -> dict[str, str]:
    """Surname -> the full name it stands for in this article ("Haidai" -> "Serhiy Haidai").

    Only where one name of two or more words ends in the surname and the surname's first appearance in the
    text is inside that name: news style names a person in full first. "Clinton" first seen alone, or
    ending both "Bill Clinton" and "Hillary Clinton", maps to nobody; nor does a surname written after the
    honorifics of both a man and a woman ("Mr. Clinton" and "Mrs. Clinton": `honorific_genders`, pairs of
    honorific and gender), which names two people.
    """
    names = list(names)
    surnames = {name for name in names if len(name.split()) == 1 and len(name) > 1}  # only these need one
    found: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) > 1 and words[-1] in surnames:
            found.setdefault(words[-1], set()).add(name)
    mapping = {}
    for last, full in found.items():
        (name,) = full if len(full) == 1 else (one_persons_first_name(full, text),)
        if name is not None and first_seen_in(last, name, text) and not names_a_couple(last, text, honorific_genders):
            mapping[last] = name
    return mapping


def one_persons_first_name(names: set[str], text: str) -> str | None:
    """Of several full names with one surname that are one person's (`one_person`: "Donald J. Trump" and
    "Donald Trump"), the one written first; None for two people ("Bill Clinton" and "Hillary Clinton")."""
    if not one_person({name.rsplit(" ", 1)[0] for name in names}):
        return None
    return min(names, key=lambda name: (text.find(name), name))


def names_a_couple(surname: str, text: str, honorific_genders: Sequence[tuple[str, str]]) -> bool:
    """True when the surname is written right after honorifics of two genders ("Mr. Clinton" and "Mrs.
    Clinton"); `honorific_genders` holds pairs of honorific and gender."""
    genders = dict(honorific_genders)
    found = {honorific_gender_before(text, position, genders) for position in word_positions(text, surname)}
    return len(found - {""}) > 1


def honorific_gender_before(text: str, position: int, genders: Mapping[str, str]) -> str:
    """The gender of the honorific written right before `position` ("Ms. Griner": female), else ""."""
    before = text[max(0, position - 6) : position].split()[-1:]
    return genders.get(before[0], "") if before else ""


def parse_honorific_genders(data: Mapping[str, Any], *, key: str = "honorific_genders") -> tuple[tuple[str, str], ...]:
    """(word, gender) pairs from a mapping of gender to words in data/speech_cues.yaml: `honorific_genders`, or
    another such as `given_name_genders`."""
    groups = data.get(key) or {}
    return tuple((str(word), str(gender)) for gender, words in groups.items() for word in words)


def first_seen_in(surname: str, name: str, text: str) -> bool:
    """True when the surname's first whole-word appearance in the text ends the first appearance of the name;
    a surname alone in the headline (`is_headline_surname`) is passed over."""
    end = first_word_end(text, name)
    if end < 0:
        return False
    headline = headline_end(text)
    for position in word_positions(text, surname):
        if position + len(surname) == end:
            return True
        if not is_headline_surname(text, position, headline):
            return False
    return False


def headline_end(text: str) -> int:
    """End offset of the text's headline: its first line when a blank line follows and it has at most
    HEADLINE_MAX_WORDS words, as ingest puts an article's title before its body; 0 when there is none."""
    end = text.find("\n\n")
    if end <= 0 or "\n" in text[:end] or len(text[:end].split()) > HEADLINE_MAX_WORDS:
        return 0
    return end


def is_headline_surname(text: str, position: int, headline: int) -> bool:
    """True for a word in the headline (`headline_end`) that stands alone, with no capitalised word right
    before it that could be a given name: "Trump" in "Polls miss Trump's fall" or "Trump Says", not in
    "Melania and Donald Trump". A title-case headline's other words are all capitalised, so only its first
    word can stand alone."""
    if position >= headline:
        return False
    before = text[text.rfind("\n", 0, position) + 1 : position]
    words = before.split()
    return not words or not before.endswith(" ") or not words[-1][:1].isupper()


def first_word_end(text: str, phrase: str) -> int:
    """End offset of the first appearance of `phrase` as whole words in the text, -1 if none."""
    return next((start + len(phrase) for start in word_positions(text, phrase)), -1)


def word_positions(text: str, phrase: str) -> Iterator[int]:
    """Start offsets of `phrase` as whole words in the text (str.find, as a regex compiled for every name would
    cost more than the search)."""
    start = text.find(phrase)
    while start >= 0:
        if not is_word_char(text, start - 1) and not is_word_char(text, start + len(phrase)):
            yield start
        start = text.find(phrase, start + 1)


def is_word_char(text: str, position: int) -> bool:
    """True when the character at `position` (inside the text) is a letter, digit or underscore."""
    return 0 <= position < len(text) and (text[position].isalnum() or text[position] == "_")


def with_full_names(
    rows: list[tuple],
    text: str,
    *,
    honorific_genders: Sequence[tuple[str, str]] = (),
    given_name_genders: Sequence[tuple[str, str]] = (),
) -> list[tuple]:
    """Unregistered mention rows in which a surname alone names the person the article first named in full
    ("Haidai" after "Serhiy Haidai"), so both count as one actor, a person. Only people's full names are
    looked up: "Korea" does not become "North Korea". `honorific_genders` as in `full_names`. Where a surname
    names two people ("Donald J. Trump" and "Melania Trump"), one written after an honorific names the one
    of them whose given name has its gender (`gendered_full_name`: "Mrs. Trump" is Melania)."""
    people = [row[3] for row in rows if row[4] == "person" and len(row[3].split()) > 1]
    singles = [row[3] for row in rows if len(row[3].split()) == 1]
    full = full_names([*people, *singles], text, honorific_genders=honorific_genders)
    genders = (dict(honorific_genders), dict(given_name_genders))
    named = [] if not given_name_genders else people
    mapped = []
    for row in rows:
        name = full.get(row[3]) or (gendered_full_name(row[3], row[6], text, named, genders) if named else None)
        mapped.append((*row[:2], UNREGISTERED_PREFIX + name, name, "person", *row[5:]) if name else row)
    return mapped


def gendered_full_name(
    surname: str, position: int, text: str, people: Sequence[str], genders: tuple[Mapping[str, str], Mapping[str, str]]
) -> str | None:
    """The full name a surname at `position` stands for when an honorific before it has a gender and only one
    person of that gender with that surname was named in full before it ("Mr. Trump" after "Donald J. Trump"
    and "Melania Trump"); else None."""
    honorifics, given = genders
    gender = honorific_gender_before(text, position, honorifics)
    if not gender or len(surname.split()) != 1:
        return None
    fitting = {
        name
        for name in people
        if name.split()[-1] == surname and given.get(name.split()[0]) == gender and 0 <= text.find(name) < position
    }
    return one_persons_first_name(fitting, text) if fitting else None


def with_first_full_names(
    rows: list[tuple], text: str, taken: list[tuple[int, int]], sentence_starts: list[int], *, rules: MatchRules
) -> list[tuple]:
    """Candidate rows plus, for a person the heuristic found by surname alone ("Ms. Griner") but not in full,
    the article's first naming of them in full ("WNBA star Brittney Griner") as a candidate too, so that
    `with_full_names` can give the surname that name.

    The full name is taken only where the surname first appears right after one to three given names, and
    every other appearance after given names has the same ones ("Bill Clinton" and later "Hillary Clinton"
    give nobody).
    """
    names = {row[3] for row in rows}
    surnames = sorted({row[3] for row in rows if row[4] == "person" and " " not in row[3] and len(row[3]) > 1})
    added = []
    for surname in surnames:
        # a candidate that names the person in full first is enough; a later one ("''Donald Trump''" after
        # "Donald J. Trump") still needs the first naming
        if any(name.endswith(" " + surname) and first_seen_in(surname, name, text) for name in names):
            continue
        span = first_full_name(text, surname, rules)
        if span is not None and not overlaps(*span, taken):
            name = text[span[0] : span[1]]
            added.append(unregistered_row(rows[0][0], name, "person", *span, sentence_starts, "candidate"))
    return rows + added


def first_full_name(text: str, surname: str, rules: MatchRules) -> tuple[int, int] | None:
    """Offsets of the given names and surname where the surname first appears, when given names come right
    before it there and the same ones before every other appearance that has any; else None."""
    first: tuple[int, int] | None = None
    given_seen: set[str] = set()
    headline = headline_end(text)
    for position in word_positions(text, surname):
        end = position + len(surname)
        if text.startswith("-", end) and is_word_char(text, end + 1):
            continue  # inside a hyphenated name: "Shanklin-Hawkins"
        start = given_names_start(text, position, rules)
        if first is None:
            if start is None and is_headline_surname(text, position, headline):
                continue  # the headline's surname: the body may still name the person in full first
            if start is None:
                return None  # named by the surname alone first: no full name to take
            first = (start, end)
        if start is not None:
            given_seen.add(text[start:position])
    return first if one_person(given_seen) else None


def one_person(given_names: set[str]) -> bool:
    """True when the ways of writing the given names are one person's: one way, or ways that share their
    first given name and each leave out only middle names or initials of the longest ("Donald" and "Donald
    J.", "Hillary" and "Hillary Rodham"; not "George W." and "George H.W.")."""
    if len(given_names) <= 1:
        return True
    ways = sorted((names.split() for names in given_names), key=len)
    longest = ways[-1]
    return all(way[0] == longest[0] and is_subsequence(way, longest) for way in ways[:-1]) and len(
        {len(way) for way in ways}
    ) == len(ways)


def is_subsequence(short: list[str], long: list[str]) -> bool:
    """True when the words of `short` appear in `long` in the same order."""
    rest = iter(long)
    return all(word in rest for word in short)


def given_names_start(text: str, position: int, rules: MatchRules) -> int | None:
    """Start offset of the one to three given names (or initials, "Donald J.", "George H.W.") right before `position`,
    each followed by one space; None when the word before is not a given name (a title, "Ms.", lowercase)."""
    starts: list[int] = []
    start, named = position, False
    while len(starts) < 3 and start >= 2 and text[start - 1] == " ":
        word_start = start - 1
        while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] in "-.'’"):
            word_start -= 1
        word = text[word_start : start - 1]
        initial = is_initials(word)
        if not initial and not is_given_name(word, rules):
            break
        start, named = word_start, named or not initial
        starts.append(start)
    return start if named else None


def is_initials(word: str) -> bool:
    """True for one or more capital initials, each with its full stop: "J.", "H.W."."""
    pairs = [word[index : index + 2] for index in range(0, len(word), 2)]
    return bool(word) and all(len(pair) == 2 and pair[0].isupper() and pair[1] == "." for pair in pairs)


def is_given_name(word: str, rules: MatchRules) -> bool:
    """A capitalised word that can be a first name: letters (and hyphens: "Jean-Yves"), not all capitals,
    not a title word ("Senators" too), honorific, the end of a title ("Secretary of State John Kerry",
    `title_endings`) or one of `not_names`."""
    letters = word.replace("-", "")
    if len(letters) < 2 or not letters.isalpha() or not word[0].isupper() or word.isupper():
        return False
    titles = rules.title_words
    if word in titles or word.removesuffix("s") in titles or word in rules.honorifics:
        return False
    return word not in rules.not_names and word not in rules.title_endings


def find_ner_mentions(
    article_id: str, text: str, taken: list[tuple[int, int]], sentence_starts: list[int], *, model: Language
) -> list[tuple]:
    """PERSON/ORG/GPE/NORP entities of a statistical model that no registry match already covers."""
    rows = []
    for entity in model(text).ents:
        kind = NER_TYPES.get(entity.label_)
        name = entity.text.strip()
        if kind is None or not name or overlaps(entity.start_char, entity.end_char, taken):
            continue
        end = entity.start_char + len(name)
        rows.append(unregistered_row(article_id, name, kind, entity.start_char, end, sentence_starts, "ner"))
    return rows


def capitalised_positions(doc: Doc, rules: MatchRules, *, text: str) -> list[int]:
    """Indices of tokens that can be part of a name: alphabetic, capitalised, neither all lowercase nor all
    uppercase, and not in rules.not_names. Found on token arrays and read from the text by offset, so that
    no Token object is built for the many capitalised words."""
    array = doc.to_array([IS_ALPHA, IS_LOWER, IS_UPPER, IDX, LENGTH])
    mixed = np.flatnonzero(array[:, 0].astype(bool) & ~array[:, 1].astype(bool) & ~array[:, 2].astype(bool))
    not_names = rules.not_names
    starts, ends = array[mixed, 3].tolist(), (array[mixed, 3] + array[mixed, 4]).tolist()
    return [
        index
        for index, start, end in zip(mixed.tolist(), starts, ends, strict=True)
        if text[start].isupper() and text[start:end] not in not_names
    ]


def name_runs(doc: Doc, rules: MatchRules, *, text: str) -> list[tuple[int, int]]:
    """Token ranges of consecutive capitalised words (allowing "von", "de" inside), up to four words long."""
    runs: list[tuple[int, int]] = []
    current: list[int] = []
    for index in capitalised_positions(doc, rules, text=text):
        # the gap's size is checked before its tokens are read: most capitalised words are far apart
        joined = (
            bool(current)
            and index - current[-1] <= 3
            and all(joins_a_name(doc[between], doc[between - 1], rules) for between in range(current[-1] + 1, index))
        )
        if joined:
            current.append(index)
            continue
        runs.extend(close_run(doc, current, rules))
        current = [index]
    runs.extend(close_run(doc, current, rules))
    return runs


def ends_a_title(doc: Doc, index: int, rules: MatchRules) -> bool:
    """True for a word after a title word and "of" or "of the" ("Secretary of State", "Speaker of the House");
    not in "members of Security Council"."""
    words = [doc[position] for position in range(max(0, index - 3), index)]
    if [word.lower_ for word in words[-2:]] == ["of", "the"]:
        words = words[:-1]
    return len(words) >= 2 and words[-1].lower_ == "of" and is_title_word(words[-2], rules)


def joins_a_name(token: Token, previous: Token, rules: MatchRules) -> bool:
    """True for a word between two capitalised words of one name: "von", "de" (NAME_CONNECTORS), a middle
    initial of one letter ("William D. Burns"; not "U.N." in "Former U.N. Ambassador John Bolton"), or
    initials right after a common given name ("George H.W. Bush")."""
    if token.lower_ in NAME_CONNECTORS or is_one_initial(token.text):
        return True
    return is_initials(token.text) and previous.text in rules.common_given_names


def is_one_initial(word: str) -> bool:
    """True for one capital letter with its full stop ("D."), as a middle initial is written."""
    return len(word) == 2 and is_initials(word)


def close_run(doc: Doc, run: list[int], rules: MatchRules) -> list[tuple[int, int]]:
    """The token range of a finished run, after dropping leading title words and the words that end a title
    (`title_endings`) after them or after "of" ("Secretary of State John F. Kerry", "Chief Justice John G.
    Roberts"); none if too long or empty."""
    titled = False
    while run and doc[run[0]].text in rules.title_words:
        run, titled = run[1:], True
    while run and doc[run[0]].text in rules.title_endings and (titled or ends_a_title(doc, run[0], rules)):
        run = run[1:]
    if not run or run[-1] + 1 - run[0] > MAX_NAME_TOKENS:
        return []
    return [(run[0], run[-1] + 1)]


def has_name_context(doc: Doc, start: int, end: int, rules: MatchRules) -> bool:
    """True when a title precedes the run, a verb of saying, asking, accusing or denying is beside it, or an
    apposition follows it.

    A single word qualifies only after an honorific ("Mr. Ushakov"): after other titles it is usually
    part of an organisation's name ("Foreign Ministry").
    """
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if end - start == 1:
        return before is not None and before.text in rules.honorifics
    if doc[start].text in rules.common_given_names and not glued_to_hyphen(before) and not hyphen_after(doc, end):
        return True  # "front-runner Ben Carson took"; not "Frank-Walter" or "Douglas Holtz-Eakin", cut at a hyphen
    if set_off_after_title(doc, start, end, rules):
        return True
    if before is not None and (is_title_word(before, rules) or before.lower_ in rules.acting_verbs):
        return True
    if end - start < 2 or after is None:
        return False
    if after.lower_ in rules.acting_verbs:
        return True
    if before is not None and (before.lower_ in rules.location_words or before.lower_ == "on"):
        return False  # "On Capitol Hill, the ...": a place before a comma, not an apposition
    if after.text != "," or end + 1 >= len(doc):
        return False
    # "Ivan Petrov, the head of …", "Lauri Myllyvirta, lead analyst for CREA"
    following = doc[end + 1 : end + 3]
    return doc[end + 1].lower_ in ("the", "a", "an") or any(is_title_word(token, rules) for token in following)


def set_off_after_title(doc: Doc, start: int, end: int, rules: MatchRules) -> bool:
    """True for a run between commas right after a title word: "the region's governor, Anton Alikhanov, said"
    (a comma, a full stop or the text's end after it)."""
    if start < 2 or doc[start - 1].text != "," or not is_title_word(doc[start - 2], rules):
        return False
    return end == len(doc) or doc[end].text in (",", ".")


HYPHENS: tuple[str, ...] = ("-", "‐")  # the hyphen-minus and the hyphen, as the tokenizer splits them off


def glued_to_hyphen(token: Token | None) -> bool:
    """True for a hyphen with no space after it, which joins the next word to the one before ("Frank-Walter")."""
    return token is not None and token.text in HYPHENS and not token.whitespace_


def hyphen_after(doc: Doc, end: int) -> bool:
    """True when a hyphen is glued to the word before token `end` ("Holtz-Eakin"): the name goes on past it."""
    return 0 < end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in HYPHENS


def is_title_word(token: Token, rules: MatchRules) -> bool:
    """True for a title word, capitalised ("Minister") or, in lowercase, as news writes it before a name
    ("deputy infrastructure minister Yuriy Vaskov", "lead analyst")."""
    return token.text in rules.title_words or (token.is_lower and token.text.capitalize() in rules.title_words)


def find_candidates(
    article_id: str,
    doc: Doc,
    taken: list[tuple[int, int]],
    sentence_starts: list[int],
    *,
    rules: MatchRules,
    text: str | None = None,
) -> list[tuple]:
    """Capitalised name candidates (method "candidate") outside the registry, by the rules in the module doc.

    `text` is the doc's text when the caller has it (doc.text rebuilds it token by token).
    """
    rows = []
    headline_case: dict[int, bool] = {}  # by sentence start: several runs often share a sentence
    for start, end in name_runs(doc, rules, text=doc.text if text is None else text):
        # the word-context test first: it rules out most runs without building a span
        if not has_name_context(doc, start, end, rules):
            continue
        span = doc[start:end]
        if overlaps(span.start_char, span.end_char, taken) or follows_registered_name(doc, start, taken):
            continue
        sentence = span.sent
        if sentence.start not in headline_case:
            headline_case[sentence.start] = is_headline_case(sentence)
        if headline_case[sentence.start] or doc[end - 1].text in rules.not_actor_heads:
            continue
        # "Russian Defence Ministry", "Radio Svoboda", "Committee Against Torture", "the charity World Vision"
        organisation = named_as_organisation(doc, start, end, rules) or any(
            token.text in rules.organisation_heads for token in span
        )
        kind = "organisation" if organisation else "person"
        start_char, end_char = span.start_char, span.end_char
        rows.append(unregistered_row(article_id, span.text, kind, start_char, end_char, sentence_starts, "candidate"))
    return rows


def named_as_organisation(doc: Doc, start: int, end: int, rules: MatchRules) -> bool:
    """True for a name right after one of `organisation_nouns` that is no subject of a verb of its own: "the
    charity World Vision said" and "the firm Cisco Talos," name organisations, "the party Holm leads" a
    person (a lowercase word after the name, other than a verb of saying, is the name's verb)."""
    if start == 0 or doc[start - 1].text not in rules.organisation_nouns:
        return False
    after = doc[end] if end < len(doc) else None
    return after is None or not after.is_lower or after.text in rules.acting_verbs


def follows_registered_name(doc: Doc, start: int, taken: list[tuple[int, int]]) -> bool:
    """True for "Response Force" in "NATO Response Force": a run right after a registry match continues its name."""
    if start == 0:
        return False
    previous = doc[start - 1]
    return previous.text[:1].isupper() and overlaps(previous.idx, previous.idx + len(previous), taken)
