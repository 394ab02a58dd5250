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
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from brandlint.core.alerts import Alert
from brandlint.text_case import keeps_case


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


# kinds whose alert covers exactly the phrase the rule lists: their swap may rewrite a
# word in capitals or mixed case ("KCloud" → "Kestrel Cloud"), since that word is the point
_PHRASE_KINDS = frozenset({"term", "substitution", "existence", "consistency"})
_WORD = re.compile(r"[^\W_][\w'’-]*")
# a URL, an e-mail address or a file path, as a run of source without white space
_ADDRESS = re.compile(r"://|^www\.|[^\s@]@[^\s@]+\.\w|^(?:~|\.{1,2})?/|\\")
_MARKUP = frozenset("<>`")


@dataclass(frozen=True)
class Held:
    """A replacement `fix` did not apply, and why: a person chooses it (the editor offers
    it as a quick fix; `fix --diff` lists it under the diff)."""

    alert: Alert
    reason: str


def held_reason(alert: Alert, source: str) -> str | None:
    """Why the first replacement of `alert` may not be written blind, or None when it may.

    Checked on the alert alone; `plan_edits` also checks each edit against its neighbours.
    """
    if not alert.fixable:
        return "the words run across markup"
    if len(alert.replacements) > 1:
        return "several choices"
    if alert.suggestion:
        return "the right form depends on the sentence"
    start, end = alert.span.offset, alert.span.end_offset
    if _MARKUP & set(source[start:end]):
        return "the words hold markup"
    if _ADDRESS.search(_token_around(source, start, end)):
        return "the words are part of a URL, an e-mail address or a path"
    if alert.kind not in _PHRASE_KINDS:
        kept = set(_WORD.findall(alert.replacements[0]))
        for word in _WORD.findall(alert.match):
            if keeps_case(word, alert.lang) and word not in kept:
                return f"it would change how '{word}' is written"
    return None


def _token_around(source: str, start: int, end: int) -> str:
    """The run of source without white space that holds source[start:end]."""
    left = start
    while left > 0 and not source[left - 1].isspace():
        left -= 1
    right = end
    while right < len(source) and not source[right].isspace():
        right += 1
    return source[left:right]


def plan_edits(
    alerts: Iterable[Alert], source: str, *, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Edit]:
    """Non-overlapping edits for the fixable alerts, in source order; replacements that
    are only suggestions (`held_reason`) are left for a person to choose."""
    return _plan(alerts, source, select, ignore)[0]


def held_fixes(
    alerts: Iterable[Alert], source: str, *, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Held]:
    """The replacements `fix` leaves for a person, each with its reason."""
    return _plan(alerts, source, select, ignore)[1]


def _plan(
    alerts: Iterable[Alert], source: str, select: Sequence[str], ignore: Sequence[str]
) -> tuple[list[Edit], list[Held]]:
    candidates = sorted(
        (a for a in alerts if a.replacements and _selected(a.rule, select, ignore)),
        key=lambda a: (a.span.offset, -(a.span.end_offset - a.span.offset), a.rule),
    )
    edits: list[Edit] = []
    held: list[Held] = []
    reach = -1
    for alert in candidates:
        reason = held_reason(alert, source)
        if reason is not None:
            held.append(Held(alert, reason))
            continue
        start, end = alert.span.offset, alert.span.end_offset
        text = alert.replacements[0]
        if source[start:end] == text:
            continue
        if start < reach or (start == reach and edits and edits[-1].start == start):
            continue  # overlaps an earlier edit: the next round of `fix_source` plans it
        edit, reason = _fit(Edit(start, end, text, alert.rule), source, edits)
        if edit is None:
            held.append(Held(alert, reason))
            continue
        if edit.start < reach:
            continue
        edits.append(edit)
        reach = max(reach, edit.end)
    return edits, held


def _fit(edit: Edit, source: str, earlier: list[Edit]) -> tuple[Edit | None, str]:
    """`edit` as it joins the words around it, or None with the reason it cannot.

    A removal takes one space with it ("We really use" → "We use"; "[really fast][docs]"
    → "[fast][docs]"), never a bracket's last word or a sentence's first. No edit may
    double a word at its seams ("use use")."""
    if not edit.text and _WORD.search(source[edit.start : edit.end]):
        if _empties_brackets(source, edit):
            return None, "it would leave the link text or brackets empty"
        removal = _removal(edit, source)
        if removal is None:
            return None, "removing it would leave the words around it to rewrite"
        edit = removal
    if earlier and earlier[-1].end >= edit.start - 80:
        written = earlier[-1].text + source[earlier[-1].end : edit.start]
    else:
        written = source[max(0, edit.start - 80) : edit.start]
    previous = _WORD.findall(written)[-1:]
    following = _WORD.findall(source[edit.end : edit.end + 80])[:1]
    words = _WORD.findall(edit.text)
    seams = [(previous, words[:1]), (words[-1:], following)] if words else [(previous, following)]
    for left, right in seams:
        if left and right and left[0].lower() == right[0].lower():
            before = _WORD.findall(source[max(0, edit.start - 80) : edit.start])[-1:]
            original = before + _WORD.findall(source[edit.start : edit.end + 80])[:2]
            if not any(a.lower() == b.lower() for a, b in itertools.pairwise(original)):
                return None, f"it would repeat '{right[0]}'"
    return edit, ""


def _empties_brackets(source: str, edit: Edit) -> bool:
    """Whether removing the words would leave "[]" or "()": a link with no text."""
    opening = source[edit.start - 1 : edit.start] if edit.start else ""
    closing = source[edit.end : edit.end + 1]
    return opening in ("[", "(") and closing in ("]", ")")


def _removal(edit: Edit, source: str) -> Edit | None:
    """A removal widened by the one space it leaves, or None when removing the words
    would leave the sentence to rewrite (a bracket emptied, a sentence's first word gone,
    punctuation left hanging)."""
    before = source[edit.start - 1] if edit.start else "\n"
    after = source[edit.end] if edit.end < len(source) else "\n"
    if _starts_sentence(source, edit.start):
        return None
    if after == " " and before in " [(":
        return Edit(edit.start, edit.end + 1, "", edit.rule)
    if before == " " and after in ".,;:!?)]" and source[edit.start - 2 : edit.start - 1].isalnum():
        return Edit(edit.start - 1, edit.end, "", edit.rule)
    return None


def _starts_sentence(source: str, offset: int) -> bool:
    """Whether the copy at `offset` opens a sentence (after a full stop or a line start)."""
    before = source[:offset].rstrip(" \t")
    return not before or before[-1] in ".!?:\n#>*-+|"


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
    """What fixing one document did: the text before and after, the edits made, the
    alerts that remain in the fixed text (those no fix covers, and any a fix revealed),
    and the replacements left for a person to choose."""

    path: str
    original: str
    fixed: str
    edits: tuple[Edit, ...]
    remaining: tuple[Alert, ...]
    held: tuple[Held, ...] = ()

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


# Overlapping fixes are planned one round after another, each on the text the previous
# round wrote; a few rounds settle any real document, and a guide whose rules undo each
# other ("a" → "b", "b" → "a") stops here instead of going round for ever.
_ROUNDS = 4


def fix_source(
    path: str,
    source: str,
    lint: Callable[[str], list[Alert]],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> FixResult:
    """Plan the edits for `source`'s alerts, apply them, and lint the result again, until
    no safe fix is left (so `fix` run twice changes nothing the second time).

    `lint` lints a text as the document at `path` (the workspace's pipeline), so the
    verification sees the fixed copy exactly as a later `check` would. Each edit returned
    is in the offsets of the text its round started from."""
    text, alerts = source, lint(source)
    applied: list[Edit] = []
    seen = {source}
    for _ in range(_ROUNDS):
        edits = plan_edits(alerts, text, select=select, ignore=ignore)
        fixed = apply_edits(text, edits)
        if not edits or fixed in seen:
            break
        applied.extend(edits)
        seen.add(fixed)
        text, alerts = fixed, lint(fixed)
    held = held_fixes(alerts, text, select=select, ignore=ignore)
    return FixResult(path, source, text, tuple(applied), tuple(alerts), tuple(held))
