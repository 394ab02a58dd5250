"""The linter holds the garbage collector off while it lints, gives it back as it found it,
and frees a document's context (every block's spaCy doc) without waiting for it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from brandlint import Settings, Workspace
from brandlint.core.rule import Finding, LintContext
from brandlint.linter import collector_paused

PAGE = "# Launch\n\nWe leverage synergy.\n\nShort words win. Long ones cost readers time.\n"


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace(Settings())


def alerts(workspace: Workspace) -> list[tuple[str, int, int, int, str, tuple[str, ...]]]:
    return [
        (a.rule, a.span.line, a.span.column, a.span.end_column, a.message, a.replacements)
        for a in workspace.lint_text(PAGE, path="/srv/site/post.md")
    ]


EXPECTED = [
    ("brandlint.plain-language.jargon", 3, 4, 12, "Use 'use' instead of 'leverage'.", ("use",)),
    (
        "brandlint.plain-language.jargon",
        3,
        13,
        20,
        "Use 'teamwork' instead of 'synergy'.",
        ("teamwork",),
    ),
]


def test_rules_run_with_the_collector_off(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    linter = workspace.linter_for("/srv/site/post.md")
    rule = next(r for r in linter.rules if r.id == "brandlint.plain-language.jargon")
    seen: list[bool] = []

    def check(ctx: LintContext) -> Iterator[Finding]:
        seen.append(gc.isenabled())
        return checked(ctx)

    checked = rule.check
    monkeypatch.setattr(rule, "check", check)
    assert alerts(workspace) == EXPECTED
    assert seen == [False]
    assert gc.isenabled()


def test_a_lint_leaves_a_collector_turned_off_off(workspace: Workspace) -> None:
    gc.disable()
    try:
        assert alerts(workspace) == EXPECTED
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_resume_when_the_last_ends() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_lint_frees_its_context_without_the_collector(workspace: Workspace) -> None:
    """The length rules' shared word counts refer back to the context: a cycle that would
    keep every block's doc alive until a full collection."""
    alerts(workspace)
    gc.collect()
    gc.disable()
    try:
        assert alerts(workspace) == EXPECTED
        left = [o for o in gc.get_objects() if isinstance(o, LintContext)]
    finally:
        gc.enable()
    assert left == []
