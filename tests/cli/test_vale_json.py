"""`brandlint check --format vale-json`: Vale's `--output=JSON`, field by field, and
`--vale-config` on the commands that take it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brandlint.cli.main import main
from brandlint.core.alerts import Alert, Level
from brandlint.core.document import LineIndex
from brandlint.reporters import Report
from brandlint.reporters.vale_json import alert_record, report
from tests.conftest import write_files

INI = """\
StylesPath = styles
MinAlertLevel = suggestion
Vocab = Brand

[*]
BasedOnStyles = Vale, Acme
Vale.Spelling = NO
Acme.Hedge = warning

[*.md]
TokenIgnores = (\\{\\{[^}]+\\}\\})
"""
RULES = {
    "Acme/Hedge.yml": "extends: existence\nmessage: \"Hedging: '%s'.\"\nlevel: suggestion\n"
    "description: Say it or leave it out.\nlink: https://style.example/hedge\n"
    "tokens: [probably]\n",
    "Acme/Terms.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
    "level: error\nignorecase: true\naction:\n  name: replace\nswap:\n  utilize: use|employ\n",
    "config/vocabularies/Brand/accept.txt": "Kestrel\n",
    "config/vocabularies/Brand/reject.txt": "synergy\n",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)
    styles = {f"styles/{name}": text for name, text in RULES.items()}
    post = "# Plans\n\nWe will probably utilize {{ probably }} synergy the the kestrel.\n"
    write_files(tmp_path, {".vale.ini": INI, **styles, "post.md": post, "clean.md": "All good.\n"})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_vale_json_for_one_file_field_by_field(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--format", "vale-json", "./post.md", "clean.md"])
    out = capsys.readouterr().out
    assert code == 1  # error-level alerts, as Vale exits
    data = json.loads(out)
    assert list(data) == ["post.md"]  # cleaned path; files without alerts are absent
    alerts = data["post.md"]
    assert [list(a) for a in alerts] == [
        ["Action", "Span", "Check", "Description", "Link", "Message", "Severity", "Match", "Line"]
    ] * len(alerts)
    assert alerts[0] == {
        "Action": {"Name": "", "Params": None},
        "Span": [9, 16],
        "Check": "Acme.Hedge",
        "Description": "Say it or leave it out.",
        "Link": "https://style.example/hedge",
        "Message": "Hedging: 'probably'.",
        "Severity": "warning",
        "Match": "probably",
        "Line": 3,
    }
    assert alerts[1] == {
        "Action": {"Name": "replace", "Params": ["use", "employ"]},
        "Span": [18, 24],
        "Check": "Acme.Terms",
        "Description": "",
        "Link": "",
        "Message": "Use 'use' or 'employ' instead of 'utilize'.",
        "Severity": "error",
        "Match": "utilize",
        "Line": 3,
    }
    assert [(a["Check"], a["Span"], a["Message"], a["Action"]) for a in alerts[2:]] == [
        ("Vale.Avoid", [41, 47], "Avoid using 'synergy'.", {"Name": "", "Params": None}),
        (
            "Vale.Repetition",
            [49, 55],
            "'the' is repeated!",
            {"Name": "edit", "Params": ["truncate", " "]},
        ),
        (
            "Vale.Terms",
            [57, 63],
            "Use 'Kestrel' instead of 'kestrel'.",
            {"Name": "", "Params": None},
        ),
    ]
    # Go's json.MarshalIndent(…, "", "  ") and a final newline
    assert out.startswith(
        '{\n  "post.md": [\n    {\n      "Action": {\n        "Name": "",\n'
        '        "Params": null\n      },\n      "Span": [\n        9,\n        16\n      ],\n'
    )
    assert out.endswith("\n    }\n  ]\n}\n")


def test_nothing_found_is_an_empty_object(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "vale-json", "clean.md"]) == 0
    assert capsys.readouterr().out == "{}\n"


def test_spans_are_inclusive_rune_columns_capped_at_the_line() -> None:
    source = "héllo wörld\nnext line\n"
    lines = LineIndex(source)

    def alert(start: int, end: int, message: str = "m") -> Alert:
        return Alert("a.md", "X.Y", Level.ERROR, message, lines.span(start, end), source[start:end])

    assert alert_record(alert(6, 11), source)["Span"] == [7, 11]  # "wörld": 5 runes
    # a match running onto the next line ends at the line's end, its break counted
    assert alert_record(alert(6, 17), source)["Span"] == [7, 12]
    assert alert_record(alert(0, 0), source)["Span"] == [1, 1]
    record = alert_record(alert(0, 5, "Use <b>\n  &  this"), source)
    assert record["Message"] == "Use <b> & this"
    out: list[str] = []

    class Sink:
        def write(self, text: str) -> None:
            out.append(text)

    report(Report([alert(0, 5, "a <b> & c")], ["a.md"], {"a.md": source}), Sink())  # type: ignore[arg-type]
    assert '"Message": "a \\u003cb\\u003e \\u0026 c"' in "".join(out)  # as Go escapes


def test_vale_config_names_the_project_explicitly(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "only.ini").write_text(
        f"StylesPath = {project / 'styles'}\nMinAlertLevel = error\n[*]\nBasedOnStyles = Acme\n",
        encoding="utf-8",
    )
    code = main(["check", "--format", "vale-json", "--vale-config", "other/only.ini", "post.md"])
    assert code == 1
    assert [a["Check"] for a in json.loads(capsys.readouterr().out)["post.md"]] == ["Acme.Terms"]
    for command in (["check", "post.md"], ["fix", "post.md"], ["stats", "post.md"], ["rules"]):
        assert main([*command, "--vale-config", "missing.ini"]) == 2
        assert "--vale-config missing.ini: no such file" in capsys.readouterr().err
    assert main(["audit", "post.md", "--no-cache", "--vale-config", "missing.ini"]) == 2
    assert main(["rules", "--vale-config", "other/only.ini"]) == 0
    assert "Acme.Terms" in capsys.readouterr().out


def test_a_broken_ini_exits_2_naming_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles Acme\n")
    assert main(["check", "--format", "vale-json", "post.md"]) == 2
    err = capsys.readouterr().err
    assert f"{project / '.vale.ini'}:3:1: error: not a 'key = value' line" in err
