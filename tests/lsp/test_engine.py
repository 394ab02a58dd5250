"""The engine in the lint worker, called directly: what it does between calls."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from brandlint.lsp.engine import Engine

from brandlint.checks.palette import Palette
from brandlint.workspace import Settings

GUIDE = """\
name: t
terms:
  - avoid: [synergy]
assets:
  palette: {Kestrel Blue: "#0B5FFF"}
"""
POST = "Pure synergy.\n"


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    return Engine(Settings())


def drain(engine: Engine) -> int:
    steps = 0
    while engine.idle():
        steps += 1
    return steps


def test_rules_load_ahead_of_use_between_calls_once_a_document_was_linted(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    warmed: list[str] = []
    monkeypatch.setattr(Palette, "warm", lambda rule: warmed.append(rule.spec.id))
    assert engine.idle() is False  # the first document comes first
    linting = engine.lint(str(tmp_path / "post.md"), POST, "markdown")
    assert linting.alerts is not None
    assert [(a.rule, a.span.line, a.span.column) for a in linting.alerts] == [
        ("t.terms.synergy", 1, 6)
    ]
    # the term rule and the palette, one a step, then the tokenizer's exceptions
    assert engine.workspace.pipelines.get("en").exceptions is not None
    assert drain(engine) == 3
    assert warmed == ["t.palette"]
    assert engine.workspace.pipelines.get("en").exceptions is None
    engine.lint(str(tmp_path / "other.md"), POST, "markdown")
    assert drain(engine) == 0  # the same guide: warmed already


def test_a_rule_that_cannot_load_ahead_is_logged_and_the_others_still_do(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog
):
    def broken(rule: Palette) -> None:
        raise OSError("no colour tables")

    monkeypatch.setattr(Palette, "warm", broken)
    engine.lint(str(tmp_path / "post.md"), POST, "markdown")
    with caplog.at_level(logging.WARNING, logger="brandlint.lsp.engine"):
        assert drain(engine) == 3
    assert [r.getMessage() for r in caplog.records] == [
        "rule t.palette could not load ahead of use"
    ]
