"""`repetition`: the same word twice in a row ("the the"), across inline markup too."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from brandlint.checks.patterns import MatchOptions, PatternRule
from brandlint.core.errors import Problem
from brandlint.core.options import option
from brandlint.core.patterns import Match, UserPattern
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec


@dataclass(frozen=True)
class RepetitionOptions(MatchOptions):
    """The keys a `repetition` rule takes, each declared once (`brandlint.core.options`)."""

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
        self.screen = _Screen(self.pattern, self.ignorecase) if self.pattern else None

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        """As Vale: the pattern's matches in a unit, one after another; a match that repeats
        the one before (more than `max` times in a row) is flagged from the start of the
        previous match to its own end, unless a line break lies between. Where code, math
        or a component stood between the two (a placeholder), they are not in a row."""
        if self.pattern is None or self.screen is None:
            return
        exceptions = self.exceptions()
        ignorecase, alpha, limit = self.ignorecase, self.alpha, self.max
        in_copy = not self.reads_source
        for base, text in self.units(ctx):
            if not self.screen.may_repeat(text):
                continue
            # the match before and its words (folded when case is ignored): a match's
            # offsets are only read when it is repeated, as most words are not
            before: Match | None = None
            previous, count = "", 0
            for found in self.pattern.finditer(text):
                current = found.group().strip()
                key = current.casefold() if ignorecase else current
                # only a repeat asks whether a placeholder parts the two: asking costs a
                # search of the document's placeholders, once per word before
                if (
                    key == previous
                    and before is not None
                    and current != ""
                    and (not alpha or current.isalpha())
                    and not (
                        in_copy
                        and ctx.document.holds_placeholder(
                            base + before.end(), base + found.start()
                        )
                    )
                ):
                    count += 1
                    if count > limit:
                        span = text[before.start() : found.end()]
                        if "\n" not in span and not self.excepted(span, exceptions):
                            yield Finding(
                                base + before.start(),
                                base + found.end(),
                                format_message(self.message, current),
                                self.fixes(span) or (current,),
                            )
                            count = 0
                before, previous = found, key


# `[^\s.,!?;:]+`, the tokens of Vale's and the built-in packs' repetition rules: runs of
# anything but white space and the punctuation listed
_RUNS_BETWEEN = re.compile(r"\[\^((?:\\s|[^\\\[\]^-])+)\]\+")
# white space to `str.split` that the regex module's `\s` does not match (file, group,
# record and unit separators): inside a token to the pattern, so left out of the words
_NOT_REGEX_SPACE = dict.fromkeys(range(0x1C, 0x20))


class _Screen:
    """Tells, before the loop over match objects, whether two matches in a row of a unit
    are the same words (the loop's other conditions aside): most units repeat no word.

    For a pattern of runs between white space and listed punctuation, the unit's words
    are its text with that punctuation turned into spaces, split: all in C, a third of the
    cost of the pattern's `findall`. Another pattern's matches are listed by `findall` and
    compared in pairs; a pattern with groups (whose `findall` gives the groups) is always
    looped over. Either way a unit with a repeat is never passed over: folding and
    splitting keep two equal matches equal and next to each other."""

    def __init__(self, pattern: UserPattern, ignorecase: bool) -> None:
        self.pattern = pattern
        self.ignorecase = ignorecase
        self.separators: dict[int, str | None] | None = None
        runs = _RUNS_BETWEEN.fullmatch(pattern.source)
        if runs is not None and r"\s" in runs.group(1):
            listed = runs.group(1).replace(r"\s", "")
            if all(c.lower() == c.upper() == c.casefold() for c in listed):  # no case
                self.separators = {**_NOT_REGEX_SPACE, **dict.fromkeys(map(ord, listed), " ")}

    def may_repeat(self, text: str) -> bool:
        words: list[str]
        if self.separators is not None:
            text = text.translate(self.separators)
            words = (text.casefold() if self.ignorecase else text).split()
        elif self.pattern.groups:
            return True
        else:
            words = list(map(str.strip, self.pattern.findall(text)))
            if self.ignorecase:
                words = list(map(str.casefold, words))
        return any(map(operator.eq, words, islice(words, 1, None)))
