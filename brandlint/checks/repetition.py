"""`repetition`: the same word twice in a row ("the the"), across inline markup too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.checks.patterns import MatchOptions, PatternRule
from brandlint.core.errors import Problem
from brandlint.core.options import option
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec


@dataclass(frozen=True)
class RepetitionOptions(MatchOptions):
    tokens: tuple[str, ...] = option(
        (r"\w+",), doc="Regexes of the words whose immediate repeats are flagged."
    )
    alpha: bool = option(False, doc="Only words made of letters count.")
    max: int = option(0, doc="How many immediate repeats are allowed.")


class Repetition(PatternRule):
    kind = "repetition"
    per_block = True
    Options = RepetitionOptions
    default_message = "'%s' is repeated."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        tokens = list(self.opts.tokens) or [r"\w+"]
        flags = re.IGNORECASE if self.opts.ignorecase else 0
        self.alpha = self.opts.alpha
        self.max = self.opts.max
        self.ignorecase = self.opts.ignorecase
        self.pattern = self.regex("|".join(tokens), ("tokens",), flags)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        """As Vale: the pattern's matches in a unit, one after another; a match that repeats
        the one before (more than `max` times in a row) is flagged from the start of the
        previous match to its own end, unless a line break lies between. Where code, math
        or a component stood between the two (a placeholder), they are not in a row."""
        if self.pattern is None:
            return
        exceptions = self.exceptions()
        for base, text in self.units(ctx):
            previous, previous_start, previous_end, count = "", 0, 0, 0
            for found in self.pattern.finditer(text):
                current = found.group().strip()
                same = (
                    current.casefold() == previous.casefold()
                    if self.ignorecase
                    else current == previous
                )
                # only a repeat asks whether a placeholder parts the two: asking costs a
                # search of the document's placeholders, once per word before
                hit = (
                    same
                    and current != ""
                    and (not self.alpha or current.isalpha())
                    and not (
                        not self.reads_source
                        and ctx.document.holds_placeholder(
                            base + previous_end, base + found.start()
                        )
                    )
                )
                count += hit
                if hit and count > self.max:
                    span = text[previous_start : found.end()]
                    if "\n" not in span and not self.excepted(span, exceptions):
                        yield Finding(
                            base + previous_start,
                            base + found.end(),
                            format_message(self.message, current),
                            self.fixes(span) or (current,),
                        )
                        count = 0
                previous, previous_start, previous_end = current, found.start(), found.end()
