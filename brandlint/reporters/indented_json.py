"""JSON laid out as `json.dump(value, out, ensure_ascii=False, indent=2)` lays it out,
byte for byte, written several times faster.

Python's json module encodes in C only without `indent`. With it, every string, number and
bracket passes through a chain of Python generators: on a 1 MB file with 55,000 alerts the
JSON report cost as much as the text one had when it was quadratic. Here a small container
(an alert's record, a SARIF result) becomes one string through `str.join`, its strings
escaped by json's own C function; only containers too big for that are written piece by
piece, so the memory a report needs stays at one record's text.
"""

from __future__ import annotations

from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

_INDENT = "  "
# a container with more items than this is written item by item, not built as one string
_SMALL = 64


def dump(value: Any, write: Callable[[str], object]) -> None:
    """Write `value` as indented JSON through `write` (`out.write`, or one that escapes
    further, as Vale's Go output does)."""
    _write(value, 0, write)


def _write(value: Any, level: int, write: Callable[[str], object]) -> None:
    text = _text(value, level)
    if text is not None:
        write(text)
        return
    inner = "\n" + _INDENT * (level + 1)
    if isinstance(value, dict):
        write("{")
        for n, (key, item) in enumerate(value.items()):
            write(f"{',' if n else ''}{inner}{_key(key)}: ")
            _write(item, level + 1, write)
        write(f"\n{_INDENT * level}}}")
    else:
        write("[")
        for n, item in enumerate(value):
            write(f"{',' if n else ''}{inner}")
            _write(item, level + 1, write)
        write(f"\n{_INDENT * level}]")


def _text(value: Any, level: int) -> str | None:
    """`value` as indented JSON at nesting `level`; None when it is, or holds, a container
    of more than `_SMALL` items (then `_write` streams it)."""
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
                text = _text(item, level + 1)
                if text is None:
                    return None
            name = encode_basestring(key) if type(key) is str else _key(key)
            parts.append(f"{name}: {text}")
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
            text = _text(item, level + 1)
            if text is None:
                return None
            parts.append(text)
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
    inner = "\n" + _INDENT * (level + 1)
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
    return f"{opening}{inner}{(',' + inner).join(parts)}\n{_INDENT * level}{closing}"


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
