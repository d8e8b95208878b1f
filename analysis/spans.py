"""Character spans of one article, indexed for the spans that overlap a stretch of text.

Live blogs run to hundreds of thousands of characters with thousands of quotes and mentions; asking every
span whether it overlaps each sentence or mention would make such an article take minutes. A `SpanIndex`
keeps the spans sorted by start and bisects.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any


class SpanIndex:
    """Items with a start and an end offset, sorted by them. By default the items are tuples whose first two
    fields are the offsets; `bounds` reads the offsets of other items (a mention's .start and .end)."""

    __slots__ = ("ends", "items", "longest", "starts")

    def __init__(self, items: Iterable[Any], *, bounds: Callable[[Any], tuple[int, int]] = itemgetter(0, 1)) -> None:
        self.items: list[Any] = sorted(items, key=bounds)
        offsets = [bounds(item) for item in self.items]
        self.starts = [start for start, _ in offsets]
        self.ends = [end for _, end in offsets]
        self.longest = max((end - start for start, end in offsets), default=0)

    def overlapping(self, start: int, end: int) -> list[Any]:
        """The items that overlap [start, end), in order of their starts."""
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        return [self.items[index] for index in range(first, last) if self.ends[index] > start]

    def holds(self, position: int) -> bool:
        """True when some item holds the offset (start <= position < end)."""
        return bool(self.overlapping(position, position + 1))
