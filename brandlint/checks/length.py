"""`length`: a field of a piece (subject, title, body, headline…) over its limit.

`count: chars` counts characters as a person does; `count: x` counts as X does (URLs 23,
emoji and CJK 2). The alert covers what does not fit, so the writer sees what to cut.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from brandlint.channels.fields import field_texts
from brandlint.channels.x_length import url_spans, weighted_length
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, channel_label


def _fits(text: str, limit: int, measure) -> int:  # type: ignore[no-untyped-def]
    """Length of the longest prefix of `text` within `limit`."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    return low


@dataclass(frozen=True)
class LengthOptions(Options):
    """The keys a `length` rule takes, each declared once (`brandlint.core.options`)."""

    field: str = option(
        "body",
        doc="The field measured: body (the running text), subject, preheader, title, "
        "headline, description, or any field of a copy deck.",
        per_channel=True,
        example="subject",
    )
    max: int = option(0, doc="The most characters allowed (0: no limit).", per_channel=True)
    count: Literal["chars", "x"] = option(
        "chars",
        doc="chars counts characters as a person does; x counts as X does (links "
        "23, emoji and CJK 2).",
        per_channel=True,
    )


class Length(Rule):
    kind = "length"
    Options = LengthOptions

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        channel = ctx.document.channel
        field = self.setting(channel, "field")
        limit = self.setting(channel, "max")
        x_count = self.setting(channel, "count") == "x"
        measure = weighted_length if x_count else len
        unit = "weighted characters" if x_count else "characters"
        views = list(ctx.in_scope(self))
        for found in field_texts(views, ctx.document.text, field):
            size = measure(found.text)
            if limit and size > limit:
                keep = _fits(found.text, limit, measure)
                if x_count:  # never cut a link in two: it counts 23 whole or not at all
                    keep = next((s for s, e in url_spans(found.text) if s < keep < e), keep)
                start = found.start + keep
                if ctx.document.block_at(start) is None:
                    # the cut fell on the break between two blocks, which is in no line of
                    # the file: what does not fit starts with the next block
                    start = next(b.start for b in ctx.document.blocks if b.start >= start)
                if field == "body":
                    name = "The post" if channel == "social" else "The text"
                else:
                    name = f"The {field.replace('_', ' ')}"
                message = (
                    self.spec.message or "{name} is {size} {unit}; the limit{channel} is {max}."
                )
                yield Finding(
                    start,
                    found.end,
                    message.format(
                        name=name, size=size, unit=unit, max=limit, channel=channel_label(channel)
                    ),
                )
