"""The emoji prefilter hands the emoji package only the runs of emoji characters in the
text, and finds exactly what the package finds reading the whole text."""

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
        "x",
        "\ufe0e",
        "🏴",
        "\U000e0067",
        "\U000e0062",
        "\U000e007f",
        "🏳",
        "🌈",
        "👨",
        "❤\ufe0f",
        "☺",
        "5",
        "©\ufe0f",
    ]
)


def unfiltered(text: str) -> list[tuple[int, int, str]]:
    return [
        (e["match_start"], e["match_end"], e["emoji"])
        for e in emoji.emoji_list(text)
        if emoji.EMOJI_DATA.get(e["emoji"], {}).get("status", 2) < _UNQUALIFIED
    ]


@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, max_size=16).map("".join))
def test_emoji_spans_match_the_emoji_package_on_any_text(text):
    assert emoji_spans(text) == unfiltered(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_emoji_spans_match_the_emoji_package_on_arbitrary_unicode(text):
    assert emoji_spans(text) == unfiltered(text)


def test_copy_without_emoji_characters_has_no_emoji():
    assert emoji_spans("Kestrel Pay® costs 5 € a month — café ’prices’ ™") == []
    assert emoji_spans("Launch day 🚀 1\ufe0f\u20e3") == [(11, 12, "🚀"), (13, 16, "1\ufe0f\u20e3")]
