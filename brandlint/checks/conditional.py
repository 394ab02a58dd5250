"""`conditional`: if `first` appears, `second` must define it (acronyms and the like)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from brandlint.checks.patterns import PatternRule
from brandlint.core.errors import Problem
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec


class Conditional(PatternRule):
    kind = "conditional"
    keys = frozenset({"first", "second", "exceptions", "ignorecase"})
    default_message = "'%s' is used but never defined."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        flags = re.IGNORECASE if self.option("ignorecase") else 0
        self.first = self.regex(str(self.option("first", "")), ("first",), flags)
        self.second = self.regex(str(self.option("second", "")), ("second",), flags)
        if not self.option("first") or not self.option("second"):
            problems.append(spec.problem((), "conditional rule needs both 'first' and 'second'"))

    @staticmethod
    def _key(found: re.Match[str]) -> str:
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
