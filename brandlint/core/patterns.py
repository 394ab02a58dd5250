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
from contextlib import suppress
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
        except (regex.error, ValueError) as exc:  # ValueError: `(?V1)` beside VERSION0
            # `msg` and `pos` are set by the module but not in its type stubs
            message, position = getattr(exc, "msg", str(exc)), getattr(exc, "pos", None)
            raise PatternError(str(message), position) from None

    @property
    def groups(self) -> int:
        return int(self._compiled.groups)

    @property
    def flags(self) -> int:
        return int(self._compiled.flags)

    def finditer(self, text: str, pos: int = 0) -> Iterator[Match]:
        return self._compiled.finditer(text, pos, timeout=self.budget)

    def findall(self, text: str) -> list[Any]:
        return list(self._compiled.findall(text, timeout=self.budget))

    def sub(self, replacement: str, text: str) -> str:
        return str(self._compiled.sub(replacement, text, timeout=self.budget))

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
    """Whether `source` repeats without bound a group whose every part can repeat or
    vanish, such as `(x+x+)+y` or `(\\w+\\s*)*$`: the shape that backtracks exponentially on
    copy that almost matches. A group with a fixed part (`(?:[^,]+,)+`: the comma) is safe.
    A heuristic for a load-time warning; the time budget is the guard."""
    return _Scan(source).risky


class _Frame:
    """One open group: whether something in it repeats, whether every alternative so far
    has a part that must match once, and what kind of group it is."""

    def __init__(self, kind: str) -> None:
        self.kind = kind  # "group", "atomic" or "look" (zero width)
        self.repeats = False
        self.fixed_now = False
        self.fixed_all = True

    def close(self) -> bool:
        return self.fixed_all and self.fixed_now


class _Scan:
    _ZERO_WIDTH = frozenset("bBAZzG")

    def __init__(self, source: str) -> None:
        self.source = source
        self.risky = False
        self.stack = [_Frame("group")]
        index = 0
        while index < len(source) and not self.risky:
            index = self._step(index)

    def _quantifier(self, index: int) -> tuple[str, int]:
        """('', 'unbounded', 'optional' or 'once'), and the index after it."""
        source = self.source
        if index >= len(source) or source[index] not in "*+?{":
            return "once", index
        char = source[index]
        if char == "{":
            close = source.find("}", index)
            if close == -1:
                return "once", index
            body = source[index + 1 : close]
            kind = "unbounded" if body.endswith(",") else "optional" if body[:1] == "0" else "once"
            index = close + 1
        else:
            kind = {"*": "unbounded", "+": "unbounded", "?": "optional"}[char]
            index += 1
        if index < len(source) and source[index] in "?+":
            if source[index] == "+":  # possessive: never gives back, never backtracks
                kind = "once" if kind == "unbounded" else kind
            index += 1
        return kind, index

    def _atom(self, index: int, group: _Frame | None = None, zero: bool = False) -> int:
        kind, index = self._quantifier(index)
        frame = self.stack[-1]
        inner_repeats = group is not None and group.repeats and group.kind != "atomic"
        if inner_repeats and group is not None and not group.close() and kind == "unbounded":
            self.risky = True
        if kind == "unbounded" or inner_repeats:
            frame.repeats = True
        if kind == "once" and not zero and (group is None or group.close()):
            frame.fixed_now = True
        return index

    def _step(self, index: int) -> int:
        source, char = self.source, self.source[index]
        if char == "\\":
            letter = source[index + 1 : index + 2]
            return self._atom(index + 2, zero=letter in self._ZERO_WIDTH)
        if char == "[":
            close = index + 1
            close += source[close : close + 1] == "^"
            close += source[close : close + 1] == "]"
            while close < len(source) and source[close] != "]":
                close += 2 if source[close] == "\\" else 1
            return self._atom(close + 1)
        if char == "(":
            head = source[index : index + 4]
            if head.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                self.stack.append(_Frame("look"))
            elif head.startswith("(?>"):
                self.stack.append(_Frame("atomic"))
            else:
                self.stack.append(_Frame("group"))
            return index + 1
        if char == ")" and len(self.stack) > 1:
            group = self.stack.pop()
            return self._atom(index + 1, group, zero=group.kind == "look")
        if char == "|":
            frame = self.stack[-1]
            frame.fixed_all = frame.fixed_all and frame.fixed_now
            frame.fixed_now = False
            return index + 1
        return self._atom(index + 1, zero=char in "^$")


class Exceptions(list[UserPattern]):
    """A rule's exceptions, and, where one pattern can say the same, their alternation:
    whether any of them occurs in a text is then one search, not one per exception (a
    style's acronym rule lists fifty)."""

    either: UserPattern | None = None


# What a pattern may not hold to be joined with others as alternatives: an inline flag
# for the whole pattern, a group name or number, a reference to one, a conditional or a
# recursion (its meaning would change among the others); scoped flags (`(?m:…)`) may
_UNJOINABLE = regex.compile(r"\(\?(?![:=!>#]|<[=!]|[a-zA-Z-]+:)|\\[1-9gkzZ]|\\0")


def compile_exceptions(texts: list[str]) -> Exceptions:
    """A rule's `exceptions` as Vale reads them: each a regex (a literal when it is not a
    valid one) searched as whole words in the matched text, in the case written unless it
    starts with `(?i)` — the rule's own `ignorecase` does not apply to them."""
    out = Exceptions()
    bodies = []
    for text in sorted(texts, key=len, reverse=True):  # the longest alternative first
        try:
            UserPattern(text)
            body = text
        except PatternError:  # not a regex: an exception may be any literal string
            body = regex.escape(text)
        out.append(UserPattern(rf"\b(?:{body})\b"))
        bodies.append(body)
    if len(bodies) > 1 and joinable(bodies):
        with suppress(PatternError):  # each compiles alone; joined, they should too
            out.either = UserPattern("|".join(rf"\b(?:{body})\b" for body in bodies))
    return out


def joinable(sources: list[str]) -> bool:
    """Whether `sources`, each valid alone, mean the same as alternatives of one pattern."""
    return not any(_UNJOINABLE.search(source) for source in sources)


def any_found(patterns: list[UserPattern], text: str) -> bool:
    """Whether any of `patterns` occurs in `text`: a match of their alternation is a match
    of one of them, and one of them matching is a match of it."""
    either = getattr(patterns, "either", None)
    if either is not None:
        return either.search(text) is not None
    return any(pattern.search(text) for pattern in patterns)
