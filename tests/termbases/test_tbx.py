"""TBX termbases in the guide: exact alerts in en, hu and nb copy, language fallback,
and broken or unsafe files as guide errors at their line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brandlint import Settings, Workspace
from brandlint.core.errors import GuideError
from brandlint.guide.loader import load_guide
from brandlint.guide.termbases.rules import language_scope

FIXTURES = Path(__file__).parent.parent / "fixtures" / "termbases"


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace(Settings(guide=str(FIXTURES / "brandlint.yaml")))


def lint(workspace: Workspace, lang: str, text: str) -> list[tuple[object, ...]]:
    alerts = workspace.lint_text(f"---\nlang: {lang}\n---\n{text}\n", path=str(FIXTURES / "p.md"))
    return [
        (a.rule, a.span.line, a.span.column, a.span.end_column, a.message, a.replacements)
        for a in alerts
    ]


def test_english_deprecated_and_superseded_terms_take_the_preferred_term(workspace):
    assert lint(workspace, "en", "Open your e-purse, then logon. Log in or sign in.") == [
        (
            "kestrel.termbase.kestrel.en.wallet",
            4,
            11,
            18,
            "Use 'wallet' instead of 'e-purse'.",
            ("wallet",),
        ),
        (
            "kestrel.termbase.kestrel.en.sign-in",
            4,
            25,
            30,
            "Use 'sign in' instead of 'logon'.",
            ("sign in",),
        ),
    ]


def test_definition_and_usage_note_are_the_reason(workspace):
    alert = workspace.lint_text(
        "---\nlang: en\n---\nOpen your e-purse.\n", path=str(FIXTURES / "p.md")
    )[0]
    assert alert.reason == (
        "The place in the Kestrel app where a customer keeps cards and passes. "
        'Note: Sounds dated; customers search for "wallet".'
    )


def test_deprecated_term_without_preferred_term_says_so(workspace):
    assert lint(workspace, "en", "Teams thrive on synergy.") == [
        (
            "kestrel.termbase.kestrel.en.synergy",
            4,
            17,
            24,
            "'synergy' is deprecated in en, and the termbase gives no preferred term to use.",
            (),
        )
    ]


def test_proper_noun_is_enforced_in_its_case(workspace):
    assert lint(workspace, "en", "Pay with KestrelPay.") == [
        (
            "kestrel.termbase.kestrel.en.kestrel-pay",
            4,
            10,
            20,
            "Write 'Kestrel Pay', not 'KestrelPay'.",
            ("Kestrel Pay",),
        )
    ]


def test_hungarian_terms_match_inflected_and_keep_the_ending(workspace):
    assert lint(workspace, "hu", "Az e-tárcával fizetsz. A szinergia fontos.") == [
        (
            "kestrel.termbase.kestrel.hu.wallet",
            4,
            4,
            14,
            "Use 'pénztárcával' instead of 'e-tárcával'.",
            ("pénztárcával",),
        ),
        (
            "kestrel.termbase.kestrel.hu.synergy",
            4,
            26,
            35,
            "Avoid 'szinergia'; use 'együttműködés' or 'összefogás'.",
            ("együttműködés", "összefogás"),
        ),
    ]


def test_norwegian_superseded_term_and_tbx_v2_entry(workspace):
    assert lint(workspace, "nb", "Åpne e-lommeboken. Kontakt kundesupport.") == [
        (
            "kestrel.termbase.kestrel.nb.wallet",
            4,
            6,
            18,
            "Use 'lommeboken' instead of 'e-lommeboken'.",
            ("lommeboken",),
        ),
        (
            "kestrel.termbase.legacy-v2.nb.support",
            4,
            28,
            40,
            "Use 'kundeservice' instead of 'kundesupport'.",
            ("kundeservice",),
        ),
    ]


def test_terms_of_other_languages_never_apply(workspace):
    # 'refund' is deprecated in Hungarian only; 'e-purse' is an English term
    assert lint(workspace, "en", "We refund you.") == []
    assert lint(workspace, "hu", "Az e-purse nem szó.") == []


def test_regional_term_serves_the_language_when_nothing_closer_exists(workspace):
    # the colour concept has en-US and en-GB terms only: en copy takes the first (en-US)
    assert lint(workspace, "en", "Pick a colour.") == [
        (
            "kestrel.termbase.kestrel.en-us.colour",
            4,
            8,
            14,
            "Use 'color' instead of 'colour'.",
            ("color",),
        )
    ]


def test_regional_terms_apply_to_copy_of_their_region(workspace):
    # en-US copy follows the en-US entry, en-GB copy the en-GB one: each flags the other's
    # spelling, and neither region's rule reaches the other region
    assert lint(workspace, "en-US", "Pick a colour.") == [
        (
            "kestrel.termbase.kestrel.en-us.colour",
            4,
            8,
            14,
            "Use 'color' instead of 'colour'.",
            ("color",),
        )
    ]
    assert lint(workspace, "en-GB", "Pick a color.") == [
        (
            "kestrel.termbase.kestrel.en-gb.colour",
            4,
            8,
            13,
            "Use 'colour' instead of 'color'.",
            ("colour",),
        )
    ]
    assert lint(workspace, "en-GB", "Pick a colour.") == []


@pytest.mark.parametrize(
    ("tag", "tags", "scope"),
    [
        ("en", ["en"], ("en",)),
        ("en", ["en", "en-GB"], ("en", "~en-GB")),
        ("en-GB", ["en", "en-GB"], ("en-GB",)),
        ("en-US", ["en-US", "en-GB"], ("en-US", "en", "~en-GB")),
        ("en-GB", ["en-US", "en-GB"], ("en-GB",)),
        ("no", ["no", "nn"], ("no", "~nn")),
    ],
)
def test_language_scope_of_a_concepts_tags(tag, tags, scope):
    assert language_scope(tag, tags) == scope


def guide_with(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    guide = tmp_path / "brandlint.yaml"
    guide.write_text(f"name: acme\ntermbases:\n  - {name}\n", encoding="utf-8")
    return guide


def test_malformed_tbx_is_a_guide_error_at_its_line(tmp_path):
    guide = guide_with(
        tmp_path, "t.tbx", "<tbx>\n<text><body>\n<conceptEntry>\n</body></text></tbx>\n"
    )
    with pytest.raises(GuideError) as caught:
        load_guide(guide)
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == (str(tmp_path / "t.tbx"), 4)
    assert problem.message.startswith("not well-formed XML:")


def test_entity_declarations_are_refused(tmp_path):
    bomb = (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
        "<tbx><text><body><conceptEntry id='x'><langSec xml:lang='en'><termSec><term>&b;</term>"
        "</termSec></langSec></conceptEntry></body></text></tbx>\n"
    )
    guide = guide_with(tmp_path, "t.tbx", bomb)
    with pytest.raises(GuideError) as caught:
        load_guide(guide)
    assert "declares XML entities" in caught.value.problems[0].message


def test_unknown_administrative_status_names_its_line(tmp_path):
    lines = (FIXTURES / "kestrel.tbx").read_text(encoding="utf-8").splitlines(keepends=True)
    assert "supersededTerm-admn-sts" in lines[40]  # e-lommebok's status
    lines[40] = lines[40].replace("supersededTerm-admn-sts", "retiredTerm")
    text = "".join(lines)
    guide = guide_with(tmp_path, "t.tbx", text)
    with pytest.raises(GuideError) as caught:
        load_guide(guide)
    problem = caught.value.problems[0]
    assert (problem.line, problem.message.split(";")[0]) == (
        41,
        "administrativeStatus 'retiredTerm' is not one TBX defines",
    )


def test_missing_termbase_is_reported_at_the_guide_entry(tmp_path):
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: acme\ntermbases:\n  - gone.tbx\n", encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_guide(guide)
    problem = caught.value.problems[0]
    assert (problem.path, problem.line, problem.column) == (str(guide), 3, 5)
    assert problem.message.startswith("termbase 'gone.tbx' not found")


def test_termbase_paths_are_relative_to_the_guide(tmp_path):
    folder = tmp_path / "brand"
    shutil.copytree(FIXTURES, folder)
    guide = load_guide(folder / "brandlint.yaml")
    assert sum(r.id.startswith("kestrel.termbase.") for r in guide.rules) == 13
