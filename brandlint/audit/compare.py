"""`audit --compare PREVIOUS.json`: the alerts new and fixed since a previous audit.

Alerts are matched by file, rule and matched text, the n-th occurrence of such a triple
in a file with its n-th occurrence before, and never by line: a paragraph that moved down
a page, or a heading added above it, changes every line after it, yet nothing in it is new
or fixed. When a triple occurs more often than before, its last occurrences are the new
ones (and the last ones before are the fixed ones when it occurs less often).
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from brandlint.core.alerts import Alert
from brandlint.core.errors import UsageError
from brandlint.reporters.json_report import alert_from_record, alert_record

Key = tuple[str, str, str]


@dataclass(frozen=True)
class Comparison:
    """What changed since the audit in `previous` (the file it was read from)."""

    previous: str
    new: tuple[Alert, ...]
    fixed: tuple[Alert, ...]

    def to_json(self) -> dict[str, Any]:
        """The keys the JSON report gains: `new` and `fixed` in the audit's alert shape."""
        return {
            "compared_with": self.previous,
            "new": [alert_record(a) for a in self.new],
            "fixed": [alert_record(a) for a in self.fixed],
        }


def read_previous(path: str) -> list[Alert]:
    """The alerts of a previous audit's `--json` report. A file that is not one is a usage
    error naming the file and what is wrong, so a CI job fails with a reason."""
    try:
        with open(path, encoding="utf-8") as handle:
            report = json.load(handle)
    except OSError as exc:
        raise UsageError(f"--compare {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"--compare {path}: not UTF-8 at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"--compare {path}:{exc.lineno}:{exc.colno}: not JSON ({exc.msg}); "
            "give the file an earlier `brandlint audit --json` wrote"
        ) from None
    records = report.get("alerts") if isinstance(report, dict) else None
    if not isinstance(records, list):
        raise UsageError(
            f"--compare {path}: no `alerts` list; give the file an earlier "
            "`brandlint audit --json` wrote"
        )
    alerts = []
    for number, record in enumerate(records, 1):
        try:
            alerts.append(alert_from_record(record))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise UsageError(
                f"--compare {path}: alert {number} is not an audit alert ({_why(exc)})"
            ) from None
    return alerts


def _why(exc: Exception) -> str:
    return f"no {exc.args[0]!r} field" if isinstance(exc, KeyError) else str(exc)


def _by_key(alerts: Iterable[Alert]) -> dict[Key, list[Alert]]:
    """Each (file, rule, matched text)'s alerts in their order in the file."""
    grouped: dict[Key, list[Alert]] = defaultdict(list)
    for alert in sorted(alerts, key=lambda a: (a.path, a.span.line, a.span.column)):
        grouped[(alert.path, alert.rule, alert.match)].append(alert)
    return grouped


def compare(previous: Iterable[Alert], current: Iterable[Alert], source: str = "") -> Comparison:
    """The alerts of `current` with no counterpart in `previous` (new) and those of
    `previous` with none in `current` (fixed), each in file order."""
    before, now = _by_key(previous), _by_key(current)
    new = [a for key, found in now.items() for a in found[len(before.get(key, ())) :]]
    fixed = [a for key, found in before.items() for a in found[len(now.get(key, ())) :]]

    def order(alert: Alert) -> tuple[str, int, int, str]:
        return (alert.path, alert.span.line, alert.span.column, alert.rule)

    return Comparison(source, tuple(sorted(new, key=order)), tuple(sorted(fixed, key=order)))


def text_lines(comparison: Comparison) -> list[str]:
    """The comparison as the audit prints it: a count line, then one line per alert."""
    lines = [
        f"since {comparison.previous}: {len(comparison.new)} new, {len(comparison.fixed)} fixed"
    ]
    for label, alerts in (("new", comparison.new), ("fixed", comparison.fixed)):
        lines.extend(
            f"{label} {a.path}:{a.span.line}:{a.span.column} {a.rule}: '{a.match}' {a.message}"
            for a in alerts
        )
    return lines


def comparison_html(comparison: Comparison) -> str:
    """The report's section: a table of new alerts and one of fixed ones."""
    e = html.escape

    def table(name: str, alerts: Sequence[Alert]) -> str:
        rows = "".join(
            f'<tr class="{name}"><td>{e(a.path)}:{a.span.line}:{a.span.column}</td>'
            f"<td>{e(a.rule)}</td><td>{e(a.match)}</td><td>{e(a.message)}</td></tr>"
            for a in alerts
        )
        return (
            f"<h3>{name.capitalize()} ({len(alerts)})</h3>"
            f'<table id="{name}"><tr><th>Where</th><th>Rule</th><th>Match</th>'
            f"<th>Message</th></tr>{rows}</table>"
        )

    return (
        f'<section id="compare"><h2>Since {e(comparison.previous)}</h2>'
        f"{table('new', comparison.new)}{table('fixed', comparison.fixed)}</section>"
    )
