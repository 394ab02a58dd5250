"""Finding emoji: a ZWJ sequence (👩🏽‍💻) or a flag (🇳🇴) is one emoji, as readers see it.

Symbols that render as text unless a variation selector asks for the emoji form (®, ©, ™,
a bare ❤) are "unqualified" in Unicode's emoji data and are not counted: "Kestrel Pay®"
has no emoji in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

_UNQUALIFIED = 4  # emoji.STATUS["unqualified"]


def emoji_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, emoji) for every emoji in `text`."""
    found = _finder()
    if found is None:
        return _listed(text)
    wide, runs = found
    # the emoji package reads text a character at a time in Python. Every emoji has a
    # character outside ASCII among those emoji are made of: most copy has none, which a
    # set comparison in C tells at once; otherwise each emoji lies inside a run of emoji
    # characters holding such a one (found by one search in C), and the package reads
    # only those runs
    if wide.isdisjoint(text):
        return []
    spans: list[tuple[int, int, str]] = []
    for run in runs.finditer(text):
        base = run.start()
        spans.extend((base + start, base + end, e) for start, end, e in _listed(run.group()))
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
def _finder() -> tuple[frozenset[str], re.Pattern[str]] | None:
    """The characters outside ASCII that emoji are made of, and a pattern matching each
    longest run of emoji characters with one of those in it; None if some emoji were all
    ASCII (keycaps carry U+20E3, so today none is)."""
    import emoji

    if any(key.isascii() for key in emoji.EMOJI_DATA):
        return None
    characters = {c for key in emoji.EMOJI_DATA for c in key}
    wide = frozenset(c for c in characters if not c.isascii())
    runs = re.compile(f"[{_ranges(characters)}]*[{_ranges(wide)}][{_ranges(characters)}]*")
    return wide, runs


def _ranges(characters: Iterable[str]) -> str:
    """A character class's inside for `characters`, as ranges of consecutive code points
    (about 160 for some 1,500 characters: fewer to test per character)."""
    codes = sorted(map(ord, characters))
    spans: list[list[int]] = []
    for code in codes:
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in spans)
