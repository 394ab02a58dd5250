"""`caps`: WORDS IN CAPITALS read as shouting; acronyms and listed names are fine."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, format_message
from brandlint.text_case import is_all_caps

_CAPS = re.compile(r"(?<![\w])[^\W\d_a-z]{2,}(?:['’][^\W\d_a-z]+)?(?![\w])")


@dataclass(frozen=True)
class CapsOptions(Options):
    """The keys a `caps` rule takes, each declared once (`brandlint.core.options`)."""

    min_length: int = option(
        4, doc="Words in capitals this long or longer are flagged.", per_channel=True
    )
    exceptions: tuple[str, ...] = option(
        (),
        doc="Words that may be written in capitals (acronyms, required keywords).",
        example=["STOP", "FAQ"],
    )


class Caps(Rule):
    kind = "caps"
    per_block = True
    Options = CapsOptions
    default_message = "'%s' is in capitals; it reads as shouting."
    defers_to_guide_wording = True  # "Reply STOP to opt out." keeps its STOP

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        minimum = self.setting(ctx.document.channel, "min_length")
        allowed = set(self.opts.exceptions)
        lang = ctx.document.lang or ""
        for view in ctx.in_scope(self):
            for found in _CAPS.finditer(view.text):
                word = found.group()
                # per language: İSTANBUL and STRAßE are in capitals
                if len(word) >= minimum and word not in allowed and is_all_caps(word, lang):
                    start = view.block.start + found.start()
                    yield Finding(start, start + len(word), format_message(self.message, word))
