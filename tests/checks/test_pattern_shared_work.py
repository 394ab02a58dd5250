"""Per-document work that Vale-form pattern rules share, done the fast way: the tokens
holding a word glued to something else (a lexeme flag instead of a walk over every token),
and a swap value's whole-match pattern (compiled once per rule instead of per finding).
Each fast path gives what the plain one gives."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.checks.existence import _glued_tokens, glued_flag, is_glued
from brandlint.core.rule import BlockView
from brandlint.nlp.pipelines import Pipelines
from tests.conftest import row

PIECES = [
    "Kestrel",
    "TODO",
    "we've",
    "can't",
    "e.g.",
    "U.S.",
    "![TODO](/logo.png)",
    "https://kestrel.example/TODO?x=1",
    "ops@kestrel.example",
    "#launch",
    "snake_case",
    "3.5",
    "10:30",
    "(see",
    "below).",
    "—",
    "café",
    "Straße",
    "١٢٣",
    "x²",
    "\u00a0",
    " ",
    "\n",
    "\t",
    ",",
    "'",
    "’s",
]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=12).map("".join)


def reference_glued(views: list[BlockView]) -> list[tuple[BlockView, int, str]]:
    """What `_glued_tokens` finds, by walking every token."""
    return [
        (view, token.idx, token.text)
        for view in views
        for token in view.doc
        if not token.text.isalnum() and any(c.isalnum() for c in token.text)
    ]


@pytest.fixture(scope="module")
def nlp():
    """The blank English pipeline, built once for every example."""
    return Pipelines().get("en").nlp


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(TEXTS, min_size=1, max_size=4))
def test_glued_tokens_from_the_lexeme_flag_are_those_of_a_walk_over_every_token(nlp, texts):
    tokenizer = nlp.tokenizer
    views = [BlockView(None, tokenizer(text), i, text) for i, text in enumerate(texts)]  # type: ignore[arg-type]
    ctx = SimpleNamespace(views=views)
    assert _glued_tokens(ctx) == reference_glued(views)  # type: ignore[arg-type]


def test_the_glued_flag_is_added_to_a_vocabulary_once(nlp):
    vocab = nlp.vocab
    flag = glued_flag(vocab)
    assert glued_flag(vocab) == flag
    assert vocab["![TODO](/logo.png)"].check_flag(flag)
    assert not vocab["TODO"].check_flag(flag)
    assert not vocab[","].check_flag(flag)


def test_a_glued_token_holds_a_letter_or_digit_and_something_else():
    assert [is_glued(t) for t in ("we've", "snake_case", "x²", "Kestrel", "—", "")] == [
        True,
        True,
        False,  # `²` is a digit to `str.isalnum`
        False,
        False,
        False,
    ]


def test_a_word_inside_markup_is_flagged_where_it_stands(lint_rule):
    lint = lint_rule("""
        extends: existence
        message: "Finish the '%s' before publishing."
        level: warning
        tokens: [TODO]
    """)
    alerts = lint(
        "# Release notes\n\nThe TODO list moved to the wiki.\n\nLogo: ![TODO](/logo.png)\n"
    )
    assert [row(a) for a in alerts] == [
        ("Test.Rule", 3, 5, 3, 9, "TODO", ()),
        ("Test.Rule", 5, 9, 5, 13, "TODO", ()),
    ]
    assert [a.message for a in alerts] == ["Finish the 'TODO' before publishing."] * 2


def test_a_match_already_in_a_regex_swap_value_is_let_through_every_time(lint_rule):
    lint = lint_rule("""
        extends: substitution
        message: "Use '%s' instead of '%s'."
        level: suggestion
        ignorecase: true
        swap:
          ok(?:ay)?: OK|okay
    """)
    alerts = lint("Select Ok to save, or okay to keep editing. Then select ok again, or OK.\n")
    assert [row(a) for a in alerts] == [
        ("Test.Rule", 1, 8, 1, 10, "Ok", ("OK", "okay")),
        ("Test.Rule", 1, 57, 1, 59, "ok", ("OK", "okay")),
    ]
    assert [a.message for a in alerts] == [
        "Use 'OK' or 'okay' instead of 'Ok'.",
        "Use 'OK' or 'okay' instead of 'ok'.",
    ]
