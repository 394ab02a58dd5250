"""`readability`: the formulas published for the copy's language against targets.

English copy is scored with the Flesch–Kincaid grade (`max_grade`) and Flesch reading ease
(`min_ease`); Norwegian, Swedish and Danish copy with LIX (`max_lix`); German, Spanish,
French, Italian, Dutch and Russian copy with the Flesch reading ease adapted to the language
(`min_ease`: Amstad, Fernández-Huerta, Kandel–Moles, Flesch–Vacca, Douma, Oborneva). The
formulas and their sources are in `brandlint.readability`. Measured per section (heading to
heading) and for the whole document. Vale's readability keys work too: `metrics:
[Flesch-Kincaid, Gunning-Fog]` with `grade: 8` compares the mean of those (English) metrics.
Sections shorter than `min_words` are not scored: the formulas swing wildly on a few
sentences.

Copy whose language has no formula the rule's targets can use (Hungarian, Azerbaijani,
Yoruba; or Norwegian copy under a rule with only `max_grade`) gets one note, at suggestion
level whatever the rule's level, saying why: never English figures, never a failed
`--fail-level warning`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from brandlint.checks.metric import vale_scores
from brandlint.core.alerts import Level
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, channel_label
from brandlint.readability import (
    NOT_SCORED,
    Formula,
    Scores,
    Section,
    formulas_for,
    joined,
    language,
    measure,
    readability_reason,
    sections,
)
from brandlint.voice.languages import language_name

__all__ = ["Readability", "ReadabilityOptions", "Section", "sections"]


@dataclass(frozen=True)
class ReadabilityOptions(Options):
    """The keys a `readability` rule takes, each declared once (`brandlint.core.options`)."""

    max_grade: float | None = option(
        None,
        doc="The highest Flesch–Kincaid grade allowed (English copy).",
        per_channel=True,
    )
    min_ease: float | None = option(
        None,
        doc="The lowest Flesch reading ease allowed: Flesch's for English copy, the "
        "language's published adaptation for German (Amstad), Spanish (Fernández-Huerta), "
        "French (Kandel–Moles), Italian (Flesch–Vacca), Dutch (Douma) and Russian "
        "(Oborneva) copy.",
        per_channel=True,
    )
    max_lix: float | None = option(
        None,
        doc="The highest LIX allowed (Björnsson's readability index: words per sentence + "
        "percentage of words over six letters; under 30 very easy, over 60 very hard), for "
        "Norwegian, Swedish and Danish copy.",
        example=45,
        per_channel=True,
    )
    per: Literal["section", "document", "both"] | None = option(
        None,
        doc="What is scored: each section (heading to heading), the whole document, "
        "or both (default: section; document with `metrics`).",
        per_channel=True,
    )
    min_words: int | None = option(
        None,
        doc="Units shorter than this are not scored: the formulas swing wildly on a few "
        "sentences (default: 40; 0 with `metrics`).",
        per_channel=True,
    )
    metrics: tuple[str, ...] = option(
        (),
        doc="Vale's readability metrics whose mean is compared with `grade` "
        "(Flesch-Kincaid, Gunning-Fog, SMOG, Coleman-Liau, Automated Readability; "
        "English copy).",
        example=["Flesch-Kincaid", "Gunning-Fog"],
    )
    grade: float = option(8, doc="The highest mean grade of `metrics`.", per_channel=True)


class Readability(Rule):
    kind = "readability"
    Options = ReadabilityOptions

    def targets(self, channel: str | None) -> dict[str, Any]:
        found = {
            "grade": self.setting(channel, "max_grade"),
            "reading_ease": self.setting(channel, "min_ease"),
            "lix": self.setting(channel, "max_lix"),
        }
        return {k: v for k, v in found.items() if v is not None}

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        lang = language(ctx.document.lang)
        views = list(ctx.in_scope(self))
        # headings count here (a section's anchor), though their words are not scored
        prose = [v for v in views if not any(v.block.in_scope(s) for s in NOT_SCORED)]
        if not prose:
            return
        channel = ctx.document.channel
        vale = bool(self.opts.metrics)
        per = self.setting(channel, "per") or ("document" if vale else "section")
        # Vale's readability rules (with `metrics`) have no minimum; ours skip short sections
        minimum = self.setting(channel, "min_words")
        minimum = (0 if vale else 40) if minimum is None else minimum
        found = sections(views)
        units = []
        if per in ("section", "both"):
            units = [s for s in found if _has_words(s.text, minimum)]
        if per in ("document", "both") or (per == "section" and len(units) == 0):
            text = joined(found)
            if _has_words(text, minimum):
                units.append(Section("this document", prose[0], text))
        if not units:
            return
        why = self._not_measured(lang, channel)
        if why:
            first = prose[0].block
            yield Finding(first.start, first.start, why, level=Level.SUGGESTION)
            return
        for unit in units:
            scores = measure(unit.text, lang)
            if self.opts.metrics and lang == "en":  # a Vale rule: Vale's counts and formulas
                scores = vale_scores(scores, unit.text)
            finding = self._judge(unit, scores, channel)
            if finding:
                yield finding

    def _not_measured(self, lang: str, channel: str | None) -> str:
        """The note for copy none of this rule's targets can be measured in ('' when one
        can, or when the rule sets no target at all)."""
        available = formulas_for(lang)
        if self.opts.metrics:
            if lang == "en":
                return ""
            return self._note(lang, [str(m) for m in self.opts.metrics], available)
        options = ("max_grade", "min_ease", "max_lix")
        wanted = [o for o in options if self.setting(channel, o) is not None]
        if not wanted or any(f.option in wanted for f in available):
            return ""
        names = {"max_grade": "the Flesch–Kincaid grade", "max_lix": "LIX"}
        return self._note(lang, [names.get(o, "Flesch reading ease") for o in wanted], available)

    @staticmethod
    def _note(lang: str, asked: list[str], available: tuple[Formula, ...]) -> str:
        if not available:
            return f"Readability is not measured: {readability_reason(lang)}."
        name = language_name(lang)
        subject = ", ".join(asked[:-1]) + " and " + asked[-1] if len(asked) > 1 else asked[0]
        offered = " or ".join(f"{f.name} (set {f.option})" for f in available)
        return (
            f"Readability is not measured: {subject} {'are' if len(asked) > 1 else 'is'} "
            f"not validated for {name}; {name} copy is measured with {offered}."
        )

    def _judge(self, unit: Section, scores: Scores, channel: str | None) -> Finding | None:
        where = unit.anchor.block
        text = unit.anchor.text
        start = where.start + (len(text) - len(text.lstrip()))
        end = where.start + len(text.rstrip())
        metrics = self.opts.metrics
        if metrics:
            limit = self.setting(channel, "grade")
            values = [v for v in (scores.metric(str(m)) for m in metrics) if v is not None]
            if not values:
                return None
            mean = round(sum(values) / len(values), 1)
            if mean > limit:
                names = ", ".join(str(m) for m in metrics)
                return Finding(
                    start,
                    end,
                    f"{names} grade {mean} in {unit.name} is above "
                    f"the target of {limit:g}{channel_label(channel)}.",
                )
            return None
        for formula in scores.formulas:
            target = self.setting(channel, formula.option)
            value = scores.value(formula)
            if target is None or value is None:
                continue
            limit = float(target)
            where_ = f"{formula.name} {value} in {unit.name}"
            if formula.higher_is_harder and value > limit:
                advice = {
                    "grade": "; use shorter sentences and simpler words",
                    "lix": "; use shorter sentences and fewer long words",
                }.get(formula.key, "")
                return Finding(
                    start,
                    end,
                    f"{where_} is above the target of {limit:g}{channel_label(channel)}{advice}.",
                )
            if not formula.higher_is_harder and value < limit:
                return Finding(
                    start,
                    end,
                    f"{where_} is below the target of {limit:g}{channel_label(channel)}.",
                )
        return None


def _has_words(text: str, minimum: int) -> bool:
    """Whether `text` has at least `minimum` words (split at white space), splitting off no
    more than that many: a 1 MB page split whole was 180,000 strings at once."""
    return len(text.split(None, minimum)) >= minimum
