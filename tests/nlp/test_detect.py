"""Language detection among a guide's candidate languages, on the real seed articles."""

from __future__ import annotations

import pytest

from brandlint.nlp.detect import DetectorCache, UnknownLanguage, detect, sentences
from tests.conftest import FIXTURES

SEEDS = FIXTURES / "seeds"  # real published articles; see SOURCE.md there
CANDIDATES = ("en", "hu", "nb", "az", "yo")
ENGLISH = (
    "Kestrel keeps your stock in sync. You sell in store and online, and we count every item "
    "once. Your team sees the same number everywhere, so nobody spends the evening fixing "
    "spreadsheets. It takes a few minutes to set up, and you can start today."
)
HUNGARIAN = (
    "A többcsatornás elmaradt. A kommunikációs csatornák a vállalatok által kiszabott "
    "csatornák, és bár van egy stratégia, amelynek különböző csatornái vannak, jelenleg "
    "ennél többre van szükség."
)


@pytest.fixture(scope="module")
def cache() -> DetectorCache:
    return DetectorCache()


def paragraphs(name: str) -> list[str]:
    """The paragraphs (one a line in the seeds) of at least 20 words."""
    lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    return [line for line in lines if len(line.split()) >= 20]


@pytest.mark.parametrize(
    "name,lang,count",
    [
        ("yo-omnichannel-marketing.txt", "yo", 19),
        ("yo-omnichannel-retail.txt", "yo", 7),
        ("hu-omnichannel.txt", "hu", 11),
        ("az-omnichannel.txt", "az", 31),
        ("nb-omnichannel.txt", "nb", 17),
    ],
)
def test_each_seed_paragraph_is_found_in_its_language(cache, name, lang, count):
    found = [detect(p, CANDIDATES, 0.7, cache) for p in paragraphs(name)]
    assert len(found) == count
    assert {result[0] for result in found if result} == {lang}
    assert all(result is not None and result[1] >= 0.85 for result in found)


@pytest.mark.parametrize(
    "name,lang",
    [("hu-omnichannel.txt", "hu"), ("az-omnichannel.txt", "az"), ("nb-omnichannel.txt", "nb")],
)
def test_whole_articles_are_found_too(cache, name, lang):
    result = detect((SEEDS / name).read_text(encoding="utf-8"), CANDIDATES, 0.7, cache)
    assert result is not None and result[0] == lang and result[1] > 0.95


def test_english(cache):
    assert detect(ENGLISH, CANDIDATES, 0.7, cache) == ("en", pytest.approx(0.95, abs=0.03))


def test_mixed_text_is_below_the_threshold(cache):
    """Half English, half Hungarian: lingua alone would answer one of them with 0.99; the
    share of the text in the winner is about a half."""
    mixed = f"{ENGLISH}\n{HUNGARIAN}"
    assert detect(mixed, CANDIDATES, 0.7, cache) is None
    found = detect(mixed, CANDIDATES, 0.0, cache)
    assert found is not None and 0.4 < found[1] < 0.6


def test_text_without_letters_is_no_language(cache):
    assert detect("", CANDIDATES, 0.0, cache) is None
    assert detect("2026 — 10 %, 42 €", CANDIDATES, 0.0, cache) is None


def test_one_detector_per_candidate_set(cache):
    first = cache.detector(["en", "hu", "nb"])
    assert cache.detector(["nb", "en", "hu"]) is first
    assert cache.detector(["no", "en-GB", "hu"]) is first  # brandlint's codes, normalized
    assert cache.detector(["en", "hu"]) is not first


def test_candidates_bound_the_answer(cache):
    """Norwegian copy with only English and Hungarian to choose from is never 'nb'."""
    text = paragraphs("nb-omnichannel.txt")[0]
    assert detect(text, ["en", "hu"], 0.0, cache)[0] in {"en", "hu"}
    assert detect(text, ["en", "no"], 0.7, cache)[0] == "nb"


def test_unknown_candidates_are_named():
    with pytest.raises(UnknownLanguage, match="'tlh'"):
        detect("Hello there, how are you today?", ["en", "tlh"], 0.7)
    with pytest.raises(ValueError, match="at least one candidate"):
        detect("Hello there, how are you today?", [], 0.7)


def test_sentences_are_the_units_scored():
    assert sentences("One. Two!\nThree…  Four? 42.\n\n") == ["One.", "Two!", "Three…", "Four?"]
