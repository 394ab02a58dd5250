"""A long document is linted a part at a time (`Linter._findings_by_part`), each part's
spaCy docs let go once the rules that read one block at a time have run on it. The alerts
are those of one pass over the whole document, whatever the parts."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint import Settings, Workspace
from brandlint import linter as linter_module
from brandlint.core.rule import Finding, LintContext

from .conftest import EXAMPLE_GUIDE

CONTENT = EXAMPLE_GUIDE.parent / "content"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def _page() -> str:
    """The Kestrel example's web and help pages as one long web page: terms, hype, caps,
    headings, a suppression comment, an image, readability, all several times over."""
    bodies = [
        FRONT_MATTER.sub("", (CONTENT / name).read_text(encoding="utf-8"))
        for name in ("web/spring-launch.md", "web/pricing.md", "help/setup.md")
    ]
    return "---\ntitle: Everything\nchannel: web\n---\n" + "\n".join(bodies * 4)


PAGE = _page()


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace(Settings(guide=str(EXAMPLE_GUIDE)))


def _everything(alerts: list[Any]) -> list[tuple[Any, ...]]:
    """Every field of every alert, those equality leaves out (scope, fixable…) too."""
    return [dataclasses.astuple(alert) for alert in alerts]


def _lint(workspace: Workspace, page: str, blocks: int, chars: int) -> list[Any]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(linter_module, "_PART_BLOCKS", blocks)
        patch.setattr(linter_module, "_PART_CHARS", chars)
        return workspace.lint_text(page, path="/srv/site/everything.md")


@pytest.fixture(scope="module")
def one_pass(workspace: Workspace) -> list[tuple[Any, ...]]:
    return _everything(_lint(workspace, PAGE, 10**9, 10**12))


def test_the_page_is_long_enough_to_be_cut(workspace: Workspace) -> None:
    document = workspace.document("/srv/site/everything.md", PAGE)
    assert len(linter_module._parts(document)) == 1
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(linter_module, "_PART_BLOCKS", 7)
        assert len(linter_module._parts(document)) == -(-len(document.blocks) // 7)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(blocks=st.integers(1, 60), chars=st.integers(1, 4_000))
def test_parts_of_any_size_give_the_alerts_of_one_pass(
    workspace: Workspace, one_pass: list[tuple[Any, ...]], blocks: int, chars: int
) -> None:
    assert _everything(_lint(workspace, PAGE, blocks, chars)) == one_pass


def test_one_block_a_part_gives_exact_alerts(workspace: Workspace) -> None:
    page = (
        "# Pricing For Every Store\n\n"
        "Retailers leverage Kestrel cloud to keep stock in sync.\n\n"
        "It's a world-class view of your whole business, guaranteed.\n"
    )
    found = [
        (a.rule, a.span.line, a.span.column, a.span.end_column, a.message, a.replacements)
        for a in _lint(workspace, page, 1, 10**12)
    ]
    assert found == _one_block_expected()
    assert found == [
        (a.rule, a.span.line, a.span.column, a.span.end_column, a.message, a.replacements)
        for a in _lint(workspace, page, 10**9, 10**12)
    ]


def _one_block_expected() -> list[tuple[Any, ...]]:
    return [
        (
            "brandlint.tone.heading-case",
            1,
            3,
            26,
            "'Pricing For Every Store' should be in sentence case.",
            ("Pricing for every store",),
        ),
        ("kestrel.terms.leverage", 3, 11, 19, "Avoid 'leverage'; use 'use'.", ("use",)),
        (
            "kestrel.terms.product-names.kestrel-cloud",
            3,
            20,
            33,
            "Write 'Kestrel Cloud', not 'Kestrel cloud'.",
            ("Kestrel Cloud",),
        ),
        ("kestrel.terms.empty-superlatives", 5, 8, 19, "Avoid 'world-class'.", ()),
        ("kestrel.terms.guaranteed", 5, 49, 59, "Avoid 'guaranteed'.", ()),
    ]


def test_rules_of_the_whole_document_run_after_every_part_let_its_docs_go(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The heading-case rule reads the whole document: by the time it runs, no block
    holds its doc, and the headings it reads are tokenized again for it alone."""
    linter = workspace.linter_for("/srv/site/everything.md")
    rule = next(r for r in linter.rules if r.id == "brandlint.tone.heading-case")
    assert not rule.per_block
    held: list[int] = []
    checked = rule.check

    def check(ctx: LintContext) -> Iterator[Finding]:
        held.append(sum(view._doc is not None for view in ctx.views))
        return checked(ctx)

    monkeypatch.setattr(rule, "check", check)
    document = workspace.document("/srv/site/everything.md", PAGE)
    headings = sum(block.in_scope("heading") for block in document.blocks)
    alerts = _lint(workspace, PAGE, 5, 10**12)
    assert held == [0]
    # "# Simple Pricing For Every Store", once in each of the four copies of the pricing page
    assert [
        (a.span.line, a.span.column, a.span.end_column, a.message)
        for a in alerts
        if a.rule == rule.id
    ] == [
        (line, 3, 33, "'Simple Pricing For Every Store' should be in sentence case.")
        for line in (29, 72, 115, 158)
    ]
    assert 0 < headings < len(document.blocks)


def test_a_rule_that_fails_in_one_part_is_not_run_again(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    linter = workspace.linter_for("/srv/site/everything.md")
    rule = next(r for r in linter.rules if r.id == "brandlint.tone.exclamation")
    assert rule.per_block
    calls: list[int] = []

    def check(ctx: LintContext) -> Iterator[Finding]:
        calls.append(1)
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(rule, "check", check)
    alerts = _lint(workspace, PAGE, 5, 10**12)
    failures = [a for a in alerts if a.rule == "brandlint.internal-error"]
    assert [(a.span.line, a.span.column, a.message) for a in failures] == [
        (
            1,
            1,
            "Rule brandlint.tone.exclamation failed on this file (RuntimeError: broken on "
            "purpose); the other rules still ran. Please report this.",
        )
    ]
    assert calls == [1]
    assert not any(a.rule == rule.id for a in alerts)


def test_a_page_of_a_few_blocks_in_parts_reads_as_in_one(workspace: Workspace) -> None:
    """The example's launch page, cut every three blocks: front matter, a list, a quote,
    an image and a suppression comment across parts."""
    page = (CONTENT / "web/spring-launch.md").read_text(encoding="utf-8")
    assert _everything(_lint(workspace, page, 3, 10**12)) == _everything(
        _lint(workspace, page, 10**9, 10**12)
    )
