"""Alerts and guide problems as LSP diagnostics."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from brandlint.core.alerts import Alert, Level
from brandlint.core.errors import Problem

from .positions import span_to_range
from .session import Notice

SEVERITY = {
    Level.ERROR: types.DiagnosticSeverity.Error,
    Level.WARNING: types.DiagnosticSeverity.Warning,
    Level.SUGGESTION: types.DiagnosticSeverity.Information,
}
SOURCE = "brandlint"


def alert_diagnostic(alert: Alert, lines: Sequence[str], codec: PositionCodec) -> types.Diagnostic:
    return types.Diagnostic(
        range=span_to_range(alert.span, lines, codec),
        severity=SEVERITY[alert.level],
        code=alert.rule,
        code_description=types.CodeDescription(href=alert.link) if alert.link else None,
        source=SOURCE,
        message=alert.message,
        data={
            "rule": alert.rule,
            "replacements": list(alert.replacements),
            "fixable": alert.fixable,
        },
    )


class Shown:
    """One alert's diagnostic, and its JSON once it was sent (made on first use)."""

    __slots__ = ("_json", "_to_json", "diagnostic")

    def __init__(
        self,
        diagnostic: types.Diagnostic,
        to_json: Callable[[types.Diagnostic], dict[str, Any]],
        json: dict[str, Any] | None = None,
    ) -> None:
        self.diagnostic = diagnostic
        self._to_json = to_json
        self._json = json

    @property
    def json(self) -> dict[str, Any]:
        if self._json is None:
            self._json = self._to_json(self.diagnostic)
        return self._json

    def moved(self, lines: int) -> Shown:
        """The same diagnostic `lines` lines further down (up, if negative)."""
        start, end = self.diagnostic.range.start, self.diagnostic.range.end
        range = types.Range(
            start=types.Position(line=start.line + lines, character=start.character),
            end=types.Position(line=end.line + lines, character=end.character),
        )
        json = None
        if self._json is not None:
            json = {**self._json, "range": _range_json(range)}
        return Shown(attrs.evolve(self.diagnostic, range=range), self._to_json, json)


class Converted:
    """The diagnostics of one open document, kept from one result to the next.

    An edit in a long page leaves most alerts as they were, only moved: a diagnostic is
    kept for an alert that reads as before (rule, level, message, fix, columns) on lines
    that read as before, and moved to where the alert stands now; each conversion costs a
    walk along the alert's lines in the client's units, and each JSON encoding a pass of
    cattrs, which a page of 500 alerts would pay on every keystroke."""

    def __init__(
        self, codec: PositionCodec, to_json: Callable[[types.Diagnostic], dict[str, Any]]
    ) -> None:
        self.codec = codec
        self.to_json = to_json
        self._kept: dict[tuple[Any, ...], tuple[int, Shown]] = {}

    def shown(self, alerts: Sequence[Alert], lines: Sequence[str]) -> list[Shown]:
        kept = self._kept
        converted: dict[tuple[Any, ...], tuple[int, Shown]] = {}
        out = []
        for alert in alerts:
            span = alert.span
            key = (
                alert.rule,
                alert.level,
                alert.message,
                alert.link,
                alert.replacements,
                alert.fixable,
                span.column,
                span.end_line - span.line,
                span.end_column,
                _line(lines, span.line),
                _line(lines, span.end_line),
            )
            found = kept.get(key) or converted.get(key)
            if found is None:
                shown = Shown(alert_diagnostic(alert, lines, self.codec), self.to_json)
            elif found[0] != span.line:
                shown = found[1].moved(span.line - found[0])
            else:
                shown = found[1]
            converted[key] = (span.line, shown)
            out.append(shown)
        self._kept = converted
        return out


def _line(lines: Sequence[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _range_json(range: types.Range) -> dict[str, Any]:
    return {
        "start": {"line": range.start.line, "character": range.start.character},
        "end": {"line": range.end.line, "character": range.end.character},
    }


def notice_diagnostic(notice: Notice) -> types.Diagnostic:
    """Why a document was not checked, at its start."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=start, end=start),
        severity=types.DiagnosticSeverity.Warning,
        code=notice.code,
        source=SOURCE,
        message=notice.message,
    )


def problem_diagnostic(
    problem: Problem, lines: Sequence[str], codec: PositionCodec
) -> types.Diagnostic:
    """A guide problem (1-based line and column in code points) at its place."""
    start = types.Position(line=problem.line - 1, character=problem.column - 1)
    end_character = len(lines[problem.line - 1].rstrip("\r\n")) if problem.line <= len(lines) else 0
    end = types.Position(line=problem.line - 1, character=max(problem.column - 1, end_character))
    severity = (
        types.DiagnosticSeverity.Error
        if problem.severity == "error"
        else types.DiagnosticSeverity.Warning
    )
    return types.Diagnostic(
        range=codec.range_to_client_units(lines, types.Range(start, end)),
        severity=severity,
        source=SOURCE,
        message=problem.message,
    )
