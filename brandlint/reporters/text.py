"""Compiler-style text: `path:line:col: level rule message`, the line, and a caret line."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import TextIO

from brandlint.core.alerts import Alert, Level
from brandlint.reporters import Report

_COLORS = {Level.ERROR: "\033[31m", Level.WARNING: "\033[33m", Level.SUGGESTION: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def display_width(text: str) -> int:
    """Columns a terminal gives `text`: wide CJK and emoji take two, marks take none."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _excerpt(alert: Alert, source: str) -> list[str]:
    lines = source.split("\n")
    if not 0 < alert.span.line <= len(lines):
        return []
    line = lines[alert.span.line - 1].rstrip("\r").replace("\t", " ")
    start = alert.span.column - 1
    end = alert.span.end_column - 1 if alert.span.end_line == alert.span.line else len(line)
    pad = display_width(line[:start])
    marks = max(1, display_width(line[start:end]))
    return [f"    {line}", "    " + " " * pad + "^" * marks]


def report(found: Report, out: TextIO) -> None:
    alerts, sources, color, checked = found.alerts, found.sources, found.color, len(found.checked)

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    for alert in alerts:
        where = f"{alert.path}:{alert.span.line}:{alert.span.column}:"
        level = paint(str(alert.level), _COLORS[alert.level])
        out.write(f"{paint(where, _BOLD)} {level} {paint(alert.rule, _DIM)} {alert.message}\n")
        for line in _excerpt(alert, sources.get(alert.path, "")):
            out.write(line + "\n")
        if alert.replacements and any(alert.replacements):
            out.write(f"    fix: {' | '.join(repr(r) for r in alert.replacements)}\n")
    counts = Counter(a.level for a in alerts)
    files = len({a.path for a in alerts})
    parts = [
        f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}"
        for level in (Level.ERROR, Level.WARNING, Level.SUGGESTION)
    ]
    out.write(
        f"{', '.join(parts)} in {files} of {checked} file{'s' if checked != 1 else ''} checked.\n"
    )
