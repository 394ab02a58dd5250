"""Vale's own tagger (twine's averaged perceptron) with the model shipped in the wheel: the
tags it gives are those the model's weights give, Vale's Go-isms included."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.nlp.perceptron import MODEL, PerceptronTagger, _head, _tail, normalize, vale_tagger

TWINE_COMMIT = "bb6b28688597876dd44cf66641583007eca422af"


@pytest.fixture(scope="module")
def model() -> dict:
    """The shipped model as stored, read without the tagger's own loader."""
    with gzip.open(MODEL, "rt", encoding="utf-8") as stream:
        return json.load(stream)


def scores(model: dict, features: list[str]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for feature in features:
        for tag, weight in model["weights"].get(feature, {}).items():
            totals[tag] = totals.get(tag, 0.0) + weight
    return totals


def top_two(totals: dict[str, float]) -> list[tuple[str, float]]:
    return [
        (tag, round(score, 3)) for tag, score in sorted(totals.items(), key=lambda i: -i[1])[:2]
    ]


# "join a meet up", feature by feature as twine's `featurize` builds them: the context is
# -START- -START2- join a meet up -END- -END2- (normalized words), tags so far in p1, p2.
# "a" is in the model's table of sure words (DT), the other three are predicted.
JOIN = [
    "bias",
    "i suffix oin",
    "i pref1 j",
    "i-1 tag -START-",
    "i-2 tag -START2-",
    "i tag+i-2 tag -START- -START2-",
    "i word join",
    "i-1 tag+i word -START- join",
    "i-1 word -START2-",
    "i-1 suffix T2-",
    "i-2 word -START-",
    "i+1 word a",
    "i+1 suffix a",
    "i+2 word meet",
]
MEET = [
    "bias",
    "i suffix eet",
    "i pref1 m",
    "i-1 tag DT",
    "i-2 tag VB",
    "i tag+i-2 tag DT VB",
    "i word meet",
    "i-1 tag+i word DT meet",
    "i-1 word a",
    "i-1 suffix a",
    "i-2 word join",
    "i+1 word up",
    "i+1 suffix up",
    "i+2 word -END-",
]
UP = [
    "bias",
    "i suffix up",
    "i pref1 u",
    "i-1 tag NN",
    "i-2 tag DT",
    "i tag+i-2 tag NN DT",
    "i word up",
    "i-1 tag+i word NN up",
    "i-1 word meet",
    "i-1 suffix eet",
    "i-2 word a",
    "i+1 word -END-",
    "i+1 suffix ND-",
    "i+2 word -END2-",
]


def test_join_a_meet_up_is_tagged_by_the_sums_of_the_models_weights(model):
    assert model["tagdict"].get("a") == "DT"
    assert not {"join", "meet", "up"} & model["tagdict"].keys()
    assert top_two(scores(model, JOIN)) == [("VB", 16.237), ("NN", 13.49)]
    assert top_two(scores(model, MEET)) == [("NN", 20.061), ("CD", 10.735)]
    assert top_two(scores(model, UP)) == [("RP", 26.421), ("IN", 18.62)]
    assert vale_tagger().tag(["join", "a", "meet", "up"]) == ["VB", "DT", "NN", "RP"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # twine's and prose's own test sentence, with the tags their tests expect
        (
            "Pierre Vinken , 61 years old , will join the board as a nonexecutive director "
            "Nov. 29 .",
            "NNP NNP , CD NNS JJ , MD VB DT NN IN DT JJ NN NNP CD .",
        ),
        # Vale's demo style: 'meet' a noun, where demo.Meetup flags it, and a verb
        ("A meet up on Sunday before the reception .", "DT NN RP IN NNP IN DT NN ."),
        ("We should meet up and talk .", "PRP MD VB RP CC VB ."),
    ],
)
def test_sentences_get_the_tags_vales_tagger_gives(sentence, expected):
    assert vale_tagger().tag(sentence.split()) == expected.split()


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("meet-ups", "!HYPHEN"),
        ("-ish", "-ish"),  # a leading hyphen is not a compound
        ("1999", "!YEAR"),
        ("+199", "!YEAR"),  # Go's Atoi takes a sign, and the word has four bytes
        ("19999", "!DIGITS"),
        ("5pm", "!DIGITS"),
        ("Meetup", "meetup"),
        ("ΟΔΟΣ", "οδοσ"),  # Go lowers a final sigma as any other
        ("İzmir", "izmir"),
    ],
)
def test_words_are_normalized_as_go_normalizes_them(word, form):
    assert normalize(word) == form


def test_suffixes_and_first_letters_are_bytes_as_go_slices_them():
    assert (_tail("meet"), _head("meet")) == ("eet", "m")
    assert _tail("café") == "fé"  # é is two bytes
    assert _tail("naïve") == "\udcafve"  # the cut through ï names no feature
    assert _head("élan") == "\u00c3"  # the first byte of é, read as a character


def write_model(path: Path, weights: dict, tagdict: dict | None = None) -> Path:
    model = {"classes": ["NN", "VB"], "tagdict": tagdict or {}, "weights": weights}
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        json.dump(model, stream)
    return path


def test_a_word_no_class_scores_above_zero_for_gets_no_tag(tmp_path):
    tagger = PerceptronTagger(write_model(tmp_path / "m.json.gz", {"bias": {"NN": -1.0}}))
    assert tagger.tag(["meet"]) == [""]


def test_the_previous_tags_are_features_of_the_next_word(tmp_path):
    weights = {
        "bias": {"NN": 1.0},
        "i-1 tag NN": {"VB": 2.0},  # after a noun, a verb
    }
    tagger = PerceptronTagger(write_model(tmp_path / "m.json.gz", weights))
    assert tagger.tag(["dogs", "bark", "loudly"]) == ["NN", "VB", "NN"]


def test_treebank_place_holders_and_brackets_are_tagged_without_the_model(tmp_path):
    tagger = PerceptronTagger(
        write_model(tmp_path / "m.json.gz", {"bias": {"NN": 1.0}}, {"Oslo": "NNP"})
    )
    assert tagger.tag(["0", "*", "*T*-1", "-LRB-", "Oslo", "", "up"]) == [
        "-NONE-",
        "-NONE-",
        "-NONE-",
        "-LRB-",
        "NNP",
        "",
        "NN",
    ]


WORDS = st.text(
    alphabet=st.sampled_from([*"aeZ09-'.,\"*$", "é", "ï", "Σ", "İ", "😀"]), min_size=0, max_size=6
)


@settings(max_examples=80, deadline=None)
@given(st.lists(WORDS, max_size=12))
def test_every_word_gets_one_tag_of_the_model_or_of_treebank(words: list[str]) -> None:
    tagger = vale_tagger()
    tags = tagger.tag(words)
    assert len(tags) == len(words)
    for word, tag in zip(words, tags, strict=True):
        assert tag in tagger.classes or tag in ("", "-NONE-") or tag == word
        assert word or not tag


def test_the_notice_names_vales_tagger_its_commits_and_the_licence():
    notice = (MODEL.parent / "NOTICE").read_text(encoding="utf-8")
    assert "871dafd1e24500cee9d8ad82b25d42a136bb2103" in notice
    assert f"commit {TWINE_COMMIT}" in notice
    assert "MIT License" in notice
    assert "Copyright 2013 Matthew Honnibal" in notice
