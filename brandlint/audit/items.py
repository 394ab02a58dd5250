"""What an audit reads: files brandlint lints, and CMS exports where each row is a piece.

An export is a `.csv` or `.jsonl` file whose rows have a `body` (or `text`, `content`,
`copy`) column and optionally `id`, `url`, `channel`, `lang`, `format` (markdown, html,
text); column names are matched without regard to case or surrounding spaces. Each row is
audited as `export.csv#ID`; positions are within the row's body.

Exports come from many tools, so reading them expects the worst:

- the text is UTF-8 (with or without a BOM; a UTF-16 or UTF-32 BOM is honoured too), else
  the encoding the user declared (`audit --encoding latin-1`), else the run stops with the
  file, byte offset and line that are not UTF-8;
- a CSV field may be of any size;
- a CSV without a body column, or a JSONL file none of whose records has one, stops the run
  (`UsageError`), naming the columns found and the ones expected;
- a row that cannot be read (a broken quote, a wrong number of fields, a JSONL line that is
  not a JSON object, a body that is not text) becomes an `Item` with a `problem`, which the
  audit lists as skipped with its row and line numbers, and the rest is audited;
- a lone surrogate a JSONL string escapes (half an emoji) becomes U+FFFD.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from brandlint.core.errors import UsageError

BODY_COLUMNS = ("body", "text", "content", "copy")
OPTIONAL_COLUMNS = ("id", "url", "channel", "lang", "format")
EXPORT_SUFFIXES = (".csv", ".jsonl")
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CSV_FIELD_LIMIT = 2**31 - 1  # fits a C long everywhere; a field is bounded by its file
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Item:
    """One piece to audit: a file on disk, or a row of an export (with its text).

    `path` is how reports name it; `location` is the absolute file (the export, for a row),
    so a worker in another folder or on another machine finds it and its guide. `problem`
    says why a piece cannot be audited (a broken row, a named pipe); it is then listed as
    skipped.
    """

    path: str
    location: str
    text: str | None = None
    format: str | None = None
    channel: str | None = None
    lang: str | None = None
    problem: str | None = None


def export_items(path: str, encoding: str | None = None) -> Iterator[Item]:
    """The rows of a CSV or JSONL export, each a piece (or, when broken, a skipped one).

    Raises `UsageError` when the file cannot be decoded or has no body column."""
    location = os.path.abspath(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        yield Item(path, location, problem=f"cannot be read: {exc.strerror or exc}")
        return
    text = decode_export(path, raw, encoding)
    if not text.strip():
        return
    rows = _csv_rows(path, text) if path.lower().endswith(".csv") else _jsonl_rows(path, text)
    for number, line, row in rows:
        name = f"{path}#row-{number}"
        if isinstance(row, str):
            yield Item(name, location, problem=f"line {line}: {row}")
            continue
        body = next((row[c] for c in BODY_COLUMNS if row.get(c)), None)
        if body is None:
            continue  # an empty row: nothing to audit
        if not isinstance(body, str):
            kind = type(body).__name__
            yield Item(name, location, problem=f"line {line}: the body is {kind}, not text")
            continue
        given = _str(row.get("id")) or _str(row.get("url"))
        yield Item(
            f"{path}#{given}" if given else name,
            location,
            body,
            _str(row.get("format")) or "text",  # not the export's own format
            _str(row.get("channel")),
            _str(row.get("lang")),
        )


def decode_export(path: str, raw: bytes, encoding: str | None = None) -> str:
    """The export's text: UTF-8 (BOM or not) or the encoding a BOM names, else `encoding`.

    A declared UTF-16 or UTF-32 is used first (without a BOM, such text can pass for
    UTF-8). Raises `UsageError` naming the byte offset and line that do not decode."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _decode(path, raw, codec, 0)
    if encoding and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        return _decode(path, raw, encoding, 0)
    skip = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        if encoding:
            return _decode(path, raw, encoding, skip)
        raise UsageError(
            f"{path}: not UTF-8 {_where(raw, exc.start + skip)}; "
            "name its encoding with --encoding (for example --encoding latin-1)"
        ) from None


def _decode(path: str, raw: bytes, codec: str, skip: int) -> str:
    try:
        text = raw[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not {codec} {_where(raw, exc.start + skip)}") from None
    return text.removeprefix("\ufeff")


def _where(raw: bytes, offset: int) -> str:
    line = raw.count(b"\n", 0, offset) + 1
    return f"at byte {offset} (0x{raw[offset]:02x}, line {line})"


Row = Mapping[str, object] | str  # the row by lower-case column, or why it is broken


def _csv_rows(path: str, text: str) -> Iterator[tuple[int, int, Row]]:
    """(row number, first line, row) for each non-blank row after the header.

    Parsing is strict, so a broken quote is an error rather than a field that silently
    swallows the rows after it; parsing resumes on the line after the broken row starts."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    pieces = text.split("\n")  # only "\n" ends a line: U+2028 and the like are copy
    lines = _Lines([p + "\n" for p in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else []))
    reader = csv.reader(lines, strict=True)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except StopIteration:
        header = []
    except csv.Error as exc:
        raise UsageError(f"{path}: line 1: the header row cannot be read ({exc})") from None
    if not any(column in header for column in BODY_COLUMNS):
        raise _no_body_column(path, "columns", header)
    number = 0
    while True:
        start = lines.read + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield number, start, f"cannot be read as CSV ({exc})"
            lines.read = start  # resume on the next line: a stray quote swallows no rows
            reader = csv.reader(lines, strict=True)
            continue
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue  # a blank line
        number += 1
        if len(cells) != len(header):
            yield number, start, f"{len(cells)} fields where the header has {len(header)}"
            continue
        row: dict[str, object] = {}
        for column, cell in zip(header, cells, strict=True):
            row.setdefault(column, cell)
        yield number, start, row


class _Lines:
    """The lines of a text, read one by one and re-readable from any line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.read = 0  # lines handed out so far

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.read >= len(self.lines):
            raise StopIteration
        self.read += 1
        return self.lines[self.read - 1]


def _jsonl_rows(path: str, text: str) -> Iterator[tuple[int, int, Row]]:
    """(record number, line, record) for each non-blank line; all are read before the
    first is given, to stop early when no record has a body field."""
    rows: list[tuple[int, int, Row]] = []
    keys: dict[str, None] = {}
    has_body = False
    number = 0
    for line, content in enumerate(text.split("\n"), start=1):
        if not content.strip():
            continue
        number += 1
        try:
            record = json.loads(content)
        except json.JSONDecodeError as exc:
            rows.append((number, line, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        except (ValueError, RecursionError) as exc:  # a 5,000-digit number, deep nesting
            rows.append((number, line, f"not valid JSON ({type(exc).__name__})"))
            continue
        if not isinstance(record, dict):
            rows.append((number, line, f"not a JSON object but {type(record).__name__}"))
            continue
        row: dict[str, object] = {}
        for key, value in record.items():
            row.setdefault(key.strip().lower(), _text(value) if isinstance(value, str) else value)
        keys.update(dict.fromkeys(row))
        if any(column in row for column in BODY_COLUMNS):
            has_body = True
        else:
            found = ", ".join(row) or "none"
            rows.append((number, line, f"no body field (found: {found})"))
            continue
        rows.append((number, line, row))
    if number and not has_body and keys:
        raise _no_body_column(path, "fields", list(keys))
    yield from rows


def _no_body_column(path: str, what: str, found: list[str]) -> UsageError:
    shown = ", ".join(column for column in found if column) or "none"
    return UsageError(
        f"{path}: no body column; {what} found: {shown}; expected one of "
        f"{', '.join(BODY_COLUMNS)} (and optionally {', '.join(OPTIONAL_COLUMNS)})"
    )


def _text(value: str) -> str:
    """JSON may escape half an emoji (`"\\ud83d"`): such a lone surrogate is no character and
    cannot be written as UTF-8, so it becomes U+FFFD (one for one: positions hold)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def _str(value: object) -> str | None:
    return str(value) if value else None


def is_export(path: str) -> bool:
    return path.lower().endswith(EXPORT_SUFFIXES)
