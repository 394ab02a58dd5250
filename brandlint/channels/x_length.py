"""A post's length as X (Twitter) counts it: twitter-text's weighted length (v3 config).

Code points in the ranges below weigh 1, all others 2 (so CJK and most symbols count
double); an emoji sequence counts 2 however many code points it has; every URL counts 23
whatever its length. Text is NFC-normalised first.
"""

from __future__ import annotations

import re
import unicodedata

from brandlint.voice.emoji import emoji_spans

URL_LENGTH = 23
_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|"
    r"co|app|dev|shop|store|uk|no|hu|az|ng)(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
# the code points outside `_LIGHT`, which weigh 2: counted by one search in C instead of a
# Python call per character
_HEAVY = re.compile("[^" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _LIGHT) + "]")


def url_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _URL.finditer(text)]


def weighted_length(text: str) -> int:
    text = unicodedata.normalize("NFC", text)
    total = 0
    position = 0
    for found in _URL.finditer(text):
        total += _plain_length(text[position : found.start()])
        total += URL_LENGTH
        position = found.end()
    return total + _plain_length(text[position:])


def _plain_length(text: str) -> int:
    total = 0
    position = 0
    for start, end, _symbol in emoji_spans(text):
        total += _weights(text[position:start]) + 2
        position = end
    return total + _weights(text[position:])


def _weights(text: str) -> int:
    """The weight of `text` outside emoji and URLs: 1 per character, 2 for heavy ones."""
    return len(text) if text.isascii() else len(text) + len(_HEAVY.findall(text))


HASHTAG = re.compile(r"(?<![\w&])#[^\W\d_][\w]*")
