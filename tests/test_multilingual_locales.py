"""One guide for many locales: `locales:` entries per language tag, applied to each document
by its declared or detected language with fallback (en-GB → en → the guide; nb → no → the
guide), and the tag logic of `brandlint.core.locale` they share with termbases."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandlint.core.alerts import Alert
from brandlint.core.errors import GuideError
from brandlint.core.locale import canonical_tag, closest, fallback_chain, rank, tag_applies
from brandlint.guide.loader import load_guide
from brandlint.nlp.pipelines import Pipelines
from brandlint.workspace import Settings, Workspace


@pytest.fixture(scope="module")
def pipelines() -> Pipelines:
    return Pipelines()


GUIDE = """
name: acme
lang: en-US
extends: [brandlint:channels]
terms:
  - id: color
    use: color
    instead_of: [colour]
  - avoid: [synergy]
    suggest: [teamwork]
rules:
  brandlint.channels.push-title: {max: 40}
  acme.sentence-length: {extends: sentence-length, max: 25}
locales:
  en-GB:
    terms:
      - id: color          # the guide's term, replaced for British copy
        use: colour
        instead_of: [color]
      - use: organise
        instead_of: [organize]
    rules:
      brandlint.channels.push-title: {max: 30}
  no:
    terms:
      - avoid: [omni-kanal]
        suggest: [omnikanal]
  nb:
    terms:
      - use: ikke
        instead_of: [ikkje]
    rules:
      acme.sentence-length: {max: 20}  # a tone setting of Bokmål copy
  nn:
    terms:
      - use: ikkje
        instead_of: [ikke]
    rules:
      acme.terms.synergy: off
"""


@pytest.fixture
def lint(tmp_path: Path, pipelines: Pipelines):
    """lint(copy, lang=…) -> rows; fix(copy) -> fixed text; copy at tmp_path/post.md."""
    path = tmp_path / "brandlint.yaml"
    path.write_text(textwrap.dedent(GUIDE), encoding="utf-8")
    workspace = Workspace(Settings(guide=str(path)), pipelines=pipelines)
    post = str(tmp_path / "post.md")

    def run(copy: str, lang: str | None = None) -> list[tuple[object, ...]]:
        head = f"---\nlang: {lang}\n---\n" if lang else ""
        return [_row(a) for a in workspace.lint_text(head + copy, post)]

    run.fix = lambda copy: workspace.fix_text(post, copy).fixed  # type: ignore[attr-defined]
    return run


def _row(alert: Alert) -> tuple[object, ...]:
    span = alert.span
    return (alert.rule, span.line, span.column, span.end_column, alert.message, alert.replacements)


SPELLING = "We organize the colour and the color of each page.\n"


def test_en_us_copy_gets_the_guides_own_spelling(lint):
    assert lint(SPELLING, "en-US") == [
        ("acme.terms.color", 4, 17, 23, "Use 'color' instead of 'colour'.", ("color",)),
    ]


def test_en_gb_copy_gets_british_spelling_and_its_own_terms(lint):
    assert lint(SPELLING, "en-GB") == [
        ("acme.terms.organise", 4, 4, 12, "Use 'organise' instead of 'organize'.", ("organise",)),
        ("acme.terms.color", 4, 32, 37, "Use 'colour' instead of 'color'.", ("colour",)),
    ]


def test_en_gb_fix_writes_british_spelling(lint):
    copy = "---\nlang: en-GB\n---\nThe color of your organized inbox.\n"
    assert lint.fix(copy) == "---\nlang: en-GB\n---\nThe colour of your organised inbox.\n"


def test_a_region_without_an_entry_falls_back_to_the_guide(lint):
    # en-AU → en → the guide: no British entry applies
    assert lint(SPELLING, "en-AU") == lint(SPELLING, "en")
    assert lint(SPELLING, "en-AU") == lint(SPELLING, "en-US")


def test_a_more_specific_tag_takes_its_locales_entry(lint):
    # en-GB-oxendict → en-GB
    assert lint(SPELLING, "en-GB-oxendict") == lint(SPELLING, "en-GB")


def test_undeclared_language_uses_the_guides_default_locale(tmp_path, pipelines):
    path = tmp_path / "brandlint.yaml"
    path.write_text(textwrap.dedent(GUIDE).replace("lang: en-US", "lang: en-GB"), "utf-8")
    workspace = Workspace(Settings(guide=str(path)), pipelines=pipelines)
    alerts = workspace.lint_text("The color.\n", str(tmp_path / "post.md"))
    assert [(a.rule, a.match, a.replacements) for a in alerts] == [
        ("acme.terms.color", "color", ("colour",))
    ]


NORWEGIAN = "Vi bruker ikke ikkje omni-kanalen.\n"


def test_nb_copy_takes_nb_then_no(lint):
    assert lint(NORWEGIAN, "nb") == [
        ("acme.terms.ikke", 4, 16, 21, "Use 'ikke' instead of 'ikkje'.", ("ikke",)),
        (
            "acme.terms.omni-kanal",
            4,
            22,
            34,
            "Avoid 'omni-kanalen'; use 'omnikanalen'.",
            ("omnikanalen",),
        ),
    ]


def test_nn_copy_takes_nn_then_no(lint):
    assert lint("Vi bruker ikke ikkje omni-kanal.\n", "nn") == [
        ("acme.terms.ikkje", 4, 11, 15, "Use 'ikkje' instead of 'ikke'.", ("ikkje",)),
        (
            "acme.terms.omni-kanal",
            4,
            22,
            32,
            "Avoid 'omni-kanal'; use 'omnikanal'.",
            ("omnikanal",),
        ),
    ]


def test_nb_region_falls_back_to_nb(lint):
    assert lint(NORWEGIAN, "nb-NO") == lint(NORWEGIAN, "nb")


def test_no_copy_takes_only_what_all_norwegian_shares(lint):
    # `lang: no` unquoted is Norwegian, not YAML 1.1's false
    assert lint(NORWEGIAN, "no") == [
        (
            "acme.terms.omni-kanal",
            4,
            22,
            34,
            "Avoid 'omni-kanalen'; use 'omnikanalen'.",
            ("omnikanalen",),
        ),
    ]


def test_a_locale_turns_a_guide_rule_off_there_only(lint):
    copy = "Real synergy.\n"
    expected = ("acme.terms.synergy", 4, 6, 13, "Avoid 'synergy'; use 'teamwork'.", ("teamwork",))
    assert lint(copy, "nb") == [expected]
    assert lint(copy, "nn") == []


def test_norwegian_terms_do_not_reach_english_copy(lint):
    assert lint("We ikke the omni-kanal.\n", "en") == []


PUSH = "---\nlang: {lang}\nchannel: push\ntitle: Your parcel is waiting at the shop\n---\nOpen.\n"


def test_channel_limit_differs_per_locale(lint):
    title = "Your parcel is waiting at the shop"  # 34 characters
    assert len(title) == 34
    assert [(r[0], r[1], r[4]) for r in lint(PUSH.format(lang="en-GB"))] == [
        (
            "brandlint.channels.push-title",
            4,
            "The title is 34 characters; the limit for push copy is 30.",
        )
    ]
    assert lint(PUSH.format(lang="en-US")) == []


def test_a_tone_setting_differs_per_locale_in_check_and_stats(lint, tmp_path, pipelines):
    words = " ".join(["ord"] * 22)
    copy = f"{words.capitalize()}.\n"
    assert [r[:3] for r in lint(copy, "nb")] == [("acme.sentence-length", 4, 1)]
    assert lint(copy, "nn") == []
    workspace = Workspace(Settings(guide=str(tmp_path / "brandlint.yaml")), pipelines=pipelines)
    post = tmp_path / "post.md"
    targets = {}
    for lang in ("nb", "nn"):
        post.write_text(f"---\nlang: {lang}\n---\n{copy}", encoding="utf-8")
        metrics = workspace.measure_file(post)
        assert metrics is not None
        targets[lang] = metrics.targets["max_sentence_length"]
    assert targets == {"nb": 20, "nn": 25}


def test_locale_problems_point_into_the_locale_entry(tmp_path):
    path = tmp_path / "brandlint.yaml"
    path.write_text(
        "name: acme\nlocales:\n  en-GB:\n    terms:\n      - use: colour\n        levle: error\n",
        encoding="utf-8",
    )
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (6, 9)
    assert "levle" in problem.message


def test_an_unknown_key_in_a_locale_is_an_error_at_its_position(tmp_path):
    path = tmp_path / "brandlint.yaml"
    path.write_text("name: acme\nlocales:\n  nb:\n    channels: {}\n", encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (4, 5)
    assert problem.message == (
        "unknown key 'channels' in locales.nb (allowed: consistency, rules, terms)"
    )


def test_the_same_locale_written_twice_is_an_error(tmp_path):
    path = tmp_path / "brandlint.yaml"
    path.write_text("name: acme\nlocales:\n  en-GB: {}\n  en_gb: {}\n", encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (4, 3)
    assert problem.message == "locale 'en_gb' is 'en-GB' again; merge the two"


def test_a_contradiction_inside_a_locale_is_warned_about(tmp_path):
    path = tmp_path / "brandlint.yaml"
    path.write_text(
        "name: acme\nterms:\n  - use: color\n    instead_of: [colour]\n"
        "locales:\n  en-GB:\n    terms:\n      - use: colour\n        instead_of: [color]\n",
        encoding="utf-8",
    )
    guide = load_guide(path)
    assert [(w.line, w.column, w.message) for w in guide.warnings] == [
        (
            3,
            10,
            "acme.terms.color: 'color' is the preferred term, but acme.terms.colour's "
            "'instead_of' bans it; one of them must go",
        ),
        (
            8,
            14,
            "acme.terms.colour: 'colour' is the preferred term, but acme.terms.color's "
            "'instead_of' bans it; one of them must go",
        ),
    ]


def test_rules_a_locale_leaves_alone_are_the_guides_compiled_rules(tmp_path):
    path = tmp_path / "brandlint.yaml"
    path.write_text(textwrap.dedent(GUIDE), encoding="utf-8")
    guide = load_guide(path)
    british = guide.for_lang("en-GB")
    shared = {r.id: r for r in guide.compiled}
    kept = [r for r in british.compiled if r.id == "acme.terms.synergy"]
    assert kept == [shared["acme.terms.synergy"]] and kept[0] is shared["acme.terms.synergy"]
    assert british.locale == "en-GB" and guide.for_lang("de") is guide


# -- brandlint.core.locale ------------------------------------------------------------------
def test_fallback_chain_drops_subtags_then_goes_to_the_macrolanguage():
    assert fallback_chain("en_gb") == ("en-GB", "en")
    assert fallback_chain("nb-NO") == ("nb-NO", "nb", "no")
    assert fallback_chain("nn") == ("nn", "no")
    assert fallback_chain("no") == ("no",)
    assert fallback_chain("zh-hant-tw") == ("zh-Hant-TW", "zh-Hant", "zh")
    assert fallback_chain("nob") == ("nb", "no")
    assert fallback_chain(None) == fallback_chain("") == ()


def test_tag_applies_to_the_document_and_its_narrower_tags_only():
    assert tag_applies("en", "en-US")
    assert tag_applies("EN-us", "en-US")
    assert not tag_applies("en-US", "en")
    assert not tag_applies("en-US", "en-GB")
    assert tag_applies("no", "nb") and tag_applies("no", "nn")
    assert not tag_applies("nb", "no") and not tag_applies("nb", "nn")
    assert tag_applies(None, "hu") and tag_applies("", None)


def test_closest_prefers_the_documents_own_tag_then_broader_then_untagged():
    entries = [("color", None), ("color", "en"), ("colour", "en-GB"), ("color", "en-US")]
    assert closest(entries, "en-GB", tag=lambda e: e[1]) == ("colour", "en-GB")
    assert closest(entries, "en-US", tag=lambda e: e[1]) == ("color", "en-US")
    assert closest(entries, "en-AU", tag=lambda e: e[1]) == ("color", "en")
    assert closest(entries, "de", tag=lambda e: e[1]) == ("color", None)
    assert closest(entries[2:], "de", tag=lambda e: e[1]) is None


def test_a_malformed_tag_is_a_value_error():
    with pytest.raises(ValueError, match="is not a language tag"):
        canonical_tag("en--GB")


_SUBTAG = st.text(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=8
)
_TAGS = st.lists(_SUBTAG, min_size=1, max_size=4).map("-".join)


@given(_TAGS)
def test_every_tag_of_a_chain_applies_and_ranks_by_its_place(tag):
    chain = fallback_chain(tag)
    assert chain[0] == canonical_tag(tag)
    for place, step in enumerate(chain):
        assert rank(step, tag) == place
        assert tag_applies(step, tag)
    assert rank(None, tag) == len(chain)


@given(_TAGS, _TAGS)
def test_a_tag_applies_exactly_when_it_is_on_the_chain(term_tag, doc_tag):
    assert tag_applies(term_tag, doc_tag) == (canonical_tag(term_tag) in fallback_chain(doc_tag))
