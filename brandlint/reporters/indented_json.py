"""JSON laid out as `json.dump(value, out, ensure_ascii=False, indent=indent)` lays it out,
byte for byte, written several times faster and streamed: the one JSON writer of the
reports (JSON, SARIF and Vale JSON at indent 2; the audit's JSON report at indent 1 and the
data of its HTML page on one line, `indent=None`).

Python's json module encodes in C only without `indent`. With it, every string, number and
bracket passes through a chain of Python generators: on a 1 MB file with 55,000 alerts the
JSON report cost as much as the text one had when it was quadratic. Here a small container
(an alert's record, a SARIF result) becomes one string through `str.join`, its strings
escaped by json's own C function; only containers too big for that are written piece by
piece, so the memory a report needs stays at one record's text. An iterator is written as
the array of its items, an item at a time: the audit's alerts, read from its spool as they
are written, are never all held.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from json.encoder import encode_basestring
from typing import Any

# a container with more items than this is written item by item, not built as one string
_SMALL = 64

Write = Callable[[str], object]


def dump(value: Any, write: Write, indent: int | None = 2) -> None:
    """Write `value` as JSON through `write` (`out.write`, or one that escapes further, as
    Vale's Go output and an HTML page's script do: a string is never split between two
    writes), each level indented by `indent` spaces, or all on one line when None."""
    _Layout(indent).write(value, 0, write)


class _Layout:
    """Where json puts line breaks and spaces for one `indent`: the text that opens each
    nesting level's items, and the separator between them, kept per level."""

    def __init__(self, indent: int | None) -> None:
        self._indent = indent
        self._starts: list[str] = []

    def start(self, level: int) -> str:
        """What precedes an item at nesting `level` (and a closing bracket at `level`-1)."""
        starts = self._starts
        while len(starts) <= level:
            starts.append("" if self._indent is None else "\n" + " " * (self._indent * len(starts)))
        return starts[level]

    def separator(self, level: int) -> str:
        """What goes between two items at nesting `level`."""
        return ", " if self._indent is None else "," + self.start(level)

    def write(self, value: Any, level: int, write: Write) -> None:
        text = self.text(value, level)
        if text is not None:
            write(text)
            return
        inner, between = self.start(level + 1), self.separator(level + 1)
        if isinstance(value, dict):
            write("{")
            for n, (key, item) in enumerate(value.items()):
                write(f"{between if n else inner}{_key(key)}: ")
                self.write(item, level + 1, write)
            write(f"{self.start(level)}}}")
            return
        write("[")
        written = False
        for item in value:
            if written:
                write(between)
            elif inner:  # on one line, nothing comes before the first item
                write(inner)
            self.write(item, level + 1, write)
            written = True
        write(f"{self.start(level)}]" if written else "]")

    def text(self, value: Any, level: int) -> str | None:
        """`value` as JSON at nesting `level`; None when it is, or holds, an iterator or a
        container of more than `_SMALL` items (then `write` streams it)."""
        if isinstance(value, str):
            return encode_basestring(value)
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return _float(value)
        if isinstance(value, dict):
            if not value:
                return "{}"
            if len(value) > _SMALL:
                return None
            parts = []
            for key, item in value.items():
                # strings and whole numbers, most of a report, without a call each
                kind = type(item)
                if kind is str:
                    text: str | None = encode_basestring(item)
                elif kind is int:
                    text = int.__repr__(item)
                else:
                    text = self.text(item, level + 1)
                    if text is None:
                        return None
                name = encode_basestring(key) if type(key) is str else _key(key)
                parts.append(f"{name}: {text}")
            opening, closing = "{", "}"
        elif isinstance(value, list | tuple):
            if not value:
                return "[]"
            if len(value) > _SMALL:
                return None
            parts = []
            for item in value:
                if type(item) is str:
                    parts.append(encode_basestring(item))
                    continue
                text = self.text(item, level + 1)
                if text is None:
                    return None
                parts.append(text)
            opening, closing = "[", "]"
        elif isinstance(value, Iterator):
            return None
        else:
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
        between = self.separator(level + 1)
        return f"{opening}{self.start(level + 1)}{between.join(parts)}{self.start(level)}{closing}"


def _float(value: float) -> str:
    """As json writes floats (with `allow_nan`, its default)."""
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    """A dict key as json writes it: strings escaped, numbers and constants as strings."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is True or key is False or key is None:
        return encode_basestring({True: "true", False: "false", None: "null"}[key])
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
