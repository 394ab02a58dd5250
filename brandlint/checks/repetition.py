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
    Options = RepetitionOptions
    default_message = "'%s' is repeated."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        tokens = list(self.opts.tokens) or [r"\w+"]
        flags = re.IGNORECASE if self.opts.ignorecase else 0
        self.alpha = self.opts.alpha
        repeats = self.opts.max + 1
        # the word, then the same word again (as many times as allowed + 1), whole words only;
        # one search per block finds just the repeats instead of walking every word
        alternatives = "|".join(tokens)
        source = rf"(?<![\w])(?P<word>{alternatives})(?:\s+(?P=word)){{{repeats},}}(?![\w])"
        self.pattern = self.regex(source, ("tokens",), flags)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if self.pattern is None:
            return
        for base, found in self.regex_matches(ctx, self.pattern):
            word = found.group("word")
            if self.alpha and not word.isalpha():
                continue
            yield Finding(
                base + found.start(),
                base + found.end(),
                format_message(self.message, word),
                (word,),
            )
