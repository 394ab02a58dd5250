"""Vale's `--output=JSON`, field for field, for tools that read Vale's output.

The shape, as Vale v3 writes it (errata-ai/vale `cmd/vale/json.go` and `cmd/vale/util.go`:
`json.MarshalIndent(map[path][]Alert, "", "  ")` then a newline; `internal/core/alert.go`:
the Alert struct, whose `Offset`, `Limit` and `Hide` fields are left out):

- an object mapping each file's path, as it was given or walked (folders joined with the
  file name, so `./a.md` reads `a.md`), to its alerts; files without alerts are absent, keys
  are sorted (Go sorts map keys), `{}` when nothing was found;
- each alert's fields in this order: `Action` (`Name`, `Params`: null when the rule has
  no action), `Span`, `Check`, `Description`, `Link`, `Message`, `Severity`, `Match`,
  `Line`;
- `Line` is 1-based; `Span` is [first column, last column] on that line: 1-based, the end
  inclusive, counted in runes (code points), the end being the start plus the length of
  the alert's span minus one (Vale: of the text its search found), capped at the line's
  length with its line break (`internal/core/file.go`, `FindLoc`/`assignLoc`), and at
  least 1;
- `Message` has its white space runs made single spaces (`core.FormatAlert`);
- alerts of a file sorted by line, then first column (`core.ByPosition`);
- strings escaped as Go escapes them: `<`, `>`, `&`, U+2028 and U+2029 as `\\u` escapes,
  other characters as UTF-8.
"""

from __future__ import annotations

import os
import re
from typing import Any, TextIO

from brandlint.core.alerts import Alert
from brandlint.reporters import Report, indented_json

# rule kinds of Vale's own: their rules show an action only when their file names one
VALE_KINDS = frozenset(
    {
        "existence",
        "substitution",
        "occurrence",
        "repetition",
        "consistency",
        "capitalization",
        "conditional",
        "readability",
        "spelling",
        "sequence",
        "metric",
        "script",
    }
)
_GO_ESCAPES = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def report(report: Report, out: TextIO) -> None:
    by_path: dict[str, list[Alert]] = {}
    for alert in report.alerts:
        by_path.setdefault(vale_path(alert.path), []).append(alert)
    lines_of: dict[str, list[str]] = {}  # each file's lines, split once, not once per alert

    def record(alert: Alert) -> dict[str, Any]:
        source = report.sources.get(alert.path)
        if source is None:
            return _record(alert, None)
        lines = lines_of.get(alert.path)
        if lines is None:
            lines = lines_of[alert.path] = source.split("\n")
        return _record(alert, lines)

    data = {
        path: [
            record(alert) for alert in sorted(alerts, key=lambda a: (a.span.line, a.span.column))
        ]
        for path, alerts in sorted(by_path.items(), key=lambda item: item[0].encode("utf-8"))
    }
    indented_json.dump(data, lambda text: out.write(text.translate(_GO_ESCAPES)))
    out.write("\n")


def vale_path(path: str) -> str:
    """A path as Vale shows it: cleaned (`./a.md` is `a.md`), as given otherwise."""
    return path if path.startswith("<") else os.path.normpath(path)


def alert_record(alert: Alert, source: str | None = None) -> dict[str, Any]:
    """One alert in Vale's JSON shape; `source` (the file's text) caps the span's end at
    its line, as Vale does."""
    return _record(alert, None if source is None else source.split("\n"))


def _record(alert: Alert, lines: list[str] | None) -> dict[str, Any]:
    """`alert_record` with the file's lines split already (once per file, not per alert)."""
    return {
        "Action": action(alert),
        "Span": span(alert, lines),
        "Check": alert.rule,
        "Description": _description(alert),
        "Link": alert.link,
        "Message": re.sub(" +", " ", alert.message.replace("\n", " ")),
        "Severity": str(alert.level),
        "Match": alert.match,
        "Line": alert.span.line,
    }


def span(alert: Alert, lines: list[str] | None) -> list[int]:
    """[first column, last column] (1-based, inclusive, in code points) on `Line`: as long
    as the alert's span (its match in the source, or what `--vale-compat` placed it on)."""
    start = alert.span.column
    length = alert.span.end_offset - alert.span.offset
    if not alert.span.end_offset:  # read back from a report: no offsets, its match then
        length = len(alert.match)
    end = start + length - 1
    line = _line(lines, alert.span.line) if lines is not None else None
    if line is not None and end > len(line):
        end = len(line)
    elif end <= 0:
        end = 1
    return [start, end]


def _line(lines: list[str], number: int) -> str | None:
    """Line `number` (1-based) with its line break, as Vale splits a file (CRLF read as LF)."""
    if not 1 <= number <= len(lines):
        return None
    text = lines[number - 1].rstrip("\r")
    return text + "\n" if number < len(lines) else text


def action(alert: Alert) -> dict[str, Any]:
    """Vale's `Action`: the rule's own `action` (a substitution's `replace` without params
    offers its swap's choices); for brandlint's own kinds, the fix the alert offers."""
    if alert.action is not None:
        name, params = alert.action
        shown = None if params is None else list(params)
        if name == "replace" and not params and alert.kind == "substitution":
            shown = list(alert.replacements)
        return {"Name": name, "Params": shown}
    if alert.kind and alert.kind not in VALE_KINDS and alert.replacements:
        if alert.replacements == ("",):
            return {"Name": "remove", "Params": None}
        return {"Name": "replace", "Params": list(alert.replacements)}
    return {"Name": "", "Params": None}


def _description(alert: Alert) -> str:
    """The rule's description (brandlint: its reason), `%s` standing for the match."""
    reason = alert.reason
    return reason.replace("%s", alert.match, 1).replace("%s", "") if "%s" in reason else reason
