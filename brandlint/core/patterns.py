"""User regular expressions as Vale writes them, compiled for Python and bounded in time.

Rule files are written for Vale, whose patterns run on regexp2, a .NET-compatible engine:
lookbehinds of any width, atomic groups and possessive quantifiers are allowed there, and
Python's `re` rejects some of them. The third-party `regex` module accepts them, and takes a
time budget per search, so a pattern that backtracks catastrophically on some copy stops
with `TimeoutError` (one alert for that rule and document) instead of hanging the run.
Every rule kind compiles user patterns here, in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

# Seconds one search of one user pattern over one block may take. Generous: a healthy
# pattern needs microseconds; only catastrophic backtracking comes near it.
SEARCH_BUDGET = 1.0

IGNORECASE = regex.IGNORECASE
Match = Any  # regex.Match[str]; the module's stubs are optional


class PatternError(ValueError):
    """A user pattern that does not compile; `position` is where in the pattern."""

    def __init__(self, message: str, position: int | None) -> None:
        super().__init__(message)
        self.position = position


class UserPattern:
    """A pattern from a guide or rule file, compiled once, searched with a time budget."""

    __slots__ = ("_compiled", "budget", "source")

    def __init__(self, source: str, flags: int = 0, budget: float = SEARCH_BUDGET) -> None:
        self.source = source
        self.budget = budget
        try:
            self._compiled = regex.compile(vale_regex(source), flags | regex.VERSION0)
        except regex.error as exc:
            raise PatternError(str(exc.msg), exc.pos) from None

    @property
    def groups(self) -> int:
        return int(self._compiled.groups)

    def finditer(self, text: str, pos: int = 0) -> Iterator[Match]:
        return self._compiled.finditer(text, pos, timeout=self.budget)  # type: ignore[no-any-return]

    def search(self, text: str, pos: int = 0) -> Match | None:
        return self._compiled.search(text, pos, timeout=self.budget)

    def fullmatch(self, text: str) -> Match | None:
        return self._compiled.fullmatch(text, timeout=self.budget)


def vale_regex(pattern: str) -> str:
    """Vale's syntax in Python's: `\\z` is `\\Z`, and an inline `(?i)` in the middle of
    a pattern applies from there on (as in regexp2), which a scoped group expresses."""
    pattern = pattern.replace(r"\z", r"\Z")
    if "(?i)" in pattern[1:] and not pattern.startswith("(?i)"):
        head, _, tail = pattern.partition("(?i)")
        return f"{head}(?i:{tail})"
    return pattern


def may_backtrack(source: str) -> bool:
    """Whether `source` nests an unbounded repeat inside a repeated group, such as
    `(x+x+)+y` or `(\\w+\\s*)*$`: the shape that backtracks exponentially on text that
    almost matches. A heuristic for a load-time warning; the time budget is the guard."""
    stack: list[bool | None] = []  # per open group: holds a repeat? (None: atomic group)
    escaped = in_class = False
    for index, char in enumerate(source):
        if escaped:
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            stack.append(None if source.startswith("(?>", index) else False)
        elif char == ")" and stack:
            inner = stack.pop()
            follows = source[index + 1 : index + 2]
            if inner is True and follows in ("+", "*", "{"):
                return True
            if stack and inner is True:
                stack[-1] = True
        elif (char in "+*" or (char == "{" and "," in source[index : index + 8])) and (
            stack and stack[-1] is False
        ):
            stack[-1] = True
    return False


def compile_exceptions(texts: list[str]) -> list[UserPattern]:
    """A rule's `exceptions` as Vale reads them: each a regex (a literal when it is not a
    valid one) searched as whole words in the matched text, in the case written unless it
    starts with `(?i)` — the rule's own `ignorecase` does not apply to them."""
    out = []
    for text in sorted(texts, key=len, reverse=True):  # the longest alternative first
        try:
            UserPattern(text)
            body = text
        except PatternError:  # not a regex: an exception may be any literal string
            body = regex.escape(text)
        out.append(UserPattern(rf"\b(?:{body})\b"))
    return out
