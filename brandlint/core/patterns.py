"""User regular expressions as Vale writes them, compiled for Python.

Rule files are written for Vale, whose patterns follow Go's syntax; the differences that
matter are translated here, in one place, so every rule kind compiles patterns alike.
"""

from __future__ import annotations

import re


def vale_regex(pattern: str) -> str:
    """Vale uses Go's RE2 syntax; the differences that matter here are small.

    Go allows inline flags anywhere (`(?i)` mid-pattern); Python only at the start, so we
    keep leading ones and turn the rest into scoped groups when possible.
    """
    pattern = pattern.replace(r"\z", r"\Z")
    if "(?i)" in pattern[1:] and not pattern.startswith("(?i)"):
        head, _, tail = pattern.partition("(?i)")
        return f"{head}(?i:{tail})"
    return pattern


def compile_exceptions(texts: list[str], ignorecase: bool) -> list[re.Pattern[str]]:
    """A rule's `exceptions`: each a regex, or a literal when it is not a valid one."""
    flags = re.IGNORECASE if ignorecase else 0
    out = []
    for text in texts:
        try:
            out.append(re.compile(vale_regex(text), flags))
        except re.error:  # not a regex: an exception may be any literal string
            out.append(re.compile(re.escape(text), flags))
    return out
