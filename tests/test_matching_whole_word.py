"""A phrase hit is a whole word: the quick look at the characters on either side agrees
with the full one (invisible characters skipped, marks joining)."""

from __future__ import annotations

import pytest

from brandlint import Settings, Workspace
from brandlint.matching import _PLAIN_BREAKS, _word_char
from brandlint.text_case import is_ignorable


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace(Settings())


def test_plain_breaks_neither_join_words_nor_hide() -> None:
    assert [c for c in sorted(_PLAIN_BREAKS) if _word_char(c) or is_ignorable(c)] == []


JARGON = "brandlint.plain-language.jargon"
LOWER = (JARGON, 2, 10, "leverage", "Use 'use' instead of 'leverage'.", ("use",))


@pytest.mark.parametrize(
    ("copy", "found"),
    [
        (
            "(Leverage) it.",
            [(JARGON, 2, 10, "Leverage", "Use 'use' instead of 'Leverage'.", ("Use",))],
        ),
        ('"leverage"; ok', [LOWER]),
        ("Xleverage it.", []),  # a letter joins it: not the word
        ("\u200bleverage it.", [LOWER]),  # an invisible space before it does not part it
    ],
)
def test_a_hit_is_a_whole_word(
    workspace: Workspace, copy: str, found: list[tuple[object, ...]]
) -> None:
    alerts = workspace.lint_text(copy, path="/srv/site/post.md")
    assert [
        (a.rule, a.span.column, a.span.end_column, a.match, a.message, a.replacements)
        for a in alerts
    ] == found
