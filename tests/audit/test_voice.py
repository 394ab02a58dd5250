"""The voice profile in the audit: a voice score per document, how the scores spread per
channel (quartiles and a histogram), in JSON, text and HTML; and the HTML report with its
traffic lights and voice column rendered in headless Chromium.

The profile is learned from tests/fixtures/voice/approved/; the corpus is the hype page
(48 against that profile, as tests/voice/ pins), a long web page on voice but for one
paragraph (84; its paragraph 5 scores 48 and has an alert) and an email on voice (88)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from brandlint import Settings, Workspace
from brandlint.audit.items import Item
from brandlint.audit.records import DocumentScore
from brandlint.audit.score import voice_spread
from brandlint.audit.worker import audit_item
from brandlint.checks import voice_profile
from brandlint.checks.voice_profile import VoiceProfile
from brandlint.cli.main import main
from brandlint.core.rule import LintContext
from brandlint.voice.profile import Profile
from brandlint.voice.score import DocumentScore as VoiceScore
from tests.audit.browser import chromium, console_errors

FIXTURES = Path(__file__).parent.parent / "fixtures" / "voice"
GREEN, YELLOW, RED = (0x1E, 0x8E, 0x3E), (0xF9, 0xAB, 0x00), (0xD9, 0x30, 0x25)


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("voice") / "voice.json"
    assert main(["voice", "learn", str(FIXTURES / "approved"), "-o", str(target)]) == 0
    return target


@pytest.fixture
def site(tmp_path: Path, profile: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "brandlint.yaml").write_text(
        f"name: acme\nlang: en\nvoice:\n  profile: {profile}\n  min-score: 70\n"
        "terms:\n  - use: Acme Cloud\n    case: exact\n    level: error\n"
    )
    (tmp_path / "web").mkdir()
    shutil.copy(FIXTURES / "hype.md", tmp_path / "web" / "launch.md")
    shutil.copy(FIXTURES / "drafts" / "web-children.md", tmp_path / "web" / "children.md")
    shutil.copy(FIXTURES / "drafts" / "email-bike.md", tmp_path / "bike.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def audit(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["audit", ".", "--no-cache", "--workers", "1", *extra]) == 0
    return capsys.readouterr().out


def test_json_gives_each_document_its_voice_score_and_the_minimum(site, capsys):
    audit(capsys, "--json", "audit.json")
    report = json.loads((site / "audit.json").read_text())
    assert [(d["path"], d["voice"], d["voice_min"]) for d in report["documents"]] == [
        ("./web/launch.md", 48, 70),
        ("./web/children.md", 84, 70),
        ("./bike.md", 88, 70),
    ]


def test_json_gives_the_spread_of_voice_scores_per_channel_and_overall(site, capsys):
    audit(capsys, "--json", "audit.json")
    report = json.loads((site / "audit.json").read_text())
    assert {c["channel"]: c["voice"] for c in report["channels"]} == {
        "email": {
            "documents": 1,
            "min": 88,
            "q1": 88.0,
            "median": 88.0,
            "q3": 88.0,
            "max": 88,
            "below_min": 0,
            "histogram": [0, 0, 0, 0, 0, 0, 0, 0, 1, 0],
        },
        "web": {
            "documents": 2,
            "min": 48,
            "q1": 57.0,  # 48 + (84 − 48) / 4
            "median": 66.0,
            "q3": 75.0,
            "max": 84,
            "below_min": 1,
            "histogram": [0, 0, 0, 0, 1, 0, 0, 0, 1, 0],
        },
    }
    assert report["summary"]["voice"] == {
        "documents": 3,
        "min": 48,
        "q1": 66.0,  # halfway between 48 and 84
        "median": 84.0,
        "q3": 86.0,
        "max": 88,
        "below_min": 1,
        "histogram": [0, 0, 0, 0, 1, 0, 0, 0, 2, 0],
    }


def test_audit_column_is_the_voice_rules_own_score_computed_once(site, monkeypatch):
    """The worker reads the score the `voice` rule computed while linting (one scoring per
    document), and it equals what the rule gives the same document on its own."""
    calls: list[str] = []
    scored = voice_profile.score_context

    def counted(ctx: LintContext, profile: Profile) -> VoiceScore:
        calls.append(Path(ctx.document.path).name)
        return scored(ctx, profile)

    monkeypatch.setattr(voice_profile, "score_context", counted)
    settings = Settings()
    for name in ("web/launch.md", "web/children.md", "bike.md"):
        found = audit_item(settings, Item(name, str(site / name)))
        assert calls == [Path(name).name]
        workspace = Workspace(settings)
        document = workspace.document(str(site / name))
        linter = workspace.linter_for(document.path)
        (rule,) = [r for r in linter.rules_for(document) if isinstance(r, VoiceProfile)]
        own = rule.score(linter.context(document))
        assert own is not None and found.voice == own.document.score
        calls.clear()


def test_a_voice_score_of_100_falls_in_the_last_bin():
    documents = [DocumentScore(f"{n}.md", "web", "en", 80, None, 0, n, 70) for n in (0, 9, 10, 100)]
    spread = voice_spread(documents)
    assert spread is not None
    assert (spread.bins, spread.below) == ((2, 1, 0, 0, 0, 0, 0, 0, 0, 1), 3)


def test_text_gives_the_voice_spread_per_channel_and_flags_files_below_the_minimum(site, capsys):
    out = audit(capsys)
    assert out.splitlines()[1:5] == [
        "channel email: 1 file, 92 words: score 100.0 (green); "
        "voice median 88 (min 88, Q1 88, Q3 88, max 88)",
        "channel web: 2 files, 447 words: score 87.4 (green); "
        "voice median 66 (min 48, Q1 57, Q3 75, max 84, 1 below the minimum)",
        "file ./web/launch.md: score 56.9 (red); voice 48 (below 70)",
        "2 files green",
    ]


def test_html_has_a_voice_column_and_a_histogram_per_channel(site, capsys):
    audit(capsys, "--html", "audit.html")
    page = (site / "audit.html").read_text()
    assert re.findall(r'<td class="num voice( below)?">(\d+)</td>', page) == [
        (" below", "48"),
        ("", "84"),
        ("", "88"),
    ]
    # email, web and all channels: ten bins each, drawn over a grey background
    assert page.count('<svg class="voice-histogram"') == 3
    assert "48 · 57 · <b>66</b> · 75 · 84 (2 docs)" in page


def test_report_renders_in_chromium_with_lights_and_the_voice_column(site, capsys, tmp_path):
    audit(capsys, "--html", "audit.html")
    done = chromium(site / "audit.html", tmp_path / "profile", "--dump-dom")
    assert console_errors(done) == []
    dom = done.stdout
    # the score, then terms and voice, per channel and for all of them
    assert re.findall(r'data-channel="([^"]+)">.*?</tr>', dom) == ["email", "web", "all channels"]
    lights = re.findall(r'<span class="light light-(\w+)" data-light="\1"', dom)
    assert lights == [
        "green",  # the summary's card: 89.1
        *("green", "green", "green"),  # email: 100 everywhere
        *("green", "green", "yellow"),  # web: 87.4; voice 74.9 (two warnings in 447 words)
        *("green", "green", "yellow"),  # all channels: 89.1; voice 78.2
        *("red", "green", "green"),  # the files, lowest first
    ]
    assert "<th>Voice score</th>" in dom
    assert re.search(r'<td class="num voice below">48</td>', dom)
    # the alerts table is filled by the page's script
    # (the hype page's voice alert, and the web page's for its paragraph 5)
    assert dom.count('<tr class="alert level-warning">') == 2


def test_traffic_lights_are_drawn_in_their_colours(site, capsys, tmp_path):
    from PIL import Image

    audit(capsys, "--html", "audit.html")
    shot = tmp_path / "report.png"
    done = chromium(
        site / "audit.html", tmp_path / "profile", "--window-size=1200,1400", f"--screenshot={shot}"
    )
    assert shot.exists(), done.stderr[-2000:]
    with Image.open(shot) as image:
        colours = {colour for _, colour in image.convert("RGB").getcolors(1 << 24) or []}
    assert {GREEN, YELLOW, RED} <= colours
