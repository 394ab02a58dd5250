"""Code actions (quick fixes, "disable this rule on this line", "fix all") and hovers for
the alerts of a linted document."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from dataclasses import fields as dataclass_fields
from typing import Any

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from brandlint.core.alerts import Alert
from brandlint.core.errors import UsageError
from brandlint.document.front_matter import split_front_matter
from brandlint.fixer import plan_edits
from brandlint.guide.editing import accept_spelling, ban, prefer

from .diagnostics import alert_diagnostic
from .positions import offsets_to_range, position_to_offset, source_lines, span_to_range
from .session import Linted

log = logging.getLogger(__name__)

FIX_ALL = "source.fixAll.brandlint"
HASH_COMMENTS = ("python", "shell", "perl", "r", "elixir", "julia", "powershell", "ruby")
SLASH_COMMENTS = (
    *("javascript", "typescript", "tsx", "go", "rust", "c", "cpp", "csharp", "java"),
    *("kotlin", "scala", "swift", "dart", "groovy", "php", "proto", "scss"),
)
_COMMENTS = {
    "markdown": "<!-- brandlint-disable-next-line {rule} -->",
    "html": "<!-- brandlint-disable-next-line {rule} -->",
    "svg": "<!-- brandlint-disable-next-line {rule} -->",
    "css": "/* brandlint-disable-next-line {rule} */",
    "deck": "# brandlint-disable-next-line {rule}",
    "rst": ".. brandlint-disable-next-line {rule}\n",
    "po": "# brandlint-disable-next-line {rule}",
    **dict.fromkeys(HASH_COMMENTS, "# brandlint-disable-next-line {rule}"),
    **dict.fromkeys(SLASH_COMMENTS, "// brandlint-disable-next-line {rule}"),
    "haskell": "-- brandlint-disable-next-line {rule}",
    "lua": "-- brandlint-disable-next-line {rule}",
    "clojure": ";; brandlint-disable-next-line {rule}",
}


def code_actions(
    uri: str,
    result: Linted,
    at: types.Range,
    only: Sequence[str] | None,
    lines: Sequence[str],
    codec: PositionCodec,
    guide: GuideFile | None = None,
    command: bool = False,
) -> list[types.CodeAction]:
    """The actions for the alerts touching `at`, and "fix all", of the kinds asked for;
    `command`: see `guide_actions`."""
    actions: list[types.CodeAction] = []
    fixes = _asks_for(types.CodeActionKind.QuickFix, only)
    guide_edits = guide is not None and _asks_for(GUIDE_EDIT, only)
    start = position_to_offset(result.source, lines, codec, at.start)
    end = position_to_offset(result.source, lines, codec, at.end)
    for alert in result.alerts:
        if not (alert.span.offset <= end and start <= alert.span.end_offset):
            continue
        diagnostic = alert_diagnostic(alert, lines, codec)
        if fixes:
            actions.extend(quick_fixes(uri, alert, diagnostic, lines, codec))
            disable = disable_line(uri, alert, result.format, result.source, lines)
            if disable is not None:
                actions.append(disable)
        if guide is not None and guide_edits:
            actions.extend(guide_actions(guide, alert, diagnostic, codec, command))
    if _asks_for(FIX_ALL, only):
        everything = fix_all(uri, result.alerts, result.source, lines, codec)
        if everything is not None:
            actions.append(everything)
    return actions


# a refactoring of the guide, not a fix of the document: asked for apart from quick fixes
GUIDE_EDIT = "refactor.brandlint.guide"
# the command a guide action carries: the server edits the guide, then lints with it
EDIT_GUIDE = "brandlint.editGuide"


@dataclass(frozen=True)
class GuideFile:
    """The guide a document is linted with, as the editor has it (its buffer, or the
    server's edit not yet saved, else the disk)."""

    uri: str
    text: str


@dataclass(frozen=True)
class GuideChange:
    """One way to grow the guide from an alert. It travels as a command's argument and is
    applied to the guide as it reads when the user picks it, not when it was offered: the
    guide may have changed in between."""

    how: str  # accept, prefer or ban
    word: str
    rule: str = ""
    kind: str = ""
    preferred: str = ""  # the spelling the alert asked for, where the change needs it

    @property
    def title(self) -> str:
        return {
            "accept": f"Accept '{self.word}' in the guide",
            "prefer": f"Make '{self.word}' the preferred variant",
            "ban": f"Ban '{self.word}' in the guide",
        }[self.how]

    def apply(self, text: str) -> str:
        """The guide's new text. Raises UsageError when the guide cannot take it."""
        if self.how == "accept":
            return accept_spelling(text, self.rule, self.kind, self.word, self.preferred)
        if self.how == "prefer":
            return prefer(text, self.word, [self.preferred] if self.preferred else [])
        return ban(text, self.word)

    def arguments(self, guide_uri: str) -> list[Any]:
        return [guide_uri, asdict(self)]

    @classmethod
    def from_arguments(cls, arguments: Sequence[Any]) -> tuple[str, GuideChange]:
        """The guide's URI and the change, from a command's arguments. Raises ValueError
        when they are not what `arguments` gives."""
        names = {field.name for field in dataclass_fields(cls)}
        match arguments:
            case [str(uri), dict(given)] if (
                given.get("how") in ("accept", "prefer", "ban")
                and {"how", "word"} <= given.keys() <= names
                and all(isinstance(value, str) for value in given.values())
            ):
                return uri, cls(**given)
        raise ValueError(f"{EDIT_GUIDE} takes a guide's URI and a change, not {arguments!r}")


def guide_changes(alert: Alert) -> list[GuideChange]:
    """Accept, prefer and ban the word of a term, spelling or consistency alert."""
    word, kind = alert.match, alert.kind
    preferred = alert.replacements[0] if alert.replacements and kind == "term" else ""
    changes = []
    if kind == "spelling" or (kind == "term" and preferred):
        changes.append(GuideChange("accept", word, alert.rule, kind, preferred))
    if kind == "consistency" or (kind == "term" and preferred):
        changes.append(GuideChange("prefer", word, preferred=preferred))
    if kind in ("term", "spelling", "consistency"):
        changes.append(GuideChange("ban", word))
    return changes


def guide_actions(
    guide: GuideFile,
    alert: Alert,
    diagnostic: types.Diagnostic | None,
    codec: PositionCodec,
    command: bool = False,
) -> list[types.CodeAction]:
    """The guide changes that apply to `alert` and change the guide. With `command` (the
    client applies edits the server sends) each runs `EDIT_GUIDE`, and the documents are
    linted with the new guide as soon as the edit is applied; without, each is a plain
    edit of the guide, which the server reloads once the editor saves it."""
    actions = []
    for change in guide_changes(alert):
        try:
            text = change.apply(guide.text)
        except UsageError as exc:  # a guide the edit cannot reach: no action, said why
            log.warning("brandlint: cannot offer %r: %s", change.title, exc)
            continue
        if text == guide.text:
            continue
        action = types.CodeAction(
            title=change.title,
            kind=GUIDE_EDIT,
            diagnostics=[diagnostic] if diagnostic else None,
        )
        if command:
            action.command = types.Command(
                title=change.title, command=EDIT_GUIDE, arguments=change.arguments(guide.uri)
            )
        else:
            action.edit = whole_guide_edit(guide, text, codec)
        actions.append(action)
    return actions


def whole_guide_edit(guide: GuideFile, text: str, codec: PositionCodec) -> types.WorkspaceEdit:
    """Replace the guide's text with `text`: the editor shows the small diff."""
    lines = source_lines(guide.text)
    whole = offsets_to_range(guide.text, 0, len(guide.text), lines, codec)
    return _edit(guide.uri, [types.TextEdit(range=whole, new_text=text)])


def _asks_for(kind: str, only: Sequence[str] | None) -> bool:
    """LSP's `only`: a kind is asked for by itself or any kind it refines."""
    return not only or any(kind == asked or kind.startswith(asked + ".") for asked in only)


def hover(
    result: Linted, at: types.Position, lines: Sequence[str], codec: PositionCodec
) -> types.Hover | None:
    """The explanation of the alert under the cursor, if any."""
    offset = position_to_offset(result.source, lines, codec, at)
    for alert in result.alerts:
        if alert.span.offset <= offset < max(alert.span.end_offset, alert.span.offset + 1):
            return types.Hover(
                contents=types.MarkupContent(
                    kind=types.MarkupKind.Markdown, value=hover_text(alert)
                ),
                range=span_to_range(alert.span, lines, codec),
            )
    return None


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def quick_fixes(
    uri: str,
    alert: Alert,
    diagnostic: types.Diagnostic | None,
    lines: Sequence[str],
    codec: PositionCodec,
) -> list[types.CodeAction]:
    if not alert.fixable:
        return []
    out = []
    span_range = span_to_range(alert.span, lines, codec)
    for n, replacement in enumerate(alert.replacements):
        title = f"Replace with '{replacement}'" if replacement else f"Remove '{alert.match}'"
        out.append(
            types.CodeAction(
                title=f"{title} ({alert.rule})",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic] if diagnostic else None,
                # a suggestion is one choice among others: no editor may apply it unasked
                is_preferred=n == 0 and not alert.suggestion,
                edit=_edit(uri, [types.TextEdit(range=span_range, new_text=replacement)]),
            )
        )
    return out


def disable_line(
    uri: str, alert: Alert, format: str, source: str, lines: Sequence[str]
) -> types.CodeAction | None:
    """Insert the file type's suppression comment above the alert's line."""
    template = _COMMENTS.get(format)
    if template is None or _in_front_matter(source, alert.span.line):
        return None
    line = lines[alert.span.line - 1] if alert.span.line <= len(lines) else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    newline = "\r\n" if line.endswith("\r\n") else "\n"
    at = types.Position(line=alert.span.line - 1, character=0)
    text = indent + template.format(rule=alert.rule) + newline
    return types.CodeAction(
        title=f"Disable {alert.rule} on this line",
        kind=types.CodeActionKind.QuickFix,
        edit=_edit(uri, [types.TextEdit(range=types.Range(start=at, end=at), new_text=text)]),
    )


def _in_front_matter(source: str, line: int) -> bool:
    end = split_front_matter(source).end
    return bool(end) and line <= source[:end].count("\n")


def fix_all(
    uri: str, alerts: Sequence[Alert], source: str, lines: Sequence[str], codec: PositionCodec
) -> types.CodeAction | None:
    """One edit for every fixable alert shown (the engine's plan: no overlaps, the first
    wins), exactly those the user sees at the minimum level they chose."""
    edits = plan_edits(alerts, source)
    if not edits:
        return None
    text_edits = [
        types.TextEdit(
            range=offsets_to_range(source, e.start, e.end, lines, codec), new_text=e.text
        )
        for e in edits
    ]
    return types.CodeAction(
        title=f"Fix all brandlint alerts ({len(edits)})", kind=FIX_ALL, edit=_edit(uri, text_edits)
    )


def hover_text(alert: Alert) -> str:
    parts = [f"**{alert.rule}** — {alert.message}"]
    if alert.reason:
        parts.append(f"Why: {alert.reason}")
    if alert.replacements:
        shown = " or ".join(f"`{r}`" if r else "(remove)" for r in alert.replacements)
        parts.append(f"Replace with {shown}")
    if alert.detail:  # a voice score's breakdown, feature by feature
        parts.append(alert.detail)
    if alert.link:
        parts.append(f"[More about this rule]({alert.link})")
    return "\n\n".join(parts)
