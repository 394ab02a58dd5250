"""`headings`: a page has exactly one H1 (or the count the guide sets)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule


@dataclass(frozen=True)
class HeadingsOptions(Options):
    """The keys a `headings` rule takes, each declared once (`brandlint.core.options`)."""

    h1: int = option(1, doc="How many top-level headings a page has.", per_channel=True)


class Headings(Rule):
    kind = "headings"
    Options = HeadingsOptions

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        wanted = self.setting(ctx.document.channel, "h1")
        h1 = [v for v in ctx.views if "heading.h1" in v.block.scopes]
        for extra in h1[wanted:]:
            yield Finding(
                extra.block.start,
                extra.block.end,
                f"A page has {wanted} H1 heading{'s' if wanted != 1 else ''}; this is "
                f"number {h1.index(extra) + 1}. Make it an H2.",
            )
        if len(h1) < wanted and ctx.views:
            first = ctx.views[0].block
            yield Finding(
                first.start, first.end, f"This page has no H1 heading; it needs {wanted}."
            )
