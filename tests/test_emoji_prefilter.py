"""The emoji prefilter skips only text in which the emoji package finds nothing."""

from __future__ import annotations

import emoji
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.voice.emoji import _UNQUALIFIED, emoji_spans

PIECES = st.sampled_from(
    [
        "a",
        "1",
        "#",
        "*",
        " ",
        "é",
        "’",
        "®",
        "❤",
        "\ufe0f",
        "\u20e3",
        "\u200d",
        "🚀",
        "👩",
        "🏽",
        "💻",
        "🇳",
        "🇴",
        "™",
        "ß",
    ]
)


def unfiltered(text: str) -> list[tuple[int, int, str]]:
    return [
        (e["match_start"], e["match_end"], e["emoji"])
        for e in emoji.emoji_list(text)
        if emoji.EMOJI_DATA.get(e["emoji"], {}).get("status", 2) < _UNQUALIFIED
    ]


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_emoji_spans_match_the_emoji_package_on_any_text(text):
    assert emoji_spans(text) == unfiltered(text)


def test_copy_without_emoji_characters_has_no_emoji():
    assert emoji_spans("Kestrel Pay® costs 5 € a month — café ’prices’ ™") == []
    assert emoji_spans("Launch day 🚀 1\ufe0f\u20e3") == [(11, 12, "🚀"), (13, 16, "1\ufe0f\u20e3")]
