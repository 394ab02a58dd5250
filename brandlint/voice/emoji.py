"""Finding emoji: a ZWJ sequence (👩🏽‍💻) or a flag (🇳🇴) is one emoji, as readers see it.

Symbols that render as text unless a variation selector asks for the emoji form (®, ©, ™,
a bare ❤) are "unqualified" in Unicode's emoji data and are not counted: "Kestrel Pay®"
has no emoji in it.
"""

from __future__ import annotations

import re
from functools import cache

_UNQUALIFIED = 4  # emoji.STATUS["unqualified"]
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def emoji_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, emoji) for every emoji in `text`."""
    found = _finder()
    if found is None:
        return _listed(text)
    wide, characters = found
    # the emoji package reads text a character at a time in Python. Every emoji has a
    # character outside ASCII among those emoji are made of: most copy is ASCII, or has
    # none, which C tells at once; otherwise each emoji lies inside a longest run of emoji
    # characters holding such a one, and the package reads only those runs. A run is
    # grown from each such character (found among the few characters outside ASCII by a
    # search in C): the runs a pattern of them would find, without trying that pattern
    # at every character (8x the cost on the example copy)
    if text.isascii() or wide.isdisjoint(text):
        return []
    spans: list[tuple[int, int, str]] = []
    end = 0  # where the last run ended: no emoji character stands there
    for char in _NON_ASCII.finditer(text):
        at = char.start()
        if at < end or char.group() not in wide:
            continue
        start, end = at, char.end()
        while start > 0 and text[start - 1] in characters:
            start -= 1
        while end < len(text) and text[end] in characters:
            end += 1
        run = _listed(text[start:end])
        spans.extend((start + s, start + e, symbol) for s, e, symbol in run)
    return spans


def _listed(text: str) -> list[tuple[int, int, str]]:
    """What the emoji package finds in `text`, unqualified symbols left out."""
    import emoji

    return [
        (e["match_start"], e["match_end"], e["emoji"])
        for e in emoji.emoji_list(text)
        if emoji.EMOJI_DATA.get(e["emoji"], {}).get("status", 2) < _UNQUALIFIED
    ]


@cache
def _finder() -> tuple[frozenset[str], frozenset[str]] | None:
    """The characters outside ASCII that emoji are made of, and all the characters they
    are made of; None if some emoji were all ASCII (keycaps carry U+20E3, so today none
    is)."""
    import emoji

    if any(key.isascii() for key in emoji.EMOJI_DATA):
        return None
    characters = frozenset(c for key in emoji.EMOJI_DATA for c in key)
    return frozenset(c for c in characters if not c.isascii()), characters
