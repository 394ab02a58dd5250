"""`capitalization`: headings (or any scope) in sentence, title, lower or upper case.

Product names and other exceptions keep their capitals; all-caps acronyms are left alone.
The fix rewrites the block in the expected case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from brandlint.checks.patterns import MatchOptions, PatternRule
from brandlint.core.errors import Problem
from brandlint.core.options import option
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec
from brandlint.text_case import capitalize, is_all_caps, lower, upper

_SMALL_AP = {
    "a",
    "an",
    "and",
    "at",
    "but",
    "by",
    "for",
    "in",
    "nor",
    "of",
    "on",
    "or",
    "so",
    "the",
    "to",
    "up",
    "yet",
    "as",
    "off",
    "per",
    "via",
    "vs",
}
_SMALL_CHICAGO = _SMALL_AP | {"from", "into", "with", "over", "onto", "upon", "like", "near"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class CapitalizationOptions(MatchOptions):
    match: str = option(
        "$sentence",
        doc="The case: $sentence, $title, $lower, $upper, or a regex the text must match.",
        example="$title",
    )
    style: Literal["AP", "Chicago", "ap", "chicago"] = option(
        "AP", doc="Which small words stay lower case in $title."
    )
    indicators: tuple[str, ...] = option(
        (":",), doc="Marks after which the next word starts a new sentence ($sentence)."
    )
    prefix: str = option(
        "",
        doc="A regex for a leading part the case ignores (a list marker `a. `): the rest "
        "of the heading is checked.",
        example="^[a-z]\\.\\s",
    )
    threshold: float = option(
        0.8,
        doc="Vale's share of words that must follow the case; brandlint checks every "
        "word against the expected text, so this is kept for compatibility only.",
    )


class Capitalization(PatternRule):
    kind = "capitalization"
    Options = CapitalizationOptions
    default_message = "'%s' should be in %s."
    default_scope = ("heading",)

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        self.match = self.opts.match
        self.small = _SMALL_CHICAGO if self.opts.style.lower() == "chicago" else _SMALL_AP
        self.threshold = self.opts.threshold
        self.indicators = self.opts.indicators
        self.names = list(self.opts.exceptions)
        self.custom = None if self.match.startswith("$") else self.regex(self.match, ("match",))
        self.prefix = self.regex(self.opts.prefix, ("prefix",)) if self.opts.prefix else None
        if self.match.startswith("$") and self.match not in (
            "$sentence",
            "$title",
            "$lower",
            "$upper",
        ):
            problems.append(
                spec.problem(
                    ("match",),
                    f"unknown case {self.match!r}: use $sentence, "
                    "$title, $lower, $upper or a regular expression",
                )
            )

    def _protected(self, text: str, names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
        spans = []
        for name in sorted({*self.names, *names}, key=len, reverse=True):
            for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                spans.append((found.start(), found.end()))
        return spans

    def expected(
        self, text: str, names: frozenset[str] = frozenset(), lang: str | None = ""
    ) -> str:
        """`text` in the rule's case, as `lang` writes capitals (Turkish i → İ);
        exceptions and the guide's product names kept."""
        if self.match == "$lower":
            return self._apply(text, lambda i, w, after: lower(w, lang), names, lang)
        if self.match == "$upper":
            return self._apply(text, lambda i, w, after: upper(w, lang), names, lang)
        if self.match == "$title":
            words = list(_WORD.finditer(text))
            last = len(words) - 1

            def title(i: int, word: str, after: bool) -> str:
                if 0 < i < last and lower(word, lang) in self.small and not after:
                    return lower(word, lang)
                return capitalize(word, lang)

            return self._apply(text, title, names, lang)

        def sentence(i: int, word: str, after: bool) -> str:
            if i == 0 or after:
                return capitalize(word, lang)
            return lower(word, lang)

        return self._apply(text, sentence, names, lang)

    def _apply(
        self,
        text: str,
        change: Callable[[int, str, bool], str],
        names: frozenset[str],
        lang: str | None = "",
    ) -> str:
        protected = self._protected(text, names)
        out = list(text)
        previous_end = 0
        for i, found in enumerate(_WORD.finditer(text)):
            word = found.group()
            after_indicator = (
                any(
                    text[previous_end : found.start()].strip().endswith(ind)
                    for ind in self.indicators
                )
                and i > 0
            )
            previous_end = found.end()
            if any(s <= found.start() < e for s, e in protected):
                continue
            if len(word) > 1 and (word.isupper() or is_all_caps(word, lang)):  # acronyms
                continue
            out[found.start() : found.end()] = change(i, word, after_indicator)
        return "".join(out)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for view in ctx.in_scope(self):
            text = view.text.strip()
            if not text:
                continue
            start = view.block.start + view.text.index(text)
            if self.custom is not None:
                if not self.custom.fullmatch(text):
                    yield Finding(
                        start, start + len(text), format_message(self.message, text, self.match)
                    )
                continue
            head = ""
            if self.prefix is not None:
                found = self.prefix.search(text)
                head = text[: found.end()] if found and found.start() == 0 else ""
            want = head + self.expected(text[len(head) :], ctx.names, ctx.document.lang)
            if want != text and self._share_wrong(text, want) > 1 - self.threshold:
                yield Finding(
                    start,
                    start + len(text),
                    format_message(self.message, text, _CASE_NAMES[self.match]),
                    (want,),
                )

    @staticmethod
    def _share_wrong(text: str, want: str) -> float:
        have_words = _WORD.findall(text)
        want_words = _WORD.findall(want)
        wrong = sum(1 for a, b in zip(have_words, want_words, strict=False) if a != b)
        return wrong / max(1, len(have_words))


_CASE_NAMES = {
    "$sentence": "sentence case",
    "$title": "title case",
    "$lower": "lower case",
    "$upper": "upper case",
}
