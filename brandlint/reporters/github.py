"""GitHub Actions workflow commands: each alert annotates the pull request at its line.

Line breaks and the command's own delimiters are percent-encoded as the runner expects;
other control characters (an ESC sequence the log viewer would render, a BiDi override
that reorders the annotation) are shown as escapes, as in the text report.
"""

from __future__ import annotations

from typing import TextIO

from brandlint.core.alerts import Level
from brandlint.reporters import Report
from brandlint.reporters.text import terminal_safe

_COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "notice"}


def _data(text: str) -> str:
    text = terminal_safe(text, keep="\r\n")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report(found: Report, out: TextIO) -> None:
    for a in found.alerts:
        span = a.span
        out.write(
            f"::{_COMMANDS[a.level]} file={_property(a.path)},line={span.line},"
            f"col={span.column},endLine={span.end_line},endColumn={span.end_column},"
            f"title={_property(a.rule)}::{_data(a.message)}\n"
        )
