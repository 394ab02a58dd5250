"""Presenting alerts: one module per output format, chosen by name in `REPORTERS`."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from brandlint.core.alerts import Alert


@dataclass(frozen=True)
class Report:
    """What a run found: the alerts, the sources of files with alerts, every checked path.

    `brandlint check` hands the alerts over as the files are linted, in file order: a
    reporter reads them once, and finds `checked` complete only once it has read them all."""

    alerts: Iterable[Alert]
    checked: Sequence[str]
    sources: Mapping[str, str] = field(default_factory=dict)
    color: bool = False


Reporter = Callable[[Report, TextIO], None]
# format name → module in this package with a `report(report, out)` function
_MODULES = {
    "text": "text",
    "json": "json_report",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "vale-json": "vale_json",
}
FORMATS = tuple(_MODULES)


def reporter(name: str) -> Reporter:
    module = importlib.import_module(f"brandlint.reporters.{_MODULES[name]}")
    return module.report  # type: ignore[no-any-return]
