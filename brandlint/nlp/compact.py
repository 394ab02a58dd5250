"""A read-only str → str table for tens of thousands of short entries, at a fraction of a
dict's memory: what every process keeps of the lemma tables and of CMUdict.

A dict of 41,000 English forms and lemmas holds 82,000 string objects (about 50 bytes of
header each) and its hash table: 5.5 MB for 1 MB of text. Here the entries are packed into
a few thousand strings of "\\0key\\1value" records, bucketed by the key's hash, so a look-up
is one `str.find` in a bucket of about a dozen entries (well under a microsecond) and the
table costs little more than its text. Buckets follow the key's CRC-32, not `hash()`, which
differs between processes: the same buckets serve every process, so a table built once can
be kept on disk (`brandlint.nlp.table_cache`) and read back whole.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

_RECORD, _VALUE = "\0", "\1"  # no form, lemma or word of the tables holds these


class CompactTable:
    """Keys to values, built once from pairs whose keys are unique (a dict's items, or
    pairs known to be unique); `get` as a dict's, with the default required."""

    __slots__ = ("_buckets", "_size")
    BUCKETS = 1 << 13  # about a dozen entries a bucket for 100,000: a short `find`

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        # records appended in place as bytes: the entries never exist as separate strings,
        # which kept building CMUdict's 126,000 at a third of the memory of joining lists
        buckets = [bytearray() for _ in range(self.BUCKETS)]
        size = 0
        for key, value in pairs:
            buckets[_slot(key)] += f"{_RECORD}{key}{_VALUE}{value}".encode(
                "utf-8",
                "surrogatepass",  # any str round-trips, lone surrogates too
            )
            size += 1
        texts = [bucket.decode("utf-8", "surrogatepass") for bucket in buckets]
        # one separator of each kind a record: none came inside a key or a value
        if (
            sum(t.count(_RECORD) for t in texts) != size
            or sum(t.count(_VALUE) for t in texts) != size
        ):
            raise ValueError("a table entry holds \\0 or \\1, which separate entries")
        self._buckets = tuple(text + _RECORD for text in texts)
        self._size = size

    @property
    def buckets(self) -> tuple[str, ...]:
        """The table's whole content, as `from_buckets` takes it back."""
        return self._buckets

    @classmethod
    def from_buckets(cls, buckets: object) -> CompactTable | None:
        """The table whose `buckets` these are; None when they are not the buckets of a
        table (a damaged or foreign cache entry)."""
        if (
            not isinstance(buckets, tuple)
            or len(buckets) != cls.BUCKETS
            or not all(type(text) is str and text.endswith(_RECORD) for text in buckets)
        ):
            return None
        records = sum(text.count(_RECORD) for text in buckets) - cls.BUCKETS
        if sum(text.count(_VALUE) for text in buckets) != records:
            return None
        table = cls.__new__(cls)
        table._buckets, table._size = buckets, records
        return table

    def get(self, key: str, default: str) -> str:
        """The value of `key`, or `default` when the table lacks it."""
        bucket = self._buckets[_slot(key)]
        start = bucket.find(f"{_RECORD}{key}{_VALUE}")
        if start < 0:
            return default
        start += len(key) + 2
        return bucket[start : bucket.index(_RECORD, start)]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        return f"{_RECORD}{key}{_VALUE}" in self._buckets[_slot(key)]

    def __iter__(self) -> Iterator[str]:
        for bucket in self._buckets:
            for record in bucket.split(_RECORD):
                if record:
                    yield record.partition(_VALUE)[0]

    def __len__(self) -> int:
        return self._size


def _slot(key: str) -> int:
    """The bucket of `key`: the same in every process (about 0.1 µs; the tables' readers
    remember what they looked up, so this is paid once per word)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) & (CompactTable.BUCKETS - 1)
