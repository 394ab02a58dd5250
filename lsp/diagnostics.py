"""Alerts and guide problems as LSP diagnostics."""

from __future__ import annotations

from collections.abc import Sequence

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
