"""SpanIndex finds exactly the spans a scan of every span would find."""

from __future__ import annotations

import random

from analysis.spans import SpanIndex


def brute_overlapping(spans, start, end):
    return sorted((span for span in spans if span[0] < end and span[1] > start), key=lambda span: (span[0], span[1]))


def test_overlapping_and_holds_on_examples():
    index = SpanIndex([(10, 20, "a"), (0, 5, "b"), (15, 40, "c")])
    assert index.overlapping(18, 19) == [(10, 20, "a"), (15, 40, "c")]
    assert index.overlapping(5, 10) == []  # ends and starts are exclusive and inclusive
    assert index.overlapping(30, 100) == [(15, 40, "c")]  # a long span starting well before the window
    assert index.holds(0) and index.holds(39) and not index.holds(40) and not index.holds(7)
    assert SpanIndex([]).overlapping(0, 10) == [] and not SpanIndex([]).holds(3)


def test_overlapping_matches_a_full_scan_on_random_spans():
    rng = random.Random(11)
    for _ in range(200):
        spans = [(start, start + rng.randint(1, 60), n) for n, start in enumerate(rng.sample(range(1000), 30))]
        index = SpanIndex(spans)
        for _ in range(20):
            start = rng.randint(0, 1100)
            end = start + rng.randint(1, 80)
            assert index.overlapping(start, end) == brute_overlapping(spans, start, end)
            assert index.holds(start) == any(a <= start < b for a, b, _ in spans)
