"""`conditional`: if `first` appears, `second` must define it (acronyms and the like)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.checks.patterns import MatchOptions, PatternRule
from brandlint.core.errors import Problem
from brandlint.core.options import option
from brandlint.core.patterns import Match
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec


@dataclass(frozen=True)
class ConditionalOptions(MatchOptions):
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

    @staticmethod
    def _key(found: Match) -> str:
        return found.group(1) if found.re.groups else found.group()

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if self.first is None or self.second is None:
            return
        defined = {self._key(m) for _, m in self.regex_matches(ctx, self.second)}
        for base, found in self.regex_matches(ctx, self.first):
            key = self._key(found)
            if key not in defined:
                start = base + (found.start(1) if found.re.groups else found.start())
                yield Finding(start, start + len(key), format_message(self.message, key))
