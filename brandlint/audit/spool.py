"""The alerts of an audit, kept on disk until the reports are written.

An audit of 10,000 pieces finds about 80,000 alerts, which as `Alert` objects took its main
process to 220 MiB; each piece's alerts arrive as the JSON text of their records
(`AuditedFile.records`) and go straight to a temporary file, unparsed, with where each
piece's text starts. Reading them back goes in the order of the pieces, whatever order the
workers finished in, one piece at a time: the reports are written from the records as they
are read, and nothing keeps them after.
"""

from __future__ import annotations

import json
import tempfile
import weakref
from collections.abc import Iterator
from typing import Any

from brandlint.core.alerts import Alert
from brandlint.reporters.json_report import alert_from_record

Json = dict[str, Any]


class AlertSpool:
    """Each piece's alert records by the piece's index in the audit. Iterating gives the
    alerts, `records()` their JSON records, both in the order of the pieces."""

    def __init__(self) -> None:
        # unlinked at once, gone when closed: with the spool, once the reports let it go
        self._file = tempfile.TemporaryFile(prefix="brandlint-audit-")  # noqa: SIM115
        weakref.finalize(self, self._file.close)
        self._end = 0
        self._pieces: dict[int, tuple[int, int]] = {}  # index: (offset, bytes)
        self._count = 0

    def add(self, index: int, records: str, count: int) -> None:
        """Keep piece `index`'s `count` alerts, `records` the JSON array of their records."""
        if not count:
            return
        data = records.encode()
        self._file.seek(self._end)
        self._file.write(data)
        self._pieces[index] = (self._end, len(data))
        self._end += len(data)
        self._count += count

    def records(self) -> Iterator[Json]:
        """The alerts' records, piece by piece in the pieces' order."""
        for index in sorted(self._pieces):
            offset, size = self._pieces[index]
            self._file.seek(offset)
            yield from json.loads(self._file.read(size))

    def __iter__(self) -> Iterator[Alert]:
        return (alert_from_record(record) for record in self.records())

    def __len__(self) -> int:
        return self._count

    def __eq__(self, other: object) -> bool:
        if isinstance(other, AlertSpool):
            return len(self) == len(other) and list(self.records()) == list(other.records())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal by content, which changes
