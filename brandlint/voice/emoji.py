"""Finding emoji: a ZWJ sequence (👩🏽‍💻) or a flag (🇳🇴) is one emoji, as readers see it.

Symbols that render as text unless a variation selector asks for the emoji form (®, ©, ™,
a bare ❤) are "unqualified" in Unicode's emoji data and are not counted: "Kestrel Pay®"
has no emoji in it.
"""

from __future__ import annotations

from functools import cache

_UNQUALIFIED = 4  # emoji.STATUS["unqualified"]


def emoji_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, emoji) for every emoji in `text`."""
    characters = _emoji_characters()
    # the emoji package reads text a character at a time in Python: most copy has no
    # character any emoji is made of, which a set comparison in C tells at once
    if characters is not None and characters.isdisjoint(text):
        return []
    import emoji

    return [
        (e["match_start"], e["match_end"], e["emoji"])
        for e in emoji.emoji_list(text)
        if emoji.EMOJI_DATA.get(e["emoji"], {}).get("status", 2) < _UNQUALIFIED
    ]


@cache
def _emoji_characters() -> frozenset[str] | None:
    """The non-ASCII characters emoji are made of: every emoji has one (keycaps carry
    U+20E3), so text with none of them has no emoji. None if some emoji were all ASCII."""
    import emoji

    if any(key.isascii() for key in emoji.EMOJI_DATA):
        return None
    return frozenset(c for key in emoji.EMOJI_DATA for c in key if not c.isascii())
