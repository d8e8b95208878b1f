"""Score extracted quotes and stances against hand-written gold labels: precision, recall, accuracy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.yaml_text import parse_yaml

MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class QuoteScore:
    """Quote spans matched one-to-one by character overlap, and speakers judged on the matched pairs."""

    gold: int
    predicted: int
    matched: int
    speaker_correct: int

    @property
    def precision(self) -> float:
        """Share of predicted quotes that match a gold quote (0..1)."""
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold quotes found (0..1)."""
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0..1)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched quotes whose speaker is right (0..1)."""
        return self.speaker_correct / self.matched if self.matched else 0.0


@dataclass(frozen=True)
class StanceScore:
    """Gold (actor, target) stances: how many the engine found at all and how many it got right."""

    gold: int
    found: int
    correct: int
    decided: int = 0  # found with a side (support or oppose), not neutral
    decided_correct: int = 0

    @property
    def decided_precision(self) -> float:
        """Share of the engine's support/oppose calls on gold pairs that match the gold stance (0..1)."""
        return self.decided_correct / self.decided if self.decided else 0.0

    @property
    def accuracy(self) -> float:
        """Share of gold stances the engine labels the same way (0..1); a missing one counts as wrong."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def coverage(self) -> float:
        """Share of gold (actor, target) pairs for which the engine says anything (0..1)."""
        return self.found / self.gold if self.gold else 0.0


def load_gold(path: Path) -> list[dict]:
    """The article entries of a gold YAML file (file, quotes, stances)."""
    return parse_yaml(Path(path).read_text(encoding="utf-8"))["articles"]


def locate(text: str, fragment: str) -> tuple[int, int] | None:
    """Character span of the first occurrence of `fragment` in `text`, or None."""
    start = text.find(fragment)
    return None if start < 0 else (start, start + len(fragment))


def gold_quote_spans(entry: dict, text: str) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of each gold quote found in the article text."""
    spans = []
    for quote in entry.get("quotes") or []:
        found = locate(text, str(quote["text"]))
        if found is not None:
            spans.append((*found, str(quote["speaker"])))
    return spans


def overlap_share(first: tuple[int, int], second: tuple[int, int]) -> float:
    """Overlap of two spans as a share of the longer one (0..1)."""
    overlap = min(first[1], second[1]) - max(first[0], second[0])
    longest = max(first[1] - first[0], second[1] - second[0], 1)
    return max(overlap, 0) / longest


def match_spans(gold: list[tuple[int, int, str]], predicted: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index) with overlap >= MIN_OVERLAP, best overlaps first."""
    candidates = sorted(
        (-overlap_share(g[:2], p[:2]), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if g[0] < p[1] and p[0] < g[1]
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for negative_share, gi, pi in candidates:
        if -negative_share >= MIN_OVERLAP and gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return pairs


def score_quotes(gold: Iterable[dict], texts: dict[str, str], quotes: dict[str, pd.DataFrame]) -> QuoteScore:
    """Compare gold quotes with extracted ones, article by article (`texts`/`quotes` keyed by gold file name)."""
    totals = [0, 0, 0, 0]
    for entry in gold:
        text = texts[entry["file"]]
        gold_spans = gold_quote_spans(entry, text)
        frame = quotes[entry["file"]]
        predicted = list(zip(frame["start"], frame["end"], frame["speaker_id"], strict=True))
        pairs = match_spans(gold_spans, predicted)
        totals[0] += len(gold_spans)
        totals[1] += len(predicted)
        totals[2] += len(pairs)
        totals[3] += sum(gold_spans[gi][2] == predicted[pi][2] for gi, pi in pairs)
    return QuoteScore(*totals)


def article_stances(frame: pd.DataFrame) -> dict[tuple[str, str], str]:
    """One stance per (actor, target) in an article: the most frequent, ties going to the most confident row."""
    if frame.empty:
        return {}
    ranked = frame.assign(weight=frame["confidence"].astype(float))
    counts = ranked.groupby(["actor_id", "target_id", "stance"]).agg(n=("stance", "size"), weight=("weight", "sum"))
    best = counts.reset_index().sort_values(["n", "weight"], ascending=False).drop_duplicates(["actor_id", "target_id"])
    return {(row.actor_id, row.target_id): row.stance for row in best.itertuples()}


def score_stances(gold: Iterable[dict], stances: dict[str, pd.DataFrame]) -> StanceScore:
    """Compare gold (actor, target, stance) triples with the engine's per-article stances."""
    totals = [0, 0, 0, 0, 0]
    for entry in gold:
        found = article_stances(stances[entry["file"]])
        for item in entry.get("stances") or []:
            predicted = found.get((str(item["actor"]), str(item["target"])))
            decided = predicted in ("support", "oppose")
            totals[0] += 1
            totals[1] += predicted is not None
            totals[2] += predicted == item["stance"]
            totals[3] += decided
            totals[4] += decided and predicted == item["stance"]
    return StanceScore(*totals)
