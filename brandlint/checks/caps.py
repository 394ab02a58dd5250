"""`caps`: WORDS IN CAPITALS read as shouting; acronyms and listed names are fine."""

from __future__ import annotations

import re
from collections.abc import Iterator

from brandlint.core.rule import Finding, LintContext, Rule, format_message

_CAPS = re.compile(r"(?<![\w])[^\W\d_a-z]{2,}(?:['’][^\W\d_a-z]+)?(?![\w])")


class Caps(Rule):
    kind = "caps"
    keys = frozenset({"min_length", "exceptions"})
    default_message = "'%s' is in capitals; it reads as shouting."

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        minimum = int(self.setting(ctx.document.channel, "min_length", 4))
        allowed = {str(e) for e in self.option("exceptions", []) or []}
        for view in ctx.in_scope(self):
            for found in _CAPS.finditer(view.text):
                word = found.group()
                if len(word) >= minimum and word not in allowed and word.upper() == word:
                    start = view.block.start + found.start()
                    yield Finding(start, start + len(word), format_message(self.message, word))
