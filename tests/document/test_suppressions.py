"""Inline comments that switch rules off."""

from __future__ import annotations

from tests.conftest import row

GUIDE = """
name: s
terms:
  - avoid: [synergy]
  - avoid: [leverage]
"""


def test_disable_enable_and_next_line(lint_with):
    lint = lint_with(GUIDE)
    alerts = lint(
        "synergy one\n\n"
        "<!-- brandlint-disable s.terms.synergy -->\n"
        "synergy two, leverage two\n\n"
        "<!-- brandlint-enable -->\n"
        "synergy three\n\n"
        "<!-- brandlint-disable-next-line -->\n"
        "synergy four, leverage four\n\n"
        "<!-- brandlint-disable s.terms.* -->\n"
        "synergy five, leverage five\n"
    )
    assert [(a.rule, a.span.line) for a in alerts] == [
        ("s.terms.synergy", 1),
        ("s.terms.leverage", 4),
        ("s.terms.synergy", 7),
    ]


def test_suppression_in_html(lint_with):
    lint = lint_with(GUIDE)
    alerts = lint(
        "<p>synergy</p>\n<!-- brandlint-disable-next-line s.terms.synergy -->\n<p>synergy</p>\n",
        name="page.html",
    )
    assert [row(a) for a in alerts] == [("s.terms.synergy", 1, 4, 1, 11, "synergy", ())]
