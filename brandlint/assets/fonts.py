"""The family a `font-family` stack (or the `font` shorthand) asks for first.

A stack is a list of fallbacks: `"Inter", Helvetica, Arial, sans-serif` means Inter, with
the others standing in where Inter is missing. So the brand question is only about the
first real family; generic families (`sans-serif`, `system-ui`) and CSS-wide keywords are
never "the font".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from brandlint.assets.css import Declaration

GENERIC = frozenset(
    {
        "serif",
        "sans-serif",
        "monospace",
        "cursive",
        "fantasy",
        "system-ui",
        "ui-serif",
        "ui-sans-serif",
        "ui-monospace",
        "ui-rounded",
        "emoji",
        "math",
        "fangsong",
        "-apple-system",
        "blinkmacsystemfont",
    }
)
_KEYWORDS = frozenset({"inherit", "initial", "unset", "revert", "revert-layer"})
_SIZE_KEYWORDS = frozenset(
    {"xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large"}
    | {"smaller", "larger"}
)
_SYSTEM_FONTS = frozenset({"caption", "icon", "menu", "message-box", "small-caption", "status-bar"})


@dataclass(frozen=True)
class Family:
    """A family name, with its source range and its CSS text (quotes included)."""

    name: str
    start: int
    end: int
    written: str


def first_family(declaration: Declaration) -> Family | None:
    """The first non-generic family of a `font-family` or `font` declaration, if any."""
    tokens = [t for t in declaration.value if t.type not in ("whitespace", "comment")]
    if declaration.property == "font":
        tokens = _shorthand_families(tokens)
    elif declaration.property != "font-family":
        return None
    for group in _split(tokens):
        if not group or any(t.type not in ("ident", "string") for t in group):
            return None  # var(), or something brandlint cannot read: say nothing
        if group[0].type == "string":
            name = group[0].value
        else:
            name = " ".join(t.value for t in group)
            if name.lower() in GENERIC:
                continue
            if name.lower() in _KEYWORDS:
                return None
        start, end = declaration.offset(group[0]), declaration.end(group[-1])
        return Family(name, start, end, declaration.text(group[0], group[-1]))
    return None


def _split(tokens: Sequence[Any]) -> list[list[Any]]:
    groups: list[list[Any]] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            groups.append([])
        else:
            groups[-1].append(token)
    return groups


def _shorthand_families(tokens: Sequence[Any]) -> list[Any]:
    """`font: italic 600 1.2em/1.4 "Inter", sans-serif` → the tokens after the size."""
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value in _SYSTEM_FONTS:
        return []
    size_at = -1
    for index, token in enumerate(tokens):
        if token.type in ("dimension", "percentage") or (
            token.type == "ident" and token.lower_value in _SIZE_KEYWORDS
        ):
            size_at = index
            break
    if size_at < 0:
        return []
    rest = list(tokens[size_at + 1 :])
    if rest and rest[0].type == "literal" and rest[0].value == "/":
        rest = rest[2:]  # the line height
    return rest
