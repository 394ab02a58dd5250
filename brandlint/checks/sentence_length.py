"""`sentence-length`: sentences over a word limit, with a limit per channel (SMS: 15)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from brandlint.checks.word_counts import word_counts
from brandlint.core.document import NOT_PROSE
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, channel_label


@dataclass(frozen=True)
class SentenceLengthOptions(Options):
    """The keys a `sentence-length` rule takes, each declared once (`brandlint.core.options`)."""

    max: int = option(25, doc="The most words in a sentence.", per_channel=True)


class SentenceLength(Rule):
    kind = "sentence-length"
    per_block = True
    Options = SentenceLengthOptions
    default_scope = tuple(f"~{scope}" for scope in sorted(NOT_PROSE))  # running prose only

    def targets(self, channel: str | None) -> dict[str, Any]:
        return {"max_sentence_length": self.setting(channel, "max")}

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        channel = ctx.document.channel
        limit = self.setting(channel, "max")
        counts = ctx.fact(word_counts)
        for view in ctx.in_scope(self):
            for sentence in view.sentences:
                if counts.between(view, sentence.start, sentence.end) <= limit:
                    continue  # leaving required wording out would only count fewer
                words = counts.sentence(view, sentence)  # required wording left out
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
