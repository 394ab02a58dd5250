"""`existence`: flag any of a list of words or patterns (Vale-compatible)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from brandlint.checks.literals import expand
from brandlint.checks.patterns import PatternRule, word_pattern
from brandlint.core.errors import Problem
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec
from brandlint.matching import PhraseIndex


class Existence(PatternRule):
    kind = "existence"
    keys = frozenset({"tokens", "raw", "append", "ignorecase", "nonword", "exceptions", "action"})
    default_message = "Avoid '%s'."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        tokens = [str(t) for t in self.option("tokens", []) or []]
        raw = "".join(str(r) for r in self.option("raw", []) or [])
        nonword = bool(self.option("nonword"))
        self.ignorecase = bool(self.option("ignorecase"))
        self.literals: list[str] = []
        regex_tokens: list[str] = []
        for token in tokens:
            words = None if (nonword or raw) else expand(token)
            if words is None:
                regex_tokens.append(token)
            else:
                self.literals.extend(words)
        self.pattern: re.Pattern[str] | None = None
        if regex_tokens or raw:
            if raw and not self.option("append") and not tokens:
                source = raw
            else:
                source = word_pattern(regex_tokens, nonword=nonword, raw=raw)
            self.pattern = self.regex(source, ("tokens",), re.IGNORECASE if self.ignorecase else 0)
        self.replacements = self.action_replacements()

    def register(self, index: PhraseIndex) -> None:
        index.add(self, None, self.literals, "LOWER" if self.ignorecase else "ORTH")

    def needs_hits(self) -> bool:
        return self.pattern is None

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for hit, text in self.phrase_hits(ctx):
            yield Finding(hit.start, hit.end, format_message(self.message, text), self.replacements)
        if self.pattern is not None:
            for base, found in self.regex_matches(ctx, self.pattern):
                yield Finding(
                    base + found.start(),
                    base + found.end(),
                    format_message(self.message, found.group()),
                    self.replacements,
                )
