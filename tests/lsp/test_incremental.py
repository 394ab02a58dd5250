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


# a page as a typist leaves it between the edits below: an alert in its third paragraph
NOTES = (
    "# Spring launch\n\nOrders arrive in one list.\n\nThis is HUGE for retailers!!\n\n"
    "Refunds take one tap.\n"
)
CAPS = "'HUGE' is in capitals; it reads as shouting."
MARKS = "Use one punctuation mark, not '!!'."


def exact(found) -> list[tuple[str, int, int, int, int, str, tuple[str, ...]]]:
    return [
        (
            a.rule,
            a.span.line,
            a.span.column,
            a.span.end_line,
            a.span.end_column,
            a.message,
            a.replacements,
        )
        for a in found
    ]


def test_a_block_inserted_above_moves_the_kept_alerts_down(workspace: Workspace) -> None:
    cache = BlockCache()
    before = "# Spring launch\n\nThis is HUGE for retailers!!\n"
    after = "# Spring launch\n\nCard payments in one place.\n\nThis is HUGE for retailers!!\n"
    first = cache.lint_text(workspace, before, WEB, "markdown")
    assert exact(first) == [
        ("brandlint.tone.caps", 3, 9, 3, 13, CAPS, ()),
        ("brandlint.tone.exclamation", 3, 27, 3, 29, MARKS, ("!",)),
    ]
    checked_first = cache.checked
    moved = cache.lint_text(workspace, after, WEB, "markdown")
    assert exact(moved) == [
        ("brandlint.tone.caps", 5, 9, 5, 13, CAPS, ()),
        ("brandlint.tone.exclamation", 5, 27, 5, 29, MARKS, ("!",)),
    ]
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


def test_an_edit_in_the_middle_moves_the_alerts_after_it_on_its_line(
    workspace: Workspace,
) -> None:
    cache = BlockCache()
    cache.lint_text(workspace, NOTES, WEB, "markdown")
    edited = NOTES.replace("HUGE for retailers", "HUGE for our retailers")
    found = cache.lint_text(workspace, edited, WEB, "markdown")
    assert exact(found) == [
        ("brandlint.tone.caps", 5, 9, 5, 13, CAPS, ()),
        ("brandlint.tone.exclamation", 5, 31, 5, 33, MARKS, ("!",)),
    ]
    assert found == workspace.lint_text(edited, WEB, "markdown")
    assert cache.inline.read == 1  # only the edited paragraph was read again


def test_a_fence_opened_above_a_paragraph_turns_it_into_code_and_closing_it_brings_it_back(
    workspace: Workspace,
) -> None:
    cache = BlockCache()
    cache.lint_text(workspace, NOTES, WEB, "markdown")
    opened = NOTES.replace("This is HUGE", "```\nThis is HUGE")
    assert cache.lint_text(workspace, opened, WEB, "markdown") == []
    assert workspace.lint_text(opened, WEB, "markdown") == []
    closed = opened.replace("retailers!!\n", "retailers!!\n```\n")
    assert cache.lint_text(workspace, closed, WEB, "markdown") == []
    reopened = closed.replace("```\nThis", "This")  # the opening fence deleted
    found = cache.lint_text(workspace, reopened, WEB, "markdown")
    # the fence left below the paragraph now opens a code block over the last paragraph
    assert exact(found) == [
        ("brandlint.tone.caps", 5, 9, 5, 13, CAPS, ()),
        ("brandlint.tone.exclamation", 5, 27, 5, 29, MARKS, ("!",)),
    ]
    assert found == workspace.lint_text(reopened, WEB, "markdown")


def test_deleting_the_blank_line_between_two_paragraphs_reads_them_as_one(
    workspace: Workspace,
) -> None:
    cache = BlockCache()
    cache.lint_text(workspace, NOTES, WEB, "markdown")
    merged = NOTES.replace("one list.\n\nThis", "one list.\nThis")
    found = cache.lint_text(workspace, merged, WEB, "markdown")
    assert exact(found) == [
        ("brandlint.tone.caps", 4, 9, 4, 13, CAPS, ()),
        ("brandlint.tone.exclamation", 4, 27, 4, 29, MARKS, ("!",)),
    ]
    assert found == workspace.lint_text(merged, WEB, "markdown")
    # the merged paragraph is new copy: read and checked afresh
    assert cache.inline.read == 1
    assert cache.checked > 0


def test_a_paragraph_with_inline_markup_that_moves_keeps_its_findings(
    workspace: Workspace,
) -> None:
    cache = BlockCache()
    before = "# Spring launch\n\nThis is **HUGE** for [retailers](/shops)!!\n"
    after = "# Spring launch\n\nCard payments in one place.\n\n" + before.split("\n\n", 1)[1]
    cache.lint_text(workspace, before, WEB, "markdown")
    checked_first = cache.checked
    moved = cache.lint_text(workspace, after, WEB, "markdown")
    assert exact(moved) == [
        ("brandlint.tone.caps", 5, 11, 5, 15, CAPS, ()),
        ("brandlint.tone.exclamation", 5, 41, 5, 43, MARKS, ("!",)),
    ]
    assert moved == workspace.lint_text(after, WEB, "markdown")
    # the emphasis and the link stand elsewhere in the copy, yet read the same
    assert cache.reused == checked_first
