"""`capitalization`: headings (or any scope) in sentence, title, lower or upper case.

Product names and other exceptions keep their capitals; all-caps acronyms are left alone.
The fix rewrites the block in the expected case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from typing import Literal

import regex

from brandlint.checks.patterns import MatchOptions, PatternRule
from brandlint.core.errors import Problem
from brandlint.core.options import option
from brandlint.core.patterns import PatternError, UserPattern, compile_exceptions, joinable
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec
from brandlint.text_case import capitalize, keeps_case, lower, upper

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
# a word, or a run of `*`s: code as a Vale project reads it (`## \`x\` is …` starts with
# a word, so `is` stays lower case in sentence case)
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\*+")


@dataclass(frozen=True)
class CapitalizationOptions(MatchOptions):
    """The keys a `capitalization` rule takes, each declared once (`brandlint.core.options`)."""

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
        doc="The share of words ($sentence, $title) that must follow the case for the "
        "text to pass, as in Vale.",
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
        self._compiled_words: dict[frozenset[str], _ValeWords] = {}
        self.exceptions()  # compiled with the guide, so kept in its cache (`prepare_search`)
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
        self,
        text: str,
        names: frozenset[str] = frozenset(),
        lang: str | None = "",
        *,
        keep: bool = True,
    ) -> str:
        """`text` in the rule's case, as `lang` writes capitals (Turkish i → İ);
        exceptions and the guide's product names kept, and with `keep` (a fix) the words
        whose capitals are part of their spelling (`keeps_case`) too."""
        if self.match == "$lower":
            return self._apply(text, lambda i, w, after: lower(w, lang), names, lang, keep)
        if self.match == "$upper":
            return self._apply(text, lambda i, w, after: upper(w, lang), names, lang, keep)
        if self.match == "$title":
            words = list(_WORD.finditer(text))
            last = len(words) - 1

            def title(i: int, word: str, after: bool) -> str:
                if 0 < i < last and lower(word, lang) in self.small and not after:
                    return lower(word, lang)
                return capitalize(word, lang)

            return self._apply(text, title, names, lang, keep)

        def sentence(i: int, word: str, after: bool) -> str:
            if i == 0 or after:
                return capitalize(word, lang)
            return lower(word, lang)

        return self._apply(text, sentence, names, lang, keep)

    def _apply(
        self,
        text: str,
        change: Callable[[int, str, bool], str],
        names: frozenset[str],
        lang: str | None,
        keep: bool,
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
            if keep and keeps_case(word, lang):  # acronyms, iOS, English I
                continue
            out[found.start() : found.end()] = change(i, word, after_indicator)
        return "".join(out)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        lang = ctx.document.lang
        for view in ctx.in_scope(self):
            text = view.text.strip()
            if not text:
                continue
            start = view.block.start + view.text.index(text)
            if self.custom is not None:
                # Vale: the pattern is searched, not matched whole; an exception anywhere
                # in the text passes it
                if not self.custom.search(text) and not self.excepted(
                    text, self._vale_words(ctx.names).exceptions
                ):
                    yield Finding(
                        start, start + len(text), format_message(self.message, text, self.match)
                    )
                continue
            head = ""
            if self.prefix is not None:
                found = self.prefix.search(text)
                head = text[: found.end()] if found and found.start() == 0 else ""
            if self._holds(text, head, ctx.names, lang):
                continue
            # the fix keeps what detection may count wrong: acronyms, iOS, English I
            want = head + self.expected(text[len(head) :], ctx.names, lang)
            yield Finding(
                start,
                start + len(text),
                format_message(self.message, text, _CASE_NAMES[self.match]),
                (want,) if want != text else (),
            )

    # -- detection, as Vale counts ------------------------------------------------------
    def _vale_words(self, names: frozenset[str]) -> _ValeWords:
        """The rule's patterns for Vale's counting with the guide's `names` as exceptions
        too, compiled once (every heading of every document asks)."""
        found = self._compiled_words.get(names)
        if found is None:
            extra = sorted(n for n in names if n not in self.names)
            exceptions = self.exceptions()
            if extra:
                exceptions = exceptions + compile_exceptions([regex.escape(n) for n in extra])
            found = _ValeWords.build(exceptions, [*self.names, *extra])
            self._compiled_words[names] = found
        return found

    def _holds(self, text: str, head: str, names: frozenset[str], lang: str | None) -> bool:
        """Whether `text` is in the rule's case, as Vale decides: $lower and $upper as a
        whole (or an exception in it); $sentence and $title word by word against the
        converted text, passing when the share of right words reaches `threshold`. An
        exception is always right; so is a word in capitals in $title. In a rule of a
        brandlint guide (not a Vale rule file), acronyms and mixed-case names (`iOS`) are
        right too, as the fix keeps them."""
        vale = self._vale_words(names)
        if self.match in ("$lower", "$upper"):
            change = lower if self.match == "$lower" else upper
            return text == change(text, lang) or self.excepted(text, vale.exceptions)
        if self.match == "$sentence":
            # Vale has no indicators unless the rule names some; brandlint's guides do
            explicit = self.spec.strict or "indicators" in self.spec.options
            converted = vale.sentence(text[len(head) :], self.indicators if explicit else (), lang)
        else:
            converted = self.expected(text[len(head) :], names, lang, keep=False)
        words = vale.tokens(text)
        expected = vale.tokens(head + converted)
        right = 0
        for i, word in enumerate(words):
            if (
                i >= len(expected)
                or word == expected[i]
                or self.excepted(word, vale.exceptions)
                or (self.match == "$title" and word == word.upper())
                or (self.spec.strict and keeps_case(word, lang))
            ):
                right += 1
            elif self.match == "$sentence" and i == 0 and word != _go_title(lower(word, lang)):
                return False  # Vale: a first word in the wrong case fails at once
        return not words or right / len(words) >= self.threshold


# Vale's words for case checks: runs of letters, digits and `*` up to the next space
_VALE_WORD = r"[\p{N}\p{L}*]+[^\s]*"
_NUMBERED = regex.compile(r"\d+\.")


@dataclass(frozen=True)
class _ValeWords:
    """How Vale splits a text into the words it compares, and converts it to sentence
    case (twine's strcase v0.10.1, which Vale v3.7.1 uses), for one set of exceptions."""

    exceptions: list[UserPattern]
    words: UserPattern  # an exception (which may span words) or a Vale word
    vocabulary: UserPattern  # the same, in any case, for the converter
    entries: list[tuple[str, UserPattern | None]]  # each exception, longest first
    # every entry in lower case, and one pattern that matches where one of theirs does
    # (None: they cannot be joined): most words are no entry and hold none, which then
    # costs a look-up and one search instead of a search per entry
    spelled: frozenset[str] = frozenset()
    screen: UserPattern | None = None

    @classmethod
    def build(cls, exceptions: list[UserPattern], vocab: list[str]) -> _ValeWords:
        try:
            words = UserPattern("|".join([*(p.source for p in exceptions), _VALE_WORD]))
        except PatternError:  # exceptions whose inline flags cannot be joined: words alone
            words = UserPattern(_VALE_WORD)
        entries = sorted(vocab, key=len, reverse=True)
        vocabulary = UserPattern(_VALE_WORD)
        for parts in (entries, [regex.escape(e) for e in entries]):  # a regex, else literal
            alternatives = [rf"\b(?:{'|'.join(parts)})\b"] if parts else []
            try:
                vocabulary = UserPattern("(?i)" + "|".join([*alternatives, _VALE_WORD]))
                break
            except PatternError:
                continue
        patterns = [(e, _pattern(e)) for e in entries]
        sources = [e for e, pattern in patterns if pattern is not None]
        screen = None
        if joinable(sources):
            with suppress(PatternError):  # each compiles alone; joined, they should too
                screen = UserPattern("|".join(f"(?:{e})" for e in sources) if sources else "(?!)")
        spelled = frozenset(e.lower() for e in entries)
        return cls(exceptions, words, vocabulary, patterns, spelled, screen)

    def tokens(self, text: str) -> list[str]:
        return [found.group() for found in self.words.finditer(text)]

    def sentence(self, text: str, indicators: tuple[str, ...], lang: str | None) -> str:
        """`text` in sentence case as Vale writes it: a word a vocabulary entry matches as
        the entry is written (or as it is, for a pattern); the first word, and each after
        an indicator or a leading number (`1.`), with a capital and the rest in lower
        case; every other word in lower case; all joined by single spaces."""
        words = [found.group() for found in self.vocabulary.finditer(text)]
        made = []
        for i, word in enumerate(words):
            entry = self._entry(word)
            previous = words[i - 1] if i else ""
            if entry:
                made.append(entry)
            elif i == 0 or previous.endswith(indicators) or (i == 1 and _NUMBERED.search(previous)):
                made.append(upper(word[:1], lang) + lower(word[1:], lang))
            else:
                made.append(lower(word, lang))
        return " ".join(made)

    def _entry(self, word: str) -> str:
        """The vocabulary's spelling of `word`: an entry equal to it in any case, else the
        word itself when an entry's pattern occurs in it (twine's `inVocab`)."""
        screen = self.screen
        if screen is not None and word.lower() not in self.spelled and not screen.search(word):
            return ""
        for entry, pattern in self.entries:
            if entry.lower() == word.lower():
                return entry
            if pattern is not None and pattern.search(word):
                return word
        return ""


def _pattern(text: str) -> UserPattern | None:
    try:
        return UserPattern(text)
    except PatternError:
        return None


def _go_title(word: str) -> str:
    """Go's `strings.Title`: a capital for each letter after a separator (a space, or
    ASCII other than letters, digits and `_`)."""
    out = []
    separated = True
    for char in word:
        out.append(upper(char) if separated else char)
        separated = not (char.isalnum() or char == "_") if char.isascii() else char.isspace()
    return "".join(out)


_CASE_NAMES = {
    "$sentence": "sentence case",
    "$title": "title case",
    "$lower": "lower case",
    "$upper": "upper case",
}
