"""SARIF 2.1.0, as GitHub code scanning and other CI dashboards read it.

Columns are code points (`columnKind: unicodeCodePoints`), the unit brandlint reports in.
Each alert with a safe fix carries it as a SARIF `fix` with its replacement.
"""

from __future__ import annotations

from typing import Any, TextIO

from brandlint import __version__
from brandlint.core.alerts import Alert, Level
from brandlint.reporters import Report, indented_json

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "note"}


def _region(alert: Alert) -> dict[str, int]:
    span = alert.span
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _result(alert: Alert, rule_index: int) -> dict[str, Any]:
    location = {
        "physicalLocation": {"artifactLocation": {"uri": alert.path}, "region": _region(alert)}
    }
    result: dict[str, Any] = {
        "ruleId": alert.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[alert.level],
        "message": {"text": alert.message},
        "locations": [location],
        # the brand score it counts in (docs/scores.md); SARIF's bag for tool-specific facts
        "properties": {"category": alert.category},
    }
    if alert.fixable and alert.replacements and not alert.suggestion:  # suggestions: a choice
        result["fixes"] = [
            {
                "description": {"text": f"Replace with '{alert.replacements[0]}'"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": alert.path},
                        "replacements": [
                            {
                                "deletedRegion": _region(alert),
                                "insertedContent": {"text": alert.replacements[0]},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def report(found: Report, out: TextIO) -> None:
    alerts = list(found.alerts)  # the rules they come from are listed before them
    rules: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    for alert in alerts:
        if alert.rule not in rules:
            rules[alert.rule] = len(descriptors)
            descriptor: dict[str, Any] = {
                "id": alert.rule,
                "shortDescription": {"text": alert.reason or alert.rule},
                "defaultConfiguration": {"level": _LEVELS[alert.level]},
            }
            if alert.link:
                descriptor["helpUri"] = alert.link
            descriptors.append(descriptor)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "brandlint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/brandlint/",
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(a, rules[a.rule]) for a in alerts],
            }
        ],
    }
    indented_json.dump(log, out.write)
    out.write("\n")
