"""`brandlint audit`: corpus, exports, cache, variants, scores and reports."""

from __future__ import annotations

import csv
import json
import os
import pickle
import re

import pytest

from brandlint.audit import worker
from brandlint.audit.cache import ResultCache
from brandlint.audit.items import Item
from brandlint.audit.records import AuditedFile
from brandlint.audit.run import AuditOptions, run_audit
from brandlint.cli.main import main
from brandlint.reporters.json_report import alert_from_record, alert_record
from brandlint.workspace import Settings, Workspace
from tests.audit.browser import chromium, console_errors
from tests.audit.guides import GUIDE


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    web = tmp_path / "web"
    web.mkdir()
    (web / "a.md").write_text("# Omnichannel\n\nAcme Cloud sells omnichannel. #omnichannel\n")
    (web / "b.md").write_text("Acme cloud is omni-channel. Then omnichannel.\n")
    (web / "c.md").write_bytes(b"\x89PNG\x00\x00binary")
    (tmp_path / "cms.csv").write_text(
        "id,channel,lang,body\npost-1,social,en,AcmeCloud rocks\npost-2,social,en,All good here\n"
    )
    return tmp_path


def options(corpus, **extra):
    settings = {"cache": str(corpus / ".cache"), **extra}
    return AuditOptions([str(corpus)], Settings(guide=str(corpus / "brandlint.yaml")), **settings)


def test_corpus_summary_variants_scores_and_skips(corpus):
    audit = run_audit(options(corpus)).to_json()  # the JSON report
    # 17 words, 3 terms issues: 100 × (17/75) / ((17/75) + 3) = 7.02
    assert audit["summary"] == {
        "files": 4,
        "skipped": 1,
        "words": 17,
        "alerts": 3,
        "errors": 2,
        "warnings": 1,
        "suggestions": 0,
        "score": 7.0,
        "light": "red",
        "categories": {"terms": {"issues": 3, "score": 7.0}},
        "voice": None,
    }
    assert [(s["path"].split("/")[-1], s["reason"][:20]) for s in audit["skipped"]] == [
        ("c.md", "This is a binary fil")
    ]
    # lowest score first: 2 words and 1 issue score 100 × (2/75) / ((2/75) + 1) = 2.6;
    # 7 words and 2 issues 100 × (7/75) / ((7/75) + 2) = 4.5
    found = [
        (d["path"].split("/")[-1], d["channel"], d["alerts"], d["score"], d["light"])
        for d in audit["documents"]
    ]
    assert found == [
        ("cms.csv#post-1", "social", 1, 2.6, "red"),
        ("b.md", "web", 2, 4.5, "red"),
        ("cms.csv#post-2", "social", 0, 100.0, "green"),  # equal scores: ordered by path
        ("a.md", "web", 0, 100.0, "green"),
    ]
    variants = {v["rule"]: [(f["form"], f["files"]) for f in v["forms"]] for v in audit["variants"]}
    assert variants == {
        "acme.consistency.omnichannel": [("omnichannel", 2), ("omni-channel", 1)],
        "acme.terms.acme-cloud": [("Acme Cloud", 1), ("Acme cloud", 1), ("AcmeCloud", 1)],
    }
    assert [(r["rule"], r["count"], r["files"], r["compliance"]) for r in audit["rules"]] == [
        ("acme.terms.acme-cloud", 2, 2, 50.0),
        ("acme.consistency.omnichannel", 1, 1, 75.0),
    ]
    # the brand score (docs/scores.md), by hand: only terms rules apply; the social channel
    # has 2 + 3 words and one error: 100 × (5/75) / ((5/75) + 1) = 6.25
    social = next(c for c in audit["channels"] if c["channel"] == "social")
    assert (social["score"], social["light"]) == (round(100 * (5 / 75) / (5 / 75 + 1), 1), "red")


def test_cached_rerun_matches_and_skips_linting(corpus, monkeypatch):
    first = run_audit(options(corpus))

    def refuse(settings, item):  # a cached rerun must not lint anything
        raise AssertionError(f"linted {item.path} again")

    monkeypatch.setattr(worker, "audit_item", refuse)
    assert run_audit(options(corpus)) == first


def test_a_cached_result_is_stale_once_an_image_it_judged_changes(tmp_path):
    from PIL import Image

    guide = "name: acme\nassets:\n  images:\n    hero: {files: ['*hero*'], sizes: [{width: 600}]}\n"
    (tmp_path / "brandlint.yaml").write_text(guide)
    (tmp_path / "mail.md").write_text("Spring is here.\n\n![Tulips](hero.png)\n")
    Image.new("RGB", (640, 300)).save(tmp_path / "hero.png")

    def hero_alerts():
        report = run_audit(options(tmp_path))
        return [a.message for a in report.alerts if a.rule == "acme.images.hero"]

    assert hero_alerts() == [
        "Hero image 'hero.png' is 640×300 px (from the file); hero images are 600 px wide."
    ]
    Image.new("RGB", (600, 300)).save(tmp_path / "hero.png")  # the copy is unchanged
    assert hero_alerts() == []
    (tmp_path / "hero.png").unlink()
    assert hero_alerts() == []  # a missing file has no size to judge


MAIN_PROCESS = os.getpid()
AUDIT_ITEM = worker.audit_item


def audit_item_elsewhere(settings, item, data=None, guide=None):
    """`worker.audit_item`, refused in the test's own process: a module function, so that
    the jobs that name it still pickle."""
    assert os.getpid() != MAIN_PROCESS, f"the main process linted {item.path}"
    return AUDIT_ITEM(settings, item, data, guide)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_main_process_lints_nothing_it_walks_and_counts(corpus, monkeypatch, workers):
    """Workers lint, even one: the main process never loads the pipelines or holds their
    memory beside the audit's totals."""
    expected = run_audit(options(corpus, workers=workers, cache=None))
    monkeypatch.setattr(worker, "audit_item", audit_item_elsewhere)
    audit = run_audit(options(corpus, workers=workers, cache=None))
    assert audit == expected
    assert [(d.path.split("/")[-1], d.alerts) for d in audit.documents] == [
        ("cms.csv#post-1", 1),
        ("b.md", 2),
        ("cms.csv#post-2", 0),
        ("a.md", 0),
    ]


def test_two_workers_give_the_same_result(corpus):
    assert run_audit(options(corpus, workers=2, cache=None)) == run_audit(
        options(corpus, cache=None)
    )


def test_reports_and_cli(corpus, capsys, monkeypatch):
    monkeypatch.chdir(corpus)
    assert (
        main(
            [
                "audit",
                ".",
                "--workers",
                "1",
                "--no-cache",
                "--html",
                "r.html",
                "--json",
                "r.json",
                "--csv",
                "r.csv",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("4 files, 17 words: score ")
    assert (
        "variants of acme.consistency.omnichannel: 'omnichannel' in 2, 'omni-channel' in 1" in out
    )
    data = json.loads((corpus / "r.json").read_text())
    rows = list(csv.DictReader((corpus / "r.csv").open()))
    assert [(r["rule"], r["match"]) for r in rows] == [
        (a["rule"], a["match"]) for a in data["alerts"]
    ]
    # pieces are read at their absolute location but named as they were found
    shown = {d["path"] for d in data["documents"]}
    assert {"./web/b.md", "./cms.csv#post-1"} <= shown
    assert {a["path"] for a in data["alerts"]} <= shown


def test_html_report_renders_in_chromium_without_errors(corpus, tmp_path):
    audit = run_audit(options(corpus))
    from brandlint.audit.report import write_html

    page = tmp_path / "report.html"
    with page.open("w", encoding="utf-8") as out:
        write_html(audit, out)
    done = chromium(page, tmp_path / "profile", "--virtual-time-budget=5000", "--dump-dom")
    assert console_errors(done) == []
    dom = done.stdout
    assert dom.count('<tr class="alert level-') == audit.summary.alerts == 3
    assert re.search(r'<span id="shown">(\d+)</span>', dom).group(1) == "3"
    for key in ("files", "alerts", "errors", "warnings", "skipped"):
        shown = re.search(rf'<b id="{key}">([^<]*)</b>', dom).group(1)
        assert shown == str(getattr(audit.summary, key))


def test_the_same_audit_runs_on_a_local_dask_cluster(corpus, capsys, monkeypatch):
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        monkeypatch.chdir(corpus)
        assert (
            main(
                [
                    "audit",
                    ".",
                    "--no-cache",
                    "--executor",
                    "dask",
                    "--scheduler",
                    cluster.scheduler_address,
                    "--json",
                    "dask.json",
                ]
            )
            == 0
        )
        assert main(["audit", ".", "--no-cache", "--workers", "1", "--json", "local.json"]) == 0
    capsys.readouterr()
    assert json.loads((corpus / "dask.json").read_text()) == json.loads(
        (corpus / "local.json").read_text()
    )


def test_a_worker_record_survives_pickling_and_the_cache_json(corpus, tmp_path):
    from brandlint.audit.worker import audit_item

    settings = Settings(guide=str(corpus / "brandlint.yaml"))
    pieces = [
        Item(str(corpus / "web" / "b.md"), os.path.abspath(corpus / "web" / "b.md")),
        Item(str(corpus / "web" / "c.md"), os.path.abspath(corpus / "web" / "c.md")),
        Item("cms.csv#x", str(corpus / "cms.csv"), "Acme cloud, omni-channel"),
    ]
    found = [audit_item(settings, item) for item in pieces]
    assert [r.skipped is None for r in found] == [True, False, True]
    assert found[0].alerts and found[0].forms and found[0].words == 7
    cache = ResultCache(str(tmp_path / "cache"))
    for n, record in enumerate(found):
        assert pickle.loads(pickle.dumps(record)) == record  # to local and Dask workers
        assert AuditedFile.from_json(json.loads(json.dumps(record.to_json()))) == record
        cache.put(f"{n:02d}key", record)
        assert cache.get(f"{n:02d}key") == record


def test_a_cache_entry_that_is_not_a_record_is_a_miss(tmp_path):
    cache = ResultCache(str(tmp_path))
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / "abc.json").write_text('{"path": "a.md", "words": 3}')
    (tmp_path / "ab" / "abd.json").write_text("not json")
    assert cache.get("abc") is None and cache.get("abd") is None and cache.get("abe") is None


def test_audit_alerts_are_written_as_check_writes_them(corpus):
    workspace = Workspace(Settings(guide=str(corpus / "brandlint.yaml")))
    alerts = workspace.lint_file(corpus / "web" / "b.md")
    assert alerts
    for alert in alerts:
        again = alert_from_record(alert_record(alert))
        assert alert_record(again) == alert_record(alert)
