"""`contractions`: prefer them (a warm voice: "you're") or avoid them (legal copy)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from brandlint.checks.patterns import PatternRule
from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext
from brandlint.core.spec import RuleSpec
from brandlint.matching import PhraseIndex
from brandlint.nlp.tagger import shipped_tagger
from brandlint.text_case import follow_case
from brandlint.voice.contractions import PAIRS, contracted_forms


@dataclass(frozen=True)
class ContractionsOptions(Options):
    """The keys a `contractions` rule takes, each declared once (`brandlint.core.options`)."""

    prefer: Literal["contracted", "expanded"] = option(
        "contracted", doc='Which form the brand writes: "we\'re" or "we are".'
    )
    exceptions: tuple[str, ...] = option((), doc="Forms to let through either way.")


class Contractions(PatternRule):
    kind = "contractions"
    finds_phrases = True
    Options = ContractionsOptions

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        self.prefer = self.opts.prefer
        if self.prefer not in ("contracted", "expanded"):
            problems.append(spec.problem(("prefer",), "prefer is 'contracted' or 'expanded'"))
        self.forms = dict(PAIRS) if self.prefer == "contracted" else contracted_forms()

    def register(self, index: PhraseIndex) -> None:
        for source, target in self.forms.items():
            index.add(self, target, [source], "LOWER")

    def targets(self, channel: str | None) -> dict[str, Any]:
        return {"contractions": self.prefer}

    def needs_hits(self) -> bool:
        return True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for hit, text in self.phrase_hits(ctx):
            doc = ctx.views[hit.view].doc
            following = doc[hit.token_end] if hit.token_end < len(doc) else None
            if self.prefer == "contracted" and (following is None or following.is_punct):
                continue  # "Yes, it is." cannot become "Yes, it's."
            suggestion = False
            if self.prefer == "contracted" and text.lower().endswith(" have"):
                auxiliary = _have_is_auxiliary(ctx, hit.view, hit.token_end)
                if auxiliary is False:
                    continue  # "we have it": "have" is the verb, "we've it" is not English
                suggestion = auxiliary is None
            fix = follow_case(text, hit.payload)
            verb = "Use" if self.prefer == "contracted" else "Spell out"
            message = self.spec.message or f"{verb} '{fix}' instead of '{text}'."
            yield Finding(hit.start, hit.end, message, (fix,), suggestion=suggestion)


def _have_is_auxiliary(ctx: LintContext, view: int, after: int) -> bool | None:
    """Whether the "have" before token `after` is an auxiliary ("we have shipped": a past
    participle follows, past any adverbs), which alone contracts; None without tags to
    tell (no trained pipeline and no tagger shipped for the language)."""
    doc = ctx.views[view].doc
    if not ctx.trained:
        tagger = shipped_tagger(ctx.document.lang or "")
        if tagger is None:
            return None
        tagger.tag([doc])
    index = after
    while index < len(doc) and doc[index].tag_.startswith("RB"):
        index += 1  # "we have never shipped"
    return index < len(doc) and doc[index].tag_ in ("VBN", "VBD")
