"""Expanding simple regular expressions into the finite set of phrases they match.

Vale rules write their tokens as regexes, but most are word lists in disguise:
`leverag(e|es|ing)`, `e-?mail`, `(?:click|tap) here`. Expanded to literals they join the
shared phrase index instead of costing a regex pass each. Anything with an open-ended
repeat, a wildcard, a look-around or a class too wide to list stays a regex.
"""

from __future__ import annotations

import itertools
from typing import Any

try:  # the parser behind `re`; private, so everything falls back to regexes without it
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons
    sre_parse = None

LIMIT = 256


class _NotLiteral(Exception):
    pass


def expand(pattern: str, *, limit: int = LIMIT) -> list[str] | None:
    """All strings `pattern` matches, if it matches a small finite set of words; else None."""
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(pattern)
        flags = parsed.state.flags
        if flags & ~(sre_constants.SRE_FLAG_UNICODE):
            return None  # inline (?i) and friends: let the regex path honour them
        words = _seq(list(parsed), limit, top=True)
    except (_NotLiteral, Exception):
        return None
    if not words or any(not w or not (w[0].isalnum() and w[-1].isalnum()) for w in words):
        return None  # phrases must start and end inside words to behave like `\b…\b`
    return sorted(set(words))


def _seq(items: list[tuple[Any, Any]], limit: int, *, top: bool = False) -> list[str]:
    c = sre_constants
    if top:  # word boundaries at the ends are what phrase matching does anyway
        while items and items[0] == (c.AT, c.AT_BOUNDARY):
            items = items[1:]
        while items and items[-1] == (c.AT, c.AT_BOUNDARY):
            items = items[:-1]
    results = [""]
    for op, arg in items:
        options = _node(op, arg, limit)
        results = [a + b for a, b in itertools.product(results, options)]
        if len(results) > limit:
            raise _NotLiteral
    return results


def _node(op: Any, arg: Any, limit: int) -> list[str]:
    c = sre_constants
    if op is c.LITERAL:
        return [chr(arg)]
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = arg
        if add_flags or del_flags:
            raise _NotLiteral
        return _seq(list(sub), limit)
    if op is c.BRANCH:
        out: list[str] = []
        for alternative in arg[1]:
            out.extend(_seq(list(alternative), limit))
        return out
    if op is c.IN:
        chars = []
        for kind, value in arg:
            if kind is c.LITERAL:
                chars.append(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < 26:
                chars.extend(chr(x) for x in range(value[0], value[1] + 1))
            else:
                raise _NotLiteral
        return chars
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, sub = arg
        if high > 2 or high is c.MAXREPEAT:
            raise _NotLiteral
        once = _seq(list(sub), limit)
        out = []
        for count in range(low, high + 1):
            out.extend("".join(p) for p in itertools.product(once, repeat=count))
        return out
    raise _NotLiteral
