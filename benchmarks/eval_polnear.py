"""Precision, recall and F1 of ActorLens quote extraction on PolNeAR (brat standoff), plus speaker accuracy.

Usage:
    python benchmarks/eval_polnear.py PATH/TO/polnear/data/dev [--by-kind] [--show-misses N]

The directory holds text/<article>.txt and attributions/<article>_<annotator>.ann. An article annotated by
several annotators is scored against one annotation (the first annotator file in sorted order).
Each article runs through the real pipeline pieces: analysis.nlp sentence splitting, analysis.mentions with
the default registry (candidate names for actors outside it), then analysis.quotes.draft_quotes.

Matching: a predicted quote (its `text` span) matches a gold Content span when their overlap covers at
least half of the gold span (discontinuous gold spans count their pieces); pairs are taken one-to-one,
greedily by decreasing overlap. An unmatched prediction lying at least half inside a matched gold span is
counted as a "fragment" (PolNeAR joins the pieces of one quote around its cue, "A," he said, "B.", into
one discontinuous Content; ActorLens reports each piece); "lenient precision" leaves fragments out.
Speaker accuracy is over matched pairs whose gold attribution has a
Source: correct when the predicted speaker phrase overlaps the gold Source span, or the predicted
speaker name shares a word with the gold Source text (a resolved pronoun). PolNeAR also marks
thoughts and beliefs ("X believes ...") and texts without quote marks or cues, which ActorLens does not
extract; scare quotes have no gold counterpart. The data is read from the given path only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.attribution import MentionRef, load_speech_cues
from analysis.mentions import ActorMatcher, find_mention_rows, make_match_rules
from analysis.nlp import make_pipeline
from analysis.quotes import QuoteDraft, draft_quotes
from analysis.registry import load_lexicon, load_metonym_rules, load_registry, load_speech_cue_lists
from analysis.sentences import sentence_spans

Spans = tuple[tuple[int, int], ...]
NAME_STOP_WORDS = frozenset({"the", "a", "an", "of", "and", "mr", "mrs", "ms"})


@dataclass(frozen=True)
class GoldAttribution:
    """One PolNeAR attribution: its content and source spans (source empty when not annotated)."""

    content: Spans
    source: Spans
    source_text: str


def parse_spans(field: str) -> Spans:
    """Brat offsets "12 20;25 30" as ((12, 20), (25, 30))."""
    return tuple((int(a), int(b)) for a, b in (piece.split() for piece in field.split(";")))


def read_annotation(path: Path) -> list[GoldAttribution]:
    """The attributions (E lines) of one .ann file with their Content and Source text-bound spans."""
    spans: dict[str, tuple[Spans, str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            spans[parts[0]] = (parse_spans(parts[1].split(" ", 1)[1]), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    gold = []
    for event in events:
        if "Content" not in event or event["Content"] not in spans:
            continue
        source, source_text = spans.get(event.get("Source", ""), ((), ""))
        gold.append(GoldAttribution(spans[event["Content"]][0], source, source_text))
    return gold


def article_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(text file, annotation file) per article, one annotator each."""
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return [(folder / "text" / f"{name}.txt", ann) for name, ann in sorted(chosen.items())]


def overlap(start: int, end: int, spans: Spans) -> int:
    """Characters of [start, end) inside the spans."""
    return sum(max(0, min(end, b) - max(start, a)) for a, b in spans)


def span_length(spans: Spans) -> int:
    """Total characters of the spans."""
    return sum(b - a for a, b in spans)


def match_quotes(predicted: list[QuoteDraft], gold: list[GoldAttribution]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs whose overlap covers >= 50% of the gold span."""
    candidates = []
    for p, draft in enumerate(predicted):
        for g, item in enumerate(gold):
            shared = overlap(draft.start, draft.end, item.content)
            if shared > 0 and 2 * shared >= span_length(item.content):
                candidates.append((shared, p, g))
    pairs, used_p, used_g = [], set(), set()
    for _, p, g in sorted(candidates, reverse=True):
        if p not in used_p and g not in used_g:
            pairs.append((p, g))
            used_p.add(p)
            used_g.add(g)
    return pairs


def name_words(text: str) -> set[str]:
    """Lowercase words of a name or phrase, without articles."""
    return {word.strip(".,'’").lower() for word in text.split()} - NAME_STOP_WORDS - {""}


def speaker_correct(draft: QuoteDraft, gold: GoldAttribution) -> bool:
    """True when the predicted speaker phrase or name agrees with the gold Source."""
    if draft.speaker is None or not draft.speaker.name:
        return False  # an unresolved pronoun names nobody
    if overlap(draft.speaker.start, draft.speaker.end, gold.source) > 0:
        return True
    return bool(name_words(draft.speaker.name) & name_words(gold.source_text))


@dataclass(frozen=True)
class Tools:
    """The loaded pipeline pieces used for every article."""

    nlp: object
    matcher: ActorMatcher
    cues: object


def load_tools() -> Tools:
    """spaCy pipeline, default registry matcher and speech cues."""
    nlp = make_pipeline()
    registry = load_registry()
    matcher = ActorMatcher(
        registry, nlp=nlp, rules=make_match_rules(load_lexicon(), load_metonym_rules(), load_speech_cue_lists())
    )
    return Tools(nlp=nlp, matcher=matcher, cues=load_speech_cues())


def predict(text: str, tools: Tools) -> list[QuoteDraft]:
    """Quote drafts of one article text through sentences -> mentions -> quotes."""
    doc = tools.nlp(text)
    spans = sentence_spans(doc)
    starts = [start for start, _ in spans]
    rows = find_mention_rows("x", doc, starts, matcher=tools.matcher)
    mentions = [MentionRef(row[1], row[2], row[3], row[4], row[6], row[7]) for row in rows]
    sentences = [(index, start, end) for index, (start, end) in enumerate(spans)]
    return draft_quotes(text, sentences, mentions, registry=tools.matcher.registry, cues=tools.cues)


def f1(precision: float, recall: float) -> float:
    """Harmonic mean (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def report(counts: Counter, label: str) -> str:
    """One result line: precision, recall, F1, lenient precision and speaker accuracy."""
    precision = counts["matched"] / counts["predicted"] if counts["predicted"] else 0.0
    recall = counts["matched"] / counts["gold"] if counts["gold"] else 0.0
    kept = counts["predicted"] - counts["fragments"]
    lenient = counts["matched"] / kept if kept else 0.0
    speaker = counts["speaker_ok"] / counts["with_source"] if counts["with_source"] else 0.0
    return (
        f"{label:<21} predicted {counts['predicted']:5d}  gold {counts['gold']:5d}  matched {counts['matched']:5d}  "
        f"P {precision:.3f}  R {recall:.3f}  F1 {f1(precision, recall):.3f}  "
        f"(fragments {counts['fragments']}, lenient P {lenient:.3f}, F1 {f1(lenient, recall):.3f})  "
        f"speaker acc {speaker:.3f} ({counts['speaker_ok']}/{counts['with_source']})"
    )


def fragments(predicted: list[QuoteDraft], gold: list[GoldAttribution], pairs: list[tuple[int, int]]) -> set[int]:
    """Unmatched predictions lying at least half inside a matched gold span (pieces of one split quote)."""
    matched_gold = [gold[g].content for _, g in pairs]
    matched_predictions = {p for p, _ in pairs}
    return {
        p
        for p, draft in enumerate(predicted)
        if p not in matched_predictions
        and any(2 * overlap(draft.start, draft.end, spans) >= draft.end - draft.start for spans in matched_gold)
    }


def score_article(predicted: list[QuoteDraft], gold: list[GoldAttribution], counts: dict[str, Counter]) -> list[int]:
    """Add one article's counts (overall and per kind, in place); return the indices of unmatched gold items."""
    pairs = match_quotes(predicted, gold)
    pieces = fragments(predicted, gold, pairs)
    groups = {"all": lambda d: True, "no scare": lambda d: d.kind != "scare"}
    groups |= {kind: (lambda d, kind=kind: d.kind == kind) for kind in ("direct", "partial", "scare", "indirect")}
    for group, keep in groups.items():
        kept = {p for p, d in enumerate(predicted) if keep(d)}
        counts[group].update(predicted=len(kept), gold=len(gold), fragments=len(kept & pieces))
        add_pairs(counts[group], [(p, g) for p, g in pairs if p in kept], predicted, gold)
    matched = {g for _, g in pairs}
    return [g for g in range(len(gold)) if g not in matched]


def add_pairs(
    counts: Counter, pairs: list[tuple[int, int]], predicted: list[QuoteDraft], gold: list[GoldAttribution]
) -> None:
    """Count matched pairs and speaker agreement (this benchmark's own tally, updated in place)."""
    counts["matched"] += len(pairs)
    for p, g in pairs:
        if gold[g].source:
            counts["with_source"] += 1
            counts["speaker_ok"] += speaker_correct(predicted[p], gold[g])


def main() -> None:
    """Run the evaluation and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="PolNeAR compartment folder, e.g. .../polnear/data/dev")
    parser.add_argument("--by-kind", action="store_true", help="also print precision per predicted kind")
    parser.add_argument("--show-misses", type=int, default=0, help="print this many unmatched gold contents")
    args = parser.parse_args()
    tools = load_tools()
    counts: dict[str, Counter] = {
        name: Counter() for name in ("all", "no scare", "direct", "partial", "scare", "indirect")
    }
    misses: list[str] = []
    pairs = article_pairs(args.folder)
    for text_path, ann_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        gold = read_annotation(ann_path)
        for g in score_article(predict(text, tools), gold, counts):
            misses.append(" | ".join(text[a:b] for a, b in gold[g].content)[:160].replace("\n", " "))
    print(f"PolNeAR {args.folder} : {len(pairs)} articles")
    print(report(counts["all"], "all predictions"))
    print(report(counts["no scare"], "without scare quotes"))
    if args.by_kind:
        for kind in ("direct", "partial", "scare", "indirect"):
            c = counts[kind]
            precision = c["matched"] / c["predicted"] if c["predicted"] else 0.0
            print(
                f"  {kind:<9} predicted {c['predicted']:5d}  matched {c['matched']:5d}  P {precision:.3f}  "
                f"fragments {c['fragments']}  speaker acc {c['speaker_ok']}/{c['with_source']}"
            )
    for line in misses[: args.show_misses]:
        print("  missed:", line)


if __name__ == "__main__":
    main()
