"""Code actions (quick fixes, "disable this rule on this line", "fix all") and hovers for
the alerts of a linted document."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
) -> list[types.CodeAction]:
    """The actions for the alerts touching `at`, and "fix all", of the kinds asked for."""
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
            actions.extend(guide_actions(guide, alert, diagnostic, codec))
    if _asks_for(FIX_ALL, only):
        everything = fix_all(uri, result.alerts, result.source, lines, codec)
        if everything is not None:
            actions.append(everything)
    return actions


# a refactoring of the guide, not a fix of the document: asked for apart from quick fixes
GUIDE_EDIT = "refactor.brandlint.guide"


@dataclass(frozen=True)
class GuideFile:
    """The guide a document is linted with, as its editor buffer (or the disk) has it."""

    uri: str
    text: str


def guide_actions(
    guide: GuideFile, alert: Alert, diagnostic: types.Diagnostic | None, codec: PositionCodec
) -> list[types.CodeAction]:
    """Accept, prefer and ban a term, spelling or consistency alert's word: each an edit
    of the guide, which the server reloads once the editor saves it."""
    word, preferred = alert.match, alert.replacements[0] if alert.replacements else ""
    changes: list[tuple[str, Callable[[], str]]] = []
    if alert.kind == "spelling" or (alert.kind == "term" and preferred):
        changes.append(
            (
                f"Accept '{word}' in the guide",
                lambda: accept_spelling(guide.text, alert.rule, alert.kind, word, preferred),
            )
        )
    if alert.kind == "consistency" or (alert.kind == "term" and preferred):
        others = [preferred] if alert.kind == "term" else []
        changes.append(
            (f"Make '{word}' the preferred variant", lambda: prefer(guide.text, word, others))
        )
    if alert.kind in ("term", "spelling", "consistency"):
        changes.append((f"Ban '{word}' in the guide", lambda: ban(guide.text, word)))
    actions = []
    for title, edit in changes:
        try:
            text = edit()
        except UsageError as exc:  # a guide the edit cannot reach: no action, said why
            log.warning("brandlint: cannot offer %r: %s", title, exc)
            continue
        if text == guide.text:
            continue
        lines = source_lines(guide.text)
        whole = offsets_to_range(guide.text, 0, len(guide.text), lines, codec)
        actions.append(
            types.CodeAction(
                title=title,
                kind=GUIDE_EDIT,
                diagnostics=[diagnostic] if diagnostic else None,
                # no `command`: lsprotocol-based clients read an action carrying one as a
                # bare Command and lose its edit; saving the guide reloads it anyway
                edit=_edit(guide.uri, [types.TextEdit(range=whole, new_text=text)]),
            )
        )
    return actions


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
