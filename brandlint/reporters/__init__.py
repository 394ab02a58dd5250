"""Presenting alerts: one module per output format, chosen by name in `REPORTERS`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from brandlint.alerts import Alert


def _text(
    alerts: Sequence[Alert], sources: dict[str, str], out: TextIO, color: bool, checked: int
) -> None:
    from brandlint.reporters.text import report

    report(alerts, sources, out, color, checked)


def _json(
    alerts: Sequence[Alert], sources: dict[str, str], out: TextIO, color: bool, checked: int
) -> None:
    from brandlint.reporters.json_report import report

    report(alerts, out)


Reporter = Callable[[Sequence[Alert], dict[str, str], TextIO, bool, int], None]
REPORTERS: dict[str, Reporter] = {"text": _text, "json": _json}
