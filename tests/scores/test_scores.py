"""Brand scores: categories on alerts, `brandlint score`, `check --score-min`."""

from __future__ import annotations

import json

import pytest

from brandlint.checks.registry import KINDS
from brandlint.cli.main import main
from brandlint.core.categories import CATEGORIES, kind_category
from brandlint.scores import light
from tests.conftest import FIXTURES

GUIDE = (FIXTURES / "scores" / "brandlint.yaml").read_text(encoding="utf-8")

PAGE = """\
---
channel: web
---
# Getting started with Acme Cloud

Log in to acme cloud with the email address you signed up with. We leverage your
existing account, so there is nothing new to remember. Just pick a plan and invite
your team when you are ready.
"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "start.md").write_text(PAGE)
    (tmp_path / "web" / "site.css").write_text("a { color: #0b5fff; }\n")
    (tmp_path / "sms").mkdir()
    (tmp_path / "sms" / "sale.txt").write_text(
        "Acme: our spring sale starts today, with twenty percent off every plan for "
        "teams of any size. Reply STOP to opt out.\n"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_json(capsys, *argv: str) -> object:
    main(list(argv))
    return json.loads(capsys.readouterr().out)


def formula(words: int, issues: int) -> float:
    return 100 * (words / 75) / (words / 75 + issues)


def test_every_rule_kind_has_a_category():
    assert {kind_category(kind) for kind in KINDS} == set(CATEGORIES)


def test_alerts_carry_their_category_in_json_and_sarif(repo, capsys):
    alerts = run_json(capsys, "check", "--format", "json", "web/start.md")
    assert [(a["rule"], a["line"], a["column"], a["category"]) for a in alerts] == [
        ("acme.terms.sign-in", 6, 1, "terms"),
        ("acme.terms.acme-cloud", 6, 11, "terms"),
        ("acme.jargon", 6, 68, "clarity"),  # `category:` in the guide over existence's voice
        ("acme.hedging", 7, 56, "voice"),
    ]
    sarif = run_json(capsys, "check", "--format", "sarif", "web/start.md")
    results = sarif["runs"][0]["results"]
    assert [r["properties"] for r in results] == [
        {"category": "terms"},
        {"category": "terms"},
        {"category": "clarity"},
        {"category": "voice"},
    ]


def test_score_json_has_the_documented_shape_and_figures(repo, capsys):
    report = run_json(capsys, "score", "--format", "json", ".")
    assert report["files"] == [
        {
            "path": "./sms/sale.txt",
            "words": 22,
            "categories": {
                "terms": {"issues": 0, "score": 100.0},
                "voice": {"issues": 0, "score": 100.0},
                "clarity": {"issues": 0, "score": 100.0},
                "channels": {"issues": 1, "score": 22.7},  # 100 × (22/75) / (22/75 + 1)
            },
            "score": 80.7,  # (3 × 100 + 22.68) / 4
            "light": "green",
        },
        {
            "path": "./web/start.md",
            "words": 37,  # the paragraph's, as `stats` counts them (headings are not prose)
            "categories": {
                # the hedging suggestion counts nowhere; the sms length rule not on the web
                "terms": {"issues": 2, "score": 19.8},
                "voice": {"issues": 0, "score": 100.0},
                "clarity": {"issues": 1, "score": 33.0},
            },
            "score": 50.9,
            "light": "red",
        },
    ]  # the stylesheet has no words: no score, and not in the total
    assert report["total"] == {
        "words": 59,
        "categories": {
            "terms": {"issues": 2, "score": 28.2},  # 100 × (59/75) / (59/75 + 2)
            "voice": {"issues": 0, "score": 100.0},
            "clarity": {"issues": 1, "score": 44.0},
            "channels": {"issues": 1, "score": 22.7},  # only the sms file's 22 words
        },
        "score": 48.7,
        "light": "red",
    }


def test_scores_recompute_from_checks_alerts_and_stats_words(repo, capsys):
    alerts = run_json(capsys, "check", "--format", "json", ".")
    words = {m["path"]: m["words"] for m in run_json(capsys, "stats", "--format", "json", ".")}
    report = run_json(capsys, "score", "--format", "json", ".")
    for scored in report["files"]:
        path = scored["path"]
        assert scored["words"] == words[path]
        parts = []
        for name, part in scored["categories"].items():
            issues = sum(
                1
                for a in alerts
                if a["path"] == path and a["category"] == name and a["level"] != "suggestion"
            )
            parts.append(formula(words[path], issues))
            assert part == {"issues": issues, "score": round(parts[-1], 1)}
        assert scored["score"] == round(sum(parts) / len(parts), 1)


def test_score_text_lists_files_then_the_total(repo, capsys):
    assert main(["score", "web"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "web/start.md: 50.9 red, 37 words; terms 19.8 (2), voice 100.0 (0), clarity 33.0 (1)",
        "total (1 file): 50.9 red, 37 words; terms 19.8 (2), voice 100.0 (0), clarity 33.0 (1)",
    ]


def test_check_score_min_fails_on_a_file_below_it(repo, capsys):
    assert main(["check", "--score-min", "60", "--fail-level", "error", "sms"]) == 0
    assert main(["check", "--score-min", "80.8", "sms"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "brandlint: sms/sale.txt scores 80.7, below 80.8 (--score-min)"
    ]


@pytest.mark.parametrize(
    ("score", "colour"),
    [(100.0, "green"), (80.0, "green"), (79.9, "yellow"), (60.0, "yellow"), (59.9, "red")],
)
def test_traffic_lights(score, colour):
    assert light(score) == colour


def test_a_wrong_category_is_a_guide_error_at_its_line(repo, capsys):
    (repo / "brandlint.yaml").write_text(GUIDE.replace("category: clarity", "category: tone"))
    assert main(["check", "web"]) == 2
    assert "brandlint.yaml:13:" in capsys.readouterr().err


def test_scores_on_two_processes_are_those_of_one_in_the_order_given(repo):
    """`check --score-min` over many files lints and scores them on warmed workers, as
    `check` lints: the same alerts and scores, in the same order, as in one process."""
    from brandlint.scores import score_files
    from brandlint.workspace import Settings, Workspace

    for n in range(6):
        (repo / "web" / f"copy{n}.md").write_text(PAGE.replace("Acme Cloud", f"Acme Cloud {n}"))
    paths = [*sorted(str(p.relative_to(repo)) for p in (repo / "web").glob("*.md")), "sms/sale.txt"]
    alone = list(score_files(Workspace(Settings()), paths, 1))
    assert [path for path, _, _ in alone] == paths
    assert list(score_files(Workspace(Settings()), paths, 2)) == alone
    assert alone[-1][2] is not None and alone[-1][2].score == pytest.approx(80.7, abs=0.05)
