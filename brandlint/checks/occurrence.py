"""`occurrence`: too many (or too few) matches of a token per sentence, block or document.

Vale's long-sentence rules are occurrence rules (`scope: sentence`, `max: 25`,
`token: \\b(\\w+)\\b`). The alert covers the sentence or block that breaks the limit; at
document scope it points at the first match over the maximum.
"""

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
class OccurrenceOptions(MatchOptions):
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

    def _units(self, ctx: LintContext) -> Iterator[tuple[int, str]]:
        for view in ctx.in_scope(self):
            if self.per_sentence:
                for sentence in view.sentences:
                    yield view.block.start + sentence.start_char, sentence.text
            else:
                yield view.block.start, view.text

    def _verdict(self, count: int) -> bool:
        too_many = self.max is not None and count > int(self.max)
        too_few = self.min is not None and count < int(self.min)
        return too_many or too_few

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if self.pattern is None:
            return
        if self.whole_document:
            yield from self._document(ctx)
            return
        for start, text in self._units(ctx):
            count = sum(1 for _ in self.pattern.finditer(text))
            if self._verdict(count) and text.strip():
                trimmed = text.rstrip()
                yield Finding(start, start + len(trimmed), format_message(self.message, str(count)))

    def _document(self, ctx: LintContext) -> Iterator[Finding]:
        assert self.pattern is not None  # checked by the caller
        matches = [
            (base + m.start(), base + m.end(), m.group())
            for base, m in self.regex_matches(ctx, self.pattern)
        ]
        if not self._verdict(len(matches)):
            return
        if self.max is not None and len(matches) > int(self.max):
            start, end, text = matches[int(self.max)]
            yield Finding(start, end, format_message(self.message, text))
        elif ctx.views:
            first = ctx.views[0].block
            yield Finding(first.start, first.end, format_message(self.message, str(len(matches))))
