"""Inflecting a replacement like the word it replaces: "leveraging" → "using".

Lemma matching finds "logged in" for a rule about "log in"; the fix must then read
"signed in", not "sign in". English only: other languages get the replacement as written.
"""

from __future__ import annotations

_VOWELS = set("aeiou")


def _doubles(word: str) -> bool:
    """Short consonant-vowel-consonant words double the last letter: log → logging."""
    return (
        len(word) >= 3
        and len(word) <= 4
        and word[-1] not in _VOWELS | set("wxy")
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def _ing(word: str) -> str:
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    return word + word[-1] + "ing" if _doubles(word) else word + "ing"


def _ed(word: str) -> str:
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ied"
    return word + word[-1] + "ed" if _doubles(word) else word + "ed"


def _s(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def inflect_like(form: str, lemma: str, replacement: str, lang: str) -> str:
    """Give the first word of `replacement` the ending `form` has over `lemma`."""
    form, lemma = form.lower(), lemma.lower()
    if lang != "en" or form == lemma or not replacement:
        return replacement
    head, space, tail = replacement.partition(" ")
    if form.endswith("ing"):
        head = _ing(head)
    elif form.endswith(("ed", "d")) and not lemma.endswith(("ed", "d")):
        head = _ed(head)
    elif form.endswith("s") and not lemma.endswith("s"):
        head = _s(head)
    else:
        return replacement
    return head + space + tail
