"""JSON: an array of alerts with 1-based, end-exclusive positions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TextIO

from brandlint.core.alerts import Alert, Level, Span
from brandlint.reporters import Report, indented_json


def alert_record(alert: Alert) -> dict[str, Any]:
    return {
        "path": alert.path,
        "line": alert.span.line,
        "column": alert.span.column,
        "end_line": alert.span.end_line,
        "end_column": alert.span.end_column,
        "rule": alert.rule,
        "level": str(alert.level),
        "message": alert.message,
        "match": alert.match,
        "replacements": list(alert.replacements),
        "link": alert.link,
        "reason": alert.reason,
        "lang": alert.lang,
        "channel": alert.channel,
        "scope": alert.scope,
        "category": alert.category,
        **({"location": alert.location} if alert.location else {}),
    }


def alert_from_record(data: Mapping[str, Any]) -> Alert:
    """An alert read back from its JSON record (an audit's cache). The record has no source
    offsets: such an alert is for reports, not for fixing."""
    span = Span(
        int(data["line"]),
        int(data["column"]),
        int(data["end_line"]),
        int(data["end_column"]),
        0,
        0,
    )
    return Alert(
        path=str(data["path"]),
        rule=str(data["rule"]),
        level=Level.parse(str(data["level"])),
        message=str(data["message"]),
        span=span,
        match=str(data["match"]),
        replacements=tuple(str(r) for r in data.get("replacements") or ()),
        link=str(data.get("link", "")),
        reason=str(data.get("reason", "")),
        lang=str(data.get("lang", "")),
        channel=str(data.get("channel", "")),
        scope=str(data.get("scope", "")),
        location=str(data.get("location", "")),
        category=str(data.get("category", "")),
        fixable=False,
    )


def report(found: Report, out: TextIO) -> None:
    # an iterator is written item by item, as the alerts come
    indented_json.dump(map(alert_record, found.alerts), out.write)
    out.write("\n")
