"""spaCy pipelines: a blank English tokenizer with sentence splitting, and an optional statistical NER model."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_COMPONENT = "actorlens_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence crosses a paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def make_pipeline() -> Language:
    """Blank English pipeline (no model download): tokenizer, paragraph breaks, punctuation sentencizer."""
    nlp = spacy.blank("en")
    nlp.add_pipe(PARAGRAPH_COMPONENT)
    nlp.add_pipe("sentencizer")
    nlp.max_length = 5_000_000
    return nlp


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
