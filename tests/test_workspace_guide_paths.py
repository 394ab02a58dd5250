"""A guide named on the command line is found once per working folder, not once per file,
and still means the file in the folder the run is in."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandlint.workspace import Settings, Workspace
from tests.conftest import row, write_files


def guide(word: str) -> str:
    return f"name: {word}\nterms:\n  - avoid: {word}\n"


def test_a_relative_guide_is_read_in_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    write_files(
        tmp_path,
        {
            "north/brandlint.yaml": guide("synergy"),
            "south/brandlint.yaml": guide("leverage"),
            "post.md": "We leverage synergy.\n",
        },
    )
    workspace = Workspace(Settings(guide="brandlint.yaml"))
    post = str(tmp_path / "post.md")
    monkeypatch.chdir(tmp_path / "north")
    north = workspace.lint_file(post)
    monkeypatch.chdir(tmp_path / "south")
    south = workspace.lint_file(post)
    assert [row(a) for a in north] == [("synergy.terms.synergy", 1, 13, 1, 20, "synergy", ())]
    assert [row(a) for a in south] == [("leverage.terms.leverage", 1, 4, 1, 12, "leverage", ())]


def test_each_file_is_linted_with_the_guide_it_names(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {"brandlint.yaml": guide("synergy"), "a.md": "Synergy.\n", "b.txt": "More synergy.\n"},
    )
    workspace = Workspace(Settings(guide=str(tmp_path / "brandlint.yaml")))
    found = {
        Path(p).name: [row(a) for a in alerts]
        for p, alerts in workspace.lint_paths([str(tmp_path)])
    }
    assert found == {
        "a.md": [("synergy.terms.synergy", 1, 1, 1, 8, "Synergy", ())],
        "b.txt": [("synergy.terms.synergy", 1, 6, 1, 13, "synergy", ())],
    }
    assert workspace.linter_for(tmp_path / "a.md") is workspace.linter_for(tmp_path / "b.txt")


def test_a_broken_guide_is_reported_when_the_file_is_read(tmp_path: Path) -> None:
    from brandlint.core.errors import GuideError

    write_files(tmp_path, {"brandlint.yaml": "name: [\n", "a.md": "Hello.\n"})
    workspace = Workspace(Settings(guide=str(tmp_path / "brandlint.yaml")))
    with pytest.raises(GuideError):
        workspace.document(str(tmp_path / "a.md"))
    assert workspace.lint_file(str(tmp_path / "missing.md"))[0].rule == "brandlint.unreadable"
