"""`readability`: Flesch–Kincaid grade and Flesch reading ease against targets.

Measured per section (heading to heading) and for the whole document. Vale's readability
keys work too: `metrics: [Flesch-Kincaid, Gunning-Fog]` with `grade: 8` compares the mean
of those metrics. Sections shorter than `min_words` are not scored: the formulas swing
wildly on a few sentences. Copy in a language textstat has no syllable data for gets one
note saying so, never English figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from brandlint.core.document import NOT_PROSE
from brandlint.core.options import Options, option
from brandlint.core.rule import BlockView, Finding, LintContext, Rule, channel_label
from brandlint.readability import Scores, measure, unsupported_reason

# headings are not scored but mark where sections start, so they are handled on their own
_NOT_SCORED = tuple(sorted(NOT_PROSE - {"heading"}))


@dataclass(frozen=True)
class Section:
    """Running text under one heading (or before the first), with where to report it."""

    name: str
    anchor: BlockView
    text: str


def sections(views: list[BlockView]) -> list[Section]:
    found: list[Section] = []
    heading: BlockView | None = None
    parts: list[str] = []
    first: BlockView | None = None

    def close() -> None:
        if parts and (heading or first):
            name = f"section '{heading.text.strip()}'" if heading else "the opening"
            found.append(Section(name, heading or first, "\n".join(parts)))  # type: ignore[arg-type]

    for view in views:
        if view.block.in_scope("heading"):
            close()
            heading, parts, first = view, [], None
        elif not any(view.block.in_scope(s) for s in _NOT_SCORED):
            text = view.text.strip()
            parts.append(text if text[-1:] in ".!?" else text + ".")
            first = first or view
    close()
    if len(found) == 1 and heading is None:  # no headings at all: the section is the page
        found[0] = Section("this document", found[0].anchor, found[0].text)
    return found


@dataclass(frozen=True)
class ReadabilityOptions(Options):
    max_grade: float | None = option(
        None, doc="The highest Flesch–Kincaid grade allowed.", per_channel=True
    )
    min_ease: float | None = option(
        None, doc="The lowest Flesch reading ease allowed.", per_channel=True
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
        "(Flesch-Kincaid, Gunning-Fog, SMOG, Coleman-Liau, Automated Readability).",
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
        }
        return {k: v for k, v in found.items() if v is not None}

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        lang = ctx.document.lang or "en"
        prose = [v for v in ctx.in_scope(self) if not any(v.block.in_scope(s) for s in _NOT_SCORED)]
        if not prose:
            return
        reason = unsupported_reason(lang)
        if reason:
            first = prose[0].block
            yield Finding(first.start, first.start, reason[0].upper() + reason[1:] + ".")
            return
        channel = ctx.document.channel
        vale = bool(self.opts.metrics)
        per = self.setting(channel, "per") or ("document" if vale else "section")
        # Vale's readability rules (with `metrics`) have no minimum; ours skip short sections
        minimum = self.setting(channel, "min_words")
        minimum = (0 if vale else 40) if minimum is None else minimum
        units = []
        if per in ("section", "both"):
            units = [
                s for s in sections(list(ctx.in_scope(self))) if len(s.text.split()) >= minimum
            ]
        if per in ("document", "both") or (per == "section" and len(units) == 0):
            text = "\n".join(s.text for s in sections(list(ctx.in_scope(self))))
            if len(text.split()) >= minimum:
                units.append(Section("this document", prose[0], text))
        for unit in units:
            finding = self._judge(unit, measure(unit.text, lang), channel)
            if finding:
                yield finding

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
            value = round(sum(values) / len(values), 1)
            if value > limit:
                names = ", ".join(str(m) for m in metrics)
                return Finding(
                    start,
                    end,
                    f"{names} grade {value} in {unit.name} is above "
                    f"the target of {limit:g}{channel_label(channel)}.",
                )
            return None
        max_grade = self.setting(channel, "max_grade")
        min_ease = self.setting(channel, "min_ease")
        if max_grade is not None and scores.grade > float(max_grade):
            return Finding(
                start,
                end,
                f"Flesch–Kincaid grade {scores.grade} in {unit.name} is "
                f"above the target of {float(max_grade):g}"
                f"{channel_label(channel)}; use shorter sentences and "
                "simpler words.",
            )
        if min_ease is not None and scores.ease < float(min_ease):
            return Finding(
                start,
                end,
                f"Flesch reading ease {scores.ease} in {unit.name} is "
                f"below the target of {float(min_ease):g}"
                f"{channel_label(channel)}.",
            )
        return None
