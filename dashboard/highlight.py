"""Escaped HTML of one article with actor mentions and quotes highlighted (pure, no Streamlit)."""

from __future__ import annotations

import html
import itertools
import re

import pandas as pd

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")

STYLE = """<style>
.al-article{line-height:1.6;font-size:1rem}
.al-article mark{background:#ffe08a;padding:0 1px;border-radius:2px}
.al-article .al-quote{background:#dbeafe;border-bottom:2px solid #3b82f6}
.al-article .al-quote mark{background:#fbbf24}
</style>"""

EVIDENCE_STYLE = """<style>
.al-evidence{list-style:none;padding:0;margin:0}
.al-evidence li{margin:0 0 .7rem 0;line-height:1.45}
.al-evidence .al-stance{display:inline-block;min-width:4.5rem;padding:0 .35rem;margin-right:.4rem;border-radius:3px;
  color:#fff;font-size:.8rem;text-align:center}
.al-evidence .al-support{background:#1a9850}.al-evidence .al-oppose{background:#d73027}
.al-evidence .al-neutral{background:#8a8a8a}
.al-evidence .al-source{color:#666;font-size:.85rem}
.al-evidence mark{background:#ffe08a;padding:0 1px;border-radius:2px}
.al-evidence .al-cue{background:none;border-bottom:2px solid #555}
.al-evidence .al-before{color:#777}
.al-evidence .al-speaker{color:#666;font-style:italic;margin-right:.25rem}
</style>"""
# A sentence opening with one of these needs the sentence before it to say who is meant.
REFERRING_OPENERS = frozenset({"he", "she", "they", "it", "his", "her", "their", "its", "this", "these"})


def find_boundaries(length: int, spans: list[tuple[int, int]]) -> list[int]:
    """Return the sorted offsets where a highlight starts or ends, plus the text's two ends."""
    points = {0, length}
    for start, end in spans:
        points.update((max(0, min(start, length)), max(0, min(end, length))))
    return sorted(points)


def find_covering_labels(spans: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    """Return the labels of the spans that cover the segment [start, end)."""
    return [label for span_start, span_end, label in spans if span_start <= start and end <= span_end]


def render_segment(text: str, *, actors: list[str], speakers: list[str]) -> str:
    """Return one escaped segment wrapped in a quote span and/or a mention mark."""
    body = html.escape(text).replace("\n", "<br>")
    if actors:
        body = f'<mark title="{html.escape(", ".join(sorted(set(actors))), quote=True)}">{body}</mark>'
    if speakers:
        who = ", ".join(sorted(set(speakers))) or "unattributed"
        body = f'<span class="al-quote" title="quote: {html.escape(who, quote=True)}">{body}</span>'
    return body


def highlight_article(text: str, mentions: pd.DataFrame, quotes: pd.DataFrame) -> str:
    """Return the article as HTML: every character escaped, mentions marked, quotes underlined.

    Highlights are applied per segment between span boundaries, so overlapping spans never break nesting.
    """
    mention_spans = [(int(s), int(e), str(a)) for s, e, a in zip(mentions["start"], mentions["end"],
                                                                   mentions["actor"], strict=True)]
    quote_spans = [(int(s), int(e), str(a) or "unattributed") for s, e, a in zip(quotes["start"], quotes["end"],
                                                                                   quotes["speaker"], strict=True)]
    return f'{STYLE}<div class="al-article">{mark_spans(text, mention_spans, quote_spans)}</div>'


def mark_spans(text: str, mention_spans: list[tuple[int, int, str]], quote_spans: list[tuple[int, int, str]]) -> str:
    """Return the text escaped, with the (start, end, actor) mention spans marked and the (start, end, speaker)
    quote spans underlined; applied per segment between span boundaries, so overlaps never break nesting."""
    edges = find_boundaries(len(text), [(s, e) for s, e, _ in mention_spans + quote_spans])
    parts = [render_segment(text[start:end], actors=find_covering_labels(mention_spans, start, end),
                            speakers=find_covering_labels(quote_spans, start, end))
             for start, end in itertools.pairwise(edges) if end > start]
    return "".join(parts)


def escape_markdown(text: str) -> str:
    """Return text with Markdown and HTML specials backslash-escaped, for headings drawn with st.markdown."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def render_evidence(evidence: pd.DataFrame) -> str:
    """Return stance evidence as an escaped HTML list: stance badge, sentence, then outlet · date · article link.

    Columns stance, evidence, cue, source, published, title, url (as from dashboard.frames.list_stance_evidence);
    optional surfaces and cue are marked, a `before` sentence is shown where a pronoun needs it, and a
    `speaker` (of a quote in the sentence) is named before the sentence.
    """
    items = [render_evidence_item(row) for row in evidence.itertuples(index=False)]
    return f'{EVIDENCE_STYLE}<ul class="al-evidence">{"".join(items)}</ul>'


def render_evidence_item(row: tuple) -> str:
    """Return one escaped <li> of render_evidence."""
    stance = str(row.stance)
    cue = f"(cue “{html.escape(str(row.cue))}”)" if row.cue else ""
    sentence = mark_evidence(str(row.evidence), surfaces=getattr(row, "surfaces", ()), cue=str(row.cue or ""))
    before = str(getattr(row, "before", "") or "")
    opener = str(row.evidence).split()[:1]
    context = (f'<span class="al-before">{html.escape(before)}</span> '
               if before and opener and opener[0].lower().strip("\"“'‘") in REFERRING_OPENERS else "")
    speaker = str(getattr(row, "speaker", "") or "")
    said = f'<span class="al-speaker">{html.escape(speaker)}:</span>' if speaker else ""
    return (f'<li><span class="al-stance al-{html.escape(stance, quote=True)}">{html.escape(stance)}</span>'
            f'{context}{said}{sentence} <span class="al-source">{cue}<br>{render_source_line(row)}</span></li>')


def render_source_line(row: tuple) -> str:
    """Return "outlet · date · title" of an evidence row, escaped, the title linking to the article."""
    date = f"{row.published:%Y-%m-%d}" if pd.notna(row.published) else "undated"
    title = html.escape(str(row.title or "article"))
    url = str(row.url or "")
    # Only web links become anchors, so a javascript: URL in an uploaded corpus stays inert text.
    link = (f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">{title}</a>'
            if url.startswith(("http://", "https://")) else title)
    return f"{html.escape(str(row.source))} · {date} · {link}"


def mark_evidence(sentence: str, *, surfaces: tuple[str, ...] = (), cue: str = "") -> str:
    """The escaped sentence with the actor's surfaces marked and the cue underlined (its first occurrence,
    any case); a cue that is no words of the sentence ("sentiment", a quote's attribution) is not marked."""
    spans: list[tuple[int, int, str]] = []
    for surface in surfaces:
        # whole words only: "Iran" is not marked inside "Iranian"
        pattern = rf"(?<!\w){re.escape(surface)}(?!\w)"
        spans += [(found.start(), found.end(), "mark") for found in re.finditer(pattern, sentence)]
    found = re.search(re.escape(cue), sentence, re.IGNORECASE) if cue and cue != "sentiment" else None
    if found is not None:
        spans.append((found.start(), found.end(), "cue"))
    pieces, position = [], 0
    for start, end, kind in sorted(spans):
        if start < position:
            continue  # overlaps a span already marked
        pieces.append(html.escape(sentence[position:start]))
        opening = "<mark>" if kind == "mark" else '<mark class="al-cue">'
        pieces.append(f"{opening}{html.escape(sentence[start:end])}</mark>")
        position = end
    pieces.append(html.escape(sentence[position:]))
    return "".join(pieces)


POLARITY_STYLE = """<style>
.al-evidence .al-polarity{display:inline-block;min-width:3.2rem;padding:0 .35rem;margin-right:.4rem;border-radius:3px;
  color:#fff;font-size:.8rem;text-align:center;font-variant-numeric:tabular-nums}
.al-evidence .al-negative{background:#b2182b}.al-evidence .al-positive{background:#2166ac}
.al-evidence .al-zero{background:#8a8a8a}
</style>"""


def render_sentiment_evidence(evidence: pd.DataFrame) -> str:
    """Return scored mentions or quotes as an escaped HTML list: polarity badge (red below 0, blue above, as in
    the charts), the sentence with the actor marked and a quote underlined, then outlet · date · article link.

    Columns polarity, sentence, marks ((start, end) pairs inside the sentence), source, published, title, url
    (as from dashboard.frames.list_sentiment_toward / list_sentiment_of); optional speaker (named before the
    sentence, in grey) and quote_span ((start, end) of the quote inside the sentence).
    """
    items = [render_sentiment_item(row) for row in evidence.itertuples(index=False)]
    return f'{STYLE}{EVIDENCE_STYLE}{POLARITY_STYLE}<ul class="al-evidence al-article">{"".join(items)}</ul>'


def render_sentiment_item(row: tuple) -> str:
    """Return one escaped <li> of render_sentiment_evidence."""
    polarity = float(row.polarity)
    tone = "negative" if polarity < 0 else "positive" if polarity > 0 else "zero"
    speaker = str(getattr(row, "speaker", "") or "")
    name = str(getattr(row, "actor", "") or speaker)
    quote = tuple(getattr(row, "quote_span", ()) or ())
    sentence = mark_spans(str(row.sentence), [(int(start), int(end), name) for start, end in row.marks],
                          [(int(quote[0]), int(quote[1]), speaker)] if quote else [])
    said = f'<span class="al-speaker">{html.escape(speaker)}:</span>' if speaker else ""
    return (f'<li><span class="al-polarity al-{tone}">{polarity:+.2f}</span>{said}{sentence} '
            f'<span class="al-source"><br>{render_source_line(row)}</span></li>')
