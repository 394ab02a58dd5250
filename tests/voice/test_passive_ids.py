"""Passive voice on the blank pipeline: forms of *be* found by their lowercase ids give the
constructions that reading every token's text gives, on any mix of words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.voice.passive import ADVERBS_BETWEEN, BE, is_participle, passive_spans

VOCABULARY = """Orders IS Are was been 's ’re got not quickly always processed sent written
need red Kestrel ship fly . is-""".split()
WORDS = st.sampled_from(VOCABULARY)


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.blank("en")


def by_text(doc) -> list[tuple[int, int]]:
    """The constructions as the rule defines them, reading each token's text."""
    spans = []
    for i, token in enumerate(doc):
        if token.lower_ not in BE:
            continue
        j = i + 1
        while j < len(doc) and (
            doc[j].lower_ in ADVERBS_BETWEEN or (doc[j].lower_.endswith("ly") and doc[j].is_alpha)
        ):
            j += 1
        if j < len(doc) and doc[j].is_alpha and is_participle(doc[j].text):
            spans.append((i, j + 1))
    return spans


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, max_size=14))
def test_passive_spans_by_id_are_those_by_text(nlp, words):
    doc = nlp(" ".join(words))
    assert passive_spans(doc) == by_text(doc)


def test_a_passive_runs_from_the_form_of_be_to_the_participle(nlp):
    doc = nlp("Orders are always processed by Kestrel, and it's not written.")
    found = [doc[s:e].text for s, e in passive_spans(doc)]
    assert found == ["are always processed", "'s not written"]
