"""What a termbase holds once read, whatever its file format.

TBX is the model: a termbase is a list of concepts; a concept has one section per
language, each listing the terms (designations) that name the concept in that language,
each with its administrative status. The other formats fill the same model: a glossary
row is a concept, a Vale `accept.txt` line a preferred name written exactly so, a cspell
`flagWords` entry a deprecated term. Patterns that are regular expressions (prh,
textlint-rule-terminology, Vale entries that are not plain words) are kept apart as
`Swap`s and `Ban`s, since they cannot be terms of a concept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["preferred", "admitted", "deprecated", "superseded"]
STATUSES: tuple[Status, ...] = ("preferred", "admitted", "deprecated", "superseded")


class TermbaseError(Exception):
    """A termbase that cannot be read, at a line (or spreadsheet row) and column."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Designation:
    """One term of one language. `exact`: a name written exactly so, in this case (a
    proper noun in TBX, a case-sensitive glossary entry, a Vale vocabulary word)."""

    text: str
    status: Status = "preferred"
    exact: bool = False
    note: str = ""
    line: int = 1


@dataclass(frozen=True)
class LangSection:
    """The terms of one concept in one language; `tag` None means untagged (the guide's
    default language applies)."""

    tag: str | None
    terms: tuple[Designation, ...]
    definition: str = ""
    note: str = ""
    line: int = 1


@dataclass(frozen=True)
class Concept:
    id: str
    sections: tuple[LangSection, ...]
    definition: str = ""
    note: str = ""
    line: int = 1


@dataclass(frozen=True)
class Swap:
    """A pattern (a regular expression) and the text that replaces it (prh, textlint).
    `examples` are (input, expected output) pairs the source gives as self-tests, each
    with its line."""

    pattern: str
    replacement: str
    ignorecase: bool
    line: int = 1
    examples: tuple[tuple[str, str, int], ...] = ()


@dataclass(frozen=True)
class Ban:
    """A pattern never to use (a Vale `reject.txt` line that is a regular expression)."""

    pattern: str
    line: int = 1


@dataclass(frozen=True)
class Termbase:
    path: str
    format: str
    concepts: tuple[Concept, ...] = ()
    swaps: tuple[Swap, ...] = ()
    bans: tuple[Ban, ...] = ()
    # (line, message): what the reader read leniently or left out, shown as warnings
    notes: tuple[tuple[int, str], ...] = field(default=())
