"""`passive`: prefer the active voice ("Kestrel processes orders")."""

from __future__ import annotations

from collections.abc import Iterator

from brandlint.core.rule import Finding, LintContext, Rule, format_message
from brandlint.voice.passive import passive_spans


class Passive(Rule):
    kind = "passive"
    finds_phrases = True
    per_block = True
    default_message = "'%s' is passive; say who does what."

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for view in ctx.in_scope(self):
            for start, end in passive_spans(view.doc, ctx.trained):
                span = view.doc[start:end]
                offset = view.block.start
                yield Finding(
                    offset + span.start_char,
                    offset + span.end_char,
                    format_message(self.message, span.text),
                )
