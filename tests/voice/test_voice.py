"""`brandlint voice learn|score` and the `voice` guide key, on a small fixed corpus: six
short texts on two subjects in three voices (tests/fixtures/voice/approved/)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint import Settings, Workspace
from brandlint.cli.main import main
from brandlint.voice.features import FEATURES, Measured
from brandlint.voice.profile import Voice, load_profile
from brandlint.voice.score import score_measured

FIXTURES = Path(__file__).parent.parent / "fixtures"
APPROVED = FIXTURES / "voice" / "approved"
HYPE = FIXTURES / "voice" / "hype.md"
SEEDS = FIXTURES / "seeds"


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("voice") / "voice.json"
    assert main(["voice", "learn", str(APPROVED), "-o", str(target), "--lang", "en"]) == 0
    return target


def test_profile_records_its_sample_and_feature_ranges(profile: Path) -> None:
    data = json.loads(profile.read_text(encoding="utf-8"))
    voice = data["voices"][0]
    assert (data["brandlint_voice_profile"], data["documents"], data["words"]) == (1, 6, 601)
    assert (voice["lang"], voice["channel"], voice["documents"]) == ("en", "", 6)
    assert voice["features"]["sentence_length"] == {
        "n": 6,
        "mean": 13.08,
        "sd": 1.38,
        "p10": 11.65,
        "p25": 12.25,
        "median": 12.75,
        "p75": 14.3,
        "p90": 14.85,
    }
    assert voice["characteristic_words"][1] == {
        "word": "cache",
        "per_100_words": 1.664,
        "times_general": 3897,
    }
    assert voice["missing"] == {}


def test_learning_refuses_too_little_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["voice", "learn", str(HYPE), "-o", str(tmp_path / "v.json"), "--lang", "en"])
    assert code == 2
    assert capsys.readouterr().err == (
        "brandlint: too little approved copy to learn a voice (English: 1 documents, 12 "
        "words); a profile needs at least 5 documents and 500 words per language (30 or more "
        "documents give a reliable one)\n"
    )
    assert not (tmp_path / "v.json").exists()


def test_score_json_explains_what_pulls_the_score_down(
    profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["voice", "score", str(HYPE), "--profile", str(profile), "--lang", "en"]
    assert main([*args, "--format", "json"]) == 0
    (found,) = json.loads(capsys.readouterr().out)
    assert (found["path"], found["score"], found["missing"]) == (str(HYPE), 55, {})
    assert [f["name"] for f in found["features"]] == [
        "characteristic_words",
        "function_words",
        "hedges",
        "hype",
        "exclamations",
        "sentence_length",
        "paragraph_length",
        "you",
    ]
    assert found["features"][4] == {
        "name": "exclamations",
        "value": 80.0,
        "expected": [0.0, 8.32],
        "explanation": "exclamations: 80% of sentences; approved copy: 0–8.3% of sentences",
    }
    assert found["features"][5]["explanation"] == (
        "sentences average 2.4 words; approved copy: 12–14"
    )


def test_score_is_deterministic(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["voice", "score", str(HYPE), "--profile", str(profile), "--lang", "en"]
    main([*args, "--format", "json"])
    first = capsys.readouterr().out
    main([*args, "--format", "json"])
    assert capsys.readouterr().out == first


def test_guide_voice_key_flags_a_document_below_min_score(profile: Path, tmp_path: Path) -> None:
    guide = tmp_path / "brandlint.yaml"
    guide.write_text(
        f"name: acme\nlang: en\nvoice:\n  profile: {profile}\n  min-score: 70\n", encoding="utf-8"
    )
    (alert,) = Workspace(Settings(guide=str(guide))).lint_text(
        HYPE.read_text(encoding="utf-8"), path=str(tmp_path / "post.md")
    )
    assert (alert.rule, alert.kind, alert.span.line, alert.span.column) == (
        "acme.voice",
        "voice",
        3,
        1,
    )
    assert alert.message == (
        "Voice score of this document is 55 (at least 70): the brand's own words: 0 per 100 "
        "words; approved copy: 11–20 (such as reuses, cache, compiler, inputs); small-word "
        "mix differs from approved copy by 67%; approved copy: 39–42% (most: 'the' 0 per 100 "
        "words, approved 9.2); hedges (maybe, quite, really…): 17 per 100 words; approved "
        "copy: 0–0."
    )


def test_guide_with_a_missing_profile_is_an_error_at_its_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: acme\nvoice:\n  profile: nope.json\n", encoding="utf-8")
    (tmp_path / "post.md").write_text("Hello there.\n", encoding="utf-8")
    assert main(["check", "--guide", str(guide), str(tmp_path / "post.md")]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{guide}:3:12: error: {tmp_path / 'nope.json'}: cannot read the voice profile "
        "(No such file or directory)"
    )


def _split(seed: Path, folder: Path, parts: int) -> None:
    """An article as `parts` files of whole paragraphs (the approved copy of a test)."""
    paragraphs = [p for p in seed.read_text(encoding="utf-8").split("\n") if p.strip()]
    size = -(-len(paragraphs) // parts)
    for i in range(parts):
        chunk = paragraphs[i * size : (i + 1) * size]
        (folder / f"part{i}.txt").write_text("\n\n".join(chunk) + "\n", encoding="utf-8")


def test_hungarian_profile_reports_features_it_cannot_measure(tmp_path: Path) -> None:
    _split(SEEDS / "hu-omnichannel.txt", tmp_path, 5)
    target = tmp_path / "hu.json"
    assert main(["voice", "learn", str(tmp_path), "-o", str(target), "--lang", "hu"]) == 0
    voice = json.loads(target.read_text(encoding="utf-8"))["voices"][0]
    assert voice["lang"] == "hu"
    assert voice["missing"] == {
        "contractions": "no contraction list for Hungarian",
        "hedges": "no hedging-word list for Hungarian",
        "hype": "no hype-word list for Hungarian",
        "passive": "no passive-voice detector for Hungarian",
        "readability": "no validated readability formula for Hungarian",
        "they": "no pronoun list for Hungarian",
        "we": "no pronoun list for Hungarian",
        "you": "no pronoun list for Hungarian",
    }
    assert "readability" not in voice["features"] and "lexical_density" in voice["features"]


def test_yoruba_profile_has_no_characteristic_words_without_a_frequency_list(
    tmp_path: Path,
) -> None:
    _split(SEEDS / "yo-omnichannel-marketing.txt", tmp_path, 5)
    target = tmp_path / "yo.json"
    assert main(["voice", "learn", str(tmp_path), "-o", str(target), "--lang", "yo"]) == 0
    voice = json.loads(target.read_text(encoding="utf-8"))["voices"][0]
    assert voice["missing"]["characteristic_words"] == (
        "no general word-frequency list for Yoruba (wordfreq)"
    )
    assert voice["characteristic_words"] == []


def _plain_voice(profile: Path) -> Voice:
    """The fixture profile without its profile-relative features, so that a document's
    features can be set directly."""
    voice = load_profile(profile).voices[0]
    return replace(voice, function_words={}, characteristic_words=())


def _document(values: dict[str, float]) -> Measured:
    return Measured("en", 300, values, {})


RELATIVE = ("function_words", "characteristic_words")
OFFSETS = st.dictionaries(
    st.sampled_from([f.name for f in FEATURES if f.name not in RELATIVE]),
    st.floats(-50, 50, allow_nan=False),
    min_size=1,
)


@settings(max_examples=200, deadline=None)
@given(offsets=OFFSETS)
def test_score_is_bounded_deterministic_and_highest_at_the_profile_median(
    profile: Path, offsets: dict[str, float]
) -> None:
    voice = _plain_voice(profile)
    median = {name: spread.median for name, spread in voice.features.items()}
    perturbed = {name: value + offsets.get(name, 0.0) for name, value in median.items()}
    best = score_measured(_document(median), voice, "document").score
    found = score_measured(_document(perturbed), voice, "document").score
    assert found is not None and 0 <= found <= 100
    assert found == score_measured(_document(perturbed), voice, "document").score
    assert best == 100 and found <= best


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from([f.name for f in FEATURES if f.name not in RELATIVE]),
    near=st.floats(0, 40, allow_nan=False),
    further=st.floats(0, 40, allow_nan=False),
    sign=st.sampled_from([-1.0, 1.0]),
)
def test_straying_further_from_approved_copy_never_raises_the_score(
    profile: Path, name: str, near: float, further: float, sign: float
) -> None:
    voice = _plain_voice(profile)
    median = {n: spread.median for n, spread in voice.features.items()}

    def score(offset: float) -> float:
        values = {**median, name: median[name] + sign * offset}
        differences = score_measured(_document(values), voice, "document").differences
        return sum(d.points for d in differences)

    assert score(near + further) >= score(near)
