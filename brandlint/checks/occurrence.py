"""`occurrence`: too many (or too few) matches of a token per sentence, block or document.

Vale's long-sentence rules are occurrence rules (`scope: sentence`, `max: 25`,
`token: \\b(\\w+)\\b`). The alert covers the sentence or block that breaks the limit; at
document scope it points at the first match over the maximum.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass

from brandlint.checks.patterns import MatchOptions, PatternRule
from brandlint.core.errors import Problem
from brandlint.core.options import option
from brandlint.core.patterns import PatternError, UserPattern
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec

# token patterns whose matches are runs of word characters, with a character that is not
# one between any two: k matches take at least 2k - 1 characters
_WORD_RUNS = frozenset({r"\b(\w+)\b", r"\b\w+\b", r"\w+", r"(\w+)"})


@dataclass(frozen=True)
class OccurrenceOptions(MatchOptions):
    """The keys a `occurrence` rule takes, each declared once (`brandlint.core.options`)."""

    token: str = option(r"\b\w+\b", doc="The regex whose matches are counted.", example=r"\b\w+\b")
    max: int | None = option(None, doc="Flag a unit with more matches than this.")
    min: int | None = option(None, doc="Flag a unit with fewer matches than this.")


class Occurrence(PatternRule):
    kind = "occurrence"
    Options = OccurrenceOptions
    default_message = "Too many occurrences of '%s'."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        flags = re.IGNORECASE if self.opts.ignorecase else 0
        self.pattern = self.regex(self.opts.token, ("token",), flags)
        self.max = self.opts.max
        self.min = self.opts.min
        self.require(
            self.max is not None or self.min is not None, "an occurrence rule needs 'max' or 'min'"
        )
        self.whole_document = not self.scope or set(self.scope) <= {"text", "summary"}
        # with words counted against a maximum alone, a unit that cannot break it is not
        # counted: most sentences are short, and counting them was this kind's cost
        self.shortest_over = 0  # k words take 2k - 1 characters
        self.over: UserPattern | None = None  # matches at the start of a unit over `max`
        if self.opts.token in _WORD_RUNS and self.max and not self.min:
            self.shortest_over = 2 * self.max + 1
            with suppress(PatternError):  # a maximum past the regex module's repeats
                self.over = UserPattern(rf"\A(?:\W*+\w++){{{self.max + 1}}}")

    @property
    def per_block(self) -> bool:
        """A sentence or block is counted on its own, so the rule can run on each part of
        a long document while its blocks' docs are held: run after the parts, it had the
        docs of every block made again for their sentences."""
        return not self.whole_document

    def _verdict(self, count: int) -> bool:
        too_many = bool(self.max) and count > int(self.max or 0)  # 0: no limit, as in Vale
        too_few = bool(self.min) and count < int(self.min or 0)
        return too_many or too_few

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        """As Vale: per unit (the whole document for `text`/`summary`, else each block or
        sentence), the alert sits on the first match that is not blank, with the count as
        its message; with no match at all, on the start of the unit."""
        if self.pattern is None:
            return
        units = [(0, ctx.document.text)] if self.whole_document else list(self.units(ctx))
        for base, text in units:
            if self.over is not None and (
                len(text) < self.shortest_over or self.over.search(text) is None
            ):
                continue
            # counted first without a match object each (`findall` finds the same
            # matches), as most units keep the limit
            if not self._verdict(len(self.pattern.findall(text))):
                continue
            matches = list(self.pattern.finditer(text))
            message = format_message(self.message, str(len(matches)))
            # Vale counts every match, and shows the first that is neither blank nor code
            # read as `*`s; with matches but none such, it shows nothing
            shown = [m for m in matches if m.group().strip() and m.group().strip("*@")]
            if shown:
                yield Finding(base + shown[0].start(), base + shown[0].end(), message)
            elif matches:
                continue
            elif ctx.views:
                start = base if not self.whole_document else ctx.views[0].block.start
                yield Finding(start, start, message)
