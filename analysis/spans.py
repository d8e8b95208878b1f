"""Character spans of one article, indexed for the spans that overlap a stretch of text.

Live blogs run to hundreds of thousands of characters with thousands of quotes and mentions; asking every
span whether it overlaps each sentence or mention would make such an article take minutes. A `SpanIndex`
keeps the spans sorted by start and bisects.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any


class SpanIndex:
    """Tuples whose first two items are a span's start and end offsets, sorted by start."""

    __slots__ = ("longest", "spans", "starts")

    def __init__(self, spans: Iterable[tuple[Any, ...]]) -> None:
        self.spans: list[tuple[Any, ...]] = sorted(spans, key=lambda span: (span[0], span[1]))
        self.starts = [span[0] for span in self.spans]
        self.longest = max((span[1] - span[0] for span in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[Any, ...]]:
        """The spans that overlap [start, end), in order of their starts."""
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        return [span for span in self.spans[first:last] if span[1] > start]

    def holds(self, position: int) -> bool:
        """True when some span holds the offset (start <= position < end)."""
        return bool(self.overlapping(position, position + 1))
