"""`audit --history FILE`: one JSON line per audit, and the trend the HTML report draws.

The history is JSON Lines so that a run appends one line and never rewrites what earlier
runs wrote (a CI job can keep the file as an artifact, or commit it). docs/audits.md lists
a line's fields. Category scores are the audit summary's (`brandlint.scores`), read, not
computed again.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from brandlint.audit.lights import light_svg
from brandlint.audit.records import AuditResult
from brandlint.core.categories import CATEGORIES
from brandlint.core.errors import UsageError
from brandlint.scores import Scored, light

Line = dict[str, Any]

# a series falls when its last score is this much below the one before (scores are shown
# to one decimal, so anything less is rounding)
REGRESSION = 0.1


def _categories(scores: Scored | None) -> Line:
    """Issues and score per category as the summary scored them: each category over the
    words of the files its rules apply to, so history and report never disagree."""
    return {name: part.record() for name, part in scores.categories.items()} if scores else {}


def history_line(audit: AuditResult, time: datetime | None = None) -> Line:
    """This audit as one history line."""
    s = audit.summary
    return {
        "time": (time or datetime.now(UTC)).isoformat(timespec="seconds"),
        "guide": hashlib.sha256("\0".join(sorted(audit.guides)).encode()).hexdigest()[:16],
        "files": s.files,
        "words": s.words,
        "alerts": s.alerts,
        "errors": s.errors,
        "warnings": s.warnings,
        "suggestions": s.suggestions,
        "score": s.score,
        "categories": _categories(s.scores),
        "channels": {
            c.channel: {
                "files": c.files,
                "words": c.words,
                "alerts": c.alerts,
                "score": c.score,
                "categories": _categories(c.scores),
            }
            for c in audit.channels
        },
    }


def read_history(path: str) -> list[Line]:
    """The lines earlier runs wrote (none when the file does not exist yet). A line that is
    not one is an error at its line: a trend drawn without it would mislead."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise UsageError(f"--history {path}: {exc.strerror or exc}") from None
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise UsageError(
                f"{path}:{number}:{exc.colno}: not a history line ({exc.msg}); "
                "remove the line or give another --history file"
            ) from None
        if not isinstance(line, dict) or not isinstance(line.get("channels"), dict):
            raise UsageError(
                f"{path}:{number}:1: not a history line (no `channels` object); "
                "remove the line or give another --history file"
            )
        lines.append(line)
    return lines


def append_history(path: str, line: Line) -> None:
    """Append `line` in one write, so a run that dies never leaves half a line."""
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise UsageError(f"--history {path}: {exc.strerror or exc}") from None


# -- the trend -------------------------------------------------------------------------

Series = dict[str, list[float | None]]


def _score(part: object) -> float | None:
    value = part.get("score") if isinstance(part, Mapping) else None
    return float(value) if isinstance(value, int | float) else None


def channel_series(lines: Sequence[Line]) -> Series:
    """Each channel's score per run (None for a run it was not in)."""
    names = sorted({name for line in lines for name in line["channels"]})
    return {n: [_score(line["channels"].get(n)) for line in lines] for n in names}


def category_series(lines: Sequence[Line]) -> Series:
    """Each category's corpus score per run (None for a run that did not score it)."""
    order = {name: n for n, name in enumerate(CATEGORIES)}
    found = {name for line in lines for name in line.get("categories") or {}}
    names = sorted(found, key=lambda c: (order.get(c, len(order)), c))
    return {n: [_score((line.get("categories") or {}).get(n)) for line in lines] for n in names}


def regressions(series: Series) -> dict[str, tuple[float, float]]:
    """The series whose last score fell since the run before: (before, now)."""
    fallen = {}
    for name, points in series.items():
        if len(points) >= 2 and points[-1] is not None and points[-2] is not None:
            before, now = points[-2], points[-1]
            if before - now >= REGRESSION - 1e-9:
                fallen[name] = (before, now)
    return fallen


_COLOURS = ("#0B5FFF", "#00875A", "#8E44AD", "#D35400", "#2C3E50", "#C2185B", "#7F8C00")


def trend_svg(series: Series, times: Sequence[str]) -> str:
    """A line chart of scores (0–100) over runs as inline SVG, one line per series, with
    the points that fell since the run before circled in red."""
    width, height, left, top, plot_w, plot_h = 760, 220, 40, 10, 520, 180
    steps = max(len(times) - 1, 1)

    def x(n: int) -> float:
        return left + plot_w * n / steps

    def y(score: float) -> float:
        return top + plot_h * (1 - score / 100)

    fallen = regressions(series)
    parts = [
        f'<svg class="trend" width="{width}" height="{height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for grid in (0, 50, 100):
        parts.append(
            f'<line x1="{left}" y1="{y(grid):g}" x2="{left + plot_w}" y2="{y(grid):g}" '
            f'stroke="#ddd"/><text x="0" y="{y(grid) + 4:g}" font-size="11">{grid}</text>'
        )
    for n, (name, points) in enumerate(series.items()):
        colour = _COLOURS[n % len(_COLOURS)]
        drawn = [(x(i), y(p)) for i, p in enumerate(points) if p is not None]
        coordinates = " ".join(f"{px:g},{py:g}" for px, py in drawn)
        label = html.escape(name)
        parts.append(
            f'<polyline class="series" data-name="{label}" points="{coordinates}" '
            f'fill="none" stroke="{colour}" stroke-width="2"><title>{label}</title></polyline>'
        )
        if name in fallen and drawn:
            before, now = fallen[name]
            px, py = drawn[-1]
            parts.append(
                f'<circle class="regression" data-name="{label}" cx="{px:g}" cy="{py:g}" r="5" '
                f'fill="none" stroke="#b00020" stroke-width="2">'
                f"<title>{label}: {before:g} → {now:g}</title></circle>"
            )
        last = next((p for p in reversed(points) if p is not None), None)
        shown = "" if last is None else f" {last:g}"
        mark = " ▼" if name in fallen else ""
        if last is not None:  # the latest score's traffic light, before its name
            parts.append(light_svg(left + plot_w + 8, top + 10 + 16 * n, light(last), label))
        parts.append(
            f'<text x="{left + plot_w + 16}" y="{top + 14 + 16 * n}" font-size="12" '
            f'fill="{colour}">{label}{shown}{mark}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def trend_html(lines: Sequence[Line]) -> str:
    """The report's trend section: charts per channel and per category and a list of what
    regressed, or nothing with fewer than two runs (a trend needs two points)."""
    if len(lines) < 2:
        return ""
    times = [str(line.get("time", "")) for line in lines]
    sections = []
    for title, series in (
        ("Score per channel", channel_series(lines)),
        ("Score per category", category_series(lines)),
    ):
        if not series:
            continue
        fallen = regressions(series)
        listed = "".join(
            f'<li class="regression">{html.escape(name)}: {before:g} → {now:g}</li>'
            for name, (before, now) in fallen.items()
        )
        note = f'<ul class="regressions">{listed}</ul>' if listed else "<p>No regression.</p>"
        sections.append(f"<h3>{title}</h3>{trend_svg(series, times)}{note}")
    span = f"{html.escape(times[0])} to {html.escape(times[-1])}"
    return (
        f'<section id="trend"><h2>Trend over {len(lines)} audits ({span})</h2>'
        + "".join(sections)
        + "</section>"
    )
