"""Shared word counts: a block's and a sentence's words from prefix sums are the words
`word_count` counts token by token, required wording left out of sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.checks.word_counts import word_counts, word_flag
from brandlint.core.rule import is_word, word_count
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


@settings(max_examples=300, deadline=None)
@given(copy=COPY)
def test_block_and_sentence_counts_are_word_counts(workspace, copy):
    document = workspace.document("post.txt", copy)
    ctx = workspace.linter_for("post.txt").context(document)
    # wording the guide requires, so that sentences have words to leave out
    ctx.required = frozenset({"Reply STOP to opt out.", "Kestrel", "co-op", "STOP"})
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
            assert counts.between(view, sentence.start, sentence.end) == word_count(sentence)


def test_required_wording_is_left_out_of_a_sentence(workspace):
    document = workspace.document("sms.txt", "Sale ends today. Reply STOP to opt out now.")
    ctx = workspace.linter_for("sms.txt").context(document)
    ctx.required = frozenset({"Reply STOP to opt out"})
    [view] = ctx.views
    first, second = view.sentences
    counts = ctx.fact(word_counts)
    assert (counts.block(view), counts.sentence(view, first)) == (9, 3)
    assert counts.sentence(view, second) == 1  # "now"


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=12))
def test_a_word_is_a_token_with_a_letter_or_digit_not_after_an_apostrophe(text):
    reference = any(c.isalnum() for c in text) and not text.startswith(("'", "’"))
    assert is_word(text) == reference


def test_words_are_judged_as_a_reader_counts_them():
    judged = ["Kestrel", "3.5", "co-op", "’s", "'90s", "—", "🙂", "ǅ", "٣", "_"]
    assert [is_word(t) for t in judged] == [
        True,
        True,
        True,
        False,
        False,
        False,
        False,
        True,
        True,
        False,
    ]


def test_every_code_point_is_a_letter_or_digit_as_str_isalnum_says():
    for code in range(0x110000):
        char = chr(code)
        assert is_word(char) == char.isalnum(), hex(code)


@pytest.fixture(scope="module")
def flagged():
    """A blank pipeline whose vocabulary has the word flag before it reads any copy."""
    import spacy

    nlp = spacy.blank("en")
    return nlp, word_flag(nlp.vocab)


@settings(max_examples=300, deadline=None)
@given(copy=st.text(max_size=40))
def test_the_word_flag_of_spellings_first_seen_later_is_is_word(flagged, copy):
    nlp, flag = flagged
    doc = nlp(copy)
    assert doc.to_array(flag).tolist() == [int(is_word(t.text)) for t in doc]
    assert word_flag(nlp.vocab) == flag  # added once
