"""Vale's `consistency` semantics for rules in Vale's form (`either` pairs): one alert per
block once both spellings have been seen in the file, at the block's last match, no fix.
A guide's own `consistency:` groups keep brandlint's (tests/checks/test_consistency*)."""

from __future__ import annotations

from tests.conftest import row

ADVISER = """
    extends: consistency
    message: "Inconsistent spelling of '%s'."
    level: warning
    either:
      advisor: adviser
"""


def test_no_alert_until_the_second_spelling_appears(lint_rule):
    lint = lint_rule(ADVISER)
    copy = "Ask an adviser. The adviser helps.\n\nOur advisor and our adviser agree.\n"
    alerts = lint(copy)
    # the first block has one spelling only; the second has both: its last match
    assert [row(a) for a in alerts] == [("Test.Rule", 3, 21, 3, 28, "adviser", ())]
    assert alerts[0].message == "Inconsistent spelling of 'adviser'."


def test_every_later_block_with_a_match_is_flagged(lint_rule):
    lint = lint_rule(ADVISER)
    copy = "An adviser.\n\nAn advisor.\n\nNo match here.\n\nThe adviser again.\n"
    assert [row(a) for a in lint(copy)] == [
        ("Test.Rule", 3, 4, 3, 11, "advisor", ()),
        ("Test.Rule", 7, 5, 7, 12, "adviser", ()),
    ]


def test_one_spelling_throughout_is_quiet(lint_rule):
    lint = lint_rule(ADVISER)
    assert lint("An adviser.\n\nThe adviser again, adviser.\n") == []


def test_nonword_pairs_such_as_quote_styles(lint_rule):
    lint = lint_rule("""
        extends: consistency
        message: "Inconsistent use of '%s'."
        level: error
        nonword: true
        either:
          '"': '[”“]'
    """)
    copy = 'Use "dumb" quotes or “smart” ones, not "both".\n'
    # one alert for the block, at its last match: the closing straight quote
    assert [row(a) for a in lint(copy)] == [("Test.Rule", 1, 45, 1, 46, '"', ())]


def test_an_exception_is_never_a_spelling_of_the_pair(lint_rule):
    rule = ADVISER.replace("level: warning", "level: warning\n    ignorecase: true")
    lint = lint_rule(rule + "    exceptions: [Advisor Pro]\n")
    copy = "An adviser.\n\nOur Advisor Pro plan.\n\nAn advisor.\n"
    # 'Advisor Pro' (a product) does not count; the later 'advisor' does
    assert [row(a) for a in lint(copy)] == [("Test.Rule", 5, 4, 5, 11, "advisor", ())]
