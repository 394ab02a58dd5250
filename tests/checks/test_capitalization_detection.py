"""capitalization: a Vale rule file decides as Vale does (word by word against Vale's own
converted text, so a mixed-case word not in `exceptions` counts wrong), while the fix it
offers keeps acronyms and mixed-case names; a rule in a brandlint guide counts those right."""

from __future__ import annotations

from tests.conftest import row

SENTENCE_RULE = """
    extends: capitalization
    message: "'%s' should be in sentence case"
    level: error
    scope: heading
    match: $sentence
    threshold: 0.9
"""


def test_a_mixed_case_word_counts_wrong_in_a_vale_rule_and_no_fix_is_invented(lint_rule):
    lint = lint_rule(SENTENCE_RULE)
    alerts = lint("# Section about the MacBook pro ultimate edition\n")
    # Vale expects 'macbook': 6 of 7 words right is below 0.9; the fix would keep MacBook,
    # which leaves the heading as it is, so none is offered
    assert [row(a) for a in alerts] == [
        ("Test.Rule", 1, 3, 1, 49, "Section about the MacBook pro ultimate edition", ()),
    ]


def test_the_fix_keeps_acronyms_and_mixed_case_that_detection_counts(lint_rule):
    lint = lint_rule(SENTENCE_RULE)
    alerts = lint("## Ship iOS Apps With The API\n")
    assert [row(a) for a in alerts] == [
        (
            "Test.Rule",
            1,
            4,
            1,
            30,
            "Ship iOS Apps With The API",
            ("Ship iOS apps with the API",),
        ),
    ]


def test_an_exception_counts_right_and_a_wrong_first_word_fails_at_once(lint_rule):
    lint = lint_rule(SENTENCE_RULE.replace("0.9", "0.5\n    exceptions: [MacBook]"))
    alerts = lint("# Section about the MacBook pro\n\n# section about the MacBook pro\n")
    # the second heading has 4 of 5 words right, above 0.5, but Vale fails a first word
    # that is not capitalized whatever the share
    assert [row(a) for a in alerts] == [
        (
            "Test.Rule",
            3,
            3,
            3,
            32,
            "section about the MacBook pro",
            ("Section about the MacBook pro",),
        ),
    ]


def test_a_brandlint_guide_rule_counts_acronyms_and_mixed_case_right(lint_with):
    lint = lint_with(
        "name: t\nrules:\n  t.headings: {extends: capitalization, match: $sentence, "
        "threshold: 1, scope: heading}\n"
    )
    alerts = lint("# Section about the MacBook pro\n\n## Ship iOS Apps with the API\n")
    assert [row(a) for a in alerts] == [
        ("t.headings", 3, 4, 3, 30, "Ship iOS Apps with the API", ("Ship iOS apps with the API",)),
    ]
