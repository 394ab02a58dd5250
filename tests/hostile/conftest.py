"""The hostile suite's harness: the command line in-process, in a throwaway project.

Each case writes its files in a fresh folder, runs `main()` there, and gets the exit code,
stdout and stderr, within a hang guard. Every run is checked for what must never happen
whatever the input: a trace, an internal error (exit 3), or a file changed by a command
that only reads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from brandlint.cli.main import main

GUIDE = "name: t\nterms:\n  - avoid: [synergy]\n"
# A hang guard, not a speed test: a hostile input that makes brandlint spin fails its case
# after this many seconds (pytest-timeout) instead of stalling CI. Generous, because the
# test machine is shared; every case takes well under a second on its own.
HANG_SECONDS = 120


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.timeout(HANG_SECONDS))


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def first_error(self) -> str:
        """The first line on stderr (the one a user reads)."""
        return self.err.splitlines()[0] if self.err else ""


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and not path.is_symlink()
    }


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder (the current folder, a git work tree) with a small guide."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    for name in [n for n in os.environ if n.startswith("BRANDLINT_MAX_")]:
        monkeypatch.delenv(name)
    (tmp_path / ".git").mkdir()
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def brandlint(project: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run the command line in `project`; read-only commands must leave every file as it
    was, and no run may end in a trace or an internal error."""

    def run(*args: str) -> Run:
        before = _files(project)
        code = main(list(args))
        captured = capsys.readouterr()
        done = Run(code, captured.out, captured.err)
        assert "Traceback" not in done.out + done.err
        assert "internal error" not in done.err and code != 3
        if args[0] in ("check", "rules", "doctor", "stats"):
            assert _files(project) == before
        return done

    return run
