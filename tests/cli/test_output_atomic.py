"""`--output` is replaced only by a whole report: the report is streamed while files are
linted, so it goes to a file beside the target that is renamed over it at the end."""

from __future__ import annotations

import json
import os
import stat

import pytest

import brandlint.cli.commands as commands
from brandlint.cli.main import main

GUIDE = "name: acme\nterms:\n  - avoid: [synergy]\n    level: warning\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    (tmp_path / "launch.md").write_text("# Launch\n\nPure synergy, shipped.\n")
    (tmp_path / "team.md").write_text("Our synergy is you.\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_run_that_fails_midway_leaves_the_previous_report_whole(repo, monkeypatch):
    report = repo / "report.json"
    report.write_text("[]\n")
    linted = commands._linted

    def fails_after_the_first_file(*args, **kwargs):
        for number, item in enumerate(linted(*args, **kwargs)):
            if number == 1:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(commands, "_linted", fails_after_the_first_file)
    code = main(["check", "--format", "json", "--output", "report.json", "launch.md", "team.md"])
    assert code == 130
    assert report.read_text() == "[]\n"
    assert sorted(p.name for p in repo.iterdir()) == [
        "brandlint.yaml",
        "launch.md",
        "report.json",
        "team.md",
    ]


def test_a_completed_run_replaces_the_report_and_keeps_its_permissions(repo):
    report = repo / "report.json"
    report.write_text("old\n")
    report.chmod(0o640)
    code = main(["check", "--format", "json", "--output", "report.json", "launch.md", "team.md"])
    assert code == 0
    alerts = json.loads(report.read_text())
    assert [(a["path"], a["line"], a["column"], a["rule"]) for a in alerts] == [
        ("launch.md", 3, 6, "acme.terms.synergy"),
        ("team.md", 1, 5, "acme.terms.synergy"),
    ]
    assert stat.S_IMODE(report.stat().st_mode) == 0o640


def test_a_new_report_gets_the_permissions_open_would_give(repo):
    old = os.umask(0o022)
    try:
        main(["check", "--format", "json", "--output", "new.json", "launch.md"])
    finally:
        os.umask(old)
    assert stat.S_IMODE((repo / "new.json").stat().st_mode) == 0o644


def test_a_device_is_written_directly(repo):
    assert main(["check", "--format", "json", "--output", os.devnull, "launch.md"]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
