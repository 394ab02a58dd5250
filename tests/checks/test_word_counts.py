"""Shared word counts: a block's and a sentence's words from prefix sums are the words
`word_count` counts token by token, required wording left out of sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.checks.word_counts import word_counts
from brandlint.core.rule import word_count
from brandlint.workspace import Settings, Workspace


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace(Settings())


PIECES = st.sampled_from(
    [
        "Kestrel",
        "don't",
        "’tis",
        "'90s",
        "3.5",
        "e.g.",
        "U.S.",
        "—",
        "!",
        "…",
        "#launch",
        "🙂",
        "co-op",
        "Reply STOP to opt out.",
        "Ünïcode",
        "x2",
        ".",
        "(see",
        "below)",
        "\n\n",
    ]
)
COPY = st.lists(PIECES, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(copy=COPY)
def test_block_and_sentence_counts_are_word_counts(workspace, copy):
    document = workspace.document("post.txt", copy)
    ctx = workspace.linter_for("post.txt").context(document)
    counts = ctx.fact(word_counts)
    for view in ctx.views:
        assert counts.block(view) == word_count(view.doc)
        base = view.block.start
        for sentence in view.sentences:
            outside_wording = [
                token
                for token in sentence
                if not ctx.wording.covers(base + token.idx, base + token.idx + len(token))
            ]
            assert counts.sentence(view, sentence) == word_count(outside_wording)


def test_required_wording_is_left_out_of_a_sentence(workspace):
    document = workspace.document("sms.txt", "Sale ends today. Reply STOP to opt out now.")
    ctx = workspace.linter_for("sms.txt").context(document)
    ctx.required = frozenset({"Reply STOP to opt out"})
    [view] = ctx.views
    first, second = view.sentences
    counts = ctx.fact(word_counts)
    assert (counts.block(view), counts.sentence(view, first)) == (9, 3)
    assert counts.sentence(view, second) == 1  # "now"
