"""Consistency groups through morphology: a variant with a case ending (hu, az) or a
definite/genitive ending (nb) is that variant's spelling; the fix carries the ending over,
or is only suggested; and it never proposes a spelling the guide bans."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from brandlint.nlp.pipelines import Pipelines
from brandlint.workspace import Settings, Workspace


@pytest.fixture(scope="module")
def pipelines() -> Pipelines:
    return Pipelines()


@pytest.fixture
def guide(tmp_path: Path, pipelines: Pipelines):
    """guide(yaml) -> (lint(copy, lang), fix(copy, lang))."""

    def make(text: str):
        path = tmp_path / "brandlint.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        workspace = Workspace(Settings(guide=str(path)), pipelines=pipelines)
        post = str(tmp_path / "post.md")

        def lint(copy: str, lang: str) -> list[tuple[object, ...]]:
            alerts = workspace.lint_text(f"---\nlang: {lang}\n---\n{copy}", post)
            return [
                (
                    a.rule,
                    a.span.line,
                    a.span.column,
                    a.span.end_column,
                    a.match,
                    a.replacements,
                    a.suggestion,
                )
                for a in alerts
            ]

        def fix(copy: str, lang: str) -> str:
            head = f"---\nlang: {lang}\n---\n"
            return workspace.fix_text(post, head + copy).fixed.removeprefix(head)

        return lint, fix

    return make


GROUP = """
name: k
consistency:
  - [omnichannel, omni-channel, omnikanál, omnikanal]
"""
RULE = "k.consistency.omnichannel"


# -- Hungarian ---------------------------------------------------------------------------------
def test_hungarian_case_endings_are_the_variants_spelling_and_the_fix_keeps_them(guide):
    lint, fix = guide(GROUP)
    copy = "Az omnikanál a cél. Az omnichannellel és az Omni-channelnek írunk.\n"
    assert lint(copy, "hu") == [
        (RULE, 4, 24, 38, "omnichannellel", ("omnikanállal",), False),
        (RULE, 4, 45, 60, "Omni-channelnek", ("Omnikanálnak",), False),
    ]
    assert fix(copy, "hu") == "Az omnikanál a cél. Az omnikanállal és az Omnikanálnak írunk.\n"


def test_hungarian_hyphen_only_difference_keeps_the_copys_ending(guide):
    # "omnichannel" mixes front and back vowels: no harmony rule picks its ending, but the
    # copy's own ending fits the same letters without the hyphen
    lint, fix = guide(GROUP)
    copy = "Az omnichannel a cél. Az omni-channelnek írunk.\n"
    assert lint(copy, "hu") == [(RULE, 4, 26, 41, "omni-channelnek", ("omnichannelnek",), False)]
    assert fix(copy, "hu") == "Az omnichannel a cél. Az omnichannelnek írunk.\n"


def test_hungarian_ending_that_cannot_be_rebuilt_is_only_suggested(guide):
    lint, fix = guide(GROUP)
    copy = "Az omnichannel a cél. Az omnikanállal írunk.\n"
    assert lint(copy, "hu") == [(RULE, 4, 26, 38, "omnikanállal", ("omnichannel",), True)]
    assert fix(copy, "hu") == copy


def test_hungarian_other_words_that_start_like_a_variant_are_not_it(guide):
    lint, _ = guide(GROUP)
    assert lint("Az omnichannel a cél, nem az omnikanálisnak.\n", "hu") == []


# -- Norwegian Bokmål ---------------------------------------------------------------------------
def test_norwegian_definite_and_genitive_forms_are_the_variants_spelling(guide):
    lint, fix = guide(GROUP)
    copy = "Omnikanalen først. Omnichannelens kunder og omni-channel.\n"
    assert lint(copy, "nb") == [
        (RULE, 4, 20, 34, "Omnichannelens", ("Omnikanalens",), False),
        (RULE, 4, 45, 57, "omni-channel", ("omnikanal",), False),
    ]
    assert fix(copy, "nb") == "Omnikanalen først. Omnikanalens kunder og omnikanal.\n"


def test_norwegian_banned_spelling_with_an_ending_never_sets_the_spelling(guide):
    lint, _ = guide(GROUP + "terms:\n  - avoid: [omni-kanal]\n    suggest: [omnikanal]\n")
    copy = "Omni-kanalen først. Omnichannelen og omnikanalen.\n"
    assert lint(copy, "nb") == [
        ("k.terms.omni-kanal", 4, 1, 13, "Omni-kanalen", ("Omnikanalen",), False),
        (RULE, 4, 38, 49, "omnikanalen", ("omnichannelen",), False),
    ]


def test_norwegian_fix_whose_inflected_form_the_guide_bans_is_only_suggested(guide):
    lint, fix = guide(
        "name: k\nterms:\n  - avoid: [omnikanalen]\nconsistency:\n  - [omnichannel, omnikanal]\n"
    )
    copy = "Omnikanal først. Omnichannelen og omnichannelens.\n"
    assert lint(copy, "nb") == [
        ("k.consistency.omnichannel", 4, 18, 31, "Omnichannelen", ("Omnikanal",), True),
        ("k.consistency.omnichannel", 4, 35, 49, "omnichannelens", ("omnikanalens",), False),
    ]
    assert fix(copy, "nb") == "Omnikanal først. Omnichannelen og omnikanalens.\n"


def test_norwegian_derived_words_are_not_the_variant(guide):
    lint, _ = guide(GROUP)
    assert lint("Omnikanal først, så omnichannelisering.\n", "nb") == []


# -- Azerbaijani --------------------------------------------------------------------------------
def test_azerbaijani_endings_follow_the_chosen_spellings_harmony(guide):
    lint, fix = guide(GROUP)
    copy = "Omnikanal yaxşıdır. Omnichannelin və omni-channelə.\n"
    assert lint(copy, "az") == [
        (RULE, 4, 21, 34, "Omnichannelin", ("Omnikanalın",), False),
        (RULE, 4, 38, 51, "omni-channelə", ("omnikanala",), False),
    ]
    assert fix(copy, "az") == "Omnikanal yaxşıdır. Omnikanalın və omnikanala.\n"


def test_azerbaijani_derivation_is_not_a_case_ending(guide):
    lint, _ = guide(GROUP)
    assert lint("Omnichannel yaxşıdır, omnikanallıq da.\n", "az") == []


# -- English: as before ---------------------------------------------------------------------------
def test_english_group_matches_the_spellings_as_written(guide):
    lint, fix = guide(GROUP)
    copy = "Omnichannel first; omni-channel next.\n"
    assert lint(copy, "en") == [(RULE, 4, 20, 32, "omni-channel", ("omnichannel",), False)]
    assert fix(copy, "en") == "Omnichannel first; omnichannel next.\n"
