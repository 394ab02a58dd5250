"""Finding emoji: a ZWJ sequence (👩🏽‍💻) or a flag (🇳🇴) is one emoji, as readers see it."""

from __future__ import annotations


def emoji_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, emoji) for every emoji in `text`."""
    import emoji

    return [(e["match_start"], e["match_end"], e["emoji"]) for e in emoji.emoji_list(text)]
