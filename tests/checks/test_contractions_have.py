"""`contractions` (prefer contracted) on "have": only the auxiliary contracts (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandlint import Settings, Workspace

RULE = "brandlint.tone.contractions"


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    (tmp_path / "brandlint.yaml").write_text(
        "name: t\nextends:\n  - brandlint:tone\n", encoding="utf-8"
    )
    return Workspace(Settings(guide=str(tmp_path / "brandlint.yaml")))


def contractions(workspace: Workspace, tmp_path: Path, text: str) -> list[tuple[object, ...]]:
    return [
        (a.span.line, a.span.column, a.span.end_column, a.match, a.message, a.replacements)
        for a in workspace.lint_text(text, path=str(tmp_path / "post.md"))
        if a.rule == RULE
    ]


def test_have_as_the_main_verb_is_not_contracted(workspace: Workspace, tmp_path: Path) -> None:
    text = "We have it ready for you, and you have our word on it.\n"
    assert contractions(workspace, tmp_path, text) == []
    assert workspace.fix_text(str(tmp_path / "post.md"), text).fixed == text


def test_have_before_to_is_not_contracted(workspace: Workspace, tmp_path: Path) -> None:
    assert contractions(workspace, tmp_path, "You have to sign in first.\n") == []


def test_have_before_a_past_participle_is_fixed(workspace: Workspace, tmp_path: Path) -> None:
    text = "We have shipped the app. They have never missed a launch.\n"
    assert contractions(workspace, tmp_path, text) == [
        (1, 1, 8, "We have", "Use 'We've' instead of 'We have'.", ("We've",)),
        (1, 26, 35, "They have", "Use 'They've' instead of 'They have'.", ("They've",)),
    ]
    fixed = workspace.fix_text(str(tmp_path / "post.md"), text).fixed
    assert fixed == "We've shipped the app. They've never missed a launch.\n"


def test_without_tags_have_is_a_suggestion_never_applied(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("brandlint.checks.contractions.shipped_tagger", lambda lang: None)
    text = "We have shipped the app. You are in.\n"
    alerts = [
        a for a in workspace.lint_text(text, path=str(tmp_path / "post.md")) if a.rule == RULE
    ]
    assert [(a.match, a.replacements, a.suggestion) for a in alerts] == [
        ("We have", ("We've",), True),
        ("You are", ("You're",), False),
    ]
    fixed = workspace.fix_text(str(tmp_path / "post.md"), text).fixed
    assert fixed == "We have shipped the app. You're in.\n"
