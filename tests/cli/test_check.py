"""`brandlint check`: output formats, exit codes, stdin, unreadable files."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from brandlint.cli.main import main

GUIDE = (
    "name: acme\nterms:\n  - use: Acme Cloud\n    case: exact\n    level: error\n"
    "  - avoid: [synergy]\n    level: warning\n"
)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "page.md").write_text("# Hi\n\nTry 🎉 Acme cloud for synergy.\n")
    (tmp_path / "web" / "clean.md").write_text("All good here.\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def test_text_output_is_compiler_style_with_an_underlined_excerpt(repo, capsys):
    assert main(["check", "web"]) == 1
    out = capsys.readouterr().out
    assert out == (
        "web/page.md:3:7: error acme.terms.acme-cloud Write 'Acme Cloud', not 'Acme cloud'.\n"
        "    Try 🎉 Acme cloud for synergy.\n"
        "           ^^^^^^^^^^\n"
        "    fix: 'Acme Cloud'\n"
        "web/page.md:3:22: warning acme.terms.synergy Avoid 'synergy'.\n"
        "    Try 🎉 Acme cloud for synergy.\n"
        "                          ^^^^^^^\n"
        "1 error, 1 warning, 0 suggestions in 1 of 2 files checked.\n"
    )


def test_json_output_has_the_documented_fields(repo, capsys):
    assert main(["check", "--format", "json", "web/page.md"]) == 1
    first = json.loads(capsys.readouterr().out)[0]
    assert {
        k: first[k]
        for k in (
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "rule",
            "level",
            "message",
            "match",
            "replacements",
        )
    } == {
        "path": "web/page.md",
        "line": 3,
        "column": 7,
        "end_line": 3,
        "end_column": 17,
        "rule": "acme.terms.acme-cloud",
        "level": "error",
        "message": "Write 'Acme Cloud', not 'Acme cloud'.",
        "match": "Acme cloud",
        "replacements": ["Acme Cloud"],
    }
    assert first["channel"] == "web"


def test_fail_level_and_min_level(repo, capsys):
    assert main(["check", "--min-level", "error", "--fail-level", "warning", "web"]) == 1
    assert "acme.terms.synergy" not in capsys.readouterr().out
    (repo / "web" / "page.md").write_text("Just synergy.\n")
    assert main(["check", "web"]) == 0
    assert main(["check", "--fail-level", "warning", "web"]) == 1


def test_stdin_with_a_filename(repo, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"<p>Acme cloud</p>")))
    assert main(["check", "-", "--stdin-filename", "mail.html", "--format", "json"]) == 1
    (alert,) = json.loads(capsys.readouterr().out)
    assert (alert["path"], alert["line"], alert["column"]) == ("mail.html", 1, 4)


def test_an_unreadable_file_is_one_alert_and_the_run_goes_on(repo, capsys):
    (repo / "web" / "broken.md").write_bytes(b"caf\xe9 synergy\n")
    assert main(["check", "--format", "json", "web"]) == 1
    alerts = json.loads(capsys.readouterr().out)
    assert [(a["path"], a["rule"]) for a in alerts] == [
        ("web/broken.md", "brandlint.unreadable"),
        ("web/page.md", "acme.terms.acme-cloud"),
        ("web/page.md", "acme.terms.synergy"),
    ]
    assert "not valid UTF-8 (byte 0xe9 on line 1)" in alerts[0]["message"]


def test_ignore_file_and_exclude(repo, capsys):
    (repo / ".brandlintignore").write_text("web/page.md\n")
    assert main(["check", "web"]) == 0
    (repo / ".brandlintignore").unlink()
    assert main(["check", "--exclude", "web/*.md", "web"]) == 0


def test_missing_path_is_a_usage_error(repo, capsys):
    assert main(["check", "nowhere.md"]) == 2
    assert "nowhere.md: no such file or folder" in capsys.readouterr().err


def test_color_only_when_asked_or_on_a_tty(repo, capsys):
    main(["check", "--color", "always", "web"])
    assert "\033[31merror\033[0m" in capsys.readouterr().out


def test_python_dash_m_and_version():
    done = subprocess.run(
        [sys.executable, "-m", "brandlint", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "brandlint 0.2.0"
