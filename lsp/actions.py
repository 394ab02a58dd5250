"""Code actions (quick fixes, "disable this rule on this line", "fix all") and hovers for
the alerts of a linted document."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from brandlint.core.alerts import Alert
from brandlint.document.front_matter import split_front_matter
from brandlint.fixer import plan_edits

from .diagnostics import alert_diagnostic
from .positions import offsets_to_range, position_to_offset, span_to_range
from .session import Linted

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
) -> list[types.CodeAction]:
    """The actions for the alerts touching `at`, and "fix all", of the kinds asked for."""
    actions: list[types.CodeAction] = []
    if _asks_for(types.CodeActionKind.QuickFix, only):
        start = position_to_offset(result.source, lines, codec, at.start)
        end = position_to_offset(result.source, lines, codec, at.end)
        for alert in result.alerts:
            if alert.span.offset <= end and start <= alert.span.end_offset:
                diagnostic = alert_diagnostic(alert, lines, codec)
                actions.extend(quick_fixes(uri, alert, diagnostic, lines, codec))
                disable = disable_line(uri, alert, result.format, result.source, lines)
                if disable is not None:
                    actions.append(disable)
    if _asks_for(FIX_ALL, only):
        everything = fix_all(uri, result.alerts, result.source, lines, codec)
        if everything is not None:
            actions.append(everything)
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
                is_preferred=n == 0,
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
    if alert.link:
        parts.append(f"[More about this rule]({alert.link})")
    return "\n\n".join(parts)
