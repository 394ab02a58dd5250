"""`sentence-length`: sentences over a word limit, with a limit per channel (SMS: 15)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from brandlint.core.rule import Finding, LintContext, Rule, channel_label, word_count


class SentenceLength(Rule):
    kind = "sentence-length"
    keys = frozenset({"max"})
    default_scope = ("~heading", "~alt", "~title", "~meta")

    def targets(self, channel: str | None) -> dict[str, Any]:
        return {"max_sentence_length": int(self.setting(channel, "max", 25))}

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        channel = ctx.document.channel
        limit = int(self.setting(channel, "max", 25))
        for view in ctx.in_scope(self):
            for sentence in view.sentences:
                words = word_count(sentence)
                if words > limit:
                    start = view.block.start + sentence.start_char
                    end = view.block.start + sentence.end_char
                    message = (
                        self.spec.message
                        or "This sentence has {words} words; keep "
                        "sentences to {max} or fewer{channel}."
                    )
                    yield Finding(
                        start,
                        end,
                        message.format(words=words, max=limit, channel=channel_label(channel)),
                    )
