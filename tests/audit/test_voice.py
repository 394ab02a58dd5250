"""The voice profile in the audit: a voice score per document, how the scores spread per
channel (quartiles and a histogram), in JSON, text and HTML; and the HTML report with its
traffic lights and voice column rendered in headless Chromium.

The profile is learned from tests/fixtures/voice/approved/; the corpus is the hype page
(55 against that profile, as tests/voice/ pins) and two of the approved texts."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from brandlint.audit.records import DocumentScore
from brandlint.audit.score import voice_spread
from brandlint.cli.main import main
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
    shutil.copy(FIXTURES / "approved" / "release-docs.md", tmp_path / "web" / "release.md")
    blog = (FIXTURES / "approved" / "cache-blog.md").read_text()
    (tmp_path / "cache.md").write_text(f"---\nchannel: email\n---\n{blog}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def audit(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["audit", ".", "--no-cache", "--workers", "1", *extra]) == 0
    return capsys.readouterr().out


def test_json_gives_each_document_its_voice_score_and_the_minimum(site, capsys):
    audit(capsys, "--json", "audit.json")
    report = json.loads((site / "audit.json").read_text())
    assert [(d["path"], d["voice"], d["voice_min"]) for d in report["documents"]] == [
        ("./web/launch.md", 55, 70),
        ("./cache.md", 97, 70),
        ("./web/release.md", 96, 70),
    ]


def test_json_gives_the_spread_of_voice_scores_per_channel_and_overall(site, capsys):
    audit(capsys, "--json", "audit.json")
    report = json.loads((site / "audit.json").read_text())
    assert {c["channel"]: c["voice"] for c in report["channels"]} == {
        "email": {
            "documents": 1,
            "min": 97,
            "q1": 97.0,
            "median": 97.0,
            "q3": 97.0,
            "max": 97,
            "below_min": 0,
            "histogram": [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        },
        "web": {
            "documents": 2,
            "min": 55,
            "q1": 65.2,  # 55 + (96 − 55) / 4, to one decimal
            "median": 75.5,
            "q3": 85.8,
            "max": 96,
            "below_min": 1,
            "histogram": [0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
        },
    }
    assert report["summary"]["voice"] == {
        "documents": 3,
        "min": 55,
        "q1": 75.5,  # halfway between 55 and 96
        "median": 96.0,
        "q3": 96.5,
        "max": 97,
        "below_min": 1,
        "histogram": [0, 0, 0, 0, 0, 1, 0, 0, 0, 2],
    }


def test_a_voice_score_of_100_falls_in_the_last_bin():
    documents = [DocumentScore(f"{n}.md", "web", "en", 80, None, 0, n, 70) for n in (0, 9, 10, 100)]
    spread = voice_spread(documents)
    assert spread is not None
    assert (spread.bins, spread.below) == ((2, 1, 0, 0, 0, 0, 0, 0, 0, 1), 3)


def test_text_gives_the_voice_spread_per_channel_and_flags_files_below_the_minimum(site, capsys):
    out = audit(capsys)
    assert out.splitlines()[1:5] == [
        "channel email: 1 file, 112 words: score 100.0 (green); "
        "voice median 97 (min 97, Q1 97, Q3 97, max 97)",
        "channel web: 2 files, 90 words: score 77.3 (yellow); "
        "voice median 75.5 (min 55, Q1 65.2, Q3 85.8, max 96, 1 below the minimum)",
        "file ./web/launch.md: score 56.9 (red); voice 55 (below 70)",
        "2 files green",
    ]


def test_html_has_a_voice_column_and_a_histogram_per_channel(site, capsys):
    audit(capsys, "--html", "audit.html")
    page = (site / "audit.html").read_text()
    assert re.findall(r'<td class="num voice( below)?">(\d+)</td>', page) == [
        (" below", "55"),
        ("", "97"),
        ("", "96"),
    ]
    # email, web and all channels: ten bins each, drawn over a grey background
    assert page.count('<svg class="voice-histogram"') == 3
    assert "55 · 65.2 · <b>75.5</b> · 85.8 · 96 (2 docs)" in page


def test_report_renders_in_chromium_with_lights_and_the_voice_column(site, capsys, tmp_path):
    audit(capsys, "--html", "audit.html")
    done = chromium(site / "audit.html", tmp_path / "profile", "--dump-dom")
    assert console_errors(done) == []
    dom = done.stdout
    # the score, then terms and voice, per channel and for all of them
    assert re.findall(r'data-channel="([^"]+)">.*?</tr>', dom) == ["email", "web", "all channels"]
    lights = re.findall(r'<span class="light light-(\w+)" data-light="\1"', dom)
    assert lights == [
        *("green", "green", "green"),  # email: 100 everywhere
        *("yellow", "green", "red"),  # web: 77.3; voice 54.5 (one warning in 90 words)
        *("green", "green", "yellow"),  # all channels: 86.5; voice 72.9
        *("red", "green", "green"),  # the files, lowest first
    ]
    assert "<th>Voice score</th>" in dom
    assert re.search(r'<td class="num voice below">55</td>', dom)
    # the alerts table is filled by the page's script
    assert dom.count('<tr class="alert level-warning">') == 1


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
