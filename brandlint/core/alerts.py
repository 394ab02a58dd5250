"""The values every stage after the rules speaks in: levels, spans and alerts."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Level(enum.IntEnum):
    """Severity of an alert; ordered so that `--min-level` and `--fail-level` compare."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Level:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown level {name!r}: use suggestion, warning or error") from None

    def __str__(self) -> str:
        return self.name.lower()


# slots: a page can hold tens of thousands of alerts at once, and a dict per object
# (the default) took half of an alert's memory
@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A stretch of the source file.

    Lines and columns are 1-based and count code points, as a person counts characters;
    the end is exclusive. Offsets index the decoded source (BOM removed).
    """

    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int


@dataclass(frozen=True, slots=True)
class Alert:
    """One thing a rule found in one file."""

    path: str
    rule: str
    level: Level
    message: str
    span: Span
    match: str
    replacements: tuple[str, ...] = ()
    link: str = ""
    reason: str = ""
    lang: str = ""
    channel: str = ""
    scope: str = field(default="", compare=False)
    # where in the file, when its lines do not say it: a notebook's "cell 3, line 2"
    location: str = field(default="", compare=False)
    # the span's copy is the source as written (no entity, escape or joined line inside),
    # so a replacement can be written back safely
    fixable: bool = field(default=True, compare=False)
    # the replacements are suggestions to choose from, never applied by `fix`
    suggestion: bool = field(default=False, compare=False)
    # the rule's kind, and the Vale `action` its file declares (name, then its params, or
    # None when it declares none): Vale's JSON shows them
    kind: str = field(default="", compare=False)
    action: tuple[str, tuple[str, ...] | None] | None = field(default=None, compare=False)
    # what part of the brand the rule guards (`brandlint.core.categories`), for the scores;
    # empty on the engine's own notices (an unreadable file), which no score counts
    category: str = field(default="", compare=False)
    # a longer explanation than the message, for an editor's hover (a voice score's
    # feature-by-feature breakdown); reports keep to the message
    detail: str = field(default="", compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.offset, self.span.end_offset, self.rule)
