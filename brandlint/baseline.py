"""Baselines: adopt brandlint on an old repo by reporting only alerts that are new.

A baseline is the JSON output of `brandlint check --format json`. Alerts are matched by
path, rule and the text they flag — not by line, so editing above an old alert does not
make it new. Where a key appears more often now than in the baseline, the extra ones are new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from brandlint.core.alerts import Alert
from brandlint.core.errors import UsageError

Key = tuple[str, str, str]


def _key(path: str, rule: str, match: str) -> Key:
    return (Path(path).as_posix(), rule, match)


def load_baseline(path: str) -> Counter[Key]:
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
        return Counter(_key(r["path"], r["rule"], r["match"]) for r in records)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(
            f"--baseline {path}: not a baseline written by 'brandlint check --format json' ({exc})"
        ) from None


def new_alerts(
    alerts: Sequence[Alert], baseline: Counter[Key], *, consume: bool = False
) -> list[Alert]:
    """`consume`: count the matched alerts off `baseline` itself, for a run that reports
    file by file."""
    remaining = baseline if consume else Counter(baseline)
    out = []
    for alert in alerts:
        key = _key(alert.path, alert.rule, alert.match)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            out.append(alert)
    return out
