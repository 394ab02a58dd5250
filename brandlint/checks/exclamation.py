"""`exclamation`: at most N exclamation marks per paragraph; never `!!` or `?!`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule

_RUN = re.compile(r"[!?]*![!?]*")


@dataclass(frozen=True)
class ExclamationOptions(Options):
    """The keys a `exclamation` rule takes, each declared once (`brandlint.core.options`)."""

    max: int = option(1, doc="The most exclamation marks in a paragraph.", per_channel=True)
    forbid: tuple[str, ...] = option(
        ("!!", "?!", "!?"), doc="Runs of marks that are never allowed.", per_channel=True
    )


class Exclamation(Rule):
    kind = "exclamation"
    per_block = True
    Options = ExclamationOptions

    def targets(self, channel: str | None) -> dict[str, Any]:
        return {"exclamations_per_paragraph": self.setting(channel, "max")}

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        channel = ctx.document.channel
        limit = self.setting(channel, "max")
        forbid = self.setting(channel, "forbid")
        for view in ctx.in_scope(self):
            if "!" not in view.text:  # most blocks: a find in C, not a search at each place
                continue
            base = view.block.start
            # marks inside the guide's required wording neither count nor get flagged
            runs = (
                run
                for run in _RUN.finditer(view.text)
                if not ctx.wording.covers(base + run.start(), base + run.end())
            )
            for seen, run in enumerate(runs, start=1):
                mark = run.group()
                start, end = base + run.start(), base + run.end()
                if len(mark) > 1 and any(f in mark for f in forbid):
                    yield Finding(
                        start,
                        end,
                        f"Use one punctuation mark, not '{mark}'.",
                        ("!" if "?" not in mark else "?",),
                    )
                if seen > limit:
                    yield Finding(
                        start,
                        end,
                        f"More than {limit} exclamation mark"
                        f"{'s' if limit != 1 else ''} in this paragraph; "
                        "let the words carry the energy.",
                        (".",),
                    )
