"""X's weighted length: the heavy characters counted by one search equal the per-character
weights of twitter-text's v3 ranges, on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.channels.x_length import _LIGHT, _weights, weighted_length


def weight(char: str) -> int:
    """twitter-text's weight of one code point: 1 inside its light ranges, else 2."""
    return 1 if any(low <= ord(char) <= high for low, high in _LIGHT) else 2


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_weights_are_the_sum_of_each_characters_weight(text):
    assert _weights(text) == sum(weight(c) for c in text)


def test_every_code_point_weighs_as_its_range_says():
    for code in range(0x110000):
        char = chr(code)
        assert _weights(char) == weight(char), hex(code)


def test_a_post_counts_links_23_emoji_2_and_cjk_double():
    post = "Launch day 🚀 at https://kestrel.example.com/launch — 日本語"
    # 11 + 2 (🚀) + 4 + 23 (the link) + 3 (the em dash weighs 1) + 6 (three CJK)
    assert weighted_length(post) == 49
