"""Turning alerts into edits of the source: one plan, shared by `brandlint fix` and the
language server's "fix all".

Only alerts whose span maps character for character onto the source are fixable (see
`Alert.fixable`): a fix never rewrites an entity, an escape, a line break inside a paragraph
or any markup. Where fixes overlap, the one that starts first wins (the longer on a tie,
then the rule id), so the result never depends on rule order.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from brandlint.core.alerts import Alert


@dataclass(frozen=True, order=True)
class Edit:
    """Replace source[start:end] (offsets in the decoded source) with `text`."""

    start: int
    end: int
    text: str
    rule: str


def _selected(rule: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    if select and not any(fnmatch.fnmatchcase(rule, p) for p in select):
        return False
    return not any(fnmatch.fnmatchcase(rule, p) for p in ignore)


def plan_edits(
    alerts: Iterable[Alert], source: str, *, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Edit]:
    """Non-overlapping edits for the fixable alerts, in source order."""
    candidates = sorted(
        (a for a in alerts if a.fixable and a.replacements and _selected(a.rule, select, ignore)),
        key=lambda a: (a.span.offset, -(a.span.end_offset - a.span.offset), a.rule),
    )
    edits: list[Edit] = []
    reach = -1
    for alert in candidates:
        start, end = alert.span.offset, alert.span.end_offset
        text = alert.replacements[0]
        if source[start:end] == text:
            continue
        if start < reach or (start == reach and edits and edits[-1].start == start):
            continue
        edits.append(Edit(start, end, text, alert.rule))
        reach = max(reach, end)
    return edits


def apply_edits(source: str, edits: Sequence[Edit]) -> str:
    out = []
    position = 0
    for edit in sorted(edits):
        out.append(source[position : edit.start])
        out.append(edit.text)
        position = edit.end
    out.append(source[position:])
    return "".join(out)
