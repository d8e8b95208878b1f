"""Macro-F1 of ActorLens mention-level sentiment on NewsMTSC, next to whole-sentence lexicon baselines.

Usage:
    python benchmarks/eval_newsmtsc.py PATH/TO/devtest_mt.jsonl [--train PATH/TO/train.jsonl]

Each target mention of a NewsMTSC sentence is scored on its context (analysis.sentiment.mention_context_spans,
no quotes extracted) with TextBlob and VADER, then also shifted by the target's role in the sentence
(analysis.sentiment_roles: "Biden criticised Putin"), as the pipeline does; the baselines score the whole
sentence. Scores become classes
(negative / neutral / positive, NewsMTSC polarity 2 / 4 / 6) by two thresholds per method:
positive when score > high, negative when score < low, else neutral. The thresholds are chosen on
train.jsonl (the grid maximising train macro-F1), never on the devtest file; the fixed thresholds of
common practice (TextBlob 0, VADER +-0.05) are shown too. The data is read from the given paths only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.clauses import ClauseRules, load_clause_rules
from analysis.sentiment import ENGINES, mention_context_spans, score_texts
from analysis.sentiment_roles import SentimentRoles, load_sentiment_roles, mention_role, shift_polarity

LABELS: dict[float, int] = {2.0: -1, 4.0: 0, 6.0: 1}
FIXED_THRESHOLDS: dict[str, tuple[float, float]] = {"textblob": (0.0, 0.0), "vader": (-0.05, 0.05)}


@dataclass(frozen=True)
class Target:
    """One labelled target mention: its sentence, character span and gold class (-1, 0, +1)."""

    sentence: str
    start: int
    end: int
    label: int


def read_targets(path: Path) -> Iterator[Target]:
    """Every target of a NewsMTSC JSONL file (`to` is exclusive, as the mention text confirms)."""
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            for target in item["targets"]:
                yield Target(item["sentence_normalized"], target["from"], target["to"], LABELS[target["polarity"]])


def context_text(target: Target, *, rules: ClauseRules) -> str:
    """The target's mention context, as the pipeline would score it (one sentence, no quotes known)."""
    sentences = pd.DataFrame({"sentence_id": [0], "start": [0], "end": [len(target.sentence)]})
    mentions = pd.DataFrame({"sentence_id": [0], "actor_id": ["target"], "start": [target.start], "end": [target.end]})
    quotes = pd.DataFrame(columns=["speaker_id", "kind", "start", "end", "text"])
    ((start, end),) = mention_context_spans(target.sentence, sentences, mentions, quotes, rules=rules)
    return target.sentence[start:end]


def classify(scores: np.ndarray, *, low: float, high: float) -> np.ndarray:
    """-1 below `low`, +1 above `high`, else 0."""
    return np.where(scores > high, 1, np.where(scores < low, -1, 0))


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    """Mean F1 over the classes -1, 0, +1 (a class never predicted nor present scores 0)."""
    values = []
    for label in (-1, 0, 1):
        true_positive = np.sum((predicted == label) & (gold == label))
        denominator = np.sum(predicted == label) + np.sum(gold == label)
        values.append(2 * true_positive / denominator if denominator else 0.0)
    return float(np.mean(values))


def tune_thresholds(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """The (low, high) pair on a grid of score quantiles with the best macro-F1 on these (training) scores."""
    grid = np.unique(np.round(np.quantile(scores, np.linspace(0.02, 0.98, 49)), 4))
    best = (float("-inf"), 0.0, 0.0)
    for low in grid[grid <= 0]:
        for high in grid[grid >= low]:
            best = max(best, (macro_f1(gold, classify(scores, low=low, high=high)), float(low), float(high)))
    return best[1], best[2]


def score_method(
    targets: list[Target], *, unit: str, engine: str, rules: ClauseRules, roles: SentimentRoles | None = None
) -> np.ndarray:
    """Polarity of each target: of its whole sentence (unit "sentence") or of its mention context ("mention"),
    shifted by the target's role in the sentence when `roles` are given."""
    make_text: Callable[[Target], str] = (
        (lambda target: target.sentence) if unit == "sentence" else (lambda target: context_text(target, rules=rules))
    )
    scores = score_texts([make_text(target) for target in targets], engine=engine)["polarity"].to_numpy()
    if roles is None:
        return scores
    pairs = zip(scores, targets, strict=True)
    return np.array([shift_polarity(score, target_role(target, roles), roles) for score, target in pairs])


def target_role(target: Target, roles: SentimentRoles) -> int:
    """The target's role next to a word of criticism, praise or failure (-1, 0, +1); its sentence is the text."""
    return mention_role(target.sentence, target.start, target.end, (0, len(target.sentence)), roles)


def evaluate(devtest: Path, train: Path) -> pd.DataFrame:
    """One row per method: thresholds tuned on train, macro-F1 on devtest with tuned and with fixed thresholds."""
    rules, roles = load_clause_rules(), load_sentiment_roles()
    train_targets, test_targets = list(read_targets(train)), list(read_targets(devtest))
    train_gold = np.array([t.label for t in train_targets])
    test_gold = np.array([t.label for t in test_targets])
    rows = []
    for unit, with_roles in (("sentence", False), ("mention", False), ("mention + role", True)):
        for engine in ENGINES:
            settings = {"unit": unit.split()[0], "engine": engine, "rules": rules}
            settings["roles"] = roles if with_roles else None
            low, high = tune_thresholds(score_method(train_targets, **settings), train_gold)
            test_scores = score_method(test_targets, **settings)
            fixed_low, fixed_high = FIXED_THRESHOLDS[engine]
            rows.append(
                {
                    "unit": unit,
                    "engine": engine,
                    "low": low,
                    "high": high,
                    "macro_f1_tuned": macro_f1(test_gold, classify(test_scores, low=low, high=high)),
                    "macro_f1_fixed": macro_f1(test_gold, classify(test_scores, low=fixed_low, high=fixed_high)),
                }
            )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, evaluate, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devtest", type=Path, help="path to NewsMTSC devtest_mt.jsonl")
    parser.add_argument("--train", type=Path, default=None, help="train.jsonl for thresholds (default: beside devtest)")
    args = parser.parse_args(argv)
    train = args.train or args.devtest.with_name("train.jsonl")
    table = evaluate(args.devtest, train)
    count = sum(1 for _ in read_targets(args.devtest))
    print(f"NewsMTSC {args.devtest.name}: {count} targets; thresholds tuned on {train.name}")
    print(table.to_string(index=False, float_format=lambda value: f"{value:.3f}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
