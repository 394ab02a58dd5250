"""JSON lines: one alert per line, for streaming into log pipelines and warehouses."""

from __future__ import annotations

import json
from typing import TextIO

from brandlint.reporters import Report
from brandlint.reporters.json_report import alert_record


def report(found: Report, out: TextIO) -> None:
    for alert in found.alerts:
        out.write(json.dumps(alert_record(alert), ensure_ascii=False) + "\n")
