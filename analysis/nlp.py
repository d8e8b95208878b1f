"""spaCy pipelines: a blank English tokenizer with sentence splitting, and an optional statistical NER model."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import compress
from typing import Any

import numpy as np
import spacy
from spacy.attrs import (
    IS_ALPHA,
    IS_ASCII,
    IS_DIGIT,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LANG,
    LOWER,
    NORM,
    ORTH,
    SENT_START,
)
from spacy.language import Language
from spacy.tokens import Doc

from analysis.registry import load_speech_cue_lists

SENTENCE_COMPONENT = "actorlens_sentences"
# The lexical attributes ActorLens reads of a token. spaCy computes every registered attribute once for each
# new word it meets; the others (shape, stop word, prefix, suffix, URL/number/e-mail likeness, bracket and
# quote kinds) were two thirds of that cost and are never read, so they stay unset (False / ""). Add an
# attribute here before reading it (tests/test_nlp.py checks the analysis code for the others).
USED_LEXICAL_ATTRIBUTES: frozenset[int] = frozenset(
    {LOWER, NORM, LANG, IS_ALPHA, IS_ASCII, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER}
)
# Tokens that end a sentence; closing quotes and brackets after them stay with the sentence they close.
TERMINALS: tuple[str, ...] = (".", "!", "?", "...", "…", "?!", "!?", "!!", "??")
# Terminals after which a closing quotation mark and a lowercase word continue the sentence: in '"Is it over?"
# said Susan Hennessey' and '"Stop!" he shouted' the words after the mark say who spoke. A full stop is left out:
# '"We won." it was not' is no way to write.
QUESTION_TERMINALS: tuple[str, ...] = tuple(terminal for terminal in TERMINALS if terminal != ".")
# Closing quotation marks, as the tokenizer splits them off a word; '' as some wires and corpora write them.
CLOSING_QUOTES: frozenset[str] = frozenset({'"', "”", "’", "'", "''"})
# Tokens that open a quotation or bracket; '' and `` are quotation marks as some wires and corpora write them.
OPENERS: frozenset[str] = frozenset({'"', "“", "‘", "'", "''", "``", "(", "[", "«"})
# spaCy's tokenizer remembers how it split each space-separated chunk ("Kremlin's", "said,"), but only the
# first 10,000 it meets; a corpus has far more, and every later one was split again by regex each time it
# came back. A million chunks hold the vocabulary of tens of thousands of articles in some tens of MB.
TOKENIZER_CACHE_CHUNKS = 1_000_000


@Language.factory(SENTENCE_COMPONENT)
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    """spaCy factory for the vectorised sentence splitter."""
    return SentenceSplitter(nlp)


class SentenceSplitter:
    """Sentence starts after terminal punctuation (and any closing quotes) and after every line break.

    The same rule as spaCy's punctuation sentencizer, computed on token arrays with numpy instead of a
    Python loop over tokens, plus paragraph breaks so no sentence crosses a paragraph, and one exception:
    a quote closed by a question or exclamation mark goes on in its sentence when a lowercase word follows
    it on the same line ('"Is it over?" said Susan Hennessey', `continues_after_quote`).
    """

    def __init__(self, nlp: Language):
        strings = nlp.vocab.strings
        self.terminals = np.array([strings.add(text) for text in TERMINALS], dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        starts = self.sentence_starts(doc)
        doc.from_array([SENT_START], np.where(starts, 1, -1).astype(np.uint64).reshape(-1, 1))
        return doc

    def sentence_starts(self, doc: Doc) -> np.ndarray:
        """Boolean array: does each token start a sentence?

        A word token (neither punctuation nor space) starts a sentence when a terminal punctuation token or
        a line break lies between it and the previous word token; the first word token always does.
        """
        array = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, IS_LOWER])
        orth, punct, space = array[:, 0], array[:, 1].astype(bool), array[:, 2].astype(bool)
        events = np.isin(orth, self.terminals)
        for index in np.flatnonzero(space):
            events[index] |= "\n" in doc[int(index)].text
        words = np.flatnonzero(~punct & ~space)
        starts = np.zeros(len(doc), dtype=bool)
        starts[0] = True
        if len(words):
            seen = np.cumsum(events)[words]
            breaks = np.flatnonzero(np.diff(seen) > 0) + 1  # positions in `words` of the words after a break
            lower = array[:, 3].astype(bool)
            starts[self.opening_start(doc, int(words[0]))] = True
            for position in breaks:
                word = int(words[position])
                if not (lower[word] and continues_after_quote(doc, int(words[position - 1]) + 1, word)):
                    starts[self.opening_start(doc, word)] = True
        return starts

    @staticmethod
    def opening_start(doc: Doc, word: int) -> int:
        """Move a sentence start back over opening quotes or brackets that stand before its first word."""
        start = word
        while start > 0 and doc[start - 1].text in OPENERS:
            before = doc[start - 2] if start >= 2 else None
            if before is not None and not before.whitespace_ and not before.is_space:
                break  # glued to the previous word: a closing quote, not an opening one
            start -= 1
        return start


def continues_after_quote(doc: Doc, first: int, word: int) -> bool:
    """True when the tokens doc[first:word] between two words are a question or exclamation mark (one of
    QUESTION_TERMINALS), then closing quotation marks, with no line break: the lowercase word after them goes on
    with the sentence ("posts?'' said Zeynep Tufekci")."""
    between = [token.text for token in doc[first:word] if not token.is_space or "\n" in token.text]
    if len(between) < 2 or between[0] not in QUESTION_TERMINALS:
        return False
    return all(text in CLOSING_QUOTES for text in between[1:])


def make_pipeline(abbreviations: Iterable[str] | None = None) -> Language:
    """Blank English pipeline (no model download): tokenizer and the sentence splitter.

    `abbreviations` (default: those of data/speech_cues.yaml, less SENTENCE_WORDS) are titles written with a
    full stop that the tokenizer keeps as one token with it, as spaCy already does for "Mr." and "Gen.":
    "Senior Sgt. Oleksandr Babynets" and "Lt. Col. Ivan Petrov" are then no sentence breaks. Its vocabulary
    computes only the lexical attributes in USED_LEXICAL_ATTRIBUTES for each new word.
    """
    nlp = spacy.blank("en")
    for word in cue_abbreviations(load_speech_cue_lists()) if abbreviations is None else abbreviations:
        form = f"{word}."
        if form not in nlp.tokenizer.rules and word not in SENTENCE_WORDS:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe(SENTENCE_COMPONENT)
    nlp.max_length = 5_000_000
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_CHUNKS
    getters = nlp.vocab.lex_attr_getters
    for attribute in [attribute for attribute in getters if attribute not in USED_LEXICAL_ATTRIBUTES]:
        del getters[attribute]
    return nlp


# abbreviations of the list that are no titles and often end a sentence: "He said No.", "Oskar Lind Sr. The
# port …"; they keep spaCy's own handling
SENTENCE_WORDS = frozenset({"No", "Sr", "Mt"})


def cue_abbreviations(speech_cues: Mapping[str, Any]) -> list[str]:
    """The `abbreviations` of a speech cue file's lists (`registry.load_speech_cue_lists`)."""
    return [str(word) for word in speech_cues.get("abbreviations", [])]


def warm_tokenizer_cache(nlp: Language, texts: Iterable[str]) -> None:
    """Put the plain words of a batch of texts into the tokenizer's cache before the texts are tokenized.

    spaCy caches how it split each space-separated chunk, but within one document only until the first
    special case ("U.S.", "don't", "Mr."), which comes early in nearly every news article; from there on each
    chunk is split by its prefix, suffix and infix rules every time it recurs. Tokenized once in a document
    of their own, without special cases, the batch's purely alphabetic chunks are cached, and the articles'
    documents are then built from the cache: the same tokens, and up to a fifth less tokenizer time on a
    corpus of many articles.
    """
    chunks: set[str] = set()
    for text in texts:
        chunks.update(text.split())
    plain = set(compress(chunks, map(str.isalpha, chunks))) - nlp.tokenizer.rules.keys()
    if plain:
        nlp.tokenizer(" ".join(plain))


def load_ner_model(name: str) -> Language | None:
    """A statistical pipeline with an entity recognizer (package name or path), or None when not installed."""
    if not name:
        return None
    try:
        model = spacy.load(name, exclude=["lemmatizer", "textcat"])
    except (OSError, ImportError, ValueError):
        return None
    if "ner" not in model.pipe_names:
        return None
    keep = {"ner", "tok2vec", "transformer"}
    disabled = [pipe for pipe in model.pipe_names if pipe not in keep]
    model.select_pipes(disable=disabled)
    return model
