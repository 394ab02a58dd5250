"""`consistency`: either spelling is allowed, mixing them in one document is not.

Groups come from a guide's `consistency:` section (any number of variants) or from Vale's
`either` map (pairs). The first variant used in a document sets the spelling; later uses of
another variant are flagged with the first one as the fix. Variants compare case-folded
unless the rule sets `ignorecase: false`, so a capital at the start of a sentence is not an
inconsistency.

Variants match their inflected forms as terms do, in each language with a morphology
(`brandlint.nlp.morphology`: hu, nb, az): "omnichannelnek" is the spelling "omnichannel"
with a case ending, so only the spelling is compared, and the fix carries the ending over
("omni-channelnek" → "omnichannelnek"), or is only suggested when it cannot be rebuilt.

A spelling the guide bans (a term's `avoid` or `instead_of`, in the document's language) is
never the spelling a document is held to, and never a fix, inflected or not: the guide's
loader tells the rule which spellings those are (`brandlint.guide.coherence`), and the term
rule flags them.

A rule in Vale's form (`either` pairs, from a Vale style) behaves as Vale's does, so a
style gives Vale's alerts (errata-ai/vale v3.7.1, `internal/check/consistency.go`): each
pair is one pattern, `(?P<a>v1)|(?P<b>v2)` inside the word boundaries; the variants seen so
far in the file are remembered, and a block (a sentence with `scope: sentence`) that has a match of
the pair once both variants have been seen gives one alert, at its last match of the pair,
with no fix: Vale does not say which spelling the document settled on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from brandlint.checks.literals import expand
from brandlint.checks.patterns import MatchOptions, PatternRule, word_pattern
from brandlint.core.errors import Problem
from brandlint.core.options import option
from brandlint.core.patterns import UserPattern
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec, passes
from brandlint.matching import Form, PhraseIndex
from brandlint.text_case import canonical, fold, follow_case, lower


@dataclass(frozen=True)
class ConsistencyOptions(MatchOptions):
    """The keys a `consistency` rule takes, each declared once (`brandlint.core.options`)."""

    either: Mapping[str, str] = option(
        None,
        doc="Pairs of spellings (Vale's form): one → the other; a document uses one.",
        example={"advisor": "adviser"},
    )
    groups: tuple[tuple[str, ...], ...] = option(
        (),
        doc="Groups of two or more spellings; a document uses one of each group.",
        example=[["e-commerce", "ecommerce"]],
    )
    nonword: bool = option(False, doc="Do not wrap the spellings in word boundaries.")


class Consistency(PatternRule):
    kind = "consistency"
    finds_phrases = True
    Options = ConsistencyOptions
    default_message = "Inconsistent spelling: '%s' here, but '%s' earlier in this document."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        groups: list[list[str]] = [list(g) for g in self.opts.groups]
        for first, second in (self.opts.either or {}).items():
            groups.append([first, second])
        self.require(bool(groups), "a consistency rule needs 'either' (pairs of spellings)")
        self.ignorecase = self.opts.ignorecase
        # spellings the guide bans, each with the languages where it does (a rule's `lang`
        # filter: empty for every language)
        self.banned: list[tuple[tuple[str, ...], str]] = []
        self._banned_in: dict[str, frozenset[str]] = {}  # folded `banned`, per language
        flags = re.IGNORECASE if self.ignorecase else 0
        self.literal: list[tuple[int, int, list[str]]] = []
        self.spellings = {
            (g, v): variant for g, group in enumerate(groups) for v, variant in enumerate(group)
        }
        self.patterns: list[tuple[int, int, UserPattern]] = []
        # Vale's form: one pattern per `either` pair, run with Vale's semantics
        self.pairs: list[UserPattern] = []
        if self.opts.either and not self.opts.groups:
            for first, second in self.opts.either.items():
                pair = self.regex(
                    word_pattern(
                        [f"(?P<vale_first>{first})", f"(?P<vale_second>{second})"],
                        nonword=self.opts.nonword,
                    ),
                    ("either",),
                    flags,
                )
                if pair is not None:
                    self.pairs.append(pair)
            return
        for g, group in enumerate(groups):
            for v, variant in enumerate(group):
                words = expand(variant) if not self.opts.nonword else None
                if words is not None:
                    self.literal.append((g, v, words))
                    continue
                pattern = self.regex(
                    word_pattern([variant], nonword=self.opts.nonword),
                    ("either",),
                    flags,
                )
                if pattern is not None:
                    self.patterns.append((g, v, pattern))
                    self.prepare_search(pattern)

    def spelling(self, text: str) -> str:
        return fold(text)

    def register(self, index: PhraseIndex) -> None:
        # WORD: any case, plus the language's endings (plain LOWER where it has none)
        for group, variant, words in self.literal:
            index.add(self, (group, variant), words, "WORD" if self.ignorecase else "ORTH")

    def needs_hits(self) -> bool:
        return not self.patterns and not self.pairs

    def _form(self, text: str, lang: str) -> str:
        return fold(text, lang) if self.ignorecase else canonical(text)

    def is_banned(self, text: str, lang: str) -> bool:
        forms = self._banned_in.get(lang)
        if forms is None:  # once per language: a guide may ban thousands of words
            forms = frozenset(
                fold(form, lang) for langs, form in self.banned if passes(langs, lang)
            )
            self._banned_in[lang] = forms
        return fold(text, lang) in forms

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if self.pairs:
            yield from self._check_as_vale(ctx)
            return
        lang = ctx.document.lang or ""
        seen: list[tuple[int, int, int, str, Form | None, tuple[int, int] | None]] = [
            (hit.start, hit.end, hit.payload[0], text, _ending(hit.form), hit.payload)
            for hit, text in self.phrase_hits(ctx)
        ]
        for group, _variant, pattern in self.patterns:
            seen.extend(
                (base + m.start(), base + m.end(), group, m.group(), None, None)
                for base, m in self.regex_matches(ctx, pattern)
            )
        seen.sort(key=lambda found: found[:4])
        first: dict[int, tuple[int, str]] = {}
        for start, end, group, text, form, variant in seen:
            # an inflected word is spelled as the variant it inflects; its ending is grammar
            spelling = text if form is None or variant is None else self.spellings[variant]
            if self.banned and (self.is_banned(spelling, lang) or self.is_banned(text, lang)):
                continue  # the guide's term flags it; it never sets the spelling
            if group not in first:
                first[group] = (start, spelling)
                continue
            chosen = first[group][1]
            if self._form(spelling, lang) == self._form(chosen, lang):
                continue
            fix = follow_case(text, lower(chosen, lang), lang) if self.ignorecase else chosen
            suggested = False
            if form is not None:  # carry the ending over, or only suggest the spelling
                written = text[: form.stem_end - start]
                built = form.rebuild(fix)
                if built is None and _letters(written, lang) == _letters(fix, lang):
                    # the spellings differ in hyphens or spaces only ("omni-channel"): the
                    # ending the copy chose for these letters fits them still
                    built = fix + text[form.stem_end - start :]
                if built is None or (self.banned and self.is_banned(built, lang)):
                    suggested = True
                else:
                    fix = built
            message = format_message(self.message, text, chosen)
            yield Finding(start, end, message, (fix,), suggestion=suggested)

    def _check_as_vale(self, ctx: LintContext) -> Iterator[Finding]:
        """Vale's consistency: per block, one alert at the last match of a pair once both
        of its variants have been seen in the file (this block included)."""
        seen: set[tuple[int, int]] = set()  # (pair, variant): Vale's `File.Sequences`
        by_sentence = "sentence" in self.scope
        exceptions = self.exceptions()  # brandlint's key (Vale's consistency has none)
        for view in ctx.in_scope(self):
            base = view.block.start
            units = (
                [(s.start_char, s.end_char) for s in view.sentences]
                if by_sentence
                else [(0, len(view.text))]
            )
            for unit_start, unit_end in units:
                text = view.text[unit_start:unit_end]
                for number, pair in enumerate(self.pairs):
                    last = None
                    for found in pair.finditer(text):
                        if found.end() <= found.start() or self._excepted_at(
                            text, found.start(), found.end(), exceptions
                        ):
                            continue
                        variant = 1 if found.group("vale_first") is not None else 2
                        seen.add((number, variant))
                        last = found
                    if last is None or not {(number, 1), (number, 2)} <= seen:
                        continue
                    start = base + unit_start + last.start()
                    message = format_message(self.message, last.group())
                    yield Finding(start, base + unit_start + last.end(), message)


def _ending(form: Form | None) -> Form | None:
    """The hit's form when its last word carries an ending the morphology can describe."""
    return form if form is not None and form.inflection is not None else None


def _letters(text: str, lang: str) -> str:
    return "".join(char for char in fold(text, lang) if char.isalnum())
