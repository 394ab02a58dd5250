"""Finding emoji: a ZWJ sequence (👩🏽‍💻) or a flag (🇳🇴) is one emoji, as readers see it.

Symbols that render as text unless a variation selector asks for the emoji form (®, ©, ™,
a bare ❤) are "unqualified" in Unicode's emoji data and are not counted: "Kestrel Pay®"
has no emoji in it.
"""

from __future__ import annotations

_UNQUALIFIED = 4  # emoji.STATUS["unqualified"]


def emoji_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, emoji) for every emoji in `text`."""
    import emoji

    return [
        (e["match_start"], e["match_end"], e["emoji"])
        for e in emoji.emoji_list(text)
        if emoji.EMOJI_DATA.get(e["emoji"], {}).get("status", 2) < _UNQUALIFIED
    ]
