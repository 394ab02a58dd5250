"""The `check` flags that stand for Vale's: `--min-level` over MinAlertLevel, `--include`
(Vale's `--glob`) and `--read-as` (Vale's `--ext` on a file, and `--ignore-syntax`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandlint.cli.main import main

INI = """\
StylesPath = styles
MinAlertLevel = warning

[*]
BasedOnStyles = Acme
"""
HEDGE = "extends: existence\nmessage: \"Hedging: '%s'.\"\nlevel: suggestion\ntokens: [probably]\n"
NOTES = "extends: existence\nmessage: \"Note left: '%s'.\"\nlevel: warning\ntokens: [TODO]\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)
    (tmp_path / ".vale.ini").write_text(INI, encoding="utf-8")
    style = tmp_path / "styles" / "Acme"
    style.mkdir(parents=True)
    (style / "Hedge.yml").write_text(HEDGE, encoding="utf-8")
    (style / "Notes.yml").write_text(NOTES, encoding="utf-8")
    (tmp_path / "post.md").write_text("We will probably ship `TODO` soon.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("TODO: ask.\n", encoding="utf-8")
    (tmp_path / "draft.xyz").write_text("# Plan\n\nA `TODO` here.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines(out: str) -> list[str]:
    return [x for x in out.splitlines() if x and not x.startswith(" ") and ":" in x]


def test_min_level_lowers_the_ini_min_alert_level(project, capsys):
    assert main(["check", "--min-level", "suggestion", "--color", "never", "post.md"]) == 0
    assert lines(capsys.readouterr().out) == [
        "post.md:1:9: suggestion Acme.Hedge Hedging: 'probably'.",
    ]


def test_without_min_level_the_ini_decides(project, capsys):
    assert main(["check", "--color", "never", "post.md"]) == 0
    assert "Acme.Hedge" not in capsys.readouterr().out


def test_include_lints_only_matching_files(project, capsys):
    assert main(["check", "--include", "*.{txt,md}", "--color", "never", "."]) == 0
    assert lines(capsys.readouterr().out) == [
        "./notes.txt:1:1: warning Acme.Notes Note left: 'TODO'."
    ]


def test_read_as_an_extension_parses_the_file_as_that_format(project, capsys):
    assert main(["check", "--read-as", ".md", "--color", "never", "draft.xyz"]) == 0
    assert lines(capsys.readouterr().out) == []  # the TODO is in a code span


def test_read_as_text_lints_markup_as_plain_text(project, capsys):
    assert main(["check", "--read-as", "text", "--color", "never", "draft.xyz"]) == 0
    assert lines(capsys.readouterr().out) == [
        "draft.xyz:3:4: warning Acme.Notes Note left: 'TODO'."
    ]


def test_read_as_an_unknown_format_is_a_usage_error(project, capsys):
    assert main(["check", "--read-as", "docbook", "post.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("brandlint: --read-as docbook: not a format or an extension brandlint")
    assert len(err.splitlines()) == 1
