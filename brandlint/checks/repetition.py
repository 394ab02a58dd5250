"""`repetition`: the same word twice in a row ("the the"), across inline markup too."""

from __future__ import annotations

import re
from collections.abc import Iterator

from brandlint.checks.base import Finding, LintContext, PatternRule, format_message, word_pattern
from brandlint.errors import Problem
from brandlint.guide.model import RuleSpec


class Repetition(PatternRule):
    kind = "repetition"
    keys = frozenset({"tokens", "alpha", "ignorecase", "exceptions", "max"})
    default_message = "'%s' is repeated."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        tokens = [str(t) for t in self.option("tokens", [r"\w+"]) or [r"\w+"]]
        flags = re.IGNORECASE if self.option("ignorecase") else 0
        self.pattern = self.regex(word_pattern(tokens, nonword=False), ("tokens",), flags)
        self.fold = bool(self.option("ignorecase"))
        self.alpha = bool(self.option("alpha"))
        self.max = int(self.option("max", 0) or 0)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if self.pattern is None:
            return
        exceptions = self.exceptions()
        for view in ctx.in_scope(self):
            text = view.doc.text
            run: list[re.Match[str]] = []
            for found in self.pattern.finditer(text):
                word = found.group()
                same = (
                    run
                    and text[run[-1].end() : found.start()].isspace()
                    and self._key(run[-1].group()) == self._key(word)
                )
                run = [*run, found] if same else [found]
                if len(run) == self.max + 2 and self._counts(word, exceptions):
                    base = view.block.start
                    yield Finding(
                        base + run[0].start(),
                        base + found.end(),
                        format_message(self.message, word),
                        (run[0].group(),),
                    )

    def _key(self, word: str) -> str:
        return word.casefold() if self.fold else word

    def _counts(self, word: str, exceptions: list[re.Pattern[str]]) -> bool:
        if self.alpha and not word.isalpha():
            return False
        return not self.excepted(word, exceptions)
