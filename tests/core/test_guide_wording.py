"""The guide's required wording found in copy: the pattern that starts with the phrases'
first characters finds what `(?<!\\w)(?:phrase|…)(?!\\w)` finds, on any copy."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.core.rule import GuideWording

LETTERS = st.sampled_from(["K", "k", "S", "T", "o", " ", ".", "\n", "_", "é", "1", "’", "-"])
PHRASES = st.lists(st.text(LETTERS, min_size=1, max_size=4), min_size=1, max_size=4)


def reference(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    present = sorted((p for p in set(phrases) if p in text), key=len, reverse=True)
    if not present:
        return []
    alternation = "|".join(re.escape(p) for p in present)
    return [m.span() for m in re.finditer(rf"(?<!\w)(?:{alternation})(?!\w)", text)]


@settings(max_examples=800, deadline=None)
@given(text=st.text(LETTERS, max_size=30), phrases=PHRASES)
def test_wording_is_found_as_the_plain_pattern_finds_it(text, phrases):
    assert GuideWording.find(text, phrases).spans == reference(text, phrases)


def test_required_wording_is_found_only_as_whole_words():
    copy = "Reply STOP to opt out. Kestrel Payments, Kestrel Pay® and xKestrel Pay"
    found = GuideWording.find(copy, {"Reply STOP to opt out.", "Kestrel Pay", "Kestrel"})
    assert found.spans == [(0, 22), (23, 30), (41, 52)]
