"""Stable article ids, exact-duplicate detection and near-duplicate (syndicated copy) marking."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.schema import ARTICLE_COLUMNS
from analysis.urls import normalise_url

ARTICLE_ID, TITLE, SOURCE, _, PUBLISHED, URL, TEXT, _, DUPLICATE_OF = ARTICLE_COLUMNS
ID_LENGTH = 16
# Odd multipliers for hashing word sequences and for the MinHash permutations (any fixed odd values work).
_SHINGLE_BASE = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
_MIDDLE = np.uint64(0x2545F4914F6CDD1D)
_ALL_BITS = np.uint64(2**64 - 1)
_WORD_PART_BYTES = 8
_WORD_BYTE = np.array(
    [(chr(code).isascii() and (chr(code).isalnum() or chr(code) == "_")) or code >= 0x80 for code in range(256)]
)
_SEED = 20220221
_MAX_HASHES = 128
_SIZE_RATIO = 1.25
_CANDIDATE_RECALL = 0.995


def normalise_text(text: str) -> str:
    """`text` lowercased with all whitespace runs collapsed to one space."""
    return " ".join(text.lower().split())


def hash_hex(text: str) -> str:
    """A short, stable hexadecimal digest of `text` (first 16 hex digits of SHA-1)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:ID_LENGTH]


def make_article_id(url: str, text: str) -> str:
    """The stable id of an article: from its normalised URL, or without one from its normalised text."""
    if url.strip():
        return hash_hex("url:" + normalise_url(url))
    return hash_hex("text:" + normalise_text(text))


def text_digests(texts: pd.Series) -> pd.Series:
    """The digest of each normalised text, as `separate_shared_ids` and `find_exact_duplicates` compare them."""
    return texts.map(lambda text: hash_hex(normalise_text(text)))


def separate_shared_ids(articles: pd.DataFrame, *, digests: pd.Series | None = None) -> tuple[pd.DataFrame, pd.Series]:
    """Give a new id to an article whose URL repeats an earlier one's with a different text.

    Live blogs and tables whose link column holds a homepage reuse one URL for different stories; those are
    not duplicates. Returns the articles (ids changed where needed) and a mask of the changed rows.
    `digests` are the texts' `text_digests` when already computed.
    """
    text_hashes = text_digests(articles[TEXT]) if digests is None else digests
    first_hash = text_hashes.groupby(articles[ARTICLE_ID]).transform("first")
    changed = articles.duplicated(ARTICLE_ID) & (text_hashes != first_hash)
    new_ids = (articles[ARTICLE_ID] + ":" + text_hashes).map(hash_hex)
    return articles.assign(**{ARTICLE_ID: new_ids.where(changed, articles[ARTICLE_ID])}), changed


def find_exact_duplicates(articles: pd.DataFrame, *, digests: pd.Series | None = None) -> pd.Series:
    """For each article, the id of an earlier copy it exactly repeats, else "".

    A copy has the same article_id, or the same source and the same normalised text. The same text under two
    different sources is a syndicated copy, kept and marked by `mark_near_duplicates` instead. `digests` are
    the texts' `text_digests` when already computed.
    """
    text_keys = articles[SOURCE] + "\x1f" + (text_digests(articles[TEXT]) if digests is None else digests)
    first_id_by_text = articles[ARTICLE_ID].groupby(text_keys).transform("first")
    repeated = articles.duplicated(ARTICLE_ID) | text_keys.duplicated()
    return first_id_by_text.where(repeated, "").rename(DUPLICATE_OF)


def mark_near_duplicates(articles: pd.DataFrame, *, threshold: float = 0.9, shingle_size: int = 5) -> pd.DataFrame:
    """A copy of `articles` whose duplicate_of names, for each near-duplicate, the first version of the story.

    Similarity is containment: the share of the shorter body's word `shingle_size`-grams that also occur in
    the other body (headlines are left out, as syndicated copies are often retitled), so a trimmed wire copy
    still matches its source. Candidate pairs come from MinHash with banding, so the work grows about
    linearly with the corpus, and are then measured exactly; bodies whose lengths differ by more than about
    a quarter may be missed. The first version is the earliest-published article (undated ones last, ties
    in input order); every copy points at it, never at another copy.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    bodies = [strip_title(text, title) for text, title in zip(articles[TEXT], articles[TITLE], strict=True)]
    shingles = make_shingle_sets(bodies, size=shingle_size)
    pairs = find_similar_pairs(shingles, threshold=threshold)
    order = order_by_publication(articles[PUBLISHED], own_story=articles["byline"] == articles["source"])
    originals = choose_originals(pairs, order=order, count=len(articles))
    ids = articles[ARTICLE_ID].to_numpy()
    marked = articles.copy()
    copies_of = [ids[original] if original >= 0 else "" for original in originals]
    marked[DUPLICATE_OF] = pd.Series(copies_of, index=marked.index, dtype="str")
    return marked


def order_by_publication(published: pd.Series, *, own_story: pd.Series | None = None) -> np.ndarray:
    """Positions from the earliest-published to the latest; undated ones last.

    On the same timestamp, an outlet's own story (byline equal to its source, e.g. a wire's copy on the wire's
    site) comes before a republished copy; remaining ties keep input order.
    """
    stamps = pd.to_datetime(published, utc=True).astype("datetime64[ns, UTC]")
    missing = stamps.isna().to_numpy()
    moments = np.where(missing, 0, stamps.array.asi8)
    republished = np.zeros(len(published), bool) if own_story is None else ~own_story.to_numpy(dtype=bool)
    return np.lexsort((np.arange(len(published)), republished, moments, missing))


def strip_title(text: str, title: str) -> str:
    """The body of an article text that starts with its title and a blank line."""
    prefix = f"{title}\n\n"
    return text[len(prefix) :] if title and text.startswith(prefix) else text


def make_shingle_sets(texts: Sequence[str], *, size: int) -> list[np.ndarray]:
    """For each text, the sorted unique 64-bit hashes of its lowercase word `size`-grams.

    A text shorter than `size` words gets one shingle for all its words; an empty text gets none.
    """
    hashes, counts = hash_words(texts)
    firsts = np.cumsum(counts) - counts
    windows = combine_windows(hashes, size=size)
    sets = []
    for first, count in zip(firsts.tolist(), counts.tolist(), strict=True):
        if count >= size:
            sets.append(np.unique(windows[first : first + count - size + 1]))
        else:
            sets.append(combine_windows(hashes[first : first + count], size=count))
    return sets


def hash_words(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Stable 64-bit hashes of the lowercase words of all `texts` in order, and the word count of each text.

    Works on the UTF-8 bytes with numpy, several times faster than Python strings. A word is a run of ASCII
    letters, digits, "_" and non-ASCII bytes; it is hashed from its first 16 and last 8 bytes and its length,
    which tells apart every word of up to 24 bytes (longer ones differing only in the middle may collide,
    harmless for similarity).
    """
    encoded = [text.lower().encode("utf-8") for text in texts]
    data = b"\n".join(encoded) + b"\n" + bytes(_WORD_PART_BYTES * 3)  # padding: 8-byte reads never overrun
    codes = np.frombuffer(data, dtype=np.uint8)
    in_word = _WORD_BYTE[codes]
    starts = np.flatnonzero(in_word[1:] & ~in_word[:-1]) + 1
    starts = np.r_[0, starts] if in_word[0] else starts
    ends = np.flatnonzero(in_word[:-1] & ~in_word[1:]) + 1
    lengths = ends - starts
    head = read_word_part(data, starts, lengths)
    middle = read_word_part(data, starts + _WORD_PART_BYTES, lengths - _WORD_PART_BYTES)
    tail_start = np.maximum(ends - _WORD_PART_BYTES, starts + 2 * _WORD_PART_BYTES)
    tail = read_word_part(data, tail_start, ends - tail_start)
    hashes = mix_bits(head) + mix_bits(middle ^ _MIDDLE) * _SHINGLE_BASE + mix_bits(tail ^ lengths.astype(np.uint64))
    text_starts = np.cumsum([0] + [len(part) + 1 for part in encoded[:-1]])
    counts = np.diff(np.r_[np.searchsorted(starts, text_starts), len(starts)]) if encoded else np.zeros(0, int)
    return hashes, counts


def read_word_part(data: bytes, offsets: np.ndarray, available: np.ndarray) -> np.ndarray:
    """The 8 bytes at each offset as an integer, keeping only the first `available` (0-8) of them."""
    windows = np.ndarray((len(data) - _WORD_PART_BYTES + 1,), dtype="<u8", buffer=data, strides=(1,))
    kept_bits = np.clip(available, 0, _WORD_PART_BYTES).astype(np.uint64) * np.uint64(8)
    full = kept_bits == np.uint64(64)
    masks = np.where(full, _ALL_BITS, (np.uint64(1) << np.where(full, np.uint64(0), kept_bits)) - np.uint64(1))
    return windows[np.minimum(offsets, len(windows) - 1)] & masks


def mix_bits(values: np.ndarray) -> np.ndarray:
    """A bijective scramble of 64-bit integers (splitmix64 finaliser) so similar inputs hash far apart."""
    values = values ^ (values >> np.uint64(30))
    values = values * _MIX
    values = values ^ (values >> np.uint64(27))
    values = values * _MIX_2
    return values ^ (values >> np.uint64(31))


def combine_windows(values: np.ndarray, *, size: int) -> np.ndarray:
    """One hash per run of `size` consecutive values (no runs when there are fewer values or size is 0)."""
    if size == 0 or len(values) < size:
        return values[:0]
    combined = values[: len(values) - size + 1].copy()
    for offset in range(1, size):
        combined = combined * _SHINGLE_BASE + values[offset : len(values) - size + 1 + offset]
    return combined


def choose_bands(jaccard: float) -> tuple[int, int]:
    """(bands, rows per band) so that pairs with this Jaccard similarity become candidates with probability
    >= 0.995, using at most 128 MinHash values (at very low similarities the probability is lower).

    Bands of at least two rows keep chance candidates among unrelated articles rare.
    """
    for rows in (3, 2):
        chance = jaccard**rows
        bands = 1 if chance >= 1 else math.ceil(math.log(1 - _CANDIDATE_RECALL) / math.log(1 - chance))
        if bands * rows <= _MAX_HASHES:
            return bands, rows
    return _MAX_HASHES // 2, 2


def compute_minhashes(shingles: Sequence[np.ndarray], *, count: int) -> np.ndarray:
    """A (documents, count) array of MinHash signatures; an empty set gets all-maximum values."""
    generator = np.random.default_rng(_SEED)
    multipliers = generator.integers(1, 2**63, size=count, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    offsets = generator.integers(0, 2**63, size=count, dtype=np.uint64)
    signatures = np.full((len(shingles), count), np.iinfo(np.uint64).max, dtype=np.uint64)
    for chunk in chunk_documents(shingles):
        flat = np.concatenate([shingles[index] for index in chunk])
        starts = np.cumsum([0] + [len(shingles[index]) for index in chunk[:-1]])
        for column in range(count):
            permuted = flat * multipliers[column] + offsets[column]
            permuted ^= permuted >> np.uint64(31)
            permuted *= _MIX
            signatures[chunk, column] = np.minimum.reduceat(permuted, starts)
    return signatures


def chunk_documents(shingles: Sequence[np.ndarray], *, max_values: int = 4_000_000) -> list[list[int]]:
    """Positions of the non-empty shingle sets, grouped to hold about `max_values` hashes (bounds memory)."""
    chunks: list[list[int]] = [[]]
    size = 0
    for index, values in enumerate(shingles):
        if not len(values):
            continue
        if size and size + len(values) > max_values:
            chunks.append([])
            size = 0
        chunks[-1].append(index)
        size += len(values)
    return [chunk for chunk in chunks if chunk]


def find_candidate_pairs(signatures: np.ndarray, *, bands: int, rows: int) -> set[tuple[int, int]]:
    """Pairs of documents (i < j) whose signatures agree on every row of at least one band."""
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        keys = signatures[:, band * rows]
        for row in range(1, rows):
            keys = keys * _SHINGLE_BASE + signatures[:, band * rows + row]
        pairs.update(pair_members(keys))
    return pairs


def pair_members(keys: np.ndarray) -> Iterable[tuple[int, int]]:
    """Every pair of positions (i < j) sharing a key, skipping the empty-set key."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    lengths = np.diff(np.r_[starts, len(keys)])
    for start, length in zip(starts[lengths > 1].tolist(), lengths[lengths > 1].tolist(), strict=True):
        if sorted_keys[start] == np.iinfo(np.uint64).max:
            continue
        members = sorted(order[start : start + length].tolist())
        yield from ((a, b) for position, a in enumerate(members) for b in members[position + 1 :])


def find_similar_pairs(shingles: Sequence[np.ndarray], *, threshold: float) -> list[tuple[int, int]]:
    """Pairs of documents (i < j) whose shingle sets have containment similarity >= `threshold`."""
    # Sets of sizes a <= b = 1.25a with containment c have Jaccard c / (2.25 - c): the level to block at.
    bands, rows = choose_bands(threshold / (1 + _SIZE_RATIO - threshold))
    signatures = compute_minhashes(shingles, count=bands * rows)
    pairs = sorted(find_candidate_pairs(signatures, bands=bands, rows=rows))
    return [pair for pair in pairs if measure_containment(shingles[pair[0]], shingles[pair[1]]) >= threshold]


def measure_containment(first: np.ndarray, second: np.ndarray) -> float:
    """The share (0..1) of the smaller set of unique hashes that is also in the other; 0 if either is empty."""
    if not len(first) or not len(second):
        return 0.0
    shared = np.intersect1d(first, second, assume_unique=True).size
    return shared / min(len(first), len(second))


def choose_originals(pairs: Iterable[tuple[int, int]], *, order: np.ndarray, count: int) -> list[int]:
    """For each document, the position of the first version it copies (-1 for originals).

    `order` lists positions from first to last version; a copy of a copy points at the first version.
    """
    rank = np.empty(count, dtype=np.int64)
    rank[order] = np.arange(count)
    earliest = [-1] * count
    for first, second in pairs:
        earlier, later = (first, second) if rank[first] < rank[second] else (second, first)
        if earliest[later] < 0 or rank[earlier] < rank[earliest[later]]:
            earliest[later] = earlier
    originals = [-1] * count
    for position in order.tolist():
        match = earliest[position]
        if match >= 0:
            originals[position] = originals[match] if originals[match] >= 0 else match
    return originals
