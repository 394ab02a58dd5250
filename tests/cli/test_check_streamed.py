"""`brandlint check` writes its report as the files are linted: reporters read the alerts
once, as they come; sources are read only for reports that show lines; guides are all
loaded before the first alert is written."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator

import pytest

import brandlint.cli.commands as commands
from brandlint.cli.main import main
from brandlint.core.alerts import Alert, Level, Span
from brandlint.reporters import Report, reporter

GUIDE = "name: acme\nterms:\n  - avoid: [synergy]\n    level: warning\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "launch.md").write_text("# Launch\n\nPure synergy, shipped.\n")
    (tmp_path / "web" / "pricing.md").write_text("Plans for every team.\n")
    (tmp_path / "web" / "team.md").write_text("Our synergy is you.\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def _alert(path: str, line: int, column: int, offset: int) -> Alert:
    span = Span(line, column, line, column + 7, offset, offset + 7)
    return Alert(path, "acme.terms.synergy", Level.WARNING, "Avoid 'synergy'.", span, "synergy")


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("text", "web/launch.md:3:6: warning acme.terms.synergy Avoid 'synergy'.\n"),
        ("jsonl", '{"path": "web/launch.md", "line": 3, "column": 6, "end_line": 3, '),
        ("json", '[\n  {\n    "path": "web/launch.md",\n    "line": 3,\n    "column": 6,\n'),
        ("github", "::warning file=web/launch.md,line=3,col=6,endLine=3,endColumn=13,"),
    ],
)
def test_a_streaming_reporter_writes_each_alert_before_reading_the_next(name, first):
    out = io.StringIO()
    written_before_second: list[str] = []

    def alerts() -> Iterator[Alert]:
        yield _alert("web/launch.md", 3, 6, 15)
        written_before_second.append(out.getvalue())
        yield _alert("web/team.md", 1, 5, 4)

    sources = {"web/launch.md": "# Launch\n\nPure synergy, shipped.\n", "web/team.md": ""}
    reporter(name)(Report(alerts(), ["web/launch.md", "web/team.md"], sources), out)
    assert written_before_second[0].startswith(first)


def test_the_text_summary_counts_the_files_checked_while_the_alerts_came(repo, capsys):
    assert main(["check", "--fail-level", "error", "web"]) == 0
    assert capsys.readouterr().out == (
        "web/launch.md:3:6: warning acme.terms.synergy Avoid 'synergy'.\n"
        "    Pure synergy, shipped.\n"
        "         ^^^^^^^\n"
        "web/team.md:1:5: warning acme.terms.synergy Avoid 'synergy'.\n"
        "    Our synergy is you.\n"
        "        ^^^^^^^\n"
        "0 errors, 2 warnings, 0 suggestions in 2 of 3 files checked.\n"
    )


def test_sources_are_read_only_for_a_report_that_shows_lines(repo, monkeypatch, capsys):
    read: list[str] = []
    real = commands._source

    def counted(path, workspace):
        read.append(path)
        return real(path, workspace)

    monkeypatch.setattr(commands, "_source", counted)
    assert main(["check", "--format", "json", "web"]) == 0
    assert [(a["path"], a["line"], a["column"]) for a in json.loads(capsys.readouterr().out)] == [
        ("web/launch.md", 3, 6),
        ("web/team.md", 1, 5),
    ]
    assert read == []
    main(["check", "web"])
    assert read == ["web/launch.md", "web/team.md"]  # once each, files without alerts never


def test_a_broken_guide_of_copy_from_stdin_stops_the_run_before_any_report(
    repo, monkeypatch, capsys
):
    (repo / "legacy").mkdir()
    (repo / "legacy" / "brandlint.yaml").write_text("name: old\nterms: 5\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"More synergy.\n")))
    args = ["check", "--format", "json", "web", "-", "--stdin-filename", "legacy/offer.md"]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"{repo / 'legacy' / 'brandlint.yaml'}:2:8: error: terms should be a list, not a number",
        "brandlint: the guide has errors; nothing was checked.",
    ]


def test_a_baseline_alert_is_counted_off_once_when_its_file_is_given_twice(repo, capsys):
    (repo / "baseline.json").write_text(
        json.dumps([{"path": "web/team.md", "rule": "acme.terms.synergy", "match": "synergy"}])
    )
    args = ["check", "--format", "json", "--baseline", "baseline.json"]
    assert main([*args, "web/team.md", "web/launch.md", "web/team.md"]) == 0
    assert [(a["path"], a["line"], a["column"]) for a in json.loads(capsys.readouterr().out)] == [
        ("web/launch.md", 3, 6),
        ("web/team.md", 1, 5),
    ]


def test_files_named_one_by_one_share_the_workers_and_stdin_keeps_its_place(
    repo, monkeypatch, capsys
):
    """`check a.md b.md …` (pre-commit's call, `$(git ls-files)`) hands the files of
    consecutive arguments to the workers together, as a folder's files, and copy from
    stdin is reported between them where it was given."""
    import brandlint.parallel as parallel

    batches: list[tuple[list[str], int]] = []
    real = parallel.lint_files

    def recording(workspace, paths, jobs):
        batches.append((list(paths), jobs))
        return real(workspace, paths, 1)

    monkeypatch.setattr(parallel, "lint_files", recording)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"More synergy.\n")))
    args = ["check", "--format", "json", "--jobs", "2", "--stdin-filename", "legacy/offer.md"]
    main([*args, "web/team.md", "web/pricing.md", "-", "web/launch.md"])
    assert batches == [(["web/team.md", "web/pricing.md"], 2), (["web/launch.md"], 2)]
    assert [(a["path"], a["line"], a["column"]) for a in json.loads(capsys.readouterr().out)] == [
        ("web/team.md", 1, 5),
        ("legacy/offer.md", 1, 6),
        ("web/launch.md", 3, 6),
    ]
