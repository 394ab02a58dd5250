"""Each rule kind declares its options once; mistakes against the declarations are caught at
load with the file, line and column of the key (issue: nothing silently ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandlint.core.errors import GuideError
from brandlint.guide.loader import load_guide


def _problems(path: Path) -> list[tuple[str, int, int, str, str]]:
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    return [
        (Path(p.path).name, p.line, p.column, p.severity, p.message) for p in caught.value.problems
    ]


def test_a_list_where_a_length_rule_takes_one_field_is_an_error(guide_file):
    path = guide_file(
        "name: acme\nrules:\n  acme.deck-title:\n    extends: length\n    field: [body]\n"
        "    max: 60\n"
    )
    assert _problems(path) == [
        (
            "brandlint.yaml",
            5,
            12,
            "error",
            "acme.deck-title: 'field' is text, not a list (e.g. field: subject)",
        )
    ]


def test_an_action_that_is_not_a_mapping_is_an_error_not_a_crash(guide_file):
    path = guide_file(
        "name: acme\nrules:\n  acme.hype:\n    extends: existence\n    tokens: [wow]\n"
        "    action: {name: replace, params: {wow: nice}}\n"
    )
    (problem,) = _problems(path)
    assert problem[:4] == ("brandlint.yaml", 6, 37, "error")
    assert problem[4] == (
        "acme.hype: in 'action', 'params' is a word or a list of words (e.g. params: [word])"
    )


def test_an_unknown_option_in_a_guide_rule_is_an_error_with_a_suggestion(guide_file):
    path = guide_file(
        "name: acme\nrules:\n  acme.hype:\n    extends: existence\n    tokens: [wow]\n"
        "    ignorecas: true\n"
    )
    assert _problems(path) == [
        (
            "brandlint.yaml",
            6,
            5,
            "error",
            "acme.hype: existence rules have no option 'ignorecas'; did you mean 'ignorecase'?",
        )
    ]


def test_an_unknown_scope_in_a_guide_is_an_error(guide_file):
    path = guide_file(
        "name: acme\nrules:\n  acme.hype:\n    extends: existence\n    tokens: [wow]\n"
        "    scope: headng\n"
    )
    assert _problems(path) == [
        (
            "brandlint.yaml",
            6,
            12,
            "error",
            "acme.hype: scope 'headng' is not one brandlint knows; did you mean 'heading'?",
        )
    ]


def test_a_per_channel_value_for_an_option_that_does_not_vary_is_an_error(guide_file):
    path = guide_file(
        "name: acme\nrules:\n  acme.hype:\n    extends: existence\n    tokens: [wow]\n"
        "    per_channel:\n      sms: {tokens: [wow, yay]}\n"
    )
    assert _problems(path) == [
        (
            "brandlint.yaml",
            7,
            13,
            "error",
            "acme.hype: 'tokens' cannot be set per channel in existence rules",
        )
    ]


def test_a_rule_that_could_never_fire_is_an_error(guide_file):
    path = guide_file(
        "name: acme\nrules:\n  acme.empty:\n    extends: existence\n    level: error\n"
    )
    assert _problems(path) == [
        (
            "brandlint.yaml",
            4,
            5,
            "error",
            "acme.empty: an existence rule needs 'tokens' or 'raw' to look for",
        )
    ]


def test_scopes_joined_with_an_ampersand_need_both(lint_with):
    lint = lint_with(
        "name: acme\nrules:\n  acme.wow:\n    extends: existence\n    tokens: [wow]\n"
        "    scope: ['list & blockquote']\n"
    )
    alerts = lint("# Wow\n\nWow here.\n\n- wow in a list\n\n> - wow in a quoted list\n")
    assert [(a.rule, a.span.line, a.span.column) for a in alerts] == [("acme.wow", 7, 5)]
