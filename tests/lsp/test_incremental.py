"""Incremental linting (`brandlint.incremental`): after any edit, the alerts are those of a
full lint, at the same places; only the blocks an edit touched are checked again."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.incremental import BlockCache
from brandlint.workspace import Settings, Workspace

KESTREL = Path(__file__).resolve().parents[2] / "examples" / "kestrel"
WEB = str(KESTREL / "content" / "web" / "draft.md")
SOCIAL = str(KESTREL / "content" / "social" / "draft.md")

PAGE = """\
---
title: Spring at Kestrel
description: New ways to sell in store and online.
---
# Spring launch

Kestrel Pay takes card payments in one place. Retailers leverage synergy to keep stock in sync!!

## What is new

The new dashboard was designed by our team and it shows every order that was placed in \
every store and every web shop that you run, so your staff always know what is in stock \
and what is not, wherever they are working today.

Big news 🎉 for shops: the the app now sells in store. This is HUGE for retailers!

- Receipts go out by e-mail or SMS.
- Refunds take one tap\u200b.
"""

# pieces an editor types: words that wake rules, block breaks, marks, emoji, markup
PIECES = [
    "synergy ",
    "leverage",
    "!!",
    "!",
    " the the",
    "AMAZING ",
    "🎉",
    "\u200b",
    "\n\n",
    "\n",
    "# ",
    "- ",
    " was approved by the board",
    " and then we shipped the whole catalogue to every store in the country overnight",
    "Kestrel Cloud",
    " the best",
    "utilize the whitelist",
    "#synergy",
    "é",
    "",
]


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace(Settings())


def edit(text: str, at: int, removed: int, piece: str) -> str:
    at = min(at, len(text))
    return text[:at] + piece + text[at + removed :]


edits = st.lists(
    st.tuples(st.integers(0, len(PAGE)), st.integers(0, 12), st.sampled_from(PIECES)),
    min_size=1,
    max_size=6,
)


@pytest.mark.parametrize("path", [WEB, SOCIAL], ids=["web", "social"])
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=edits)
def test_every_version_lints_as_a_full_lint(workspace: Workspace, path: str, changes) -> None:
    cache = BlockCache()
    text = PAGE
    assert cache.lint_text(workspace, text, path, "markdown") == workspace.lint_text(
        text, path, "markdown"
    )
    for at, removed, piece in changes:
        text = edit(text, at, removed, piece)
        incremental = cache.lint_text(workspace, text, path, "markdown")
        assert incremental == workspace.lint_text(text, path, "markdown")


def alerts(found) -> list[tuple[str, int, int, int, int, str]]:
    return [
        (a.rule, a.span.line, a.span.column, a.span.end_line, a.span.end_column, a.message)
        for a in found
    ]


def test_a_block_inserted_above_moves_the_kept_alerts_down(workspace: Workspace) -> None:
    cache = BlockCache()
    before = "# Spring launch\n\nThis is HUGE for retailers!!\n"
    after = "# Spring launch\n\nCard payments in one place.\n\nThis is HUGE for retailers!!\n"
    first = cache.lint_text(workspace, before, WEB, "markdown")
    assert alerts(first) == [
        ("brandlint.tone.caps", 3, 9, 3, 13, "'HUGE' is in capitals; it reads as shouting."),
        ("brandlint.tone.exclamation", 3, 27, 3, 29, "Use one punctuation mark, not '!!'."),
    ]
    checked_first = cache.checked
    moved = cache.lint_text(workspace, after, WEB, "markdown")
    assert alerts(moved) == [
        ("brandlint.tone.caps", 5, 9, 5, 13, "'HUGE' is in capitals; it reads as shouting."),
        ("brandlint.tone.exclamation", 5, 27, 5, 29, "Use one punctuation mark, not '!!'."),
    ]
    assert [a.replacements for a in moved] == [(), ("!",)]
    assert moved == workspace.lint_text(after, WEB, "markdown")
    # the heading and the moved paragraph were kept; only the new paragraph was checked
    assert cache.reused == checked_first
    assert 0 < cache.checked < checked_first


def test_only_the_edited_block_is_checked_again(workspace: Workspace) -> None:
    cache = BlockCache()
    cache.lint_text(workspace, PAGE, WEB, "markdown")
    checked_first = cache.checked
    edited = PAGE.replace("Big news", "Great news")
    found = cache.lint_text(workspace, edited, WEB, "markdown")
    assert found == workspace.lint_text(edited, WEB, "markdown")
    assert [(a.rule, a.span.line, a.span.column) for a in found if a.span.line == 13] == [
        ("brandlint.channels.web-emoji", 13, 12),
        ("brandlint.plain-language.repeated-words", 13, 25),
        ("brandlint.tone.caps", 13, 65),
    ]
    # one paragraph of eight blocks changed: only it was checked again, by each per-block
    # rule that reads paragraphs (a rule woken by a phrase elsewhere reads it too)
    assert cache.checked + cache.reused == checked_first
    assert 0 < cache.checked < checked_first / 4
