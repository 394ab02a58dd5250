"""`audit --history`: one JSON line per run, and the trend (with regressions) in the HTML
report."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from brandlint.audit.history import history_line, read_history, regressions, trend_html
from brandlint.audit.run import AuditOptions, run_audit
from brandlint.cli.main import main
from brandlint.core.errors import UsageError
from brandlint.workspace import Settings
from tests.audit.browser import chromium, console_errors
from tests.audit.guides import GUIDE as ACME_GUIDE

# the audit tests' shared guide, with one rule a later sprint trips
GUIDE = (
    ACME_GUIDE
    + """rules:
  acme.clarity.long-sentences:
    extends: sentence-length
    max: 12
    level: warning
"""
)

LAUNCH = "# Acme Cloud\n\nAcme Cloud sells omnichannel. It ships today.\n"
PUSH = "id,channel,body\npush-1,social,Acme cloud is here.\n"
# the next sprint: a long sentence on the web, and the push copy fixed
LAUNCH_LATER = (
    "# Acme Cloud\n\nAcme Cloud sells omnichannel to every team that has ever wanted "
    "one place for its campaigns and its customers.\n"
)
PUSH_LATER = "id,channel,body\npush-1,social,Acme Cloud is here.\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "launch.md").write_text(LAUNCH)
    (tmp_path / "cms.csv").write_text(PUSH)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_history_line_has_totals_and_scores_per_channel_and_category(site):
    audit = run_audit(AuditOptions(["."], Settings(guide="brandlint.yaml"), cache=None))
    line = history_line(audit, datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
    assert re.fullmatch(r"[0-9a-f]{16}", line.pop("guide"))
    # words 11 (web 7, social 4); issues: one term error on social; both categories guarded
    # terms: 100 × (11/75) / (11/75 + 1) = 12.8; clarity: no issue, 100
    assert line == {
        "time": "2026-03-02T09:30:00+00:00",
        "files": 2,
        "words": 11,
        "alerts": 1,
        "errors": 1,
        "warnings": 0,
        "suggestions": 0,
        "score": audit.summary.score,
        "categories": {
            "terms": {"issues": 1, "score": 12.8},
            "clarity": {"issues": 0, "score": 100.0},
        },
        "channels": {
            "social": {
                "files": 1,
                "words": 4,
                "alerts": 1,
                "score": audit.channels[0].score,
                "categories": {
                    "terms": {"issues": 1, "score": 5.1},
                    "clarity": {"issues": 0, "score": 100.0},
                },
            },
            "web": {
                "files": 1,
                "words": 7,
                "alerts": 0,
                "score": audit.channels[1].score,
                "categories": {
                    "terms": {"issues": 0, "score": 100.0},
                    "clarity": {"issues": 0, "score": 100.0},
                },
            },
        },
    }


def test_a_category_counts_only_the_channels_its_rules_apply_to(site):
    (site / "brandlint.yaml").write_text(
        GUIDE.replace("    max: 12\n", "    max: 12\n    channels: [web]\n")
    )
    later_sprint(site)
    audit = run_audit(AuditOptions(["."], Settings(guide="brandlint.yaml"), cache=None))
    line = history_line(audit)
    # the long sentence is the web page's (19 words): clarity = 100 × (19/75) / (19/75 + 1)
    # = 20.2 over the web's words only, not 23.5 over all 23; the push copy has no clarity
    assert line["categories"] == {
        "terms": {"issues": 0, "score": 100.0},
        "clarity": {"issues": 1, "score": 20.2},
    }
    assert {name: part["categories"] for name, part in line["channels"].items()} == {
        "social": {"terms": {"issues": 0, "score": 100.0}},
        "web": {"terms": {"issues": 0, "score": 100.0}, "clarity": {"issues": 1, "score": 20.2}},
    }
    assert line["score"] == audit.summary.score == 60.1  # (100 + 20.2) / 2, as the report


def audit_with_history(*extra: str) -> int:
    return main(
        ["audit", ".", "--no-cache", "--workers", "1", "--history", "history.jsonl", *extra]
    )


def later_sprint(site):
    (site / "web" / "launch.md").write_text(LAUNCH_LATER)
    (site / "cms.csv").write_text(PUSH_LATER)


def test_each_run_appends_one_line_and_the_history_file_is_not_audited(site):
    assert audit_with_history() == 0
    later_sprint(site)
    assert audit_with_history() == 0
    lines = [json.loads(raw) for raw in (site / "history.jsonl").read_text().splitlines()]
    assert [(x["files"], x["alerts"], x["errors"], x["warnings"]) for x in lines] == [
        (2, 1, 1, 0),
        (2, 1, 0, 1),
    ]
    assert lines[0]["guide"] == lines[1]["guide"]
    assert [x["channels"]["web"]["categories"]["clarity"] for x in lines] == [
        {"issues": 0, "score": 100.0},
        {"issues": 1, "score": 20.2},  # 19 words: 100 × (19/75) / (19/75 + 1)
    ]
    assert datetime.fromisoformat(lines[1]["time"]).tzinfo is not None


def test_a_changed_guide_changes_the_fingerprint(site):
    assert audit_with_history() == 0
    (site / "brandlint.yaml").write_text(GUIDE.replace("max: 12", "max: 20"))
    assert audit_with_history() == 0
    first, second = read_history("history.jsonl")
    assert first["guide"] != second["guide"]


def test_the_report_draws_the_trend_and_marks_regressions(site):
    assert audit_with_history() == 0
    later_sprint(site)
    assert audit_with_history("--html", "report.html") == 0
    page = (site / "report.html").read_text()
    trend = re.search(r'<section id="trend">.*?</section>', page, re.S).group(0)
    assert "<h2>Trend over 2 audits" in trend
    assert re.findall(r'<polyline class="series" data-name="([^"]+)"', trend) == [
        "social",
        "web",
        "terms",
        "clarity",
    ]
    # the web page's new long sentence: the web channel and clarity fell; terms rose
    assert re.findall(r'<li class="regression">([^<]+)</li>', trend) == [
        "web: 100 → " + f"{read_history('history.jsonl')[1]['channels']['web']['score']:g}",
        "clarity: 100 → 23.5",  # 23 words in all, one issue
    ]
    assert re.findall(r'<circle class="regression" data-name="([^"]+)"', trend) == [
        "web",
        "clarity",
    ]


def test_one_run_draws_no_trend(site):
    assert audit_with_history("--html", "report.html") == 0
    assert 'id="trend"' not in (site / "report.html").read_text()
    assert trend_html(read_history("history.jsonl")) == ""


def test_a_broken_history_line_is_a_usage_error_at_its_line(site, capsys):
    (site / "history.jsonl").write_text(
        '{"time": "2026-01-01T00:00:00+00:00", "channels": {}}\n{"time": \n'
    )
    assert audit_with_history() == 2
    assert capsys.readouterr().err.strip() == (
        "brandlint: history.jsonl:2:10: not a history line (Expecting value); "
        "remove the line or give another --history file"
    )
    with pytest.raises(UsageError):
        read_history("history.jsonl")


def test_only_a_fall_of_a_shown_decimal_is_a_regression():
    series = {
        "web": [80.0, 79.9],
        "social": [70.0, 70.0],
        "email": [None, 50.0],
        "sms": [60.0, 65.0],
    }
    assert regressions(series) == {"web": (80.0, 79.9)}


def test_the_trend_renders_in_chromium_without_errors(site, tmp_path):
    assert audit_with_history() == 0
    later_sprint(site)
    assert audit_with_history("--html", "report.html") == 0
    page = site / "report.html"
    done = chromium(page, tmp_path / "profile", "--virtual-time-budget=5000", "--dump-dom")
    assert console_errors(done) == []
    dom = done.stdout
    # parsed as SVG in the live DOM: four series, two regressions circled
    assert dom.count('<polyline class="series"') == 4
    assert dom.count('<circle class="regression"') == 2
    assert dom.count('<tr class="alert level-') == 1
