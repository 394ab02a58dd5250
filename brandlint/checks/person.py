"""`person`: talk to the reader as "you" and about the brand as "we"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.checks.patterns import PatternRule
from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext
from brandlint.core.spec import RuleSpec
from brandlint.matching import PhraseIndex
from brandlint.text_case import follow_case


@dataclass(frozen=True)
class PersonOptions(Options):
    """The keys a `person` rule takes, each declared once (`brandlint.core.options`)."""

    reader: tuple[str, ...] = option(
        (),
        doc="Words that address the reader in the third person, to say 'you' instead.",
        example=["the customer", "users"],
    )
    brand: tuple[str, ...] = option(
        (),
        doc="Words that name the brand in the third person, to say 'we' instead.",
        example=["the company"],
    )
    exceptions: tuple[str, ...] = option((), doc="Phrases to let through.")


class Person(PatternRule):
    kind = "person"
    finds_phrases = True
    Options = PersonOptions

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        self.reader = list(self.opts.reader)
        self.brand = list(self.opts.brand)

    def register(self, index: PhraseIndex) -> None:
        index.add(self, "you", self.reader, "LEMMA")
        index.add(self, "we", self.brand, "LEMMA")

    def needs_hits(self) -> bool:
        return True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for hit, text in self.phrase_hits(ctx):
            pronoun = hit.payload
            who = "the reader" if pronoun == "you" else "the brand"
            message = self.spec.message or f"Talk to {who} as '{pronoun}', not '{text}'."
            yield Finding(hit.start, hit.end, message, (follow_case(text, pronoun),))
