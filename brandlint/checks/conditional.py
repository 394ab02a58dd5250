"""`conditional`: if `first` appears, `second` must define it (acronyms and the like)."""

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
class ConditionalOptions(MatchOptions):
    """The keys a `conditional` rule takes, each declared once (`brandlint.core.options`)."""

    first: str = option(
        "",
        doc="The regex that needs `second` somewhere in the document (an acronym).",
        example=r"\b([A-Z]{3,5})\b",
    )
    second: str = option(
        "",
        doc="The regex that must occur for each match of `first` (its definition).",
        example=r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)",
    )


class Conditional(PatternRule):
    kind = "conditional"
    Options = ConditionalOptions
    default_message = "'%s' is used but never defined."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        flags = re.IGNORECASE if self.opts.ignorecase else 0
        self.first = self.regex(self.opts.first, ("first",), flags)
        self.second = self.regex(self.opts.second, ("second",), flags)
        self.require(
            bool(self.opts.first and self.opts.second),
            "a conditional rule needs both 'first' and 'second'",
        )
        if self.first is not None and self.second is not None:
            self.prepare_search(self.second, self.first)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        """As Vale, block by block in order: every non-empty group of a `second` match is a
        definition from then on; a `first` match not yet defined is flagged."""
        if self.first is None or self.second is None:
            return
        exceptions = self.exceptions()
        defined: set[str] = set()
        # a unit where neither pattern can match defines nothing and uses nothing
        for base, text in self.searched_units(ctx, self.second, self.first):
            for found in self.second.finditer(text):
                defined.update(g for g in found.groups() if g)
            for found in self.first.finditer(text):
                used = found.group()
                if used and used not in defined and not self.excepted(used, exceptions):
                    yield Finding(
                        base + found.start(), base + found.end(), format_message(self.message, used)
                    )
