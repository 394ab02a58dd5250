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


def test_a_prepared_engine_warms_up_between_calls_and_a_waiting_document_goes_first(
    tmp_path: Path,
):
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    engine = Engine.prepared(str(tmp_path))
    linting = engine.lint(str(tmp_path / "post.md"), POST, "markdown")  # before any warm-up
    assert linting.alerts is not None
    assert [(a.rule, a.span.line, a.span.column, a.span.end_column) for a in linting.alerts] == [
        ("t.terms.synergy", 1, 6, 13)
    ]
    # a line, then a page of copy; then the two rules and the tokenizer's exceptions
    assert drain(engine) == 5
    engine.warm(str(tmp_path))
    assert drain(engine) == 0  # that folder is warm


def test_settings_changed_after_the_warm_up_are_linted_with_and_warmed_again(
    engine: Engine, tmp_path: Path
):
    other = tmp_path / "other.yaml"
    other.write_text("name: o\nterms:\n  - avoid: [pure]\n", encoding="utf-8")
    engine.warm(str(tmp_path))
    assert drain(engine) == 2
    engine.configure(Settings(guide=str(other)))
    linting = engine.lint(str(tmp_path / "post.md"), POST, "markdown")
    assert linting.alerts is not None
    assert [(a.rule, a.span.line, a.span.column, a.message) for a in linting.alerts] == [
        ("o.terms.pure", 1, 1, "Avoid 'Pure'.")
    ]
    assert linting.guide is not None and linting.guide.path == str(other.resolve())
    # the folder's warm-ups again, under the new guide; then its one rule and the exceptions
    assert drain(engine) == 4


def test_a_warm_up_on_a_broken_guide_stops_and_the_document_says_why(tmp_path: Path):
    (tmp_path / "brandlint.yaml").write_text("name: t\nterms: 3\n", encoding="utf-8")
    engine = Engine.prepared(str(tmp_path))
    assert drain(engine) == 1  # the first warm-up fails; the second is dropped
    linting = engine.lint(str(tmp_path / "post.md"), POST, "markdown")
    assert linting.alerts is None
    assert linting.guide is not None and linting.guide.failed
    assert [(p.line, p.column, p.message) for p in linting.guide.problems] == [
        (2, 8, "terms should be a list, not a number")
    ]
