"""The voice summary: figures per document beside the guide's targets."""

from __future__ import annotations

import json
from pathlib import Path

from brandlint.audit.run import AuditOptions, run_audit
from brandlint.cli.main import main
from brandlint.voice.formality import word_class
from brandlint.workspace import Settings
from tests.conftest import REPO

GUIDE = """
name: t
channels:
  "web/**": web
rules:
  t.length: {extends: sentence-length, max: 20}
  t.grade: {extends: readability, max_grade: 8}
  t.emoji: {extends: emoji, max: 1}
  t.contractions: {extends: contractions, prefer: contracted}
"""

COPY = (
    "---\nchannel: web\n---\n# Welcome\n\n"
    "You're in! We will set up your store. Orders are processed by our team. "
    "You can sell online today 🎉 Your customers will love it!\n"
)


def test_metrics_beside_targets(tmp_path, capsys, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "welcome.md").write_text(COPY)
    (tmp_path / "web" / "site.css").write_text("a { color: red }\n")  # no voice: left out
    (tmp_path / "web" / "badge.svg").write_text("<svg><text>Sale!</text></svg>\n")
    monkeypatch.chdir(tmp_path)
    assert main(["stats", "--format", "json", "web"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    # four sentences of 2, 6, 6 and 10 words ("'re" is no word; no full stop after the emoji,
    # so its sentence runs on); "you" ×4 (You're, your, You, Your) and "we" ×2 (We, our);
    # one contraction (You're) and one spelled out (we will); one passive of four sentences
    assert {
        k: record[k]
        for k in (
            "words",
            "sentences",
            "mean_sentence_length",
            "max_sentence_length",
            "passive_share",
            "exclamations_per_100_words",
            "emoji",
            "you_we_ratio",
            "contractions_share",
        )
    } == {
        "words": 24,
        "sentences": 4,
        "mean_sentence_length": 6.0,
        "max_sentence_length": 10,
        "passive_share": 0.25,
        "exclamations_per_100_words": 8.3,
        "emoji": 1,
        "you_we_ratio": 2.0,
        "contractions_share": 0.5,
    }
    assert record["targets"] == {
        "max_sentence_length": 20,
        "grade": 8,
        "emoji": 1,
        "contractions": "contracted",
    }
    assert record["channel"] == "web" and record["lang"] == "en"
    assert 0 < record["formality"] < 100 and record["grade"] is not None
    assert main(["stats", "web"]) == 0
    text = capsys.readouterr().out
    assert "max 10 (target ≤ 20)" in text and "emoji 1 (target ≤ 1)" in text


def test_formality_word_classes_from_closed_lists_and_suffixes():
    assert [
        word_class(w)
        for w in (
            "the",
            "with",
            "you",
            "wow",
            "quickly",
            "information",
            "helpful",
            "organize",
            "store",
        )
    ] == ["art", "prep", "pron", "intj", "adv", "noun", "adj", "verb", ""]


def test_languages_without_data_report_no_figures(tmp_path, capsys, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text("name: t\nlang: yo\n")
    (tmp_path / "p.md").write_text("Ọjà tuntun wa. Ẹ wá ra!\n")
    monkeypatch.chdir(tmp_path)
    assert main(["stats", "--format", "json", "p.md"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert (record["grade"], record["formality"], record["lang"]) == (None, None, "yo")
    # no detector for Yoruba: null with a reason, not 0.0 (as passive_share was)
    assert (record["passive_share"], record["readability"]) == (None, None)
    assert record["reasons"]["passive_share"] == "no passive-voice detector for Yoruba"
    assert record["reasons"]["readability"] == "no validated readability formula for Yoruba"


def test_stats_and_audit_count_the_same_words(capsys, monkeypatch):
    """One word count: `stats` and `audit` agree on every file of the Kestrel example,
    headings, alt text, titles and front matter left out of both."""
    monkeypatch.chdir(REPO / "examples" / "kestrel")
    assert main(["stats", "--format", "json", "content"]) == 0
    stats = {r["path"]: r["words"] for r in json.loads(capsys.readouterr().out)}
    audit = run_audit(AuditOptions(["content"], Settings(), cache=None)).to_json()
    audited = {d["path"]: d["words"] for d in audit["documents"]}
    assert len(stats) >= 15
    assert {path: audited[path] for path in stats} == stats
    newsletter = Path("content/email/spring-newsletter.html")
    assert 0 < stats[str(newsletter)] < len(newsletter.read_text("utf-8").split()) / 2


def test_not_prose_names_known_scopes():
    from brandlint.core.document import NOT_PROSE
    from brandlint.core.scopes import SCOPES

    assert NOT_PROSE.issubset(SCOPES)
