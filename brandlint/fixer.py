"""Fixing: turning alerts into edits of the source, applying them and checking the result.

One engine function (`fix_source`) plans, applies and re-lints; `brandlint fix`, the
language server's "fix all" and its quick fixes all go through it or its parts, and writing
the result to disk is `write_back`'s job (atomic, never over a file that changed).

Only alerts whose span maps character for character onto the source are fixable (see
`Alert.fixable`): a fix never rewrites an entity, an escape, a line break inside a paragraph
or any markup. Where fixes overlap, the one that starts first wins (the longer on a tie,
then the rule id), so the result never depends on rule order.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Sequence
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
    """Non-overlapping edits for the fixable alerts, in source order; replacements that
    are only suggestions (`Alert.suggestion`) are left for a person to choose."""
    candidates = sorted(
        (
            a
            for a in alerts
            if a.fixable
            and a.replacements
            and not a.suggestion
            and _selected(a.rule, select, ignore)
        ),
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


@dataclass(frozen=True)
class FixResult:
    """What fixing one document did: the text before and after, the edits made, and the
    alerts that remain in the fixed text (those no fix covers, and any a fix revealed)."""

    path: str
    original: str
    fixed: str
    edits: tuple[Edit, ...]
    remaining: tuple[Alert, ...]

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def fix_source(
    path: str,
    source: str,
    lint: Callable[[str], list[Alert]],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> FixResult:
    """Plan the edits for `source`'s alerts, apply them, and lint the result again.

    `lint` lints a text as the document at `path` (the workspace's pipeline), so the
    verification sees the fixed copy exactly as a later `check` would."""
    alerts = lint(source)
    edits = plan_edits(alerts, source, select=select, ignore=ignore)
    fixed = apply_edits(source, edits)
    remaining = lint(fixed) if edits else alerts
    return FixResult(path, source, fixed, tuple(edits), tuple(remaining))
