"""JSON: an array of alerts with 1-based, end-exclusive positions."""

from __future__ import annotations

import json
from typing import Any, TextIO

from brandlint.core.alerts import Alert
from brandlint.reporters import Report


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
    }


def report(found: Report, out: TextIO) -> None:
    json.dump([alert_record(a) for a in found.alerts], out, ensure_ascii=False, indent=2)
    out.write("\n")
