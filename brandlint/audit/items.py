"""What an audit reads: files brandlint lints, and CMS exports where each row is a piece.

An export is a `.csv` or `.jsonl` file whose rows have a `body` (or `text`, `content`,
`copy`) column and optionally `id`, `url`, `channel`, `lang`, `format` (markdown, html,
text). Each row is audited as `export.csv#ID`; positions are within the row's body.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass

BODY_COLUMNS = ("body", "text", "content", "copy")
EXPORT_SUFFIXES = (".csv", ".jsonl")


@dataclass(frozen=True)
class Item:
    """One piece to audit: a file on disk, or a row of an export (with its text).

    `path` is how reports name it; `location` is the absolute file (the export, for a row),
    so a worker in another folder or on another machine finds it and its guide.
    """

    path: str
    location: str
    text: str | None = None
    format: str | None = None
    channel: str | None = None
    lang: str | None = None


def export_items(path: str) -> Iterator[Item]:
    rows: Iterator[dict[str, object]]
    with open(path, encoding="utf-8-sig", newline="") as handle:
        if path.endswith(".csv"):
            rows = iter(list(csv.DictReader(handle)))
        else:
            rows = iter([json.loads(line) for line in handle if line.strip()])
    for number, row in enumerate(rows, start=1):
        body = next((row[c] for c in BODY_COLUMNS if row.get(c)), None)
        if not isinstance(body, str):
            continue
        name = str(row.get("id") or row.get("url") or f"row-{number}")
        yield Item(
            f"{path}#{name}",
            os.path.abspath(path),
            body,
            _str(row.get("format")) or "text",  # not the export's own format
            _str(row.get("channel")),
            _str(row.get("lang")),
        )


def _str(value: object) -> str | None:
    return str(value) if value else None


def is_export(path: str) -> bool:
    return path.lower().endswith(EXPORT_SUFFIXES)
