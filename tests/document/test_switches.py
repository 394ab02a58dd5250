"""Vale's comment switches (`vale off`, `vale Style.Rule = NO`) in every markup format."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandlint.core.document import Suppression
from brandlint.document.switches import ValeSwitches
from tests.conftest import row

GUIDE = """
name: s
terms:
  - avoid: [synergy]
  - avoid: [leverage]
"""

RAW_RULE = """\
extends: existence
message: "Avoid '%s' in the source."
scope: raw
level: warning
tokens:
  - synergy
"""


def found(alerts):
    return [(a.rule, a.span.line, a.span.column, a.match, a.message) for a in alerts]


def test_off_on_and_rule_switches_in_markdown(lint_with):
    lint = lint_with(GUIDE)
    alerts = lint(
        "synergy one\n\n"
        "<!-- vale off -->\n\n"
        "synergy two\n\n"
        "<!-- vale on -->\n\n"
        "<!-- vale s.terms.synergy = NO -->\n\n"
        "synergy three, leverage three\n\n"
        "<!-- vale s.terms.synergy = YES -->\n\n"
        "synergy four\n"
    )
    assert [row(a) for a in alerts] == [
        ("s.terms.synergy", 1, 1, 1, 8, "synergy", ()),
        ("s.terms.leverage", 11, 16, 11, 24, "leverage", ()),
        ("s.terms.synergy", 15, 1, 15, 8, "synergy", ()),
    ]
    assert alerts[0].message == "Avoid 'synergy'."


def test_vale_on_does_not_undo_a_rule_switched_off(lint_with):
    """As in Vale: `off` and each rule's flag are separate; `on` clears only `off`."""
    lint = lint_with(GUIDE)
    alerts = lint(
        "<!-- vale s.terms.synergy = NO -->\n"
        "<!-- vale off -->\n"
        "<!-- vale on -->\n\n"
        "synergy and leverage\n"
    )
    assert found(alerts) == [("s.terms.leverage", 5, 13, "leverage", "Avoid 'leverage'.")]


def test_a_switch_naming_a_style_covers_its_rules(lint_with):
    lint = lint_with(GUIDE)
    alerts = lint(
        "<!-- vale s.terms = NO -->\n\nsynergy and leverage\n\n"
        "<!-- vale s.terms = YES -->\n\n<!-- vale s = NO -->\n\nsynergy again\n\n"
        "<!-- vale s = YES -->\n\nleverage at last\n"
    )
    assert found(alerts) == [("s.terms.leverage", 13, 1, "leverage", "Avoid 'leverage'.")]


def test_a_lowercase_no_is_not_a_switch(lint_with):
    """Vale reads only `= YES` and `= NO`; anything else is an ordinary comment."""
    lint = lint_with(GUIDE)
    alerts = lint("<!-- vale s.terms.synergy = no -->\n\nsynergy\n")
    assert found(alerts) == [("s.terms.synergy", 3, 1, "synergy", "Avoid 'synergy'.")]


@pytest.mark.parametrize(
    ("name", "off", "on"),
    [
        ("page.mdx", "{/* vale off */}", "{/* vale on */}"),
        ("page.html", "<!-- vale off -->", "<!-- vale on -->"),
        ("page.rst", ".. vale off", ".. vale on"),
        ("notes.org", "# vale off", "# vale on"),
    ],
)
def test_off_and_on_in_each_markup_format(lint_with, name, off, on):
    lint = lint_with(GUIDE)
    para = "<p>{}</p>" if name.endswith(".html") else "{}"
    copy = "\n\n".join(
        [para.format("synergy one"), off, para.format("synergy two"), on, para.format("leverage")]
    )
    alerts = lint(copy + "\n", name=name)
    column = 4 if name.endswith(".html") else 1
    assert [(a.rule, a.span.line, a.span.column) for a in alerts] == [
        ("s.terms.synergy", 1, column),
        ("s.terms.leverage", 9, column),
    ]


def test_brandlint_directives_still_work_beside_vale_switches(lint_with):
    lint = lint_with(GUIDE)
    alerts = lint(
        "<!-- vale s.terms.leverage = NO -->\n"
        "<!-- brandlint-disable-next-line s.terms.synergy -->\n"
        "synergy and leverage\n\n"
        "synergy\n"
    )
    assert found(alerts) == [("s.terms.synergy", 5, 1, "synergy", "Avoid 'synergy'.")]


@pytest.fixture
def raw_guide(tmp_path: Path) -> str:
    style = tmp_path / "styles" / "Acme"
    style.mkdir(parents=True)
    (style / "Raw.yml").write_text(RAW_RULE, encoding="utf-8")
    return "name: s\nextends:\n  - ./styles\n"


def test_rule_switches_do_not_reach_raw_scope_rules(lint_with, raw_guide):
    """Vale runs `scope: raw` rules after its walk, with every rule flag reset."""
    lint = lint_with(raw_guide)
    alerts = lint("<!-- vale Acme.Raw = NO -->\n<!-- vale off -->\nsynergy\n<!-- vale on -->\n")
    assert found(alerts) == [("Acme.Raw", 3, 1, "synergy", "Avoid 'synergy' in the source.")]


def test_a_file_left_switched_off_silences_raw_scope_rules_everywhere(lint_with, raw_guide):
    lint = lint_with(raw_guide)
    assert lint("synergy\n\n<!-- vale off -->\n\nsynergy\n") == []


def test_switch_state_as_suppressions():
    switches = ValeSwitches()
    for line, text in [
        (1, "vale off"),
        (2, "vale off"),
        (4, " vale on "),
        (5, "vale Acme.Weasel = NO"),
        (6, "vale Acme.Weasel = NO"),
        (8, "vale Acme.Weasel = YES"),
        (9, "vale Acme = NO"),
        (10, "vale off"),
    ]:
        assert switches.comment(text, line)
    assert not switches.comment("vale is a linter", 11)
    assert switches.finish() == [
        Suppression((), 1, 3, reach="copy"),
        Suppression(("Acme.Weasel", "Acme.Weasel.*"), 5, 7, reach="copy"),
        Suppression(("Acme", "Acme.*"), 9, None, reach="copy"),
        Suppression((), 10, None, reach="copy"),
        Suppression((), 1, None, reach="source"),
    ]


def test_glob_characters_in_a_switch_are_literal():
    switches = ValeSwitches()
    switches.comment("vale Acme.Rule[1] = NO", 1)
    assert switches.finish() == [
        Suppression(("Acme.Rule[[]1]", "Acme.Rule[[]1].*"), 1, None, reach="copy")
    ]
