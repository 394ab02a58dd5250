"""Helpers for every test: write a guide into a temporary folder and lint copy with it."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from brandlint.core.alerts import Alert
from brandlint.workspace import Settings, Workspace

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLE_GUIDE = REPO / "examples" / "kestrel" / "brandlint.yaml"


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled guides and audit results go to a folder of the test run's own, never to the
    user's cache (server tests start child processes: they inherit the variable)."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


def row(alert: Alert) -> tuple[str, int, int, int, int, str, tuple[str, ...]]:
    """The parts of an alert tests compare: rule, start, end, match and fixes."""
    span = alert.span
    return (
        alert.rule,
        span.line,
        span.column,
        span.end_line,
        span.end_column,
        alert.match,
        alert.replacements,
    )


Lint = Callable[..., list[Alert]]


def write_files(root: Path, files: Mapping[str, str]) -> None:
    """Write each text at its path under `root`, making the folders (a Vale project's
    .vale.ini, its styles and its copy)."""
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@pytest.fixture
def guide_file(tmp_path: Path) -> Callable[[str], Path]:
    def write(text: str) -> Path:
        path = tmp_path / "brandlint.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def lint_with(tmp_path: Path) -> Callable[[str], Lint]:
    """lint_with(guide_yaml)(copy, name="post.md") -> alerts, guide-only rules."""

    def make(guide: str) -> Lint:
        path = tmp_path / "brandlint.yaml"
        path.write_text(textwrap.dedent(guide), encoding="utf-8")
        workspace = Workspace(Settings(guide=str(path)))

        def lint(copy: str, name: str = "post.md", **settings: str) -> list[Alert]:
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            return workspace.lint_text(textwrap.dedent(copy), str(target))

        return lint

    return make


@pytest.fixture(scope="session")
def kestrel() -> Workspace:
    return Workspace(Settings(guide=str(EXAMPLE_GUIDE)))


@pytest.fixture
def lint_rule(tmp_path: Path) -> Callable[[str], Lint]:
    """lint_rule(rule_yaml)(copy, name="post.md"): one Vale-format rule file, Test.Rule."""

    def make(rule: str) -> Lint:
        style = tmp_path / "styles" / "Test"
        style.mkdir(parents=True, exist_ok=True)
        (style / "Rule.yml").write_text(textwrap.dedent(rule), encoding="utf-8")
        guide = tmp_path / "brandlint.yaml"
        guide.write_text("name: t\nextends: [styles]\n", encoding="utf-8")
        workspace = Workspace(Settings(guide=str(guide)))

        def lint(copy: str, name: str = "post.md") -> list[Alert]:
            return workspace.lint_text(textwrap.dedent(copy), str(tmp_path / name))

        return lint

    return make
