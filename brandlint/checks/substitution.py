"""`substitution`: flag a word and offer the preferred one (Vale-compatible `swap`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from brandlint.checks.fix_safety import changes_grammar
from brandlint.checks.literals import expand
from brandlint.checks.patterns import MatchOptions, PatternRule, word_pattern
from brandlint.core.errors import Problem
from brandlint.core.options import option
from brandlint.core.patterns import PatternError, UserPattern
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec
from brandlint.matching import PhraseIndex
from brandlint.text_case import follow_case


def _already(text: str, expected: str, whole: dict[str, UserPattern | None]) -> bool:
    """Vale's `matchToken`: the match is the replacement already when `expected` (the
    swap's value, `a|b`) matches it whole as a regex, or, for a plain phrase (letters,
    digits, spaces and hyphens) or a value that is not a regex, equals it. `whole` holds
    each value's whole-match pattern (None: not a regex), compiled with the rule where the
    value is fixed, else once per rule at its first finding."""
    if text == expected or _plain(expected):
        return text == expected
    if expected not in whole:
        whole[expected] = _whole_pattern(expected)
    pattern = whole[expected]
    return text == expected if pattern is None else pattern.search(text.strip()) is not None


def _plain(expected: str) -> bool:
    """Whether a swap's value is a plain phrase, compared as it is (see `_already`)."""
    return all(c.isalnum() or c in " -" for c in expected)


def _whole_pattern(expected: str) -> UserPattern | None:
    """`expected` as a pattern matching a whole match, or None when it is no regex."""
    try:
        return UserPattern(f"^(?:{expected})$")
    except PatternError:
        return None


def quoted_choices(options: tuple[str, ...]) -> str:
    """Vale's `ToSentence`: 'a' or 'b', and from three on 'a', 'b', or 'c'."""
    quoted = [f"'{o}'" for o in options]
    if len(quoted) > 2:
        quoted[-1] = f"or {quoted[-1]}"
        return ", ".join(quoted)
    return " or ".join(quoted)


@dataclass(frozen=True)
class SubstitutionOptions(MatchOptions):
    """The keys a `substitution` rule takes, each declared once (`brandlint.core.options`)."""

    swap: Mapping[str, str] = option(
        None,
        doc="What to flag (a word, phrase or regex) → what to use instead; several "
        "choices separated by `|`.",
        example={"utilize": "use", "e-mail": "email"},
    )
    nonword: bool = option(False, doc="Do not wrap the words in word boundaries.")
    capitalize: bool = option(False, doc="Give the replacement the case of the match.")


class Substitution(PatternRule):
    kind = "substitution"
    finds_phrases = True
    per_block = True
    Options = SubstitutionOptions
    default_message = "Use '%s' instead of '%s'."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        self.ignorecase = self.opts.ignorecase
        self.capitalize = self.opts.capitalize
        nonword = self.opts.nonword
        flags = re.IGNORECASE if self.ignorecase else 0
        self.literal_swaps: list[tuple[list[str], tuple[int, tuple[str, ...]]]] = []
        self.regex_swaps: list[tuple[int, UserPattern, tuple[str, ...]]] = []
        self._whole: dict[str, UserPattern | None] = {}  # see `_already`
        swap = self.opts.swap or {}
        self.require(bool(swap), "a substitution rule needs 'swap' (word: replacement)")
        # Vale joins the keys into one alternation, longest first: at any place the first
        # key that matches wins, and matches never overlap. The rank keeps that order.
        for rank, key in enumerate(sorted(swap, key=len, reverse=True)):
            value = swap[key]
            choices = tuple(c.strip() for c in str(value).split("|"))
            literal = not (nonword or self.reads_source or "$" in str(value))
            words = expand(str(key)) if literal else None
            if words is not None:
                self.literal_swaps.append((words, (rank, choices)))
                continue
            pattern = self.regex(word_pattern([str(key)], nonword=nonword), ("swap", key), flags)
            if pattern is not None:
                self.regex_swaps.append((rank, pattern, choices))
        self.prepare_search(*(pattern for _, pattern, _ in self.regex_swaps))
        # each value's whole-match pattern too, where no match fills it in (`$1`)
        values = [c for _, (_, c) in self.literal_swaps] + [c for _, _, c in self.regex_swaps]
        for expected in {"|".join(choices) for choices in values}:
            if "$" not in expected and not _plain(expected):
                self._whole[expected] = _whole_pattern(expected)

    def register(self, index: PhraseIndex) -> None:
        attr = "LOWER" if self.ignorecase else "ORTH"
        for words, choices in self.literal_swaps:
            index.add(self, choices, words, attr)

    def needs_hits(self) -> bool:
        return not self.regex_swaps

    def _finding(
        self, start: int, end: int, text: str, choices: tuple[str, ...], lang: str | None
    ) -> Finding | None:
        if _already(text, "|".join(choices), self._whole):
            return None  # already the preferred form (an ignorecase swap of a casing)
        replacements = tuple(follow_case(text, c) if self.capitalize else c for c in choices)
        # Vale templates quote the first %s ('%s'): "a' or 'b" then reads 'a' or 'b'.
        quoted = "'%s'" in self.message
        shown = quoted_choices(choices)[1:-1] if quoted else quoted_choices(choices)
        message = format_message(self.message, shown, text)
        # a swap that may break the sentence around it ("our guys" → "our everyone")
        suggestion = any(changes_grammar(text, r, lang) for r in replacements)
        return Finding(start, end, message, replacements, suggestion=suggestion)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        candidates: list[tuple[int, int, int, str, tuple[str, ...]]] = []
        for hit, text in self.phrase_hits(ctx):
            rank, choices = hit.payload
            candidates.append((hit.start, rank, hit.end, text, choices))
        # one search of the joined units for every swap finds the units any may match in
        patterns = [pattern for _, pattern, _ in self.regex_swaps]
        units = list(self.searched_units(ctx, *patterns)) if patterns else []
        for rank, pattern, choices in self.regex_swaps:
            for base, found in self.regex_matches(ctx, pattern, units):
                expanded = tuple(
                    found.expand(c.replace("$", "\\")) if "$" in c else c for c in choices
                )
                start = base + found.start()
                candidates.append((start, rank, base + found.end(), found.group(), expanded))
        reach = -1
        for start, _, end, text, choices in sorted(candidates, key=lambda c: (c[0], c[1])):
            if start < reach:
                continue  # inside an earlier match: one alternation never overlaps itself
            reach = end
            finding = self._finding(start, end, text, choices, ctx.document.lang)
            if finding:
                yield finding
