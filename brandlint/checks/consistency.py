"""`consistency`: either spelling is allowed, mixing them in one document is not.

Groups come from a guide's `consistency:` section (any number of variants) or from Vale's
`either` map (pairs). The first variant used in a document sets the spelling; later uses of
another variant are flagged with the first one as the fix. Variants compare case-folded
unless the rule sets `ignorecase: false`, so a capital at the start of a sentence is not an
inconsistency.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from brandlint.checks.literals import expand
from brandlint.checks.patterns import PatternRule, word_pattern
from brandlint.core.errors import Problem
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec
from brandlint.matching import PhraseIndex
from brandlint.text_case import follow_case


class Consistency(PatternRule):
    kind = "consistency"
    keys = frozenset({"either", "groups", "ignorecase", "nonword", "exceptions"})
    default_message = "Inconsistent spelling: '%s' here, but '%s' earlier in this document."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        groups: list[list[str]] = [[str(v) for v in g] for g in self.option("groups", []) or []]
        for first, second in (self.option("either", {}) or {}).items():
            groups.append([str(first), str(second)])
        self.ignorecase = bool(self.option("ignorecase", "groups" in self.options))
        flags = re.IGNORECASE if self.ignorecase else 0
        self.literal: list[tuple[int, int, list[str]]] = []
        self.patterns: list[tuple[int, int, re.Pattern[str]]] = []
        for g, group in enumerate(groups):
            for v, variant in enumerate(group):
                words = expand(variant) if not self.option("nonword") else None
                if words is not None:
                    self.literal.append((g, v, words))
                    continue
                pattern = self.regex(
                    word_pattern([variant], nonword=bool(self.option("nonword"))),
                    ("either",),
                    flags,
                )
                if pattern is not None:
                    self.patterns.append((g, v, pattern))

    def register(self, index: PhraseIndex) -> None:
        for group, variant, words in self.literal:
            index.add(self, (group, variant), words, "LOWER" if self.ignorecase else "ORTH")

    def needs_hits(self) -> bool:
        return not self.patterns

    def _form(self, text: str) -> str:
        return text.casefold() if self.ignorecase else text

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        seen: list[tuple[int, int, int, str]] = [
            (hit.start, hit.end, hit.payload[0], text) for hit, text in self.phrase_hits(ctx)
        ]
        for group, _variant, pattern in self.patterns:
            seen.extend(
                (base + m.start(), base + m.end(), group, m.group())
                for base, m in self.regex_matches(ctx, pattern)
            )
        seen.sort()
        first: dict[int, tuple[int, str]] = {}
        for start, end, group, text in seen:
            if group not in first:
                first[group] = (start, text)
                continue
            chosen = first[group][1]
            if self._form(text) != self._form(chosen):
                fix = follow_case(text, chosen.lower()) if self.ignorecase else chosen
                yield Finding(start, end, format_message(self.message, text, chosen), (fix,))
