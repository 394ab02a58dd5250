"""Compiler-style text: `path:line:col: level rule message`, the line, and a caret line.

Paths, rule ids, messages and the copy itself come from files and guides and go to a
terminal, so control characters in them are shown as escapes (`\\x1b`, `\\u202e`): an ESC
sequence in a file cannot restyle or rewrite the terminal, and a BiDi override cannot
reorder what the reader sees. Plain text and emoji are written as they are.

The cost is linear in the alerts: each file's source is split into lines once, and a long
line (minified HTML, a one-line SVG) is shown as a window around the match, not whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import TextIO

from brandlint.core.alerts import Alert, Level
from brandlint.reporters import Report

_COLORS = {Level.ERROR: "\033[31m", Level.WARNING: "\033[33m", Level.SUGGESTION: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"

# C0 and C1 controls and DEL; the BiDi marks, embeddings, overrides and isolates; the line
# and paragraph separators some terminals break lines at.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

_WHOLE = 200  # a line of up to this many characters is shown whole
_CONTEXT = 60  # else this many characters either side of the match, cut ends marked "…"


def terminal_safe(text: str, keep: str = "") -> str:
    """`text` with each control character (but those in `keep`) as an escape: `\\x1b`
    below U+0100, `\\u202e` above."""
    if text.isascii() and text.isprintable():  # no control character: most copy, no scan
        return text

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(escape, text)


def display_width(text: str) -> int:
    """Columns a terminal gives `text`: wide CJK and emoji take two, marks take none."""
    if text.isascii():  # one column a character: most copy, without a lookup per character
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _shown(copy: str) -> str:
    return terminal_safe(copy.replace("\t", " "))


def _excerpt(alert: Alert, lines: list[str]) -> list[str]:
    """The alert's line (or a window of it) and the carets under the match. Only the part
    shown is sliced, so a one-line file with thousands of alerts costs no more per alert."""
    span = alert.span
    if not 0 < span.line <= len(lines):
        return []
    line = lines[span.line - 1]
    length = len(line) - line.endswith("\r")
    start = min(max(span.column - 1, 0), length)
    end = span.end_column - 1 if span.end_line == span.line else length
    end = max(start, min(end, length))
    low, high = 0, length
    if length > _WHOLE:
        low = max(0, start - _CONTEXT)
        high = min(length, min(end, start + _WHOLE) + _CONTEXT)
    shown_end = min(end, high)
    head = "…" if low > 0 else ""
    tail = "…" if high < length else ""
    before, match = _shown(line[low:start]), _shown(line[start:shown_end])
    after = _shown(line[shown_end:high])
    pad = display_width(head + before)
    marks = max(1, display_width(match))
    return [f"    {head}{before}{match}{after}{tail}", "    " + " " * pad + "^" * marks]


def report(found: Report, out: TextIO) -> None:
    sources, color = found.sources, found.color
    counts: Counter[Level] = Counter()
    files: set[str] = set()
    # the lines of the file the alerts are in, split once: a file's alerts come together,
    # so one file's lines are held at a time
    path: str | None = None
    lines: list[str] = []

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    for alert in found.alerts:
        if alert.path != path:
            path, lines = alert.path, sources.get(alert.path, "").split("\n")
            files.add(path)
        counts[alert.level] += 1
        where = terminal_safe(f"{alert.path}:{alert.span.line}:{alert.span.column}:")
        level = paint(str(alert.level), _COLORS[alert.level])
        rule, message = terminal_safe(alert.rule), terminal_safe(alert.message)
        if alert.location:  # a notebook cell, a Word paragraph
            message += terminal_safe(f" ({alert.location})")
        out.write(f"{paint(where, _BOLD)} {level} {paint(rule, _DIM)} {message}\n")
        for line in _excerpt(alert, lines):
            out.write(line + "\n")
        if alert.replacements and any(alert.replacements):
            fixes = " | ".join(terminal_safe(repr(r)) for r in alert.replacements)
            out.write(f"    fix: {fixes}\n")
    checked = len(found.checked)  # complete once every alert is read
    parts = [
        f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}"
        for level in (Level.ERROR, Level.WARNING, Level.SUGGESTION)
    ]
    out.write(
        f"{', '.join(parts)} in {len(files)} of {checked} file{'s' if checked != 1 else ''} "
        "checked.\n"
    )
