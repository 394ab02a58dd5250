"""Discovery, extends order, overrides, and Vale styles that load with warnings."""

from __future__ import annotations

from pathlib import Path

from brandlint.core.alerts import Level
from brandlint.guide.loader import discover_guide, load_guide
from brandlint.packs import default_guide_path


def test_discovery_walks_up_from_the_file(tmp_path):
    (tmp_path / ".brandlint.yaml").write_text("name: a\n")
    deep = tmp_path / "content" / "web"
    deep.mkdir(parents=True)
    assert discover_guide(deep / "page.md") == (tmp_path / ".brandlint.yaml").resolve()


def test_no_guide_means_the_bundled_default(tmp_path):
    guide = load_guide(start=tmp_path)
    assert guide.path == str(default_guide_path())
    assert {r.id.split(".")[1] for r in guide.rules} == {
        "plain-language",
        "inclusive",
        "hype",
        "tone",
        "readability",
        "channels",
        "assets",
    }


def test_overrides_turn_rules_off_and_change_levels_by_glob(guide_file):
    guide = load_guide(
        guide_file("""
        name: acme
        extends: [brandlint:hype, brandlint:inclusive]
        rules:
          brandlint.hype.*: error
          brandlint.inclusive.ableist: off
    """)
    )
    levels = {r.id: r.level for r in guide.rules}
    assert levels == {
        "brandlint.hype.superlatives": Level.ERROR,
        "brandlint.hype.unsupported-claims": Level.ERROR,
        "brandlint.inclusive.terms": Level.WARNING,
    }


def test_later_rules_replace_earlier_ones_with_the_same_id(tmp_path, guide_file):
    for name, level in (("one", "suggestion"), ("two", "error")):
        style = tmp_path / name / "Acme"
        style.mkdir(parents=True)
        (style / "Hype.yml").write_text(
            f"extends: existence\nmessage: x\nlevel: {level}\ntokens: [wow]\n"
        )
    guide = load_guide(guide_file("name: a\nextends: [one, two]\n"))
    assert [(r.id, r.level) for r in guide.rules] == [("Acme.Hype", Level.ERROR)]


def test_a_vale_style_loads_and_unsupported_parts_warn(tmp_path, guide_file):
    style = tmp_path / "styles" / "Corp"
    style.mkdir(parents=True)
    (style / "Weasel.yml").write_text(
        "extends: existence\nmessage: \"'%s' is a weasel word!\"\nlevel: warning\n"
        "ignorecase: true\nvocab: false\ntokens:\n  - very\n  - fairly\n"
    )
    (style / "Script.yml").write_text("extends: script\nmessage: x\nlevel: error\n")
    (style / "Passive.yml").write_text(
        "extends: existence\nmessage: x\nlevel: warning\ntokens: [was]\nacton: {name: remove}\n"
    )
    (style / "Raw.yml").write_text(
        "extends: existence\nmessage: x\nlevel: warning\ntokens: [was]\nscope: strong\n"
    )
    guide = load_guide(guide_file("name: a\nextends: [styles]\n"))
    assert [r.id for r in guide.compiled] == ["Corp.Weasel"]
    not_loaded = "existence rules have no option 'acton'; did you mean 'action'?"
    assert guide.skipped == (
        ("Corp.Passive", f"Corp.Passive: {not_loaded}; rule Corp.Passive is not loaded"),
        ("Corp.Raw", "Corp.Raw: scope 'strong' is not one brandlint knows; the rule is not loaded"),
    )
    warnings = sorted((Path(p.path).name, p.line, p.column, p.message) for p in guide.warnings)
    assert warnings == [
        ("Passive.yml", 5, 1, f"Corp.Passive: {not_loaded}; rule Corp.Passive is not loaded"),
        (
            "Raw.yml",
            5,
            8,
            "Corp.Raw: scope 'strong' is not one brandlint knows; the rule is not loaded",
        ),
        (
            "Script.yml",
            1,
            10,
            "rule kind 'script' is not supported yet; rule Corp.Script is skipped",
        ),
    ]


def test_unmatched_override_is_a_warning(guide_file):
    guide = load_guide(
        guide_file("name: a\nextends: [brandlint:hype]\nrules:\n  brandlint.hyp.x: off\n")
    )
    (warning,) = guide.warnings
    assert (warning.line, warning.column) == (4, 3)
    assert warning.message.startswith("no rule matches 'brandlint.hyp.x'")


def test_a_guide_beside_its_style_folders_is_not_read_as_a_rule(tmp_path):
    style = tmp_path / "Corp"
    style.mkdir()
    (style / "Hype.yml").write_text(
        "extends: existence\nmessage: x\nlevel: warning\ntokens: [wow]\n"
    )
    guide_path = tmp_path / "brandlint.yaml"
    guide_path.write_text("name: a\nextends: [.]\n")
    guide = load_guide(guide_path)
    assert [r.id for r in guide.rules] == ["Corp.Hype"]
    assert guide.warnings == ()


def test_the_example_guide_loads_without_warnings():
    from tests.conftest import EXAMPLE_GUIDE

    assert load_guide(EXAMPLE_GUIDE).warnings == ()
